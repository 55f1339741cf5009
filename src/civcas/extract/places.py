"""Place mentions and the context a resolver needs: "the village of Tukhan al-Kubra in Manbij".

Mentions come from two sources, merged: patterns over the text (a
capitalised name after a feature word, a locative preposition or a
relative position) and the gazetteer's spotter (names it knows). Each
mention keeps its span, the feature word the text used (``kind_hint``),
how the event relates to it (``relation``: in, near, direction_of,
km_from, countryside) and the areas named around it (``within``).
Resolution to coordinates belongs to :mod:`civcas.gazetteer`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from civcas.extract.rules import RuleFiles, load_rules
from civcas.extract.text import alternation, fold, phrase_regex
from civcas.records import PlaceMention, Span

# A name's capitals and the transliterated Arabic article that may open its words ("al-", "ash-"); the words that
# join them and the calendar words that open none are data (places.en: name_connectors, calendar_words; see _lex).
_UP = r"A-Z\u00C0-\u00DE\u0100-\u017F\u1E00-\u1EFF"
_ART = r"(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh|[Aa]dh|[Aa]th|[Ee][zrsd]|[Uu]l)"

_DEMONYM = re.compile(r"[A-Z][a-z]+(?:i|ian|an|ese|ish|ic|ean)")
_DATELINE = re.compile(
    # ("ERBIL, Kurdistan Region -": the place after the city may take three words)
    r"^\s*[A-Z][A-Za-z\-’' ]{1,30}(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})?\s*(?:\([^)]{2,40}\))?\s*[–—\-:]\s",
    re.UNICODE
)
#: "Damascus, SANA-An Israeli ...": a city, then a news agency's initials and a dash, opens a paragraph
_AGENCY_DATELINE = re.compile(r",[\s\u00a0]*[A-Z]{2,8}[\s\u00a0]*[–—\-]")
#: a city in title case, its outlet in parentheses and a dash, opening a line: "Mogadishu (Shabelle) - ..."
_OUTLET_DATELINE = re.compile(r"[\s\u00a0]*\([A-Z][^()\n]{1,40}\)[\s\u00a0]*[–—\-][\s\u00a0]")
@functools.cache
def _country_words() -> frozenset[str]:
    from civcas.gazetteer import datafiles

    return frozenset(n for c in datafiles.countries().countries for n in (*c.names, *c.demonyms))


@functools.cache
def _demonym_countries() -> dict[str, str]:
    """A people's name to its country's first name ("Saudi" -> "Saudi Arabia"), for "the Saudi city of Jizan"."""
    from civcas.gazetteer import datafiles

    return {d: c.names[0] for c in datafiles.countries().countries for d in c.demonyms if c.names}


#: A demonym and up to two lower-case words before a feature word: "the Saudi city of", "a Pakistani border town".
_DEMONYM_BEFORE_FEATURE = re.compile(
    # ("the Saudi border city of"; not across an article, which opens another phrase: "jets believed to be Russian
    # struck the town of")
    r"\b([A-Z][a-z]+(?:[\s\u00a0]+[A-Z][a-z]+)?)[\s\u00a0]+(?:(?!(?:the|a|an)[\s\u00a0])[a-z\-]+[\s\u00a0]+){0,2}$"
)


def _country_word(word: str) -> bool:
    """Whether ``word`` is a country's name or demonym ("Yemen", "Iraqi"), not a city's ("Bujumbura")."""
    return word in _country_words()


def government_speaking(text: str, start: int, end: int, rules: RuleFiles | None = None) -> bool:
    """Whether the name at ``text[start:end]`` starts a clause and speaks ("..., Turkey said", "Russia denied ..."):
    a government, not a place (the same test :func:`find_mentions` drops such a name by)."""
    lex = _lex(rules or load_rules())
    return bool(
        lex.speaker_after.match(text[end : end + 30]) and lex.clause_start.search(text[max(0, start - 12) : start])
    )


def _around_relation(m: re.Match[str], lex: _Lex) -> str:
    """ "Manbij countryside" is the area around the town; "al-Bab's northern outskirts" are at its edge."""
    return "near" if lex.near_around.match(m.group("around")) else "countryside"


_COMPASS_OF = ("east_of", "west_of", "north_of", "south_of")
_DIRECTION = re.compile(
    r"(?P<dir>north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
    r"south-west)(?:ern)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, eq=False)
class _Lex:
    """The place patterns, built once per rule set from the words of ``places.en`` (the code keeps their shape)."""

    feature_before: re.Pattern[str]
    feature_after: re.Pattern[str]
    kind_of: dict[str, str]
    around_after: re.Pattern[str]
    relation_before: re.Pattern[str]
    relation_of: dict[str, str]
    prep_before: re.Pattern[str]
    not_places: frozenset[str]
    #: the not-places of several words whose first word the gazetteer may know ("Kurdistan Workers' Party")
    not_place_lead: re.Pattern[str] | None
    #: a building named after its town right after the name ("the Mariupol drama theatre": `facilities`, and the
    #: buildings of the targets lexicon)
    facility_after: re.Pattern[str]
    person_names: frozenset[str]
    origin_before: re.Pattern[str]
    tag: str
    #: a capitalised name ("Deir ez-Zor", "Tal Abu Hamid"), not a weekday's or a month's
    name_re: re.Pattern[str]
    #: the multi-word names of monitors, international bodies and organisations ("Raqqa is Being Slaughtered
    #: Silently", "Deir Ezzor 24"): a place's name inside one is the body's, not a place
    body_names: re.Pattern[str] | None
    #: the words of those names: a name with none of them is inside none (checked before the costly search)
    body_words: frozenset[str]
    #: the multi-word names of the outlets the claimants file lists ("Voice of America", "Syria TV", "Sudan
    #: Tribune"): a place's name that is part of one is the outlet's (a name that is the whole of one, "Al Mayadeen",
    #: is read by :attr:`outlets`)
    media_names: re.Pattern[str] | None
    media_words: frozenset[str]
    #: "the Somali capital", "the capital of Iraq": a country's capital, unnamed
    capital: re.Pattern[str]
    near_around: re.Pattern[str]
    countryside_feature: re.Pattern[str]
    org_words: re.Pattern[str]
    #: outlets the claimants file lists ("Al Mayadeen", "Reuters"), as keys of ``_outlet_key``: a town's name among
    #: them is the town only where a place stands
    outlets: frozenset[str]
    #: a body's word and its "of" right before a name ("the Ministry of Defence"): the body's name goes on
    org_of_before: re.Pattern[str]
    #: a border after a country's name or people's ("near the Lebanese border"): no area a place lies within
    border_after: re.Pattern[str]
    titles: re.Pattern[str]
    title_word: re.Pattern[str]
    person_before: re.Pattern[str]
    person_after: re.Pattern[str]
    group_before: re.Pattern[str]
    #: "the Alase of Ilase-Ijesa": a title of the place named after "of" (``of_place_heads`` aside)
    title_of: re.Pattern[str]
    settlement_before: re.Pattern[str]
    settlement_after: re.Pattern[str]
    admin_after: re.Pattern[str]
    hyphen_role: re.Pattern[str]
    #: after a road's two ends, the word for a road ("highway"; a road's number may come first: "M4 road")
    road_after: re.Pattern[str]
    road_name_heads: frozenset[str]
    held_lead: re.Pattern[str]
    held_tail: re.Pattern[str]
    inner_feature: re.Pattern[str]
    speaker_after: re.Pattern[str]
    clause_start: re.Pattern[str]
    facility_end: re.Pattern[str]
    taken_to_before: re.Pattern[str]
    route_end_before: re.Pattern[str]
    since_event_before: re.Pattern[str]
    dedication_before: re.Pattern[str]
    org_after: re.Pattern[str]
    institution_of: re.Pattern[str]
    #: between two names, what puts the first inside the second: "Hish village in the countryside of Idlib" ...
    within_gap: re.Pattern[str]
    #: ... "Aleppo's strategic town of al-Bab"
    possessive_gap: re.Pattern[str]
    #: between two names after "the", what makes the first hold the second: "the Idlib town of Saraqib"
    holder_gap: re.Pattern[str] | None


def _bodies(rules: RuleFiles) -> list[str]:
    """The capitalised names of monitors, international bodies and the organisations of the claimants file."""
    cl = rules.claimants
    named = [ph for e in cl.entries if e.kind in ("monitor", "international") for ph in e.phrases]
    named += [a for o in cl.organisations for a in (o.name, *o.aliases) if " " in a]
    return [n for n in named if n[:1].isupper()]


def _media_names(rules: RuleFiles) -> list[str]:
    """The capitalised multi-word names of the outlets of the claimants file ("Voice of America", "Syria TV")."""
    return [ph for e in rules.claimants.entries if e.kind == "media" for ph in e.phrases
            if " " in ph and ph[:1].isupper()]


@functools.cache
def _lex(rules: RuleFiles) -> _Lex:
    p = rules.places
    alt = alternation
    kind_of: dict[str, str] = {}
    for f in p.features:
        for w in f.words:
            kind_of.setdefault(fold(w).removesuffix(" of"), f.kind)
    words = phrase_regex([w for f in p.features for w in f.words]).pattern
    relation_of = {fold(w): r.relation for r in p.relations for w in r.words}
    leads = rf"(?:,?[\s\u00a0]+(?:{phrase_regex(p.list_leads).pattern})[\s\u00a0]*:?)?" if p.list_leads else ""
    feature_before = re.compile(
        rf"(?P<feat>{words})(?:[\s\u00a0]+of)?{leads}[\s\u00a0]+(?:the[\s\u00a0]+)?$", re.IGNORECASE
    )
    feature_after = re.compile(rf"^[\s\u00a0]*(?P<feat>{words})(?![\w])", re.IGNORECASE)
    around_after = re.compile(  # "Manbij countryside", "Aleppo's northern countryside"
        rf"^(?:['’]s)?[\s\u00a0]+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)ern"
        rf"[\s\u00a0]+)?(?P<around>{phrase_regex(p.around).pattern})",
        re.IGNORECASE,
    )
    relation_before = re.compile(
        rf"(?:(?P<km>\d+(?:\.\d+)?|[a-z]+)[\s\u00a0]+)?(?P<rel>{phrase_regex(relation_of.keys()).pattern})"
        rf"[\s\u00a0]+(?:the[\s\u00a0]+)?(?:{alt(p.relation_frames)}[\s\u00a0]+of[\s\u00a0]+"
        rf"|{alt(p.relation_appositions)}[\s\u00a0]*,?[\s\u00a0]+)?$",
        re.IGNORECASE,
    )
    prep_before = re.compile(  # "in the besieged town of", "in rebel-held eastern"
        rf"(?:{phrase_regex(p.prepositions).pattern})[\s\u00a0]+(?:the[\s\u00a0]+)?"
        rf"(?:(?:\w+ern|{alt(p.prep_modifiers)}|[\w\-]+-(?:held|controlled))"
        r"[\s\u00a0]+(?:of[\s\u00a0]+)?){0,3}$",
        re.IGNORECASE,
    )
    route_starts = [w for r in p.relations if r.relation == "origin" for w in r.words if w.endswith(" from")]
    origin_before = re.compile(
        rf"\b(?:{phrase_regex(p.origin_people).pattern})[^.;:!?]{{0,40}}?[\s\u00a0]+from[\s\u00a0]+(?:the[\s\u00a0]+)?"
        rf"(?:{alt(p.origin_frames)}[\s\u00a0]+of[\s\u00a0]+)?$"
        # "from the direction of the Mediterranean Sea, west of Lattakia, targeting ...": the apposition too
        rf"|\b(?:{phrase_regex([w for r in p.relations if r.relation == 'origin' for w in r.words]).pattern})"
        r"[^.;:!?,]{1,45},[\s\u00a0]*(?:(?:\w+ern|north|south|east|west|north-?east|north-?west|south-?east|"
        r"south-?west)[\s\u00a0]+(?:of[\s\u00a0]+)?)?(?:the[\s\u00a0]+)?$",
        re.IGNORECASE,
    )
    # A name: capitalised words, joined by spaces, hyphens or a lower-case connector ("Deir ez Zor"); a weekday or
    # a month opens none.
    calendar = rf"{alt(p.calendar_words)}\b"
    # (an ayn written ‘ or ʿ is a letter of the name, at its end too: "Naj‘ Shabbānah", "Ma‘arrat al-Nu‘man")
    # (and the elided "d'" of Romance names: "Pau d'Arco", "Côte d'Ivoire")
    tok = rf"(?!{calendar})(?:(?:[Aa]l|[Ee]l)[\-‐\s’'`]?|{_ART}[\-‐’'`]|[dD][’'])?[{_UP}][\w’'`‘ʿʾ\-]*(?<![’'`\-])"
    # (a hyphen joins words of a name only unspaced: "KYIV - A Russian airstrike" is a dateline and a sentence)
    connect = rf"(?:[\s\u00a0]+{alt(p.name_connectors)}[\s\u00a0\-]+|[\s\u00a0]+|\-)"
    name_re = re.compile(rf"(?<![\w’'‘ʿʾ\-]){tok}(?:{connect}{tok}){{0,4}}")
    capital = re.compile(
        r"(?P<phrase>(?:the\s+)?(?:(?P<owner>[A-Z][a-z]+(?:['’]s?)?)\s+|country['’]s\s+|(?<=the\s))[Cc]apital(?:\s+city)?"
        r"(?:\s+of\s+(?P<owner2>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?)(?!\s*,?\s+(?!" + calendar + r")[A-Z])",
    )
    # People, not places: "the martyrdom of Fatima Othman", "Kawthar Hajj Khalil, 45,", "named Essam Abdullah".
    person_before = re.compile(
        rf"\b{alt(p.person_before, ' ')}[\s,:\"“'‘]+(?:(?:al|el|bin|ibn)[\s\-])?$", re.IGNORECASE
    )
    person_after = re.compile(
        r"^(?:[\s\u00a0]+(?:(?:al|el|bin|ibn|ould|van|de)[\-\s])?[A-Z][\w’'\-]+){0,3}\s*(?:,\s*\(?\d{1,3}\)?\s*(?:,|years?|-year|[.;](?!\d)|$)|\(\s*\d{1,3}\s*(?:years?|yrs?)?\s*\)|"
        rf",?\s+(?:aged|who\s+(?:was|is|had)|a\s+{alt(p.person_apposition)}|the\s+{alt(p.person_kin_of)}\s+of)\b|"
        # "Juma Kalonzo, a local councillor, ...", "X Y, the editor of a weekly": a person and their role
        rf",\s*(?:a|an|the)\s+(?:[\w\-]+\s+){{0,3}}{alt(p.person_roles)}s?\b"
        rf"[^,.;]{{0,80}},\s+{alt(p.person_role_verbs)}\b|"
        # "Letta Tayler, associate director of the crisis division at Human Rights Watch, said": a role of an body
        # (no article: "Borno State, the head of a local administration said" follows a place)
        # ("associate crisis and conflict director at": up to five words of the title before its role word)
        r",\s*(?!(?:a|an|the|its|his|her|their)\s)(?:[a-z][\w\-]*\s+){0,5}"
        rf"{alt(p.body_roles)}s?\s+(?:of|at|for|with)\b)"
    )
    held = alt(p.held_words)
    space = r"[\s\u00a0]+"
    return _Lex(
        feature_before=feature_before,
        feature_after=feature_after,
        kind_of=kind_of,
        around_after=around_after,
        relation_before=relation_before,
        relation_of=relation_of,
        prep_before=prep_before,
        # a weapon's name ("Grad rockets", "a Bayraktar drone") is never a place's
        # and an armed group's or a people's ("clashes between Lou Nuer and Murle youth in Pibor"), or a monitor's or
        # an international body's ("a hospital supported by Doctors Without Borders in Abs district")
        facility_after=re.compile(
            r"[\s\u00a0]+(?:[A-Za-z]+[\s\u00a0]+)?"
            + phrase_regex([*p.facilities, *(w for c in rules.targets.targets if c.id in _BUILDING_TARGETS
                                              for w in c.words)]).pattern,
            re.IGNORECASE,
        ),
        not_place_lead=re.compile(
            "|".join(re.escape(n) for n in sorted({n for n in p.not_places if " " in n}, key=len, reverse=True))
        ) if any(" " in n for n in p.not_places) else None,
        not_places=_article_variants([*p.not_places, *(w for c in rules.targets.weapons for w in c.words
                                                        if w[:1].isupper() and " " not in w),
                                      *(n for names in p.group_countries.values() for n in names),
                                      *_bodies(rules)]),
        person_names=frozenset(p.person_names),
        origin_before=origin_before,
        tag=rules.tags["places"],
        name_re=name_re,
        body_names=phrase_regex(multi, case_sensitive=True) if (multi := [n for n in _bodies(rules) if " " in n])
        else None,
        body_words=frozenset(w for n in multi for w in n.split()),
        media_names=phrase_regex(media, case_sensitive=True) if (media := _media_names(rules)) else None,
        media_words=frozenset(w for n in media for w in n.split()),
        capital=capital,
        near_around=re.compile(alt(p.near_around), re.IGNORECASE),
        countryside_feature=re.compile(rf"{alt(p.countryside_features)}\b", re.IGNORECASE),
        # (not a word a hyphen joins to a capitalised name after it: "Centre-Nord", a region of Burkina Faso, is no
        # centre; "Commander-in-Chief" still is a title)
        org_words=re.compile(rf"\b{alt(p.org_words)}\b(?![\-‐](?-i:[A-Z]))"),
        border_after=re.compile(
            rf"(?:['’]s)?[\s\u00a0]+{alt(p.border_words)}\b(?![\s\u00a0]+{alt(p.border_places)}\b)", re.IGNORECASE
        ),
        org_of_before=re.compile(rf"\b{alt(p.org_words)}[\s\u00a0]+of[\s\u00a0]+(?:the[\s\u00a0]+)?$"),
        outlets=frozenset(_outlet_key(w) for e in rules.claimants.entries if e.kind == "media" for w in e.phrases),
        titles=re.compile(rf"\b{alt(p.title_words)}\s+$"),
        title_word=re.compile(alt(p.leading_titles)),
        person_before=person_before,
        person_after=person_after,
        group_before=re.compile(
            rf"\b{alt(p.group_before or [_NO_WORD])}[\s\u00a0]+(?:the[\s\u00a0]+)?$", re.IGNORECASE
        ),
        title_of=re.compile(
            rf"^(?!(?:{'|'.join(re.escape(w) for w in p.of_place_heads or [_NO_WORD])})$)[A-Z][\w'’\-]+$"
        ),
        settlement_before=re.compile(
            rf"\b{alt(p.settlement_before)}s?[\s\u00a0]+of[\s\u00a0]+(?:the[\s\u00a0]+)?$", re.IGNORECASE
        ),
        settlement_after=re.compile(rf"^[\s\u00a0]+{alt(p.settlement_after)}\b", re.IGNORECASE),
        # "Eastern Equatoria State", "Northern Province", "North Darfur State": before an admin unit's own
        # capitalised word, a compass word is part of the unit's name ("eastern Raqqa province" is a part of Raqqa).
        admin_after=re.compile(rf"^[\s\u00a0]+{alt(p.admin_unit_after)}\b", re.IGNORECASE),
        hyphen_role=re.compile(rf"-{alt(p.hyphen_roles)}\b"),
        road_after=re.compile(rf"[\s\u00a0]+(?:[MNA]\d{{1,2}}[\s\u00a0]+)?(?:international[\s\u00a0]+)?{alt(p.road_words)}\b",
                              re.IGNORECASE),
        road_name_heads=frozenset(p.road_name_heads),
        held_lead=re.compile(rf"[\w]+-{held}[\s\u00a0]+"),
        held_tail=re.compile(rf"[\w]+-{held}[\s\u00a0]+$"),
        inner_feature=re.compile(rf"[\s\u00a0]+{alt(p.inner_features)}\b"),
        # A name that starts a clause and speaks ("Russia denied ...", "Washington blamed ...") stands for a
        # government; "Russia and Syria denied involvement": two states speak.
        speaker_after=re.compile(
            r"^(?:[\s\u00a0]+and[\s\u00a0]+[A-Z][\w\-’']+(?:[\s\u00a0]+[A-Z][\w\-’']+)?)?"
            rf"[\s\u00a0]+(?:{alt(p.speaker_adverbs)}[\s\u00a0]+){{0,2}}{alt(p.speaker_verbs)}\b"
        ),
        clause_start=re.compile(rf"(?:^|[.;:!?\n”\"’»,]\s*|\b{alt(p.clause_conjunctions)}\s+)$"),
        # A facility named after the town it serves, at the end of a name: "Baghdad International Airport".
        # (Dams and bases the layers lack are landmarks of their own, data/gazetteer/landmarks.v1.yaml; a base named
        # after its village is found as the village.)
        facility_end=re.compile(rf"{space}{alt(p.facility_ends, space)}$"),
        # Where the wounded were taken: "taken to a hospital in Afrin", "rushed to hospitals in Idlib".
        taken_to_before=re.compile(
            rf"\b{alt(p.taken_verbs)}\s+to\s+(?:a\s+|the\s+)?(?:[\w\-]+\s+){{0,2}}?{alt(p.taken_to_places)}\s+"
            rf"(?:in|at|of)\s+(?:the\s+)?(?:{alt(p.settlement_frames)}\s+of\s+)?$",
            re.IGNORECASE,
        ),
        # The end of a journey whose start is an origin: "a bus en route from Nyala ... to Zalingei" was attacked at
        # neither end (the origin words that end in "from")
        route_end_before=re.compile(
            rf"\b(?:{phrase_regex(route_starts).pattern})"
            r"[\s\u00a0]+[^.;:!?]{1,80}?[\s\u00a0]+to[\s\u00a0]+(?:the[\s\u00a0]+)?$",
            re.IGNORECASE,
        ),
        # A place in the event a comparison dates from: "the deadliest strike since the battle for Mosul in 2017" (a
        # toll "since the occupation of Raqqa" is Raqqa's: a superlative must come first).
        since_event_before=re.compile(
            rf"\b{alt(p.since_superlatives)}\b[^.;:!?]{{0,30}}?"
            rf"\bsince\s+the\s+(?:[\w\-]+\s+){{0,2}}?{alt(p.since_events)}\s+"
            rf"(?:of|for|on|in|at)\s+(?:the\s+)?(?:{alt(p.settlement_frames)}\s+of\s+)?$",
            re.IGNORECASE,
        ),
        # A church's dedication: "the Church of Saint Porphyrius", "the Monastery of the Holy Cross".
        dedication_before=re.compile(
            rf"\b{alt(p.dedicated_buildings)}[\s\u00a0]+of[\s\u00a0]+(?:the[\s\u00a0]+)?$"
        ),
        # A name that a lower-case organisation word follows names the organisation: "al-Mawali faction", "the
        # Salamat tribe", "the Sultan Murad brigade".
        org_after=re.compile(rf"^[\s\u00a0]+{alt(p.org_after)}\b"),
        # An institution named for its field and its town: "the University of Agriculture Makurdi".
        institution_of=re.compile(rf"\b{alt(p.institutions_of)}[\s\u00a0]+of[\s\u00a0]+$"),
        within_gap=re.compile(
            rf"(?:['’]s)?[\s\u00a0]*(?:{alt(p.within_features)}[\s\u00a0]*)?"
            # ("al-Zaydiyah, in Hodeidah province": a comma and a link word together)
            rf"(?:,(?:[\s\u00a0]*(?:in|within|inside))?|{alt(p.within_links)})[\s\u00a0]+(?:the[\s\u00a0]+)?"
            # ("in north-western Aleppo": a compound compass word, hyphenated or not)
            rf"(?:(?:(?:north|south)-?\w+ern|\w+ern|{alt(p.within_modifiers)})[\s\u00a0]+)?"
            rf"(?:{alt(p.within_areas_of)}[\s\u00a0]+of[\s\u00a0]+)?",
            re.IGNORECASE,
        ),
        holder_gap=re.compile(
            rf"[\s\u00a0]+{alt(p.holder_frames)}[\s\u00a0]+of[\s\u00a0]+(?:the[\s\u00a0]+)?", re.IGNORECASE
        ) if p.holder_frames else None,
        possessive_gap=re.compile(
            rf"['’]s[\s\u00a0]+(?:(?:\w+ern[\s\u00a0]+|{alt(p.possessive_modifiers)}[\s\u00a0]+)*(?:\w+[\s\u00a0]+)?"
            rf"{alt(p.possessive_features)}(?:[\s\u00a0]+of)?[\s\u00a0]+)?",
            re.IGNORECASE,
        ),
    )


# An address in the text ("pic.twitter.com/YDo4lDTsnA", "https://..."): nothing in it is a place.
_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/|\b[\w\-]+\.(?:com|org|net|gov|sy|iq|tv|info)/)\S*")


_COMPASS_WORD = frozenset({"Eastern", "Western", "Northern", "Southern", "North", "South", "East", "West", "Central"})


_PREFIXED = re.compile(r"^(?:[Pp]ro|[Aa]nti|[Nn]on)-")
# compiled once (as _lex's patterns are): _clean_name runs for every capitalised run of every sentence
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_LONG_ACRONYM = re.compile(r"[A-Z]{6,9}")
_WORD_BEFORE_ACRONYM = re.compile(r"([A-Za-z]+)[^A-Za-z\n]{1,3}$")
_WORD_AFTER_ACRONYM = re.compile(r"[^A-Za-z\n]{1,3}([A-Za-z]+)")


def _in_running_text(doc_text: str, start: int, end: int) -> bool:
    """Whether a word in capitals stands between lower-case words (an acronym), not in a headline in capitals."""
    before = _WORD_BEFORE_ACRONYM.search(doc_text, max(0, start - 30), start)
    after = _WORD_AFTER_ACRONYM.match(doc_text, end, end + 30)
    return any(m is not None and not m.group(1).isupper() for m in (before, after)) and not _dateline_at(
        doc_text, start, end
    )


_DATELINE_DASH = re.compile(r"\w-\s")
_MODEL_NUMBER = re.compile(r"[A-Za-z]-?\d+[A-Za-z]?\b")
_POSSESSIVE_END = re.compile(r"['’]s$")
# and for find_mentions' loop over those runs
_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]{3,}")
_POSSESSIVE_SPACE = re.compile(r"['’]s[\s\u00a0]+")
_OUTLET_NUMBER = re.compile(r"\s*\d{1,3}\)")
#: "between Qamishli and ": the second of two places something lies between
_BETWEEN_SECOND = re.compile(r"\bbetween\s+(?:the\s+(?:\w+\s+of\s+)?)?[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){0,3}\s+and\s+$")
#: "the Kunduz-Takhar highway", "the Aleppo-Latakia M4 road": a road between two places, named by its two ends
#: (an end of two words may take an article: "the Idlib-Bab al-Hawa road")
_ROAD_ENDS = re.compile(r"(?:The[\s\u00a0]+)?(?P<a>[A-Z][\w'’]{2,}(?:[\s\u00a0](?:[a-z]{2,3}-)?[A-Z][\w'’]+)?)[-–]"
                        r"(?P<b>[A-Z][\w'’]{2,}(?:[\s\u00a0](?:[a-z]{2,3}-)?[A-Z][\w'’]+)?)"
                        r"(?:[\s\u00a0][MN]\d{1,2})?")
def _elsewhere_before(before: str, lex: _Lex) -> bool:
    """Whether the words before a name make it another place than the strike's: an origin ("a civilian from Homs"),
    where the wounded were taken, the event a superlative dates from."""
    return bool(lex.origin_before.search(before) or lex.taken_to_before.search(before)
                or lex.route_end_before.search(before) or lex.since_event_before.search(before))


def _dateline_at(doc_text: str, start: int, end: int) -> bool:
    """A capitalised city that opens a line as a wire story's dateline ("GAZA (Reuters) -", "IDLIB, Syria —")."""
    line_start = start == 0 or doc_text[start - 1] == "\n" or not doc_text[max(0, start - 30) : start].strip()
    return line_start and bool(_DATELINE.match(doc_text[max(0, start - 2) : end + 60]))


