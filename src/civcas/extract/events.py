"""Within one document: who said it (anaphora), where (gazetteer), when (offsets), which event.

Statements are clustered into events in reading order. A statement joins
an event when nothing contradicts it (another settlement, a disjoint date,
an explicit "a day after" that makes it a different strike) and something
ties it (the same place or one inside the other; no place at all, in which
case the most salient compatible event takes it: the lede's strike, one
whose figures are of the same magnitude). Tallies never join incidents.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from civcas.extract.dates import told_range
from civcas.extract.statements import Unit
from civcas.extract.text import fold, unclosed_quote
from civcas.gazetteer.datafiles import region_radii
from civcas.ingest.furniture import in_latin_capitals
from civcas.records import ClaimantKind, DatePrecision, Place, PlaceMention, PlacePrecision, Stance

_FINE = {
    PlacePrecision.NEIGHBOURHOOD: 0,
    PlacePrecision.SETTLEMENT: 1,
    PlacePrecision.NEAR: 2,
    PlacePrecision.DISTRICT: 3,
    PlacePrecision.GOVERNORATE: 4,
    PlacePrecision.UNRESOLVED: 5,
    PlacePrecision.COUNTRY: 6,
    PlacePrecision.REGION: 7,
}
_STRONG_AGGREGATE = (
    "since_year",
    "since_date",
    "since_event",
    "since_event_year",
    "from_to",
    "between_years",
    "in_total",
    "in_the_conflict",
    "countries_pair",
    "campaign_report",
    "long_period",
    "months_campaign",
    "period_alone",
    "since_month",
    "year_with_strikes",
    "weeks_of_attacks",
    "days_of_attacks",
)
#: cues that make a figure a tally only when it is large: "so far" also closes a single strike's toll,
#: "over the past week" may span one attack's dying, and a lead's "shelling on various areas of Idlib" may tell of
#: one strike's dead
_WEAK_AGGREGATE = ("so_far", "past_week", "past_day", "across_area")
_WEAK_AGGREGATE_MIN = 50
#: cues that spread a toll over many places, and cues that span it over a period: either alone may tell of one
#: strike; together ("47 civilians in November ... on various areas of Idlib and Hama") they are a tally
_AREA_SPREAD = frozenset({"across_area", "held_areas", "spread_areas"})
_PERIOD_SPAN = frozenset(
    {"month_alone", "period", "per_period", "month_of_year", "past_week", "past_day", "since_day", "period_words"}
)
#: counted attacks over a longer span than this (days) are a tally even in one town
_ONE_STRIKE_DAYS = 7
#: relative dates (dates.en ``relative``) that span the days up to the reference, longer than a strike's
_SPAN_UP_TO_NOW = ("#past_two_weeks", "#past_month")
#: A country's toll over a named month at least this large is a tally ("In August, SNHR documented the killing of
#: 104 civilians in Syria"); a smaller one may be one strike dated loosely ("a commander killed in November")
_MONTH_TALLY_MIN = 10
#: one attack named as such ("a strike on the market last month killed 20", "last month's strike"): its toll, however
#: loosely dated, is an incident's, not a month's tally
_ONE_ATTACK = re.compile(
    r"\b(?:a|an|the|one|single)\s+(?:[\w\-]+\s+){0,2}?(?:air\s*strike|airstrike|drone\s+strike|strike|raid|air\s+raid|"
    r"bombing|blast|explosion|massacre)(?![\w\-])|['’]s\s+(?:[\w\-]+\s+)?(?:air\s*strike|airstrike|strike|raid|bombing|"
    r"attack|massacre)(?![\w\-])",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\s+(?:spokes(?:man|woman|person)|representative|commander|official|officials|officer|source|sources|"
    r"statement|envoy|minister|chief|head|president|director|colonel|col\.|general|gen\.|major|captain|"
    r"lieutenant|lt\.|sergeant|press office|media office|office)\b.*$",
    re.IGNORECASE,
)


def claimant_key(name: str | None) -> str:
    """Grouping key: "US Army spokesman Colonel Ryan Dillon" and "US Army representative" are one source,
    and so are "SOHR activists" and "Syrian Observatory sources" (``organisations`` in the claimants file)."""
    if not name:
        return "outlet"
    org = _organisation_of(name)
    if org is not None:
        return f"org:{org}"
    base = _ROLE.sub("", name.strip())
    base = re.sub(r"^(?:the|a|an)\s+", "", base, flags=re.I)
    return fold(base or name)


@functools.cache
def _organisations() -> tuple[re.Pattern[str], dict[str, str]]:
    from civcas.extract.rules import load_rules
    from civcas.extract.text import phrase_regex

    orgs = load_rules().claimants.organisations
    of = {fold(a): o.id for o in orgs for a in o.aliases}
    return phrase_regex(list(of) or ["\x00"]), of


def _organisation_of(name: str) -> str | None:
    """The id of the organisation a claimant's name names, if the claimants file knows it."""
    rx, of = _organisations()
    m = rx.search(name)
    return of.get(fold(m.group(0))) if m else None


_COMPATIBLE = [{"coalition", "US"}, {"coalition", "UK"}, {"coalition", "France"}]


@dataclass
class Event:
    """A strike (or a tally) as one document tells it."""

    index: int
    units: list[Unit] = field(default_factory=list)
    aggregate: bool = False
    place: Place | None = None
    containers: set[str] = field(default_factory=set)
    start: date | None = None
    end: date | None = None
    date_rule: str | None = None
    #: the precision of the statement that dated the event ("day", "month", ...)
    date_precision: str = "day"
    belligerents: list[str] = field(default_factory=list)
    background: bool = False
    #: an earlier strike told as background ("The last strike on the town was ..."): no statement of a later sentence
    #: joins it
    closed: bool = False

    @property
    def killed_values(self) -> list[int]:
        out = []
        for u in self.units:
            h = u.harm("killed") or u.harm("killed_or_injured")
            if h is not None and h.value is not None:
                out.append(h.value)
        return out


# ----------------------------------------------------------------------------------------------- claimants


def mark_sums(units: list[Unit]) -> None:
    """A figure that adds up two incidents told in the same text is their sum, not another strike.

    A summing adverb ("in all") with no part told before it sums nothing, and marks no tally.
    """
    vals: list[tuple[int, int]] = []
    for i, u in enumerate(units):
        h = u.harm("killed")
        if h is not None and h.value is not None and u.kind == "harm":
            vals.append((i, h.value))
    day_of = {i: _day_of(units[i]) for i, _v in vals}
    for i, v in vals:
        if v < 10:
            continue
        u = units[i]
        if u.offset is not None and u.offset.offset not in (None, (0, 0)):
            continue  # "Two days later, barrel bombs ... killed 12": another strike, dated from the one before
        day = day_of[i]
        # Parts told in the total's own sentence are its breakdown ("10 killed: Somali [8 dead], Maasai [2]"); a
        # part dated another day than a total dated to a day is another strike ("On April 28 ... nine", "On May 4
        # ... three" sum to no "On April 30 ... 12")
        others = [w for j, w in vals if j != i and w < v and units[j].sent.index != u.sent.index
                  and (day is None or day_of[j] in (None, day))]
        hit = any(
            abs(others[a] + others[b] - v) <= max(1, 0.05 * v)
            for a in range(len(others))
            for b in range(a + 1, len(others))
        )
        if hit:
            units[i].sum_aggregate = True
    # "In all, six were killed" after "a car bomb ... followed by a firefight": with no smaller figure told
    # before it, the adverb totals one event's casualties rather than summing incidents.
    for i, u in enumerate(units):
        if not any(r.endswith("#sum_words") for _, _, r in u.aggregate):
            continue
        h = u.harm("killed") or u.harm("killed_or_injured") or u.harm("injured")
        total = h.value if h is not None else None
        if total is not None and not any(w < total for j, w in vals if j < i):
            u.aggregate = [a for a in u.aggregate if not a[2].endswith("#sum_words")]


def _day_of(u: Unit) -> date | None:
    """The one day a unit's own dates name, if they name exactly one."""
    days = {d.start_date for d in u.dates
            if d.precision is DatePrecision.DAY and d.start_date is not None and d.start_date == d.end_date}
    return days.pop() if len(days) == 1 else None


_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "its", "his", "her", "their"})


