"""Toponym resolution with context: which of a name's candidates the text means.

A Syrian village name has about seven same-named candidates. The scorer
prefers, in this order of weight: a candidate inside the admin area named
alongside ("in Deir ez-Zor province"), one near the other places of the
document, one in the document's country, the kind the text asked for
("village", "province"), then size. Relations coarsen the result: "X
countryside" is the district around X, "east of X" is X with precision
``near``. An unknown name is never swapped for a similarly named place: it
keeps its mention and the best enclosing area the context supports. An
area named alongside that lies far from every exactly spelled candidate in
the document's country (a misread container: "Tal Rifaat in Shahba", where
the only Shahba the gazetteer knows is 300 km away) does not decide.

Speed: a name's candidates, their spelling distances and size scores are
computed once per process (``statics`` memo), area readings once per area
name, and each candidate's folded admin names once (``Gazetteer.info``).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from civcas.gazetteer import fold
from civcas.gazetteer.core import (
    ARABIC_SCRIPT,
    EntryInfo,
    Gazetteer,
    arabic_countries,
    country_shares,
    distance_km,
    effective_population,
    nearest,
    transliterated_countries,
)
from civcas.gazetteer.datafiles import region_holds, region_radii
from civcas.records import GazetteerEntry, Place, PlaceMention, PlacePrecision


@dataclass(frozen=True, slots=True)
class ResolveContext:
    """What the rest of the document says about where things are.

    ``places`` are places already resolved in the document (their
    coordinates pull candidates towards them); ``mentions`` are other place
    mentions not yet resolved (their names vote for admin areas);
    ``admin_areas`` are admin areas named anywhere in the document
    ("Raqqa governorate"); ``country`` is the document's likely country (ISO2),
    ``countries`` others it names or points to; ``named`` those whose own name (or people's) the text writes,
    where an area named with a village may lie when the document's country has none of that name.
    """

    country: str | None = None
    countries: tuple[str, ...] = ()
    admin_areas: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    mentions: tuple[PlaceMention, ...] = ()
    named: tuple[str, ...] = ()


_KIND_FOR_HINT = {
    "village": ("locality",), "town": ("locality",), "city": ("locality",), "hamlet": ("locality",),
    "settlement": ("locality",), "neighbourhood": ("neighbourhood", "locality"),
    "neighborhood": ("neighbourhood", "locality"), "district": ("county",), "subdistrict": ("county",),
    "province": ("region",), "governorate": ("region",), "state": ("region",), "region": ("region",),
    "country": ("country",),
}
_PRECISION = {
    "country": PlacePrecision.COUNTRY, "region": PlacePrecision.GOVERNORATE, "county": PlacePrecision.DISTRICT,
    "locality": PlacePrecision.SETTLEMENT, "neighbourhood": PlacePrecision.NEIGHBOURHOOD,
    "campus": PlacePrecision.SETTLEMENT,
}
_NEAR_RELATIONS = frozenset({"near", "km_from", "east_of", "west_of", "north_of", "south_of", "outskirts",
                             "northeast_of", "northwest_of", "southeast_of", "southwest_of", "around", "between"})
_AREA_RELATIONS = frozenset({"countryside", "suburbs", "rural", "outskirts_area", "province_of"})


@dataclass(frozen=True, slots=True)
class _Area:
    """One area name of the context and its readings: folded admin1/admin2 keys and country codes."""

    admin1: frozenset[str]
    admin2: frozenset[str]
    countries: frozenset[str]
    points: tuple[tuple[float, float, float], ...] = ()
    #: a hand-listed geographic region with a radius ("Jabal al-Zawiya", ``regions.v1.yaml``): no admin unit holds
    #: its villages' names, so a place within the radius of its centre is inside it whatever its admin names
    geographic: bool = False
    #: the countries of the admin areas or town the name reads as: a place abroad is never inside, however near
    #: the area's centre it lies (a Lebanese hamlet is not "north of Quneitra" in Syria)
    bound_to: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Areas:
    """The areas the context names, each with its readings, and the gazetteer entries behind them.

    ``verdicts`` remembers :func:`_inside` per entry object (readings are
    remembered per area names, so a document's candidates are checked once).
    """

    areas: tuple[_Area, ...]
    entries: tuple[GazetteerEntry, ...]
    verdicts: dict[int, tuple[GazetteerEntry, bool | None]] = field(default_factory=dict, compare=False, repr=False)
    #: folds a candidate's admin names (:meth:`Gazetteer.admin_key`: stored keys first)
    key: Callable[[str], str] = field(default=fold.key, compare=False, repr=False)
    #: a name had no reading in the document's country (so the other countries the document names may matter)
    unread: bool = field(default=False, compare=False)


_REGION_RADIUS_KM = 150.0
_COUNTY_RADIUS_KM = 40.0
_NO_AREAS = _Areas((), ())


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs twice as much, 150 per name
class _Static:
    """What scoring needs of one candidate that does not depend on the document (computed once per name)."""

    entry: GazetteerEntry
    info: EntryInfo
    spelling: float
    own_spelled: bool
    population: float
    names: float
    layer: float
    #: the document-independent part of the score: spelling, size, layer; ``bare`` adds the no-hint kind bonus,
    #: ``bare_own`` then the own-name bonus of :func:`_rank_statics` without a hint (+1 for a town, a
    #: neighbourhood or a country under its own name), added here in the order the ranking added it
    static: float
    bare: float
    kind_rank: int
    bare_own: float


#: ranking bonus of a place whose own name is the nearest to the one written (a tie-breaker against a record that lists
#: the name among its other names)
_OWN_NEAREST = 0.25
#: the kinds the tie-breaker is for (towns against towns: a district of the town's name keeps its own ranking)
_SETTLEMENT_KINDS = frozenset({"locality", "neighbourhood"})

#: ranking bonus of a place in an Arab League country for a name written in Arabic script (a tie-breaker between
#: namesakes of about one size: the document's country counts +1.5)
_ARABIC_PRIOR = 0.5


def _statics(gazetteer: Gazetteer, name: str, candidates: list[GazetteerEntry], *, cache: bool) -> list[_Static]:
    """Each candidate's spelling distance to ``name``, own-name equality and size terms (memo per name)."""
    hit = gazetteer.memo_get("statics", name) if cache else None
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    target = fold.loose(name)
    arabic = ARABIC_SCRIPT.search(target) is not None
    own_core = fold.core(name)
    own_key = fold.key(name)
    bare_target = fold.bare_end(target)
    target_article = fold.has_loose_article(target)
    prior = arabic_countries() if arabic else frozenset()
    out: list[_Static] = []
    # the loop runs for up to 150 candidates of every name a first pass resolves (~110,000 over the bench texts):
    # the entry's info, ``fold.has_core`` and ``effective_population``'s common case are inlined (same values)
    infos, info_of, core_of_loose, log10 = gazetteer._infos, gazetteer.info, fold.core_of_loose, math.log10
    for e in candidates[:150]:
        info = infos.get(id(e))
        if info is None or info.entry is not e:
            info = info_of(e)
        spelling = nearest(target, info.loose13 + info.arabic) if arabic else info.spelling13(target)
        # own_spelled: its own name, admin word and article aside ("Nahiyat al Iskandariyah"), not an alias
        # (Alexandria's)
        loose_name = info.loose[0]
        own_spelled = loose_name == target or (own_core in loose_name and core_of_loose(loose_name) == own_core)
        if (not own_spelled and not arabic and spelling > 0.1 and fold.has_loose_article(loose_name)
                and not target_article and bare_target == fold.bare_end(loose_name)):
            # "Hawija" for "Al Hawijah": the article and the -a/-ah ending English drops are the same own name
            own_spelled, spelling = True, 0.0
        size = e.population
        if not size and e.kind == "locality" and e.admin2 and (
            own_spelled or (spelling <= 0.1 and not arabic and fold.key(e.name) == own_key)
            or (arabic and info.arabic[:1] == (target,))
        ):
            # a district seat without a population, named by its own name or another transliteration of it
            # ("Ras al-Ain" for Ra's al `Ayn; an alternate name may be a layer's error, and is not enough), or in
            # Arabic by the first Arabic name its record gives ("رأس العين": the seat of Ras al-Ain district, not
            # the village whose record lists it third)
            size = effective_population(e, True)
        population = min(log10(size + 1), 7.0) * 0.35
        # without a population, the number of names it is known by stands in for how prominent a place is
        names = 0.6 * log10(1 + len(e.names))
        layer = 0.0 if e.source.endswith(":bundled") else 0.2
        static = -3.0 * spelling + population + names + layer
        near = info.near
        if (not own_spelled and near is not None and near[0] == target and near[2] == 0
                and info.loose[0] == info.loose[1] and e.kind in _SETTLEMENT_KINDS):
            # the name is nearest its own name, not one of the other names its record lists ("Baghouz": Baghuz of Deir
            # ez-Zor, not Kasan of Hasakah, whose record also lists "Bāghūz"); the lookup's ranking measured it
            static += _OWN_NEAREST
        if e.country in prior:
            static += _ARABIC_PRIOR  # a name in Arabic script: "بنش" is Binnish (Syria) before Binche (Belgium)
        bare = static + _BARE_KIND_BONUS.get(e.kind, 0.0)
        # positional, in the fields' order (keywords cost a third more, 150 per name)
        out.append(_Static(
            e, info, spelling, own_spelled, population, names, layer, static, bare, KIND_RANK_ORDER.get(e.kind, 9),
            bare + 1.0 if own_spelled and e.kind in _OWN_NAME_KINDS else bare,  # bare_own
        ))
    if cache:
        gazetteer.memo_put("statics", name, out)
    return out


def _area_entries(
    gazetteer: Gazetteer, names: tuple[str, ...], country: str | None, *, towns: bool = False,
    abroad: tuple[str, ...] = (),
) -> _Areas:
    """The readings of the area names (remembered per names and countries: documents repeat them).

    ``towns``: a name no admin area has may be read as the town it names (for the areas named with a mention,
    not for those named anywhere in the document, which bound nothing together). ``abroad``: the other countries
    the document names, where a name that nothing in ``country`` has may be read.
    """
    if not names:
        return _NO_AREAS
    def remembered(others: tuple[str, ...]) -> _Areas:
        hit = gazetteer.memo_get("areas", (names, country, towns, others))
        if hit is None:
            hit = _area_entries_uncached(gazetteer, names, country, towns=towns, abroad=others)
            gazetteer.memo_put("areas", (names, country, towns, others), hit)
        return hit  # type: ignore[no-any-return]

    at_home = remembered(())
    abroad = tuple(c for c in abroad if c != country) if towns else ()
    # only a name the document's country lacks is read in the other countries it names (remembered apart: those
    # countries differ from one document to the next, the names' readings at home do not)
    return remembered(abroad) if abroad and at_home.unread else at_home


def _area_entries_uncached(
    gazetteer: Gazetteer, names: tuple[str, ...], country: str | None, *, towns: bool = False,
    abroad: tuple[str, ...] = (),
) -> _Areas:
    areas: list[_Area] = []
    entries: list[GazetteerEntry] = []
    key = gazetteer.admin_key
    unread = False
    # "Nigeria's Yobe state": a country and an area inside it
    names = tuple(part.strip() for raw in names for part in re.split(r"['’]s\s+", raw) if part.strip())
    for raw in names:
        a1: set[str] = set()
        a2: set[str] = set()
        cc: set[str] = set()
        points: list[tuple[float, float, float]] = []
        geographic = False
        named = _country_named(gazetteer, raw)
        code = named or gazetteer.country_of(raw)
        if named:
            # a country's own name or its people's ("Syria", "Iraqi"): the country, whatever its namesakes
            areas.append(_Area(frozenset(), frozenset(), frozenset({named})))
            continue
        candidates = [e for e in gazetteer.lookup(raw) if e.kind in ("region", "county", "country")]
        if country:
            # an area name that matches nothing in the document's country ("Central") is noise, not context ...
            # (a country abroad only by its own name, read above: "Gimbi ward" is no loose spelling of Gambia)
            home = [e for e in candidates if e.country == country]
            unread = unread or not home
            if not home and abroad:
                # ... in another country the document names ("حلب" on a page of Syrian and Gaza news), spelled
                # exactly so and in that one country only
                whole = fold.loose(raw)
                spelled = [e for e in candidates[:5] if e.kind != "country" and e.country in abroad
                           and _spelled_exactly(gazetteer, e, whole)]
                if len({e.country for e in spelled}) == 1:
                    home = spelled
            candidates = home
        else:
            # with no country to go by, an area abroad spelled otherwise is another place ("Orangi" is no Orange)
            bare = fold.loose(fold.base_name(raw))
            candidates = [e for e in candidates if e.kind == "country" or _close_area(gazetteer, e, bare)]
        if code and not [e for e in candidates if e.kind != "country"]:
            areas.append(_Area(frozenset(), frozenset(), frozenset({code})))
            continue
        rural = _rural_province(gazetteer, raw, country) if candidates else None
        if rural is not None and rural not in candidates[:3]:
            # "الضمير في ريف دمشق", "al-Dumayr, Damascus": where a city's countryside is a province of its own, the
            # area named by the city takes it in (Ad Dumayr of Rif Dimashq, not Dummar of Damascus city)
            candidates = [*candidates[:2], rural]
        if not candidates and country and towns:
            # "قرية البوعيثة في قضاء القائم", "east of Ain Issa": a district or a town's surroundings the
            # gazetteers know only as the town; the place lies in the governorate of a town so named in the
            # document's country (not its district: the layers spell those differently) and within a district's
            # reach of it, so neither a namesake elsewhere nor a like-spelled village far off is taken
            # every namesake town (up to eight): the layers give most no population, so the first three are an
            # arbitrary three of the ten Syrian villages called "رأس العين"
            same_named = [e for e in gazetteer.lookup(raw, country=country) if e.kind == "locality" and e.admin1][:8]
            unread = unread or not same_named
            if not same_named and abroad:
                # a town spelled exactly so in one other country the document names ("قرية الدابس بمنطقة جرابلس"
                # on a page whose vote went to the Gaza news beside it): that town
                whole = fold.loose(raw)
                other = [e for e in gazetteer.lookup(raw)[:10] if e.kind == "locality" and e.admin1
                         and e.country in abroad and _spelled_exactly(gazetteer, e, whole)]
                if len({e.country for e in other}) == 1:
                    same_named = other[:8]
            if a1 := {key(e.admin1) for e in same_named if e.admin1} - {""}:  # (admin1 checked again for mypy)
                seat_country = frozenset({same_named[0].country or country})
                areas.append(_Area(frozenset(a1), frozenset(), frozenset(), bound_to=seat_country))
                areas.append(_Area(frozenset(), frozenset(), frozenset(),
                                   tuple((e.lat, e.lon, _COUNTY_RADIUS_KM) for e in same_named), True, seat_country))
                entries.extend(same_named)
            continue
        for e in candidates[:3]:
            entries.append(e)
            if e.kind == "region":
                a1 |= {key(n) for n in (e.name, *e.names[:30])}
                a1.add(fold.key(fold.base_name(raw)))
                radius = region_radii().get(e.id) if e.id.startswith("region:") else None
                # "محافظة دهوك في إقليم كردستان": the governorates a region is made of are inside it
                a1 |= {key(n) for n in region_holds().get(e.id, ())}
                geographic = geographic or radius is not None
                points.append((e.lat, e.lon, radius or _REGION_RADIUS_KM))
            elif e.kind == "county":
                a2 |= {key(n) for n in (e.name, *e.names[:30])}
                a2.add(fold.key(fold.base_name(raw)))
                points.append((e.lat, e.lon, _COUNTY_RADIUS_KM))
            elif e.kind == "country" and e.country:
                cc.add(e.country)
        a1.discard("")
        a2.discard("")
        if a1 or a2 or cc:
            # bound to a country only when every reading is an admin area with one (a country reading bounds by itself)
            bound = frozenset(e.country for e in candidates[:3] if e.country) if not cc and all(
                e.country for e in candidates[:3]) else frozenset()
            areas.append(_Area(frozenset(a1), frozenset(a2), frozenset(cc), tuple(points), geographic, bound))
    return _Areas(tuple(areas), tuple(entries), key=key, unread=unread)


def _inside(e: GazetteerEntry, areas: _Areas, info: EntryInfo | None = None) -> bool | None:
    """Whether ``e`` lies inside every named area it can be checked against; None when none can be checked.

    Each area name may read as a governorate or a district ("Deir ez-Zor");
    inside any reading counts. Levels the entry lacks (no admin2) are not held
    against it.
    """
    if not areas.areas:
        return None
    hit = areas.verdicts.get(id(e))
    if hit is not None and hit[0] is e:
        return hit[1]
    verdict = _inside_uncached(e, areas, info)
    if len(areas.verdicts) > 20_000:
        areas.verdicts.clear()
    areas.verdicts[id(e)] = (e, verdict)
    return verdict


def _inside_uncached(e: GazetteerEntry, areas: _Areas, info: EntryInfo | None) -> bool | None:
    verdicts: list[bool] = []
    if info is not None:
        e1, e2, own = info.admin_keys(areas.key)
    else:
        e1 = areas.key(e.admin1) if e.admin1 else None
        e2 = areas.key(e.admin2) if e.admin2 else None
        own = areas.key(e.name) if e.kind in ("region", "county") else None
    for area in areas.areas:
        if area.bound_to and e.country and e.country not in area.bound_to:
            verdicts.append(False)
            continue
        checks: list[bool] = []
        if area.admin1 and (e1 or own):
            checks.append(e1 in area.admin1 or (e.kind == "region" and own in area.admin1))
        if area.admin2 and (e2 or own):
            checks.append(e2 in area.admin2 or (e.kind == "county" and own in area.admin2))
        if area.countries and e.country:
            checks.append(e.country in area.countries)
        if area.geographic:
            checks.append(any(distance_km(e.lat, e.lon, lat, lon) <= r for lat, lon, r in area.points))
        elif area.points and not (e1 or e2 or own):
            # a place without admin names (some Who's On First rows): near the area's centre counts as inside
            checks.append(any(distance_km(e.lat, e.lon, lat, lon) <= r for lat, lon, r in area.points))
        if checks:
            verdicts.append(any(checks))
    if not verdicts:
        return None
    return all(verdicts)


def _reasons(
    c: _Static, mention: PlaceMention, within: _Areas, doc_areas: _Areas, context: ResolveContext
) -> list[str]:
    """What added to the chosen candidate's score (:func:`_rank_statics` computes the score itself)."""
    e = c.entry
    why: list[str] = []
    hint = (mention.kind_hint or "").lower()
    hinted = _KIND_FOR_HINT.get(hint, ())
    if c.own_spelled and (e.kind in _OWN_NAME_KINDS or e.kind in hinted):
        why.append("its own name, spelled the same")
    if within.areas and _inside(e, within, c.info) is True:
        why.append("inside the area named with it")
    if doc_areas.areas and _inside(e, doc_areas, c.info) is True:
        why.append("inside an area the document names")
    if context.country:
        if e.country == context.country:
            why.append(f"in the document's country {context.country}")
    elif context.countries and e.country in context.countries:
        why.append("in a country the document names")
    d = _anchor_km(e, context)
    if d is not None and d < 100:
        why.append(f"{d:.0f} km from another place in the document")
    if hinted and e.kind in hinted:
        why.append(f"a {e.kind}, as '{hint}' says")
    return why


#: each context's anchor points, by ``id`` of its places (the tuple kept, so the id stays its own)
_ANCHOR_POINTS: dict[int, tuple[tuple[Place, ...], list[tuple[float, float, float, str | None]]]] = {}


def _anchor_points(places: tuple[Place, ...]) -> list[tuple[float, float, float, str | None]]:
    """The located places as (latitude in radians, its cosine, longitude, id): the halves of
    :func:`distance_km` that depend on the place alone, computed once per context, not once per candidate."""
    hit = _ANCHOR_POINTS.get(id(places))
    if hit is not None and hit[0] is places:
        return hit[1]
    points = []
    for p in places:
        if p.lat is not None and p.lon is not None:
            lat = math.radians(p.lat)
            points.append((lat, math.cos(lat), p.lon, p.gazetteer_id))
    if len(_ANCHOR_POINTS) > 256:
        _ANCHOR_POINTS.clear()
    _ANCHOR_POINTS[id(places)] = (places, points)
    return points


def _anchor_km(e: GazetteerEntry, context: ResolveContext) -> float | None:
    """The distance to the nearest other place already resolved in the document, if any.

    :func:`distance_km` from ``e`` to each place, the same operations in the same order (so the same floats).
    """
    if not context.places:
        return None
    p1 = math.radians(e.lat)
    cos1 = math.cos(p1)
    best: float | None = None
    for p2, cos2, lon2, gid in _anchor_points(context.places):
        if gid == e.id:
            continue
        dl = math.radians(lon2 - e.lon)
        a = math.sin((p2 - p1) / 2) ** 2 + cos1 * cos2 * math.sin(dl / 2) ** 2
        d = 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))
        if best is None or d < best:
            best = d
    return best


