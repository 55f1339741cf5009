"""Remove page furniture that survives text extraction: whole lines only, rules from a data file.

Archived pages keep share widgets, icon sprite names, "READ MORE: <headline>"
lines and lists of other stories' headlines under "Related News" or "Prev
Post". The lists are the costly part: they name other strikes, so left in
they become false casualty claims about unrelated events. The cleaner works
line by line and only drops whole lines, so every character of the result is
verbatim from the published text and quotes cut from it stay defensible.

The rules live in ``civcas/data/ingest/furniture.v1.yaml``; every removal
records the rule (``ingest/furniture@v1#<id>``) that took it.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from civcas import datayaml
from civcas.errors import DataFileError

log = logging.getLogger(__name__)

FURNITURE_FILE = Path(__file__).resolve().parent.parent / "data" / "ingest" / "furniture.v1.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _ChangelogEntry(_Strict):
    version: int
    date: date
    note: str


def _check_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"regex does not compile ({exc})") from None
    return value


class HeadlineShape(_Strict):
    """What a line in a list of headlines looks like (short, not ending like a sentence)."""

    max_chars: int = Field(gt=0)
    short_sentence_chars: int = Field(ge=0)
    paragraph_end: str
    #: a run of at least this many headline-like paragraphs closing a text after article prose is a list of
    #: other stories even without a header (0: off)
    trailing_min_lines: int = Field(default=0, ge=0)
    #: a date as listed headlines carry it ("2021/08/20", "الثلاثاء 2025/03/18", "20 May, 2025 - 10:05")
    date: str | None = None
    #: a run of at least this many headlines, each with its date (on the line after it, or before or after it on
    #: its own line), is a list of other stories (0: off)
    dated_min_items: int = Field(default=0, ge=0)
    #: a line of at least this many words in Latin capitals between two paragraphs of prose is a link to another
    #: story (news sites set their "related" headlines so inside an article; 0: off)
    capitals_min_words: int = Field(default=0, ge=0)

    _regex = field_validator("paragraph_end")(_check_regex)
    _date_regex = field_validator("date")(lambda v: v if v is None else _check_regex(v))


class FurnitureRule(_Strict):
    """One furniture shape: a regex over a whole stripped line."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    what: str
    regex: str
    case: Literal["insensitive", "sensitive"] = "insensitive"
    note: str | None = None

    _regex = field_validator("regex")(_check_regex)


class FurnitureFile(_Strict):
    """The furniture data file: header, the headline shape, line rules and block rules."""

    schema_: Literal["civcas.furniture/1"] = Field(alias="schema")
    name: str
    version: int
    sources: list[str]
    license: str
    changelog: list[_ChangelogEntry]
    headline: HeadlineShape
    lines: list[FurnitureRule]
    blocks: list[FurnitureRule]
    #: where a captured post's comments begin, searched anywhere in the text (the cleaner keeps them: they are on
    #: the post's line; extraction reads only the text before)
    comments: list[FurnitureRule] = []
    #: stretches of the comments that continue the post: its author's own comments ("التفاصيل في أول تعليق"),
    #: each regex with a group ``body``
    author_comments: list[FurnitureRule] = []


@dataclass(frozen=True, slots=True)
class _Compiled:
    tag: str
    rule: FurnitureRule
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True, eq=False)
class Furniture:
    """Compiled furniture rules, ready for :func:`clean`."""

    tag: str
    max_headline_chars: int
    max_short_sentence_chars: int
    paragraph_end: re.Pattern[str]
    lines: tuple[_Compiled, ...]
    blocks: tuple[_Compiled, ...]
    trailing_min_lines: int = 0
    #: (date only, dated headline) regexes and the run that makes a dated list; None: off
    dated: tuple[re.Pattern[str], re.Pattern[str], int] | None = None
    comments: tuple[_Compiled, ...] = ()
    author_comments: tuple[_Compiled, ...] = ()
    capitals_min_words: int = 0

    def line_rule(self, line: str) -> _Compiled | None:
        """The first line rule matching the whole stripped ``line``, if any."""
        return next((c for c in self.lines if c.pattern.fullmatch(line)), None)

    def block_rule(self, line: str) -> _Compiled | None:
        """The first block-header rule matching the whole stripped ``line``, if any."""
        return next((c for c in self.blocks if c.pattern.fullmatch(line)), None)

    def comments_start(self, text: str) -> int | None:
        """Where the comments under a captured post begin in ``text`` ("All reactions:…"), if they do."""
        starts = [m.start() for c in self.comments if (m := c.pattern.search(text)) is not None]
        return min(starts) if starts else None

    def author_comments_after(self, text: str, start: int) -> list[tuple[int, int]]:
        """The stretches after ``start`` (where the comments begin) in which the post's author goes on: a page
        posts "details in the first comment", or an update to its count, under its own post."""
        out = [m.span("body") for c in self.author_comments for m in c.pattern.finditer(text, start)]
        return sorted(s for s in out if s[1] > s[0])

    def headline_like(self, line: str) -> bool:
        """True for a short line that does not end like a sentence of article text."""
        return len(line) <= self.max_headline_chars and not self.paragraph_end.fullmatch(line)