def resolve_claimants(units: list[Unit]) -> None:
    """Give every unit a claimant name: named, resolved from an anaphor, carried over, or the outlet's voice."""
    history: list[tuple[str, str, int]] = []  # (name, kind, sentence index)
    pending: tuple[str, str] | None = None
    sentence_has_harm: dict[int, bool] = {}
    for u in units:
        sentence_has_harm[u.sent.index] = sentence_has_harm.get(u.sent.index, False) or u.has_figure
    # sources named in each sentence, by offset: "The army said no civilians were hurt in the raid, which it said
    # killed 13 fighters" -- a pronoun's antecedent may sit in the same sentence, in a unit handled after it
    named: dict[int, list[tuple[int, str, str]]] = {}
    for u in units:
        # ("The US Central Command announced that ..., and that it assessed no civilians were harmed": the source
        # the pronoun stands for may be no unit's own claimant)
        for c in [u.claimant, *u.sources]:
            if c is not None and not c.generic and not c.relay and fold(c.name) not in _PRONOUNS:
                item = (c.start, _clean_claimant(c.name), c.kind.value)
                if item not in named.get(u.sent.index, ()):
                    named.setdefault(u.sent.index, []).append(item)
    pending_from = -10
    last_harm: Unit | None = None
    #: the last force that spoke by name (name, kind, sentence, paragraph)
    last_force: tuple[str, str, int, int] | None = None
    for u in units:
        sid = u.sent.index
        if pending is not None and sid > pending_from + 1:
            pending = None
        c = u.claimant
        name: str | None = None
        kind = "outlet"
        span = None
        if c is not None and not c.generic:
            subject = _subject_source(u.sent.text[: c.start]) if c.anaphor else None
            if subject is not None:
                name, kind = subject  # "Libyan officials took journalists to Majer, where they said 85 were killed"
            elif c.anaphor:
                before = sorted(x for x in named.get(sid, ()) if x[0] < c.start)
                near = [(before[-1][1], before[-1][2], sid)] if before else []
                name, kind = _antecedent(c.name, c.kind.value, history + near)
            else:
                name, kind = _clean_claimant(c.name), c.kind.value
            span = (u.sent.start + c.start, u.sent.start + c.end)
        if (name is None or (c is not None and c.generic)) and pending is not None and u.kind == "harm" and not (False):
            name, kind = pending
        if name is None and c is None and last_force is not None and u.stance is not None and u.stance.stance in (
            Stance.DENIES, Stance.DISPUTES
        ) and sid - last_force[2] <= 1 and u.sent.paragraph == last_force[3]:
            # "The coalition said in a statement that it conducted a strike ... No civilians were harmed in the
            # operation": a denial told right after a force's statement goes on with it (an outlet seldom disputes
            # harm in its own voice)
            name, kind = last_force[0], last_force[1]
        if name is None and c is not None and c.generic:
            name, kind = "reports", "other"
        if name is None and u.unattributed:
            name, kind = "unattributed", "other"  # "40 civilians reportedly fell victim": nobody in particular
        if name is None and c is None and last_harm is not None and last_harm.claimant_name and (
            last_harm.sent.index == sid - 1 and last_harm.sent.paragraph == u.sent.paragraph and _others_counted(u)
        ):
            # "Nine people died in the strike, MSF said. Two others were wounded.": the others of the toll just told,
            # by its source
            name, kind = last_harm.claimant_name, last_harm.claimant_kind
        if c is None and u.harms and all(h.form == "categories" for h in u.harms) and last_harm is not None:
            # "Among the killed civilians were 11 children...": the breakdown of the figure just given.
            name, kind = last_harm.claimant_name, last_harm.claimant_kind
        u.claimant_name = name
        u.claimant_kind = kind if name else "outlet"
        if u.has_figure and not all(h.form == "categories" for h in u.harms):
            last_harm = u
        u.claimant_span = span
        if name and c is not None and not c.relay:
            history.append((name, kind, sid))
            if kind in _FORCE_KINDS:
                last_force = (name, kind, sid, u.sent.paragraph)
        # A claimant named in a sentence with no figure may give its figure in the next one.
        if c is not None and not c.generic and not u.has_figure and u.kind != "stance" and name:
            pending = (name, kind)
            pending_from = sid
        elif u.has_figure and sid > pending_from:
            pending = None


_FORCE_KINDS = frozenset({"military", "government", "belligerent"})
@functools.cache
def _others_words() -> frozenset[str]:
    """The nouns of victims counted beside a toll told before: "Two others were wounded", "وأصيب ثلاثة آخرون" (the
    Arabic from ``harm.ar`` others), folded."""
    from civcas.extract.arabic_text import fold_phrase
    from civcas.extract.rules import load_rules

    ar = load_rules().ar_harm
    return frozenset({"others", "other", *(fold_phrase(w) for w in (ar.others if ar is not None else ()))})


def _others_counted(u: Unit) -> bool:
    """Whether the unit's figures count "others" (of a toll told before it)."""
    from civcas.extract.arabic_text import fold_phrase

    words = _others_words()
    return any(g.noun is not None and fold_phrase(g.noun.strip().lower()) in words for h in u.harms for g in h.groups)


def _clean_claimant(name: str) -> str:
    name = re.sub(r"^(?:the|a|an|some|several|another)\s+", "", name.strip(), flags=re.I)
    # an embedded post's handle written between its poster and its text: the source the post's text names
    # ("العربية@AlArabiyaالمرصد السوري"), else the poster ("Middle East Monitor@MiddleEastMnt")
    if (handle := re.search(r"@[A-Za-z0-9_]+", name)) is not None:
        name = name[handle.end() :] if name[handle.end() :].strip() else name[: handle.start()]
    # an aside in brackets ("(SOHR)"), a photo's credit ("[Ali Haj Suleiman/Al Jazeera]")
    name = re.sub(r"\s*\((?:[^)]*)\)|\s*\[[^\]]*\]", " ", name)
    name = re.sub(r"\s{2,}", " ", name).strip()
    core = name.strip(" ,.;:“”\"'’«»")
    # a quoted name at the end keeps its closing quote ('حملة "الرقة تذبح بصمت"'); a lone quote goes
    if (pair := unclosed_quote(core)) is not None:
        core = core + pair[1] if name.rstrip(" ,.;:").endswith(pair[1]) else core.replace(pair[0], "")
    return core


#: a sentence opening with people who may speak for what they saw: "Libyan officials took journalists to ..."
_SUBJECT_SOURCE = re.compile(
    r"^\s*(?:The\s+|Local\s+)?((?:[A-Z][\w\-]*\s+){0,3}(?:officials|residents|activists|witnesses|medics|doctors|"
    r"rescuers|villagers|police|authorities|elders|relatives|survivors))\s+(?!said\b|say\b|told\b)[a-z]"
)


def _subject_source(before: str) -> tuple[str, str] | None:
    """The subject that opens the sentence, when a pronoun later in it speaks ("..., where they said"): the nearest
    antecedent, if the claimants file knows its kind."""
    from civcas.extract.attribution import classify

    m = _SUBJECT_SOURCE.match(before)
    if m is None:
        return None
    name = m.group(1).strip()
    kind = classify(name)
    return (name, kind.value) if kind.value != "other" else None


def _antecedent(name: str, kind: str, history: list[tuple[str, str, int]]) -> tuple[str, str]:
    words = [w for w in fold(name).split() if w not in ("the", "this", "that", "another", "its", "their", "a")]
    if len(words) >= 3 and words[-2] in ("last", "this"):
        words = words[:-2]  # "another report last month": the report's head, not the month
    head = words[-1] if words else ""
    pronoun = head in ("it", "he", "she", "they", "his", "her", "its", "their")
    generic_heads = {
        "report",
        "reports",
        "statement",
        "letter",
        "letters",
        "source",
        "sources",
        "document",
        "agency",
        "further",
        # "The coalition said its review found ...": the body that reviewed
        "review",
        "investigation",
        "inquiry",
        "probe",
        "assessment",
        "finding",
        "findings",
    }
    body_heads = {
        "group",
        "organisation",
        "organization",
        "monitor",
        "observatory",
        "network",
        "project",
        "watchdog",
        "ngo",
        "body",
        "centre",
        "center",
    }
    if head and not pronoun and head not in generic_heads:
        # "according to the Observatory" after "Syrian state media said ...": the source whose own name holds the head
        # word, however far back, before the nearest source of a fitting kind
        for prev, pkind, _ in reversed(history):
            if head in fold(prev).split() or head.rstrip("s") in fold(prev):
                return prev, pkind
    for prev, pkind, _ in reversed(history):
        if pronoun or head in generic_heads or not head:
            return prev, pkind
        if head in body_heads and pkind in ("monitor", "international", "activists", "media", "other"):
            return prev, pkind
        if head in fold(prev).split() or head.rstrip("s") in fold(prev):
            return prev, pkind
    return _clean_claimant(name), kind


# ----------------------------------------------------------------------------------------------- places


