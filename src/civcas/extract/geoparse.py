"""Where a document's claims happened: its place mentions resolved with the document as context.

Extraction finds mentions sentence by sentence (``extract/places.py``); this module resolves them
all at once against the gazetteer, because each tells something about the others: the document's
country (voted by country names and by where its places resolve, not by the demonyms of forces),
two names of one place in parentheses, places resolved without doubt that anchor the doubtful ones,
and, for a place the gazetteer lacks, the nearest place the text names that it knows. Pure: the
text, the statements' mentions and the read-only gazetteer in, places out.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from civcas.extract import events as ev_mod
from civcas.extract.arabic_text import fold_phrase
from civcas.extract.places import government_speaking
from civcas.extract.statements import Unit
from civcas.extract.text import Sentence, alternation, ascii_lower, fold
from civcas.gazetteer import fold as gfold
from civcas.gazetteer.core import ARABIC_SCRIPT, Spotted
from civcas.records import Place, PlaceMention, PlacePrecision, Span


def spot(gz: Any, s: Sentence) -> list[Any]:
    """The gazetteer's names in one sentence, with offsets into the document."""
    at = s.start
    # a Spotted made anew rather than by dataclasses.replace (four times the cost, ~13,000 spots a pass)
    return [x if not at else
            (Spotted(x.start + at, x.end + at, x.text, x.key, x.candidates) if type(x) is Spotted
             else replace(x, start=x.start + at, end=x.end + at))
            for x in gz.spot(s.text)]


def resolve_places(
    text: str, units: list[Unit], gz: Any, sentences: list[Sentence] = (),  # type: ignore[assignment]
    *, background: Sequence[Any] = (), outlet: str | None = None,
) -> tuple[dict[tuple[int, int], Place], str | None]:
    """Resolve every place mention of the document, with the document's country as context.

    The country is voted by country names and by where the places resolve, not by demonyms that
    qualify a force ("Turkish forces" do not put a Syrian village in Turkey); when the places
    disagree with the first guess, they are resolved again under the country they point to. An admin
    unit only one country has ("local government area") and a large city named by its own name vote
    as a country's name does; a place matched only loosely ("Akobo" read as "Bauchi") votes less.
    """
    mentions: dict[tuple[int, int], PlaceMention] = {}
    for u in units:
        for m in u.places:
            mentions[(m.span.start, m.span.end)] = m
    if gz is None:
        return {
            k: Place(name=m.text, mention=m.text, span=m.span, relation=m.relation,
                     precision=PlacePrecision.UNRESOLVED, reasons=("no gazetteer loaded",), phrase=m.phrase)
            for k, m in mentions.items()
        }, None
    for k, m in list(mentions.items()):
        if m.kind_hint == "city" and text.startswith(" City", m.span.end):
            # "Guatemala City", "Benin City": a town the gazetteer knows by its name with "City" is named so whole
            full = text[m.span.start : m.span.end + 5]
            if any(e.kind == "locality" for e in gz.lookup(full)[:5]):
                mentions[k] = replace(m, text=full, span=Span.of(text, m.span.start, m.span.end + 5))
    votes: Counter[str] = Counter()
    # Country words inside a force's name ("الاحتلال التركي", "Turkish-backed factions") say whose forces, not where.
    forces = [(u.sent.start + a.start, u.sent.start + a.end) for u in units for a in u.actors]
    named = gz.countries_in(text)
    # "Democratic Forces for the Liberation of Rwanda", "Qatar Hospital", "Lake Chad": a country's name inside
    # another name says nothing about where.
    in_names = [(start, end, iso) for start, end, iso in named
                if _inside_name(text, start, end) and not _country_city(gz, text, start, end)]
    named = [n for n in named if n not in in_names]
    # ... and no place at all: it neither votes nor stands for a claim's place
    mentions = {k: m for k, m in mentions.items()
                if not any(s <= m.span.start and m.span.end <= e for s, e, _ in in_names)}
    pat = _country_patterns()
    # "Russia's defence ministry denied ...": whose ministry, not where (the name still votes, as a force's does)
    mentions = {k: m for k, m in mentions.items()
                if not (any(s == m.span.start for s, _, _ in named)
                        and (pat.state_institution_after.match(text[m.span.end : m.span.end + 50])
                             or pat.group_after.match(text[m.span.end : m.span.end + 50])))}
    # "15 soldiers of the Damascus Government", "the Kabul government": a seat of government before its government
    # names the state, no place
    seats = _seat_names()
    mentions = {k: m for k, m in mentions.items() if not (
        fold(m.text) in seats and pat.seat_government_after.match(text[m.span.end : m.span.end + 20]))}
    # "a South Sudan militia backed by Khartoum": a seat of government backing a party is its state, no place
    mentions = {k: m for k, m in mentions.items() if not (
        fold(m.text) in seats and pat.seat_backer_before.search(text[max(0, m.span.start - 30) : m.span.start]))}
    # "blaming the UAE": the state accused of the strike is no place of it (it still votes, as a force's name does)
    blamed = {(s, e) for s, e, _ in named
              if pat.blamed_before.search(text[max(0, s - 40) : s]) or _strikes(pat, text, s, e)}
    mentions = {k: m for k, m in mentions.items() if not any(s == m.span.start for s, _ in blamed)}
    # "حسبنا الله على إيران": the states a post curses are neither places nor where (as a blamed state, a last resort)
    curse = _arabic_curse()
    cursed = {(s, e) for s, e, _ in named if curse is not None and "\u0600" <= text[s : s + 1] <= "\u06ff"
              and curse.search(text, max(0, s - 60), s)}
    mentions = {k: m for k, m in mentions.items() if not any(s == m.span.start for s, _ in cursed)}
    # "ونفت روسيا مسؤوليتها", "واتهمت الإدارة الذاتية تركيا": a state that speaks (its verb before it), or that a
    # speaker accuses, is no place of the strike
    spoken = {(s, e) for s, e, _ in named if _arabic_speaking(text, s)}
    accused = {(s, e) for s, e, _ in named if _arabic_accused(text, s)}
    mentions = {k: m for k, m in mentions.items() if not any(s == m.span.start for s, _ in spoken | accused)}
    # "the ceasefire signed by Russia and Turkey", "a truce brokered by Moscow and Ankara": the parties to an
    # agreement (a country, or a seat of government for its state) are neither places nor votes for where
    parties = {(s, e) for s, e, _ in named if pat.party_before.search(text[max(0, s - 40) : s])}
    named = [n for n in named if (n[0], n[1]) not in parties]
    mentions = {k: m for k, m in mentions.items()
                if not any(s == m.span.start for s, _ in parties)
                and not (fold(m.text) in seats
                         and pat.party_before.search(text[max(0, m.span.start - 40) : m.span.start]))}
    # "in Ngala, near the border with Cameroon": the country across a border is no place of the event, nor context
    # for the place named with it, when the text names another place
    border = {(s, e) for s, e, _ in named
              if pat.border_side.search(text[max(0, s - 60) : s]) or pat.border_after.match(text, e)}
    if any((m.span.start, m.span.end) not in border for m in mentions.values()):
        mentions = {k: m for k, m in mentions.items() if (m.span.start, m.span.end) not in border}
    # A mention cut out of a country's name ("Democratic Republic" of "Democratic Republic of Congo") is that country.
    country_spans = list(named)
    weights: dict[str, float] = {}
    name_weights: dict[str, list[float]] = {}
    force_votes: dict[str, float] = {}
    origins = {m.span.start for m in mentions.values() if m.relation == "origin"}
    forces_abroad = _forces_abroad(gz, units)
    for start, end, iso in named:
        after = text[end : end + 30]
        if start in origins:
            # "civilians crossing into Turkey", "fled from Syria": where people came from or were heading, as a
            # last resort only
            force_votes[iso] = force_votes.get(iso, 0.0) + 0.5
            continue
        if pat.border_side.search(text[max(0, start - 60) : start]) or pat.border_after.match(text, end):
            continue  # "near the border with Laos": one side of a border, and the event is often on the other
        if pat.abroad_after.match(after) or _after_arabic_force(text, start, abroad=True):
            # "a Turkish drone", "Israeli airstrikes", "القصف التركي", "the Turkish occupation": strikes from afar
            # and occupation happen outside the attacker's country; not even a last resort for where
            continue
        if (start, end) in blamed or (start, end) in cursed or (start, end) in accused:
            force_votes[iso] = force_votes.get(iso, 0.0) + 0.5
            # "the GNA said, blaming the UAE": whose strike the speaker says it was, not where; "لعائن الله على
            # روسيا وإيران": the states a post curses
            continue
        if pat.group_after.match(after):
            # "Lebanon's Hezbollah confirmed the deaths": the group's country, not where its men were struck
            force_votes[iso] = force_votes.get(iso, 0.0) + 0.5
            continue
        if pat.state_forces_after.match(after):
            # "Turkey's defence ministry said it had struck ...": a state's armed forces speak of strikes wherever
            # they fight, as "Turkish forces" do; its ministry of health or its officials speak of home
            force_votes[iso] = force_votes.get(iso, 0.0) + 1.0
            continue
        if pat.force_after.match(after) or pat.whose_after.match(after):
            # as a last resort the country of the officials who speak ("Yemeni security officials said") says
            # more than the country leading the strikes ("Saudi-led airstrikes")
            force_votes[iso] = force_votes.get(iso, 0.0) + (1.0 if pat.institution_after.match(after) else 0.5)
            continue  # "Turkish forces", "Russian jets": whose forces, not where
        if any(s <= start < e for s, e in forces):
            force_votes[iso] = force_votes.get(iso, 0.0) + 0.5
            continue
        if _after_arabic_force(text, start):
            # an Arabic people's adjective after a force or a strike ("الاحتلال الخارجي #الروسي"): whose, not where
            force_votes[iso] = force_votes.get(iso, 0.0) + 0.5
            continue
        if iso in forces_abroad and not (pat.locative_before.search(text[max(0, start - 60) : start])
                                         or _AR_LOCATIVE_BEFORE.search(text, max(0, start - 8), start)):
            # "curses on Russia and Iran" under "Russian jets struck Ariha": the state of a force that fights only
            # abroad is named as the striker's, not as where (unless "in Russia")
            force_votes[iso] = force_votes.get(iso, 0.0) + 0.5
            continue
        if government_speaking(text, start, end) or (start, end) in spoken:
            # "..., Turkey said", "Russia denied ...": a government speaking, whose forces maybe, not where
            force_votes[iso] = force_votes.get(iso, 0.0) + 0.5
            continue
        votes[iso] += 1
        name_weights.setdefault(iso, []).append(_country_weight(gz, text, start, end, iso))
    for iso, ws in name_weights.items():
        # a country's strongest few mentions: a page's menus and related-story lists repeat a country's name
        # dozens of times ("روسيا" on every line of RT's furniture) and must not outvote the story's own places
        weights[iso] = sum(sorted(ws, reverse=True)[:_NAME_VOTES])
    admin_countries = _admin_word_countries(text)
    for iso in admin_countries:
        # "Barkin Ladi Local Government Area": only Nigeria has such units
        weights[iso] = weights.get(iso, 0.0) + _ADMIN_WORD_WEIGHT
        votes[iso] += 1
    grouped = _group_countries(text)
    for iso in grouped:
        # "Boko Haram fighters": as weak as a demonym, enough when nothing else places the story
        weights[iso] = weights.get(iso, 0.0) + _GROUP_WEIGHT
        votes[iso] += 1
    for iso in _alias_votes(mentions, forces):
        # "Iranian drones struck Koya", "near Sulaimani": a town's documented other name (the aliases file) puts the
        # story in that town's country as weakly as a one-country group, so that hamlets abroad spelled so (Sulaimani
        # of Afghanistan, Kōya of Japan) do not set the country and keep the town from its name
        weights[iso] = weights.get(iso, 0.0) + _GROUP_WEIGHT
        votes[iso] += 1
    home_votes = _home_votes(units)
    home = [iso for iso in home_votes if iso not in grouped]
    if len(home) > 1:
        # a force that fights in several countries (Russia: Syria and Ukraine) strikes in whichever of them the text's
        # places lie: the countries holding a place of a mention's name, when some but not all do ("Chasiv Yar" is
        # only Ukrainian); all of them otherwise
        holding = _countries_holding(gz, mentions, home)
        home = [iso for iso in home if iso in holding] or home
    for iso in home if set(weights) <= set(home) else ():
        # "regime forces shelled Ariha": a force that fights in one country only puts its strikes there as weakly as
        # a one-country group, so a namesake abroad (Jericho) does not take the town; not when the text names another
        # country ("Somali government security forces" are no Syrian regime, whatever the lexicon's generic name)
        weights[iso] = weights.get(iso, 0.0) + _GROUP_WEIGHT
        votes[iso] += 1
    for iso, w in _prominent_votes(gz, mentions, forces).items():
        weights[iso] = weights.get(iso, 0.0) + w
        votes[iso] += 1
    if not weights and background:
        # nothing else names the country: a town the text names elsewhere after its feature word, spelled so in one
        # country only ("اسماء شهداء ... أريحا" over "٥- سلام العاهي من مدينة معرة النعمان" is Ariha of Idlib, not
        # Jericho), as weakly as a one-country group
        for iso in _background_countries(gz, text, background):
            weights[iso] = weights.get(iso, 0.0) + _GROUP_WEIGHT
            votes[iso] += 1
    if not weights and outlet:
        # nothing else names the country: the one an outlet is named after ("Syria Civil Defense", "Iraqi News"), as
        # weakly as a one-country group ("مدينة أريحا" in its post is Ariha of Idlib, not Jericho)
        for iso in sorted({iso for _, _, iso in gz.countries_in(outlet)}):
            weights[iso] = weights.get(iso, 0.0) + _GROUP_WEIGHT
            votes[iso] += 1
    country = max(weights, key=lambda k: weights[k]) if weights else None
    located = _located_from(text, mentions)
    out, used = _resolve_all(mentions, gz, country, tuple(votes), country_spans, in_names, located)
    where: dict[str, float] = {}
    weight_of: dict[tuple[str, str | None], float] = {}
    for k, p in out.items():
        if not p.country:
            continue
        if p.precision in (PlacePrecision.SETTLEMENT, PlacePrecision.NEIGHBOURHOOD, PlacePrecision.NEAR):
            w = 1.0
        elif p.precision in (PlacePrecision.DISTRICT, PlacePrecision.GOVERNORATE):
            # an admin area's name is rarer than a village's: "Rokoro locality, Central Darfur" is in Sudan
            # even when a namesake hamlet of Rokoro lies elsewhere; named with its feature word ("Borno state",
            # "Mafa local government area") it is rarer still
            w = 3.0 if _names_admin(mentions[k]) else 1.5
        else:
            continue
        if ev_mod.located_by_context(p) and _container_resolved(mentions[k], mentions, out, gz):
            continue  # located by another place the text names ("near Mansoura"), which votes itself
        if not _spelled_as_named(gz, p, mentions[k]):
            # a loose match ("Akobo" read as "Bauchi") is weak evidence of where the story is
            w *= 0.4
        # a tie-breaker only: of two places that vote alike, the larger town ("Tikrit" over a hamlet "Hajaj")
        w += _size_bonus(gz, p)
        # each place once, however often it is named ("the Salamat ... Salamat members ... the Salamat")
        key = _vote_key(p)
        weight_of[key] = max(weight_of.get(key, 0.0), w)
    for k, (iso, w) in _exact_readings(
        gz, mentions, out, country_spans, in_names, admin_countries
    ).items():
        # a place matched only loosely in the guessed country, or not placed at all, whose name is spelled
        # exactly as a place elsewhere: that reading votes instead ("north of the town of Qayyara" in Iraq,
        # not a Yemeni village read loosely as "Al-Hudd")
        if out[k].name != out[k].mention:
            weight_of.pop(_vote_key(out[k]), None)
        weight_of[(iso, f"exact:{fold(mentions[k].text)}")] = w
    for (iso, _), w in weight_of.items():
        where[iso] = where.get(iso, 0.0) + w
    for iso, n in weights.items():
        where[iso] = where.get(iso, 0.0) + n
    if not where:
        # Nothing names or places the event: the forces' country is the last resort ("Pakistani police said"),
        # and after it the one country a force fights in ("the SDF carried out an airdrop on Jadeed Akidat").
        # ("The raid killed the ISIS leader, US officials said": a state whose forces strike only abroad is never where)
        where = {iso: w for iso, w in force_votes.items()
                 if iso not in forces_abroad and iso not in _abroad_only_states(gz)} or home_votes
    best = max(where, key=lambda k: where[k]) if where else None
    if best is None and any(p.precision is PlacePrecision.UNRESOLVED and ARABIC_SCRIPT.search(mentions[k].text)
                            for k, p in out.items() if k in mentions):
        # nothing names or places the country, and an Arabic name the gazetteer does not spell as written
        # ("كنصفرة" for the layers' "كنسفرة"): the one country whose layer knows the page's names in their local
        # spellings, when only one does
        layer = _layer_country(gz, mentions, votes, country_spans, in_names, located)
        if layer is not None:
            best, (out, used) = layer[0], layer[1]  # resolved under it already
    if best is not None and best != used:
        # resolved again only when the places point elsewhere than the country the first pass worked in
        # (named in the text, or voted by the candidates when the text names none)
        out, used = _resolve_all(mentions, gz, best, tuple(votes), country_spans, in_names, located)
    if best is not None:
        country = best
    # a dateline names a bureau's city in full ("ERBIL (Kurdistan 24) –"): read loosely it is some village elsewhere
    out = {k: p for k, p in out.items()
           if mentions[k].relation != "dateline" or p.gazetteer_id is None or _dateline_spelled(gz, p, mentions[k])}
    out = {k: replace(p, phrase=mentions[k].phrase) if k in mentions and mentions[k].phrase else p
           for k, p in out.items()}
    return _aliases(text, out, gz), country


