"""The records the figure extractors share: victim groups, harm cues and the harms joining them.

Kept apart from ``figures`` so that the grammar of victim lists (``conjuncts``) and the Arabic
extractor can build them without importing the English extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from civcas.records import Qualifier

# Units after a count that say it counts something other than people.
NOT_PEOPLE = re.compile(
    r"^(?:[\s\-]*)(?:%|per\s*cent|percent|km\b|kms\b|kilomet|kilo\b|miles?\b|met(?:er|re)s?\b|m\b|feet|ft\b|"
    r"year|years|yr|month|months|week|weeks|day|days|hour|hours|hrs|minute|minutes|second|seconds|am\b|"
    r"a\.m|pm\b|p\.m|o'clock|times|missiles?|rockets?|shells?|bombs?|airstrikes?|air strikes?|strikes?|"
    r"raids?|sorties?|houses?|homes?|buildings?|vehicles?|cars?|trucks?|(?:buse?s|minibus(?:es)?|boats?|ships?|"
    r"trains?|convoys?|checkpoints?|shops?|tents?|motorcycles?)\b|tons?|tonnes?|dollars?|usd|\$|euros?|"
    r"pounds?|kg|kilograms?|degrees?|floors?|storey|stories|attacks?|incidents?|explosions?|blasts?|shots?|"
    r"rounds?|mortars?|villages?|towns?|cities|schools?|hospitals?|mosques?|positions?|sites?|targets?|"
    r"locations?|areas?|points?|aircraft|planes?|jets?|drones?|helicopters?|tanks?|barrels?|projectiles?|"
    r"grad|quarters?|neighbou?rhoods?|districts?|provinces?|governorates?|countries|states?|nations?|"
    r"languages?|pages?|reports?|letters?|articles?|resolutions?|cases?|claims?|allegations?|episodes?|"
    r"million|billion|th\b|st\b|nd\b|rd\b|-year|acres?|hectares?|dunams?|litres?|liters?|barrels?|"
    r"famil(?:y|ies)\b|households?\b|clans?\b|tribes?\b|groups?\b|factions?\b|sides\b|parties\b|gangs?\b"
    # a count glued to a word is an adjective: "their 45-seater bus", "a two-storey house"
    r"|(?<=-)(?!(?:odd|plus|something|some)\b)[a-z]{3,}"
    # "one of its strikes", "two of the raids": a count of strikes, not of people
    r"|of\s+(?:its|their|the|his|her|these|those|our)\s+(?:\w+\s+)?(?:strikes?|air\s?strikes?|raids?|attacks?|"
    r"bombs?|shells?|missiles?|rockets?|drones?|jets?|planes?|aircraft|sorties?|operations?|vehicles?|houses?|"
    r"buildings?)\b)",
    re.IGNORECASE,
)
# An editor's insertion in square brackets ("50 people [other estimates are lower]", "on Monday [1 May]"):
# glue between a count and its verb, like a parenthesis.
EDITORIAL = re.compile(r"\[[^\[\]]{0,120}\]")

@dataclass(frozen=True, slots=True)
class Group:
    """A victim group: a count (or a singular phrase) and the people it counts."""

    start: int
    end: int
    text: str
    value: int | None
    qualifier: Qualifier
    max: int | None = None
    low: int | None = None
    high: int | None = None
    noun: str | None = None
    category: str | None = None
    status: str = "unspecified"
    singular: bool = False
    is_category: bool = False
    opener: str | None = None
    rule: str = ""
    number_start: int | None = None
    number_end: int | None = None


@dataclass(frozen=True, slots=True)
class Cue:
    """A harm cue in a sentence and the forms its phrase can take."""

    start: int
    end: int
    text: str
    category: str
    forms: tuple[str, ...]
    rule: str


@dataclass(frozen=True, slots=True)
class Harm:
    """A harm mention: a cue joined to its victim group(s), or to none ("civilians were killed")."""

    category: str
    cue: Cue
    groups: tuple[Group, ...] = ()
    form: str = ""
    victims: tuple[tuple[str, Group], ...] = ()
    status: str = "unspecified"
    negated: bool = False
    implied_one: bool = False
    additive: bool = False
    rules: tuple[str, ...] = field(default=())
    #: "Two of the dead were children": the count of some of those a figure told before counted (a breakdown; a
    #: figure of at least that many only when nothing else counts them)
    part_of: Group | None = None

    @property
    def start(self) -> int:
        return min([self.cue.start, *(g.start for g in self.groups)])

    @property
    def end(self) -> int:
        return max([self.cue.end, *(g.end for g in self.groups)])

    @property
    def value(self) -> int | None:
        if self.implied_one and not self.groups:
            return 1
        vals = [g.value for g in self.groups]
        if self.implied_one:
            # "Mr. X was killed along with his son": the one the cue implies, and those named with him
            vals = [1, *vals]
        if not vals or any(v is None for v in vals):
            return None if not vals or len(vals) == 1 else _sum_known(vals)
        return sum(v for v in vals if v is not None)


def _sum_known(vals: list[int | None]) -> int | None:
    known = [v for v in vals if v is not None]
    return sum(known) if len(known) == len(vals) else None