def choose_place(
    u: Unit, resolved: dict[tuple[int, int], Place], country: str | None = None
) -> tuple[Place | None, list[Place]]:
    """The unit's place (finest, not a container of another) and the others listed with it.

    A place outside the document's ``country`` yields to one inside it: "a Toyota packed with explosives
    ... in Kabul" is in Kabul, whatever Toyota the gazetteer knows.
    """
    # Where a victim or a shot came from ("a civilian from Homs", "fired from Turkish territory") is not
    # where the strike fell; such a place never stands for the event.
    cands = [m for m in u.places if (m.span.start, m.span.end) in resolved and m.relation != "origin"]
    # "on the Afghan border", "near the border between Afghanistan and Pakistan", "the border with Chad": a country
    # named as one side of a border says where the event is not sure to be; the document's country decides.
    cands = [m for m in cands if not (
        resolved[(m.span.start, m.span.end)].precision is PlacePrecision.COUNTRY and _border_side(u, m)
    )]
    # "BEIRUT (AP) — ... airstrikes on the Syrian town": a dateline abroad is the bureau's city, not the event's
    cands = [m for m in cands if not (
        m.relation == "dateline" and country and resolved[(m.span.start, m.span.end)].country not in (None, country)
    )]
    # "مستشفى القدس في حي السكري بمدينة حلب" (al-Quds hospital in Aleppo): a name said to lie inside a place that
    # resolved to another country is no place of its own here (a building named after a city abroad)
    by_text = {m.text: resolved[(m.span.start, m.span.end)] for m in cands}
    cands = [m for m in cands if not any(
        (c := by_text.get(w)) is not None and c.country and resolved[(m.span.start, m.span.end)].country
        and c.country != resolved[(m.span.start, m.span.end)].country
        for w in m.within
    )]
    if len(cands) > 1:
        # "مستشفى القدس في حي السكري بمدينة حلب" (al-Quds hospital in al-Sukkari, Aleppo): a facility's own name, told
        # with the places it lies in, is no place of the strike (the places after it are)
        cands = [m for m in cands if not (m.within and _facility_named(u, m))] or cands
    if country and in_latin_capitals(u.sent.text):
        # "AUSTIN ORDERS INVESTIGATION OF SYRIA AIRSTRIKE": a headline in capitals gives no case to tell a name by; a
        # name in it read as a town abroad is a person's as often as not
        cands = [m for m in cands if resolved[(m.span.start, m.span.end)].country in (None, country)]
    seats = _claimant_seats(u, cands)
    if seats and u.claimant is not None:
        # "The Syrian government and its ally Russia denied ...": a country inside the speaker's name says who
        # speaks, never where the strike fell, even when the sentence names no other place
        c0, c1 = u.sent.start + u.claimant.start, u.sent.start + u.claimant.end
        cands = [m for m in cands if not (
            id(m) in seats and c0 <= m.span.start and m.span.end <= c1
            and resolved[(m.span.start, m.span.end)].precision is PlacePrecision.COUNTRY
        )]
        seats &= {id(m) for m in cands}
    if seats and any(
        id(m) not in seats and resolved[(m.span.start, m.span.end)].gazetteer_id is not None
        and not located_by_context(resolved[(m.span.start, m.span.end)]) for m in cands
    ):
        # only for a place the gazetteer knows: a name it lacks may be a person's ("stabbed to death Pamo Hobobo")
        cands = [m for m in cands if id(m) not in seats]
    if not cands:
        return None, []
    containers = {fold(w) for m in cands for w in m.within}
    # "على طريق المحسنلي ... في منطقة جرابلس": a town named as an area ("the Jarablus area") holds a village or a
    # place the strike was near that lies in its district; the finer place is the strike's (a hospital's town in the
    # same district, where the wounded were taken, is neither)
    for m in cands:
        if m.kind_hint != "district":
            continue
        area = resolved[(m.span.start, m.span.end)]
        district = fold(area.admin2 or "") if area.precision is PlacePrecision.SETTLEMENT else ""
        if district and any(
            o is not m and (o.relation == "near" or o.kind_hint in ("village", "neighbourhood"))
            and fold(resolved[(o.span.start, o.span.end)].admin2 or "") == district
            and resolved[(o.span.start, o.span.end)].gazetteer_id != area.gazetteer_id
            and resolved[(o.span.start, o.span.end)].precision in (PlacePrecision.SETTLEMENT, PlacePrecision.NEAR,
                                                                   PlacePrecision.NEIGHBOURHOOD)
            for o in cands
        ):
            containers.add(fold(m.text))
    references = _reference_points(u, cands)
    at_harm = (_placed_by_harm(u, cands, resolved) or _placed_by_strike(u, cands, resolved, containers)
               if len(cands) > 1 else None)
    best: tuple[tuple[int, int, int, int, int, int, int, int], PlaceMention] | None = None
    unit_hints = hints([u])
    for i, m in enumerate(cands):
        p = resolved[(m.span.start, m.span.end)]
        rank = place_rank(p, unit_hints.get((m.span.start, m.span.end)))
        if m.relation == "dateline":
            rank = 6  # where the story was filed, used only when the text names nothing finer
        is_container = fold(m.text) in containers or id(m) in references or (
            p.precision not in (PlacePrecision.COUNTRY, PlacePrecision.REGION) and _heading_place(u, m))
        # Among equally fine places, the one the text calls a village (or neighbourhood) is the strike's.
        featured = 0 if m.kind_hint in ("village", "neighbourhood") else 1
        abroad = int(bool(country and p.country and p.country != country and m.kind_hint is None and not m.within))
        # a name read loosely or without support ("خالد" for "خالد كلو") yields to an equally fine sure one
        # (an unknown village placed in its country keeps its name: it is no weaker than the country's own name)
        weak = int(p.gazetteer_id is not None and p.confidence is not None and p.confidence < 0.5 and p.precision in (
            PlacePrecision.SETTLEMENT, PlacePrecision.NEAR, PlacePrecision.NEIGHBOURHOOD))
        # "استشهاد الصحفي ... من مدينة عفرين بقصف ... في محيط سد تشرين": a town a victim is "from" yields to a place
        # the sentence puts the strike in (not to the areas around it)
        hails = int(len(cands) > 1 and _hails_from(u.sent.text, m.span.start - u.sent.start))
        key = (int(m is not at_harm), int(is_container), hails, abroad, rank, featured, weak, i)
        if best is None or key < best[0]:
            best = (key, m)
    assert best is not None
    chosen = best[1]
    place = resolved[(chosen.span.start, chosen.span.end)]
    siblings = []
    for m in cands:
        if m is chosen or fold(m.text) in containers:
            continue
        p = resolved[(m.span.start, m.span.end)]
        if p.precision in (PlacePrecision.COUNTRY, PlacePrecision.REGION):
            if located_by_context(p) and place.country == p.country and place.precision is not PlacePrecision.COUNTRY:
                # "killed in Unguwar Kajit, a village in southern Kaduna state": a name the gazetteer lacks, placed
                # only in the country, stays among the claim's places, so its mention is told with the area's
                siblings.append(p)
            continue
        if _FINE.get(p.precision, 5) <= _FINE.get(place.precision, 5) + 1:
            siblings.append(p)
    # The areas the text puts it in ("... in Manbij", "Raqqa countryside") belong to its description too.
    for m in cands:
        if fold(m.text) in containers and m is not chosen:
            p = resolved[(m.span.start, m.span.end)]
            if p.precision is not PlacePrecision.COUNTRY:
                siblings.append(p)
    return place, siblings


#: "من" (from), maybe with a settlement's feature word, right before a name: where someone is from ("الصحفي عكيد روج من
#: مدينة عفرين", "مقتل السيدة عزيزة المحمد من تل الضمان"); the word before it is checked apart (:func:`_hails_from`)
_FROM_BEFORE = re.compile(
    r"(?:^|[\s\u00a0])(?P<prev>\S+)[\s\u00a0]+من[\s\u00a0]+(?:(?:مدينة|بلدة|قرية|مدينه|بلده|قريه)[\s\u00a0]+)?"
    r"[\"“«#]?$"
)
#: the words before "من" that make it "near" or "far from", not "from": "بالقرب من", "على بعد 5 كم من"
_NEAR_FROM = frozenset({"بالقرب", "القرب", "قرب", "مقربة", "قريب", "قريبة", "القريب", "القريبة", "بعيد", "بعيدا",
                        "بعيداً", "كم", "كيلومتر", "كيلومترات", "متر", "أمتار", "امتار", "بعد", "ميل"})


@functools.cache
def _facility_words() -> frozenset[str]:
    """The Arabic nouns of buildings often named after someone or something (``places.ar`` named_buildings), folded;
    roads, bridges, markets and crossings are named after the places they serve and stay places."""
    from civcas.extract.arabic_text import fold_phrase
    from civcas.extract.rules import load_rules

    ar = load_rules().ar_places
    return frozenset(fold_phrase(w) for w in ar.named_buildings) if ar is not None else frozenset()


def _facility_named(u: Unit, m: PlaceMention) -> bool:
    """Whether an Arabic facility's noun stands right before the mention ("مستشفى القدس", "مدرسة الشهيد")."""
    from civcas.extract.arabic_text import fold_phrase

    before = u.sent.text[: m.span.start - u.sent.start].split()
    return bool(before) and fold_phrase(before[-1].lstrip("#\"“«(")) in _facility_words()


def _hails_from(text: str, end: int) -> bool:
    """Whether the name ending the stretch ``text[:end]`` is where someone is from ("من مدينة عفرين")."""
    m = _FROM_BEFORE.search(text, 0, end)
    return m is not None and m.group("prev").strip("،,.:") not in _NEAR_FROM


#: between a toll and the place it says it fell in: "killing a civilian and injuring three others in Fatira",
#: "ما أدى لمقتل مدني في قرية فطيرة"
_HARM_IN = re.compile(
    # "..., including a child, in", "بينهم طفل في": the toll's breakdown may stand between
    r"(?:[\s\u00a0]*,?[\s\u00a0]*(?:including|among[\s\u00a0]+them|among[\s\u00a0]+whom|بينهم|بينهن|منهم)"
    r"(?:[\s\u00a0]+[^\s\u00a0,.;:]+){1,4}?[\s\u00a0]*,?)?"
    # "إصابة 3 مواطنين بجروح في قرية التوخار": the wounds' words after the count
    r"(?:[\s\u00a0]+(?:بجروح|بجراح|بإصابات|باصابات)(?:[\s\u00a0]+(?:خطيرة|طفيفة|بليغة|متفاوتة|مختلفة|متوسطة))?)?"
    r"[\s\u00a0,]*(?:in|at|inside|في|ب)[\s\u00a0]*(?:the[\s\u00a0]+)?"
    r"(?:(?:village|town|city|hamlet|neighbou?rhood|camp|قرية|بلدة|مدينة|حي|مخيم)[\s\u00a0]+(?:of[\s\u00a0]+)?)?",
    re.IGNORECASE,
)


#: a heading's colon or bar: "#Idlib: ...", "#إدلب | ..."
_COLON_AFTER = re.compile(r"[\s\u00a0]*[:|]")
_WORD_CHAR = re.compile(r"\w")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")


def _heading_place(u: Unit, m: PlaceMention) -> bool:
    """A post's heading ("#Idlib: A woman and her 3 children killed in airstrikes on #Maarat_Misrin", "#إدلب | ..."):
    the area the post is about, holding the place its statement names."""
    a, b = m.span.start - u.sent.start, m.span.end - u.sent.start
    # (a mark or an emoji may open the post: "🔴 Idlib: ...")
    return not _WORD_CHAR.search(u.sent.text, 0, a) and bool(_COLON_AFTER.match(u.sent.text, b))


def _placed_by_harm(
    u: Unit, cands: list[PlaceMention], resolved: dict[tuple[int, int], Place]
) -> PlaceMention | None:
    """The place a toll says it fell in, right after it, when the sentence names others: "Regime forces shelled
    positions in Kansafra, Fatira and Sufuhin ..., killing a civilian and injuring three others in Fatira"."""
    ends = [h.end for h in u.harms if h.groups or h.implied_one]
    if not ends:
        return None
    end = max(ends)
    for m in cands:
        a = m.span.start - u.sent.start
        if a < end or m.relation not in ("in", None):
            continue
        if any(o.span.start > m.span.start and fold(m.text) in {fold(w) for w in o.within} for o in cands):
            continue  # "killed 12 in the Idlib town of Saraqib": the town, not the area that holds it
        if _HARM_IN.fullmatch(u.sent.text[end:a]) and place_rank(
            resolved[(m.span.start, m.span.end)], m.kind_hint
        ) <= _FINE[PlacePrecision.NEAR]:
            b = m.span.end - u.sent.start
            # "shot dead in Karachi's Orangi Town": the city holds the place the toll fell in
            return None if _POSSESSIVE_AFTER.match(u.sent.text, b) else m
    return None


#: a new clause between two strikes: "shelled Kafr Janna with mortars, and an hour later ... shelled Marea", "at the
#: Bab al-Hawa crossing after the strike on Sarmada killed 5", "،
#: كما استهدفت"
_NEXT_CLAUSE = re.compile(
    r"[,،;؛]|\b(?:and|then|while|whereas|later|also|after)\b|(?<!\w)(?:ثم|كما|فيما|بينما|وبعد|وفي|في حين)(?!\w)",
    re.IGNORECASE,
)