#: an apposition that calls the name before it a settlement: "Unguwar Kajit, a village in southern Kaduna" is one name
_CALLED_A_SETTLEMENT = re.compile(
    r"[\s\u00a0]*,[\s\u00a0]*(?:a|an|the)[\s\u00a0]+(?:[\w\-]+[\s\u00a0]+){0,2}?"
    r"(?:village|town|hamlet|settlement|community|city|neighbou?rhood|suburb)\b",
    re.IGNORECASE,
)


def _known_area(spotted: Sequence[Any], start: int, end: int) -> bool:
    """Whether the gazetteer knows the name at ``start`` (up to ``end`` or beyond) as an admin area, by one of the
    first three candidates of a spotted name that starts there."""
    return any(
        sp.start == start and sp.end >= end and any(getattr(c, "kind", "") in ("region", "county")
                                                   for c in list(sp.candidates)[:3])
        for sp in spotted
    )


def _listed_area(sp: Any, doc_text: str) -> bool:
    """Whether one of the first three candidates of a spotted name is a region of the regions file
    (``regions.v1.yaml``) spelled exactly as written."""
    from civcas.gazetteer import fold as gfold
    from civcas.gazetteer.datafiles import region_names

    target = gfold.loose(doc_text[sp.start : sp.end])
    if target not in region_names():
        return False  # asked first: reading a spotted name's candidates ranks them all
    for c in list(sp.candidates)[:3]:
        if str(getattr(c, "id", "")).startswith("region:") and any(
            gfold.loose(n) == target for n in (c.name, *c.names)
        ):
            return True
    return False


