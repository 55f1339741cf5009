"""The extraction pipeline for one document: sentences -> statements -> events -> claims.

Pure: the document, the rule files and the (read-only) gazetteer in, claims
out. Every value in a claim carries its span into ``document.text`` and the
``file@version#id`` of the rule that produced it.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from civcas.extract import arabic
from civcas.extract import events as ev_mod
from civcas.extract.config import ExtractConfig
from civcas.extract.dates import reference_date, year_hint
from civcas.extract.figures import Group, Harm
from civcas.extract.rules import RuleFiles, load_rules
from civcas.extract.statements import Unit, sentence_units
from civcas.extract.text import Sentence, fold, split_sentences
from civcas.records import (
    Claim,
    ClaimantKind,
    ClaimKind,
    DateInterval,
    DatePrecision,
    Document,
    Evidence,
    Figure,
    Place,
    PlaceMention,
    PlacePrecision,
    Qualifier,
    Span,
    Stance,
    VictimStatus,
)

log = logging.getLogger(__name__)


def run(document: Document, *, config: ExtractConfig) -> list[Claim]:
    """Every claim in ``document``.

    >>> from civcas.records import Document
    >>> doc = Document(id="d1", text="A US airstrike killed 12 civilians in Raqqa on Monday, activists said.")
    >>> [(c.killed.value, c.claimant) for c in run(doc, config=ExtractConfig())]
    [(12, 'activists')]
    """
    rules = load_rules()
    text = document.text
    ref, ref_source = reference_date(text, document.published, rules=rules)
    bound = document.publication_bound()
    if ref is None and bound is not None and bound[1] == "url":
        # a post's or an article's address dates it ("twitter.com/.../status/<id>", "/2022/01/26/")
        ref, ref_source = bound[0], "url"
    yh = ref.year if ref is not None else (bound[0].year if bound is not None else year_hint(text, rules=rules))
    sentences = split_sentences(text)
    gz = config.gazetteer
    headline_ids = _headlines(sentences)
    cue = _cue_regex(rules)
    units: list[Unit] = []
    kept: list[Sentence] = []
    for s in sentences:
        # Only sentences with a cue (harm, attack, source, stance) can state a claim; the rest are skipped
        # before the costlier extractors and the gazetteer run.
        if not (arabic.is_arabic(s.text) or cue.search(s.text) or arabic.has_arabic_statement(s.text, rules)):
            continue
        if _TAGS_ONLY.fullmatch(s.text):
            continue  # "#درعا_تحت_القصف", "#Idlib #Syria": a post's tags, not a statement
        sp = _spot(gz, s) if gz is not None else []
        got = sentence_units(
            text, s, rules=rules, reference=ref, year_hint=yh, spotted=sp, headline=s.index in headline_ids
        )
        if got:
            kept.append(s)
            units.extend(got)
    strike_report = not any(u.has_figure or u.kind == "stance" for u in units)
    if strike_report and not any(u.kind == "attack" and u.places for u in units):
        return []
    ev_mod.resolve_claimants(units)
    resolved, doc_country = _resolve_places(text, units, gz, kept)
    unit_places = {i: ev_mod.choose_place(u, resolved, doc_country) for i, u in enumerate(units)}
    ev_mod.mark_sums(units)
    events = ev_mod.cluster(units, unit_places, ref)
    fallback_bells = ev_mod.doc_belligerents(units)
    country_place = _country_place(gz, doc_country)
    anchors = _anchors(resolved, units, gz, doc_country)
    ctx = _DocContext(
        document, text, ref, ref_source, fallback_bells, country_place, rules, strike_report, anchors,
        tuple(s.start for s in sentences), gz,
    )
    claims: list[Claim] = []
    event_of: dict[str, int] = {}
    # A headline's statement stands aside when the body tells the strike itself; a body with only tallies does not.
    body_has_claims = any(not u.headline and u.has_figure and not events[u.event].aggregate for u in units)
    for event in events:
        groups: dict[str, list[int]] = {}
        for ui, u in enumerate(units):
            if u.event != event.index or (body_has_claims and u.headline):
                continue
            groups.setdefault(ev_mod.claimant_key(u.claimant_name), []).append(ui)
        for _key, idxs in groups.items():
            claim = _build_claim(ctx, event, [units[i] for i in idxs], [unit_places[i] for i in idxs], len(claims))
            if claim is not None:
                claims.append(claim)
                event_of[claim.id] = event.index
    claims = _drop_restatements(claims, event_of)
    log.debug(
        "%s: %d sentences, %d units, %d events, %d claims",
        document.id,
        len(sentences),
        len(units),
        len(events),
        len(claims),
    )
    return claims


_TAGS_ONLY = re.compile(r"(?:[\s\u00a0|.،,]*#[^\s#]+)+[\s\u00a0|.،,]*")


def _range(f: Figure | None) -> tuple[float, float] | None:
    if f is None or (f.value is None and f.low is None):
        return None
    lo = float(f.low if f.low is not None else (f.value or 0))
    hi = float(f.high if f.high is not None else (f.max or f.value or lo))
    if f.qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        hi = max(hi, lo) * 1.5
    if f.qualifier is Qualifier.APPROX:
        lo, hi = lo * 0.8, hi * 1.2
    return lo, hi


def _drop_restatements(claims: list[Claim], event_of: dict[str, int]) -> list[Claim]:
    """The outlet's own-voice figure that restates a named source's figure for the same event is not a claim.

    "The coalition's latest assault claimed the lives of over 40 civilians" in a lede, followed by
    "at least 45 civilians were killed..., the ministry said", is one claim: the ministry's.
    """
    named: dict[int, list[tuple[float, float]]] = {}
    for c in claims:
        if c.kind is ClaimKind.INCIDENT and c.claimant not in ("outlet", "unattributed", "reports", None):
            r = _range(c.killed or c.killed_or_injured)
            if r is not None:
                named.setdefault(event_of[c.id], []).append(r)
    out = []
    for c in claims:
        ev = event_of[c.id]
        if c.kind is ClaimKind.INCIDENT and c.claimant == "outlet" and ev in named and not c.victims:
            r = _range(c.killed or c.killed_or_injured)
            if r is not None and any(r[0] <= b and a <= r[1] for a, b in named[ev]):
                log.debug("%s: outlet figure restates a named source's for the same event; dropped", c.id)
                continue
        out.append(c)
    return out


def _headlines(sentences: list[Sentence]) -> set[int]:
    """Title lines: the opening lines, before the first body sentence, that do not end like a sentence."""
    out: set[int] = set()
    for s in sentences[:8]:
        if re.search(r"[.!?…”\"']$", s.text) and len(s.text.split()) >= 8:
            break
        if len(s.text.split()) <= 30:
            out.add(s.index)
    return out


# ------------------------------------------------------------------------------------------------ places


def _spot(gz: Any, s: Sentence) -> list[Any]:
    """The gazetteer's names in one sentence, with offsets into the document."""
    return [replace(x, start=x.start + s.start, end=x.end + s.start) for x in gz.spot(s.text)]