def _placed_by_strike(
    u: Unit, cands: list[PlaceMention], resolved: dict[tuple[int, int], Place], containers: set[str]
) -> PlaceMention | None:
    """The place of the last of two strikes a sentence tells before its toll: "YPG militants shelled Kafr Janna with
    mortars, and an hour later the group shelled the town of Marea, killing a woman and her child" (Marea's).

    Only when a new clause and a strike's word stand between the two places, both as fine as a village: places listed
    in one strike ("shelled Kansafra, Fatira and Sufuhin, killing ...") keep the first.
    """
    starts = [h.start for h in u.harms if h.groups or h.implied_one]
    if not starts or not u.strikes:
        return None
    toll, base, text = min(starts), u.sent.start, u.sent.text
    fine = [m for m in cands if m.relation in ("in", None) and m.span.end - base <= toll
            and fold(m.text) not in containers
            and place_rank(resolved[(m.span.start, m.span.end)], m.kind_hint) <= _FINE[PlacePrecision.NEAR]]
    if len(fine) < 2:
        return None
    last = max(fine, key=lambda m: m.span.start)
    where = resolved[(last.span.start, last.span.end)].gazetteer_id
    earlier = [m for m in fine if m.span.end <= last.span.start
               and resolved[(m.span.start, m.span.end)].gazetteer_id != where]
    if not earlier:
        return None
    a, b = max(m.span.end for m in earlier) - base, last.span.start - base
    for s, e in u.strikes:
        if a <= s and e <= b and _NEXT_CLAUSE.search(text, a, s):
            return last
    return None


#: between a claimant's name and the place it sits in: "وزارة الصحة في صنعاء" (the health ministry in Sanaa)
_SEAT_GAP = re.compile(r"[\s\u00a0]*(?:in|at|based[\s\u00a0]+in|في|ب)[\s\u00a0]*", re.IGNORECASE)


#: claimants that speak from an office ("the police in Maiduguri"), not from the scene
_SEATED = frozenset({ClaimantKind.GOVERNMENT, ClaimantKind.MILITARY, ClaimantKind.BELLIGERENT, ClaimantKind.MEDICAL,
                     ClaimantKind.INTERNATIONAL, ClaimantKind.MEDIA, ClaimantKind.MONITOR})


def _claimant_seats(u: Unit, cands: list[PlaceMention]) -> set[int]:
    """The mentions (ids) that say where the sentence's claimant sits, not where the strike fell.

    "The health ministry in Sanaa said a strike on a market in Dahyan killed 29": Sanaa is inside the
    claimant's name; in Arabic the name often stops before it ("وزارة الصحة في صنعاء").
    """
    c = u.claimant
    if c is None or c.anaphor or c.kind not in _SEATED:
        return set()  # "residents of Jowhar", "activists in Raqqa" speak from where the strike fell
    start, end = u.sent.start + c.start, u.sent.start + c.end
    text, at = u.sent.text, u.sent.start
    return {id(m) for m in cands if (start <= m.span.start and m.span.end <= end) or (
        m.span.start >= end and _SEAT_GAP.fullmatch(text[end - at : m.span.start - at]))}


# "in Jhenaidah district, about 100 miles (161 km) west of Dhaka": a measured distance after a place, in
# apposition, tells the reader where that place is; the town it measures from is a reference point.
_MEASURED_APPOSITION = re.compile(
    r"(?:\s+[a-z]+)?\s*,\s*(?:[a-z]+\s+)?\d[\d,.]*\s*-?\s*(?:km|kms|kilomet(?:er|re)s?|miles?)\b"
    r"(?:(?!\b(?:and|or|but|in|at|near|where|while|when|killing|killed|were|was)\b)[^,;.!?]){0,80}\b(?:of|from)"
    r"(?:\s+the\s+[^,;.!?]{0,50}?\s+of)?\s+",
    re.IGNORECASE,
)


_BORDER_AFTER = re.compile(r"^[\s\u00a0]*(?:-[\w]+[\s\u00a0]+)?(?:border|frontier)s?\b", re.IGNORECASE)
_BORDER_BEFORE = re.compile(
    r"\b(?:borders?|frontiers?)[\s\u00a0]+(?:with|between)[\s\u00a0]+(?:[\w'’\-]+[\s\u00a0]+(?:and|&)[\s\u00a0]+)?$"
    r"|\bbordering[\s\u00a0]+$",
    re.IGNORECASE,
)


def _border_side(u: Unit, m: PlaceMention) -> bool:
    """Whether a mention is one side of a border ("the Afghan border", "the border between X and Y")."""
    s = u.sent
    a, b = m.span.start - s.start, m.span.end - s.start
    return bool(_BORDER_AFTER.match(s.text[b : b + 30]) or _BORDER_BEFORE.search(s.text[max(0, a - 60) : a]))


# "the Hawija district west of Kirkuk", "Hajin, east of Deir ez-Zor": a compass bearing right after a place (its
# feature word between) tells where that place is; the town it bears from is a reference point.
_COMPASS_APPOSITION = re.compile(
    r"(?:[\s\u00a0]+(?:district|province|governorate|county|town|village|city|area|region|countryside|"
    r"neighbou?rhood|suburb|camp|sub-?district))?[\s\u00a0]*,?[\s\u00a0]*(?:(?:just|some|about|directly)[\s\u00a0]+)?"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)[\s\u00a0]+of[\s\u00a0]+"
    r"(?:the[\s\u00a0]+(?:city|town|province|governorate)[\s\u00a0]+of[\s\u00a0]+)?",
    re.IGNORECASE,
)


_BEARINGS = frozenset(f"{d}_of" for d in ("north", "south", "east", "west", "northeast", "northwest", "southeast",
                                          "southwest"))


def _reference_points(u: Unit, cands: list[PlaceMention]) -> set[int]:
    """The mentions that only measure where another place of the sentence is (ids)."""
    s = u.sent
    out: set[int] = set()
    for m in cands:
        if m.relation in ("in", "origin", "dateline"):
            continue
        for x in cands:
            if x is m or x.span.end > m.span.start or x.relation == "origin":
                continue
            gap = s.text[x.span.end - s.start : m.span.start - s.start]
            if _MEASURED_APPOSITION.fullmatch(gap) or (m.relation in _BEARINGS and _COMPASS_APPOSITION.fullmatch(gap)):
                out.add(id(m))
                break
    return out


def _abroad(held: Place | None, place: Place, country: str | None) -> bool:
    """Whether ``place`` lies abroad while the event is already placed at home, in the document's ``country``
    ("SAADA, Yemen — a strike hit a market in northern Yemen", then "a missile attack on the Saudi city of Jizan"):
    a place abroad never displaces one at home."""
    return (
        country is not None
        and held is not None
        and held.country == country
        and place.country is not None
        and place.country != country
    )


def place_rank(p: Place, hint: str | None) -> int:
    """How fine a place is for choosing among a statement's places (0 finest; see ``_FINE``).

    A village or neighbourhood the text names but the gazetteer lacks ("the village of Hoshan, northwest of
    Ain Issa") ranks as a settlement: it is the strike's place, though only its area can be located.
    """
    rank = _FINE.get(p.precision, 5)
    if hint == "road":
        # "along the Herat-Badghis road": somewhere on a road from the town, no finer than a district named beside it
        return max(rank, _FINE[PlacePrecision.DISTRICT])
    named_here = bool(p.mention and p.name and fold(p.mention) == fold(p.name)) and located_by_context(p)
    if (p.precision is PlacePrecision.UNRESOLVED or unresolved_settlement(p) or named_here) and hint in (
        "village", "city", "neighbourhood"
    ):
        return 1
    if rank == _FINE[PlacePrecision.COUNTRY] and hint == "locative" and p.relation == "in" and unresolved_settlement(p):
        # "in remote Kolofata", "in Nanga Boguila": a name the gazetteer lacks, placed in the country the text
        # names, is finer than the country's name, though no feature word says what it is
        return _FINE[PlacePrecision.UNRESOLVED]
    return rank


def located_by_context(p: Place) -> bool:
    """Whether the gazetteer lacked the place and its coordinates are an area's or a nearby town's the text
    named ("not in the gazetteer", "placed in the region named with it", "placed near the town ...")."""
    return any("not in the gazetteer" in r or r.startswith("placed ") for r in p.reasons)


#: a locative preposition right before a name ("in Nanga Boguila", "in remote Kolofata"): the name is where
#: something happened, so a name the gazetteer lacks there is a place finer than the country it is placed in
_LOCATIVE_BEFORE = re.compile(r"(?<![\w-])(?:in|at)\s+(?:remote\s+|restive\s+)?$", re.IGNORECASE)


def hints(units: list[Unit]) -> dict[tuple[int, int], str | None]:
    """The feature word ("village", "city") each place mention of ``units`` came with, by span; "locative" for a
    name right after "in" or "at" without one."""
    out: dict[tuple[int, int], str | None] = {}
    for u in units:
        for m in u.places:
            hint = m.kind_hint
            rel = m.span.start - u.sent.start
            if hint is None and 0 < rel <= len(u.sent.text) and _LOCATIVE_BEFORE.search(u.sent.text, 0, rel):
                hint = "locative"
            out[(m.span.start, m.span.end)] = hint
    return out


def unresolved_settlement(p: Place) -> bool:
    """A named settlement the gazetteer lacks, placed at its enclosing area: a distinct place all the same."""
    if p.precision in (PlacePrecision.SETTLEMENT, PlacePrecision.NEIGHBOURHOOD, PlacePrecision.NEAR):
        return False
    fallback = located_by_context(p)
    if p.kind in ("country", "region", "county") and not fallback:
        return False
    if not p.mention or not p.name or fold(p.mention) != fold(p.name):
        return False
    return p.precision is PlacePrecision.UNRESOLVED or p.kind in (None, "locality", "neighbourhood") or fallback or any(
        "no '" in r for r in p.reasons
    )


def _same_place(a: Place, b: Place) -> bool:
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return True
    names_a = {fold(x) for x in (a.name, a.mention) if x}
    names_b = {fold(x) for x in (b.name, b.mention) if x}
    if names_a & names_b:
        return True
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        return _km(a.lat, a.lon, b.lat, b.lon) <= 3.0 and a.precision not in (
            PlacePrecision.GOVERNORATE,
            PlacePrecision.COUNTRY,
        )
    return False