def _body_goes_on(spotted: Sequence[Any], doc_text: str, start: int, end: int) -> bool:
    """After a body's "of" ("the Ministry of"), whether the name at ``[start, end)`` is the rest of the body's name:
    one the gazetteer knows no part of ("Defence", "Foreign Affairs"), or a common English word that names only
    small places ("Interior"); a town ("the Local Council of Saraqib") or a country stays a place."""
    if not any(sp.start < end and start < sp.end for sp in spotted):
        return True  # (a name the gazetteer knows in it or around it, "Adamawa State", "Agriculture Makurdi", stays)
    hits = [sp for sp in spotted if sp.start == start and sp.end == end]
    word = doc_text[start:end]
    if not hits or " " in word.strip():
        return False
    from wordfreq import zipf_frequency

    if zipf_frequency(word.lower(), "en") < _COMMON_EN_ZIPF:
        return False
    return not any(c.kind in ("country", "region", "county") or (c.population or 0) >= 50_000
                   for sp in hits for c in sp.candidates[:5])


#: how common (wordfreq's Zipf scale) an English word is that names only small places after a body's "of"
_COMMON_EN_ZIPF = 4.0


def _known_whole(spotted: Sequence[Any], doc_text: str, start: int, end: int) -> bool:
    """Whether the gazetteer spells a name of two words or more starting at ``start`` (up to ``end`` or beyond)
    exactly as written, by one of its first three candidates: "Lashkar Gah" is a town, although "Lashkar" alone
    names a group."""
    from civcas.gazetteer import fold as gfold

    for sp in spotted:
        if sp.start != start or sp.end < end or len(doc_text[sp.start : sp.end].split()) < 2:
            continue
        target = gfold.loose(doc_text[sp.start : sp.end])
        if any(gfold.loose(n) == target for c in list(sp.candidates)[:3] for n in (c.name, *c.names[:24])):
            return True
    return False


