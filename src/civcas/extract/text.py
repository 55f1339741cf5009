"""Sentences with offsets, and regular expressions built from lexicon phrases.

Sentence splitting is a small rule set rather than a model: newswire and
monitors' bulletins end sentences with ``. ! ?`` and paragraphs with line
breaks, and the failure that matters (cutting "U.S." or "Col." in two) is
handled by an abbreviation list.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

_ABBREVIATIONS = {
    "u.s",
    "u.k",
    "u.n",
    "mr",
    "mrs",
    "ms",
    "dr",
    "col",
    "gen",
    "lt",
    "sgt",
    "capt",
    "maj",
    "st",
    "no",
    "vs",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "km",
    "approx",
    "est",
    "govt",
    "dept",
    "adm",
    "brig",
    "cpl",
    "pvt",
    "rev",
    "sen",
    "rep",
    "gov",
    "prof",
    "inc",
    "ltd",
    "co",
    "jr",
    "sr",
    "al",
    "int'l",
    "int’l",
    "ft",
    "mt",
    "etc",
    "cf",
    "fig",
}

_END = re.compile(r"""[.!?…]+[\"'”’)\]]*(?=\s+|$)""")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: offsets into the document text, and which paragraph it is in."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


def _ends_sentence(text: str, end_at: int, match: re.Match[str]) -> bool:
    """Whether the punctuation at ``match`` ends a sentence (not an abbreviation or initial)."""
    opened, closed = text.rfind("[", 0, match.start()), text.rfind("]", 0, match.start())
    if opened > closed and match.start() - opened <= 120:
        closing = text.find("]", match.start(), opened + 122)
        if closing >= 0 and re.search(r"\w", text[match.end() : closing]):
            return False  # inside an editor's insertion: "Takhar [? -- see comment] Province"
    if match.group().startswith((".",)) and match.group().rstrip("\"'”’)]") == ".":
        word = re.search(r"([\w.'’]+)$", text[: match.start()])
        if word:
            w = word.group(1).lower().rstrip(".")
            if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                return False
            if re.fullmatch(r"(?:[a-z]\.)+[a-z]", w):
                return False
    rest = text[end_at:].lstrip()
    if not rest:
        return True
    first = rest[0]
    if "\u0600" <= first <= "\u06ff":
        return True  # Arabic has no capitals: a full stop before an Arabic letter ends the sentence
    return bool(first.isupper() or first.isdigit() or first in "\"'“‘(«[" or not first.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with half-open offsets; line breaks always end a sentence.

    >>> [s.text for s in split_sentences("U.S. jets struck Raqqa. Ten died.\\nNext")]
    ['U.S. jets struck Raqqa.', 'Ten died.', 'Next']
    """
    out: list[Sentence] = []
    para = 0
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            para += 1
            continue
        seg_start = 0
        for m in _END.finditer(line):
            if _ends_sentence(line, m.end(), m):
                _append(out, text, line_start + seg_start, line_start + m.end(), para)
                seg_start = m.end()
        _append(out, text, line_start + seg_start, line_start + len(line), para)
        para += 1
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end], para))


def _phrase_pattern(phrase: str) -> str:
    parts = re.split(r"(\s+|-)", phrase.strip())
    out = []
    for part in parts:
        if not part:
            continue
        if part.isspace():
            out.append(r"[\s\u00a0]+")
        elif part == "-":
            out.append(r"[\s\-‐–]?")
        else:
            out.append(re.sub(r"['’]", "['’]", re.escape(part)))
    return "".join(out)


@functools.cache
def _compile(phrases: tuple[str, ...], case_sensitive: bool) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(_phrase_pattern(p) for p in ordered if p.strip())
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", flags)


def phrase_regex(phrases: Iterable[str], *, case_sensitive: bool = False) -> re.Pattern[str]:
    """One regex matching any phrase on word boundaries, longest first, whitespace- and hyphen-tolerant."""
    return _compile(tuple(phrases), case_sensitive)


def fold(s: str) -> str:
    """Lower-case, straighten apostrophes and collapse whitespace: the key for lexicon lookups."""
    return re.sub(r"[\s\u00a0]+", " ", s.replace("’", "'").replace("‘", "'")).strip().lower()