def _two_known_villages(a: Place, b: Place) -> bool:
    """Two settlements the gazetteer knows under different entries none of whose names they share (a place listed
    twice, by two layers, shares its names): one sentence's counts in each are two strikes however near."""
    if not (a.gazetteer_id and b.gazetteer_id and _settlement_level(a) and _settlement_level(b)):
        return False
    if located_by_context(a) or located_by_context(b):
        return False
    names_a = {fold(x) for x in (a.name, a.mention, *a.names) if x}
    return not names_a & {fold(x) for x in (b.name, b.mention, *b.names) if x}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    import math

    p = math.pi / 180
    a = (
        math.sin((lat2 - lat1) * p / 2) ** 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


# compiled once: _loose runs for every pair of places an event's claims compare
_LEADING_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|ash|at|az|an)[\s\-’']+")
_NOT_AZ = re.compile(r"[^a-z]")


def _loose(s: str | None) -> str:
    s = fold(s or "")
    s = _LEADING_ARTICLE.sub("", s)
    return _NOT_AZ.sub("", s)


def capital_named_as_area(p: Place) -> bool:
    """ "Deir ez-Zor", "Idlib", "Raqqa": a provincial capital whose name is also its governorate's."""
    if p.precision is not PlacePrecision.SETTLEMENT or not p.admin1:
        return False
    if any("as 'city' says" in r for r in p.reasons):
        return False  # "the city of Idlib", "مدينة إدلب": the text says the city, a point like any town
    # (an Arabic mention folds to nothing in Latin letters: "إدلب" is then read by the gazetteer's name, "Idlib")
    a, b = _loose(p.mention or p.name) or _loose(p.name), _loose(p.admin1)
    return bool(a) and (a == b or a[:5] == b[:5])


def _settlement_level(p: Place) -> bool:
    return p.precision is PlacePrecision.SETTLEMENT or unresolved_settlement(p)


def _distinct_settlements(a: Place, b: Place) -> bool:
    """Two villages or towns, neither the other's quarter: "a house in Arab Hasan village in Minbij countryside"
    is another strike than one in Manbij town, though the village lies in the town's countryside. A provincial
    capital may stand for its province ("Idlib"), so it is not counted as a point here."""
    if not (_settlement_level(a) and _settlement_level(b)):
        return False
    if capital_named_as_area(a) or capital_named_as_area(b):
        return False
    return a.relation == b.relation == "in"


def _inside(fine: Place, coarse: Place, containers: set[str]) -> bool:
    """Whether ``fine`` lies in ``coarse`` (an admin area, a city around a neighbourhood, a named container)."""
    if fold(coarse.mention or coarse.name or "") in containers:
        return True
    if capital_named_as_area(coarse) and fine.admin1 and _loose(fine.admin1) == _loose(coarse.admin1):
        return True  # the bare name may mean the governorate ("Deir ez-Zor airstrikes")
    if unresolved_settlement(coarse):
        return False  # an unknown village contains nothing
    if coarse.precision in (PlacePrecision.GOVERNORATE, PlacePrecision.DISTRICT, PlacePrecision.COUNTRY):
        # a hand-listed region ("Jabal al-Zawiya", in Idlib) holds the places near it, not its whole governorate
        gid = coarse.gazetteer_id or ""
        radius = region_radii().get(gid) if gid.startswith("region:") else None
        geographic = radius is not None
        names = {fold(x) for x in (coarse.name, coarse.mention, None if geographic else coarse.admin1) if x}
        fine_areas = {fold(x) for x in (fine.admin1, fine.admin2, fine.country) if x}
        if coarse.precision is PlacePrecision.COUNTRY:
            return bool(fine.country and coarse.country and fine.country == coarse.country)
        if names & fine_areas:
            return True
        if coarse.lat is not None and fine.lat is not None and coarse.lon is not None and fine.lon is not None:
            return _km(coarse.lat, coarse.lon, fine.lat, fine.lon) <= (radius or 60)
    located = coarse.lat is not None and fine.lat is not None and coarse.lon is not None and fine.lon is not None
    if (coarse.relation != "in" or fine.relation != "in") and located:
        return _km(coarse.lat, coarse.lon, fine.lat, fine.lon) <= 30  # type: ignore[arg-type]
    return False


# ----------------------------------------------------------------------------------------------- dates


def _holds(area: Place, town: Place) -> bool:
    """Whether a coarser place is, or is the admin area or country of, a town (a dateline's city)."""
    if _same_place(area, town):
        return True
    if area.precision is PlacePrecision.COUNTRY:
        return bool(area.country) and area.country == town.country
    if area.precision is PlacePrecision.GOVERNORATE:
        return bool(area.admin1) and area.country == town.country and _loose(area.admin1) == _loose(town.admin1 or "")
    if area.precision is PlacePrecision.DISTRICT:
        return bool(area.admin2) and area.country == town.country and _loose(area.admin2) == _loose(town.admin2 or "")
    return False


def contains(coarse: Place, fine: Place, containers: set[str]) -> bool:
    """Whether ``fine`` is a strictly finer place inside ``coarse`` (an area around a town, a city around a quarter)."""
    if (
        capital_named_as_area(coarse)
        and not any("as 'city' says" in r for r in coarse.reasons)
        and fine.precision in (PlacePrecision.SETTLEMENT, PlacePrecision.NEIGHBOURHOOD, PlacePrecision.NEAR)
        and not _same_place(coarse, fine)
        and fine.admin1
        and _loose(fine.admin1) == _loose(coarse.admin1 or "")
    ):
        return True  # "air strikes on Idlib" (the province), and the market of Jisr al-Shughour in it
    if unresolved_settlement(coarse):
        return False
    if coarse.precision is PlacePrecision.COUNTRY and unresolved_settlement(fine) and not fine.admin1:
        # A village the gazetteer lacks, told within the same event, placed at the country it lies in
        same_name = fold(fine.name or "") == fold(coarse.name or "")
        return bool(fine.country) and fine.country == coarse.country and not same_name
    if _FINE.get(fine.precision, 5) >= _FINE.get(coarse.precision, 5):
        return False
    if coarse.precision not in (PlacePrecision.DISTRICT, PlacePrecision.GOVERNORATE, PlacePrecision.COUNTRY) and (
        coarse.relation != "countryside"
    ):
        return False  # "near X" or a town is a point, not an area around other places
    if unresolved_settlement(fine) and not fine.admin1:
        return False  # (inside a country: above) an area the text names locates it, not contains it
    return _inside(fine, coarse, containers)


#: what may come before a list item's day ("- ", "• ", "On ") and after it (a colon or a dash, then the item)
_ITEM_BEFORE = re.compile(r"\s*(?:[-•*·–]\s*)?(?:on\s+)?", re.IGNORECASE)
_ITEM_AFTER = re.compile(r"\s*[:–—-]")


def _list_item_date(u: Unit) -> tuple[tuple[date | None, date | None, str, Any] | None] | None:
    """The day that opens the unit's sentence as a dated list's item ("August 19: A Turkish drone ...", "- 3 آذار:
    ..."), as :func:`own_date` gives a date (None inside when no year resolves it); None when the sentence is no
    such item."""
    text = u.sent.text
    for d in u.dates:
        if d.kind != "absolute" or str(d.precision) != "day" or d.start > 12:
            continue
        if _ITEM_BEFORE.fullmatch(text[: d.start]) and _ITEM_AFTER.match(text, d.end):
            return ((d.start_date, d.end_date, "day", d) if d.resolved else None,)
    return None


def own_date(u: Unit) -> tuple[date | None, date | None, str, Any] | None:
    """The unit's own date: the resolved event date nearest its harm.

    A month or a year after "since" opens a period ("the largest attack since ... in March 2019"): it dates no
    strike; nor does a calendar day right after it ("the deadliest since October 7"); a relative day does
    ("shelling continued since this morning")."""
    text = u.sent.text
    ds = [
        d
        for d in u.dates
        if d.resolved
        and d.kind not in ("year",)
        and not (str(d.precision) != "day" and _SINCE.search(text[max(0, d.start - 60) : d.start]))
        and not (d.kind == "absolute" and _SINCE_RIGHT.search(text[max(0, d.start - 12) : d.start]))
    ]
    if not ds:
        return None
    struck = _struck_after_wounds(u)
    if struck is not None and any(d.start >= struck for d in ds):
        # "فارقت طفلة الحياة اليوم متأثرة بإصابتها بقصف ... يوم الجمعة الفائت", "died on Tuesday of wounds sustained
        # in Friday's airstrike": the strike the death came of is the event, dated after the wound
        ds = [d for d in ds if d.start >= struck]
    anchor = min((h.start for h in u.harms), default=u.region[0])
    d = min(ds, key=lambda x: abs(x.start - anchor))
    return d.start_date, d.end_date, str(d.precision), d


@functools.cache
def _wound_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]:
    """A death's wound ("died ... of wounds", "متأثرا") and the words of a strike, in English and (folded) Arabic."""
    from civcas.extract.arabic_text import fold_phrase
    from civcas.extract.rules import load_rules
    from civcas.extract.text import phrase_regex

    rules = load_rules()
    wd = rules.harm.wounds_of_the_dead
    never = re.compile(r"(?!)")
    en = (re.compile(rf"{phrase_regex(wd.verbs).pattern}[^.;]{{0,60}}?{phrase_regex(wd.nouns).pattern}", re.I)
          if wd is not None else never)
    ar_harm = rules.ar_harm
    ar = phrase_regex([fold_phrase(w) for w in ar_harm.wounds_of_the_dead]) if ar_harm is not None else None
    ar_attack = phrase_regex([fold_phrase(w) for w in ar_harm.attack]) if ar_harm is not None else None
    return en, _strike_words(), ar, ar_attack