def _article_variants(words: list[str]) -> frozenset[str]:
    """The list with each "Al-X" also as "al-X", "Al X" and "al X": reporting writes a group's article all four
    ways ("al-Shabaab", "Al Shabaab"), and a list that names one must catch them all."""
    out = set(words)
    for w in words:
        m = re.match(r"([Aa]l)[- ](\S.*)", w)
        if m:
            out.update(f"{a}{sep}{m.group(2)}" for a in ("al", "Al") for sep in ("-", " "))
    return frozenset(out)


_ARTICLE_LEAD = re.compile(r"^(?:The|A|An)[\s\u00a0]+")
_OF_END = re.compile(r"\bof$", re.IGNORECASE)
_OF_NEXT = re.compile(r"[\s\u00a0]+of\b")
#: "the" and at most two lower-case words before a name ("the northern", "the rebel-held")
_THE_LEAD = re.compile(r"\b[Tt]he[\s\u00a0]+(?:[a-z][\w\-]*[\s\u00a0]+){0,2}$")


def _adjective_before_feature(bare: str, fa: re.Match[str], after: str, lex: _Lex) -> bool:
    """Whether a name before a feature word is no place: a name the not-places list holds with its feature word
    ("Islamic State"), or a demonym ("the Pakistani city of Shikarpur", "a Syrian village, Kafr Nabl": an adjective,
    the place follows). A name only shaped like a demonym is a place when no "of" follows ("Panjwai district")."""
    if f"{bare} {fa.group('feat')}" in lex.not_places:
        return True
    return bool(_DEMONYM.fullmatch(bare)) and (
        _country_word(bare) or bool(_OF_END.search(fa.group("feat"))) or bool(_OF_NEXT.match(after[fa.end() :]))
    )


