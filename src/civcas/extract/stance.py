"""Stance cues: denial ("did not conduct strikes"), dispute ("does not recognize figures"),
acknowledgement ("the coalition acknowledged") and estimate ("Airwars estimated")."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from civcas.extract.rules import RuleFiles, load_rules
from civcas.records import Stance


@dataclass(frozen=True, slots=True)
class StanceCue:
    """A stance cue in a sentence (offsets relative to it)."""

    start: int
    end: int
    text: str
    stance: Stance
    rule: str


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
    out = []
    for regex, stance, rule in _compiled(rules or load_rules()):
        for m in regex.finditer(sent):
            out.append(StanceCue(m.start(), m.end(), m.group(), stance, rule))
    return out


def main_stance(cues: list[StanceCue]) -> StanceCue | None:
    """The cue that decides a sentence's stance: denial, then dispute, then acknowledgement, then estimate."""
    order = [Stance.DENIES, Stance.DISPUTES, Stance.ACKNOWLEDGES, Stance.ESTIMATES]
    for st in order:
        for c in cues:
            if c.stance is st:
                return c
    return None


_AGG_CACHE: dict[int, tuple[tuple[re.Pattern[str], str], ...]] = {}


def aggregate_cues(text: str, *, rules: RuleFiles | None = None) -> list[tuple[int, int, str]]:
    """Spans in ``text`` that mark a tally over a period or area ("since 2014", "in total")."""
    rules = rules or load_rules()
    compiled = _AGG_CACHE.get(id(rules))
    if compiled is None:
        compiled = tuple(
            (re.compile(e.regex, re.IGNORECASE), f"{rules.tags['aggregate']}#{e.id}") for e in rules.aggregate.entries
        )
        _AGG_CACHE[id(rules)] = compiled
    out = []
    for regex, rule in compiled:
        for m in regex.finditer(text):
            out.append((m.start(), m.end(), rule))
    return sorted(out)