def _struck_after_wounds(u: Unit) -> int | None:
    """Where the strike a death from wounds came of is told, when the sentence tells it after the wound: the offset
    (sentence-relative) of its attack word, or ``None``."""
    if not any(h.category == "killed" for h in u.harms):
        return None
    text = u.sent.text
    en, en_attack, ar, ar_attack = _wound_patterns()
    m = en.search(text)
    if m is not None:
        a = en_attack.search(text, m.end())
        return a.start() if a is not None and a.start() - m.end() <= 60 else None
    if ar is None or ar_attack is None or not any("\u0600" <= ch <= "\u06ff" for ch in text[:200]):
        return None
    from civcas.extract.arabic_text import fold

    f = fold(text)
    m = ar.search(f.text)
    if m is None:
        return None
    a = ar_attack.search(f.text, m.end())
    if a is None or a.start() - m.end() > 40:
        return None
    return f.span(a.start(), a.end())[0]


# "since" and Arabic "منذ" ("الأعنف منذ الأول من كانون الثاني": the deadliest since 1 January)
_SINCE = re.compile(r"(?:\bsince\b|(?<!\w)منذ(?!\w))[^.;:,،]{0,50}$", re.IGNORECASE)
_SINCE_RIGHT = re.compile(r"(?:\bsince\s+(?:the\s+)?|(?<!\w)منذ\s+)$", re.IGNORECASE)


# ----------------------------------------------------------------------------------------------- aggregates


def is_aggregate(u: Unit, place: Place | None) -> bool:
    """A tally over a period or area, or a whole conflict's toll, rather than one strike."""
    rules = [r.rsplit("#", 1)[-1] for _, _, r in u.aggregate]
    if not u.has_figure:
        # "the total number of dead civilians increased": no count here, but not an incident either.
        return u.kind == "harm" and any(r in _STRONG_AGGREGATE for r in rules)
    fine = place is not None and (
        place.precision in (PlacePrecision.SETTLEMENT, PlacePrecision.NEIGHBOURHOOD, PlacePrecision.NEAR)
        or _named_settlement(u, place)
    )
    report = [(a, b) for a, b, r in u.aggregate if r.endswith("#campaign_report")]
    inside_report = {r.rsplit("#", 1)[-1] for a, b, r in u.aggregate if any(ra <= a and b <= rb for ra, rb in report)}
    if report and set(rules) <= inside_report and fine and any(
        d.kind == "absolute" and d.precision is DatePrecision.DAY for d in u.dates
    ):
        # "the coalition's monthly report acknowledged that one of its strikes near Hajin on 12 May killed two": the
        # report names one strike by its day and place; the report is the source, its tally is elsewhere
        return False
    if any(r in _STRONG_AGGREGATE for r in rules):
        return True
    if _AREA_SPREAD & set(rules) and _PERIOD_SPAN & set(rules):
        # a month's toll over "various areas of Idlib and Hama": the towns named are the areas it spans
        return True
    rules = [r for r in rules if r != "spread_areas"]  # alone, a raid's "in different areas of" a town
    h = u.harm("killed") or u.harm("killed_or_injured") or u.harm("injured")
    low = (
        h.value if h is not None and h.value is not None else (h.groups[0].low if h is not None and h.groups else None)
    )
    if rules and all(r in _WEAK_AGGREGATE for r in rules) and low is not None and low < _WEAK_AGGREGATE_MIN and (
        fine or not {"past_day", "past_week"} & set(rules)
    ):
        # "Up to date, a woman and a child are reported injured": "so far" with a strike's count is its toll (a day's
        # count over a province stays a tally)
        rules = []
    region = u.sent.text[u.region[0] : u.region[1]]
    if rules and all(r in _PERIOD_SPAN for r in rules) and _ONE_ATTACK.search(region) and not any(
        d.kind == "year" for d in u.dates
    ):
        # "a strike on the market last month killed 20": one attack named as such, dated loosely, is an incident (not
        # one told by its year alone: an incident's date keeps no year, and "in 2019" would be lost)
        rules = []
    if rules and not fine:
        return True
    if "counted_attacks" in rules and any(
        d.start_date is not None and d.end_date is not None and (d.end_date - d.start_date).days > _ONE_STRIKE_DAYS
        for d in u.dates
    ):
        # "four strikes on Raqqa in which 41 civilians were killed between June and October 2017": strikes counted
        # over months in one town are a tally, not one strike's toll (on one day they are one incident's)
        return True
    if any(d.rule.endswith(_SPAN_UP_TO_NOW) for d in u.dates):
        # "the number of civilians killed in Idlib over the past two weeks", "in the last 30 days": a toll over the
        # days up to now, longer than a strike's, is a tally even in one town
        return True
    told = told_range(u.sent.text, u.dates) if u.dates else None
    if told is not None and (told[1] - told[0]).days > _ONE_STRIKE_DAYS:
        # "coalition strikes between March and June killed at least 300 civilians in Raqqa": a range of months is
        # a tally's period, even in one town
        return True
    if low is not None and low >= 1000 and (not fine or len({fold(m.text) for m in u.places}) >= 3):
        return True  # "3,037 civilians ..., including 140 in Idlib, 782 in Aleppo": a breakdown's places
    if "habitual" in rules and (h is None or h.value is None):
        return True
    if not fine and low is not None and low >= _MONTH_TALLY_MIN and u.dates and all(
        d.kind == "month" and d.precision is DatePrecision.MONTH for d in u.dates
    ) and (
        place is None or place.precision in (PlacePrecision.COUNTRY, PlacePrecision.REGION, PlacePrecision.UNRESOLVED)
    ) and not (place is not None and located_by_context(place)) and not _ONE_ATTACK.search(region):
        # "In August, SNHR documented the killing of 104 civilians in Syria": a country's toll over a named month is a
        # tally ("this year" in "the deadliest shooting in the south this year" is no period the toll spans); not a
        # town the gazetteer lacks, placed in its country ("a strike on a market in Mastaba killed 97 ... in March")
        return True
    return bool(u.stance is not None and u.stance.stance is Stance.ESTIMATES and not fine)


def _named_settlement(u: Unit, place: Place) -> bool:
    """The text calls the unit's one place a village, town, city, camp or neighbourhood ("in Um X village",
    "on Bennsh city"), known or not.

    Attacks counted there on one day are one incident's toll, as with a settlement the gazetteer knows.
    """
    local = [m for m in u.places if m.kind_hint in ("village", "neighbourhood", "town", "city", "camp")]
    return len(local) == 1 and place.span is not None and local[0].span.start == place.span.start


# ----------------------------------------------------------------------------------------------- events


def _bell_compatible(a: list[str], b: list[str]) -> bool:
    sa, sb = set(a) - {"unknown"}, set(b) - {"unknown"}
    if not sa or not sb or sa & sb:
        return True
    return any(sa & pair and sb & pair for pair in _COMPATIBLE)


def _date_overlap(a0: date | None, a1: date | None, b0: date | None, b1: date | None, slack: int = 0) -> bool:
    lo_a, hi_a = a0 or date.min, a1 or date.max
    lo_b, hi_b = b0 or date.min, b1 or date.max
    s = timedelta(days=slack)
    return lo_a <= (hi_b + s if hi_b != date.max else hi_b) and lo_b <= (hi_a + s if hi_a != date.max else hi_a)


@functools.cache
def _strike_words() -> re.Pattern[str]:
    """The harm lexicon's attack verbs and nouns ("shelled", "an airstrike")."""
    from civcas.extract.rules import load_rules
    from civcas.extract.text import phrase_regex

    h = load_rules().harm
    return phrase_regex([*h.attack_verbs, *h.attack_nouns])


def _died_after_a_strike(u: Unit, own: tuple[date | None, date | None, str, Any]) -> bool:
    """Whether the unit tells a death from wounds on its own date, "N days after" the strike it came of: "A man died
    of his wounds on Tuesday, a day after Turkish artillery shelled the village" (not "two civilians were killed on
    Thursday, two days after a ceasefire was announced")."""
    off, d = u.offset, own[3]
    if off is None or off.direction != "after" or d is None or getattr(d, "start", off.start) >= off.start:
        return False
    from civcas.extract.figures import _lex
    from civcas.extract.rules import load_rules

    verbs = _lex(load_rules()).died_verbs or frozenset()  # the harm lexicon's verbs of a death from wounds, folded
    if not any(h.category == "killed" and fold(h.cue.text) in verbs and h.cue.start < off.start for h in u.harms):
        return False
    after = u.sent.text[off.end : off.end + 80]
    return _strike_words().search(after) is not None


def _shift(d: date | None, days: int) -> date | None:
    if d is None:
        return None
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return d