_OWN_NAME_KINDS = frozenset({"locality", "neighbourhood", "country"})
_AREA_KINDS = frozenset({"county", "region"})
_BARE_KIND_BONUS = {"locality": 0.8, "neighbourhood": 0.4, "region": 0.3, "country": 0.5}


def _place_from(
    e: GazetteerEntry, mention: PlaceMention, *, precision: PlacePrecision, confidence: float, reasons: list[str],
) -> Place:
    return Place(
        name=e.name,
        mention=mention.text,
        span=mention.span,
        gazetteer_id=e.id,
        lat=e.lat,
        lon=e.lon,
        admin1=e.admin1 if e.kind != "country" else None,
        admin2=e.admin2 if e.kind in ("locality", "neighbourhood", "campus", "county") else None,
        country=e.country,
        precision=precision,
        confidence=round(confidence, 3),
        kind=e.kind,
        relation=mention.relation,
        reasons=tuple(reasons),
        names=other_names(e),
    )


_LATIN_OR_ARABIC = re.compile(r"^[\s\-'’‘`.A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0600-\u06ff]+$")


#: :func:`other_names` by ``id`` of the entry (the entry kept, so the id stays its own): a place is resolved
#: again and again (each document, each pass), and its names are tested with a regex each
_OTHER_NAMES: dict[int, tuple[GazetteerEntry, tuple[str, ...]]] = {}


def other_names(e: GazetteerEntry, limit: int = 24) -> tuple[str, ...]:
    """The entry's other spellings in Latin or Arabic script: a source may write "Jarablus" for "Jarābulus"."""
    if limit != 24:
        return _other_names(e, limit)
    hit = _OTHER_NAMES.get(id(e))
    if hit is not None and hit[0] is e:
        return hit[1]
    names = _other_names(e, limit)
    if len(_OTHER_NAMES) > 20_000:
        _OTHER_NAMES.clear()
    _OTHER_NAMES[id(e)] = (e, names)
    return names


def _other_names(e: GazetteerEntry, limit: int) -> tuple[str, ...]:
    out: list[str] = []
    for n in e.names:
        if n != e.name and n not in out and _LATIN_OR_ARABIC.match(n) and any(ch.isalpha() for ch in n):
            out.append(n)
            if len(out) >= limit:
                break
    return tuple(out)


