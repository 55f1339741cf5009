"""The extraction pipeline for one document: sentences -> statements -> events -> claims.

Pure: the document, the rule files and the (read-only) gazetteer in, claims
out. Every value in a claim carries its span into ``document.text`` and the
``file@version#id`` of the rule that produced it.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import hashlib
import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from civcas.extract import arabic, geoparse
from civcas.extract import events as ev_mod
from civcas.extract.actors import OCCUPATION, resolve_document_forces, state_of_body, without_the_blamed
from civcas.extract.config import ExtractConfig
from civcas.extract.dates import (
    day_after_post,
    page_date,
    post_signature,
    reference_date,
    weekday_dated,
    writing_year,
    year_hint,
)
from civcas.extract.figures import Group, Harm
from civcas.extract.rules import RuleFiles, load_rules
from civcas.extract.stance import find_stance
from civcas.extract.statements import Unit, sentence_units
from civcas.extract.text import Sentence, phrase_regex, split_sentences
from civcas.ingest.furniture import default_furniture
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
    bound = document.publication_bound()
    ref: date | None
    if document.published is None and bound is not None and bound[1] == "url":
        # a post's or an article's address dates it ("twitter.com/.../status/<id>", "/2022/01/26/"): when it
        # was posted, where a date line in the text may be the day the page was captured
        ref, ref_source = bound[0], "url"
    else:
        ref, ref_source = reference_date(text, document.published, rules=rules)
    if ref is None and (stamp := page_date(text, rules=rules)) is not None:
        # a page's date printed under its byline, or the posts it embeds (the page appeared by the latest one's day,
        # on the weekday it says is today: "اليوم السبت" after a post of Friday is the Saturday after it)
        ref, ref_source = stamp, "dateline"
        if stamp == post_signature(text):
            ref = day_after_post(text, stamp, rules=rules)
    if ref is None and (stamp := weekday_dated(text, rules=rules)) is not None:
        # "on the morning of Friday, Apr. 22, 2022" under a photo: the page's "on Friday" is that day
        ref, ref_source = stamp, "dateline"
    yh = ref.year if ref is not None else (bound[0].year if bound is not None else year_hint(text, rules=rules))
    if yh is None:
        # no date says the year: the year of the page's full Arabic dates, else the one it says it is written in
        # ("منذ بداية العام الحالي 2023"), for its days without a year ("الخميس 25 آب")
        from civcas.extract.arabic_dates import doc_year
        from civcas.extract.arabic_lexicon import arabic_lex

        yh = doc_year(text, arabic_lex(rules)) if arabic.is_arabic(text[:2000]) else None
        written = writing_year(text, rules=rules)
        if yh is None and written is not None:
            yh = written[0]
        elif yh is not None and written is None:
            # the year of background dates ("the truce of 5 March 2020"), unless the page's "Saturday 17 September"
            # falls on a Saturday only in a later year
            from civcas.extract.arabic_dates import weekday_year

            yh = weekday_year(text, arabic_lex(rules), yh)
    elif ref is None and bound is None:
        # full dates give the year of a bare "July 23", yet they may all be the past ("the SDF took Tabqa in May
        # 2017"): a page that says it is written in a year still dates its otherwise undated claims by it
        written = writing_year(text, rules=rules)
    else:
        written = None
    sentences = _before_comments(text, split_sentences(text))
    gz = config.gazetteer
    headline_ids = _headlines(sentences)
    cue = _cue_regex(rules)
    units: list[Unit] = []
    kept: list[Sentence] = []
    # a post's hashtag lines and its lede before its first statement: (sentence, spotted names, a line of tags)
    head: list[tuple[Sentence, list[Any], bool]] = []
    # a post's tag lines after its statements ("#إدلب #أريحا #مجزرة_أريحا" closing a post)
    tail: list[tuple[Sentence, list[Any], bool]] = []
    # names the gazetteer knows in sentences that state nothing ("... من مدينة معرة النعمان" in a list of the dead):
    # a last hint at the document's country (``geoparse.resolve_places``)
    background: list[Any] = []
    # a line that opens with a full date and names a place, stating nothing itself ("March 17, 2017, near Mosul,
    # Iraq, via Airwars report."): the scene of the statements that follow it in its paragraph
    scene: _Scene | None = None
    for s in sentences:
        if scene is not None and s.paragraph != scene.sentence.paragraph:
            scene = None
        leads = bool(_SCENE_LEAD.match(s.text)) and _LIST_NUMBER.fullmatch(
            text, text.rfind("\n", 0, s.start) + 1, s.start
        ) is not None
        # Only sentences with a cue (harm, attack, source, stance) can state a claim; the rest are skipped
        # before the costlier extractors and the gazetteer run.
        if not (arabic.is_arabic(s.text) or cue.search(s.text) or arabic.has_arabic_statement(s.text, rules)
                # a dispute with no word of harm in it: "There is no indication that any civilians were harmed"
                or any(c.stance is Stance.DISPUTES for c in find_stance(s.text, rules=rules))):
            if leads:
                scene = _scene(text, s, gz, rules, ref, yh) or scene
            continue
        if _TAGS_ONLY.fullmatch(s.text):
            # "#درعا_تحت_القصف", "#Idlib #Syria": a post's tags, not a statement; before the first statement
            # they say where the post is about ("#الحسكة #العطالة" over "the coalition killed him")
            if gz is not None and arabic.is_arabic(s.text):
                (tail if units else head).append((s, geoparse.spot(gz, s), True))
            continue
        sp = geoparse.spot(gz, s) if gz is not None else []
        got = sentence_units(
            text, s, rules=rules, reference=ref, year_hint=yh, spotted=sp, headline=s.index in headline_ids
        )
        if got:
            kept.append(s)
            if scene is not None:
                _set_scene(got, scene)
            units.extend(got)
            continue
        if leads:
            scene = _scene(text, s, gz, rules, ref, yh) or scene
        background.extend(sp)
        if not units and gz is not None and arabic.is_arabic(s.text):
            if _heading(s.text):
                # "#إدلب الريف الجنوبي :", "اليوم في #سرمين": a post's heading, a tagged place in a few words
                head.append((s, sp, True))
            elif s.start < _LEDE_CHARS:
                # "تكشفت تفاصيل جريمة ... في بلدة جديدة كحيط شرق الرقة": a lede that names the place, then the toll
                head.append((s, sp, False))
    # A text with no count at all reports a strike ("Jets struck X"), and its denial ("the ministry denied bombing
    # the building") does not make the strike it denies any less reported.
    strike_report = not any(u.has_figure for u in units)
    # "Jets killed civilians in al-Jadida": harm without a count is as much a located strike as "Jets struck"
    if strike_report and not any((u.kind in ("attack", "harm") and u.places) or u.kind == "stance" for u in units):
        return []
    ev_mod.resolve_claimants(units)
    head_unit = _head_unit(text, head, rules)
    tail_unit = _head_unit(text, tail, rules)
    page_unit = _page_unit(text, sentences, gz, rules)
    extra = [u for u in (head_unit, tail_unit, page_unit) if u is not None]
    resolved, doc_country = geoparse.resolve_places(text, [*extra, *units], gz, [*(u.sent for u in extra), *kept],
                                                    background=background, outlet=document.outlet)
    for u in units:
        if u.stance is not None and u.stance.stance is Stance.DENIES:
            u.actors = without_the_blamed(u.sent.text, u.stance.end, u.actors)
    occupier = resolve_document_forces([u.actors for u in units], doc_country, rules)
    unit_places = {i: ev_mod.choose_place(u, resolved, doc_country) for i, u in enumerate(units)}
    ev_mod.mark_sums(units)
    events = ev_mod.cluster(units, unit_places, ref, doc_country)
    fallback_bells = ev_mod.doc_belligerents(units)
    country_place = geoparse.country_place(gz, doc_country)
    anchors = geoparse.anchor_places(resolved, units, gz, doc_country)
    ctx = _DocContext(
        document, text, ref, ref_source, fallback_bells, country_place, rules, strike_report, anchors,
        tuple(s.start for s in sentences), gz,
        _head_place(head_unit, resolved, doc_country) or _head_place(tail_unit, resolved, doc_country)
        or _head_place(page_unit, resolved, doc_country, _PAGE_WHY), occupier,
        doc_country, written,
        frozenset(u.sent.index for u in units
                  if u.stance is not None and u.stance.stance in (Stance.DENIES, Stance.DISPUTES)),
        config.as_of,
    )
    claims: list[Claim] = []
    event_of: dict[str, int] = {}
    # A headline's statement stands aside when the body tells the strike itself; a body with only tallies does not.
    # A title cut short ("… دوار الباسل...") is the body's first words: it stands aside when the body tells its event.
    body_has_claims = any(not u.headline and u.has_figure and not events[u.event].aggregate for u in units)
    told = {(u.event, u.kind, u.has_figure) for u in units if not u.headline}
    # ... but a headline's count of a harm the body never counts is the only one ("Gunmen killed 12 people in the
    # market" over "Local officials put the number of injured at 30")
    body_counts = {h.category for u in units if not u.headline and not events[u.event].aggregate
                   for h in u.harms if h.value is not None or h.groups}

    def only_count(u: Unit) -> bool:
        cats = {h.category for h in u.harms if h.value is not None}
        return bool(cats) and "killed_or_injured" not in cats | body_counts and not cats & body_counts

    def restated(u: Unit) -> bool:
        """A cut title whose event the body tells with the same kind of statement, and a figure if it has one."""
        return _cut(u.sent.text) and ((u.event, u.kind, True) in told or (u.event, u.kind, u.has_figure) in told)

    for event in events:
        groups: dict[str, list[int]] = {}
        for ui, u in enumerate(units):
            if u.event != event.index or (u.headline and ((body_has_claims and not only_count(u)) or restated(u))):
                continue
            groups.setdefault(ev_mod.claimant_key(u.claimant_name), []).append(ui)
        first = len(claims)
        for _key, idxs in groups.items():
            claim = _build_claim(ctx, event, [units[i] for i in idxs], [unit_places[i] for i in idxs], len(claims))
            if claim is not None:
                claims.append(claim)
                event_of[claim.id] = event.index
        claims[first:] = _share_belligerents(claims[first:])
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


def _share_belligerents(claims: list[Claim]) -> list[Claim]:
    """One strike's claims share the force that struck: "The Turkish Defence Ministry said its jets had neutralised
    12 PKK terrorists ..., while local officials said three shepherds were among the dead" (the officials' claim names
    no force, the ministry's own jets struck). An incident claim naming none takes the others' forces and their
    evidence."""
    known = [c for c in claims if c.kind is ClaimKind.INCIDENT and c.belligerents]
    if not known or len(known) == len(claims):
        return claims
    bells = tuple(dict.fromkeys(b for c in known for b in c.belligerents))
    spans = tuple(dict.fromkeys(e for c in known for e in c.evidence if e.field == "belligerent"))
    return [
        replace(c, belligerents=bells, evidence=(*c.evidence, *spans))
        if c.kind is ClaimKind.INCIDENT and not c.belligerents else c
        for c in claims
    ]


#: a line's opening full date: "March 17, 2017,", "17 March 2017", "1. Mar. 17, 2017," (an entry of a numbered list)
_SCENE_LEAD = re.compile(
    r"^(?:\d{1,3}\.\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d\d|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+(?:19|20)\d\d)\b"
)


#: what may stand before a line's first sentence on its line: nothing, or an entry's number ("1. ", "(2)")
_LIST_NUMBER = re.compile(r"[ \t]*(?:\(?\d{1,3}[.)][ \t]*)?")


@dataclass(frozen=True, slots=True)
class _Scene:
    sentence: Sentence
    date: Any  # the line's DateMention (offsets relative to its own sentence)
    places: tuple[Any, ...]  # its PlaceMentions (document offsets)


def _scene(text: str, s: Sentence, gz: Any, rules: RuleFiles, ref: date | None, yh: int | None) -> _Scene | None:
    """The date and places of a line that opens with a full date, when it states nothing of its own."""
    from civcas.extract.dates import find_dates
    from civcas.extract.places import find_mentions

    dates = [d for d in find_dates(s.text, reference=ref, year_hint=yh, rules=rules)
             if d.start <= 8 and d.start_date is not None and d.start_date == d.end_date]
    if not dates:
        return None
    spotted = geoparse.spot(gz, s) if gz is not None else []
    places = tuple(find_mentions(text, s.start, s.end, gazetteer=None, spotted=spotted, rules=rules))
    return _Scene(s, dates[0], places) if places else None


def _set_scene(units: list[Unit], scene: _Scene) -> None:
    """The statements after a scene's line take its date and places where they name none of their own."""
    for u in units:
        if not u.dates and u.offset is None:
            shift = scene.sentence.start - u.sent.start
            u.dates = [replace(scene.date, start=scene.date.start + shift, end=scene.date.end + shift)]
        if not u.places:
            u.places = list(scene.places)