def _clean_name(
    doc_text: str, start: int, end: int, lex: _Lex,
    known_area: bool | Callable[[], bool] = False,
    known_whole: Callable[[], bool] | None = None,
    listed_area: bool | Callable[[], bool] = False,
    body_goes_on: Callable[[], bool] | None = None,
) -> tuple[int, int] | None:
    """Trim leading non-place words ("The", "On") and trailing possessives; ``None`` if nothing is left.

    ``known_area`` (a value, or a function asked only when needed): the gazetteer knows the whole as an area.
    ``listed_area``: the regions file lists the whole name, which outranks the not-places list ("Kurdistan Region",
    kept there for the parties and the government that open with it). ``body_goes_on``: after a body's "of" ("the
    Ministry of"), whether the name is the rest of the body's (``_body_goes_on``).
    """
    not_places = lex.not_places
    name = doc_text[start:end]
    if lex.body_names is not None and any(w in lex.body_words for w in name.split()) and any(
        b.start() <= start and end <= b.end() for b in lex.body_names.finditer(doc_text, max(0, start - 50), end + 50)
    ):
        return None  # "Raqqa is Being Slaughtered Silently reported": a monitor's name, not a place
    if lex.media_names is not None and any(w in lex.media_words for w in name.split()) and any(
        b.start() <= start and end <= b.end() and b.end() - b.start() > end - start
        for b in lex.media_names.finditer(doc_text, max(0, start - 40), end + 40)
    ):
        return None  # "told Voice of America", "Syria TV reported": a part of an outlet's name, not a place
    if lex.org_words.search(name) or lex.hyphen_role.search(name) or lex.org_after.match(doc_text[end : end + 20]):
        return None
    if _outlet_key(name) in lex.outlets and not (
        _OUTLET_TOWN_BEFORE.search(doc_text[max(0, start - 30) : start])
        or _OUTLET_TOWN_AFTER.match(doc_text[end : end + 20])
    ):
        return None  # "Al Mayadeen reported", "told Al Mayadeen": the channel; "in al-Mayadeen" is the town
    if body_goes_on is not None and lex.org_of_before.search(doc_text[max(0, start - 40) : start]) and body_goes_on():
        return None  # "the Ministry of Defence": the body's name; "the Local Council of Saraqib" names the town
    pair = name.split()
    if len(pair) == 2 and _country_word(pair[0]) and fold(pair[1]) in lex.kind_of and _OF_AFTER.match(doc_text, end):
        return None  # "the southern Somali District of Buulo Mareer": the feature word is the next name's
    if len(pair) >= 2 and _country_word(pair[0]) and _SEA_WORD.match(pair[1]):
        return None  # "the Persian Gulf", "the Persian Gulf-area village of Qudayh": a sea, no place of that country
    owner = _PLURAL_OWNER.match(doc_text, end) if name.endswith("s") else None
    if owner is not None and lex.org_words.match(doc_text, owner.end()):
        return None  # "the Sudanese Doctors' Syndicate", "the Kurdistan Workers' Party": a body's name, no place
    if lex.titles.search(doc_text[max(0, start - 14) : start]):
        return None
    if lex.speaker_after.match(doc_text[end : end + 30]) and lex.clause_start.search(
        doc_text[max(0, start - 12) : start]
    ):
        return None  # "Russia denied targeting the hospital", "Ankara said": a government speaking, not a place
    if lex.dedication_before.search(doc_text[max(0, start - 30) : start]):
        return None  # "the Church of Saint Porphyrius in Gaza City": a saint's name, not a place
    if _ACRONYM.fullmatch(name) and not _dateline_at(doc_text, start, end):
        return None  # an acronym ("ANHA", "SOHR"), not a place; but "KABUL (Reuters) -" opens a wire story
    if _LONG_ACRONYM.fullmatch(name) and _in_running_text(doc_text, start, end):
        return None  # "the UN mission MINUSCA said", "AFRICOM": a longer acronym amid lower-case words
    if _DATELINE_DASH.search(name):  # "Alwaght- Syria": an outlet's dateline, not a place name
        return None
    if _MODEL_NUMBER.search(name):  # a model ("Shahed-136", "Su-24", "F16"), not a place
        return None
    parts = name.split("-")
    if len(parts) > 1 and all(_country_word(w) for w in parts):
        return None  # "the Russian-Syrian alliance", "the Turkish-Syrian border": two countries' words, no place
    if lex.group_before.search(doc_text[max(0, start - 30) : start]) and not _BODY_GOES_ON.match(doc_text, end):
        # "gunmen suspected to be members of the Jamatul Ahlis Sunnah lid ...": a group's name (not a place naming
        # the body after it: "members of the Minbij's military council", "a member of Gombe State House of Assembly")
        return None
    if lex.title_of.match(name) and _THE_BEFORE.search(doc_text, max(0, start - 5), start) and _OF_NAME_AFTER.match(
        doc_text, end
    ):
        return None  # "the Alase of Ilase-Ijesa", "the Land of Black Africans": a title or a phrase, not a place
    # People, not places: "the martyrdom of Fatima Othman", "Kawthar Hajj Khalil, 45,", "named Essam Abdullah".
    if lex.person_before.search(doc_text[max(0, start - 40) : start]) or lex.person_after.match(
        doc_text[end : end + 80]  # a role's title may be long: "..., associate crisis and conflict director at"
    ):
        return None
    words = name.split()
    # "the village of Arab Hassan", "Arab Hassan village": a settlement word vouches for the whole name
    featured = len(words) > 1 and (
        lex.settlement_before.search(doc_text[max(0, start - 30) : start])
        or lex.settlement_after.match(doc_text[end : end + 12])
    )
    # "Pro-Sunni Herak", "anti-Shia militia": a sect or a group with a prefix is no more a place than without
    # ... or the gazetteer knows the whole as an area ("the Eastern Cape", a South African province)
    named_unit = len(words) > 1 and words[0] in _COMPASS_WORD and (
        (known_area() if callable(known_area) else known_area) or bool(lex.admin_after.match(doc_text[end : end + 14]))
    )
    if not named_unit and len(words) > 1 and words[0] in not_places and known_whole is not None:
        named_unit = known_whole()  # "Lashkar Gah": the gazetteer spells the whole so
    titled = bool(words) and lex.title_word.fullmatch(words[0]) is not None and len(words) > 1
    if titled and not (featured or _IN_PLACE_BEFORE.search(doc_text[max(0, start - 24) : start])):
        # "Dr Abdollah", "General Salim Idris": a person after a title; "the town of Sheikh Zuweid", "in Sheikh
        # Maqsoud" are places named after a sheikh (a person is seldom what a strike is "in" or "near")
        return None
    while words and not featured and not named_unit and not titled and (
        words[0] in not_places or words[0].rstrip(",") in not_places or _PREFIXED.sub("", words[0]) in not_places
    ):
        start += doc_text[start:end].index(words[0]) + len(words[0])
        while start < end and doc_text[start].isspace():
            start += 1
        words = doc_text[start:end].split()
    m = lex.facility_end.search(doc_text[start:end])
    if m and m.start() > 0:
        end = start + m.start()  # "near Baghdad International Airport": the town it serves
    m = _POSSESSIVE_END.search(doc_text[start:end])
    if m:
        end = start + m.start()
    if end <= start or (
        doc_text[start:end] in not_places and not (listed_area() if callable(listed_area) else listed_area)
    ):
        return None
    if _ACRONYM.fullmatch(doc_text[start:end]) and not _dateline_at(doc_text, start, end):
        return None  # "The GNA blamed ...": an acronym once "The" is off
    if len(doc_text[start:end]) < 3:
        return None
    return start, end


#: "the" right before a name, as a title stands ("the Alase of ...")
_THE_BEFORE = re.compile(r"\b[Tt]he[\s\u00a0]+$")
#: "of" and a capitalised name after one
_OF_NAME_AFTER = re.compile(r"[\s\u00a0]+of[\s\u00a0]+(?:the[\s\u00a0]+)?[A-Z]")
#: after a name, what makes it a place naming a body: a possessive, another capitalised word, a body's noun
_BODY_GOES_ON = re.compile(
    r"['’]s?\b|[\s\u00a0]+(?:[A-Z]|(?:local|military|city|town|village|provincial|district|state|peace|security)\b)"
)
#: a word no text holds, for an empty word list
_NO_WORD = "\u0000never\u0000"


_FEATURE_GAP = re.compile(r"(?:[\s\u00a0]+of)?[\s\u00a0]+(?:the[\s\u00a0]+)?", re.I)


def _phrase(doc_text: str, s: int, e: int, lex: _Lex, start: int, end: int) -> str | None:
    """The name with the feature word next to it, as the text writes it ("Tal Hamid village", "the town of
    Ariha" -> "town of Ariha"); None when the feature word is not beside the name (a list's later names)."""
    fa = lex.feature_after.match(doc_text[e : min(end, e + 40)])
    if fa:
        return doc_text[s : e + fa.end()]
    before = doc_text[max(start, s - 60) : s]
    fb = lex.feature_before.search(before)
    if fb and _FEATURE_GAP.fullmatch(before[fb.end("feat") :]):
        return doc_text[s - len(before) + fb.start("feat") : e]
    return None


_PARENTHESIS = re.compile(r"[\s\u00a0]*\([^()]{0,30}\)")
#: a plural's possessive ending a name, before the noun it owns ("the Sudanese Doctors' Syndicate"; not "Syria's
#: Ministry of Health", whose country may be the only place its sentence names)
_PLURAL_OWNER = re.compile(r"['’][\s\u00a0]+")
#: "area" right after a name ("the al-Hadba area of Tripoli")
_AREA_AFTER = re.compile(r"[\s\u00a0]+area\b", re.IGNORECASE)
#: what joins the names of a list: "Kafr Nabl, Hish and Maar Shurin", "A & B"
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)")


#: an Arabic article opening the next word: "Bab al-Nairab" (an Aleppo quarter) goes on past "Bab", a town's name
_ARTICLE_NEXT = re.compile(r"[\s\u00a0]+(?:al|el|ad|ar|as|ash|at|az|an|ath|adh|ul)-(?-i:[A-Z])")


#: the targets lexicon's classes that are buildings a town names ("the Aleppo University hospital", "the Manbij market")
_BUILDING_TARGETS = frozenset({"hospital", "school", "market", "mosque", "bakery", "prison", "infrastructure"})


#: how far from its town a place a building is named after may lie and still be inside it ("the Ghweran prison in
#: Hasaka")
_BUILDING_TOWN_KM = 30.0
#: "in" or "at" and a town's capitalised name right after a building's noun ("al-Thawra hospital in Hodeidah")
_IN_TOWN_AFTER = re.compile(
    r"[\s\u00a0]+(?:in|at)[\s\u00a0]+(?:the[\s\u00a0]+)?(?:(?:city|town|village|neighbou?rhood)[\s\u00a0]+of[\s\u00a0]+)?"
    r"(?P<name>[A-Z][\w'’-]+)"
    # not an area's name ("Tel Rifaat market in Aleppo countryside", "al-Mashnaq market in Shada district"): the
    # building's town lies in the area, finer than it
    r"(?![\w'’-]*(?:[\s\u00a0]+[A-Z][\w'’-]*)*[\s\u00a0]+(?:countryside|province|governorate|state|district|region|"
    r"county|suburbs|outskirts|area|local[\s\u00a0]+government|LGA)\b)"
)