def _line_of(text: str, ident: object) -> int:
    if ident is not None:
        for n, line in enumerate(text.splitlines(), 1):
            if re.search(rf"\bid:\s*{re.escape(str(ident))}\b", line):
                return n
    return 1


def load_furniture(path: Path = FURNITURE_FILE) -> Furniture:
    """Validate and compile a furniture file; raises :class:`DataFileError` listing every problem."""
    try:
        text = path.read_text(encoding="utf-8")
        raw = datayaml.safe_load(text)
    except OSError as exc:
        raise DataFileError(f"{path}:1: cannot read ({exc.strerror}); expected a furniture file") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(f"{path}:{mark.line + 1 if mark else 1}: not valid YAML; expected a mapping") from None
    try:
        parsed = FurnitureFile.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            node: Any = raw
            ident = None
            for part in err["loc"]:
                try:
                    node = node[part]
                except (KeyError, IndexError, TypeError):
                    break
                if isinstance(node, dict) and "id" in node:
                    ident = node["id"]
            where = ".".join(str(p) for p in err["loc"])
            problems.append(f"{path}:{_line_of(text, ident)}: {where}: {err['msg']}")
        raise DataFileError("\n".join(problems)) from None
    ids = [r.id for r in [*parsed.lines, *parsed.blocks, *parsed.comments, *parsed.author_comments]]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise DataFileError(f"{path}:1: duplicate rule ids {dupes}; ids must be unique within a file")
    version = re.search(r"\.v(\d+)\.yaml$", path.name)
    if version and int(version.group(1)) != parsed.version:
        raise DataFileError(f"{path}:1: header version {parsed.version} does not match the file name")
    tag = f"ingest/{parsed.name}@v{parsed.version}"

    def compiled(rules: list[FurnitureRule]) -> tuple[_Compiled, ...]:
        return tuple(
            _Compiled(f"{tag}#{r.id}", r, re.compile(r.regex, re.IGNORECASE if r.case == "insensitive" else 0))
            for r in rules
        )

    return Furniture(
        tag=tag,
        max_headline_chars=parsed.headline.max_chars,
        max_short_sentence_chars=parsed.headline.short_sentence_chars,
        paragraph_end=re.compile(parsed.headline.paragraph_end),
        lines=compiled(parsed.lines),
        blocks=compiled(parsed.blocks),
        trailing_min_lines=parsed.headline.trailing_min_lines,
        dated=_dated_patterns(parsed.headline),
        comments=compiled(parsed.comments),
        author_comments=compiled(parsed.author_comments),
        capitals_min_words=parsed.headline.capitals_min_words,
    )


def _dated_patterns(shape: HeadlineShape) -> tuple[re.Pattern[str], re.Pattern[str], int] | None:
    if not shape.date or shape.dated_min_items <= 0:
        return None
    date = shape.date
    only = re.compile(rf"(?:{date})", re.IGNORECASE)
    with_headline = re.compile(rf"(?:{date})\s+(?P<a>\S.*)|(?P<b>.*\S)\s+(?:{date})", re.IGNORECASE)
    return only, with_headline, shape.dated_min_items


@functools.cache
def default_furniture() -> Furniture:
    """The bundled furniture rules, loaded once per process."""
    return load_furniture(FURNITURE_FILE)


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed line: where it was in the input, what it was and which rule took it.

    ``start``/``end`` are offsets into the text given to :func:`clean` (for a
    Document, ``normalise(raw)``), so ``input[start:end] == text``.
    """

    line: int
    start: int
    end: int
    text: str
    rule: str
    what: str


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The cleaned text and every line removed from it, in input order."""

    text: str
    removed: tuple[Removal, ...] = ()


REPEATED_LINE = "repeated_line"