def _layer_country(
    gz: Any, mentions: dict[tuple[int, int], PlaceMention], votes: Counter[str],
    country_spans: list[tuple[int, int, str]], in_names: list[tuple[int, int, str]],
    located: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
) -> tuple[str, tuple[dict[tuple[int, int], Place], str | None]] | None:
    """The one country of the loaded layers under which the document's places resolve, when exactly one does, with
    the places resolved under it (``_resolve_all``'s answer)."""
    placed: dict[str, tuple[dict[tuple[int, int], Place], str | None]] = {}
    for iso in gz.loaded_countries():
        got = _resolve_all(mentions, gz, iso, tuple(votes), country_spans, in_names, located)
        if any(p.country == iso and p.precision not in (
            PlacePrecision.UNRESOLVED, PlacePrecision.COUNTRY, PlacePrecision.REGION) for p in got[0].values()):
            placed[iso] = got
    return next(iter(placed.items())) if len(placed) == 1 else None


def _vote_key(p: Place) -> tuple[str, str | None]:
    """One vote per place, however often the text names it."""
    return (p.country or "", p.gazetteer_id or p.name)


#: An exact reading abroad votes only as a sizeable town, an admin area, the kind the text names, or inside the
#: area named with it; a hamlet that merely shares the name does not.
_EXACT_READING_POPULATION = 20_000
#: a town this large is not what a text calls a village
_CITY_NOT_VILLAGE = 100_000


