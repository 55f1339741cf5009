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
from typing import Any

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
    "incl",  # "8 civilians incl. 3 kids": a post's short "including"
    "esp",
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
    if first == "\u0640" and text[match.start() - 1 : match.start()] == "\u0640":
        return False  # "اعـ. ـ دمت": a word broken up with tatweels and a dot to slip past filters
    if "\u0600" <= first <= "\u06ff":
        # Arabic has no capitals: a full stop before an Arabic letter ends the sentence, unless the words after it
        # open the cause of what it told ("... من مدينة عفرين. بقصف طائرة حربية ..."): a slip of the writer's
        return match.group() != "." or rest.split(None, 1)[0] not in cause_openers()
    return bool(first.isupper() or first.isdigit() or first in "\"'“‘(«[" or not first.isalpha())


@functools.cache
def cause_openers() -> frozenset[str]:
    """The Arabic harm lexicon's ``cause_openers`` ("بقصف", "جراء"), read once."""
    from civcas.extract.rules import load_rules

    harm = load_rules().ar_harm
    return frozenset(harm.cause_openers) if harm is not None else frozenset()


#: a full stop with no space after it between two Arabic words ("بإدلب.وقال"): a capture that lost the space
_AR_GLUED_STOP = re.compile(
    r"(?:(?<=[\u0621-\u064a\u064b-\u0652]{3})|(?<=[)\"”»]))[.!?؟]+(?=[\u0621-\u064a]{3})"
)
_AR_LETTERS = re.compile(r"[\u0621-\u064a]+")


def _arabic_glued_stops(line: str) -> list[re.Match[str]]:
    """Full stops run into the next Arabic word that end a sentence: both sides whole common words ("بإدلب.وقال"),
    not one word broken up with a dot to slip past filters ("استش.هاد" is no word before the dot)."""
    if "." not in line and "!" not in line and "?" not in line and "؟" not in line:
        return []
    from civcas.extract.arabic_places import _common
    from civcas.extract.arabic_text import common_word

    out = []
    for m in _AR_GLUED_STOP.finditer(line):
        before = _AR_LETTERS.findall(re.sub("[\u064b-\u0652]", "", line[max(0, m.start() - 30) : m.start()]))
        after = _AR_LETTERS.match(line, m.end())
        if not before or after is None:
            continue
        a, b = before[-1], after.group()
        if line[m.start() - len(a) - 1 : m.start() - len(a)] == "\u0640":
            continue
        closed = line[m.start() - 1] in ')"”»'  # "(... ثلاث نساء).وأدان": no word broken there
        if common_word(b) and (closed or (common_word(a) and not _common(a + b))):
            out.append(m)
    return out


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
            continue  # blank lines between paragraphs: the next line is the next paragraph all the same
        seg_start = 0
        ends = [m for m in _END.finditer(line) if _ends_sentence(line, m.end(), m)]
        glued = _arabic_glued_stops(line)
        if glued:
            ends = sorted([*ends, *glued], key=lambda m: m.end())
        for m in ends:
            if m.end() > seg_start:
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


def _phrase_tokens(phrase: str) -> list[str]:
    """The phrase as the regex pieces :func:`_phrase_pattern` joins, one per character or gap."""
    out: list[str] = []
    for part in re.split(r"(\s+|-)", phrase.strip()):
        if not part:
            continue
        if part.isspace():
            out.append(r"[\s\u00a0]+")
        elif part == "-":
            out.append(r"[\s\-‐–]?")
        else:
            out.extend("['’]" if ch in "'’" else re.escape(ch) for ch in part)
    return out


def _phrase_pattern(phrase: str) -> str:
    """One phrase as a regex, whitespace- and hyphen-tolerant (the pieces of :func:`_phrase_tokens` in a row)."""
    return "".join(_phrase_tokens(phrase))


_LEAF = ""


def _trie_body(phrases: Iterable[str]) -> str:
    """One alternation of the phrases with their shared beginnings written once ("kill(?:ed|ing)?").

    The phrases that can match at one place in a text lie on one path of the tree, and each branch is tried
    before stopping where a shorter phrase ends, so the longest phrase that matches wins, as in a flat
    alternation sorted longest first; the engine no longer tries every phrase at every position.
    """
    root: dict[str, Any] = {}
    for p in phrases:
        node = root
        for tok in _phrase_tokens(p):
            node = node.setdefault(tok, {})
        node[_LEAF] = {}

    depths: dict[int, int] = {}

    def depth(node: dict[str, Any]) -> int:
        got = depths.get(id(node))
        if got is None:
            got = depths[id(node)] = max((1 + depth(child) for k, child in node.items() if k != _LEAF), default=0)
        return got

    def render(node: dict[str, Any]) -> str:
        kids = sorted(((k, v) for k, v in node.items() if k != _LEAF), key=lambda kv: -depth(kv[1]))
        alts = [k + render(v) for k, v in kids]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if _LEAF in node:
            body = (body + "?") if len(alts) == 1 and len(kids[0][0]) == 1 and not render(kids[0][1]) else (
                "(?:" + body + ")?")
        return body

    return render(root)