@functools.cache
def _cue_regex(rules: RuleFiles) -> re.Pattern[str]:
    """Any word that can start a statement: harm, attack, attribution or stance."""
    from civcas.extract.text import phrase_regex

    words = [p for e in rules.harm.entries for p in e.phrases]
    words += rules.harm.attack_nouns + rules.harm.attack_verbs + rules.claimants.speech_verbs
    words += rules.claimants.source_openers
    words += ["denied", "denies", "deny", "refuted", "rejected", "acknowledged", "admitted", "conceded", "recognize",
              "recognise", "disputed", "estimated", "martyred", "martyr", "dead", "died", "wounded", "injured"]
    return phrase_regex(words)


def _resolve_places(
    text: str, units: list[Unit], gz: Any, sentences: list[Sentence] = ()  # type: ignore[assignment]
) -> tuple[dict[tuple[int, int], Place], str | None]:
    """Resolve every place mention of the document, with the document's country as context.

    The country is voted by country names and by where the places resolve, not by demonyms that
    qualify a force ("Turkish forces" do not put a Syrian village in Turkey); when the places
    disagree with the first guess, they are resolved again under the country they point to.
    """
    mentions: dict[tuple[int, int], PlaceMention] = {}
    for u in units:
        for m in u.places:
            mentions[(m.span.start, m.span.end)] = m
    if gz is None:
        return {
            k: Place(name=m.text, mention=m.text, span=m.span, relation=m.relation,
                     precision=PlacePrecision.UNRESOLVED, reasons=("no gazetteer loaded",))
            for k, m in mentions.items()
        }, None
    votes: Counter[str] = Counter()
    # Country words inside a force's name ("الاحتلال التركي", "Turkish-backed factions") say whose forces, not where.
    forces = [(u.sent.start + a.start, u.sent.start + a.end) for u in units for a in u.actors]
    named = gz.countries_in(text)
    # "Democratic Forces for the Liberation of Rwanda", "Qatar Hospital", "Lake Chad": a country's name inside
    # another name says nothing about where.
    in_names = [(start, end, iso) for start, end, iso in named if _inside_name(text, start, end)]
    named = [n for n in named if n not in in_names]
    # A mention cut out of a country's name ("Democratic Republic" of "Democratic Republic of Congo") is that country.
    country_spans = list(named)
    weights: dict[str, float] = {}
    force_votes: dict[str, float] = {}
    for start, end, iso in named:
        after = text[end : end + 30]
        if _FORCE_AFTER.match(after) or re.match(r"^-(?:led|backed|based|made)\b", after):
            # as a last resort the country of the officials who speak ("Yemeni security officials said") says
            # more than the country leading the strikes ("Saudi-led airstrikes")
            force_votes[iso] = force_votes.get(iso, 0.0) + (1.0 if _INSTITUTION_AFTER.match(after) else 0.5)
            continue  # "Turkish forces", "Russian jets": whose forces, not where
        if any(s <= start < e for s, e in forces):
            force_votes[iso] = force_votes.get(iso, 0.0) + 0.5
            continue
        votes[iso] += 1
        weights[iso] = weights.get(iso, 0.0) + _country_weight(gz, text, start, end, iso)
    country = max(weights, key=lambda k: weights[k]) if weights else None
    out = _resolve_all(mentions, gz, country, tuple(votes), country_spans, in_names)
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
        # each place once, however often it is named ("the Salamat ... Salamat members ... the Salamat")
        key = (p.country, p.gazetteer_id or p.name)
        weight_of[key] = max(weight_of.get(key, 0.0), w)
    for (iso, _), w in weight_of.items():
        where[iso] = where.get(iso, 0.0) + w
    for iso, n in weights.items():
        where[iso] = where.get(iso, 0.0) + n
    if not where:
        # Nothing names or places the event: the forces' country is the last resort ("Pakistani police said").
        where = force_votes
    best = max(where, key=lambda k: where[k]) if where else None
    if best is not None and best != country:
        country = best
        out = _resolve_all(mentions, gz, country, tuple(votes), country_spans, in_names)
    return _aliases(text, out, gz), country