def _feature_word(mention: PlaceMention) -> str:
    """The feature word the text names a place by: it ends an English phrase ("the Manbij market", "the al-Hadba area
    of", its "of" aside) and opens an Arabic one ("سوق ضحيان"); "" without a phrase."""
    words = mention.phrase.split() if mention.phrase else []
    if len(words) > 1 and words[-1].lower() == "of":
        words = words[:-1]
    return (words[0] if ARABIC_SCRIPT.match(words[0]) else words[-1].lower()) if words else ""


def _enclosing(
    gazetteer: Gazetteer, mention: PlaceMention, within: _Areas, context: ResolveContext, reason: str
) -> Place:
    """The honest fallback: the best enclosing area the context names, else the country, else nothing."""
    part = _part_of(gazetteer, mention, context, reason)
    if part is not None:
        return part
    district_named = any(re.search(r"district|county|\blga\b|local government", w, re.I) for w in mention.within)
    # "Kwajafa village in Borno state's Hawul local government area": the district a mention of its own names
    district_named = district_named or any(
        m.text in mention.within and m.kind_hint == "district" for m in context.mentions)
    towns = [m.text for m in context.mentions if m.text in mention.within and m.kind_hint in ("city", "village")]
    # "al-Zanjili district, West Mosul": the town a part named with it belongs to, spelled as named; not the half
    # of an area's own name ("Bir Abed, North Sinai" is no part of a town like "Sinai", which loosely is Syene,
    # Aswan's old name)
    bases = {base for w in mention.within if (base := part_base(w)) and not _area_named(gazetteer, w)}
    towns += sorted(bases)
    for town in towns:
        # "Mreimein village of Afrin city": near the town the text names, not in the district of the same name
        # with no country to go by, only a town spelled as named ("Orangi Town" is no Orange in California)
        found = [e for e in gazetteer.lookup(town) if e.kind == "locality"
                 and (e.country == context.country if context.country and town not in bases
                      else _spelled_exactly(gazetteer, e, fold.loose(town)))]
        if found:
            # of same-named towns (the layers give most no population), the one inside an area the document names,
            # then the larger, then the one nearest the document's other places: "تل حلف ... رأس العين ... محافظة
            # الحسكة" is near Ras al-Ain in Hasakah, not its namesake in Latakia
            e = max(found, key=lambda x: _town_rank(gazetteer, x, context))
            p = _place_from(e, mention, precision=PlacePrecision.NEAR, confidence=0.3,
                            reasons=[reason, f"placed near the town named with it, {e.name}"])
            return _replace_name(p, mention)
    if mention.owner and not district_named and mention.kind_hint not in ("district", "province"):
        # "Quetta's Satellite Town", "Karachi's Orangi Town": an unknown part of a large city in the possessive is a
        # part of that city, not anywhere in the district named after it
        city = _city_named_with(gazetteer, replace(mention, within=(mention.owner,)), context,
                                min_population=_CITY_OF_NEIGHBOURHOODS)
        if city is not None:
            # the part keeps its own name, at the city's centre
            return _replace_name(replace(city, reasons=(reason, f"a part of the city {city.name}")), mention)
    if _feature_word(mention) in _AREA_WORDS and not district_named:
        # "the al-Hadba area of Tripoli", "منطقة الهضبة بطرابلس": an unknown area of a large city the text names is
        # a part of that city (as a quarter is), not anywhere in the governorate named after it
        city = _city_named_with(gazetteer, mention, context, min_population=_CITY_OF_NEIGHBOURHOODS)
        if city is not None:
            return replace(city, reasons=(reason, f"an area of the city {city.name}"))
    for kind in ("county", "region") if district_named else ("region", "county"):
        for e in within.entries:
            if e.kind == kind:
                p = _place_from(e, mention, precision=_PRECISION[kind], confidence=0.3,
                                reasons=[reason, f"placed in the {kind} named with it"])
                return _replace_name(p, mention)
    if within.entries and within.entries[0].kind == "locality":
        # the area is known only as the town it is named after (see :func:`_area_entries_uncached`): near it, and
        # of namesake towns near the one the document's areas and places point to
        seat = max(within.entries, key=lambda x: _town_rank(gazetteer, x, context))
        p = _place_from(seat, mention, precision=PlacePrecision.NEAR, confidence=0.3,
                        reasons=[reason, f"placed near {seat.name}, the town the area named with it is named after"])
        return replace(_replace_name(p, mention), gazetteer_id=None)  # near the town, not the town
    named = sorted({c for area in within.areas for c in area.countries})
    country = next(iter(named), None) or context.country
    if country:
        area = gazetteer.get(f"country:{country}")
        if area is not None:
            p = _place_from(area, mention, precision=PlacePrecision.COUNTRY, confidence=0.2,
                            reasons=[reason, f"placed in the document's country {country}"])
            return _replace_name(p, mention)
    return Place(name=None, mention=mention.text, span=mention.span, relation=mention.relation,
                 precision=PlacePrecision.UNRESOLVED, confidence=0.0, reasons=(reason,))


def _town_rank(gazetteer: Gazetteer, town: GazetteerEntry, context: ResolveContext) -> tuple[bool, int, float]:
    """Which of same-named towns the document means (larger is likelier): inside an area it names, then the more
    populous (the layers give most none), then the nearest its other places."""
    near = _anchor_km(town, context)
    doc_areas = _area_entries(gazetteer, context.admin_areas, context.country)
    return _inside(town, doc_areas) is True, town.population, -(near if near is not None else math.inf)


# "Tonj-East", "East Tonj", "Upper Dir": a compass word or upper/lower joined to a place's name makes the
# name of a part of it (a county, a quarter, a district carved out of it).
_DIRECTION = (
    r"(?:North|South|East|West|North[\s\-]?East|North[\s\-]?West|South[\s\-]?East|South[\s\-]?West|"
    r"Upper|Lower|Central)"
)
_PART_NAME = re.compile(
    rf"^(?:{_DIRECTION}[\s\-]+(?P<after>[A-Z][\w'’]+(?:[\s\-][A-Z][\w'’]+)?)"
    rf"|(?P<before>[A-Z][\w'’]+(?:[\s\-][A-Z][\w'’]+)?)[\s\-]+{_DIRECTION})$"
)


#: "مساكن جلين", "ضاحية قدسيا", "مزارع مشيرفة": an estate, a suburb or the farms of a town the gazetteer knows
_ARABIC_PART_NAME = re.compile(
    r"^(?:مساكن|ضاحية|ضاحيه|مزارع|بساتين|أحياء|احياء)\s+(?P<after>[\u0600-\u06FF]+(?:\s[\u0600-\u06FF]+)?)$"
)


def _area_named(gazetteer: Gazetteer, name: str) -> bool:
    """Whether an admin area is spelled ``name`` ("North Sinai", "South Kordofan")."""
    target = fold.loose(name)
    return any(e.kind in ("region", "county") and _spelled_exactly(gazetteer, e, target)
               for e in gazetteer.lookup(name))


def part_base(name: str) -> str | None:
    """The place a part's name is named after ("West Mosul", "Tonj-East", "مساكن جلين" -> "Mosul", "Tonj", "جلين")."""
    m = _PART_NAME.match(name.strip()) or _ARABIC_PART_NAME.match(name.strip())
    if m is None:
        return None
    return m.groupdict().get("after") or m.groupdict().get("before")


def _part_of(gazetteer: Gazetteer, mention: PlaceMention, context: ResolveContext, reason: str) -> Place | None:
    """A name the gazetteer lacks that names a part of a place it knows ("Tonj-East", "مساكن جلين"): near that
    place."""
    base = part_base(mention.text)
    if base is None:
        return None
    if len(fold.key(base)) < 4 or fold.key(base) in {
        fold.key(d) for d in ("North", "South", "East", "West", "Upper", "Lower", "Central")
    }:
        return None  # "Far North": a word too short to stand for a place's name is no part of one ("Pharr")
    got = _resolve(replace(mention, text=base, relation="in"), gazetteer=gazetteer, context=context)
    if got.gazetteer_id is None or got.precision not in (
        PlacePrecision.SETTLEMENT, PlacePrecision.DISTRICT, PlacePrecision.GOVERNORATE
    ) or any("not in the gazetteer" in r or r.startswith(("placed ", "no '")) for r in got.reasons):
        return None
    if fold.core(base) not in {fold.core(n) for n in (got.name or "", *got.names)}:
        return None  # only a place spelled as the name says ("North Nazimabad" is not near a Nizamabad)
    if context.country and got.country != context.country:
        return None  # a part of a place abroad is no part of a place in the document's country
    return Place(
        name=mention.text, mention=mention.text, span=mention.span, lat=got.lat, lon=got.lon, admin1=got.admin1,
        admin2=got.admin2, country=got.country, precision=PlacePrecision.NEAR,
        confidence=min(got.confidence, 0.5) * 0.6, kind=got.kind, relation=mention.relation,
        reasons=(reason, f"placed near {got.name}, the place its name qualifies", *got.reasons),
    )


def _replace_name(p: Place, mention: PlaceMention) -> Place:
    """An enclosing area stands in for an unknown place: keep the area's coordinates, name the mention."""
    return Place(
        name=mention.text, mention=p.mention, span=p.span, gazetteer_id=p.gazetteer_id, lat=p.lat, lon=p.lon,
        admin1=p.admin1 if p.kind != "country" else None, admin2=p.admin2 if p.kind == "county" else None,
        country=p.country, precision=p.precision, confidence=p.confidence, kind=p.kind, relation=p.relation,
        reasons=p.reasons,
        # a tag's words ("#جديدة_كحيط") are also the name as prose writes it, for matching other sources
        names=(mention.text.replace("_", " "),) if "_" in mention.text else (),
    )


def resolve(mention: PlaceMention, *, gazetteer: Gazetteer, context: ResolveContext | None = None) -> Place:
    """Resolve one mention against the gazetteer, using the document's context.

    >>> g = load()  # doctest: +SKIP
    >>> m = PlaceMention("Hajin", Span(0, 5, "Hajin"), within=("Deir ez-Zor province",))  # doctest: +SKIP
    >>> resolve(m, gazetteer=g, context=ResolveContext(country="SY")).admin1  # doctest: +SKIP
    'Deir ez-Zor'
    """
    context = context or ResolveContext()
    # a document names the same place many times: resolve each (name, relation, areas) once per context
    key = (id(context), mention.text, mention.relation, mention.kind_hint, mention.within, mention.owner)
    hit = gazetteer.memo_get("resolve", key)
    if hit is not None and hit[0] is context:
        cached: Place = hit[1]
        return replace(cached, span=mention.span, mention=mention.text)
    place = _resolve(mention, gazetteer=gazetteer, context=context)
    gazetteer.memo_put("resolve", key, (context, place))
    return place


def _last_word_close(name: str, e: GazetteerEntry) -> bool:
    """Whether a fuzzy match slips at most one letter in the name's last word, and in a short word only a vowel:
    the edits a long name allows must not fall on its distinctive word ("Maarat al-Nasan" is neither "Ma`arrat an
    Nu`man", two letters from it, nor "Ma'arat an Na'man", a consonant from it), while "Kafr Nubl" is Kafr Nabl.
    The last word is compared with the same number of letters at the end of each of the place's keys, which also
    reads a name written as one word ("Ma`arratmisrin"), and with each word after the first of its names ("Gambela
    Regional" and "Gambela Regional State")."""
    from rapidfuzz.distance import Levenshtein

    words = fold.split_words(name)
    if len(words) < 2:
        return True
    last = fold.key(words[-1])
    n = len(last)
    if n < 3:
        return True
    consonants = _VOWELS.sub("", last)
    for other in (e.name, *e.names[:40]):
        k = fold.key(other)
        for part in (k[-n:], *(fold.key(w) for w in fold.split_words(other)[1:])):
            d = Levenshtein.distance(last, part, score_cutoff=1)
            if d == 0 or (d == 1 and (n >= _LONG_WORD or _VOWELS.sub("", part) == consonants)):
                return True
    return False