def _head_unit(text: str, head: list[tuple[Sentence, list[Any], bool]], rules: RuleFiles) -> Unit | None:
    """The place mentions of a post's leading hashtag lines and lede, as one statement-less unit for the geoparser."""
    if not head:
        return None
    tags: list[PlaceMention] = []
    prose: list[PlaceMention] = []
    for s, sp, tag_line in head:
        (tags if tag_line else prose).extend(arabic.tag_places(text, s, rules=rules, spotted=sp, tag_line=tag_line))
    # Tags run from the area to the spot ("#سوريا #الحسكة #العطالة"): each lies within the ones before it, not
    # within the one after it as a place followed by another in prose would ("كفرنبل، إدلب").
    tags.sort(key=lambda m: m.span.start)
    tags = [replace(m, within=tuple(x.text for x in tags[:i])) for i, m in enumerate(tags)]
    mentions = sorted(tags + prose, key=lambda m: m.span.start)
    if not mentions:
        return None
    first, last = head[0][0], head[-1][0]
    sent = Sentence(first.index, first.start, last.end, text[first.start : last.end], first.paragraph)
    return Unit(sent=sent, kind="say", region=(0, len(sent.text)), places=mentions)


def _head_place(
    u: Unit | None, resolved: dict[tuple[int, int], Place], country: str | None,
    why: str = "named at the head of the post (its hashtags or lede); its statement names no place",
) -> Place | None:
    """The finest located place the head of the post names (its hashtags, its lede), finer than a country."""
    if u is None:
        return None
    located = [resolved[k] for k in ((m.span.start, m.span.end) for m in u.places) if k in resolved]
    # the last and finest: a village after its province, a town's tag after the capital's
    ranked = sorted(
        enumerate(located),
        key=lambda ip: (
            # a tag the gazetteer lacks, placed in the area tagged before it, is still the village
            ev_mod.place_rank(ip[1], "village" if ev_mod.located_by_context(ip[1]) else None),
            ev_mod.capital_named_as_area(ip[1]),
            -ip[0],
        ),
    )
    place = ranked[0][1] if ranked else None
    if place is None or place.lat is None or place.precision in (PlacePrecision.COUNTRY, PlacePrecision.UNRESOLVED):
        return None
    if country and place.country and place.country != country:
        return None
    return replace(place, reasons=(*place.reasons, why))