def _aliases(text: str, out: dict[tuple[int, int], Place], gz: Any) -> dict[tuple[int, int], Place]:
    """ "Zirgan (Abu Rasin)", "Ain al-Arab (Kobani)": two names of one place; the one the gazetteer knows places
    the other, which keeps its own mention and span."""
    keys = sorted(out)
    named: dict[str, Place] = {}
    for a, b in itertools.pairwise(keys):
        opens = re.fullmatch(r"[\s\u00a0]*\([\s\u00a0]*", text[a[1] : b[0]])
        if not opens or not re.match(r"[\s\u00a0]*\)", text[b[1] :]):
            continue
        pa, pb = out[a], out[b]
        fa, fb = _fallback(pa, gz), _fallback(pb, gz)
        if fa == fb:
            continue
        known, (key, unknown) = (pb, (a, pa)) if fa else (pa, (b, pb))
        if known.precision not in _ANCHOR_PRECISIONS:
            continue
        out[key] = replace(
            known, mention=unknown.mention, span=unknown.span, relation=unknown.relation,
            reasons=(*known.reasons, f"named in parentheses beside {known.mention}"),
        )
        named[(unknown.mention or "").casefold()] = out[key]
    for key, p in out.items():  # the same unknown name elsewhere in the document is the same place
        alias = named.get((p.mention or "").casefold())
        if alias is not None and p.span != alias.span and _fallback(p, gz):
            out[key] = replace(alias, span=p.span, relation=p.relation)
    return out


def _names_admin(m: PlaceMention) -> bool:
    """Whether the text calls the place an admin area: "Borno state", "Bokkos local government area"."""
    return m.kind_hint in ("province", "district") or bool(_ADMIN_WORD_END.search(m.text))