_VOWELS = re.compile(r"[aeiouاويىةه]")
#: a last word of this many letters may slip a consonant too
_LONG_WORD = 7


def _resolve(mention: PlaceMention, *, gazetteer: Gazetteer, context: ResolveContext) -> Place:
    told_country = context.country  # the document's, before the candidates' own vote completes the context
    context = _complete(gazetteer, context)
    text = _LEADING_WORDS.sub("", mention.text.strip()) or mention.text.strip()
    if text != mention.text.strip():
        # "at Gajigana": a preposition the mention picked up is not part of the name
        mention = replace(mention, text=text)
    code = gazetteer.country_code(mention.text)
    if code and not mention.within and (mention.kind_hint or "country") == "country":
        entry = gazetteer.country(code)
        if entry is not None:
            return _place_from(entry, mention, precision=PlacePrecision.COUNTRY, confidence=0.95,
                               reasons=[f"'{mention.text}' names the country {code}"])
    # "the Hamrin mountains", "the Sambisa forest", "جبل الزاوية": a geographic region of the hand-written list,
    # named by the name with its feature word and by nothing else (admin areas keep their own resolution); "the
    # Kurdistan Region": the mention itself, feature word and all, is such a region's name
    wholes = []
    if mention.phrase and mention.phrase != mention.text and mention.kind_hint in ("district", "province"):
        wholes.append(mention.phrase)
    if fold.base_name(mention.text) != mention.text.strip():
        wholes.append(mention.text)
    for phrase in wholes:
        whole = fold.loose(phrase)
        for e in gazetteer.lookup(phrase)[:5]:
            if e.kind == "region" and e.id.startswith("region:") and _spelled_exactly(gazetteer, e, whole):
                return _place_from(e, mention, precision=PlacePrecision.GOVERNORATE, confidence=0.85,
                                   reasons=[f"'{phrase}' names the region {e.name}"])
    own_key = fold.key(fold.base_name(mention.text))
    # an area that is the mention itself ("Konduga LGA" within "Konduga LGA") says nothing about where it is
    within = _area_entries(
        gazetteer, tuple(w for w in mention.within if fold.key(fold.base_name(w)) != own_key), context.country,
        towns=True, abroad=context.named,
    )
    if not within.entries and not within.areas and mention.within:
        # "al-Ghafr village near Tal Sahan in the Idlib countryside": a container the gazetteer lacks lies in the
        # areas named around it, and so does the place inside it (the container named right there, not the same
        # name elsewhere in the document, which other areas may hold)
        told = [m for m in context.mentions if m.text in mention.within]
        nearest = min(told, key=lambda m: abs(m.span.start - mention.span.start)) if told else None
        outer = tuple(w for w in (nearest.within if nearest is not None else ())
                      if w not in mention.within and fold.key(fold.base_name(w)) != own_key)
        if outer:
            within = _area_entries(gazetteer, outer, context.country, towns=True, abroad=context.named)
    bound = {_country_named(gazetteer, w) for w in mention.within}
    if within.areas and len(bound) == 1 and None not in bound and not any(
        a.admin1 or a.admin2 or a.points for a in within.areas
    ):
        # "the Saudi city of Jizan", "the northeast Nigerian village of Attangara": a country named with the place
        # is the country to look in, as the document's is, and no area that vouches for a loose reading of the name
        told_country = next(c for c in bound if c)
        context = replace(context, country=told_country)
        within = _NO_AREAS
    doc_areas = _area_entries(gazetteer, context.admin_areas, context.country)
    if within.entries and all(e.kind == "locality" for e in within.entries) and doc_areas.areas and not any(
        _inside(e, doc_areas) for e in within.entries
    ):
        # "Jurin Town in Sahl Al-Ghab in western Hama countryside": the area read as a town ("Sahl", in Raqqa)
        # lies outside the governorate the document names, so it is a misreading, not a bound
        within = _NO_AREAS
    name = fold.base_name(mention.text)
    if name != mention.text.strip() and not mention.kind_hint:
        # "Gwoza LGA", "Raqqa governorate": the feature word is the kind hint
        word = mention.text.strip()[len(name):].strip().lower() or mention.text.split()[0].lower()
        hint_word = "district" if word in ("lga", "local government area", "subdistrict", "county") else word
        hint_word = {"villages": "village", "community": "village", "neighborhood": "neighbourhood"}.get(
            hint_word, hint_word
        )
        mention = replace(mention, kind_hint=hint_word if hint_word in _KIND_FOR_HINT else None)
    candidates = gazetteer.lookup(name)
    named_admin = admin_by_phrase(gazetteer, mention)
    if named_admin:
        # "قضاء الحويجة": a district the layers know only by its name with the admin word (the bare name is
        # some villages')
        have = {e.id for e in named_admin}
        candidates = [*named_admin, *(e for e in candidates if e.id not in have)]
    cached = True
    aliased = False  # found under the name the aliases file says the gazetteers know the town by

    def in_context(e: GazetteerEntry) -> bool:
        """Inside the area named with the mention, or (none named) in the document's country."""
        return bool(_inside(e, within) or (not within.entries and e.country == context.country))

    countries = sorted({c for c in (context.country, *(e.country for e in within.entries)) if c})
    if not candidates and len(fold.key(name)) >= 7 and countries:
        # a spelling the folding rules miss; only accepted inside the area the context names, so only the
        # keys of the context's countries are searched
        fuzzy = gazetteer.rank(name, [e for c in countries for e in gazetteer.lookup(name, country=c, fuzzy=True)])
        candidates = [e for e in fuzzy if in_context(e) and _last_word_close(name, e)]
        if ARABIC_SCRIPT.search(name):
            # in Arabic script only a slip of dots or long vowels ("قرف مغار" for "قرق مغار"): a letter of another
            # shape is another name ("معارة النعسان" is not "معرة النعمان")
            rasm = fold.arabic_rasm(name)
            candidates = [e for e in candidates if any(
                fold.arabic_rasm(n) == rasm for n in (e.name, *e.names[:40]) if ARABIC_SCRIPT.search(n))]
        cached = False
    if ARABIC_SCRIPT.search(name) and countries and not any(in_context(e) for e in candidates):
        # "كنصفرة" for "كنسفرة", "الهول" for "الحول": emphatic and plain letters (and ح, ه) swap in local
        # spellings; as with fuzzy matches, only inside the area or the country the context names, and only
        # when no candidate spelled as written lies there ("الهول" is also Hull, Massachusetts)
        found = {e.id: e for v in _letter_variants(name) for c in countries for e in gazetteer.lookup(v, country=c)}
        swapped = [e for e in found.values() if in_context(e)]
        if swapped:
            candidates = swapped
            cached = False
    transliterated = False
    # "مديرية بني قيس": an admin area the text names as one is no village whose Latin name has its consonants
    # ("منطقة" is any area: "منطقة الرصافة" may well be the village)
    admin_named = bool(_ARABIC_ADMIN_WORD.match(mention.phrase or ""))
    if ARABIC_SCRIPT.search(name) and within.entries and not admin_named and not any(
        in_context(e) or (e.country in countries and (e.population >= 10_000 or e.kind in ("region", "county")))
        for e in candidates
    ):
        # a village the gazetteers spell in Latin letters only ("الصبحة" is "As Sabhah" of Deir ez-Zor): the
        # consonants of the Arabic name against those of the Latin keys, only inside the area named with it and
        # only when no place spelled so lies there and the name is no town of size or admin area of that country
        # ("إدلب" named with "حلب" stays Idlib, not a hamlet "Ad Dulab" of Aleppo)
        skeleton = fold.arabic_skeleton(name)
        latin = {e.id: e for c in countries for e in gazetteer.by_skeleton(skeleton, c)}
        inside = [e for e in latin.values() if e.kind in ("locality", "neighbourhood") and _inside(e, within)]
        if len(inside) > 1:
            # of the places with these consonants, those whose Latin names are nearest a rough transliteration
            inside = _nearest_transliterations(gazetteer, name, inside, 0.05)[1]
        if inside:
            candidates, cached, aliased, transliterated = inside, False, True, True
    elif ARABIC_SCRIPT.search(name) and not candidates and context.country and not admin_named:
        # no area named with it: the whole country's places with these consonants, taken only when one Latin
        # name is clearly the nearest a rough transliteration ("الضمير السورية" is Ad Dumayr, not Dummar)
        skeleton = fold.arabic_skeleton(name)
        in_country = (
            [e for e in gazetteer.by_skeleton(skeleton, context.country) if e.kind == "locality"]
            if len(skeleton) >= 4 else []
        )
        if in_country:
            best_d, nearest_ones = _nearest_transliterations(gazetteer, name, in_country, 0.1)
            if best_d <= 0.3 and len({(round(e.lat, 1), round(e.lon, 1)) for e in nearest_ones}) == 1:
                candidates, cached, aliased, transliterated = nearest_ones, False, True, True
    if not ARABIC_SCRIPT.search(name) and within.entries and not any(in_context(e) for e in candidates) and (
        len(skeleton := fold.latin_skeleton(fold.key(name))) >= 3
    ):
        # "Mastaba in Hajjah province": a name transliterated with other vowels than the gazetteer's ("Mustaba"),
        # found by its consonants, only inside the area named with it and only as near as other vowels make it
        target = _vowels_aside(fold.loose(name))
        inside = [e for c in countries if c in transliterated_countries() for e in gazetteer.by_skeleton(skeleton, c)
                  if e.kind in ("locality", "neighbourhood", "county") and _inside(e, within)
                  and any(_other_vowels(target, m := _vowels_aside(n))
                          or (c in arabic_countries() and _helping_vowel(target, m))
                          for n in gazetteer.info(e).loose[1:])]
        if inside:
            candidates, cached, aliased = list({e.id: e for e in inside}.values()), False, True
    if (mention.kind_hint or "").lower() in ("village", "camp") and (
        not told_country or not any(in_context(e) for e in candidates)
    ):
        # "مخيم الشاطئ", "Shati camp": a camp the gazetteers know only with the word for camp in its name (in the
        # context's countries, or anywhere when the context names none)
        camp_name = f"مخيم {name}" if ARABIC_SCRIPT.search(name) else f"{name} Camp"
        bare = fold.strip_loose_article(fold.loose(camp_name))
        camps = [e for e in gazetteer.lookup(camp_name) if (in_context(e) or not told_country) and any(
            fold.strip_loose_article(fold.loose(n)) == bare for n in (e.name, *e.names[:24]))]
        if camps:
            candidates, cached, aliased = camps, False, True
    known = _alias_entries(gazetteer, name, within, context)  # [] at once for a name the aliases file lacks
    if known and not any(in_context(e) for e in candidates):
        # "كوباني", "Serekaniye": a town's other name, looked up as the gazetteers know it ("عين العرب"), when
        # nothing spelled as written lies where the context puts the event
        candidates, cached, aliased = known, False, True
    hint = (mention.kind_hint or "").lower()
    neighbourhood = hint in ("neighbourhood", "neighborhood")
    if neighbourhood and not any(
        e.kind == "neighbourhood" and (not context.country or e.country == context.country) for e in candidates
    ):
        # no quarter of the name in the document's country (a namesake quarter abroad is not it, and a village of
        # the name is no quarter: "Al-Sinaa neighborhoods" of Raqqa is not the village Sin of Aleppo)
        return _neighbourhood_fallback(gazetteer, mention, within, context)
    # "Hay al-Tanak, western Mosul": a name Arabic calls a quarter (حي), in the city named with it when unknown
    neighbourhood = neighbourhood or _QUARTER_PREFIX.match(mention.text) is not None
    if not candidates:
        city = _quarter_city(gazetteer, mention, context, hint, neighbourhood) or _old_town(gazetteer, mention, context)
        return city or _enclosing(gazetteer, mention, within, context, f"'{mention.text}' is not in the gazetteer")

    statics = _statics(gazetteer, name, candidates, cache=cached)
    container_note = None
    best_c, scored = _rank_statics(statics, mention, within, doc_areas, context)
    if within.entries and _inside(best_c.entry, within, best_c.info) is False:
        container_note = _misread_container(statics, mention, within, context)
        if container_note:
            within = _NO_AREAS
            best_c, scored = _rank_statics(statics, mention, within, doc_areas, context)
    best = best_c.entry
    why = _reasons(best_c, mention, within, doc_areas, context)
    margin = scored[1][0] - scored[0][0] if len(scored) > 1 else 4.0
    confidence = 1 / (1 + math.exp(-(margin - 0.5)))
    target = fold.loose(name)
    rejected = None if aliased or any(best is e for e in named_admin) else _implausible(
        best, candidates, target, within, context, best_c.info, hint=hint, phrase=mention.phrase or mention.text)
    if rejected:
        # the size-winner is a namesake too far-fetched ("Al Ain City" for "Ain Isa"); the candidate the folding
        # rules match best ("`Ayn `Isa") is taken when nothing in the context speaks against it
        def _close(c: _Static) -> bool:
            return (c is not best_c and c.spelling <= 0.2
                    and (not context.country or c.entry.country == context.country)
                    and _inside(c.entry, within, c.info) is not False)

        first = next((c for c in statics if c.entry is candidates[0]), None)
        alt = first if first is not None and _close(first) else None
        if alt is None and context.country:
            # the lookup's first is a namesake abroad ("al-Bara": Al Barah of Iraq; a regime's shelling puts it in
            # Syria): the closest-spelled candidate in the document's country, the most prominent of them
            # (not one far from the document's other places: "al-Marj region" of Quneitra is no Al Marj of Aleppo)
            alt = max((c for c in statics if _close(c) and (
                (in_doc := _inside(c.entry, doc_areas, c.info)) is True
                or (in_doc is not False and ((km := _anchor_km(c.entry, context)) is None or km <= _ALT_ANCHOR_KM))
            )), key=lambda c: (-round(c.spelling, 2), c.bare_own), default=None)
        if alt is None:
            # "the al-Jadida neighbourhood of Mosul", a namesake abroad: the city, not the district around it
            city = _quarter_city(gazetteer, mention, context, hint, neighbourhood)
            return city or _enclosing(gazetteer, mention, within, context, rejected)
        best_c, best = alt, alt.entry
        why = [*_reasons(best_c, mention, within, doc_areas, context), f"not {rejected}"]
        confidence *= 0.7
    if (not rejected and context.country and best.country == context.country and not best_c.own_spelled
            and best_c.spelling >= _LOOSE_AT_HOME and not within.entries):
        # "near Kobani" in a story that also tells of an Istanbul bombing: the home country's loose reading
        # (Beşiri, once "Kobin") yields to a town spelled exactly as written in another country the document points
        # to, when that town is a sizeable one
        abroad = max((c for c in statics if c.spelling <= 0.05 and c.entry.country != context.country
                      and c.entry.country in context.countries and c.entry.kind == "locality"
                      and c.entry.population >= _EXACT_ABROAD_MIN), key=lambda c: c.bare_own, default=None)
        if abroad is not None:
            why = [*_reasons(abroad, mention, within, doc_areas, context),
                   f"spelled as written, not '{best.name}' ({best.country}) read loosely"]
            best_c, best = abroad, abroad.entry
            confidence *= 0.7
    if not rejected and not aliased and _stray_namesake(best_c, name, context):
        # "قرية العطالة بريف الشدادي جنوب الحسكة": a village only spelled like the one written (عطا الله), far from
        # every place the document names and in none of its areas, is another place; the area named with it stands
        return _enclosing(gazetteer, mention, within, context, f"'{best.name}' {STRAY_REASON}")
    if within.entries and _inside(best, within, best_c.info) is False:
        # every candidate lies outside the area the text names: not the place meant
        city = _quarter_city(gazetteer, mention, context, hint, neighbourhood)
        return city or _enclosing(gazetteer, mention, within, context,
                          f"no '{mention.text}' inside {', '.join(mention.within)}")
    # (a quarter the gazetteer knows as one is taken: a large city's quarters lie well away from its point)
    quarter_of_city = neighbourhood and mention.within and best.kind == "locality"
    if quarter_of_city or (
        hint == "district" and best.kind == "locality" and mention.within and not ARABIC_SCRIPT.search(mention.text)
    ):
        # "the rebel-held Sukkari district of Aleppo", "حي المنصور في الجانب الأيمن من الموصل": a city's quarter; a
        # village of the name out in the city's governorate is another place, so the city stands for it (a
        # "district" in English only: Arabic "منطقة" is any area; and only of a large city)
        city = _city_named_with(gazetteer, mention, context,
                                min_population=0 if quarter_of_city else _CITY_OF_NEIGHBOURHOODS)
        if city is not None and city.lat is not None and city.lon is not None and (
            distance_km(best.lat, best.lon, city.lat, city.lon) > _QUARTER_KM
        ):
            return replace(city, reasons=(*city.reasons, f"'{best.name}' lies outside the city"))
    if context.country and best.country != context.country and best.kind != "country" and len(scored) > 0:
        confidence *= 0.6
    reasons = [f"{len(candidates)} candidates", *why]
    if transliterated:
        reasons.append("its Latin name has the Arabic name's consonants (the gazetteer has no Arabic name for it)")
        confidence *= 0.7
    if container_note:
        reasons.append(container_note)
        confidence *= 0.8

    relation = mention.relation
    if relation in _AREA_RELATIONS:
        return _area_around(gazetteer, best, mention, confidence, reasons)
    if relation == "km_from" and (mention.distance_km or 0) > _FAR_KM:
        # "about 450 km north of the capital, Bangui": the anchor's point would be far off; the anchor's country
        area = gazetteer.get(f"country:{best.country}") if best.country else None
        if area is not None:
            reasons.append(f"{mention.distance_km:g} km from {best.name}: too far to take its point; its country")
            return _place_from(area, mention, precision=PlacePrecision.COUNTRY, confidence=confidence * 0.5,
                               reasons=reasons)
    if relation in _NEAR_RELATIONS:
        reasons.append(f"relation '{relation}': the anchor place, precision near")
        return _place_from(best, mention, precision=PlacePrecision.NEAR, confidence=confidence, reasons=reasons)
    place = _place_from(best, mention, precision=_PRECISION.get(best.kind, PlacePrecision.SETTLEMENT),
                        confidence=confidence, reasons=reasons)
    if best.kind == "locality" and not mention.kind_hint:
        # a bare "Idlib" may mean the governorate the city is named after: say so, for event clustering
        extra = [f"also names the {label} {area.name}" for kind, label in (("region", "governorate"),
                 ("county", "district")) if (area := gazetteer.area_named(place, kind=kind)) is not None]
        if extra:
            place = replace(place, reasons=(*place.reasons, *extra))
    return place