def _exact_readings(
    gz: Any,
    mentions: dict[tuple[int, int], PlaceMention],
    out: dict[tuple[int, int], Place],
    country_spans: Sequence[tuple[int, int, str]],
    in_names: Sequence[tuple[int, int, str]],
    admin_countries: Sequence[str] = (),
) -> dict[tuple[int, int], tuple[str, float]]:
    """Mentions the first pass matched loosely or not at all, whose exact spelling points to one other country.

    The first guess at the document's country can come from a demonym ("an Afghan militiaman", "the Russian
    airliner") or from loose matches; resolved under it, a name the gazetteer spells exactly elsewhere is pulled
    to a look-alike there ("Sinai" read as a Russian "Synya") or rejected as abroad ("the town of Qayyara"), and so
    never votes for where it is. Its exact reading votes as a resolved place would, when all the plausible places
    spelled that way lie in one country.
    """
    if not hasattr(gz, "lookup") or not hasattr(gz, "info"):
        return {}
    found: dict[tuple[int, int], tuple[str, float]] = {}
    # the names the text places another place in ("Mir Ali, North Waziristan"): an admin area of the name is plausible
    containers = {fold(w) for m in mentions.values() for w in m.within}
    for k, p in out.items():
        m = mentions[k]
        if m.relation == "origin" or m.kind_hint == "capital":
            continue
        if any(s <= m.span.start and m.span.end <= e for s, e, _ in (*country_spans, *in_names)):
            continue
        # its own match, not an area standing in for it ("placed in the county named with it" keeps the mention)
        # (a neighbourhood placed in the city named with it is no loose match: "Al-Yarmouk neighbourhood in Baghdad")
        loose = (p.gazetteer_id is not None and p.name != p.mention and p.precision is not PlacePrecision.COUNTRY
                 and not _spelled_as_named(gz, p, m) and not ev_mod.located_by_context(p))
        if not (loose or fallback(p, gz)) or not _one_script(m.text):
            continue
        # a loose match in the guessed country yields only to a well-known place: transliterations vary
        # ("Mahmoudiya" is as much the Iraqi "Mahmudiyah" as a Lebanese hamlet spelled "Mahmoudiye")
        reading = _exact_reading(gz, m, strong_only=loose, container=fold(m.text) in containers)
        # an admin area in a document that names one country's kind of unit is of that kind: "Riverside Local
        # Government Area" is Nigerian, whatever Riverside County abroad
        own_kind = admin_countries if _names_admin(m) else []
        if reading is not None and reading[0] != p.country and (not own_kind or reading[0] in own_kind):
            found[k] = reading
    return found


def _exact_reading(
    gz: Any, m: PlaceMention, *, strong_only: bool = False, container: bool = False
) -> tuple[str, float] | None:
    """The one country of the plausible places spelled exactly as the mention, and the vote such a place has.

    ``container``: the text places another place in this one ("a compound in Mir Ali, North Waziristan"), so an admin
    area of the name is as plausible as a town."""
    name = gfold.base_name(m.text)
    target = gfold.loose(name)
    if len(target.replace(" ", "")) < 4:
        return None
    memo = hasattr(gz, "memo_get") and hasattr(gz, "memo_put")
    exact = gz.memo_get("exact_spelled", name) if memo else None
    if exact is None:
        # the places spelled exactly so depend on the name alone: remembered across documents
        plain = _plain(target)
        arabic = ARABIC_SCRIPT.search(target) is not None
        exact = []
        for e in gz.lookup(name)[:60]:
            if not e.country or e.kind not in ("locality", "county", "region"):
                continue
            info = gz.info(e)
            # one of its names spelled so, or so without article, spaces and final -h (each name's plain form
            # compared in turn: most candidates match by their first names, and no set of all is built)
            if info.spelled(target, arabic) or plain in map(_plain, info.loose41):
                exact.append(e)
        if memo:
            gz.memo_put("exact_spelled", name, exact)
    admin_named = _names_admin(m)
    hinted = {"village": "locality", "town": "locality", "city": "locality", "district": "county",
              "province": "region"}.get(m.kind_hint or "")
    inside = {gfold.key(gfold.base_name(w)) for w in m.within}

    def plausible(e: Any) -> bool:
        if admin_named:
            return bool(e.kind in ("county", "region"))
        if hinted == "locality" and e.kind != "locality":
            return False  # "Gaza City" is no province of Mozambique
        if m.kind_hint == "village" and e.population >= _CITY_NOT_VILLAGE:
            return False  # "the village of al-Soussa" is no Sousse, a Tunisian city of 220,000
        if strong_only:
            return bool(e.kind == "region" or e.population >= _EXACT_READING_POPULATION)
        # a bare name is no district: small admin units of every name abound ("Jesus", a Paraguayan district); a
        # place's container may be one
        return bool(e.kind == "region" or e.population >= _EXACT_READING_POPULATION or e.kind == hinted
                    or (container and e.kind == "county")
                    or inside & {gfold.key(a) for a in (e.admin1, e.admin2) if a})

    kept = [e for e in exact if plausible(e)]
    countries = {e.country for e in kept}
    if len(countries) != 1:
        return None
    admin = all(e.kind in ("county", "region") for e in kept)
    return countries.pop(), (3.0 if admin_named else 1.5) if admin else 1.0


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|adh|ath)[\s\-]+")
_SPACES_HYPHENS = re.compile(r"[\s\-]+")


@functools.lru_cache(maxsize=100_000)  # asked for every name of every candidate of a name: names recur
def _plain(loose: str) -> str:
    """A loosely folded name without its article, spaces and a final -h: "al qayyarah" and "qayyara" are one."""
    # letters only (most names): no space or hyphen, so no article to cut and nothing to join
    s = loose if loose.isalpha() else _SPACES_HYPHENS.sub("", _ARTICLE.sub("", loose))
    return s[:-1] if s.endswith(("ah", "eh")) else s


_FRAMED = re.compile(r"(?:\b(?:city|town|village)\s+of|(?<![\u0621-\u064a])(?:مدينة|بلدة|قرية|مدينه|بلده|قريه))[\s#]*$")


def _background_countries(gz: Any, text: str, spotted: Sequence[Any]) -> set[str]:
    """The one country each name the text frames as a town ("من مدينة X", "the town of X") outside its statements
    is spelled exactly in (as a town or an admin area), for names spelled so in one country only."""
    out: set[str] = set()
    seen: set[str] = set()
    for x in spotted:
        if x.text in seen or not _FRAMED.search(text, max(0, x.start - 16), x.start):
            continue
        seen.add(x.text)
        target = gfold.loose(x.text.lstrip("#").replace("_", " "))
        arabic = ARABIC_SCRIPT.search(target) is not None
        countries = {e.country for e in list(x.candidates)[:40]
                     if e.country and e.kind in ("locality", "county", "region") and gz.info(e).spelled(target, arabic)}
        if len(countries) == 1:
            out |= countries
    return out


def _countries_holding(gz: Any, mentions: dict[tuple[int, int], PlaceMention], among: list[str]) -> set[str]:
    """Which of ``among`` hold the places the mentions name: those holding the most of them (their names' exact
    lookups, and the town the aliases file says a name is another name of: "Serekaniye" is Ras al-Ain of Syria, not
    Sari Kani of Iraq), then the most spelled as written ("Qayyarah": Iraq's town so spelled, not Syria's Qārah read
    loosely; but "Tal Tamr and Abu Rasin" are Syria's two towns, not Iraq's one Abu Rasin so spelled)."""
    from civcas.gazetteer.resolve import admin_by_phrase, alias_country, part_base

    held: Counter[str] = Counter()
    exact: Counter[str] = Counter()
    towns: Counter[str] = Counter()  # names of which a country has a town (not only hamlets)
    for m in mentions.values():
        if gz is None or not hasattr(gz, "lookup") or not hasattr(gz, "info"):
            break
        aliased = alias_country(m.text)
        if aliased in among:
            held[aliased] += 1
            exact[aliased] += 1
            continue
        # "West Mosul": the town a part is named after holds it
        name = part_base(m.text) or m.text
        core = gfold.core(name)
        here: set[str] = set()
        spelled: set[str] = set()
        # "قضاء الحويجة": a district the layers know only with its admin word, not the villages of its bare name
        by_phrase = admin_by_phrase(gz, m)
        if by_phrase:
            held.update({e.country for e in by_phrase if e.country in among})
            exact.update({e.country for e in by_phrase if e.country in among})
            continue
        big: set[str] = set()
        for e in gz.lookup(name)[:20]:
            if e.country in among:
                here.add(e.country)
                if e.country not in spelled and core and any(gfold.has_core(n, core) for n in gz.info(e).loose):
                    spelled.add(e.country)
                if e.kind == "locality" and e.population >= _HOLDING_TOWN_POPULATION:
                    big.add(e.country)
        held.update(here)
        exact.update(spelled)
        towns.update(big)
    if not held:
        return set()
    # then where a name is a town's rather than a hamlet's ("the Turkish defence ministry struck targets near
    # Sinjar": Iraq's town of 38,000, not Syria's hamlets so named)
    best = max((held[c], exact[c], towns[c]) for c in held)
    return {c for c in held if (held[c], exact[c], towns[c]) == best}


#: a place of a name this large makes its country the one holding the name, before countries with only hamlets of it
_HOLDING_TOWN_POPULATION = 10_000


#: an Arabic locative right before a country's name ("في روسيا", "بروسيا"); English ones are ``locative_before``
_AR_LOCATIVE_BEFORE = re.compile(r"(?:(?<!\w)(?:في|داخل)\s+|(?<!\w)ب)$")


def _forces_abroad(gz: Any, units: list[Unit]) -> set[str]:
    """The countries of the document's forces that fight only in other countries (``operates_in`` without their own:
    Russia's forces in Syria and Ukraine, the Saudi-led coalition in Yemen; ``abroad_only``: US, UK, French forces)."""
    from civcas.extract.actors import fights_in
    from civcas.extract.rules import load_rules

    rules = load_rules()
    abroad = _abroad_only_entries()
    out: set[str] = set()
    for u in units:
        # a force that speaks of its strike ("U.S. Central Command said") is as much the striker's as the attacker's
        speaking = _speaking_forces(u.claimant.name) if u.claimant is not None and u.claimant.name else ()
        for a in (*u.actors, *speaking):
            own = fights_in(a, rules)
            only_abroad = a.rule.rsplit("#", 1)[-1] in abroad
            iso = gz.country_of(a.canonical) if (own or only_abroad) and hasattr(gz, "country_of") else None
            if iso and iso not in own:
                out.add(iso)
    return out


@functools.cache
def _abroad_only_entries() -> frozenset[str]:
    """The ids of the belligerents file's entries that strike only abroad (``abroad_only``)."""
    from civcas.extract.rules import load_rules

    return frozenset(e.id for e in load_rules().belligerents.entries if e.abroad_only)


def _abroad_only_states(gz: Any) -> frozenset[str]:
    """The countries whose state forces strike only abroad (``abroad_only``: the US, the UK, France)."""
    from civcas.extract.rules import load_rules

    if not hasattr(gz, "country_of"):
        return frozenset()
    return frozenset(iso for e in load_rules().belligerents.entries if e.abroad_only
                     if (iso := gz.country_of(e.canonical)))