_ADMIN_WORD_END = re.compile(
    r"\s(?:state|province|governorate|county|district|LGA|local\s+government(?:\s+area)?|region|prefecture)$",
    re.IGNORECASE,
)
# Before a country's name, a locative: "in northeastern Nigeria", "across Iraq", "inside Syria".
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|across|inside|within|throughout|into)\s+(?:the\s+)?(?:(?:far|remote|volatile|restive|troubled|"
    r"neighbou?ring|(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central)\s+){0,3}$",
    re.IGNORECASE,
)
_INSTITUTION_AFTER = re.compile(
    r"^\s+(?:[\w\-]+\s+){0,2}?(?:officials|authorities|police|ministry|government|media|news|president|state)\b",
    re.IGNORECASE,
)
_ORIGIN_BEFORE = re.compile(r"\b(?:from|out\s+of)\s+(?:neighbou?ring\s+)?$", re.IGNORECASE)
# After it, a place of that country: "Nigeria's Yobe state", "Sudan's western region of Darfur".
_POSSESSIVE_PLACE = re.compile(r"^['’]s?\s+(?:[a-z\-]+\s+){0,3}(?:[A-Z]|(?:capital|city|town|village|region|province|"
                               r"state|district|border|north|south|east|west)\b)")
# After a demonym, a place: "a Pakistani town", "the Iraqi capital", "a Kenyan coastal town".
_DEMONYM_PLACE = re.compile(
    r"^\s+(?:[a-z\-]+\s+){0,2}(?:town|city|village|capital|province|state|region|district|county|port|border\s+town|"
    r"territory|countryside|side|soil)\b",
    re.IGNORECASE,
)
# A country's name inside an organisation's, a facility's or a natural feature's name.
_NAME_BEFORE = re.compile(
    r"(?:\b(?:Liberation|Forces|Front|Movement|Party|Union|Army|Council|Bank|University|Federation|Alliance|"
    r"Congress|Association|Organi[sz]ation|Committee|League|Patriots|Defenders|Coalition)\s+(?:for\s+|of\s+)"
    r"(?:the\s+)?(?:[A-Z][\w\-]*\s+(?:of\s+|for\s+)?){0,3}|\b(?:Lake|Gulf\s+of|Sea\s+of|Mount|River)\s+)$"
)
_NAME_AFTER = re.compile(
    r"^\s+(?:[A-Z][\w\-]*\s+){0,2}(?:City|Hospital|Bridge|Airways|Airlines|Bank|University|Hotel|Stadium|Company|"
    r"Committee|Council|Front|Movement|Party|Union|League|Airport|Road|Street|Avenue|River|Delta|Basin|Valley|"
    r"Times|Post|Tribune|Herald|Television|Radio|TV|Broadcasting)\b"
)


def _inside_name(text: str, start: int, end: int) -> bool:
    return bool(_NAME_BEFORE.search(text[max(0, start - 80) : start]) or _NAME_AFTER.match(text[end : end + 40]))


def _country_weight(gz: Any, text: str, start: int, end: int, iso: str) -> float:
    """How strongly one mention of a country says the event happened there.

    A name after a locative or before a place of it ("in Nigeria", "Nigeria's Yobe state") counts most, a
    bare name ("accused by the United States") less, a demonym least unless it qualifies a place ("a Kenyan
    town"): "Iranian pilgrims" were killed north of Baghdad, not in Iran.
    """
    before, after = text[max(0, start - 60) : start], text[end : end + 40]
    word = text[start:end]
    # a country's entry lists its demonyms among its names ("Lebanese"); a long name may be spelled otherwise
    # than the entry has it ("Democratic Republic of Congo")
    name = _is_country_name(gz, word, iso) or len(word.split()) >= 3
    if name and not (hasattr(gz, "is_demonym") and gz.is_demonym(word)):
        if _LOCATIVE_BEFORE.search(before) or _POSSESSIVE_PLACE.match(after):
            return 3.0
        # where something came from, not where it happened: "rocket fire from Syria on a Lebanese town"
        return 1.0 if _ORIGIN_BEFORE.search(before) else 2.0
    return 2.0 if _DEMONYM_PLACE.match(after) else 0.5


_FORCE_AFTER = re.compile(
    r"^[\s\-\]\)]*(?:(?!(?:on|in|at|of|the|with|near|and|to|from|by|along|across)\b)[\w\-]+\s+){0,2}?(?:forces|army|troops|military|jets|warplanes|aircraft|planes|drones?|artillery|"
    r"rebels?|insurgents?|fighters?|militants?|gunmen|"
    r"shelling|strikes?|airstrikes?|soldiers|militias?|factions|government|authorities|officials|police|"
    r"border(?!\s+(?:town|city|village|area|region|district|province|post))|"
    r"occupation|intelligence|ministry|defence|defense|president|state|media|news|observatory|army's|troops')\b",
    re.IGNORECASE,
)


_DEMONYM_FORM = re.compile(r"[A-Z][a-z]+(?:i|ian|an|ese|ish|ic|ean|ani|eri|ch|ss)(?:['’]s)?")


def _is_country_name(gz: Any, surface: str, iso: str) -> bool:
    e = _country_entry(gz, iso)
    if e is None:
        return False
    key = re.sub(r"['’]s$", "", surface).strip().lower()
    return key in {n.lower() for n in (e.name, *e.names)} or key == iso.lower()


def _resolve_all(mentions: dict[tuple[int, int], PlaceMention], gz: Any, country: str | None,
                 countries: tuple[str, ...],
                 country_spans: Sequence[tuple[int, int, str]] = (),
                 in_names: Sequence[tuple[int, int, str]] = ()) -> dict[tuple[int, int], Place]:
    from civcas.gazetteer import ResolveContext, resolve

    admin = tuple(m.text for m in mentions.values() if m.kind_hint in ("province", "district"))
    ctx = ResolveContext(country=country, countries=countries, admin_areas=admin, mentions=tuple(mentions.values()))
    out: dict[tuple[int, int], Place] = {}
    for k, m in mentions.items():
        if m.kind_hint == "capital":
            cap = _capital_place(gz, m, country)
            if cap is not None:
                out[k] = cap
            continue
        if any(s <= m.span.start and m.span.end <= e for s, e, _ in in_names):
            out[k] = Place(name=m.text, mention=m.text, span=m.span, relation=m.relation,
                           precision=PlacePrecision.UNRESOLVED,
                           reasons=("a country's name inside another name (an organisation, a facility, a lake)",))
            continue
        iso = gz.country_of(m.text) if hasattr(gz, "country_of") else None
        if iso and not (_is_country_name(gz, m.text, iso) or _DEMONYM_FORM.fullmatch(m.text)):
            iso = None  # only a country's own name or its people's, never a look-alike village
        around = next((c for s, e, c in country_spans if s <= m.span.start and m.span.end <= e), None)
        if around:
            iso = around
        if iso:
            # A country or its people ("Iraq", "a Kenyan village"): the country itself, never a namesake town.
            cp = _country_place(gz, iso)
            if cp is not None:
                out[k] = replace(cp, mention=m.text, span=m.span, relation=m.relation, confidence=0.9,
                                 reasons=(f"names the country {iso}",))
                continue
        out[k] = resolve(m, gazetteer=gz, context=ctx)
    return _resolve_near_anchors(mentions, out, gz, ctx)


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

    def confident(p: Place) -> bool:
        return (
            p.lat is not None
            and p.gazetteer_id is not None
            and p.precision in (PlacePrecision.SETTLEMENT, PlacePrecision.NEAR, PlacePrecision.DISTRICT)
            and p.confidence >= _ANCHOR_CONFIDENCE
            and not _fallback(p, gz)
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
        and not _fallback(p, gz)
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
        if again.lat is not None and not _fallback(again, gz):
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


@functools.lru_cache(maxsize=512)
def _country_entry(gz: Any, iso: str) -> Any:
    return gz.country(iso)


def _country_place(gz: Any, country: str | None) -> Place | None:
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


# ------------------------------------------------------------------------------------------------ claims


def _figure(text: str, base: int, h: Harm) -> Figure | None:
    if not h.groups:
        if h.implied_one:
            span = Span.of(text, base + h.cue.start, base + h.cue.end)
            return Figure(1, Qualifier.EXACT, text="", span=span, low=1, high=1, rule=h.cue.rule)
        return None
    if h.implied_one:
        # "Mr. X was killed along with his son": the one the cue implies and the companions named after it
        start, end = base + min(h.cue.start, h.groups[0].start), base + max(h.cue.end, h.groups[-1].end)
        value = h.value
        return Figure(value, Qualifier.EXACT if value is not None else Qualifier.VAGUE,
                      text=text[start:end], span=Span.of(text, start, end), low=value, high=value, rule=h.cue.rule)
    gs = h.groups
    # "eight civilians and a soldier": a monitor counts the civilians; the fighters stay a victim category.
    # Only when the statement itself names civilians: "him and his guard" counts two dead, whoever they were.
    combatants = [g for g in gs if g.status == "combatant"]
    others = [g for g in gs if g.status != "combatant"]
    if combatants and any(g.status == "civilian" for g in others):
        gs = tuple(others)
        h = replace(h, groups=gs)
    first = gs[0]
    start, end = base + first.start, base + gs[-1].end
    num_end = base + (first.number_end or first.end)
    if len(gs) == 1:
        g = first
        ftext = text[start:num_end] if g.number_start is not None else ""
        return Figure(
            g.value,
            g.qualifier,
            max=g.max,
            text=ftext,
            span=Span.of(text, start, end),
            low=g.low,
            high=g.high,
            rule=g.rule,
        )
    value = h.value
    qual = first.qualifier if all(g.qualifier == first.qualifier for g in gs) else Qualifier.AT_LEAST
    if value is None:
        qual = Qualifier.VAGUE
    lows = [g.low for g in gs]
    low = sum(x for x in lows if x is not None) if all(x is not None for x in lows) else None
    return Figure(
        value, qual, text=text[start:end], span=Span.of(text, start, end), low=low, high=None, rule=first.rule
    )


def _victim_figure(text: str, base: int, g: Group) -> Figure:
    span = Span.of(text, base + g.start, base + g.end)
    if g.value is None and g.qualifier in (Qualifier.MENTIONED, Qualifier.MOSTLY):
        return Figure(None, g.qualifier, text=g.text, span=span, rule=g.rule)
    ftext = text[base + g.start : base + (g.number_end or g.end)] if g.number_start is not None else g.text
    return Figure(g.value, g.qualifier, max=g.max, text=ftext, span=span, low=g.low, high=g.high, rule=g.rule)


def _add_more(text: str, fig: Figure, main: Harm, main_unit: Unit, cands: list[tuple[Unit, Harm]]) -> Figure:
    """Add figures told as additional in other sentences: "killing at least 24 ... killed another 10 people"."""
    extra = [(u, h) for u, h in cands if h is not main and h.additive and u.sent.index != main_unit.sent.index]
    if not extra or fig.value is None:
        return fig
    values = [h.value for _, h in extra]
    if any(v is None for v in values):
        return fig
    total = fig.value + sum(v for v in values if v is not None)
    qual = fig.qualifier if fig.qualifier in (Qualifier.EXACT, Qualifier.AT_LEAST) else Qualifier.AT_LEAST
    return replace(fig, value=total, qualifier=qual, low=total, high=None if qual is Qualifier.AT_LEAST else total,
                   rule=f"{fig.rule}+additive" if fig.rule else "additive")


def _pick(harms: list[tuple[Unit, Harm]]) -> tuple[Unit, Harm] | None:
    """The figure a claimant gives for an event: an update ("rose to") wins, then the largest."""
    if not harms:
        return None

    def key(x: tuple[Unit, Harm]) -> tuple[int, int, int, int]:
        u, h = x
        # "the death toll rose to 31", "the death toll in the clashes has risen to five": the cue or the words
        # between it and its count say the figure updates an earlier one
        said = u.sent.text[h.cue.start : max(h.cue.end, h.groups[0].start)] if h.groups else h.cue.text
        update = 1 if re.search(r"rose|risen|climbed|reached|increased|jumped|now", said, re.I) else 0
        v = h.value if h.value is not None else (h.groups[0].low or 0 if h.groups else 0)
        return (update, 0 if h.additive else 1, 1 if h.value is not None else 0, v)

    return max(harms, key=key)


@dataclass(frozen=True, slots=True)
class _DocContext:
    """What every claim of one document shares."""

    document: Document
    text: str
    ref: date | None
    ref_source: str
    fallback_bells: list[str]
    country_place: Place | None
    rules: RuleFiles
    strike_report: bool
    #: resolved places a place the gazetteer lacks can stand near, in reading order (see :func:`_stand_in`)
    anchors: tuple[Place, ...] = ()
    sentence_starts: tuple[int, ...] = ()
    gz: Any = None


_ANCHOR_PRECISIONS = (
    PlacePrecision.NEIGHBOURHOOD,
    PlacePrecision.SETTLEMENT,
    PlacePrecision.NEAR,
    PlacePrecision.DISTRICT,
    PlacePrecision.GOVERNORATE,
)


def _fallback(place: Place, gz: Any) -> bool:
    """A mention the gazetteer could not place finer than the document's country, or not at all."""
    if place.lat is None or place.precision is PlacePrecision.UNRESOLVED:
        return True
    if place.precision is not PlacePrecision.COUNTRY or not place.mention:
        return False
    return gz is None or not hasattr(gz, "country_of") or gz.country_of(place.mention) is None


def _anchors(resolved: dict[tuple[int, int], Place], units: list[Unit], gz: Any, country: str | None) -> tuple[
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
        and not ev_mod.unresolved_settlement(p)
        and not any("not in the gazetteer" in r for r in p.reasons)
    ]
    return tuple(out)


def _stand_in(place: Place, ctx: _DocContext) -> Place:
    """A place the gazetteer lacks, located by the nearest place the text names that it knows.

    "Gweiran prison in the northeastern city of Hassakeh": the gazetteer has no Gweiran in Syria, so
    the claim keeps the mention and takes Hassakeh's coordinates, with precision ``near`` (``settlement``
    for a neighbourhood of that city; the area's own precision when the anchor is a district or a
    governorate) and a low confidence. The anchor is the finest named in the same sentence, else the
    nearest before it, else the nearest after; never a place of origin ("a civilian from Homs").
    """
    if place.span is None or not ctx.anchors:
        return place

    at = place.span.start
    sent_of = bisect.bisect_right(ctx.sentence_starts, at) - 1

    def sentence(p: Place) -> int:
        return bisect.bisect_right(ctx.sentence_starts, p.span.start if p.span else -1) - 1

    same = [p for p in ctx.anchors if sentence(p) == sent_of and p.span is not None and p.span != place.span]
    anchor: Place | None
    if same:
        anchor = min(same, key=lambda p: (ev_mod._FINE.get(p.precision, 5), abs(p.span.start - at) if p.span else 0))
    else:
        before = [p for p in ctx.anchors if p.span is not None and p.span.start < at]
        after = [p for p in ctx.anchors if p.span is not None and p.span.start > at]
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


def _build_claim(
    ctx: _DocContext,
    event: ev_mod.Event,
    units: list[Unit],
    places: list[tuple[Place | None, list[Place]]],
    n: int,
) -> Claim | None:
    """One claimant's claim about one event, or ``None`` when it states nothing a monitor would record."""
    document, text, ref, ref_source = ctx.document, ctx.text, ctx.ref, ctx.ref_source
    fallback_bells, country_place, rules, strike_report = (
        ctx.fallback_bells, ctx.country_place, ctx.rules, ctx.strike_report
    )
    evidence: list[Evidence] = []
    fired: list[str] = []
    figs: dict[str, Figure] = {}
    primary: Unit | None = None
    for cat in ("killed", "injured", "killed_or_injured"):
        cands = [(u, h) for u in units for h in u.harms if h.category == cat and (h.groups or h.implied_one)]
        pick = _pick(cands)
        if pick is None:
            continue
        u, h = pick
        fig = _figure(text, u.sent.start, h)
        if fig is None:
            continue
        fig = _add_more(text, fig, h, u, cands)
        figs[cat] = fig
        primary = primary or u
        if fig.span:
            evidence.append(Evidence(cat, fig.span, fig.rule))
        evidence.append(
            Evidence(f"{cat}_cue", Span.of(text, u.sent.start + h.cue.start, u.sent.start + h.cue.end), h.cue.rule)
        )
        fired.extend(r for r in h.rules if r)
    victims: dict[str, Figure] = {}
    status = "unspecified"
    for u in units:
        for h in u.harms:
            comb = [g for g in h.groups if g.status == "combatant"]
            if comb and len(comb) < len(h.groups) and "combatants" not in victims:
                g0 = comb[0]
                vf = Figure(
                    sum(g.value or 0 for g in comb),
                    Qualifier.EXACT,
                    text=g0.text,
                    span=Span.of(text, u.sent.start + g0.start, u.sent.start + comb[-1].end),
                    rule=g0.rule,
                )
                victims["combatants"] = vf
            if h.category == "injured" and "killed" in figs and h.form != "categories":
                continue
            for cat, g in h.victims:
                if cat in victims:
                    continue
                vf = _victim_figure(text, u.sent.start, g)
                victims[cat] = vf
                if vf.span:
                    evidence.append(Evidence(f"victims.{cat}", vf.span, vf.rule))
            if h.status != "unspecified" and status == "unspecified":
                status = h.status
    if "killed" not in figs and "civilians" in victims and victims["civilians"].value is not None:
        # "Among those killed were 20 soldiers and five civilians": the civilian count is the claim's figure.
        figs["killed"] = victims["civilians"]
    stance_units = [u for u in units if u.stance is not None]
    stance = Stance.ALLEGES
    stance_cue = None
    ckind = ev_mod.claimant_kind(units[0].claimant_kind)
    for u in stance_units:
        assert u.stance is not None
        st = u.stance.stance
        if st in (Stance.DENIES, Stance.DISPUTES):
            stance, stance_cue = st, (u, u.stance)
            break
        if (
            st is Stance.ACKNOWLEDGES
            and ckind
            not in (
                ClaimantKind.MONITOR,
                ClaimantKind.ACTIVISTS,
                ClaimantKind.LOCAL,
                ClaimantKind.MEDICAL,
                ClaimantKind.MEDIA,
                ClaimantKind.WITNESS,
                ClaimantKind.OUTLET,
            )
        ) or (
            st is Stance.ESTIMATES
            and stance is Stance.ALLEGES
            and (event.aggregate or ckind in (ClaimantKind.MONITOR, ClaimantKind.INTERNATIONAL))
        ):
            stance, stance_cue = st, (u, u.stance)
    if stance is Stance.ALLEGES and event.aggregate and ckind in (ClaimantKind.MONITOR, ClaimantKind.INTERNATIONAL):
        stance = Stance.ESTIMATES
    # A text that reports a strike but states no harm still records the strike (figures unknown), so that an
    # analyst can trace the allegation; texts that do state harm only yield claims that carry it.
    located_strike = strike_report and any(u.kind == "attack" and u.places for u in units) and (
        event.place is not None
        and (
            event.place.precision is not PlacePrecision.COUNTRY
            or any(m.kind_hint in ("village", "city", "neighbourhood") for u in units for m in u.places)
        )
    )
    if not figs and not victims and stance not in (Stance.DENIES, Stance.DISPUTES, Stance.ACKNOWLEDGES) and not (
        located_strike
    ):
        return None
    kind = ClaimKind.AGGREGATE if event.aggregate else ClaimKind.INCIDENT
    if kind is ClaimKind.AGGREGATE:
        main = figs.get("killed") or figs.get("killed_or_injured") or figs.get("injured")
        if main is None or main.value is None:
            return None
    primary = primary or next((u for u in units if u.kind == "stance"), units[0])
    if stance_cue is not None:
        su, sc = stance_cue
        evidence.append(Evidence("stance", Span.of(text, su.sent.start + sc.start, su.sent.start + sc.end), sc.rule))
        fired.append(sc.rule)
    # Place: the claimant's own, else the event's, else the document's country.
    place: Place | None = None
    siblings: list[Place] = []
    kinds = ev_mod.hints(units)

    def rank(p: Place) -> int:
        return ev_mod.place_rank(p, kinds.get((p.span.start, p.span.end)) if p.span else None)

    for p, sib in places:
        if p is not None and (place is None or rank(p) < rank(place)):
            place, siblings = p, sib
    if place is None:
        place = event.place
    elif event.place is not None and event.place is not place and ev_mod.contains(place, event.place, event.containers):
        # "nine were killed in Idlib" about the strike on Jisr al-Shughour: the finer place, with the
        # claimant's own words kept beside it.
        siblings = [place, *siblings]
        place = event.place
    if place is None or (
        place.lat is None
        and country_place is not None
        and place.precision in (PlacePrecision.UNRESOLVED,)
        and not place.admin1
    ):
        if place is None:
            place = country_place
        elif country_place is not None:
            place = replace(place, country=place.country or country_place.country)
    if place is not None and place.span is not None and _fallback(place, ctx.gz):
        place = _stand_in(place, ctx)
    if place is not None and place.span is not None:
        evidence.append(Evidence("place", place.span, None))
    for u in units:
        for m in u.places:
            if m.rule:
                fired.append(m.rule)
    # Date: the claimant's own statement, else the event's, else "on or before publication".
    interval = _claim_date(units, event, ref, ref_source, document.publication_bound(), text, evidence, fired)
    if kind is ClaimKind.AGGREGATE:
        interval = _period(units, ref) or interval
    bells: list[str] = []
    for u in units:
        for a in u.actors:
            if a.canonical not in bells:
                bells.append(a.canonical)
                evidence.append(
                    Evidence("belligerent", Span.of(text, u.sent.start + a.start, u.sent.start + a.end), a.rule)
                )
                fired.append(a.rule)
    if stance in (Stance.ACKNOWLEDGES, Stance.DENIES, Stance.DISPUTES) and units[0].claimant_name:
        from civcas.extract.actors import find_actors

        for a in find_actors(units[0].claimant_name, rules=rules):
            if a.canonical not in bells:
                bells.append(a.canonical)
    if not bells and kind is ClaimKind.INCIDENT:
        bells = list(event.belligerents) or list(fallback_bells)
    if "coalition" in bells:
        # "US jets of the US-led coalition": the members' forces are the coalition's in one passage.
        bells = [b for b in bells if b not in ("US", "UK", "France")]
    claimant = units[0].claimant_name or "outlet"
    cspan = next((u.claimant_span for u in units if u.claimant_span), None)
    if cspan is not None:
        evidence.append(Evidence("claimant", Span.of(text, *cspan), None))
    if claimant == "outlet":
        ckind = ClaimantKind.OUTLET
    quote_unit = primary
    qspan = Span.of(text, quote_unit.sent.start, quote_unit.sent.end)
    targets = sorted({t for u in units for _, _, t in u.targets})
    weapons = sorted({w for u in units for _, _, w in u.weapons})
    digest = hashlib.sha1(f"{document.id}|{event.index}|{claimant}|{qspan.start}".encode()).hexdigest()[:10]
    return Claim(
        id=f"{document.id}:{n}:{digest}",
        doc_id=document.id,
        kind=kind,
        quote=qspan.text,
        quote_span=qspan,
        stance=stance,
        claimant=claimant,
        claimant_kind=ckind,
        date=interval,
        place=place,
        places=tuple(siblings),
        belligerents=tuple(bells),
        killed=figs.get("killed"),
        injured=figs.get("injured"),
        killed_or_injured=figs.get("killed_or_injured") if "killed" not in figs else None,
        victims=tuple(victims.items()),
        victim_status=VictimStatus(status) if status in ("civilian", "combatant") else VictimStatus.UNSPECIFIED,
        targets=tuple(targets),
        weapons=tuple(weapons),
        evidence=tuple(evidence),
        rules=tuple(dict.fromkeys(r for r in fired if r)),
    )


def _claim_date(
    units: list[Unit],
    event: ev_mod.Event,
    ref: date | None,
    ref_source: str,
    bound: tuple[date, str] | None,
    text: str,
    evidence: list[Evidence],
    fired: list[str],
) -> DateInterval | None:
    own = [u.date_interval for u in units if u.date_interval and (u.date_interval[0] or u.date_interval[1])]
    if own:
        s, e, prec, mention = own[0]
        span = None
        rule = getattr(mention, "rule", None)
        u0 = next(u for u in units if u.date_interval is own[0])
        if mention is not None and hasattr(mention, "start"):
            span = Span.of(text, u0.sent.start + mention.start, u0.sent.start + mention.end)
            evidence.append(Evidence("date", span, rule))
        if rule:
            fired.append(rule)
        return DateInterval(s, e, _precision(prec), span, rule)
    if event.start or event.end:
        rule = event.date_rule
        return DateInterval(
            event.start,
            event.end,
            DatePrecision.DAYS if rule == "inherited" else DatePrecision.DAY,
            None,
            rule or "event",
        )
    if ref is not None and ref_source == "published":
        return DateInterval(None, ref, DatePrecision.PERIOD, None, "on_or_before_publication")
    if ref is not None and ref_source == "url":
        return DateInterval(None, ref, DatePrecision.PERIOD, None, "on_or_before_url_date")
    if bound is not None and bound[1] == "url_month":
        return DateInterval(None, bound[0], DatePrecision.PERIOD, None, "on_or_before_url_month")
    return None


def _period(units: list[Unit], ref: date | None) -> DateInterval | None:
    """A tally's period ("since 2014", "from August 2014 to March 2017"); open-ended tallies end at publication."""
    from civcas.extract.dates import period

    for u in units:
        got = period(u.sent.text, u.dates + ([u.offset] if u.offset else []), ref)
        if got is not None:
            return DateInterval(got[0], got[1], DatePrecision.PERIOD, None, "period")
    for u in units:
        if any(r.endswith(("#in_the_conflict", "#in_total")) for _, _, r in u.aggregate) and ref is not None:
            return DateInterval(None, ref, DatePrecision.PERIOD, None, "to_date")
    return None


def _precision(p: str) -> DatePrecision:
    try:
        return DatePrecision(p)
    except ValueError:
        return DatePrecision.DAYS