def _building_elsewhere(
    doc_text: str, name_start: int, name_end: int, end: int, lex: _Lex, spotted: Sequence[Any]
) -> bool:
    """Whether the name at ``[name_start, name_end)`` names a building whose town the text gives right after it
    ("the al-Thawra hospital in Hodeidah", "the Al-Quds hospital in Aleppo"): the name is the building's, not a
    place of the sentence. A country after "in" keeps it ("the Kunduz trauma centre in Afghanistan": Kunduz is the
    town), and so does a town the name's place lies in ("the Ghweran prison in Hasaka": the district is finer)."""
    after = doc_text[name_end : min(end, name_end + 80)]
    fac = lex.facility_after.match(after)
    if fac is None:
        return False
    town = _IN_TOWN_AFTER.match(after, fac.end())
    if town is None or _country_word(town.group("name")):
        return False
    t0 = name_end + town.start("name")
    own = next((sp for sp in spotted if sp.start <= name_start < sp.end), None)
    where = next((sp for sp in spotted if sp.start == t0), None)
    if own is None or where is None:
        return True
    from civcas.gazetteer.merge import distance_km

    # the town as its best-known namesake (Hodeidah the city, not a hamlet of that name beside a village of the
    # building's)
    towns = [c for c in list(where.candidates)[:8] if c.lat is not None and c.lon is not None]
    if not towns:
        return True
    town_at = max(towns, key=lambda c: c.population or 0)
    return not any(
        c.lat is not None and c.lon is not None
        and distance_km(c.lat, c.lon, town_at.lat, town_at.lon) <= _BUILDING_TOWN_KM
        for c in list(own.candidates)[:8]
    )


def _well_known(spot: Any) -> bool:
    """A spotted name that can stand before another capitalised word and still be the place: a country,
    an admin area or a sizeable town ("Syria Staffan de Mistura"), not a hamlet that shares a first name
    ("Gauri Lankesh", "Pascal Tresor")."""
    cands = list(getattr(spot, "candidates", ()) or ())[:8]
    if not cands:
        return True  # no candidates to judge by (a stub spotter): keep the old behaviour
    from civcas.gazetteer import fold as gfold

    short = gfold.loose(getattr(spot, "text", "") or "")
    if len(short) > 4:
        short = ""
    # a short name stands for a sizeable place only as spelled: "Iva Ibetono" is no Ivaí county of Brazil
    return any((c.kind in ("country", "region", "county") or (c.population or 0) >= 50_000)
               and (not short or any(gfold.loose(n) == short for n in (c.name, *c.names))) for c in cands)