def cluster(
    units: list[Unit], places: dict[int, tuple[Place | None, list[Place]]], reference: date | None,
    country: str | None = None,
) -> list[Event]:
    """Assign every unit to an event, in reading order (``country``: the document's, where a place abroad never
    displaces the event's place at home)."""
    events: list[Event] = []
    kinds = hints(units)
    last: Event | None = None
    prev_harm: Unit | None = None
    by_sentence: dict[int, list[Unit]] = {}
    #: paragraphs that open with a day and a colon or dash, a dated list's items, and the day each gives
    items: dict[int, tuple[tuple[date | None, date | None, str, Any] | None]] = {}
    for ui, u in enumerate(units):
        if u.kind == "say":
            continue
        place, _ = places.get(ui, (None, []))
        if (
            u.same_place
            and last is not None
            and last.place is not None
            and (place is None or place.precision in (PlacePrecision.UNRESOLVED, PlacePrecision.COUNTRY))
        ):
            place = last.place
            places[ui] = (place, [])
        own = own_date(u)
        head = _list_item_date(u)
        if head is not None and u.sent.paragraph not in items:
            items[u.sent.paragraph] = head
        item = items.get(u.sent.paragraph)
        if item is not None and own is None and item[0] is not None:
            own = item[0]  # "August 19: A drone targeted a gathering ... The strike killed a man": the item's day
        forced_new = False
        if u.offset is not None and u.offset.offset is not None and own is not None and _died_after_a_strike(u, own):
            # "A man died of his wounds on Tuesday, a day after Turkish artillery shelled the village": the strike
            # the death came of is the event, a day before the death
            lo, hi = u.offset.offset
            own = (_shift(own[0], -hi), _shift(own[1], -lo), "days", u.offset)
        elif u.offset is not None and u.offset.offset is not None:
            anchor = _anchor(u, by_sentence, events, last)
            if anchor is not None and (anchor.start or anchor.end):
                lo, hi = u.offset.offset
                # "on the same day" is as exact as the day it points back at
                prec = (anchor.date_precision or "days") if (lo, hi) == (0, 0) else "days"
                if u.offset.direction in ("after", "earlier"):
                    own = (_shift(anchor.start, -hi), _shift(anchor.end, -lo), prec, u.offset)
                else:
                    own = (_shift(anchor.start, lo), _shift(anchor.end, hi), prec, u.offset)
                if own[0] and own[1] and own[0] > own[1]:
                    own = (own[1], own[0], own[2], own[3])
            # "two days later": another strike; so is "on the same day" with an attacker or a place of its own ("On
            # the same day, Russian jets struck al-Bara"), not a toll told again ("Later that day, the toll rose")
            forced_new = u.kind in ("harm", "attack") and (u.offset.offset != (0, 0) or bool(u.places or u.actors))
        if _another_event(u, u.sent.index not in by_sentence):
            forced_new = True  # "In a separate incident, ...": another event however near its place (not background)
        previous = _previous_event(u, u.sent.index not in by_sentence)
        forced_new = forced_new or previous
        if (
            not forced_new and last is not None and last.place is not None and place is not None
            and any(h.additive for h in u.harms) and any(m.kind_hint == "village" for m in u.places)
            and _settlement_level(place) and _settlement_level(last.place)
            and place.gazetteer_id != last.place.gazetteer_id and not _same_place(place, last.place)
        ):
            # "Coalition strikes on Raqqa killed 21 ... Another 10 civilians died in strikes on the village of
            # al-Tabqa": more dead in another village is another strike, even one in the province named by its city
            forced_new = True
        u.date_interval = own
        agg = (u.sum_aggregate or is_aggregate(u, place) or _toll_of_a_tally(u, place, by_sentence)
               or _part_of_a_period_tally(u, place, by_sentence, events))
        pool = events
        if item is not None:
            # a dated item of a list ("August 19: ...", "October 2: ...") is its own strike: it joins what its own
            # paragraph told, or an event of its day, never an undated lede told paragraphs before it
            pool = [e for e in events if any(x.sent.paragraph == u.sent.paragraph for x in e.units)
                    or (own is not None and (e.start or e.end))]
        ev = None if (forced_new or agg) else _best_event(u, place, own, pool, last if last in pool else None)
        if place is None and u.harms and all(h.form == "categories" for h in u.harms) and prev_harm is not None:
            ev = events[prev_harm.event]  # a breakdown continues the statement it breaks down
        if ev is None:
            ev = Event(index=len(events), aggregate=agg)
            ev.background = (forced_new and u.offset is not None) or previous
            ev.closed = previous
            events.append(ev)
        ev.units.append(u)
        u.event = ev.index
        if place is not None and not _abroad(ev.place, place, country) and (
            ev.place is None
            or place_rank(place, _hint(place, kinds)) < place_rank(ev.place, _hint(ev.place, kinds))
            # "raids in Deir ez-Zor" (the province or its capital), then "in the village of al-Tawamiya": the village
            or (capital_named_as_area(ev.place) and contains(ev.place, place, ev.containers))
            # ... and a headline's town, then "in Ain Diwar in Al-Malikiyah": the village the body puts in it
            or _headline_area(ev.units[:-1], ev.place, {fold(w) for m in u.places for w in m.within})
            # ... and a town told before, then a village the gazetteer lacks that the text puts in it
            # ("في #قرية_المستريحة في ناحية #عين_عيسى" after "عين عيسى"): the village, located at the town
            or village_in_town(place, ev.place, [u], kinds)
            # ... and a dateline, then the place the story tells the strike in, however coarse, unless it holds the
            # dateline's city ("KABUL (Reuters) - A drone strike killed 30 civilians ... The strike hit Wazir Tangi in
            # Nangarhar province": not Kabul)
            or (ev.place.relation == "dateline" and place.relation != "dateline"
                and (place_rank(place, _hint(place, kinds)) <= place_rank(ev.place, _hint(ev.place, kinds))
                     or not _holds(place, ev.place)))
        ):
            ev.place = place
        for m in u.places:
            ev.containers.update(fold(w) for w in m.within)
        if own is not None and (own[0] or own[1]) and ev.start is None and ev.end is None:
            ev.start, ev.end, ev.date_rule = own[0], own[1], getattr(own[3], "rule", None)
            ev.date_precision = own[2]
        for a in u.actors:
            if a.canonical not in ev.belligerents:
                ev.belligerents.append(a.canonical)
        by_sentence.setdefault(u.sent.index, []).append(u)
        if not agg:
            last = ev
        if u.kind == "harm" and u.has_figure and not all(h.form == "categories" for h in u.harms):
            prev_harm = u
    _inherit_dates(events, units)
    return events


@functools.cache
def _another_event_patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    """The openers (``another_event``), the words anywhere (``elsewhere``) and the openers of an earlier strike
    (``previous_event``) of both harm lexicons, each as one pattern, compiled once: every sentence is tried."""
    from civcas.extract.rules import load_rules

    rules = load_rules()
    ar = rules.ar_harm

    def pattern(en: list[str], ar_words: list[str], template: str) -> re.Pattern[str] | None:
        words = [*en, *ar_words]
        alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return re.compile(template.format(alternation), re.IGNORECASE) if words else None

    opener = r"^[\W_]*(?:{})(?!\w)"
    return (pattern(rules.harm.another_event, ar.another_event if ar else [], opener),
            pattern(rules.harm.elsewhere, ar.elsewhere if ar else [], r"(?<!\w)(?:{})(?!\w)"),
            pattern(rules.harm.previous_event, ar.previous_event if ar else [], opener))


def _previous_event(u: Unit, first_of_sentence: bool) -> bool:
    """Whether a unit's sentence opens by telling an earlier strike as background ("وكان آخر قصف تعرض له محيط إدلب
    في 4 نوفمبر العام الماضي", "The last strike on the town was ..."): its own event, no later sentence's."""
    previous = _another_event_patterns()[2]
    return first_of_sentence and previous is not None and previous.match(u.sent.text) is not None


def _another_event(u: Unit, first_of_sentence: bool) -> bool:
    """Whether a unit tells another event than the one before: its sentence opens with words that say so ("In a
    separate incident"), or its own clause puts its harm elsewhere ("..., while seven others died elsewhere in the
    province")."""
    opener, elsewhere, _ = _another_event_patterns()
    lo, hi = u.region
    return bool((first_of_sentence and opener is not None and opener.match(u.sent.text))
                or (elsewhere is not None and elsewhere.search(u.sent.text, lo, hi)))


#: "killed in the strikes": a toll that points back at attacks told before it; in Arabic also "the number of
#: children killed reached" (بلغ عدد)
_THE_ATTACKS = re.compile(
    r"\b(?:in|by|from|during)\s+(?:the|these|those)\s+(?:\w+\s+)?"
    r"(?:strikes|attacks|raids|airstrikes|air\s+strikes|bombardments|shellings)\b"
    r"|(?<!\w)(?:في|جراء|بسبب|ب)\s*(?:هذا\s+|هذه\s+)?(?:القصف|الغارات|الهجمات|الضربات|الاعتداءات)(?!\w)"
    r"|(?<!\w)و?(?:بلغ|وصل)\s+عدد(?!\w)"
    r"|(?<!\w)(?:تلك|هذه)\s+(?:الضربات|الغارات|الهجمات|الاعتداءات)(?!\w)",
    re.IGNORECASE,
)


def _toll_of_a_tally(u: Unit, place: Place | None, by_sentence: dict[int, list[Unit]]) -> bool:
    """ "Shelling targeted several positions over the past week, including areas around A, B and C. At least six
    people have been killed in the strikes": a toll with no place of its own over attacks that the sentence
    before counts over a period is a tally too."""
    if place is not None or not u.has_figure or not _THE_ATTACKS.search(u.sent.text):
        return False
    if any(d.kind == "absolute" for d in u.dates):
        return False  # "On 2 January, 7 were killed in the Israeli strikes": a dated strike of its own
    return any(x.aggregate for x in by_sentence.get(u.sent.index - 1, []))


def _part_of_a_period_tally(
    u: Unit, place: Place | None, by_sentence: dict[int, list[Unit]], events: list[Event]
) -> bool:
    """ "SNHR documented the killing of 87 civilians in January 2022. Regime forces killed 14 of them, Russian forces 5.
    Idlib saw the highest toll, with 27 killed": right after a month's or a year's tally, in the same paragraph, a
    toll with no day and no place finer than a province of its own breaks that tally down; it is no strike."""
    if not u.has_figure or u.dates or u.said_dates:
        return False
    if place is not None and place.precision not in (
        PlacePrecision.COUNTRY, PlacePrecision.REGION, PlacePrecision.GOVERNORATE, PlacePrecision.UNRESOLVED
    ):
        return False
    index = u.sent.index - 1
    while True:  # back over the breakdown told so far ("Regime forces killed 14 ...") to the tally it breaks down
        before = [x for x in by_sentence.get(index, [])
                  if x.sent.paragraph == u.sent.paragraph and x.event >= 0 and events[x.event].aggregate]
        if not before:
            return False
        if any(events[x.event].date_precision in ("month", "year") for x in before):
            return True
        if any(x.dates or x.said_dates for x in before):
            return False
        index -= 1


def _hint(p: Place, kinds: dict[tuple[int, int], str | None]) -> str | None:
    return kinds.get((p.span.start, p.span.end)) if p.span is not None else None


def _anchor(u: Unit, by_sentence: dict[int, list[Unit]], events: list[Event], last: Event | None) -> Event | None:
    same = [x for x in by_sentence.get(u.sent.index, []) if x.event >= 0]
    if same:
        return events[same[-1].event]
    return last