_PAGE_WHY = "the town of the page that posted it (its name, in the post's title); its statement names no place"
#: a captured post's title line: its first words, a dash and the name of the page that posted it
_PAGE_TITLE = re.compile(r"^.*\S[\s\u00a0]+[-–][\s\u00a0]+(?P<page>[^\-–|#\n]{3,60}?)[\s\u00a0]*$")


def _page_unit(text: str, sentences: list[Sentence], gz: Any, rules: RuleFiles) -> Unit | None:
    """The town a local page is named after ("وفاة الشاب ... - مكتب الأتارب الإعلامي", "... - تلفزيون حلب"), as a
    statement-less unit: a post that says "the city" without naming it speaks of its page's town.

    Only an Arabic page name with a word of an outlet's signature (``places.ar`` ``signature_words``), so a person's
    page names no place; the town is the first name the gazetteer spots in it that is no such word.
    """
    if gz is None or not sentences or sentences[0].start != 0:
        return None
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    m = _PAGE_TITLE.match(text, 0, line_end) if line_end <= 300 else None
    if m is None or not arabic.is_arabic(m.group("page")):
        return None
    from civcas.extract.arabic_lexicon import arabic_lex
    from civcas.extract.arabic_text import fold_phrase

    signature = arabic_lex(rules).signature_words
    if signature.isdisjoint(fold_phrase(w) for w in m.group("page").split()):
        return None
    a, b = m.span("page")
    first = sentences[0]
    page = Sentence(first.index, a, b, text[a:b], first.paragraph)
    names = [x for x in geoparse.spot(gz, page) if fold_phrase(x.text) not in signature]
    if not names:
        return None
    best = names[0]  # the name after the signature word opens the page's town: "أخبار حلب وحي الملعب البلدي"
    mention = PlaceMention(best.text, Span.of(text, best.start, best.end), rule="pipeline#page_name")
    return Unit(sent=page, kind="say", region=(0, len(page.text)), places=[mention])


#: how far into a document a lede without a statement may name the place of the statements after it
_LEDE_CHARS = 600


def _heading(line: str) -> bool:
    return bool(_TAG_HEAD.fullmatch(line) or _SHORT_TAGGED.fullmatch(line))


_SHORT_TAGGED = re.compile(r"[\s\u00a0|]*(?:[^\s#]+[\s\u00a0]+){0,3}#[^\s#]+(?:[\s\u00a0]+[^\s]+){0,2}[\s\u00a0|]*")
_TAG_HEAD = re.compile(r"[\s\u00a0|]*#[^\s#]+(?:[\s\u00a0]+[^\s:]+){0,4}[\s\u00a0]*:[\s\u00a0|]*")
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


#: the word a count of civilians is told by (not another category the civilians include: "بينهم صحفي", a journalist)
_CIVILIAN_WORD = re.compile(r"civilian|non-?combatant|مدني", re.IGNORECASE)