@functools.cache
def _aliases() -> dict[str, tuple[str, str, str]]:
    """Folded other names -> (the name the gazetteers know, its country, its admin1 key), from ``aliases.v1.yaml``."""
    from civcas.gazetteer.datafiles import aliases

    return {fold.key(n): (a.known_as, a.country, fold.key(a.admin1)) for a in aliases().aliases for n in a.names}


def alias_country(name: str) -> str | None:
    """The country of the town the aliases file says ``name`` is another name of ("Serekaniye": SY), if any."""
    hit = _aliases().get(fold.key(name))
    return hit[1] if hit is not None else None


def _alias_entries(
    gazetteer: Gazetteer, name: str, within: _Areas, context: ResolveContext
) -> list[GazetteerEntry]:
    """The town ``name`` is another name of, if the aliases file lists it and the context allows its country."""
    hit = _aliases().get(fold.key(name))
    if hit is None:
        return []
    known_as, country, admin1 = hit
    # no country check: the caller asks only when nothing so spelled lies where the context puts the event, and a
    # town's documented other name is that town even when the document's vote went abroad ("هجمات تركيا" on Kobani)
    found = [e for e in gazetteer.lookup(known_as, country=country)
             if e.kind == "locality" and e.admin1 and fold.key(e.admin1) == admin1]
    return [e for e in found if not within.entries or _inside(e, within) is not False]


#: Letters that local Arabic spellings of one place name swap: emphatic and plain, and the interdentals.
_LETTER_SWAPS = {"ص": "س", "س": "ص", "ط": "ت", "ت": "ط", "ض": "د", "د": "ض", "ظ": "ز", "ز": "ظ", "ذ": "ز", "ث": "س",
                 "ح": "ه", "ه": "ح"}


def _nearest_transliterations(
    gazetteer: Gazetteer, name: str, entries: list[GazetteerEntry], slack: float
) -> tuple[float, list[GazetteerEntry]]:
    """The smallest distance of the entries' Latin names (article aside) to a rough transliteration of the
    Arabic ``name``, and the entries within ``slack`` of it: "الصبحة" (sbha) is nearer "As Sabhah" than "Subayh"."""
    rough = fold.arabic_latinized(name)
    dist = {e.id: nearest(rough, [fold.strip_loose_article(n) for n in gazetteer.info(e).loose13]) for e in entries}
    best = min(dist.values())
    return best, [e for e in entries if dist[e.id] <= best + slack]


def _letter_variants(name: str) -> list[str]:
    """The spellings of an Arabic ``name`` with one letter swapped for its emphatic or plain twin, or ح for ه
    inside a word ("الهول" for al-Hol's "الحول"; a final ه is ة, not a swap)."""
    if len(name.replace(" ", "")) < 4:
        return []
    out = []
    for i, ch in enumerate(name):
        if ch not in _LETTER_SWAPS:
            continue
        if ch in "حه" and (i + 1 == len(name) or name[i + 1] == " "):
            continue
        out.append(name[:i] + _LETTER_SWAPS[ch] + name[i + 1 :])
    return out


#: how far from the document's other places a namesake in its country may lie to stand for a name whose
#: best-ranked candidate was a far-fetched one (:func:`_resolve`)
_ALT_ANCHOR_KM = 100.0
#: a home candidate this far in spelling from the name is a loose reading (the lookup's 0-1 distance)
_LOOSE_AT_HOME = 0.25
#: ... that yields to a town abroad spelled exactly, in a country the document points to, of at least this size
_EXACT_ABROAD_MIN = 20_000