def find_mentions(
    doc_text: str,
    start: int,
    end: int,
    *,
    gazetteer: Any = None,
    spotted: Sequence[Any] = (),
    rules: RuleFiles | None = None,
) -> list[PlaceMention]:
    """Place mentions in ``doc_text[start:end]`` (one sentence), with doc-level spans and context.

    ``spotted`` are the gazetteer's hits in this stretch (doc-level offsets), if a gazetteer is loaded.
    """
    rules = rules or load_rules()
    lex = _lex(rules)
    sent = doc_text[start:end]
    words = _LONG_WORD.findall(sent)[1:]
    # In a Title Case Headline every word is capitalised; only names the gazetteer knows are places there.
    title_case = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
    cands: dict[tuple[int, int], dict[str, Any]] = {}
    outlets: list[tuple[int, int]] = []
    urls = [(start + m.start(), start + m.end()) for m in _URL.finditer(sent)]
    pieces: list[tuple[int, int]] = []
    pending: list[tuple[int, int, dict[str, Any]]] = []
    held: set[int] = set()
    for m in lex.name_re.finditer(sent):
        s0, e0 = start + m.start(), start + m.end()
        # "Nigeria's Yobe state": two names, the second inside the first.
        cut = s0
        for pm in _POSSESSIVE_SPACE.finditer(doc_text[s0:e0]):
            pieces.append((cut, s0 + pm.start() + 2))
            cut = s0 + pm.end()
        pieces.append((cut, e0))
    pieces = [(s, e) for s, e in pieces if not any(us <= s < ue for us, ue in urls)]
    for s, e in pieces:
        while True:  # "SDF-controlled Ain Issa", "rebel-held Douma"
            lead = lex.held_lead.match(doc_text[s:e])
            if not lead:
                break
            s += lead.end()
            held.add(s)
        # A feature word inside a capitalised run ("Raqqa City", "Deir Ezzor Governorate") ends the name.
        if e <= s:
            continue
        inner = lex.inner_feature.search(doc_text[s:e])
        if inner:
            e = s + inner.start()
        if re.match(r"[A-Z]{2,8}[–—\-]", doc_text[s:e]) and re.search(r",[\s\u00a0]*$", doc_text[max(0, s - 3) : s]):
            continue  # "Damascus, SANA-An Israeli ...": the agency of a dateline
        road_end = _ROAD_ENDS.fullmatch(doc_text[s:e])
        if road_end and road_end.group("a").split()[0] not in lex.road_name_heads and lex.road_after.match(doc_text, e):
            # "on the Kunduz-Takhar highway", "the Aleppo-Latakia M4 road": the road from the first place, near it
            # (not "Kunduz Tapah", nor a model number "M4")
            e = s + road_end.end("a")
        else:
            road_end = None
        # asked only for a name that starts with a compass word ("the Eastern Cape"): reading a spotted name's
        # candidates ranks every one of them, which most names never need
        known_area = functools.partial(_known_area, spotted, s, e)
        cleaned = _clean_name(doc_text, s, e, lex, known_area, functools.partial(_known_whole, spotted, doc_text, s, e),
                              body_goes_on=functools.partial(_body_goes_on, spotted, doc_text, s, e))
        if cleaned is None:
            continue
        tail = doc_text[cleaned[1] : cleaned[1] + 6]
        if any(a <= cleaned[0] < b for a, b in outlets):
            continue
        if tail.startswith("@") or _OUTLET_NUMBER.match(tail):
            continue  # a post's author ("Qalaat Al Mudiq@QalaatAlMudiq"), an outlet's name ("(Kurdistan 24)")
        s, e = cleaned
        if _building_elsewhere(doc_text, s, e, end, lex, spotted):
            continue  # "the gate of al-Thawra hospital in Hodeidah": the building's name; the town after "in" is where
        first = doc_text[s:e].split()[0] if doc_text[s:e].split() else ""
        if first in lex.person_names and not any(sp.start == s and sp.end > s + len(first) for sp in spotted):
            continue  # a person's name ("Abdul Hamid al-Matar"), unless the gazetteer knows the whole name
        before = doc_text[max(start, s - 60) : s]
        if s in held:
            before = lex.held_tail.sub("", before)
        after = doc_text[e : min(end, e + 40)]
        info: dict[str, Any] = {"rule": "pattern", "kind": None, "relation": "in", "km": None}
        line_start = s == 0 or doc_text[s - 1] == "\n" or bool(re.match(r"\s*$", doc_text[max(0, s - 30) : s]))
        outlet = _OUTLET_DATELINE.match(doc_text[e : e + 50]) if line_start else None
        if line_start and (
            (doc_text[s:e].isupper() and _DATELINE.match(doc_text[max(0, s - 2) : e + 60]))
            or _AGENCY_DATELINE.match(doc_text[e : e + 20])
            or outlet
        ):
            info["relation"] = "dateline"
            info["rule"] = "dateline"
            cands[(s, e)] = info
            if outlet:
                outlets.append((e, e + outlet.end()))  # "Mogadishu (Shabelle) -": the outlet is no place
            continue
        fb = lex.feature_before.search(before)
        fa = lex.feature_after.match(after)
        if fa and _adjective_before_feature(_ARTICLE_LEAD.sub("", doc_text[s:e]), fa, after, lex):
            continue
        rb = lex.relation_before.search(_PARENTHESIS.sub(" ", before))  # "450 km (280 miles) north of"
        ra = lex.around_after.match(after)
        pb = lex.prep_before.search(before)
        if fb:
            info["kind"] = lex.kind_of.get(fold(fb.group("feat")).removesuffix(" of"))
            if info["kind"] == "neighbourhood" and re.search(r"\bof[\s\u00a0]+(?:the[\s\u00a0]+)?$", fb.group(0), re.I):
                # "a Shiite neighbourhood of Baghdad", "the area of Rofita": the name may be the city around
                # the neighbourhood as well as the neighbourhood; let the gazetteer say which.
                info["kind"] = None
            info["rule"] = "feature_before"
            dm = _DEMONYM_BEFORE_FEATURE.search(before[: fb.start()] + " ")
            owner = _demonym_countries().get(dm.group(1)) if dm else None
            if owner is not None:
                info["within"] = owner  # "the Saudi city of Jizan": in Saudi Arabia, whatever the story's country
            if lex.countryside_feature.match(fb.group("feat")):
                info["relation"] = "countryside"  # "the eastern countryside of Deir ez-Zor": the area around it
                info["kind"] = None  # "the outskirts of Kobane": around a town, not a district of that name
        if fa:
            # "Borno State": the word after the name is its own; "... Area of" before it may be a neighbour's.
            info["kind"] = lex.kind_of.get(fold(fa.group("feat"))) or info["kind"]
            info["rule"] = "feature_after"
        if ra:
            info["relation"] = _around_relation(ra, lex)
            info["rule"] = "around"
        if rb:
            _relate(info, rb, lex)
        if road_end is not None:
            info["relation"], info["rule"], info["kind"] = "near", "road", "road"
        if info["relation"] == "in" and _BETWEEN_SECOND.search(before):
            # "on the road between Qamishli and Amuda": the second end is as near as the first
            info["relation"], info["rule"] = "near", "relation_near"
        if info["relation"] in ("in", *_COMPASS_OF) and _elsewhere_before(before, lex):
            info["relation"], info["rule"] = "origin", "relation_origin"  # "a civilian from Homs"
        inner_known = [sp for sp in spotted if s <= sp.start and sp.end <= e and (sp.start, sp.end) != (s, e)]
        exact_known = any(sp.start <= s and e <= sp.end for sp in spotted)
        if (
            inner_known
            and not exact_known
            and not (fb or fa or ra)
            and inner_known[0].start == s
            and doc_text[inner_known[0].end : inner_known[0].end + 1].isspace()
            and not _CALLED_A_SETTLEMENT.match(doc_text, e)
            and not _ARTICLE_NEXT.match(doc_text, inner_known[0].end)
            # "Tal Kocher", "Kafr Jales": a name's first word ("Tal", hill; "Kafr", village) begins the name the
            # gazetteer lacks, however many places it names alone
            and doc_text[s : inner_known[0].end] not in lex.road_name_heads
            and _well_known(inner_known[0])
        ):
            e = inner_known[0].end  # "Syria Staffan de Mistura": the place is the known part
            after = doc_text[e : min(end, e + 40)]
            fa = lex.feature_after.match(after)
            ra = lex.around_after.match(after)
        elif (
            inner_known
            and not exact_known
            and inner_known[-1].end == e
            and inner_known[-1].start > s
            and doc_text[inner_known[-1].start - 1].isspace()
            and not any(sp.start < inner_known[-1].start and sp.end > s for sp in spotted)
            and lex.institution_of.search(before)
            and _well_known(inner_known[-1])
        ):
            # "the Federal University of Agriculture Makurdi": an institution's name ends with the town it is in;
            # the words before it name nothing the gazetteer knows
            s = inner_known[-1].start
            before = doc_text[max(start, s - 60) : s]
        known = exact_known or bool(inner_known)
        if title_case and not known:
            continue
        if not (fb or fa or rb or ra or pb or known):
            pending.append((s, e, info))
            continue
        cands[(s, e)] = info
    # Names listed after an accepted one share its context: "the towns of Kafr Nabl, Hish and Maar Shurin".
    changed = True
    while changed and pending:
        changed = False
        for item in list(pending):
            s, e, info = item
            for _cs, ce in list(cands):
                if ce <= s and _LIST_GAP.fullmatch(doc_text[ce:s]):
                    info["rule"] = "list"
                    cands[(s, e)] = info
                    pending.remove(item)
                    changed = True
                    break
    for sp in spotted:
        if any(s <= sp.start and sp.end <= e for (s, e) in cands) or any(a <= sp.start < b for a, b in outlets):
            continue
        if sp.start < start or sp.end > end:
            continue
        # asked once, and only of a name whose first word the not-places list holds ("Lashkar Gah")
        whole = functools.cache(functools.partial(_known_whole, spotted, doc_text, sp.start, sp.end))
        # drop candidates that overlap a longer pattern name (tested first: what follows only reads the text), but
        # not a whole name of the regions file that the pattern cut at its feature word: "the Kurdistan Region of
        # Iraq" (read as "Region of Iraq"), "in the Kurdistan Region"
        overlapping = [k for k in cands if k[0] < sp.end and sp.start < k[1]]
        listed = functools.cache(functools.partial(_listed_area, sp, doc_text))
        if overlapping and not (
            all(sp.start <= k[0] and k[1] <= sp.end for k in overlapping)
            and sp.end - sp.start > max(k[1] for k in overlapping) - min(k[0] for k in overlapping)
            and listed()
        ):
            continue
        first = doc_text[sp.start : sp.end].split()[0] if doc_text[sp.start : sp.end].split() else ""
        if (first in lex.not_places and not whole()) or _clean_name(
            doc_text, sp.start, sp.end, lex, known_whole=whole, listed_area=listed,
            body_goes_on=functools.partial(_body_goes_on, spotted, doc_text, sp.start, sp.end),
        ) is None:
            continue
        if lex.not_place_lead is not None and (lead := lex.not_place_lead.match(doc_text, sp.start)) is not None and (
            lead.end() > sp.end
        ):
            continue  # "the Kurdistan Workers' Party": a party's name, whose first word the gazetteer knows
        if first in lex.person_names and len(doc_text[sp.start : sp.end].split()) == 1 and re.match(
            r"^[\s\u00a0]+(?:al-|el-|bin\b|ibn\b|Abu\b|[A-Z])", doc_text[sp.end : sp.end + 6]
        ):
            continue
        before = doc_text[max(start, sp.start - 60) : sp.start]
        after = doc_text[sp.end : min(end, sp.end + 40)]
        if _building_elsewhere(doc_text, sp.start, sp.end, end, lex, spotted):
            continue  # "the gate of al-Thawra hospital in Hodeidah": the building's name; the town after "in" is where
        info = {"rule": "gazetteer", "kind": None, "relation": "in", "km": None}
        fa = lex.feature_after.match(after)
        if fa:
            info["kind"] = lex.kind_of.get(fold(fa.group("feat")))
        ra2 = lex.around_after.match(after)
        if ra2:
            info["relation"] = _around_relation(ra2, lex)
        fb = lex.feature_before.search(before)
        if fb:
            info["kind"] = lex.kind_of.get(fold(fb.group("feat")).removesuffix(" of"))
        rb = lex.relation_before.search(_PARENTHESIS.sub(" ", before))  # "450 km (280 miles) north of"
        if (rb and lex.relation_of.get(fold(rb.group("rel"))) == "origin") or _elsewhere_before(before, lex):
            # "a civilian from Homs", "fired from Turkish territory"; "taken to a hospital in Afrin": where the
            # wounded were taken, not where the strike fell
            info["relation"] = "origin"
        # A bare capitalised word the gazetteer happens to know ("Antonio", "Shirley") needs a locative context; a
        # sizeable town's name before a building's noun has one ("hit the Mariupol drama theatre")
        if not (fa or fb or lex.prep_before.search(before) or ra2 or rb) and not (
            lex.facility_after.match(after) and _well_known(sp) and re.search(r"\bthe\s+$", before, re.IGNORECASE)
        ):
            continue
        for k in overlapping:
            del cands[k]
        cands[(sp.start, sp.end)] = info
    # "the burned villages include Dendora, Matiya and Haraza": the names listed after a feature word are of its kind
    listed_kind: tuple[int, str] | None = None
    for (s, e), info in sorted(cands.items()):
        if info["rule"] == "feature_before" and info["kind"]:
            listed_kind = (e, info["kind"])
        elif (
            listed_kind
            and info["kind"] is None
            and _LIST_GAP.fullmatch(doc_text[listed_kind[0] : s])
        ):
            info["kind"] = listed_kind[1]
            listed_kind = (e, listed_kind[1])
        else:
            listed_kind = None
    for m in lex.capital.finditer(sent):
        # "the Somali capital", "Honduras' capital", "the capital of Iraq": the country's capital, unnamed.
        s, e = start + m.start("phrase"), start + m.end("phrase")
        owner = m.group("owner") or m.group("owner2") or ""
        direction = lex.relation_before.search(sent[max(0, m.start() - 40) : m.start()])
        if re.match(r"['’]s?\b", doc_text[e : e + 3]):
            continue  # "the capital of Iraq's Kurdistan region" is another capital
        if not direction and _country_word(re.sub(r"['’]s?$", "", owner)):  # "Iraq's", "Honduras'" (not "Hondura")
            # "in Yemen's capital": the country's name found first is the capital's owner, not the place
            for k in [k for k in cands if s <= k[0] and k[1] <= e and doc_text[k[0] : k[1]] in owner]:
                del cands[k]
        if any(a < e and s < b for a, b in cands):
            continue
        cands[(s, e)] = info = {"rule": "capital", "kind": "capital", "relation": "in", "km": None, "within": owner}
        if direction:
            # "in Nanga Boguila, 450 km north of the capital": the capital is where the place lies from, not the place
            _relate(info, direction, lex)
            info["rule"] = "capital"
    mentions = [
        PlaceMention(
            text=doc_text[s:e],
            span=Span.of(doc_text, s, e),
            relation=info["relation"],
            kind_hint=info["kind"],
            distance_km=info["km"],
            rule=f"{lex.tag}#{info['rule']}",
            within=(info["within"],) if info.get("within") else (),
            # ("the al-Hadba area of Tripoli": "area" names no kind, but an unknown area of a city lies in it)
            phrase=_phrase(doc_text, s, e, lex, start, end) if info["kind"] or _AREA_AFTER.match(doc_text, e) else None,
        )
        for (s, e), info in sorted(cands.items())
    ]
    return _containment(doc_text, mentions, lex)