def _drop_restatements(claims: list[Claim], event_of: dict[str, int]) -> list[Claim]:
    """The outlet's own-voice figure that restates a named source's figure for the same event is not a claim.

    "The coalition's latest assault claimed the lives of over 40 civilians" in a lede, followed by
    "at least 45 civilians were killed..., the ministry said", is one claim: the ministry's.
    """
    named: dict[int, list[tuple[float, float]]] = {}
    hurt: set[int] = set()
    for c in claims:
        if c.kind is ClaimKind.INCIDENT and c.claimant not in ("outlet", "unattributed", "reports", None):
            r = _range(c.killed or c.killed_or_injured)
            if r is not None:
                named.setdefault(event_of[c.id], []).append(r)
            if c.injured is not None:
                hurt.add(event_of[c.id])
    out = []
    for c in claims:
        ev = event_of[c.id]
        # (an outlet's figure of the wounded that no named source gives keeps its claim: "Ten civilians were
        # martyred and nearly 32 others were injured", then "the sources said ten were killed")
        if c.kind is ClaimKind.INCIDENT and c.claimant == "outlet" and ev in named and not c.victims and not (
            c.injured is not None and ev not in hurt
        ):
            r = _range(c.killed or c.killed_or_injured)
            if r is not None and any(r[0] <= b and a <= r[1] for a, b in named[ev]):
                log.debug("%s: outlet figure restates a named source's for the same event; dropped", c.id)
                continue
        out.append(c)
    return out


#: An opener that lists the dead ("the dead included", "among those killed were"), not "the victims" (who may be the
#: wounded too)
_DEAD_OPENER = re.compile(r"\b(?:dead|killed|fatalities|martyrs|deceased)\b", re.IGNORECASE)


def _dead_listed(text: str, units: list[Unit]) -> tuple[Figure, Span, str | None] | None:
    """At least the people an opener lists among the dead, when each is counted: "The dead included a woman and her
    two children" is at least three killed. Only for an event that tells no toll of its own (a breakdown of a toll
    told before is its categories, not a second figure)."""
    for u in units:
        for h in u.harms:
            if h.form != "categories" or h.category != "killed" or not _DEAD_OPENER.search(h.cue.text):
                continue
            groups = list({id(g): g for _, g in h.victims}.values())
            if not groups or any(g.value is None or g.qualifier in (Qualifier.MOSTLY, Qualifier.MENTIONED)
                                 for g in groups):
                continue
            groups.sort(key=lambda g: g.start)
            first, last = groups[0], groups[-1]
            span = Span.of(text, u.sent.start + first.start, u.sent.start + last.end)
            fig = Figure(sum(g.value or 0 for g in groups), Qualifier.AT_LEAST, text=span.text, span=span,
                         rule=h.cue.rule)
            return fig, Span.of(text, u.sent.start + h.cue.start, u.sent.start + h.cue.end), h.cue.rule
    return None


_AR_WORD = re.compile(r"[\u0621-\u064a]+")


@functools.cache
def _harm_words(rules: RuleFiles, field: str) -> tuple[re.Pattern[str], frozenset[str]]:
    """A word list both harm lexicons keep under ``field`` ("others": "and 14 others wounded", "وأصيب 14 آخرون";
    "additive": "in addition to", "بالإضافة"): English as a regex, Arabic folded."""
    from civcas.extract.arabic_text import fold_phrase

    words = getattr(rules.harm, field)
    en = phrase_regex(words) if words else re.compile(r"(?!)")
    ar = frozenset(fold_phrase(w) for w in getattr(rules.ar_harm, field)) if rules.ar_harm is not None else frozenset()
    return en, ar


#: a cue that names the dead and the wounded both ("killed and wounded", "فقدان وإصابة"): its count is of the two
_BOTH_NAMED = re.compile(
    r"(?=.*\b(?:kill|dead|death|martyr))(?=.*\b(?:injur|wound))|"
    r"(?=.*(?:قتل|مقتل|استشهد|استشهاد|فقد|شهداء|قتلى))(?=.*(?:اصاب|إصاب|أصيب|جرح|جريح))",
    re.IGNORECASE | re.DOTALL,
)


def _told_both(units: list[Unit]) -> bool:
    """Whether the count of killed or injured came with a cue naming both ("20 killed and wounded"): that count is
    of the dead and the wounded together, never of the dead alone, whatever else counts the wounded."""
    return any(h.category == "killed_or_injured" and _BOTH_NAMED.match(h.cue.text) for u in units for h in u.harms)


def _others_wounded(units: list[Unit], rules: RuleFiles) -> bool:
    """Whether the wounded are counted as "others" beside the victims ("14 others were wounded", "أصيب 14 آخرون"),
    words right after their count or before it."""
    from civcas.extract.arabic_text import fold as fold_ar

    en, ar = _harm_words(rules, "others")
    add_en, add_ar = _harm_words(rules, "additive")
    for u in units:
        for h in u.harms:
            if h.category != "injured" or not h.groups:
                continue
            lo, hi = min(g.start for g in h.groups), max(g.end for g in h.groups)
            near = u.sent.text[max(0, lo - 12) : hi + 14]
            # (the Arabic words as letters only: "آخرون." at a sentence's end is the word)
            if en.search(near) or any(w in ar for w in _AR_WORD.findall(fold_ar(near).text)):
                return True
            # "9 victims, in addition to 40 wounded", "9 أشخاص بالإضافة لأكثر من 40 جريحاً": the wounded added to them
            before = u.sent.text[max(0, lo - 28) : lo]
            if add_en.search(before) or any(w in add_ar for w in _AR_WORD.findall(fold_ar(before).text)):
                return True
    return False


#: a harm cue that counts its subject among more victims ("were among those killed", "was among the dead")
_AMONG_THE_DEAD = re.compile(r"\bamong\s+(?:those|the)\b", re.IGNORECASE)


def _keeps_both(figs: dict[str, Figure]) -> bool:
    """A killed-or-injured total stands beside the killed figure only when it counts more people: "25
    casualties, among them 10 dead"."""
    both, killed = figs.get("killed_or_injured"), figs.get("killed")
    if both is None or killed is None:
        return both is not None
    return both.value is not None and killed.value is not None and both.value > killed.value