def _alias_votes(mentions: dict[tuple[int, int], PlaceMention], forces: Sequence[tuple[int, int]]) -> list[str]:
    """The countries of the towns the aliases file says the mentions' names are other names of, one each."""
    from civcas.gazetteer.resolve import alias_country

    out: set[str] = set()
    for (start, end), m in mentions.items():
        if m.relation in ("origin", "dateline") or any(s <= start and end <= e for s, e in forces):
            continue
        iso = alias_country(m.text)
        if iso:
            out.add(iso)
    return sorted(out)


def _home_votes(units: list[Unit]) -> dict[str, float]:
    """Votes for the countries the document's forces fight in only (``operates_in`` in the belligerents file)."""
    from civcas.extract.actors import fights_in
    from civcas.extract.rules import load_rules

    rules = load_rules()
    votes: dict[str, float] = {}
    for u in units:
        # a force that speaks of its strike ("U.S. Africa Command acknowledged ...") is no attacker of the
        # sentence's, but says where it fights as much
        speaking = _speaking_forces(u.claimant.name) if u.claimant is not None and u.claimant.name else ()
        for a in (*u.actors, *speaking):
            # "AFRICOM": the US's Africa Command strikes in Africa only, though the US fights everywhere
            for iso in fights_in(a, rules):
                votes[iso] = votes.get(iso, 0.0) + 1.0
    return votes


@functools.lru_cache(maxsize=4096)
def _speaking_forces(name: str) -> tuple[Any, ...]:
    """The forces a source's name names ("U.S. Africa Command", "the Russian defence ministry", "وزارة الدفاع
    الروسية": an Arabic name is read with the Arabic lexicon)."""
    from civcas.extract.actors import find_actors

    if ARABIC_SCRIPT.search(name):
        from civcas.extract.arabic_actors import find_actors as find_arabic
        from civcas.extract.arabic_figures import scan
        from civcas.extract.arabic_lexicon import arabic_lex
        from civcas.extract.arabic_text import fold as afold
        from civcas.extract.arabic_text import tokens
        from civcas.extract.rules import load_rules

        lex = arabic_lex(load_rules())
        folded = afold(name)
        return tuple(find_arabic(scan(folded, tokens(folded.text), lex), lex))
    return tuple(find_actors(name))


_ADMIN_WORD_WEIGHT = 2.0
#: How many mentions of one country's name vote (its strongest).
_NAME_VOTES = 3


@functools.cache
def _admin_words() -> tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]:
    """Per country, its admin words as one pattern, and the words lower-cased (:func:`_admin_word_countries`)."""
    from civcas.extract.rules import load_rules

    words = load_rules().places.country_admin_words
    out: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = []
    for iso, ws in words.items():
        alts = [re.escape(w) if w.isupper() or w[:-1].isupper() else f"(?i:{re.escape(w)})"
                for w in sorted(ws, key=len, reverse=True)]
        if alts:
            out.append((iso, re.compile(r"\b(?:" + "|".join(alts) + r")\b"), tuple(w.lower() for w in ws)))
    return tuple(out)


def _admin_word_countries(text: str) -> list[str]:
    """The countries whose own kind of admin unit the text names (``country_admin_words`` in the place patterns).

    An acronym ("LGA") counts only in capitals; a phrase in any case. A pattern is scanned only when the
    lower-cased text holds one of its words (:func:`ascii_lower`; text it cannot lower safely is scanned):
    each is a case-blind alternation that Python's ``re`` tries at every position of the whole document.
    """
    lowered = ascii_lower(text)
    out: list[str] = []
    for iso, pattern, words in _admin_words():
        if (lowered is None or any(map(lowered.__contains__, words))) and pattern.search(text):
            out.append(iso)
    return out