def _relate(info: dict[str, Any], rb: re.Match[str], lex: _Lex) -> None:
    """Set a mention's relation (and distance) from the relative position written before it ("23 km from",
    "north of", "eastern")."""
    rel = lex.relation_of.get(fold(rb.group("rel")), "near")
    if rel == "direction_of":
        d = _DIRECTION.match(rb.group("rel"))
        if d and re.search(r"\bof\b", rb.group("rel")):
            rel = f"{d.group('dir').lower().replace('-', '')}_of"
        elif info["relation"] == "countryside":
            rel = "countryside"  # "the northern countryside of Aleppo": the area around it, not the city
        else:
            rel = "in"  # "eastern Deir ez-Zor": a part of the place, still in it
    info["relation"] = rel
    if rel == "km_from" and rb.group("km"):
        try:
            info["km"] = float(rb.group("km"))
        except ValueError:
            info["km"] = None
    info["rule"] = f"relation_{rel}"


def _containment(doc_text: str, mentions: list[PlaceMention], lex: _Lex) -> list[PlaceMention]:
    """ "X in Y", "X, Y", "Y's X", "X of Y" make Y an area X lies within; a listed run shares its container."""
    out = list(mentions)
    run_of: dict[int, list[int]] = {}
    idx = 0
    for run in place_lists(doc_text, out):
        members = list(range(idx, idx + len(run)))
        if len(run) >= 3 or (len(run) == 2 and " and " in doc_text[run[0].span.end : run[1].span.start]):
            for k in members:
                run_of[k] = members
        idx += len(run)
    held_by: dict[int, str] = {}
    for i, m in enumerate(out):
        within: list[str] = []
        if i in held_by:
            within.append(held_by[i])
        if lex.holder_gap is not None and i + 1 < len(out) and lex.holder_gap.fullmatch(
            doc_text, m.span.end, out[i + 1].span.start
        ) and _THE_LEAD.search(doc_text, max(0, m.span.start - 40), m.span.start):
            # "the Idlib town of Saraqib", "the Burkina Faso town of Djibo": the feature word is the next name's, which
            # lies in this one
            held_by[i + 1] = m.text
            out[i] = replace(m, kind_hint=None, phrase=None)
            continue
        first = run_of.get(i, [i])[-1] + 1
        for j in range(first, min(first + 2, len(out))):
            m_last = out[first - 1]
            n = out[j]
            gap = doc_text[m_last.span.end : n.span.start]
            if _COMMA_LINK.match(gap) and not (m_last.kind_hint or _LOCATIVE_BEFORE.search(
                doc_text, max(0, m_last.span.start - 24), m_last.span.start
            )):
                break  # "known as Sahwa, in the city of Ramadi", "Simon Akpen, in Yenagoa": neither put anywhere
            if lex.border_after.match(doc_text, n.span.end):
                break  # "the Qusayr area near the Lebanese border": near a border, on either side of it
            if _CAPITAL_OF_GAP.fullmatch(gap):
                # "Nyala, the capital of South Darfur": the area the town is the capital of holds it (no city)
                within.append(n.text)
                if n.kind_hint == "city":
                    n = out[j] = replace(n, kind_hint=None, phrase=None)
                if m_last.relation == "origin":
                    out[j] = replace(n, relation="origin")  # (it tells where the origin is, no place of its own)
                break
            if lex.within_gap.fullmatch(gap) or re.fullmatch(r"[\s\u00a0]*,[\s\u00a0]*", gap):
                within.append(n.text)
                if j + 1 < len(out) and _possessive_between(doc_text, n.span.end, out[j + 1].span.start, lex):
                    # "in Borno state's Hawul local government area": the finer area, the container's own
                    within.append(out[j + 1].text)
                break
        owner = None
        if i > 0:
            p = out[i - 1]
            gap = doc_text[p.span.end : m.span.start]
            if lex.possessive_gap.fullmatch(gap):
                within.append(p.text)
                owner = p.text  # "Quetta's Satellite Town": a part of the place in the possessive
        if within:
            out[i] = replace(m, within=tuple(dict.fromkeys((*m.within, *within))), owner=owner)
    return out


#: an area's own feature word before its possessive ("Borno state's Hawul local government area")
_AREA_WORD_BEFORE_S = re.compile(r"[\s\u00a0]+(?:state|province|governorate|region|county|district)(?=['’]s\b)",
                                 re.IGNORECASE)


def _possessive_between(doc_text: str, a_end: int, b_start: int, lex: _Lex) -> bool:
    """Whether the name ending at ``a_end`` holds the one starting at ``b_start`` in the possessive ("Borno's
    Hawul", "Borno state's Hawul local government area")."""
    lead = _AREA_WORD_BEFORE_S.match(doc_text, a_end, b_start)
    return lex.possessive_gap.fullmatch(doc_text, lead.end() if lead else a_end, b_start) is not None


#: "Nyala, the capital of South Darfur": an apposition naming the area a town is the capital of
_CAPITAL_OF_GAP = re.compile(
    r"[\s\u00a0]*,[\s\u00a0]*the[\s\u00a0]+(?:(?:provincial|state|regional|district|administrative)[\s\u00a0]+)?"
    r"capital[\s\u00a0]+of[\s\u00a0]+(?:the[\s\u00a0]+)?",
    re.IGNORECASE,
)
#: a comma and a link word between two names ("al-Zaydiyah, in Hodeidah province"), and what must stand before the
#: first for the second to hold it: a locative preposition ("in al-Zaydiyah, in ..."), a feature word's "of"
_COMMA_LINK = re.compile(r"[\s\u00a0]*,[\s\u00a0]*(?:in|within|inside)\b", re.IGNORECASE)
#: where an outlet's name is a town's ("in al-Mayadeen", "the town of al-Mayadeen", "the al-Mayadeen area"): a
#: locative preposition or a settlement's word before it, an area's word after it
_OUTLET_TOWN_BEFORE = re.compile(
    r"\b(?:(?:in|at|near|outside|inside|into|around|from|towards?)|(?:city|town|village|area|outskirts|countryside)"
    r"[\s\u00a0]+of)[\s\u00a0]+(?:the[\s\u00a0]+)?$",
    re.IGNORECASE,
)
_OUTLET_TOWN_AFTER = re.compile(r"[\s\u00a0]+(?:area|city|town|countryside|district|region|outskirts)\b",
                                re.IGNORECASE)


#: a sea's word after a people's adjective ("Persian Gulf", "Arabian Sea")
_SEA_WORD = re.compile(r"(?:Gulf|Sea|Ocean)\b")
#: "of" right after a name, opening the name its feature word is of
_OF_AFTER = re.compile(r"[\s\u00a0]+of[\s\u00a0]+")


#: a preposition of where right before a name ("in Sheikh Maqsoud", "near Sheikh Said"), not "of", "to" or "from"
#: (which a person's name follows as often)
_IN_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|around|into)[\s\u00a0]+(?:the[\s\u00a0]+)?$",
                              re.IGNORECASE)


def _outlet_key(name: str) -> str:
    """An outlet's name folded, articles' hyphens and "the" left out: "al-Mayadeen" and "Al Mayadeen" are one."""
    return re.sub(r"[\s\-‐]+", " ", fold(name)).strip().removeprefix("the ")


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|of|on|outside|inside|into|to)[\s\u00a0]+(?:the[\s\u00a0]+)?$",
                              re.IGNORECASE)


def place_lists(doc_text: str, mentions: Sequence[PlaceMention]) -> list[list[PlaceMention]]:
    """Runs of mentions listed together ("al-Kashem, al-Shweit and al-Dweir"): one event's several places."""
    runs: list[list[PlaceMention]] = []
    for m in mentions:
        if runs:
            prev = runs[-1][-1]
            gap = doc_text[prev.span.end : m.span.start]
            if _LIST_GAP.fullmatch(gap):
                runs[-1].append(m)
                continue
        runs.append([m])
    return runs
