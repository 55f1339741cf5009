"""Stance cues: denial ("did not conduct strikes"), dispute ("does not recognize figures"),
acknowledgement ("the coalition acknowledged") and estimate ("Airwars estimated")."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from civcas.extract.rules import RuleFiles, load_rules
from civcas.extract.text import any_of
from civcas.records import Stance


@dataclass(frozen=True, slots=True)
class StanceCue:
    """A stance cue in a sentence (offsets relative to it)."""

    start: int
    end: int
    text: str
    stance: Stance
    rule: str
    #: who takes the stance, when the pattern names them ("a figure [the coalition] does not recognise")
    subject: tuple[int, int] | None = None


@functools.cache
def _prefilters(rules: RuleFiles) -> dict[int, re.Pattern[str] | None]:
    return any_of(rx for rx, _s, _r in _compiled(rules))


@functools.cache
def _aggregate_prefilters(rules: RuleFiles) -> dict[int, re.Pattern[str] | None]:
    return any_of(rx for rx, _r in _aggregate(rules)[0])


def _possible(prefilters: dict[int, re.Pattern[str] | None], text: str) -> dict[int, bool]:
    """Per flag set, whether any cue with those flags can match ``text`` (most sentences have none)."""
    return {flags: rx is None or rx.search(text) is not None for flags, rx in prefilters.items()}


@functools.cache
def _compiled(rules: RuleFiles) -> tuple[tuple[re.Pattern[str], Stance, str], ...]:
    out = []
    for e in rules.stance.entries:
        assert e.stance is not None
        flags = 0 if e.id == "deny_headline" else re.IGNORECASE
        out.append((re.compile(e.regex, flags), Stance(e.stance), f"{rules.tags['stance']}#{e.id}"))
    return tuple(out)


def find_stance(sent: str, *, rules: RuleFiles | None = None) -> list[StanceCue]:
    """Every stance cue in a sentence, in lexicon order of precedence (denial first).

    >>> [c.stance.value for c in find_stance("We did not conduct strikes in the area, the spokesman said.")]
    ['denies']
    """
    rules = rules or load_rules()
    possible = _possible(_prefilters(rules), sent)
    out = []
    for regex, stance, rule in _compiled(rules):
        if not possible[regex.flags]:
            continue
        for m in regex.finditer(sent):
            who = m.span("who") if "who" in regex.groupindex and m.group("who") else None
            if who is None:
                rel = _RELATIVE_SUBJECT.search(sent[: m.start()])
                who = rel.span("who") if rel else None
            out.append(StanceCue(m.start(), m.end(), m.group(), stance, rule, who))
    return out


#: "..., blaming forces loyal to Khalifa Haftar, who denied responsibility": the name before ", who" takes the stance
_RELATIVE_SUBJECT = re.compile(
    r"(?P<who>\b[A-Z][\w'’\-]*(?:\s+(?:(?:al|el|bin|ibn|of|the)[\s\-]+)?[A-Z][\w'’\-]*){0,4}),\s+who\s+"
    r"(?:(?:has|have|had|also|later|quickly|swiftly|again|has\s+since|have\s+since)\s+)?$"
)


#: before an admission that followed a denial: "initially denied and later acknowledged responsibility"
_LATER = re.compile(r"\b(?:later|subsequently|eventually|afterwards|finally|since)(?:\s+\w+)?\s*$", re.IGNORECASE)


def main_stance(cues: list[StanceCue], text: str | None = None) -> StanceCue | None:
    """The cue that decides a sentence's stance: denial, then dispute, then acknowledgement, then estimate.

    With the sentence's ``text``, an admission told as coming later than a denial ("NATO initially denied and later
    acknowledged responsibility") is where the speaker stands now.
    """
    if text is not None:
        denials = [c for c in cues if c.stance in (Stance.DENIES, Stance.DISPUTES)]
        later = [c for c in cues if c.stance is Stance.ACKNOWLEDGES and any(d.start < c.start for d in denials)
                 and _LATER.search(text, max(0, c.start - 24), c.start)]
        if denials and later:
            return later[-1]
    order = [Stance.DENIES, Stance.DISPUTES, Stance.ACKNOWLEDGES, Stance.ESTIMATES]
    for st in order:
        for c in cues:
            if c.stance is st:
                return c
    return None


@functools.cache
def _aggregate(rules: RuleFiles) -> tuple[tuple[tuple[re.Pattern[str], str], ...], tuple[re.Pattern[str], ...]]:
    cues = tuple(
        (re.compile(e.regex, re.IGNORECASE), f"{rules.tags['aggregate']}#{e.id}") for e in rules.aggregate.entries
    )
    context = tuple(re.compile(rf"(?:{e.regex})$", re.IGNORECASE) for e in rules.aggregate.dating_context)
    return cues, context


def aggregate_cues(text: str, *, rules: RuleFiles | None = None) -> list[tuple[int, int, str]]:
    """Spans in ``text`` that mark a tally over a period or area ("since 2014", "in total").

    A cue right after a superlative or another verb's phrase dates that, not the figure ("one of the
    deadliest attacks this year", "clashes that erupted late last year"), and marks no tally.

    >>> [r.rsplit("#")[-1] for _, _, r in aggregate_cues("Strikes have killed 400 civilians since 2015.")]
    ['since_year']
    >>> aggregate_cues("Gunmen killed six people in the deadliest attack in the region this year.")
    []
    """
    rules = rules or load_rules()
    cues, context = _aggregate(rules)
    possible = _possible(_aggregate_prefilters(rules), text)
    out = []
    for regex, rule in cues:
        if not possible[regex.flags]:
            continue
        for m in regex.finditer(text):
            before = text[max(0, m.start() - 80) : m.start()]
            if any(c.search(before) for c in context):
                continue
            out.append((m.start(), m.end(), rule))
    return sorted(out)