@functools.cache
def _own_forces(rules: RuleFiles) -> re.Pattern[str]:
    """A possessive before a force's noun (``military_nouns`` of the belligerents file): the force of whoever the
    sentence quotes ("said its jets struck")."""
    nouns = phrase_regex(rules.belligerents.military_nouns).pattern
    # "said Monday that its strike ...": a day between the verb and its clause
    day = r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\s+"
    # ("said the claims that its drone killed civilians were baseless": the force whose drone is meant)
    claims = r"(?:(?:the\s+)?(?:claims?|reports?|allegations?|accusations?)\s+)?"
    return re.compile(rf"\bsaid\s+(?:{day})?{claims}(?:that\s+)?(?:its|their)\s+(?:own\s+)?(?:{nouns})",
                      re.IGNORECASE)


@functools.cache
def _victim_nouns(rules: RuleFiles) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Any victim noun of the English and (folded) Arabic victims lexicons."""
    from civcas.extract.arabic_text import fold_phrase

    en = phrase_regex([w for e in rules.victims.entries for w in (*e.singular, *e.plural)])
    ar_words = sorted({fold_phrase(w) for e in (rules.ar_victims.entries if rules.ar_victims else ())
                       for w in (*e.singular, *e.dual, *e.plural)}, key=len, reverse=True)
    alternation = "|".join(map(re.escape, ar_words))
    ar = re.compile(rf"(?<![\u0621-\u064a])(?:[وفبل]?(?:ال)?)(?:{alternation})(?![\u0621-\u064a])"
                    if ar_words else r"(?!)")
    return en, ar


def _names_victims(u: Unit, rules: RuleFiles) -> bool:
    """Whether the unit's harm, told without a count, names who was harmed: a victim noun by its cue ("wounding
    civilians", "ما أدى لسقوط جرحى في صفوف المدنيين") or a harm noun that names them ("جرحى"), not a thing that
    "blew up"."""
    from civcas.extract.arabic_text import fold as fold_ar

    en, ar = _victim_nouns(rules)
    for h in u.harms:
        if h.negated:
            continue
        if h.form == "person":
            return True
        # the words by the cue, within its clause: "wounding civilians", "civilians were killed"
        t = u.sent.text
        after = _CLAUSE_END.split(t[h.cue.end : h.cue.end + 40], maxsplit=1)[0]
        before = _CLAUSE_END.split(t[max(0, h.cue.start - 40) : h.cue.start])[-1]
        for window in (after, before):
            if arabic.is_arabic(window) and ar.search(fold_ar(window).text):
                return True
            if not arabic.is_arabic(window) and en.search(window):
                return True
    return False


_CLAUSE_END = re.compile(r"[,.;:!?،؛]")


def _own_kill_word(u: Unit, rules: RuleFiles) -> bool:
    """Whether the unit's killing is told in a force's own word for its kills (``own_kill`` of the harm file)."""
    if not rules.harm.own_kill:
        return False
    own = phrase_regex(rules.harm.own_kill)
    return any(h.category == "killed" and own.search(h.cue.text) for h in u.harms)


def _forces_named(name: str, rules: RuleFiles, country: str | None = None) -> list[str]:
    """The forces a source's name names, in English or Arabic, as the document's country names them ("the
    coalition" denying a strike in Yemen is the Saudi-led coalition: :func:`actors.localise`)."""
    from civcas.extract import arabic
    from civcas.extract.actors import localise

    if arabic.is_arabic(name):
        from civcas.extract.arabic_actors import find_actors as find_ar
        from civcas.extract.arabic_figures import scan
        from civcas.extract.arabic_lexicon import arabic_lex
        from civcas.extract.arabic_text import fold as fold_ar
        from civcas.extract.arabic_text import tokens

        lex = arabic_lex(rules)
        folded = fold_ar(name)
        found_ar = find_ar(scan(folded, tokens(folded.text), lex), lex)
        localise([found_ar], country, rules)
        return [a.canonical for a in found_ar]
    from civcas.extract.actors import find_actors, states_named

    found = find_actors(name, rules=rules)
    localise([found], country, rules)
    return [a.canonical for a in found] or states_named(name, rules)


def _before_comments(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences before the readers' comments under a captured post ("…الرقة.All reactions:182 comments…"), the
    one they run into cut where they begin: the text stays whole, its comments state no claim."""
    furniture = default_furniture()
    cut = furniture.comments_start(text)
    if cut is None:
        return sentences
    out = [s for s in sentences if s.end <= cut]
    for s in sentences[len(out):]:
        if s.start < cut and text[s.start : cut].strip():
            end = s.start + len(text[s.start : cut].rstrip())
            out.append(replace(s, end=end, text=text[s.start : end]))
        break
    # the post's author going on under it ("التفاصيل في أول تعليق"): read with the post
    para = out[-1].paragraph + 1 if out else 0
    for a, b in furniture.author_comments_after(text, cut):
        for s in split_sentences(text[a:b]):
            out.append(Sentence(len(out), a + s.start, a + s.end, s.text, para))
        para += 1
    return out


def _cut(line: str) -> bool:
    """Whether a line stops short with an ellipsis, as a page title made of a post's first words does (not a
    post's shortened link, "..https://…")."""
    return line.endswith(("...", "…")) and not line.endswith("....") and "http" not in line


def _headlines(sentences: list[Sentence]) -> set[int]:
    """Title lines: the opening lines, before the first body sentence, that do not end like a sentence.

    A line cut short with an ellipsis ("Page name - The militia executed...") is a page's title or a post's teaser,
    which the body then gives whole."""
    out: set[int] = set()
    for s in sentences[:8]:
        if not (s.index < 3 and _cut(s.text)) and re.search(r"[.!?…”\"']$", s.text) and len(s.text.split()) >= 8:
            break
        if len(s.text.split()) <= 30:
            out.add(s.index)
    return out


# ------------------------------------------------------------------------------------------------ places


@functools.cache
def _word_regex(rules: RuleFiles, field: str) -> re.Pattern[str] | None:
    """The words of a list of both harm files (``detention``, ``airborne``), English as written, Arabic folded (with
    a conjunction or preposition written onto it)."""
    from civcas.extract.arabic_text import fold_phrase

    en: list[str] = getattr(rules.harm, field)
    alts = [phrase_regex(en).pattern] if en else []
    ar = [fold_phrase(w) for w in (getattr(rules.ar_harm, field) if rules.ar_harm is not None else [])]
    if ar:
        alts.append("(?<![\u0621-\u064a])[وفبل]?(?:" + "|".join(re.escape(w) for w in sorted(ar, key=len, reverse=True))
                    + ")(?![\u0621-\u064a])")
    return re.compile("|".join(alts)) if alts else None


#: forces whose detention raids a monitor of air power codes (the coalition's, with its members')
_AIR_RAIDERS = frozenset({"coalition", "US", "UK", "France"})


def _detains(u: Unit, rules: RuleFiles) -> bool:
    """Whether a unit tells of an airborne or coalition raid that detains people ("arrested during an airdrop",
    "وجرى اعتقالهما ... بمساندة الطيران المروحي التابع للتحالف الدولي")."""
    detention, airborne = _word_regex(rules, "detention"), _word_regex(rules, "airborne")
    if detention is None or u.kind not in ("attack", "harm"):
        return False
    sentence = u.sent.text
    if arabic.is_arabic(sentence):
        from civcas.extract.arabic_text import fold

        sentence = fold(sentence).text
    if detention.search(sentence) is None:
        return False
    return any(a.canonical in _AIR_RAIDERS for a in u.actors) or (
        airborne is not None and airborne.search(sentence) is not None
    )


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
    quals = {g.qualifier for g in gs}
    qual = first.qualifier if len(quals) == 1 else Qualifier.AT_LEAST
    if quals == {Qualifier.EXACT, Qualifier.APPROX}:
        qual = Qualifier.APPROX  # "about 20 civilians and a Red Crescent worker": about 21, not at least
    if value is None:
        qual = Qualifier.VAGUE
    lows = [g.low for g in gs]
    low = sum(x for x in lows if x is not None) if all(x is not None for x in lows) else None
    highs = [g.high for g in gs]
    high = sum(x for x in highs if x is not None) if qual is Qualifier.APPROX and None not in highs else None
    return Figure(
        value, qual, text=text[start:end], span=Span.of(text, start, end), low=low, high=high, rule=first.rule
    )


def _victim_figure(text: str, base: int, g: Group) -> Figure:
    span = Span.of(text, base + g.start, base + g.end)
    if g.value is None and g.qualifier in (Qualifier.MENTIONED, Qualifier.MOSTLY):
        return Figure(None, g.qualifier, text=g.text, span=span, rule=g.rule)
    ftext = text[base + g.start : base + (g.number_end or g.end)] if g.number_start is not None else g.text
    return Figure(g.value, g.qualifier, max=g.max, text=ftext, span=span, low=g.low, high=g.high, rule=g.rule)


def _add_more(text: str, fig: Figure, main: Harm, main_unit: Unit, cands: list[tuple[Unit, Harm]]) -> Figure:
    """Add figures told as additional in other statements: "killing at least 24 ... killed another 10 people", "a
    woman was seriously injured and her daughter was also wounded"."""
    extra = [(u, h) for u, h in cands if h is not main and h.additive and (u is not main_unit or h.implied_one) and (
        # in the main figure's own sentence only after it, and not after a toll that "rose to" it ("has risen to
        # five after another person was killed" counts that person already); in its own statement only one more
        # told by an ordinal ("shot dead four protesters and killed a fifth")
        u.sent.index != main_unit.sent.index or (h.start > main.start and not _updates(main_unit, main))
    )]
    if not extra or fig.value is None:
        return fig
    values = [h.value for _, h in extra]
    if any(v is None for v in values):
        return fig
    total = fig.value + sum(v for v in values if v is not None)
    qual = fig.qualifier if fig.qualifier in (Qualifier.EXACT, Qualifier.AT_LEAST) else Qualifier.AT_LEAST
    return replace(fig, value=total, qualifier=qual, low=total, high=None if qual is Qualifier.AT_LEAST else total,
                   rule=f"{fig.rule}+additive" if fig.rule else "additive")


def _updates(u: Unit, h: Harm) -> bool:
    """"the death toll rose to 31", "the death toll in the clashes has risen to five": the cue or the words between it
    and its count say the figure updates an earlier one."""
    said = u.sent.text[h.cue.start : max(h.cue.end, h.groups[0].start)] if h.groups else h.cue.text
    return re.search(r"rose|risen|climbed|reached|increased|jumped|now", said, re.I) is not None


def _pick(harms: list[tuple[Unit, Harm]]) -> tuple[Unit, Harm] | None:
    """The figure a claimant gives for an event: one that is not only fighters ("124 militants were killed,
    while 50 fighters and seven civilians died": a monitor counts the civilians), then an update ("rose to"),
    then the largest."""
    if not harms:
        return None

    def key(x: tuple[Unit, Harm]) -> tuple[int, int, int, int, int]:
        u, h = x
        update = 1 if _updates(u, h) else 0
        v = h.value if h.value is not None else (h.groups[0].low or 0 if h.groups else 0)
        fighters_only = bool(h.groups) and all(g.status == "combatant" for g in h.groups)
        return (0 if fighters_only else 1, update, 0 if h.additive else 1, 1 if h.value is not None else 0, v)

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
    #: resolved places a place the gazetteer lacks can stand near, in reading order (``geoparse.stand_in``)
    anchors: tuple[Place, ...] = ()
    sentence_starts: tuple[int, ...] = ()
    gz: Any = None
    #: the place the head of a post names (its hashtags, its lede), for claims whose statements name none
    head_place: Place | None = None
    #: who the document's bare "occupation" is (``actors.resolve_occupation``), for a source so named
    occupier: str | None = None
    #: the country the document is about (``geoparse.resolve_places``)
    country: str | None = None
    #: the year a page with no other date says it is written in, and the phrase's span (``dates.writing_year``)
    written: tuple[int, int, int] | None = None
    #: the sentences where a source denies or disputes harm: harm told there without a count is what is disputed
    disputed_sentences: frozenset[int] = frozenset()
    #: the day of the reading (``ExtractConfig.as_of``): the decade an undated weekday and day are looked for in
    as_of: date | None = None


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
        if fig.qualifier is Qualifier.EXACT and fig.value is not None and _AMONG_THE_DEAD.search(h.cue.text):
            # "A mother and her two daughters were among those killed": at least those the subject counts
            fig = replace(fig, qualifier=Qualifier.AT_LEAST, low=fig.value, high=None)
        fig = _add_more(text, fig, h, u, cands)
        figs[cat] = fig
        primary = primary or u
        if fig.span:
            evidence.append(Evidence(cat, fig.span, fig.rule))
        evidence.append(
            Evidence(f"{cat}_cue", Span.of(text, u.sent.start + h.cue.start, u.sent.start + h.cue.end), h.cue.rule)
        )
        fired.extend(r for r in h.rules if r)
    for cat in ("killed", "injured", "killed_or_injured"):
        parts = [(u, h, h.part_of) for u in units for h in u.harms if h.category == cat and h.part_of is not None]
        if cat in figs or not parts or (cat == "killed_or_injured" and figs):
            continue
        # "Four men came under attack ... One of the dead men had contested the election": nothing else counts the
        # dead, so at least the one the breakdown names
        u, h, g = max(parts, key=lambda x: x[2].value or 0)
        span = Span.of(text, u.sent.start + g.start, u.sent.start + g.end)
        figs[cat] = Figure(g.value, Qualifier.AT_LEAST, text=g.text, span=span, low=g.value, rule="partitive")
        primary = primary or u
        evidence.append(Evidence(cat, span, "partitive"))
        evidence.append(
            Evidence(f"{cat}_cue", Span.of(text, u.sent.start + h.cue.start, u.sent.start + h.cue.end), h.cue.rule)
        )
        fired.append("partitive")
    if ("killed" not in figs and "killed_or_injured" in figs and "injured" in figs and _others_wounded(units, rules)
            and not _told_both(units)):
        # "ارتفع عدد ضحايا القصف إلى 7 مدنيين، فيما أصيب 14 آخرون", "7 victims, while 14 others were wounded": the
        # victims counted apart from the wounded are the dead
        figs["killed"] = figs.pop("killed_or_injured")
        evidence = [replace(e, field=e.field.replace("killed_or_injured", "killed"))
                    if e.field.startswith("killed_or_injured") else e for e in evidence]
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
    if "killed" not in figs:
        opened = _dead_listed(text, units)
        if opened is not None:
            # "The dead included a woman and her two children" with no toll told: at least the people it lists
            fig, cue_span, cue_rule = opened
            figs["killed"] = fig
            if fig.span:
                evidence.append(Evidence("killed", fig.span, fig.rule))
            evidence.append(Evidence("killed_cue", cue_span, cue_rule))
    if "killed" not in figs and "civilians" in victims and victims["civilians"].value is not None:
        # "Among those killed were 20 soldiers and five civilians": the civilian count is the claim's figure.
        figs["killed"] = victims["civilians"]
    civ, dead = victims.get("civilians"), figs.get("killed")
    if (
        civ is not None and dead is not None and civ.value is not None and dead.value is not None
        and civ.value < dead.value and civ.qualifier not in (Qualifier.MOSTLY, Qualifier.MENTIONED)
        and _CIVILIAN_WORD.search(civ.span.text if civ.span else civ.text or "") is not None
        # "five people, among them three children, a woman and another civilian": the children are civilians too
        and set(victims) <= {"civilians", "combatants"}
    ):
        # "At least 19 people, 9 of them civilians, were killed": a claim is about civilian harm, and the text counts
        # the civilians among the dead apart (as "eight civilians and a soldier" counts eight); the total stays in
        # the quote
        figs["killed"] = civ
        evidence = [e for e in evidence if e.field != "killed"]
        if civ.span:
            evidence.append(Evidence("killed", civ.span, civ.rule))
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
            # "the coalition said its strike killed 30 ISIS fighters" concedes no harm to civilians
            and status != "combatant"
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
    # A text that reports a strike but states no count still records the strike (figures unknown), so that an
    # analyst can trace the allegation ("Jets struck X", "Jets killed civilians in X"); texts that do state a
    # count only yield claims that carry one.
    # ... and a raid that detains people is an incident of its own even where the text gives other figures (a monitor
    # codes the coalition's detention raids; their figures are the people taken, not killed)
    detains = not (strike_report or figs or victims) and any(u.places and _detains(u, rules) for u in units)
    # ... and so does harm told without a count ("shelled the town, wounding civilians", "ما أدى لسقوط جرحى"): the
    # text says people were hurt there, whatever it counts elsewhere
    # (not harm a denial or a dispute is about: "had no evidence that civilians were killed in the strike"; and the
    # victims named: "a Toyota pickup blew up" names none)
    hurt = not (strike_report or figs or victims) and stance is Stance.ALLEGES and any(
        not u.headline and u.places and u.sent.index not in ctx.disputed_sentences and _names_victims(u, rules)
        for u in units
    )
    located_strike = (strike_report or detains or hurt) and any(
        u.kind in ("attack", "harm") and u.places for u in units
    ) and (
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
    elif event.place is not None and event.place is not place and ev_mod.village_in_town(
        event.place, place, event.units, ev_mod.hints(event.units)
    ):
        # "حيث استهدفت مسيرة ... في #قرية_المستريحة في ناحية #عين_عيسى" after a sentence on "عين عيسى": the village
        # the gazetteer lacks, located at the town, is the finer place
        siblings = [place, *siblings]
        place = event.place
    elif event.place is not None and place.relation == "dateline" and event.place.relation != "dateline":
        # "SANAA (Reuters) - ... killed 29 children ... the attack in Dahyan": where the report was filed yields
        # to where the event's statements place the strike
        siblings = [place, *siblings]
        place = event.place
    if ctx.head_place is not None and (
        place is None
        or (
            place.precision is PlacePrecision.COUNTRY
            and place.country == ctx.head_place.country
            and not ev_mod.located_by_context(place)  # a village the gazetteer lacks keeps its own name
        )
    ):
        place = ctx.head_place
    if place is None and kind is ClaimKind.INCIDENT:
        place = _sentence_place(units, ctx)
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
    if place is not None and place.span is not None and geoparse.fallback(place, ctx.gz):
        place = geoparse.stand_in(place, ctx.anchors, ctx.sentence_starts)
    if place is not None and place.span is not None:
        evidence.append(Evidence("place", place.span, None))
    for u in units:
        for m in u.places:
            if m.rule:
                fired.append(m.rule)
    # Date: the claimant's own statement, else the event's, else "on or before publication".
    interval = _claim_date(units, event, ref, ref_source, document.publication_bound(), text, evidence, fired,
                           ctx.written, ctx.as_of, rules)
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
        # the force that denies or concedes the strike ("the Russian Defence Ministry", "وزارة الدفاع الروسية")
        for canonical in _forces_named(units[0].claimant_name, rules, ctx.country):
            if canonical == OCCUPATION:
                if ctx.occupier is None:
                    continue
                canonical = ctx.occupier
            if canonical not in bells:
                bells.append(canonical)
    if not bells and kind is ClaimKind.INCIDENT and units[0].claimant_name and any(
        _own_forces(rules).search(u.sent.text) for u in units
    ):
        # "Israel said its jets destroyed ...", "Turkey's defence ministry said its forces hit ...": the source's own
        # ("the Russian reconciliation centre said its aircraft ...": a body of a state that strikes nothing itself)
        bells = [b for b in _forces_named(units[0].claimant_name, rules, ctx.country) if b != OCCUPATION] or (
            state_of_body(units[0].claimant_name, rules))
    if not bells and kind is ClaimKind.INCIDENT and units[0].claimant_name and any(
        _own_kill_word(u, rules) for u in units
    ):
        # "the Turkish Defence Ministry said 12 terrorists were neutralised in air operations": a force's own word
        bells = [b for b in _forces_named(units[0].claimant_name, rules, ctx.country) if b != OCCUPATION]
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
        killed_or_injured=figs.get("killed_or_injured") if _keeps_both(figs) else None,
        victims=tuple(victims.items()),
        victim_status=VictimStatus(status) if status in ("civilian", "combatant") else VictimStatus.UNSPECIFIED,
        targets=tuple(targets),
        weapons=tuple(weapons),
        evidence=tuple(evidence),
        rules=tuple(dict.fromkeys(r for r in fired if r)),
    )


def _sentence_place(units: list[Unit], ctx: _DocContext) -> Place | None:
    """An area the claim's own sentence names in another of its statements, for a claim that names no place: "killed
    9 members of one family before six of the gunmen were shot dead by security forces in Nigeria's central Plateau
    state" (Plateau, for the nine). Only an area (a district, a governorate): a town the other statement names may be
    another strike's."""
    sid = units[0].sent.index if units else None
    if sid is None or not ctx.sentence_starts:
        return None
    areas = [
        p for p in ctx.anchors
        if p.span is not None and bisect.bisect_right(ctx.sentence_starts, p.span.start) - 1 == sid
        and p.precision in (PlacePrecision.DISTRICT, PlacePrecision.GOVERNORATE)
    ]
    if not areas:
        return None
    best = min(areas, key=lambda p: ev_mod._FINE.get(p.precision, 5))
    return replace(best, confidence=min(best.confidence or 0.5, 0.5),
                   reasons=(*best.reasons, "named in the claim's sentence, by another of its statements"))


def _claim_date(
    units: list[Unit],
    event: ev_mod.Event,
    ref: date | None,
    ref_source: str,
    bound: tuple[date, str] | None,
    text: str,
    evidence: list[Evidence],
    fired: list[str],
    written: tuple[int, int, int] | None = None,
    as_of: date | None = None,
    rules: RuleFiles | None = None,
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
            # an event dated by another statement: that statement's precision ("in March 2020" is a month)
            DatePrecision.DAYS if rule == "inherited" and event.date_precision == "day" else _precision(
                event.date_precision
            ),
            None,
            rule or "event",
        )
    if ref is not None and ref_source == "published":
        return DateInterval(None, ref, DatePrecision.PERIOD, None, "on_or_before_publication")
    if ref is not None and ref_source == "post_stamp":
        # the captured post's own stamp, earlier than the day its capture was filed under
        return DateInterval(None, ref, DatePrecision.PERIOD, None, "on_or_before_post_stamp")
    if ref is not None and ref_source == "url":
        return DateInterval(None, ref, DatePrecision.PERIOD, None, "on_or_before_url_date")
    if ref is not None and ref_source == "dateline":
        # the page's own date line or a captured post's time stamp: the report existed by then
        return DateInterval(None, ref, DatePrecision.PERIOD, None, "on_or_before_dateline")
    if bound is not None and bound[1] == "url_month":
        return DateInterval(None, bound[0], DatePrecision.PERIOD, None, "on_or_before_url_month")
    # "on Thursday 25 August" in a page that says no year: the day and month as the text gives them, from the
    # statement that opens the claim (not a background "On April 22, ..." further down)
    first = units[0] if units else None
    days = [d for d in first.dates if d.month_day is not None and _possible_day(*d.month_day)] if first else []
    m = days[0] if days else None
    if first is not None and m is not None:
        span = Span.of(text, first.sent.start + m.start, first.sent.start + m.end)
        evidence.append(Evidence("date", span, m.rule))
        fired.append(m.rule)
        if as_of is not None and written is None and bound is None and m.month_day is not None:
            from civcas.extract.dates import weekday_before, weekday_year

            month, day = m.month_day
            wd = weekday_before(text, span.start, rules=rules)
            year = weekday_year(month, day, wd, as_of) if wd is not None else None
            if year is not None:
                # "اليوم الاثنين 27 أيلول" on a page with no year read in 2026: the one Monday 27 September of the
                # decade, 2021
                dt = date(year, month, day)
                fired.append(_WEEKDAY_YEAR)
                return DateInterval(dt, dt, DatePrecision.DAY, span, _WEEKDAY_YEAR)
        return DateInterval(None, None, DatePrecision.DAY, span, m.rule, month_day=m.month_day)
    if written is not None:
        # "since the start of the current year 2023" and nothing else dates the page: the event is of that year
        # (a report in early January may tell of late December: the interval opens a week before the year)
        year, ws, we = written
        span = Span.of(text, ws, we)
        evidence.append(Evidence("date", span, "written_in_year"))
        fired.append("written_in_year")
        return DateInterval(date(year - 1, 12, 24), date(year, 12, 31), DatePrecision.YEAR, span, "written_in_year")
    return None


#: the rule of a year found from a day's weekday (``dates.weekday_year``)
_WEEKDAY_YEAR = "weekday_year"


def _possible_day(month: int, day: int) -> bool:
    """Whether a day of a month exists in some year (29 February does)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]


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