def clean(text: str, *, rules: Furniture | None = None) -> CleanResult:
    """Drop whole lines of page furniture from ``text``; the rest stays verbatim.

    Runs of blank lines left where lines were removed shrink to one, and
    blank lines at either end go, so paragraphs stay separated as published.

    >>> r = clean("Share this\\n\\nJets struck the market on Sunday, killing 12.\\n\\nREAD MORE: Other story")
    >>> r.text
    'Jets struck the market on Sunday, killing 12.'
    >>> [x.what for x in r.removed]
    ['share widget', 'read-more link']
    """
    rules = rules or default_furniture()
    lines = text.split("\n")
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    removed: dict[int, tuple[str, str]] = {}
    prev_kept: str | None = None
    i, n = 0, len(lines)
    while i < n:
        s = lines[i].strip()
        if not s:
            i += 1
            continue
        block = rules.block_rule(s)
        if block is not None:
            removed[i] = (block.tag, block.rule.what)
            i = _consume_block(lines, i + 1, block, rules, removed)
            continue
        line_rule = rules.line_rule(s)
        if line_rule is not None:
            removed[i] = (line_rule.tag, line_rule.rule.what)
        elif s == prev_kept:
            removed[i] = (f"{rules.tag}#{REPEATED_LINE}", "repeated line")
        else:
            prev_kept = s
        i += 1
    _trailing_list(lines, rules, removed)
    _dated_list(lines, rules, removed)
    _capitals_links(lines, rules, removed)
    if not removed:
        return CleanResult(text)
    out = _join_kept(lines, removed)
    records = tuple(
        Removal(line=k + 1, start=starts[k], end=starts[k] + len(lines[k]), text=lines[k], rule=tag, what=what)
        for k, (tag, what) in sorted(removed.items())
    )
    return CleanResult(out, records)


def _consume_block(
    lines: list[str], j: int, header: _Compiled, rules: Furniture, removed: dict[int, tuple[str, str]]
) -> int:
    """Remove the listed lines after a block header; return the index of the first line after the block.

    The list runs over headline-like lines and furniture. A short line ending
    like a sentence (some sites put a full stop after headlines) belongs to
    the list only when a headline-like line follows it within the run or the
    run reaches the end of the text; otherwise it is the article resuming.
    """
    items: dict[int, tuple[str, str]] = {}
    pending: list[int] = []
    k = j
    while k < len(lines):
        t = lines[k].strip()
        if not t:
            k += 1
            continue
        inner = rules.line_rule(t) or rules.block_rule(t)
        if inner is not None:
            items[k] = (inner.tag, inner.rule.what)
        elif rules.headline_like(t):
            items[k] = (header.tag, f"{header.rule.what} (listed headline)")
        elif len(t) <= rules.max_short_sentence_chars:
            pending.append(k)
            k += 1
            continue
        else:
            break
        for q in pending:
            items[q] = (header.tag, f"{header.rule.what} (listed headline)")
        pending = []
        k += 1
    if k == len(lines):
        for q in pending:
            items[q] = (header.tag, f"{header.rule.what} (listed headline)")
        pending = []
    removed.update(items)
    return pending[0] if pending else k


TRAILING_LIST = "trailing_headlines"


def _trailing_list(lines: list[str], rules: Furniture, removed: dict[int, tuple[str, str]]) -> None:
    """Remove a closing run of headline-like paragraphs that follows article prose: other stories' headlines.

    NGO and agency pages often end with their latest items, one headline per paragraph and no "Related"
    header ("A child died due to a landmine in Deir Ez-Zour City on January 15"); read as text they become
    claims about other events. The run must follow a paragraph of prose that ends like a sentence, so a
    post made only of short lines keeps them.
    """
    if rules.trailing_min_lines <= 0:
        return
    run: list[int] = []
    block_tags = {c.tag for c in rules.blocks}
    k = len(lines) - 1
    while k >= 0:
        t = lines[k].strip()
        if k in removed and removed[k][0] in block_tags:
            return  # a headed list ("Prev Post", "التالي") already ends the text: what precedes it is the article
        if not t or k in removed:
            k -= 1
            continue
        if not rules.headline_like(t):
            break
        if k > 0 and lines[k - 1].strip() and k - 1 not in removed:
            return  # a headline list has one item per paragraph; this is a wrapped block of text
        run.append(k)
        k -= 1
    if len(run) < rules.trailing_min_lines or k < 0:
        return
    prose = lines[k].strip()
    if len(prose) <= rules.max_short_sentence_chars or not rules.paragraph_end.fullmatch(prose):
        return
    for q in run:
        removed[q] = (f"{rules.tag}#{TRAILING_LIST}", "trailing list of other headlines")


DATED_LIST = "dated_headlines"