def _rank_statics(
    statics: list[_Static], mention: PlaceMention, within: _Areas, doc_areas: _Areas, context: ResolveContext
) -> tuple[_Static, list[tuple[float, int, int, _Static]]]:
    """The two best candidates in this document, best first (ties: coarser kinds, then the lookup's order).

    The score adds to the candidate's static part (spelling, size, layer):
    its own name spelled the same +1 (towns, countries, or the hinted kind);
    the hinted kind +2, another kind -1.5 (no hint: the kind bonus of
    ``_BARE_KIND_BONUS``); in the document's country +1.5, else -1.5 (or
    +1.5 in a country it names); inside the areas named with it +6, outside
    -4; inside an area the document names +2; within 30 / 100 km of another
    resolved place +3 / +1.5, beyond 500 km -1 (not for a district or a
    province inside the areas named with it). The area and distance terms
    are the costly ones: candidates are taken best cheap part first, and
    the rest is skipped once even the largest bonus could not reach the
    second place. Entries are ``(-score, kind rank, position, candidate)``.
    """
    hint = (mention.kind_hint or "").lower()
    hinted = _KIND_FOR_HINT.get(hint, ())
    country = context.country
    countries = context.countries
    w = within if within.areas else None
    # only an admin area decides for a district or a province inside it; a country ("the southern Syrian province
    # of Daraa") holds them all, and the distance to the other places still tells one from a namesake town
    w_admin = w is not None and any(a.admin1 or a.admin2 or a.geographic for a in w.areas)
    d = doc_areas if doc_areas.areas else None
    anchors = bool(context.places)
    most = (6.0 if w is not None else 0.0) + (2.0 if d is not None else 0.0) + (3.0 if anchors else 0.0)
    cheap: list[tuple[float, int, int, _Static]] = []
    for n, c in enumerate(statics):
        e = c.entry
        if hinted:
            s = c.static
            if c.own_spelled and (e.kind in _OWN_NAME_KINDS or e.kind in hinted):
                s += 1.0
            s += 2.0 if e.kind in hinted else -1.5
        else:
            s = c.bare_own  # the no-hint kind and own-name bonuses, added when the name's statics were made
        if country:
            s += 1.5 if e.country == country else -1.5
        elif countries and e.country in countries:
            s += 1.5
        cheap.append((-s, c.kind_rank, n, c))
    cheap.sort()
    top: list[tuple[float, int, int, _Static]] = []
    for neg, rank, n, c in cheap:
        if len(top) == 2 and -neg + most < -top[1][0]:
            break  # no later candidate can reach the second place
        s = -neg
        if most:
            e = c.entry
            if w is not None:
                inside = _inside(e, w, c.info)
                if inside is True:
                    s += 6.0
                elif inside is False:
                    s -= 4.0
            if d is not None and _inside(e, d, c.info) is True:
                s += 2.0
            if anchors and not (w_admin and e.kind in _AREA_KINDS):
                # a district or a province inside the area named with it: the area decides, and the distance from its
                # centre to a town named nearby says little (the town is most often that area's own seat)
                km = _anchor_km(e, context)
                if km is not None:
                    s += 3.0 if km < 30 else 1.5 if km < 100 else -1.0 if km > 500 else 0.0
        top.append((-s, rank, n, c))
        top.sort()
        del top[2:]
    return top[0][3], top


_ADMIN_WORD = re.compile(
    r"\b(?:province|governorate|governate|state|region|district|sub-?district|county|lga|local government(?: area)?|"
    r"muhafaz[ae]t?|prefecture)\b|محافظة|منطقة|ناحية|قضاء|ولاية",
    re.I,
)


def _strongly_named(mention: PlaceMention, context: ResolveContext) -> bool:
    """Whether the text names the areas given with the mention as admin areas (a feature word, or elsewhere)."""
    if any(_ADMIN_WORD.search(w) for w in mention.within):
        return True
    named = {fold.key(fold.base_name(a)) for a in context.admin_areas}
    return any(fold.key(fold.base_name(w)) in named for w in mention.within)


def _misread_container(
    statics: list[_Static], mention: PlaceMention, within: _Areas, context: ResolveContext
) -> str | None:
    """Why the areas named with a mention are probably not its container (None when they may well be).

    "Tal Rifaat in Shahba Canton": the only Shahba the gazetteer knows is a
    district 300 km south, while Tall Rifat (Aleppo) is spelled exactly. A
    weakly named area (no feature word such as "province" or "district",
    and not named as an admin area elsewhere in the document) is ignored
    when every exactly spelled candidate in the document's country lies
    farther than twice the area's radius from every reading of the area:
    the exact name wins. An area the text names as one ("Jama'a local
    government", "Dangam District") always stands: a village missing from
    the gazetteer keeps that area, not a namesake elsewhere.
    """
    if _strongly_named(mention, context):
        return None
    countries = {context.country} if context.country else {e.country for e in within.entries if e.country}
    # spelled as one of its names (case, accents and marks aside): a key match alone is too loose here
    # ("Mamand" and "Maymand" share a key)
    exact = [c.entry for c in statics if c.spelling < 0.05 and c.entry.country in countries]
    if not exact:
        return None
    points = [(a.lat, a.lon, _REGION_RADIUS_KM if a.kind == "region" else _COUNTY_RADIUS_KM)
              for a in within.entries if a.kind in ("region", "county")]
    if not points:
        return None
    if any(distance_km(e.lat, e.lon, lat, lon) <= 2 * radius for e in exact for lat, lon, radius in points):
        return None
    return (f"'{', '.join(mention.within)}' is far from every '{mention.text}' in the gazetteer: "
            "not taken as its container")


_LEADING_WORDS = re.compile(r"^(?:(?:at|in|on|near|the|of|from|to|into|outside|inside)\s+)+", re.I)


def completed_context(gazetteer: Gazetteer, context: ResolveContext) -> ResolveContext:
    """``context`` with what it implies filled in (its country, the admin areas its mentions name)."""
    return _complete(gazetteer, context)


def _complete(gazetteer: Gazetteer, context: ResolveContext) -> ResolveContext:
    """:func:`_completed`, remembered for the last contexts: a document resolves all its mentions with one."""
    hit = gazetteer.memo_get("context", id(context))
    if hit is not None and hit[0] is context:
        return hit[1]  # type: ignore[no-any-return]
    done = _completed(gazetteer, context)
    gazetteer.memo_put("context", id(context), (context, done))
    return done


def _completed(gazetteer: Gazetteer, context: ResolveContext) -> ResolveContext:
    """Fill in what the context implies: the country its places point to, the admin areas its mentions name.

    Without a country named in the text, the places already resolved vote,
    then the other mentions (each exactly spelled candidate's country gets a
    share). A mention that is exactly an admin area's name ("Borno") counts
    as an admin area named in the document.
    """
    country = context.country
    if country is None:
        voted = Counter(p.country for p in context.places if p.country and p.precision != PlacePrecision.UNRESOLVED)
        if not voted:
            shares: Counter[str] = Counter()
            for m in context.mentions:
                if m.kind_hint in ("district", "province"):
                    # "Kalat district", "Khyber tribal district": the text says it is an admin area, so only
                    # admin areas of that name vote, and a named admin area is rarer than a village's name
                    base = fold.base_name(m.text)
                    admin = [e for e in gazetteer.lookup(base)[:50] if e.kind in ("region", "county")]
                    if not admin and (admin := admin_by_phrase(gazetteer, m)):
                        base = m.phrase or base
                    if admin:
                        shares.update({c: 2 * v for c, v in country_shares(base, admin, gazetteer.info).items()})
                        continue
                shares.update(country_shares(m.text, gazetteer.lookup(m.text)[:50], gazetteer.info))
            voted = shares
        if voted:
            top, votes = voted.most_common(1)[0]
            if votes >= sum(voted.values()) / 3:
                country = top
    areas = list(context.admin_areas)
    for m in context.mentions:
        if m.text in areas:
            continue
        if country and not gazetteer.may_be_region(fold.loose(m.text), country.upper()):
            continue  # no region of the country has that name: its first candidate there is none
        top_entries = gazetteer.lookup(m.text, country=country) if country else []
        # "Idlib", "Aleppo": a governorate's own name, also when a city of the name comes first
        if any(e.kind == "region" and fold.loose(e.name) == fold.loose(m.text) for e in top_entries[:5]):
            areas.append(m.text)
    if country == context.country and len(areas) == len(context.admin_areas):
        return context
    return replace(context, country=country, admin_areas=tuple(areas))


#: Arabic words that open an admin area's name: a district's ("مديرية", Yemen's), a subdistrict's or a governorate's
#: (the folding rules' prefixes, not "منطقة": any area)
_ARABIC_ADMIN_OPENERS = (
    "مديرية", *fold.ARABIC_REGION_PREFIXES, *(w for w in fold.ARABIC_COUNTY_PREFIXES if w != "منطقة")
)
_ARABIC_ADMIN_WORD = re.compile(rf"^(?:[وبل]|ال)?(?:{'|'.join(_ARABIC_ADMIN_OPENERS)})\s")
#: the words that call a place an admin area of the first level ("the province of Van"), unlike "region" or "area"
_CALLED_PROVINCE = re.compile(
    rf"\b(?:{'|'.join(w for w in fold.REGION_SUFFIXES if w != 'region')}|wilaya[ht]?)\b"
    rf"|{'|'.join(fold.ARABIC_REGION_PREFIXES)}",
    re.IGNORECASE,
)


#: how far (``nearest``) a spelling may lie from a place's own where names are written in Latin letters
_LATIN_NAMES_SLACK = 0.25


def _country_named(gazetteer: Gazetteer, raw: str) -> str | None:
    """The country a within-name is: its own name ("Saudi Arabia"), or its code where a rule put one ("LY" for the
    Arabic adjective of "طرابلس الليبية")."""
    code = gazetteer.country_code(raw)
    if code is None and len(raw) == 2 and raw.isupper() and gazetteer.country(raw) is not None:
        code = raw
    return code


#: a village smaller than this, spelled only like the name written, is a namesake when it lies away from the document
_STRAY_POPULATION = 10_000
#: the reason an unresolved place gives when its only candidate was such a namesake (:func:`stray`)
STRAY_REASON = "is only spelled alike and lies away from the document's other places"


def stray(p: Place) -> bool:
    """Whether ``p`` stands in for a mention whose only reading was a village far from the document's other places
    (:func:`_stray_namesake`): the pass near anchors takes that over the far reading it had."""
    return any(r.endswith(STRAY_REASON) for r in p.reasons)


def _stray_namesake(c: _Static, target: str, context: ResolveContext) -> bool:
    """Whether the village ``c`` matched only loosely (its names a letter or more from the one written) lies farther
    than ``_FAR_KM`` from every place the document has resolved and in none of their first-level areas: the folding
    merged two names ("العطالة", "عطا الله"), and the place meant is one the gazetteer lacks."""
    return _stray_entry(c.entry, c.spelling, target, context)


def _stray_entry(e: GazetteerEntry, spelling: float, target: str, context: ResolveContext) -> bool:
    if e.kind != "locality" or e.population >= _STRAY_POPULATION or spelling <= 0.05 or not e.admin1:
        return False
    if not ARABIC_SCRIPT.search(target) and not _other_consonants(target, e):
        # Latin transliterations differ by a vowel as a rule ("Baghouz", Baghuz), not as a sign of another name;
        # another consonant ("al Ghafr" village near Tal Sahan of Idlib, "Al Kafr" of Suwayda) is another name
        return False
    km = _anchor_km(e, context)
    if km is None or km <= _FAR_KM:
        return False
    own = fold.key(e.admin1)
    return not any(p.admin1 and fold.key(p.admin1) == own for p in context.places if p.gazetteer_id != e.id)


def stray_reading(place: Place, gazetteer: Gazetteer, context: ResolveContext) -> bool:
    """Whether a place resolved before the document's anchors were known is such a namesake of its mention, judged
    against the anchors in ``context`` (:func:`_stray_namesake`): a village spelled only like the name written,
    far from every place the document names without doubt."""
    e = gazetteer.get(place.gazetteer_id) if place.gazetteer_id else None
    if e is None or not place.mention:
        return False
    target = fold.loose(fold.base_name(place.mention))
    spelling = nearest(target, tuple(fold.loose(n) for n in (e.name, *e.names[:40])))
    return _stray_entry(e, spelling, target, context)


def _other_consonants(target: str, e: GazetteerEntry) -> bool:
    """Whether every Latin name of ``e`` has other consonants than ``target`` (articles and vowels aside): a
    spelling no transliteration of the same Arabic name gives, though the folding rules merge it."""
    def consonants(name: str) -> str:
        return _VOWELS.sub("", fold.strip_loose_article(fold.loose(name))).replace(" ", "")

    own = consonants(target)
    return bool(own) and all(consonants(n) != own for n in (e.name, *e.names[:40]) if not ARABIC_SCRIPT.search(n))


#: a city this large abroad is named by its other names too (an old name, another language's) in English text
_ALIAS_ABROAD_MIN = 1_000_000