def _best_event(u: Unit, place: Place | None, own: Any, events: list[Event], last: Event | None) -> Event | None:
    best: tuple[float, Event] | None = None
    kv = None
    h = u.harm("killed") or u.harm("killed_or_injured")
    if h is not None:
        kv = h.value
    # The areas this statement itself puts its place in ("Al-Bukamal in Deir ez-Zor province").
    own_containers = {fold(w) for m in u.places for w in m.within}
    for ev in events:
        if ev.aggregate or (ev.closed and all(x.sent.index != u.sent.index for x in ev.units)):
            continue  # (a background strike's own sentence goes on with it; no later one joins it)
        score = 0.0
        # a place nothing could resolve ("Rwanda" inside "Democratic Forces for the Liberation of Rwanda") says
        # nothing against a place the next clause gives
        ev_place = ev.place if ev.place is None or ev.place.precision is not PlacePrecision.UNRESOLVED else None
        if ev_place is not None and ev_place.relation == "dateline" and place is not None and (
            not u.has_figure or not _own_kinds(u) & _told_kinds(ev)
        ):
            # "SANAA (Reuters) - A strike on a bus in northern Yemen killed 29 children ... The coalition said the
            # attack in Dahyan was legitimate": the dateline is where the report was filed; the strike told again
            # without figures of its own (or with figures of another kind only: "The strike in Wazir Tangi also
            # injured 40 people") places the event
            ev_place = None
        if place is not None and ev_place is not None:
            if u.has_figure and _two_known_villages(place, ev_place) and any(
                x.sent.index == u.sent.index and x.has_figure for x in ev.units
            ):
                continue  # "قتل 7 مدنيين في كفرنبل و3 في حاس": two villages 2 km apart, each its own count
            if _same_place(place, ev_place):
                if (u.has_figure and kv is not None and ev.killed_values and kv not in ev.killed_values
                        and _two_known_villages(place, ev_place)):
                    # "وقتل طفلان ... في قرية كفرلاتة" then "وقتل مدني ... في مدينة أريحا": another toll in another
                    # village the gazetteer knows, however near (3 km), is another strike
                    continue
                score += 3
            elif _headline_area(ev.units, ev_place, own_containers):
                # "Drone attack on a vehicle in Al-Malikiyah" over "... in Ain Diwar in Al-Malikiyah": the body puts
                # the headline's strike in a village of the town the headline names
                score += 1.5
            elif _distinct_settlements(place, ev_place):
                continue
            elif _inside(place, ev_place, own_containers) or _inside(ev_place, place, set()):
                if (ev_place.precision is PlacePrecision.COUNTRY) != (place.precision is PlacePrecision.COUNTRY):
                    # A country-wide statement takes a finer place only from the sentences right around it
                    # ("...killed in Iraq. The incident occurred in Samarra"); further off it is a summary.
                    gap = min(abs(x.sent.index - u.sent.index) for x in ev.units)
                    if gap > 2:
                        continue
                score += 1.5
            elif place.precision in (PlacePrecision.COUNTRY, PlacePrecision.REGION):
                score += 0.2
            else:
                continue
        elif place is not None and ev_place is None:
            # a headline's toll without a place ("Drone kills an arms dealer near the border") is the strike the
            # lede then places; a count without a place is the strike the same or the next sentence places
            # without a count of its own ("...killed Monday when a bomber ... in the town of Shabqadar", "The
            # incident occurred in Baquba")
            # ... or that gives only figures of another kind ("The blast, which also wounded 33, struck in Kirkuk")
            # ("... killed in a raid on a village. Six people were injured. The attack happened in Kamuya": the
            # event's last sentence right before, its first at most two before)
            near_after = (not u.has_figure or not (_own_kinds(u) & _told_kinds(ev))) and ev is last and all(
                0 <= u.sent.index - x.sent.index <= 2 for x in ev.units
            ) and any(u.sent.index - x.sent.index <= 1 for x in ev.units)
            # "A woman was seriously injured and her daughter was also wounded when a shell hit their house in
            # Kobani": more of the same harm in the same sentence ("also", "another") is the same strike's
            near_after = near_after or (ev is last and any(h.additive for h in u.harms) and any(
                x.sent.index == u.sent.index for x in ev.units))
            score += 1.0 if (not u.headline and all(x.headline for x in ev.units)) or near_after else 0.3
        if own is not None and (own[0] or own[1]) and (ev.start or ev.end):
            if not _date_overlap(own[0], own[1], ev.start, ev.end):
                continue
            score += 1
        elif _recap(u, own, kv, ev):
            continue
        elif own is not None and (own[0] or own[1]) and place is None:
            # A new date with no place is a new strike unless the event has no date yet.
            score -= 0.5
        bells = list(dict.fromkeys(a.canonical for a in u.actors))
        if bells and ev.belligerents and not _bell_compatible(bells, ev.belligerents):
            score -= 1.5
        if place is None:
            vals = ev.killed_values
            if kv is not None and vals:
                ratio = max(kv, max(vals)) / max(1, min(kv, max(vals)))
                score += 1.0 if ratio <= 3 else (-1.0 if ratio > 6 else 0)
            score += min(1.0, 0.25 * len(ev.units))
            if ev is last:
                score += 0.6
            if ev.background:
                score -= 1.0
            if ev.index == 0 or any(x.sent.paragraph <= 1 for x in ev.units):
                score += 0.3
        else:
            if ev is last:
                score += 0.2
            if ev.background and u.has_figure and not any(x.has_figure for x in ev.units):
                # "وجاء القصف بعد أسبوع من هجوم انتحاري ... في عفرين": a strike told without figures as another's
                # background draws a toll told after it no more than an event told before it at the same place
                score -= 1.0
        if best is None or score > best[0]:
            best = (score, ev)
    if best is None:
        return None
    if place is not None and best[0] < 1.0:
        return None
    if place is None and best[0] < 0:
        return None
    return best[1]


def _own_kinds(u: Unit) -> set[str]:
    """The kinds of harm a statement gives figures of (killed, injured, ...)."""
    return {h.category for h in u.harms if h.groups or h.implied_one}


def _told_kinds(ev: Event) -> set[str]:
    """The kinds of harm an event's statements have given figures of so far."""
    return {h.category for x in ev.units for h in x.harms if h.groups or h.implied_one}


def village_in_town(
    place: Place, town_place: Place, units: list[Unit], kinds: dict[tuple[int, int], str | None]
) -> bool:
    """Whether ``place`` is a village the gazetteer lacks, named as a village and located by ``town_place``, a town
    the text names as the area around it ("في #قرية_المستريحة في ناحية #عين_عيسى")."""
    if not located_by_context(place) or _hint(place, kinds) not in ("village", "neighbourhood") or place.span is None:
        return False
    town = fold((town_place.mention or town_place.name or "").replace("_", " "))
    if not town or town_place.precision is not PlacePrecision.SETTLEMENT:
        return False
    return any(m.span.start == place.span.start and town in {fold(w.replace("_", " ")) for w in m.within}
               for u in units for m in u.places)


def _headline_area(units: list[Unit], ev_place: Place, own_containers: set[str]) -> bool:
    """Whether an event told so far only by headlines (``units``) is placed at a town that a statement names as
    around its own place: the body's finer place of the same strike."""
    return bool(own_containers) and bool(units) and all(x.headline for x in units) and fold(
        ev_place.mention or ev_place.name or ""
    ) in own_containers


def _recap(u: Unit, own: Any, kv: int | None, ev: Event) -> bool:
    """ "On December 25, activists documented the death of six ...", paragraphs after an undated lede with
    another toll: a dated strike told again in full (its own day, its own figure) is another strike."""
    day = own[2] == "day" if own is not None else any(
        str(d.precision) == "day" and d.kind == "absolute" for d in u.dates + u.said_dates
    )  # "On December 25" in an undated post: a day, unresolved for want of a year
    if not day or kv is None or ev.start or ev.end:
        return False
    vals = ev.killed_values
    if not vals or kv in vals:
        return False
    return u.sent.paragraph > max(x.sent.paragraph for x in ev.units)


def _inherit_dates(events: list[Event], units: list[Unit]) -> None:
    """An undated event takes the date of the dated event told just before it in the same passage, or the date that
    closes its own sentence ("killed 12 civilians in Talbiseh and four in Rastan, both in Homs province, on
    Wednesday": Wednesday dates both)."""
    by_sentence: dict[int, list[Unit]] = {}
    for x in units:
        if x.dates:
            by_sentence.setdefault(x.sent.index, []).append(x)
    for ev in events:
        if ev.aggregate or ev.background or ev.start is not None or ev.end is not None:
            continue
        for u in ev.units:
            if u.dates or u.said_dates or u.kind != "harm":
                continue
            dated_here = by_sentence.get(u.sent.index, [])
            later = [x for x in dated_here if x is not u and x.event >= 0 and x.region[0] >= u.region[1]]
            dated = {id(x) for x in dated_here}
            if len(later) != 1 or len(dated) != 1 or len(later[0].dates) != 1:
                continue
            if any(later[0].dates[0].start < h.end for h in later[0].harms):
                continue  # "..., and on Wednesday four more died in Rastan": the date opens the later clause only
            src = events[later[0].event]
            if src.aggregate or (src.start is None and src.end is None):
                continue
            ev.start, ev.end, ev.date_rule = src.start, src.end, "inherited"
            ev.date_precision = src.date_precision
            break
    prev: Event | None = None
    for ev in sorted(events, key=lambda e: min(u.sent.index for u in e.units)):
        if ev.aggregate:
            continue
        if ev.start is None and ev.end is None and prev is not None and (prev.start or prev.end):
            gap = min(u.sent.paragraph for u in ev.units) - max(u.sent.paragraph for u in prev.units)
            if 0 <= gap <= 1 and not ev.background:
                ev.start, ev.end, ev.date_rule = prev.start, prev.end, "inherited"
                ev.date_precision = prev.date_precision
        if (ev.start or ev.end) and not ev.closed:
            prev = ev  # (an earlier strike told as background lends its date to no strike told after it)


def doc_belligerents(units: list[Unit]) -> list[str]:
    """Belligerents the document names most, for claims whose own passage names none."""
    c = Counter(a.canonical for u in units for a in u.actors)
    if not c:
        return []
    top = c.most_common(1)[0][1]
    return [k for k, v in c.items() if v == top and k != "unknown"] or [c.most_common(1)[0][0]]


def claimant_kind(value: str) -> ClaimantKind:
    try:
        return ClaimantKind(value)
    except ValueError:
        return ClaimantKind.OTHER