@functools.cache
def _arabic_force_nouns(abroad: bool = False) -> re.Pattern[str] | None:
    """``force_nouns`` (or ``abroad_nouns``) of the Arabic place patterns, as one pattern that ends where an
    adjective may follow: the noun (clitics written onto it allowed), then up to two more words ("الطيران
    الحربي", "الاحتلال الخارجي")."""
    from civcas.extract.rules import load_rules

    ar = load_rules().ar_places
    words = (ar.abroad_nouns if abroad else ar.force_nouns) if ar is not None else []
    if not words:
        return None
    nouns = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?:^|[\s#(«\"“])(?:[وف]?(?:ب|ل|لل)?)(?:{nouns})(?:\s+#?[\u0600-\u06ff]+){{0,2}}[\s#]*$")


def _arabic_alternation(words: Sequence[str]) -> str:
    """Arabic words as written and folded, one regex alternation, longest first, any whitespace between a phrase's
    words (the text is matched as published)."""
    from civcas.extract.arabic_text import fold as fold_ar

    forms = {w for word in words for w in (word, fold_ar(word).text)}
    return "|".join(sorted((r"\s+".join(re.escape(p) for p in w.split()) for w in forms), key=len, reverse=True))


@functools.cache
def _arabic_curse() -> re.Pattern[str] | None:
    """``curse_words`` of the Arabic place patterns, then up to three words, a preposition (على، من، ب written onto
    the name) and other states joined by و: what a country's name ends when a post curses it."""
    from civcas.extract.rules import load_rules

    ar = load_rules().ar_places
    words = ar.curse_words if ar is not None else []
    if not words:
        return None
    alt_words = _arabic_alternation(words)
    return re.compile(
        # (the words between are no "في": "حسبنا الله ونعم الوكيل في سوريا" prays, and Syria is where)
        rf"(?<![\u0600-\u06ff])(?:{alt_words})(?:\s+(?!في(?![\u0600-\u06ff]))[\u0600-\u06ff]+){{0,3}}?\s+(?:(?:على|من)\s+|ب)?"
        r"(?:#?[\u0600-\u06ff]+\s+و\s*)*(?:ب|و)?$"
    )


@functools.cache
def _arabic_verb_patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The Arabic speech verbs right before a name, and the verbs of accusing a few words before it (the claimants
    file's ``speech_verbs`` and ``accuse_verbs``, with the verbs of commenting and answering)."""
    from civcas.extract.rules import load_rules

    ar = load_rules().ar_claimants
    if ar is None:
        return None, None
    alt = _arabic_alternation
    speak = [*ar.speech_verbs, "علق", "علقت", "تعلق", "يعلق", "رد", "ردت", "ترد", "يرد"]
    speaking = re.compile(rf"(?<![\u0600-\u06ff])[وف]?(?:لم\s+)?(?:{alt(speak)})\s+$")
    accused = re.compile(
        rf"(?<![\u0600-\u06ff])[وف]?(?:{alt(ar.accuse_verbs)})(?:\s+[\u0600-\u06ff]+){{0,3}}?\s+$"
    ) if ar.accuse_verbs else None
    return speaking, accused


def _arabic_speaking(text: str, start: int) -> bool:
    """An Arabic state's name right after a verb of saying, denying or commenting ("ونفت روسيا", "ولم تعلق تركيا")."""
    if not ("\u0600" <= text[start : start + 1] <= "\u06ff"):
        return False
    speaking = _arabic_verb_patterns()[0]
    return bool(speaking is not None and speaking.search(text, max(0, start - 30), start))


def _arabic_accused(text: str, start: int) -> bool:
    """An Arabic state's name a few words after a verb of accusing ("واتهمت الإدارة الذاتية تركيا")."""
    if not ("\u0600" <= text[start : start + 1] <= "\u06ff"):
        return False
    accused = _arabic_verb_patterns()[1]
    return bool(accused is not None and accused.search(text, max(0, start - 60), start))


def _after_arabic_force(text: str, start: int, *, abroad: bool = False) -> bool:
    """Whether the Arabic word at ``start`` follows a force or strike noun (``force_nouns``; with ``abroad``,
    one of ``abroad_nouns``)."""
    if not ("\u0600" <= text[start : start + 1] <= "\u06ff"):
        return False
    pattern = _arabic_force_nouns(abroad)
    return bool(pattern is not None and pattern.search(text[max(0, start - 60) : start]))


_GROUP_WEIGHT = 0.5


@functools.cache
def _groups() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The one-country armed groups' names as one pattern, and each name's country."""
    from civcas.extract.rules import load_rules

    rules = load_rules()
    files = [rules.places, *([rules.ar_places] if rules.ar_places is not None else [])]
    of = {n: iso for f in files for iso, ns in f.group_countries.items() for n in ns}
    if not of:
        return None, of
    alts = "|".join(re.escape(n) for n in sorted(of, key=len, reverse=True))
    # Arabic names may carry a clitic written onto them ("بحسب الدفاع المدني", "وقسد"): letters before are allowed
    return re.compile(r"(?<![A-Za-z0-9_\-])(" + alts + r")(?![\w\-])"), of


def _group_countries(text: str) -> list[str]:
    """The countries of the one-country armed groups the text names (``group_countries``), each once."""
    pattern, of = _groups()
    if pattern is None:
        return []
    return list(dict.fromkeys(of[m.group(1)] for m in pattern.finditer(text)))


#: A city this large, named exactly and without a comparable namesake elsewhere, tells the document's country.
_PROMINENT_POPULATION = 100_000
_PROMINENT_WEIGHT = 1.5
_NAMESAKE_POPULATION = 5_000
_NAMESAKE_RATIO = 10


def _prominent_votes(
    gz: Any, mentions: dict[tuple[int, int], PlaceMention], forces: Sequence[tuple[int, int]]
) -> dict[str, float]:
    """Countries of the large cities the text names: "the city of Ramadi", "in Mogadishu".

    A village namesake in a country with a village-level gazetteer must not outvote a well-known city,
    nor pull it to a loosely spelled namesake ("Mogadishu" read as "Mukalla"). A city counts once, by its
    own name, only when no other town of that name is more than a hamlet, and never as a place of origin
    or inside a force's name ("Washington" for the US government).
    """
    out: dict[str, float] = {}
    seen: set[str] = set()
    for (start, end), m in mentions.items():
        if m.relation in ("origin", "dateline") or any(s <= start and end <= e for s, e in forces):
            continue
        target = gfold.loose(m.text)
        if not target or target in seen:
            continue
        if _ARABIC_ONLY.fullmatch(m.text) and m.relation == "in" and not m.within and (
            m.kind_hint not in ("city", "town")
        ):
            # Arabic has no capitals: a bare word after "في" may be a common noun ("في مشهد", "in a scene"); a
            # city votes when the text frames it as one ("مدينة الرقة", "شرقي الرقة", "الرقة في ...")
            continue
        seen.add(target)
        country = _prominent_country(gz, m.text, target)
        if country:
            out[country] = out.get(country, 0.0) + _PROMINENT_WEIGHT
    return out


def _ar_plain(name: str) -> str:
    """An Arabic name with letter forms, diacritics and a hashtag folded but its article kept: "السوسة" is not
    Sousse's "سوسة" (places abroad take no article)."""
    from civcas.extract.arabic_text import fold as fold_ar

    return fold_ar(name.strip().lstrip("#").replace("_", " ")).text.strip()



def _prominent_country(gz: Any, text: str, target: str) -> str:
    """The country of the large city named ``text``, or "" (remembered per name: it depends on nothing else)."""
    memo = hasattr(gz, "memo_get") and hasattr(gz, "memo_put")
    hit = gz.memo_get("prominent", text) if memo else None
    if hit is not None:
        return str(hit)
    from civcas.extract.arabic_places import _spelled_in_arabic

    country = ""
    if (_ARABIC_ONLY.fullmatch(text) is None and hasattr(gz, "may_be_big_town")
            and not gz.may_be_big_town(target, _PROMINENT_POPULATION)):
        # outside Arabic script a city votes only under its own name: no town of that size has this one ("Syria",
        # "Kenya": hundreds of namesakes that a lookup would read and rank for nothing)
        if memo:
            gz.memo_put("prominent", text, country)
        return country
    arabic = ARABIC_SCRIPT.search(target) is not None
    exact = [e for e in gz.lookup(text)[:60] if gz.info(e).spelled(target, arabic)]
    towns = [e for e in exact if e.kind == "locality"]
    if towns:
        top = max(towns, key=lambda e: e.population)
        # its own name, not an alternate one ("Ibi" is also a spelling of Ibb in Yemen); no admin area of that
        # name abroad ("Delta", "Plateau": Nigerian states), nor another town of that name that is more than a
        # hamlet, even in the same country ("Sultanpur": one name of many towns)
        # a namesake a tenth of its size or less is no rival ("الرقة": Raqqa, 530,000, and a Kuwaiti Riqqah, 52,000)
        rival = max(_NAMESAKE_POPULATION, top.population // _NAMESAKE_RATIO)
        # in Arabic script a place's Arabic name is its own (the gazetteers list it among the alternates)
        own = gz.info(top).loose_name == target or (
            _ARABIC_ONLY.fullmatch(text) is not None and _spelled_in_arabic(top, _ar_plain(text))
        )
        if (
            top.population >= _PROMINENT_POPULATION
            and top.country
            and own
            and not any((e.country != top.country and e.kind in ("region", "county"))
                        or (e is not top and e.kind == "locality" and e.population >= rival)
                        for e in exact)
        ):
            country = top.country
    if memo:
        gz.memo_put("prominent", text, country)
    return country


def _container_resolved(
    m: PlaceMention, mentions: dict[tuple[int, int], PlaceMention], out: dict[tuple[int, int], Place], gz: Any
) -> bool:
    """Whether a place the mention is said to lie in ("the Nile Delta city of Mansoura") is itself resolved."""
    inside = {fold(w) for w in m.within}
    return any(fold(o.text) in inside and not fallback(out[k], gz) for k, o in mentions.items() if k in out)


def _size_bonus(gz: Any, p: Place) -> float:
    """At most 0.05, growing with the place's population: too small to outvote anything, enough to break a tie."""
    e = gz.get(p.gazetteer_id) if p.gazetteer_id and hasattr(gz, "get") else None
    if e is None or not e.population:
        return 0.0
    return 0.05 * min(math.log10(e.population + 1), 7.0) / 7.0


_LATIN = re.compile(r"[A-Za-z]")
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2000-\u206f]")
_ARABIC_ONLY = re.compile(r"[\u0621-\u064a\u0660-\u0669\u0671-\u06d3\s#_'\-]+")


def _one_script(text: str) -> bool:
    """A name written in Latin letters or in Arabic script alone (the two the gazetteer spells exactly)."""
    return bool(_LATIN.search(text) and not _NON_LATIN.search(text)) or bool(_ARABIC_ONLY.fullmatch(text))


def _spelled_as_named(gz: Any, p: Place, m: PlaceMention) -> bool:
    """Whether the resolved place has the mention among its names (accents and case aside)."""
    target = gfold.loose(gfold.base_name(m.text))
    if p.gazetteer_id is None or not _LATIN.search(m.text) or _NON_LATIN.search(m.text):
        # Arabic script is matched by its own rules (articles, letter variants): no spelling test here
        return True
    e = gz.get(p.gazetteer_id) if hasattr(gz, "get") else None
    if e is None:
        return True
    names = gz.info(e).names_for(target, gz.info(e).loose41)
    if target in names or gfold.loose(m.text) in gz.info(e).loose41:
        return True
    # "al-Shafah" is "Ash Sha`fah": the article's letter assimilates to the name's first ("ash", "ar", "as" ...)
    bare = gfold.strip_loose_article(target)
    return bare != target and any(
        gfold.has_loose_article(n) and gfold.strip_loose_article(n) == bare for n in names
    )


def _dateline_spelled(gz: Any, p: Place, m: PlaceMention) -> bool:
    """A dateline's city spelled as the place is named, its article aside ("QAMISHLI" is "Al Qamishli")."""
    if _spelled_as_named(gz, p, m):
        return True
    e = gz.get(p.gazetteer_id) if hasattr(gz, "get") and p.gazetteer_id else None
    if e is None:
        return True
    target = gfold.strip_loose_article(gfold.loose(m.text))
    return any(gfold.strip_loose_article(n) == target for n in gz.info(e).loose41)


_OPENS = re.compile(r"[\s\u00a0]*\([\s\u00a0]*")
_CLOSES = re.compile(r"[\s\u00a0]*\)")
_POSSESSIVE_END = re.compile(r"['’]s$")


def _aliases(text: str, out: dict[tuple[int, int], Place], gz: Any) -> dict[tuple[int, int], Place]:
    """ "Zirgan (Abu Rasin)", "Ain al-Arab (Kobani)": two names of one place; the one the gazetteer knows places
    the other, which keeps its own mention and span."""
    keys = sorted(out)
    named: dict[str, Place] = {}
    for a, b in itertools.pairwise(keys):
        opens = _OPENS.fullmatch(text[a[1] : b[0]])
        if not opens or not _CLOSES.match(text[b[1] :]):
            continue
        pa, pb = out[a], out[b]
        fa, fb = fallback(pa, gz), fallback(pb, gz)
        if fa == fb:
            continue
        known, (key, unknown) = (pb, (a, pa)) if fa else (pa, (b, pb))
        if known.precision not in _ANCHOR_PRECISIONS:
            continue
        out[key] = replace(
            known, mention=unknown.mention, span=unknown.span, relation=unknown.relation, phrase=unknown.phrase,
            reasons=(*known.reasons, f"named in parentheses beside {known.mention}"),
        )
        named[(unknown.mention or "").casefold()] = out[key]
    for key, p in out.items():  # the same unknown name elsewhere in the document is the same place
        alias = named.get((p.mention or "").casefold())
        if alias is not None and p.span != alias.span and fallback(p, gz):
            out[key] = replace(alias, span=p.span, relation=p.relation, phrase=p.phrase)
    return out


def _names_admin(m: PlaceMention) -> bool:
    """Whether the text calls the place an admin area: "Borno state", "Bokkos local government area"."""
    return m.kind_hint in ("province", "district") or bool(_country_patterns().admin_word_end.search(m.text))


@dataclass(frozen=True, slots=True, eq=False)
class _CountryPatterns:
    """What the words around a country's name say (is it where, whose, or inside another name), built once from the
    words of ``places.en``; the code keeps each pattern's shape."""

    admin_word_end: re.Pattern[str]
    locative_before: re.Pattern[str]
    institution_after: re.Pattern[str]
    origin_before: re.Pattern[str]
    possessive_place: re.Pattern[str]
    demonym_place: re.Pattern[str]
    name_before: re.Pattern[str]
    name_after: re.Pattern[str]
    border_side: re.Pattern[str]
    border_after: re.Pattern[str]
    blamed_before: re.Pattern[str]
    party_before: re.Pattern[str]
    state_institution_after: re.Pattern[str]
    seat_government_after: re.Pattern[str]
    seat_backer_before: re.Pattern[str]
    state_forces_after: re.Pattern[str]
    group_after: re.Pattern[str]
    whose_after: re.Pattern[str]
    abroad_after: re.Pattern[str]
    force_after: re.Pattern[str]


@functools.cache
def _country_patterns() -> _CountryPatterns:
    from civcas.extract.rules import load_rules

    rules = load_rules()
    p = rules.places
    alt = alternation
    # the armed groups the claimants file knows ("Lebanon's Hezbollah", "Yemen's Houthis": whose group, not where)
    groups = [w for e in rules.claimants.entries if e.id == "armed_group" for w in e.phrases] or [_NOTHING]
    return _CountryPatterns(
        admin_word_end=re.compile(rf"\s{alt(p.admin_word_end)}$", re.IGNORECASE),
        # Before a country's name, a locative: "in northeastern Nigeria", "across Iraq", "inside Syria".
        locative_before=re.compile(
            rf"\b{alt(p.locative_prepositions)}\s+(?:the\s+)?(?:(?:{alt(p.locative_modifiers)}|"
            r"(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?)\s+){0,3}$",
            re.IGNORECASE,
        ),
        institution_after=re.compile(rf"^\s+(?:[\w\-]+\s+){{0,2}}?{alt(p.institution_after)}\b", re.IGNORECASE),
        origin_before=re.compile(
            # "rocket fire from Syria"; "refugees who had fled political violence in Burundi" were killed elsewhere
            rf"\b(?:{alt(p.origin_prepositions)}\s+(?:neighbou?ring\s+)?|{alt(p.fled_words)}\s+(?:[\w\-]+\s+){{0,3}}?in\s+)$",
            re.IGNORECASE,
        ),
        # After it, a place of that country: "Nigeria's Yobe state", "Sudan's western region of Darfur".
        possessive_place=re.compile(rf"^['’]s?\s+(?:[a-z\-]+\s+){{0,3}}(?:[A-Z]|{alt(p.possessive_place_words)}\b)"),
        # After a demonym, a place: "a Pakistani town", "the Iraqi capital", "a Kenyan coastal town".
        demonym_place=re.compile(rf"^\s+(?:[a-z\-]+\s+){{0,2}}{alt(p.demonym_place_words)}\b", re.IGNORECASE),
        # A country's name inside an organisation's, a facility's or a natural feature's name.
        name_before=re.compile(
            rf"(?:\b{alt(p.name_before_bodies)}\s+(?:for\s+|of\s+)"
            rf"(?:the\s+)?(?:[A-Z][\w\-]*\s+(?:of\s+|for\s+)?){{0,3}}|\b{alt(p.name_before_features)}\s+)$"
        ),
        name_after=re.compile(
            rf"^\s+(?:[A-Z][\w\-]*\s+){{0,2}}{alt(p.name_after)}\b"
            # a church's people ("Greek Orthodox", "Armenian Catholic"): a faith, not where
            rf"|^\s+{alt(p.faiths_after)}\b"
        ),
        border_side=re.compile(
            rf"\b{alt(p.border_words)}\s+(?:with|between)\s+(?:the\s+)?(?:[\w'’\-]+\s+(?:and|&)\s+(?:the\s+)?)?$",
            re.IGNORECASE,
        ),
        # "near the Lebanese border", "the Iraqi frontier": the country named before its border, as "the border with
        # Lebanon" (not "a Pakistani border town", a place of that country)
        border_after=re.compile(
            rf"(?:['’]s)?\s+{alt(p.border_words)}\b(?!\s+{alt(p.border_places)}\b)", re.IGNORECASE
        ),
        # "signed by Russia and Turkey", "brokered by Moscow and Ankara": the parties to an agreement
        party_before=re.compile(
            rf"\b{alt(p.party_words)}\s+(?:the\s+)?(?:[A-Z][\w\-]*(?:\s*,\s*|\s+and\s+)(?:the\s+)?)?$", re.IGNORECASE
        ),
        # "blaming the UAE", "accused Israel", "blamed on Russia": the state accused of a strike, not where it fell
        blamed_before=re.compile(
            rf"\b{alt(p.blame_words)}(?:\s+(?:the|a|an|it|this|that)(?:\s+[\w\-]+){{0,3}}?\s+on)?\s+(?:on\s+)?(?:the\s+)?"
            r"(?:[A-Z][\w\-]*(?:\s*,\s*|\s+and\s+)(?:the\s+)?)?$",
            re.IGNORECASE,
        ),
        # After a country's possessive, its state's institution or forces: "Russia's defence ministry", "Syria's army".
        state_institution_after=re.compile(
            rf"^['’]s?[\s\u00a0]+(?:{alt(p.state_modifiers)}[\s\u00a0]+){{0,2}}{alt(p.state_institutions)}\b",
            re.IGNORECASE,
        ),
        # After a seat of government, its state's government: "the Damascus Government" (no place)
        seat_government_after=re.compile(rf"^[\s\u00a0]+{alt(p.seat_government or [_NOTHING])}\b", re.IGNORECASE),
        seat_backer_before=re.compile(
            rf"\b{alt(p.seat_backer_before or [_NOTHING])}[\s\u00a0]+(?:the[\s\u00a0]+)?$", re.IGNORECASE
        ),
        # ... and of them its armed ones: "Turkey's defence ministry", "Russia's army" (whose forces, not where)
        state_forces_after=re.compile(
            rf"^['’]s?[\s\u00a0]+(?:{alt(p.state_modifiers)}[\s\u00a0]+){{0,2}}{alt(p.state_forces or [_NOTHING])}\b",
            re.IGNORECASE,
        ),
        group_after=re.compile(rf"^['’]s?[\s\u00a0]+(?:the[\s\u00a0]+)?{alt(groups)}\b"),
        # "Saudi-led", "Turkey-controlled", "Iran-backed": whose forces or control, not where
        whose_after=re.compile(rf"^-{alt(p.whose_after)}\b"),
        # After a demonym, a strike from afar or an occupation: "Turkish drone", "Israeli airstrikes", "Russian
        # jets", "Turkish occupation forces" (the attacker's country is seldom where its strikes fall); a diplomat or
        # a mission ("U.S. envoy", "the Turkish embassy") serves abroad by definition; so does the leader of a
        # coalition ("the US-led coalition", "the Saudi-led coalition" fight in Iraq, Syria, Yemen)
        abroad_after=re.compile(
            rf"^(?:['’]s)?[\s\-]*(?:-?led\s+(?:{alt(p.coalition_adjectives)}\s+)?coalitions?\b|"
            rf"(?:(?:-?led|-made|\s*and\s+\w+)\s+)?(?:{alt(p.abroad_modifiers)}\s+)?{alt(p.abroad_after)}\b)",
            re.IGNORECASE,
        ),
        force_after=re.compile(
            rf"^[\s\-\]\)]*(?:(?!{alt(p.force_gap_stops)}\b)[\w\-]+\s+){{0,2}}?"
            rf"(?:{alt(p.force_after)}|border(?!\s+{alt(p.border_places)}))\b",
            re.IGNORECASE,
        ),
    )


def _strikes(pat: _CountryPatterns, text: str, start: int, end: int) -> bool:
    """A country's name as the subject of a strike verb ("Israel struck the camp"), not a place ("in central
    Nigeria killed 27")."""
    from civcas.extract.actors import opens_clause, strike_verb_after
    from civcas.extract.rules import load_rules

    return bool(strike_verb_after(load_rules()).match(text, end, end + 40)) and opens_clause(
        text[max(0, start - 44) : start], text[end : end + 20]
    )


def _country_city(gz: Any, text: str, start: int, end: int) -> bool:
    """ "Guatemala City", "Kuwait City": a country's name before "City" that the gazetteer knows as a town of that
    country is its capital, a place ("Benin City" is Nigerian: still a name holding a country's)."""
    if not text.startswith(" City", end) or not hasattr(gz, "lookup"):
        return False
    iso = gz.country_of(text[start:end]) if hasattr(gz, "country_of") else None
    return any(e.kind == "locality" and e.country == iso for e in gz.lookup(text[start : end + 5])[:5])


def _inside_name(text: str, start: int, end: int) -> bool:
    pat = _country_patterns()
    return bool(pat.name_before.search(text[max(0, start - 80) : start]) or pat.name_after.match(text[end : end + 40]))


def _country_weight(gz: Any, text: str, start: int, end: int, iso: str) -> float:
    """How strongly one mention of a country says the event happened there.

    A name after a locative or before a place of it ("in Nigeria", "Nigeria's Yobe state") counts most, a
    bare name ("accused by the United States") less, a demonym least unless it qualifies a place ("a Kenyan
    town"): "Iranian pilgrims" were killed north of Baghdad, not in Iran.
    """
    before, after = text[max(0, start - 60) : start], text[end : end + 40]
    word = text[start:end]
    pat = _country_patterns()
    # a country's entry lists its demonyms among its names ("Lebanese"); a long name may be spelled otherwise
    # than the entry has it ("Democratic Republic of Congo")
    name = _is_country_name(gz, word, iso) or len(word.split()) >= 3
    if name and not (hasattr(gz, "is_demonym") and gz.is_demonym(word)):
        if pat.origin_before.search(before):
            # where something came from, not where it happened: "rocket fire from Syria on a Lebanese town"
            return 1.0
        return 3.0 if pat.locative_before.search(before) or pat.possessive_place.match(after) else 2.0
    return 2.0 if pat.demonym_place.match(after) else 0.5



_NOTHING = "\u0000"  # an alternation that matches no text, for an empty word list
_DEMONYM_FORM = re.compile(r"[A-Z][a-z]+(?:i|ian|an|ese|ish|ic|ean|ani|eri|ch|ss)(?:['’]s)?")


def _is_country_name(gz: Any, surface: str, iso: str) -> bool:
    e = _country_entry(gz, iso)
    if e is None:
        return False
    key = _POSSESSIVE_END.sub("", surface).strip().lower()
    if key in {n.lower() for n in (e.name, *e.names)} or key == iso.lower():
        return True
    # another name the country list gives ("DRCongo", "DR Congo"), not its people's
    return bool(_LATIN.search(surface) and not _NON_LATIN.search(surface)
                and hasattr(gz, "country_code") and gz.country_code(surface) == iso
                and not (hasattr(gz, "is_demonym") and gz.is_demonym(surface)))


def agreement_parties_before() -> re.Pattern[str]:
    """What stands before the parties to an agreement ("signed by", "brokered by Moscow and": ``party_words`` of the
    places file), read by the place finder here and by the attacker finder (``civcas.extract.statements``)."""
    return _country_patterns().party_before


@functools.cache
def _seat_names() -> frozenset[str]:
    """The folded names of the seats of government the countries file lists ("Moscow", "Ankara")."""
    from civcas.gazetteer.datafiles import countries

    return frozenset(fold(k) for k in countries().seats)


def _resolve_all(mentions: dict[tuple[int, int], PlaceMention], gz: Any, country: str | None,
                 countries: tuple[str, ...],
                 country_spans: Sequence[tuple[int, int, str]] = (),
                 in_names: Sequence[tuple[int, int, str]] = (),
                 located: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
                 ) -> tuple[dict[tuple[int, int], Place], str | None]:
    """Every mention resolved under ``country``; also returns the country the resolution worked in (the one
    given, else the one the candidates voted for). The pass near anchors runs here, in each pass, because
    its places feed the country vote that decides whether a second pass is needed."""
    from civcas.gazetteer import ResolveContext, resolve
    from civcas.gazetteer.resolve import completed_context

    admin = tuple(m.text for m in mentions.values() if m.kind_hint in ("province", "district"))
    named = tuple(sorted({iso for _, _, iso in country_spans}))
    ctx = ResolveContext(country=country, countries=countries, admin_areas=admin, mentions=tuple(mentions.values()),
                         named=named)
    country = country or completed_context(gz, ctx).country
    out: dict[tuple[int, int], Place] = {}
    for k, m in mentions.items():
        if m.kind_hint == "capital":
            cap = _capital_place(gz, m, country)
            if cap is not None:
                out[k] = cap
            continue
        if any(s <= m.span.start and m.span.end <= e for s, e, _ in in_names):
            continue  # a country's name inside another name ("Qatar Hospital", "Lake Chad") is no place at all
        iso = gz.country_of(m.text) if hasattr(gz, "country_of") else None
        if iso and not (_is_country_name(gz, m.text, iso) or _DEMONYM_FORM.fullmatch(m.text)):
            iso = None  # only a country's own name or its people's, never a look-alike village
        if iso and country and iso != country and _town_at_home(gz, m.text, iso, country):
            iso = None  # "in Uman" in a Ukrainian story is the Ukrainian town, not Oman by an old name of it
        around = next((c for s, e, c in country_spans if s <= m.span.start and m.span.end <= e), None)
        if around:
            iso = around
        if iso:
            # A country or its people ("Iraq", "a Kenyan village"): the country itself, never a namesake town.
            cp = country_place(gz, iso)
            if cp is not None:
                out[k] = replace(cp, mention=m.text, span=m.span, relation=m.relation, confidence=0.9,
                                 reasons=(f"names the country {iso}",))
                continue
        out[k] = resolve(m, gazetteer=gz, context=ctx)
        if fallback(out[k], gz) or out[k].gazetteer_id is None:
            bare = _without_direction(m)
            if bare is not None:
                # "بلدة عيترون الجنوبية" (the southern town of Aitaroun): a direction the gazetteer does not spell with
                # the name describes the place; the bare name stands, where the text puts it (a namesake outside the
                # area named with it is not taken: "قرية غريبة الشرقية بريف ديرالزور" stays unknown)
                again = resolve(bare, gazetteer=gz, context=ctx)
                if not fallback(again, gz) and again.gazetteer_id is not None and again.precision in (
                    PlacePrecision.SETTLEMENT, PlacePrecision.NEAR
                ) and not _named_with_direction(gz, again):
                    out[k] = replace(again, mention=m.text, span=m.span,
                                     reasons=(*again.reasons, f"'{m.text}' read without its adjective of direction"))
    out = _resolve_near_anchors(mentions, out, gz, ctx)
    return (_near_their_anchors(mentions, out, gz, ctx, located) if located else out), country


@functools.cache
def _arabic_directions() -> frozenset[str]:
    """The adjectives of direction or size that may end an Arabic village's name (``name_directions``), folded."""
    from civcas.extract.rules import load_rules

    places = load_rules().ar_places
    return frozenset(fold_phrase(w) for w in places.name_directions) if places is not None else frozenset()


#: Latin words of direction or size inside a place's own names ("Buban Kabir", "Gharibah Sharqiyah")
_LATIN_DIRECTION = re.compile(
    r"\b(?:(?:ash|al|el|as)[\s\-])?(?:sharq\w*|gharb\w*|shamal\w*|janub\w*|kab[ie]r\w*|kebir\w*|sagh[ie]r\w*|"
    r"sgh[ie]r\w*|fawq\w*|fouq\w*|tahtan\w*|east|west|north|south|upper|lower)\b",
    re.IGNORECASE,
)


def _named_with_direction(gz: Any, p: Place) -> bool:
    """Whether the place's own names carry a direction or size: then the bare name found it as another place of a
    pair ("بوبان صغير" is no "Buban Kabir")."""
    e = gz.get(p.gazetteer_id) if p.gazetteer_id and hasattr(gz, "get") else None
    if e is None:
        return False
    directions = _arabic_directions()
    return any(_LATIN_DIRECTION.search(n) if not ARABIC_SCRIPT.search(n)
               else any(fold_phrase(w) in directions for w in n.split()[1:]) for n in (e.name, *e.names[:40]))


def _without_direction(m: PlaceMention) -> PlaceMention | None:
    """The mention without the adjective of direction that ends it ("عيترون الجنوبية" -> "عيترون"), if it has one."""
    if not ARABIC_SCRIPT.search(m.text):
        return None
    head, _, last = m.text.strip().rpartition(" ")
    if not head or fold_phrase(last) not in _arabic_directions():
        return None
    return replace(m, text=head)


#: The relations that locate a place from another ("east of Mosul", "15 km from Manbij").
_FROM_RELATIONS = frozenset({"km_from", "east_of", "west_of", "north_of", "south_of", "northeast_of", "northwest_of",
                             "southeast_of", "southwest_of"})
#: How far from the town it is located from a place may lie when the text gives no distance ("Fadiliya, east of
#: Mosul"); with one, half as far again and this margin (a rough "15 km north of").
_FROM_RADIUS_KM = 150.0
_FROM_MARGIN_KM = 25.0
#: A town at least this large keeps its own place however far the text's relative position puts it ("Palmyra, east
#: of Homs" is some 150 km away); within this many kilometres of the anchor.
_FROM_TOWN_POPULATION = 10_000
_FROM_TOWN_KM = 300.0


@functools.cache
def _anchor_gap_words() -> frozenset[str]:
    from civcas.extract.rules import load_rules

    rules = load_rules()
    ar = rules.ar_places.anchor_gap_words if rules.ar_places is not None else []
    return frozenset(w.lower() for w in (*rules.places.anchor_gap_words, *ar))


_GAP_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:[.,]\d+)?|[,()\-–]|\S")


def _located_from(
    text: str, mentions: dict[tuple[int, int], PlaceMention]
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Pairs of (place, the town it is located from): "Fadiliya, east of Mosul", "al-Tokhar, a village 15 km north
    of Manbij". Only a comma, numbers and the data file's words may stand between the two names."""
    words = _anchor_gap_words()
    if not words:
        return []
    keys = sorted(mentions)
    out = []
    for a, b in itertools.pairwise(keys):
        x, y = mentions[a], mentions[b]
        if y.relation not in _FROM_RELATIONS or x.relation != "in" or not 0 <= b[0] - a[1] <= 60:
            continue
        gap = text[a[1] : b[0]]
        if "\n" in gap:
            continue
        tokens = _GAP_TOKEN.findall(gap)
        if tokens and all(t in ",،()-–" or t[0].isdigit() or t.lower() in words for t in tokens):
            out.append((a, b))
    return out


def _near_their_anchors(
    mentions: dict[tuple[int, int], PlaceMention], out: dict[tuple[int, int], Place], gz: Any, ctx: Any,
    located: Sequence[tuple[tuple[int, int], tuple[int, int]]],
) -> dict[tuple[int, int], Place]:
    """A place the text locates from a town it names lies near that town (issue 5: "unresolved is honest").

    "Fadiliya, east of Mosul": the gazetteer's Fadiliyas lie in Wasit and Homs, hundreds of kilometres away, so the
    village is placed near Mosul (precision ``near``, its own name kept), not at a namesake's coordinates; a
    namesake within reach of the anchor is taken instead of a farther one; a sizeable town stays itself.
    """
    from civcas.gazetteer import resolve
    from civcas.gazetteer.merge import distance_km
    from civcas.gazetteer.resolve import completed_context

    for a, b in located:
        px, py, m = out.get(a), out.get(b), mentions[a]
        if px is not None and py is not None and py.precision is PlacePrecision.COUNTRY:
            far = _far_from_anchor(mentions[b], px, m, gz, ctx)
            if far is not None:
                out[a] = far
            continue
        if px is None or py is None or py.lat is None or py.lon is None or py.gazetteer_id is None:
            continue
        if py.kind not in ("locality", "neighbourhood") or fallback(py, gz) or ev_mod.located_by_context(py):
            continue
        if ctx.country and py.country != ctx.country:
            continue  # a town abroad for the pass's country: the pass under the country it votes for decides
        km = mentions[b].distance_km
        radius = (1.5 * km + _FROM_MARGIN_KM) if km else _FROM_RADIUS_KM
        own = px.gazetteer_id is not None and not fallback(px, gz) and not ev_mod.located_by_context(px)
        if (own and px.precision in (PlacePrecision.GOVERNORATE, PlacePrecision.DISTRICT)) or _names_admin(m):
            continue  # an admin area named in its own right ("Al-Rutbah district, south-west of al-Ramadi")
        if own:
            d = distance_km(px.lat, px.lon, py.lat, py.lon)  # type: ignore[arg-type]
            if d <= radius:
                continue
            e = gz.get(px.gazetteer_id) if hasattr(gz, "get") else None
            if e is not None and e.population >= _FROM_TOWN_POPULATION and d <= _FROM_TOWN_KM:
                continue
            again = resolve(m, gazetteer=gz, context=replace(completed_context(gz, ctx), places=(py,)))
            if (again.lat is not None and again.lon is not None and again.gazetteer_id is not None
                    and not fallback(again, gz) and not ev_mod.located_by_context(again)
                    and distance_km(again.lat, again.lon, py.lat, py.lon) <= radius):
                out[a] = again
                continue
            why = f"its namesakes lie far from {py.name} ({px.name}, {d:.0f} km)"
        elif px.precision in (PlacePrecision.SETTLEMENT, PlacePrecision.NEIGHBOURHOOD, PlacePrecision.NEAR):
            continue  # already placed near a town the text names with it
        else:
            why = f"'{m.text}' is not in the gazetteer"
        out[a] = Place(
            name=m.text, mention=m.text, span=m.span, lat=py.lat, lon=py.lon, admin1=py.admin1, admin2=py.admin2,
            country=py.country, precision=PlacePrecision.NEAR, confidence=0.3, relation=m.relation,
            reasons=(why, f"placed near {py.name}, the town the text locates it from"), phrase=m.phrase,
        )
    return out


def _far_from_anchor(anchor: PlaceMention, px: Place, m: PlaceMention, gz: Any, ctx: Any) -> Place | None:
    """ "Bui town, 185 km south of Maiduguri": an anchor that far stands for its country only, yet it still says
    where the place is not. A namesake resolved beyond the text's distance (and half as far again) is another
    place; a namesake within reach is taken instead, else the place keeps its name at its country's level."""
    from civcas.gazetteer import resolve
    from civcas.gazetteer.merge import distance_km
    from civcas.gazetteer.resolve import completed_context

    km = anchor.distance_km
    if anchor.relation != "km_from" or not km or px.lat is None or px.lon is None or px.gazetteer_id is None:
        return None
    if px.precision not in (PlacePrecision.SETTLEMENT, PlacePrecision.NEIGHBOURHOOD) or fallback(px, gz):
        return None
    town = resolve(replace(anchor, relation="in", distance_km=None), gazetteer=gz, context=ctx)
    if town.lat is None or town.lon is None or town.gazetteer_id is None or fallback(town, gz):
        return None
    if town.precision is not PlacePrecision.SETTLEMENT or town.country != px.country:
        return None
    radius = 1.5 * km + _FROM_MARGIN_KM
    d = distance_km(px.lat, px.lon, town.lat, town.lon)
    if d <= radius:
        return None
    again = resolve(m, gazetteer=gz, context=replace(completed_context(gz, ctx), places=(town,)))
    if (again.lat is not None and again.lon is not None and again.gazetteer_id is not None
            and not fallback(again, gz) and distance_km(again.lat, again.lon, town.lat, town.lon) <= radius):
        return again
    area = country_place(gz, px.country)
    if area is None:
        return None
    return Place(
        name=m.text, mention=m.text, span=m.span, lat=area.lat, lon=area.lon, country=area.country,
        precision=PlacePrecision.COUNTRY, confidence=0.2, relation=m.relation, phrase=m.phrase,
        reasons=(f"its namesakes lie far from where the text puts it ({px.name} is {d:.0f} km from {town.name}, "
                 f"the text says {km:g} km)", f"kept at its country, {area.name}"),
    )


#: A place resolved with at least this confidence (a clear margin over its namesakes) anchors the others.
_ANCHOR_CONFIDENCE = 0.75


def _resolve_near_anchors(
    mentions: dict[tuple[int, int], PlaceMention], out: dict[tuple[int, int], Place], gz: Any, ctx: Any
) -> dict[tuple[int, int], Place]:
    """Resolve the doubtful mentions again, near the places the document names without doubt.

    "Al-Mansoura, west of Raqqa": half a dozen Syrian villages are called al-Mansoura; the one a few
    kilometres from Raqqa is meant. The first pass resolves every mention on its own; places resolved
    with a clear margin (towns, districts) then anchor a second pass over the others, whose candidates
    near an anchor score higher (``civcas.gazetteer.resolve``: within 30 km +3, within 100 km +1.5).
    """
    from civcas.gazetteer import resolve
    from civcas.gazetteer.resolve import stray, stray_reading

    def confident(p: Place) -> bool:
        return (
            p.lat is not None
            and p.gazetteer_id is not None
            and p.precision in (PlacePrecision.SETTLEMENT, PlacePrecision.NEAR, PlacePrecision.DISTRICT)
            and p.confidence >= _ANCHOR_CONFIDENCE
            and not fallback(p, gz)
        )

    anchors = tuple(p for p in out.values() if confident(p))
    # a name with candidates but no clear winner; a name the gazetteer lacks, or knows only abroad, stays
    # as it was (anchors only favour candidates near them)
    doubtful = [
        k
        for k, p in out.items()
        if mentions[k].kind_hint != "capital"
        and not confident(p)
        and p.precision is not PlacePrecision.COUNTRY
        and not fallback(p, gz)
    ]
    if not anchors or not doubtful:
        return out
    from civcas.gazetteer.resolve import completed_context

    # the first pass completed the context (its country, the admin areas its mentions name): keep that
    ctx2 = replace(completed_context(gz, ctx), places=anchors)
    for k in doubtful:
        m = mentions[k]
        if any(fold(a.mention or "") == fold(m.text) for a in anchors):
            continue  # the same name resolved without doubt elsewhere in the text
        again = resolve(m, gazetteer=gz, context=ctx2)
        if again.lat is not None and (not fallback(again, gz) or stray(again)
                                      or stray_reading(out[k], gz, ctx2)):
            # (a village far from the anchors, only spelled like the name, yields to the area the text names;
            # so does the first pass's reading when it was such a village)
            out[k] = again
    return out


def _capital_place(gz: Any, m: PlaceMention, country: str | None) -> Place | None:
    """ "the Somali capital", "the country's capital": the capital of the country named, or of the document's."""
    owner = re.sub(r"['’]s?$", "", m.within[0]) if m.within else ""
    iso = (gz.country_of(owner) if owner else None) or (None if owner else country)
    if not iso or not hasattr(gz, "capital"):
        return None
    e = gz.capital(iso)
    if e is None:
        return None
    return Place(name=e.name, mention=m.text, span=m.span, gazetteer_id=e.id, lat=e.lat, lon=e.lon, admin1=e.admin1,
                 admin2=e.admin2, country=e.country, precision=PlacePrecision.SETTLEMENT, confidence=0.8,
                 kind=e.kind, reasons=(f"the capital of {iso}",))


#: a town of the document's country at least this large takes a name that is only another country's alias
_HOME_TOWN_POPULATION = 10_000


def _town_at_home(gz: Any, surface: str, iso: str, country: str) -> bool:
    """Whether ``surface`` is not a name the countries file gives ``iso`` but the exact name of a sizeable town of
    the document's ``country`` ("Uman": a Ukrainian city, and Oman's name in some transliterations)."""
    from civcas.gazetteer.datafiles import countries

    key = _POSSESSIVE_END.sub("", surface).strip().lower()
    for c in countries().countries:
        if c.id == iso and key in {n.lower() for n in (*c.names, *c.demonyms)}:
            return False
    if not hasattr(gz, "lookup") or not hasattr(gz, "info"):
        return False
    target = gfold.loose(gfold.base_name(surface))
    arabic = ARABIC_SCRIPT.search(target) is not None
    return any(e.kind == "locality" and e.country == country and e.population >= _HOME_TOWN_POPULATION
               and gz.info(e).spelled(target, arabic) for e in gz.lookup(surface)[:10])


@functools.lru_cache(maxsize=512)
def _country_entry(gz: Any, iso: str) -> Any:
    return gz.country(iso)


def country_place(gz: Any, country: str | None) -> Place | None:
    """The country as a place (its centroid, precision ``country``), for claims the text places no finer."""
    if gz is None or not country:
        return None
    e = _country_entry(gz, country)
    if e is None:
        return None
    return Place(
        name=e.name,
        gazetteer_id=e.id,
        lat=e.lat,
        lon=e.lon,
        country=e.country,
        kind="country",
        precision=PlacePrecision.COUNTRY,
        confidence=0.3,
        reasons=("no place named for this claim; the document's country",),
    )


_ANCHOR_PRECISIONS = (
    PlacePrecision.NEIGHBOURHOOD,
    PlacePrecision.SETTLEMENT,
    PlacePrecision.NEAR,
    PlacePrecision.DISTRICT,
    PlacePrecision.GOVERNORATE,
)


def fallback(place: Place, gz: Any) -> bool:
    """A mention the gazetteer could not place finer than the document's country, or not at all."""
    if place.lat is None or place.precision is PlacePrecision.UNRESOLVED:
        return True
    if place.precision is not PlacePrecision.COUNTRY or not place.mention:
        return False
    return gz is None or not hasattr(gz, "country_of") or gz.country_of(place.mention) is None


def anchor_places(resolved: dict[tuple[int, int], Place], units: list[Unit], gz: Any, country: str | None) -> tuple[
    Place, ...
]:
    """The places the text names and the gazetteer knows, in the document's country, in reading order."""
    skip = {(m.span.start, m.span.end) for u in units for m in u.places if m.relation in ("origin", "dateline")}
    out = [
        p
        for k, p in sorted(resolved.items())
        if k not in skip
        and p.precision in _ANCHOR_PRECISIONS
        and p.lat is not None
        and (country is None or p.country == country)
        and not ev_mod.located_by_context(p)
    ]
    return tuple(out)


def stand_in(place: Place, anchors: tuple[Place, ...], sentence_starts: tuple[int, ...]) -> Place:
    """A place the gazetteer lacks, located by the nearest place the text names that it knows.

    "Gweiran prison in the northeastern city of Hassakeh": the gazetteer has no Gweiran in Syria, so
    the claim keeps the mention and takes Hassakeh's coordinates, with precision ``near`` (``settlement``
    for a neighbourhood of that city; the area's own precision when the anchor is a district or a
    governorate) and a low confidence. The anchor is the finest named in the same sentence, else the
    nearest before it, else the nearest after; never a place of origin ("a civilian from Homs").
    """
    if place.span is None or not anchors:
        return place

    at = place.span.start
    sent_of = bisect.bisect_right(sentence_starts, at) - 1

    def sentence(p: Place) -> int:
        return bisect.bisect_right(sentence_starts, p.span.start if p.span else -1) - 1

    same = [p for p in anchors if sentence(p) == sent_of and p.span is not None and p.span != place.span]
    anchor: Place | None
    if same:
        anchor = min(same, key=lambda p: (ev_mod._FINE.get(p.precision, 5), abs(p.span.start - at) if p.span else 0))
    else:
        before = [p for p in anchors if p.span is not None and p.span.start < at]
        after = [p for p in anchors if p.span is not None and p.span.start > at]
        anchor = before[-1] if before else (after[0] if after else None)
    if anchor is None:
        return place
    point = anchor.precision in (PlacePrecision.SETTLEMENT, PlacePrecision.NEIGHBOURHOOD, PlacePrecision.NEAR)
    if not point:
        precision = anchor.precision
    elif place.kind == "neighbourhood" or any("neighbourhood" in r for r in place.reasons):
        precision = PlacePrecision.SETTLEMENT
    else:
        precision = PlacePrecision.NEAR
    reason = f"located by {anchor.mention or anchor.name}, the nearest place the text names that the gazetteer knows"
    return replace(
        place,
        gazetteer_id=None,
        lat=anchor.lat,
        lon=anchor.lon,
        admin1=anchor.admin1,
        admin2=anchor.admin2 if point else (anchor.admin2 if anchor.precision is PlacePrecision.DISTRICT else None),
        country=anchor.country,
        precision=precision,
        confidence=min(place.confidence, 0.25) or 0.25,
        kind=None,
        reasons=(*[r for r in place.reasons if not r.startswith("placed in")], reason),
        names=(),
    )