def _implausible(
    best: GazetteerEntry, candidates: list[GazetteerEntry], target: str, within: _Areas, context: ResolveContext,
    info: EntryInfo | None = None, *, hint: str = "", phrase: str = "",
) -> str | None:
    """Why the best candidate is probably another place than the one meant (None when it is plausible).

    Folding merges spellings generously, so a name missing from the
    gazetteer often matches some unrelated place abroad ("Qasoum" and
    "Ketchum"). A candidate is kept when it lies in the area or country the
    context names, or when it is spelled exactly and is a sizeable place or
    an admin area.
    """
    names = info.loose41 if info is not None else tuple(fold.loose(n) for n in (best.name, *best.names[:40]))
    if info is not None:
        names = info.names_for(target, names)
    spelling = nearest(target, names)
    if spelling and fold.has_loose_article(target):
        # the article is no evidence the names are alike: "al houshan" is 0.3 from "al husayn", "houshan" 0.43
        bare = [fold.strip_loose_article(n) for n in names]
        spelling = max(spelling, nearest(fold.strip_loose_article(target), bare))
    elif spelling > 0.1 and target:
        # the article written by the gazetteer but not by the text ("Qaim" for "Al Qa'im"): the same name
        bare = [fold.strip_loose_article(n) for n in names if fold.has_loose_article(n)]
        if bare:
            spelling = min(spelling, nearest(target, bare))
    if (
        spelling > 0.4 and target and best.country in transliterated_countries()
        and ((context.country and best.country == context.country) or _inside(best, within, info))
        and nearest(_vowels_aside(target), tuple(_vowels_aside(n) for n in names)) <= 0.25
    ):
        # a name transliterated with other vowels, its consonants alike ("Ibleen", Ablin; "Tal Hadeed", Tall Hadid)
        spelling = 0.4
    if _inside(best, within, info):
        # where names are written in Latin letters a close spelling is another name, even in the area named with it
        # ("the village of Kwari in Borno State" is no Gwara of Borno)
        most = 0.5 if best.country in transliterated_countries() else _LATIN_NAMES_SLACK
        return None if spelling <= most else f"'{best.name}' is spelled too differently"
    if context.country and best.country == context.country:
        return None if spelling <= 0.4 else f"'{best.name}' is spelled too differently"
    if context.country and hint in ("village", "neighbourhood", "neighborhood", "camp"):
        # "Zango village in Wase LGA": a village the text places in its country is not a namesake abroad
        return f"the village '{best.name}' ({best.country}) is outside the document's country {context.country}"
    if context.country and hint in ("district", "province") and best.kind == "locality" and best.country not in (
        *context.countries, *context.named
    ):
        # "Mambasa territory" in a Congolese story: a town abroad answers to no district word of the document's
        # country, however large the town and exact the spelling (Mombasa is also written Mambasa)
        return f"the town '{best.name}' ({best.country}) is no {hint} of the document's country {context.country}"
    # a governorate abroad is no sizeable match of its own when the text neither names its country, nor points
    # there, nor calls it a province ("al-Marj region, west of Hadar" in a Syrian story is not Libya's Al Marj;
    # "the eastern province of Van" is Turkey's)
    abroad_area = best.kind == "region" and bool(context.country) and best.country not in (
        *context.countries, *context.named) and not _CALLED_PROVINCE.search(phrase)
    # a town that names its district (a county of the name in its governorate: "Tel Abyad", whose record gives no
    # population) is as sure a reading as a sizeable one
    # (only in a country the document points to: "Jesus Quinto" in a Colombian story is no Jesús of Paraguay)
    seat = (best.kind == "locality" and bool(best.admin1) and best.country in (*context.countries, *context.named)
            and any(c.kind == "county" and c.country == best.country and c.admin1 == best.admin1 for c in candidates))
    sizeable = (best.population >= 20_000 or best.kind == "country" or (best.kind == "region" and not abroad_area)
                or seat)
    if sizeable and best.kind == "locality" and context.country and best.country not in (
        context.country, *context.countries, *context.named
    ) and best.population < _ALIAS_ABROAD_MIN and target.isascii() and nearest(
        fold.strip_loose_article(target), (fold.strip_loose_article(fold.loose(best.name)),)
    ) > 0.1:
        # a town abroad matched by another language's name only, in a story whose country is elsewhere: "Tur" in a
        # Darfur story is no Tours (whose Polish name it is), however large (Arabic names are all other names)
        sizeable = False
    if spelling <= 0.1 and (sizeable or not context.country):
        return None
    if (
        not context.country
        and spelling <= 0.34
        and (sizeable or all(c.country == best.country for c in candidates))
        and (best.country in transliterated_countries() or _spaced_alike(target, names))
    ):
        # no country in context: a close spelling of a town, or of a name found in one country only, where
        # names are transliterated ("Baqouba", Baqubah); in a country that writes its names in Latin letters
        # a close spelling is another name ("Orangi" is no Orange in California)
        return None
    where = f"outside the document's country {context.country}" if context.country else "with no country in context"
    return f"the nearest match '{best.name}' ({best.country}) is {where} and not an exact, sizeable match"


_VOWEL_RUNS = re.compile(r"ee|ii|oo|ou|uu|aa|(?<![a-z])[aeiou]")
_VOWEL_OF = {"ee": "i", "ii": "i", "oo": "u", "ou": "u", "uu": "u", "aa": "a"}


@functools.lru_cache(maxsize=50_000)
def _vowels_aside(folded: str) -> str:
    """A loose name as transliterations agree on it: a word's first vowel is one ("Ibleen", "Ablin": Arabic writes
    the same alif), long vowels written double are single ("ee" is "i", "oo" and "ou" are "u")."""
    return _VOWEL_RUNS.sub(lambda m: "a" if len(m.group()) == 1 else _VOWEL_OF[m.group()], folded)


def _other_vowels(a: str, b: str) -> bool:
    """Whether two names (:func:`_vowels_aside`) differ in their vowels only, letter for letter ("mastaba", "mustaba";
    not "agbagba", "gbagba": a vowel dropped makes another name)."""
    return len(a) == len(b) and all(x == y or (x in _VOWEL_LETTERS and y in _VOWEL_LETTERS)
                                    for x, y in zip(a, b, strict=True))


_VOWEL_LETTERS = frozenset("aeiou")


def _helping_vowel(a: str, b: str) -> bool:
    """Whether name ``a`` is ``b`` (both :func:`_vowels_aside`) with one vowel more between two consonants, the
    helping vowel English spellings put into an Arabic cluster ("bir al abed", "bir al abd"; "qaser", "qasr"), its
    other vowels as :func:`_other_vowels` allows."""
    if len(a) != len(b) + 1:
        return False
    for i in range(1, len(a) - 1):
        if a[i] in _VOWEL_LETTERS and a[i - 1].isalpha() and a[i - 1] not in _VOWEL_LETTERS and a[i + 1].isalpha() \
                and a[i + 1] not in _VOWEL_LETTERS and _other_vowels(a[:i] + a[i + 1:], b):
            return True
    return False


def _close_area(gazetteer: Gazetteer, e: GazetteerEntry, target: str) -> bool:
    """Whether an area's name is the one written when no country says where: spelled so but for spaces and
    hyphens ("Deir Ezzor"), or closely where names are transliterated ("Deir al-Zour")."""
    info = gazetteer.info(e)
    names = info.names_for(target, info.loose41)
    if target in names or _spaced_alike(target, names):
        return True
    return e.country in transliterated_countries() and nearest(target, names) <= 0.25


def _spaced_alike(target: str, names: tuple[str, ...]) -> bool:
    """Whether the name is one of ``names`` but for spaces and hyphens ("Tse Gabo", Tsegabo)."""
    squeezed = target.replace(" ", "").replace("-", "")
    return any(n.replace(" ", "").replace("-", "") == squeezed for n in names)


KIND_RANK_ORDER = {"region": 0, "county": 1, "locality": 2, "neighbourhood": 3, "country": 4}


def _area_around(
    gazetteer: Gazetteer, anchor: GazetteerEntry, mention: PlaceMention, confidence: float, reasons: list[str]
) -> Place:
    """"X countryside": the district (else the governorate) named after X, else X itself with precision ``near``."""
    if anchor.kind in ("region", "county"):
        reasons.append(f"relation '{mention.relation}' of an admin area: the area itself")
        return _place_from(anchor, mention, precision=_PRECISION[anchor.kind], confidence=confidence, reasons=reasons)
    # The district or governorate named after X, else X itself, "near": "the countryside of Tal Tamr" is
    # around that small town, not anywhere in the larger district that happens to contain it.
    for kind, area_name in (("county", anchor.name), ("region", anchor.name)):
        if not area_name:
            continue
        for e in gazetteer.lookup(area_name, country=anchor.country):
            if e.kind == kind and (kind == "region" or not anchor.admin1 or e.admin1 == anchor.admin1):
                reasons.append(f"relation '{mention.relation}': the {kind} around {anchor.name}")
                return _place_from(e, mention, precision=_PRECISION[kind], confidence=confidence, reasons=reasons)
    reasons.append(f"relation '{mention.relation}': no admin area known around {anchor.name}; the place, near")
    return _place_from(anchor, mention, precision=PlacePrecision.NEAR, confidence=confidence, reasons=reasons)


def _rural_province(gazetteer: Gazetteer, name: str, country: str | None) -> GazetteerEntry | None:
    """The province of a city's countryside when the gazetteers keep one apart, named "ريف <city>" ("ريف دمشق",
    the Rif Dimashq governorate around Damascus); in Latin script the province of the district "Rural <city>"."""
    arabic = bool(ARABIC_SCRIPT.search(name))
    phrase = f"ريف {name.strip()}" if arabic else f"Rural {name.strip()}"
    whole = fold.loose(phrase)
    for e in gazetteer.lookup(phrase)[:8]:
        if (country and e.country != country) or not _spelled_exactly(gazetteer, e, whole):
            continue
        if e.kind == "region":
            return e
        if e.kind == "county" and e.admin1:
            regions = [r for r in gazetteer.lookup(e.admin1) if r.kind == "region" and r.country == e.country]
            if regions:
                return regions[0]
    return None


def admin_by_phrase(gazetteer: Gazetteer, mention: PlaceMention) -> list[GazetteerEntry]:
    """The admin areas an Arabic mention's phrase names exactly, admin word and all ("قضاء الحويجة", "ناحية
    الكسرة"), when the text calls it an admin area: the layers may know one only so."""
    phrase = mention.phrase
    if mention.kind_hint not in ("district", "province") or not phrase or phrase == mention.text or not (
        _ARABIC_ADMIN_WORD.match(phrase)
    ):
        return []
    whole = fold.loose(phrase)
    return [e for e in gazetteer.lookup(phrase)[:10]
            if e.kind in ("county", "region") and _spelled_exactly(gazetteer, e, whole)]


def _spelled_exactly(gazetteer: Gazetteer, e: GazetteerEntry, target: str) -> bool:
    """Whether ``target`` (folded loosely) is one of the entry's names, its Arabic ones included."""
    info = gazetteer.info(e)
    return target in info.names_for(target, info.loose41)


#: a city this large named before "neighbourhoods" or "suburb" is the city whose parts they are
_CITY_OF_NEIGHBOURHOODS = 100_000


_QUARTER_PREFIX = re.compile(r"^(?:Hay|Hai|Hayy|Hayyi|Haiy)[\s\-]+\S", re.I)


#: beyond this distance ("450 km north of Bangui") an anchor's point says too little of where the event was
_FAR_KM = 60.0

#: how far from a large city's centre a quarter the text names in it may lie
_QUARTER_KM = 12.0


def _quarter_city(
    gazetteer: Gazetteer, mention: PlaceMention, context: ResolveContext, hint: str, neighbourhood: bool
) -> Place | None:
    """The city a quarter the gazetteer lacks lies in: named with a neighbourhood, or with a "district" in English
    when the city is large ("the Yarmouk district of Mosul" is Mosul, not the district around it)."""
    if neighbourhood:
        return _city_named_with(gazetteer, mention, context)
    if hint == "district" and mention.within and not ARABIC_SCRIPT.search(mention.text):
        return _city_named_with(gazetteer, mention, context, min_population=_CITY_OF_NEIGHBOURHOODS)
    if hint == "district" and not ARABIC_SCRIPT.search(mention.text):
        # "in Mogadishu Wadajir district": a large city's name opening the name of a district the gazetteer lacks
        city = _city_in_name(gazetteer, mention.text, context)
        if city is not None:
            return _place_from(city, mention, precision=PlacePrecision.SETTLEMENT, confidence=0.6,
                               reasons=[f"district '{mention.text}' not in the gazetteer; a quarter of {city.name}"])
    return None