@functools.cache
def _compile(phrases: tuple[str, ...], case_sensitive: bool) -> re.Pattern[str]:
    body = _trie_body(p for p in set(phrases) if p.strip()) or "(?!)"
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", flags)


def phrase_regex(phrases: Iterable[str], *, case_sensitive: bool = False) -> re.Pattern[str]:
    """One regex matching any phrase on word boundaries, longest first, whitespace- and hyphen-tolerant."""
    return _compile(tuple(phrases), case_sensitive)


def alternation(words: Iterable[str], space: str = r"\s+") -> str:
    """The words as one non-capturing regex alternation, in their order, for a pattern built around it.

    Unlike :func:`phrase_regex` it adds no word boundaries, does not reorder the words and matches each as written
    (hyphens and apostrophes included) but for its spaces, which match ``space``; a list of no words matches nothing.
    """
    alts = [space.join(re.escape(part) for part in w.split()) for w in words if w.strip()]
    return f"(?:{'|'.join(alts)})" if alts else "(?!)"


_ALNUM = re.compile(r"[A-Za-z0-9]+")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


def any_of(patterns: Iterable[re.Pattern[str]]) -> dict[int, re.Pattern[str] | None]:
    """Per flag set, one regex that matches a text exactly when one of ``patterns`` with those flags does.

    A sentence it does not match skips that set's scans: one pass over an alternation costs less than one
    pass per pattern. None for a set it cannot stand for (a numbered back-reference would change meaning).
    """
    by_flags: dict[int, list[str]] = {}
    for p in patterns:
        by_flags.setdefault(p.flags, []).append(p.pattern)
    out: dict[int, re.Pattern[str] | None] = {}
    for flags, sources in by_flags.items():
        try:
            out[flags] = None if any(_BACKREFERENCE.search(s) for s in sources) else re.compile(
                "|".join(f"(?:{s})" for s in sources), flags
            )
        except re.error:  # e.g. a group name used in two patterns
            out[flags] = None
    return out


@functools.cache
def _required(phrases: tuple[str, ...]) -> tuple[str, ...] | None:
    words = []
    for p in phrases:
        if not p.strip():
            continue  # left out of the regex
        runs = _ALNUM.findall(p)
        if not runs:
            return None
        words.append(max(runs, key=len).lower())
    return tuple(dict.fromkeys(words))


def phrase_words(phrases: Iterable[str]) -> tuple[str, ...] | None:
    """For :func:`may_match`: per phrase, one word every match of its (case-blind) regex holds; None if some has none.

    A phrase's ASCII letter and digit runs are literals of its pattern (only spaces, hyphens and apostrophes
    vary), so its longest run is in any match of it.
    """
    return _required(tuple(phrases))


def may_match(words: tuple[str, ...] | None, lowered: str | None) -> bool:
    """Whether a case-blind phrase regex can match a text; ``lowered`` is :func:`ascii_lower` of the text.

    False means it cannot, so its scan is skipped: Python's ``re`` tries every phrase of a long alternation at
    every position (a case-blind alternation starting with a look-behind gets no first-character filter),
    while a missing word is ruled out by a few substring tests.
    """
    # map over the bound method: no generator frame per word (this runs some 40 times per sentence)
    return lowered is None or words is None or any(map(lowered.__contains__, words))


# Characters besides ASCII that neither are letters nor fold to one: typographic quotes, dashes, bullets, spaces.
_UNSAFE_FOR_LOWER = re.compile("[^\x00-\x7f\u00a0\u00b7\u200e\u200f\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]")


def ascii_lower(text: str) -> str | None:
    """``text`` lower-cased when it is ASCII (typographic punctuation aside), else None (for :func:`may_match`).

    Only there does ``str.lower`` agree with the regex's case folding of the phrases' ASCII letters: elsewhere
    "ı", "ſ" or the Kelvin sign match "i", "s", "k" in a case-blind regex, which ``str.lower`` does not give.
    """
    if text.isascii() or not _UNSAFE_FOR_LOWER.search(text):
        return text.lower()
    return None


_WHITESPACE = re.compile(r"[\s\u00a0]+")


@functools.lru_cache(maxsize=65_536)  # about 30 calls a sentence, mostly on the same lexicon words
def fold(s: str) -> str:
    """Lower-case, straighten apostrophes and collapse whitespace: the key for lexicon lookups."""
    return _WHITESPACE.sub(" ", s.replace("’", "'").replace("‘", "'")).strip().lower()


#: the quote pairs a name may open and close ("حملة \"الرقة تذبح بصمت\"", "مراسل “نداء بوست”")
QUOTE_PAIRS = (('"', '"'), ("“", "”"), ("«", "»"))


def unclosed_quote(name: str) -> tuple[str, str] | None:
    """The (opening, closing) pair of a quote the name opens and does not close, if any."""
    for opening, closing in QUOTE_PAIRS:
        if name.count(opening) % 2 if opening == closing else name.count(opening) > name.count(closing):
            return opening, closing
    return None