def _dated_list(lines: list[str], rules: Furniture, removed: dict[int, tuple[str, str]]) -> None:
    """Remove runs of headlines each listed with its date: a site's other stories ("<headline>" then "2021/08/20",
    or "2021/08/20 09:23 <headline>" on one line), wherever on the page they stand and whatever header (or none)
    they have. Read as text they become claims about other events, dated and placed as the article's. An article's
    own title and date are one item, fewer than a run needs."""
    if rules.dated is None:
        return
    only, with_headline, min_items = rules.dated
    seq = [k for k, t in enumerate(lines) if t.strip() and k not in removed]

    def dated_headline(t: str) -> bool:
        m = with_headline.fullmatch(t)
        return m is not None and rules.headline_like(m.group("a") or m.group("b") or "") and not only.fullmatch(t)

    run: list[int] = []
    items = 0
    i = 0

    def flush() -> None:
        if items >= min_items:
            for q in run:
                removed[q] = (f"{rules.tag}#{DATED_LIST}", "list of other headlines with their dates")

    while i < len(seq):
        t = lines[seq[i]].strip()
        if dated_headline(t):
            run.append(seq[i])
            items += 1
            i += 1
            continue
        if (i + 1 < len(seq) and rules.headline_like(t) and not only.fullmatch(t)
                and only.fullmatch(lines[seq[i + 1]].strip())):
            run.extend((seq[i], seq[i + 1]))
            items += 1
            i += 2
            continue
        flush()
        run, items = [], 0
        i += 1
    flush()


CAPITALS_LINK = "capitals_link"
#: the fewest words of a paragraph of running text around a linked headline
_PROSE_MIN_WORDS = 8


def _capitals_links(lines: list[str], rules: Furniture, removed: dict[int, tuple[str, str]]) -> None:
    """Remove a line in Latin capitals set inside an article's prose ("AUSTIN ORDERS INVESTIGATION OF SYRIA AIRSTRIKE
    THAT KILLED CIVILIANS" in a Fox News article): a link to another story, whose words read as the article's own
    would place or date it wrongly. A title before the first paragraph stays."""
    if not rules.capitals_min_words:
        return
    seq = [k for k, t in enumerate(lines) if t.strip() and k not in removed]
    prose_seen = False
    for i in range(len(seq) - 1):
        t = lines[seq[i]].strip()
        if _in_capitals(t, rules.capitals_min_words):
            # (after the article's first paragraph, with its prose going on after it; a photo's caption may stand
            # before it)
            if prose_seen and _prose(lines[seq[i + 1]].strip(), rules):
                removed[seq[i]] = (f"{rules.tag}#{CAPITALS_LINK}", "linked story's headline in capitals")
            continue
        prose_seen = prose_seen or _prose(t, rules)


_LATIN_LOWER = re.compile(r"[a-z]")
_LATIN_UPPER = re.compile(r"[A-Z]")


def in_latin_capitals(line: str, min_letters: int = 12) -> bool:
    """A line written in Latin capitals ("AUSTIN ORDERS INVESTIGATION ..."): most of its characters Latin letters, none
    of them lower case (an Arabic line with an acronym in it is none)."""
    if _LATIN_LOWER.search(line):  # (most lines: decided at their first small letter)
        return False
    letters = len(_LATIN_UPPER.findall(line))
    return letters >= min_letters and letters * 2 > len(line) - line.count(" ")


def _in_capitals(line: str, min_words: int) -> bool:
    """A headline in capitals: enough words, and no full stop of a sentence at its end."""
    return (len(line.split()) >= min_words and in_latin_capitals(line, 1)
            and not line.rstrip().endswith((".", "?", "!")))


def _prose(line: str, rules: Furniture) -> bool:
    """A paragraph of running text: mixed case, ending like a sentence."""
    return (any(c.islower() for c in line) and len(line.split()) >= _PROSE_MIN_WORDS
            and rules.paragraph_end.fullmatch(line) is not None)


def _join_kept(lines: list[str], removed: dict[int, tuple[str, str]]) -> str:
    """Join the kept lines; a blank run that held a removal shrinks to one blank line.

    Blank runs without a removal stay as published; removed lines at either end
    leave no blank lines behind.
    """
    out: list[str] = []
    run: list[str] = []
    run_removed = False
    for k, line in enumerate(lines):
        if k in removed or not line.strip():
            run_removed = run_removed or k in removed
            if k not in removed:
                run.append(line)
            continue
        _flush(out, run, run_removed, at_end=False)
        run, run_removed = [], False
        out.append(line)
    _flush(out, run, run_removed, at_end=True)
    return "\n".join(out)


def _flush(out: list[str], run: list[str], run_removed: bool, *, at_end: bool) -> None:
    if not run_removed:
        out.extend(run)
    elif run and out and not at_end:
        out.append("")