def _city_named_with(
    gazetteer: Gazetteer, mention: PlaceMention, context: ResolveContext, *, min_population: int = 0
) -> Place | None:
    """The city a neighbourhood is named in ("the al-Jadida neighbourhood of Mosul"), precision settlement.

    A container the text names as a province or district is skipped; where only large cities count
    (``min_population``), as a province only: "the Sukkari district of Aleppo" calls Aleppo a district by the
    quarter's word, "the Ozalp district of the province of Van" names a province."""
    kinds = ("province",) if min_population else ("province", "district")
    areas = {m.text for m in context.mentions if m.kind_hint in kinds}
    for raw in mention.within:
        if raw in areas or gazetteer.country_code(raw):
            continue
        cities = [e for e in gazetteer.lookup(raw) if e.kind == "locality" and e.population >= min_population]
        target = fold.loose(raw)
        if context.country:
            home = [e for e in cities if e.country == context.country]
            cities = home or [e for e in cities if _spelled_exactly(gazetteer, e, target)]
        else:  # with no country to go by, only a city spelled as named: "Orangi" is no Orange in California
            cities = [e for e in cities if _spelled_exactly(gazetteer, e, target)]
        if cities:
            city = max(cities, key=lambda e: e.population)
            return _place_from(city, mention, precision=PlacePrecision.SETTLEMENT, confidence=0.6,
                               reasons=[f"neighbourhood '{mention.text}' not in the gazetteer; its city {city.name}"])
    return None


def _city_in_name(gazetteer: Gazetteer, name: str, context: ResolveContext) -> GazetteerEntry | None:
    """A large city whose name begins or ends a quarter's unknown name: "the Mosul al-Jadida neighbourhood",
    "New Baghdad", "حي الموصل الجديدة" lie in Mosul and Baghdad.

    Only a city of :data:`_CITY_OF_NEIGHBOURHOODS` people or more, spelled exactly as the part, in the document's
    country (anywhere when it names none): a small town's name inside a quarter's name is too often chance."""
    words = name.split()
    parts = [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    parts += [" ".join(words[n:]) for n in range(1, len(words))]
    for part in parts:
        target = fold.loose(part)
        if len(target) < 4 or gazetteer.country_code(part):
            continue
        cities = [e for e in gazetteer.lookup(part)[:20]
                  if e.kind == "locality" and e.population >= _CITY_OF_NEIGHBOURHOODS
                  and (not context.country or e.country == context.country) and _spelled_exactly(gazetteer, e, target)]
        if cities:
            return max(cities, key=lambda e: e.population)
    return None


#: "al-Balad" (the town) after a city's name: its old town, a quarter ("Daraa al-Balad", "درعا البلد")
#: a town at least this large has an old town called after it ("Daraa al-Balad"); a village's name is chance
_OLD_TOWN_POPULATION = 10_000
_OLD_TOWN = re.compile(r"^(?P<city>.+?)[\s\u00a0]+(?:al|el|ال)?[\s\u00a0\-]?(?:balad|بلد)$", re.IGNORECASE)


def _old_town(gazetteer: Gazetteer, mention: PlaceMention, context: ResolveContext) -> Place | None:
    """The city whose old town a name the gazetteer lacks calls "X al-Balad" ("Daraa al-Balad" is Daraa's old
    quarter), precision settlement; only a town spelled as named, in the document's country."""
    m = _OLD_TOWN.match(mention.text.strip())
    if m is None:
        return None
    part = m.group("city")
    target = fold.loose(part)
    cities = [e for e in gazetteer.lookup(part)[:20]
              if e.kind == "locality" and e.population >= _OLD_TOWN_POPULATION
              and (not context.country or e.country == context.country) and _spelled_exactly(gazetteer, e, target)]
    if not cities:
        return None
    city = max(cities, key=lambda e: e.population)
    return _place_from(city, mention, precision=PlacePrecision.SETTLEMENT, confidence=0.6,
                       reasons=[f"'{mention.text}' is the old town (al-Balad) of {city.name}"])


#: feature words after a town's name that name a place in that town ("the Manbij market"), not a quarter of its name
_TOWN_FACILITIES = frozenset({"market", "square", "roundabout", "سوق"})
#: feature words after a name that call it an area, a town's or a district's as much as a quarter's
_AREA_WORDS = frozenset({"area", "منطقة", "منطقه"})
#: how sure a bare name's reading as a town must be to stand for a facility named by it in another spelling
_SURE_TOWN = 0.7


def _sure_bare_reading(
    gazetteer: Gazetteer, mention: PlaceMention, context: ResolveContext, precisions: tuple[PlacePrecision, ...],
    *, town_confidence: float | None = None,
) -> Place | None:
    """The name read without its feature word, when that reading is a gazetteer place of one of ``precisions`` and
    sure (:data:`_SURE_TOWN`): "Maarat al-Numan market", "Barkin Ladi area" stand for the town. ``town_confidence``:
    a lower bar for a town of :data:`_AREA_TOWN_POPULATION` people or more ("the Qusayr area": the town of 41,000,
    not the hamlet of the bare spelling)."""
    bare = _resolve(replace(mention, kind_hint=None, phrase=None), gazetteer=gazetteer, context=context)
    if bare.precision not in precisions or bare.gazetteer_id is None:
        return None
    confidence = bare.confidence or 0.0
    if confidence >= _SURE_TOWN:
        return bare
    if town_confidence is not None and confidence >= town_confidence and bare.precision is PlacePrecision.SETTLEMENT:
        entry = gazetteer.get(bare.gazetteer_id)
        if entry is not None and entry.population >= _AREA_TOWN_POPULATION:
            return bare
    return None


#: how many people a town has whose name before "area" reads as the town at a lower confidence than a sure one
_AREA_TOWN_POPULATION = 20_000
#: that lower confidence
_AREA_TOWN_CONFIDENCE = 0.5


def _place_in_city(gazetteer: Gazetteer, mention: PlaceMention, city: Place) -> Place | None:
    """A quarter the gazetteer keeps as a town of its own, inside the city the text names it in: "the Mezzeh
    neighbourhood of Damascus" is GeoNames' Mezze, 4 km from the centre (a village of the name farther out is not)."""
    if city.lat is None or city.lon is None:
        return None
    target = fold.loose(mention.text)
    near: list[tuple[float, float, GazetteerEntry]] = []
    for e in gazetteer.lookup(mention.text)[:20]:
        if e.kind != "locality" or e.country != city.country or e.id == city.gazetteer_id:
            continue
        spelling = gazetteer.info(e).spelling13(target)
        km = distance_km(e.lat, e.lon, city.lat, city.lon)
        if spelling <= _QUARTER_SPELLING and km <= _QUARTER_KM:
            near.append((spelling, km, e))
    if not near:
        return None
    _, km, e = min(near, key=lambda x: (round(x[0], 2), x[1]))
    return _place_from(e, mention, precision=PlacePrecision.NEIGHBOURHOOD, confidence=0.6,
                       reasons=[f"a place of the name {km:.0f} km from the centre of {city.name}, the city named "
                                "with the neighbourhood"])


#: how far from a name a quarter kept as a town may be spelled (the lookup's 0-1 distance)
_QUARTER_SPELLING = 0.2


def _neighbourhood_fallback(
    gazetteer: Gazetteer, mention: PlaceMention, within: _Areas, context: ResolveContext
) -> Place:
    """A neighbourhood the gazetteer lacks, inside a city the text names: the city, precision settlement.

    Not a country ("the Kwak area in Sudan") nor a province the text names as one ("Babylon Province"),
    and a city abroad only when spelled exactly as named: "Sudan" is no spelling of Sedan in France.
    """
    # "in two northern Baghdad neighbourhoods", "a Baghdad suburb", "the north Baghdad neighbourhood of Kadhimiyah":
    # the name is a large city's own, the feature word its parts (before any container named after it, which is
    # then the quarter's own name)
    target = fold.loose(mention.text)
    big = [e for e in gazetteer.lookup(mention.text)[:20]
           if e.kind == "locality" and e.population >= _CITY_OF_NEIGHBOURHOODS
           and (not context.country or e.country == context.country) and _spelled_exactly(gazetteer, e, target)]
    if big:
        city = max(big, key=lambda e: e.population)
        return _place_from(city, mention, precision=PlacePrecision.SETTLEMENT, confidence=0.7,
                           reasons=[f"neighbourhoods of the city {city.name}"])
    in_city = _city_named_with(gazetteer, mention, context)
    if in_city is not None:
        return _place_in_city(gazetteer, mention, in_city) or in_city
    in_name = _city_in_name(gazetteer, mention.text, context)
    if in_name is not None:
        return _place_from(in_name, mention, precision=PlacePrecision.SETTLEMENT, confidence=0.6,
                           reasons=[f"neighbourhood '{mention.text}' not in the gazetteer; "
                                    f"named after its city {in_name.name}"])
    old_town = _old_town(gazetteer, mention, context)
    if old_town is not None:
        return old_town  # "حي درعا البلد": the old town of Daraa
    feature = _feature_word(mention)
    if feature in _TOWN_FACILITIES:
        # "the al-Bukamal market", "the Manbij roundabout": a town's own market or square, named by the town
        near = [e for e in gazetteer.lookup(mention.text)[:20]
                if e.kind == "locality" and (not context.country or e.country == context.country)]
        towns = [e for e in near if _spelled_exactly(gazetteer, e, target)]
        if not towns and near:
            # "Maarat al-Numan market": the town spelled another way, when the name alone reads surely as a town
            bare = _sure_bare_reading(gazetteer, mention, context, (PlacePrecision.SETTLEMENT,))
            if bare is not None and any(e.id == bare.gazetteer_id for e in near):
                return replace(bare, reasons=(*bare.reasons, f"the {feature} of {bare.name}"))
        if towns:
            town = max(towns, key=effective_population)
            return _place_from(town, mention, precision=PlacePrecision.SETTLEMENT, confidence=0.6,
                               reasons=[f"the {feature} of {town.name}"])
    if feature in _AREA_WORDS:
        # "Plateau State's Barkin Ladi area", "the Tal Abyad area": no quarter but the town or district of the name,
        # when the name alone reads surely as one in the document's country
        bare = _sure_bare_reading(gazetteer, mention, context, (PlacePrecision.SETTLEMENT, PlacePrecision.DISTRICT),
                                  town_confidence=_AREA_TOWN_CONFIDENCE)
        if bare is not None and (not context.country or bare.country == context.country):
            return replace(bare, reasons=(*bare.reasons, f"the area of {bare.name}"))
    # the document's city, unless the text names another place as what holds the quarter ("the Jabal Qarrah Jokh
    # area in al-Malikiyah countryside" lies in that district, not in Aleppo named elsewhere in the report)
    for known in context.places:
        if mention.within and known.mention not in mention.within:
            continue
        if known.precision == PlacePrecision.SETTLEMENT and known.gazetteer_id:
            known_city = gazetteer.get(known.gazetteer_id)
            if known_city is not None and known_city.kind == "locality":
                return _place_from(known_city, mention, precision=PlacePrecision.SETTLEMENT, confidence=0.4,
                                   reasons=[f"neighbourhood '{mention.text}' not in the gazetteer; "
                                            f"the document's city {known_city.name}"])
    return _enclosing(gazetteer, mention, within, context, f"neighbourhood '{mention.text}' not in the gazetteer")
