"""Arabic-script sentences -> statements (units), with the same shapes as the English grammar.

:func:`sentence_units` is what :func:`civcas.extract.statements.sentence_units`
calls for a sentence written mainly in Arabic script. It returns the same
:class:`~civcas.extract.statements.Unit` records the English grammar makes
(harms from :mod:`arabic_figures`, dates, belligerents, claimants, stance and
place mentions), so the document-level assembly (claimant resolution, place
resolution, events, per-claimant claims) runs unchanged. See ``docs/arabic.md``.

The sentence splitter ends English sentences at a full stop before a capital;
Arabic has none, so an Arabic paragraph reaches here whole and is cut into its
sentences first ("...بجروح. وأفاد الدفاع المدني...").
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from civcas.extract.arabic_actors import find_actors
from civcas.extract.arabic_attribution import aggregate_cues, find_claimants, find_stance
from civcas.extract.arabic_dates import dateline, doc_year, find_dates
from civcas.extract.arabic_figures import Scan, find_harms, scan
from civcas.extract.arabic_lexicon import ArabicLex, VictimWord, arabic_lex
from civcas.extract.arabic_places import find_places
from civcas.extract.arabic_text import WORD_DOT, PhraseHit, fold, fold_phrase, tokens
from civcas.extract.attribution import ClaimantMention
from civcas.extract.groups import Group, Harm
from civcas.extract.rules import RuleFiles
from civcas.extract.stance import StanceCue, main_stance
from civcas.extract.statements import Unit, own_places
from civcas.extract.text import Sentence, cause_openers
from civcas.records import PlaceMention, Qualifier, Stance

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LATIN = re.compile(r"[A-Za-z]")


_URLISH = re.compile(r"https?://\S+|\b(?:pic\.)?[\w.-]+\.(?:com|net|org|co|me|tv|ly)(?:/\S*)?|@\w+", re.ASCII)


def is_arabic(text: str) -> bool:
    """Whether a sentence is written mainly in Arabic script (links and @handles of posts left out)."""
    ar = len(_ARABIC.findall(text))
    if not ar:
        return False
    latin = len(_LATIN.findall(text))
    if latin > ar:
        latin = len(_LATIN.findall(_URLISH.sub(" ", text)))
    return ar >= latin


def has_arabic_statement(text: str, rules: RuleFiles, min_letters: int = 15) -> bool:
    """Whether a sentence that is mostly Latin script still holds an Arabic run with a harm or strike word."""
    if not _ARABIC.search(text):
        return False
    runs = re.findall(r"[\u0600-\u06FF][\u0600-\u06FF\s\d.,،:\-]*", text)
    arabic_text = " ".join(runs)
    return len(_ARABIC.findall(arabic_text)) >= min_letters and may_state(arabic_text, rules)


def may_state(text: str, rules: RuleFiles) -> bool:
    """Whether an Arabic sentence holds any harm, strike or stance word: only those can state a claim.

    Cheap (one fold and one search); the document pipeline can skip the gazetteer's spotting for the rest.
    """
    return bool(arabic_lex(rules).trigger.search(fold(text).text))


# A sentence ends at . ! ? ؟ before a space, an Arabic letter or the end; not inside "pic.twitter.com" or "11.00",
# nor at a dot set between tatweels to break up a word ("شهـ.ـداء").
_SENTENCE_END = re.compile(r"(?!" + WORD_DOT + r")(?<!\u0640)[.!?؟]+(?!\u0640)(?=\s|[\u0621-\u064a]|$)")


def split_arabic(sent: Sentence) -> list[Sentence]:
    """Cut a sentence of Arabic text at its full stops; each piece keeps the sentence's index and paragraph."""
    cuts = [0]
    for m in _SENTENCE_END.finditer(sent.text):
        nxt = sent.text[m.end() :].split(None, 1)
        if m.group() == "." and nxt and nxt[0] in cause_openers():
            continue  # "... من مدينة عفرين. بقصف طائرة حربية ...": the cause of what it told, a slip of the writer's
        cuts.append(m.end())
    cuts.append(len(sent.text))
    out = []
    for a, b in itertools.pairwise(cuts):
        while a < b and sent.text[a].isspace():
            a += 1
        while b > a and sent.text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Sentence(sent.index, sent.start + a, sent.start + b, sent.text[a:b], sent.paragraph))
    return out or [sent]


def sentence_units(
    doc_text: str,
    sent: Sentence,
    *,
    rules: RuleFiles,
    reference: date | None,
    year_hint: int | None,
    spotted: list[object],
    headline: bool = False,
) -> list[Unit]:
    """The units of one Arabic sentence: one per harm statement, else an attack, a denial or a named source.

    Without a reference date, the date line the page opens with stands in for it ("07 تشرين الثاني 2021").

    >>> from civcas.extract.rules import load_rules
    >>> s = Sentence(0, 0, 27, "قتل شخص وأصيب اثنان بقصف جوي", 0)
    >>> [(h.category, h.value) for u in sentence_units(s.text, s, rules=load_rules(), reference=None,
    ...   year_hint=None, spotted=[]) for h in u.harms]
    [('killed', 1), ('injured', 2)]
    """
    lex = arabic_lex(rules)
    if reference is None:
        reference = dateline(doc_text, lex)
    if year_hint is None:
        year_hint = reference.year if reference is not None else doc_year(doc_text, lex)
    out: list[Unit] = []
    for sub in split_arabic(sent):
        sp = [x for x in spotted if sub.start <= x.start and x.end <= sub.end]  # type: ignore[attr-defined]
        out.extend(_units(doc_text, sub, lex, reference, year_hint, sp, headline))
    return out


def tag_places(
    doc_text: str, sent: Sentence, *, rules: RuleFiles, spotted: list[object], tag_line: bool = True
) -> list[PlaceMention]:
    """The places a post's line of hashtags names ("#سوريا #الحسكة #العطالة"), or a lede without a statement
    (``tag_line`` false), for the statements after it that name none of their own."""
    lex = arabic_lex(rules)
    outlets = _outlets(rules)
    out: list[PlaceMention] = []
    for sub in split_arabic(sent):
        folded = fold(sub.text)
        sc = scan(folded, tokens(folded.text), lex)
        sp = [x for x in spotted if sub.start <= x.start and x.end <= sub.end]  # type: ignore[attr-defined]
        # "#فرات_بوست", "#دير_الزور_24": an outlet signs its post with its name, which is no place
        signed = [(t.start(), t.end()) for t in _TAG.finditer(sub.text) if _outlet_tag(t.group(1), outlets)]
        found = find_places(doc_text, sub.start, sc, lex, sp, tag_line=tag_line, blocked=signed)
        # "#للمشاركة" ("for sharing"): a word with "to the" written onto it is no name
        out.extend(m for m in found if not m.text.startswith("لل"))
    return out


_TAG = re.compile(r"#([^\s#]+)")


@functools.cache
def _outlets(rules: RuleFiles) -> frozenset[str]:
    """The outlets the claimant lexicon names, folded without spaces ("فرات بوست" -> "فراتبوست")."""
    cl = rules.ar_claimants
    assert cl is not None
    return frozenset(fold_phrase(p).replace(" ", "") for e in cl.entries if e.kind == "media" for p in e.phrases)


def _outlet_tag(tag: str, outlets: frozenset[str]) -> bool:
    words = [w for w in re.split(r"[_\s]+", tag.strip(":.،,")) if w]
    return len(words) > 1 and fold_phrase(" ".join(words)).replace(" ", "") in outlets


#: what may stand between a force that speaks and the killing it announces: "عن"، "أنه تم"، "إنها قد"، a clitic ب, and a
#: few words of when ("أعلنت مساء أمس الجمعة تحييد")
_OWN_KILL_GAP = re.compile(
    r"[\s،,:]*(?:عن\s+)?(?:[^\s.،,:;؛]+\s+){0,6}?(?:[اأإ]ن(?:ه|ها|هم)\s+)?(?:تم\s+|قد\s+)?[وبل]?"
)
#: the words a force uses of its own kills only ("تحييد", "القضاء على"), folded; "مقتل" may be its own men's deaths
_OWN_KILL_WORDS = ("تحييد", "حيدت", "القضاء", "قضاء")


#: a speaking force's own units, aircraft or army, by the possessive ("وحداتها", "طائراته", "قواتنا"), shortly after it
_OWN_FORCES_AFTER = re.compile(
    r"^[^.؛!?]{0,60}?(?<![\u0621-\u064a])[وف]?(?:وحدات|قوات|طائرات|طيران|مقاتلات|مدفعيه|جيش|سلاح الجو|غارات|ضربات|"
    r"غارت|ضربت)"
    r"(?:ها|ه|هم|نا)(?![\u0621-\u064a])"
    # ... that struck ("استهدفت", "قصفت", "قضت على"), not one that "repelled attacks launched" (تصدت لهجمات شنتها); its
    # strikes that caused deaths ("إن غاراته تسببت بمقتل")
    r"[^.؛!?]{0,60}?(?<![\u0621-\u064a])(?:استهدف|قصف|شن|نفذ|ضرب|دمر|اغار|قضي|قضا|قضت|قضوا|حيد|تسبب|ادت|اسفر)"
    r"(?:ت|وا|تا)?(?![\u0621-\u064a])"
)


def _own_forces(sc: Scan, end: int) -> bool:
    """ "قالت وزارة الدفاع السورية في بيان إن وحداتها ... استهدفت مقرات": the speaking force tells of its own units'
    strike ("قال التحالف إن غاراته تسببت بمقتل 1417 مدنيا": of its own strikes' harm)."""
    at = _folded_at(sc, end)
    return _OWN_FORCES_AFTER.search(sc.folded.text[at:]) is not None


#: the speaker's own strike or killing told with its pronoun right after it ("أعلن التحالف الدولي أنه نفذ غارة",
#: "قالت القيادة المركزية إنها قتلت قيادياً"), folded; a few words (a statement's "في بيان") may come first
_OWN_STRIKE_AR = re.compile(
    r"[\s،,:]*(?:[^\s.،,:;؛]+\s+){0,4}?[وب]?[اإ]ن(?:ه|ها|هم)\s+(?:قد\s+)?"
    r"(?:نفذ|شن|استهدف|قصف|قتل|اغار|ضرب)(?:ت|وا)?(?![\u0621-\u064a])"
)
#: its strike as a verbal noun right after it ("أعلن الجيش الأردني تنفيذ غارات جوية", "عن شن ضربات"), folded
_OWN_STRIKE_NOUN_AR = re.compile(
    r"[\s،,:]*(?:عن\s+)?(?:تنفيذ|تنفيذه|تنفيذها|شن|شنه|شنها)\s+(?:[^\s.،,:;؛]+\s+){0,2}?"
    r"(?:غاره|غارات|ضربه|ضربات|هجوم|هجمات|عمليه|عمليات|قصف)(?![\u0621-\u064a])"
)
#: a past verb of announcing right before the speaker: one strike announced, not a habit ("نادرا ما تؤكد إسرائيل
#: تنفيذ ضربات", Israel rarely confirms strikes), folded
_ANNOUNCED_BEFORE = re.compile(r"(?<![\u0621-\u064a])[وف]?(?:اعلن|اعلنت|اكد|اكدت|ذكر|ذكرت)\s+$")


def _own_strike(sc: Scan, start: int, end: int) -> bool:
    """Whether the speaker at ``[start, end)`` says it struck or killed, by the pronoun of its own act or, after a
    past verb of announcing, by the verbal noun of its strike."""
    at = _folded_at(sc, end)
    if _OWN_STRIKE_AR.match(sc.folded.text, at) is not None:
        return True
    s0 = _folded_at(sc, start)
    return _ANNOUNCED_BEFORE.search(sc.folded.text, max(0, s0 - 12), s0) is not None and (
        _OWN_STRIKE_NOUN_AR.match(sc.folded.text, at) is not None
    )


def _own_kill(text: str, end: int, harms: list[Harm]) -> bool:
    """Whether a force's own word for a killing follows the speaker ending at ``end``, nothing but
    ``_OWN_KILL_GAP`` between: "أعلنت وزارة الدفاع التركية تحييد 14 إرهابيا"."""
    return any(
        h.category == "killed" and h.cue.start >= end and fold(h.cue.text).text.startswith(_OWN_KILL_WORDS)
        and _OWN_KILL_GAP.fullmatch(text, end, h.cue.start)
        for h in harms
    )


def _ar_place_key(name: str) -> str:
    """An Arabic place's name for comparing mentions in one sentence: folded, the article off."""
    k = fold(name).text
    return k.removeprefix("ال") if " " not in k else k


#: the word before "إطلاق النار" that makes it a truce ("وقف إطلاق النار"), folded
_CEASE = frozenset({"وقف", "لوقف", "بوقف", "ووقف", "فوقف"})


def _ceasefire(sc: Scan, hit: PhraseHit) -> bool:
    """ "توسطت روسيا وتركيا في وقف إطلاق النار": the firing a truce stops is no attack (nor its mediators forces)."""
    return hit.first > 0 and sc.toks[hit.first - 1].text in _CEASE and "النار" in sc.toks[hit.last].text


def _units(doc_text: str, sub: Sentence, lex: ArabicLex, reference: date | None, year_hint: int | None,
           spotted: list[object], headline: bool) -> list[Unit]:
    folded = fold(sub.text)
    if not lex.trigger.search(folded.text):
        return []  # no harm, strike or stance word anywhere: nothing to state
    sc = scan(folded, tokens(folded.text), lex)
    attack = [h for h in lex.attack.find(sc.toks) if not _ceasefire(sc, h)]
    stance = main_stance(find_stance(sc, lex))
    if not (sc.harm or attack or stance):
        return []  # a source named without harm or strike rarely leads an Arabic sentence's figures
    claimants = find_claimants(sc, lex)
    harms = [_tagged_names(doc_text, sub, _numbered_names(doc_text, sub, h), lex)
             for h in find_harms(sc, lex) if not h.negated]
    claimants = [c for c in claimants if not any(h.cue.start <= c.cue_start < h.cue.end for h in harms)]
    # A force that speaks is not (as such) the attacker, unless it says it killed: "أعلنت وزارة الدفاع التركية تحييد 14
    # إرهابيا", "قالت القيادة المركزية الأمريكية إنه تم القضاء على 3": its forces struck
    found = find_actors(sc, lex, on=reference)
    said = [(c.start, c.end) for c in claimants
            if not (any(c.start <= a.start < c.end for a in found)
                    and (_own_kill(sub.text, c.end, harms) or _own_forces(sc, c.end)
                         or _own_strike(sc, c.start, c.end)))]
    actors = [a for a in found if not any(s <= a.start < e for s, e in said)]
    dates = [d for d in find_dates(sc, lex, reference=reference, year_hint=year_hint)
             if not any(s <= d.start < e for s, e in said) and not _agreement_date(sc, d.start, d.end, lex)
             and not _visit_date(sc, d.start)]
    blocked = said + [(a.start, a.end) for a in actors]
    places = find_places(doc_text, sub.start, sc, lex, spotted, blocked=blocked)
    agg = aggregate_cues(sc, lex)
    text = sub.text
    units: list[Unit] = []
    spans = [(p.span.start - sub.start, p.span.end - sub.start, _ar_place_key(p.text)) for p in places
             if p.relation not in ("origin", "dateline")] if len(harms) > 1 else []
    for h in harms:
        cur = units[-1] if units else None
        if cur is not None and not any(x.category == h.category for x in cur.harms) and not own_places(
            max(x.end for x in cur.harms), h.start, h.end, spans, text, _ar_place_key
        ):
            cur.harms.append(h)
            continue
        units.append(Unit(sent=sub, kind="harm", region=(0, len(text)), harms=[h], headline=headline))
    if units and not any(u.has_figure for u in units):
        # "شهداء وجرحى في #ترمانين بقصف...": harm without a figure tells of a strike, as a bare attack does.
        units = [Unit(sent=sub, kind="attack", region=(0, len(text)), harms=[h for u in units for h in u.harms],
                      headline=headline)]
    if not units:
        if stance is not None and stance.stance in (Stance.DENIES, Stance.DISPUTES, Stance.ACKNOWLEDGES):
            units.append(Unit(sent=sub, kind="stance", region=(0, len(text)), headline=headline))
        elif attack and (places or dates or actors):
            units.append(Unit(sent=sub, kind="attack", region=(0, len(text)), headline=headline))
        elif any(not c.relay for c in claimants):
            units.append(Unit(sent=sub, kind="say", region=(0, len(text)), headline=headline))
        else:
            return []
    _regions(sc, units, lex, [d.start for d in dates if d.kind == "offset"])
    non_relay = [c for c in claimants if not c.relay]
    relays = [c for c in claimants if c.relay]
    strikes = [sc.folded.span(sc.toks[a.first].start + a.skip, sc.toks[a.last].end) for a in attack]
    for u in units:
        lo, hi = u.region
        u.strikes = strikes
        u.places = [p for p in places if lo <= p.span.start - sub.start < hi]
        u.dates = [d for d in dates if lo <= d.start < hi and d.kind != "offset"]
        offs = [d for d in dates if d.kind == "offset" and (lo <= d.start < hi or len(units) == 1)]
        u.offset = offs[0] if offs else None  # "وفي اليوم ذاته": the day of the strike told before
        u.actors = [a for a in actors if lo <= a.start < hi]
        # "since ..." next to its figure, not a clause away in a post that runs on without full stops ("توفي الشاب
        # ... وهو أحد الثوار الذين قاتلوا النظام منذ بداية الثورة"); a tally's places ("على أكثر من 15 بلدة") reach
        # the whole sentence
        u.aggregate = [a for a in agg if lo <= a[0] < hi and (
            not u.harms or not a[2].endswith(_SINCE_RULES) or any(
                a[0] - _AGGREGATE_REACH <= h.end and h.start <= a[1] + _AGGREGATE_REACH for h in u.harms))]
        u.relays = relays
        # "أعلنت خلية الإعلام الحربي مقتل 30 إرهابياً ...، فيما أكد شهود عيان مقتل 7 مدنيين": a clause with a source
        # of its own speaks for that source
        own = [c for c in non_relay if lo <= c.start < hi] if len(units) > 1 else []
        if not own and len(non_relay) > 1 and u.harms:
            # "أعلنت خلية الإعلام الحربي أن طيران التحالف دمر مقراً ...، فيما قال شهود عيان إن القصف أدى إلى مقتل
            # ثمانية مدنيين": the toll is told by the source whose verb comes last before it
            first = min(h.start for h in u.harms)
            before = [c for c in non_relay if c.cue_end <= first]
            # only a source of a clause of its own ("، فيما قال شهود عيان إن ..."), not a header's or a name's part
            opens = min(before[-1].cue_start, before[-1].start) if len(before) > 1 else 0
            own = before[-1:] if opens and _CLAUSE_OPENER.search(text, max(0, opens - 14), opens) else []
        u.claimant = own[0] if own else non_relay[0] if non_relay else (relays[0] if relays else None)
        u.stance = stance
        if u.harms:
            first = min(h.start for h in u.harms)
            window = sc.folded.text[max(0, _folded_at(sc, first) - 30) : _folded_at(sc, first)]
            u.unattributed = bool(lex.hedge.search(window)) and u.claimant is None
    for u in units:
        u.actors = u.actors or list(actors)
        u.places = u.places or ([p for p in places] if len(units) == 1 else [])
        u.dates = u.dates or ([d for d in dates if d.kind != "offset"] if len(units) == 1 else [])
    # A denial with figures in it: the harm stands unattributed, the denial is a statement of its own.
    if stance is not None and stance.stance in (Stance.DENIES, Stance.DISPUTES) and any(
        u.kind == "harm" for u in units
    ):
        denier = _denier(non_relay, stance) or units[0].claimant
        kept = False
        for u in units:
            if u.kind == "harm":
                speaker = u.claimant
                u.stance = None
                # "نفت وزارة الدفاع الروسية ...، فيما أكد ناشطون مقتل 4 مدنيين": a source named after the denier
                # and before the harm speaks for it
                first = min(h.start for h in u.harms)
                after = [c for c in non_relay if c is not denier and denier is not None and denier.end <= c.start
                         and c.end <= first]
                # "..., والتي أودت بحياة 15 مدنياً بحسب ناشطين": a source the harm is told "according to"
                lo, hi = u.region
                told = [c for c in non_relay if c is not denier and c.rule.endswith("#opener") and first < c.start
                        and lo <= c.start < hi]
                # "ذكرت وكالة سانا أن ستة مدنيين قتلوا ...، فيما نفت وزارة الدفاع ...": the source before the harm,
                # with the denial told after it
                before = [c for c in non_relay if denier is not None and c is not denier and c.end <= first
                          and first < denier.start]
                u.claimant = after[-1] if after else before[-1] if before else told[0] if told else None
                if u.claimant is None and speaker is not None and speaker is denier and (
                    stance.stance is Stance.DISPUTES
                ):
                    # "أعلنت أفريكوم أنها قتلت ثلاثة من عناصر الشباب، مؤكدة أنه لم يصب أي مدني": the force tells
                    # the deaths it caused and disputes civilian harm in one claim, as in English
                    u.claimant, u.stance, kept = speaker, stance, True
        if kept:
            return units
        units.append(
            Unit(sent=sub, kind="stance", region=(0, len(text)), places=list(places), dates=list(dates),
                 actors=list(actors), claimant=denier, relays=relays, stance=stance, headline=headline)
        )
    return units


#: words that open a clause of its own after another's: "فيما", "بينما", "في حين", "كما" (و or ف written on)
_CLAUSE_OPENER = re.compile(r"(?:^|[\s،,])(?:[وف]?(?:فيما|بينما|كما)|في\s+حين)\s*$")

#: how far after a denial's verb its subject may start ("نفت وزارة الدفاع التركية")
_DENIER_REACH = 12


def _denier(claimants: list[ClaimantMention], stance: StanceCue) -> ClaimantMention | None:
    """ "ذكرت وكالة سانا أن ...، فيما نفت وزارة الدفاع التركية ...": the source named at the denial speaks it, not
    the one that opens the sentence; with none there, the last one named before it."""
    # (a source right after the stance speaks it unless a verb of its own comes after the stance: "...فقط، فيما قال
    # ناشطون" is the activists' own clause)
    at = [c for c in claimants if stance.start <= c.cue_start < stance.end
          or (stance.start <= c.start <= stance.end + _DENIER_REACH and c.cue_start < stance.end)]
    if at:
        return at[0]
    # "زعم التحالف أن الغارة استهدفت مقاتلين من تنظيم داعش فقط، فيما قال ناشطون إن ...": a stance with no source at
    # it is the last source's whose verb comes before it
    before = [c for c in claimants if c.cue_end <= stance.start]
    return before[-1] if before else None


#: "أسماء الشهداء" ("the names of the martyrs") right before the harm noun
_NAMES_OF = re.compile(r"(?:^|[\s#])[وب]?[أا]سماء\s*$")
#: one line of a numbered list: "1- قمر بلال حافظ", "٢-زكريا أحمد", "3) يوسف ..."
_NUMBERED = re.compile(r"^[ \t]*([0-9٠-٩]{1,2})[ \t]*[-–_.)ـ]+[ \t]*(\S.*)$")
_HASHTAGS_ONLY = re.compile(r"^\s*(?:#\S+\s*)+$")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
#: how far after its heading a numbered list may start (lines of tags, a date)
_LIST_GAP_LINES = 3


def _numbered_names(doc_text: str, sub: Sentence, h: Harm) -> Harm:
    """ "أسماء الشهداء نتيجة القصف على مدينة أريحا:" and the dead numbered one per line after it: counted, at least
    so many when the list is cut off ("3-يوسف محمد...")."""
    if h.category != "killed" or h.groups or h.implied_one or h.form != "person":
        return h
    if not _NAMES_OF.search(sub.text[: h.cue.start]):
        return h
    pos = sub.end
    nl = doc_text.find("\n", pos)
    if nl < 0 or (doc_text[pos:nl].strip(" :：\t.") and not _HASHTAGS_ONLY.match(doc_text[pos:nl])):
        return h  # the heading's sentence must end its line
    pos = nl + 1
    n = 0
    first = last = None
    cut = False
    gap = 0
    while pos < len(doc_text):
        nl = doc_text.find("\n", pos)
        end = nl if nl >= 0 else len(doc_text)
        line = doc_text[pos:end]
        m = _NUMBERED.match(line)
        if m and int(m.group(1).translate(_ARABIC_DIGITS)) == n + 1:
            n += 1
            first = pos + m.start(2) if first is None else first
            last = end
            cut = line.rstrip().endswith(("...", "…"))
        elif m or (n and line.strip()):
            break  # a list restarting (the post again, in full) or a line of prose ends it
        elif not line.strip() or (not n and _HASHTAGS_ONLY.match(line)):
            gap += 1
            if not n and gap > _LIST_GAP_LINES:
                return h
        else:
            return h  # prose before any numbered line: no list
        pos = end + 1
    if n < 2 or first is None or last is None:
        return h
    q = Qualifier.AT_LEAST if cut else Qualifier.EXACT
    text = doc_text[first:last]
    g = Group(first - sub.start, last - sub.start, text, n, q, low=n, high=None if cut else n,
              rule="numbered_names")
    return replace(h, groups=(g,), rules=(*h.rules, "numbered_names"))


#: one line of a post that is a single hashtag of a person: "#الشاب_بلال_عبدالمجيد_صطيفي", maybe cut off ("...")
_TAG_LINE = re.compile(r"^[ \t]*#([^\s#_]+)_(\S*[^\s.…])[ \t]*(\.\.\.|…)?[ \t]*$")


def _tagged_names(doc_text: str, sub: Sentence, h: Harm, lex: ArabicLex) -> Harm:
    """ "أنعي إليك الشهداء الذين طالتهم يد الغدر بالقصف الروسي ..." and then one hashtag per line, each a person
    with their title ("#الشاب_بلال_...", "#الطفل_عبدالكريم_..."): the dead a mourning post tags, counted, at least
    so many when the post is cut off."""
    if h.category != "killed" or h.groups or h.implied_one or h.form != "person":
        return h
    pos = sub.end
    nl = doc_text.find("\n", pos)
    if nl < 0 or doc_text[pos:nl].strip(" :：\t.،"):
        return h  # the sentence that mourns them must end its line
    pos = nl + 1
    n = 0
    first = last = None
    cut = False
    while pos < len(doc_text) and not cut:
        nl = doc_text.find("\n", pos)
        end = nl if nl >= 0 else len(doc_text)
        line = doc_text[pos:end]
        m = _TAG_LINE.match(line)
        if m is not None:
            title = fold(m.group(1)).text
            toks = tokens(title.removeprefix("ال")) if title.startswith("ال") else []  # with the article: "الشاب"
            hit = lex.victims.at(toks, 0) if len(toks) == 1 else None
            word = hit.payload if hit is not None and not hit.skip else None
            if not isinstance(word, VictimWord) or word.number != "singular":
                break
            n += 1
            first = pos + m.start(1) - 1 if first is None else first
            last = end
            cut = m.group(3) is not None
        elif line.strip():
            break
        elif n:
            break  # the tags stand together, one per line
        pos = end + 1
    if n < 2 or first is None or last is None:
        return h
    q = Qualifier.AT_LEAST if cut else Qualifier.EXACT
    g = Group(first - sub.start, last - sub.start, doc_text[first:last], n, q, low=n, high=None if cut else n,
              rule="tagged_names")
    return replace(h, groups=(g,), rules=(*h.rules, "tagged_names"))


#: how far before a date (folded characters) an agreement's word makes it the agreement's
_AGREEMENT_REACH = 80


#: what may stand between the start of a clause and a date that opens it ("وفي", "ومنذ")
_CLAUSE_OPENS = re.compile(r"(?:^|[.،,؛:!؟?\"“”()\-–—])\s*(?:[وف]?(?:في|منذ|خلال)\s+)?$")


def _agreement_date(sc: Scan, start: int, end: int, lex: ArabicLex) -> bool:
    """ "على الرغم من سريان اتفاق وقف إطلاق النار الموقع بين روسيا وتركيا في آذار 2020": the date of a truce or a
    memorandum, which no strike told in the sentence took place on; so is a date that opens its clause before a verb
    of concluding one ("وفي أيلول 2018، أبرمت أنقرة وموسكو مذكرة تفاهم")."""
    at = _folded_at(sc, start)
    text = sc.folded.text
    if lex.agreement_before.search(text, max(0, at - _AGREEMENT_REACH), at) is not None:
        return True
    to = _folded_at(sc, end)
    # the verb first: it is rare, and the clause test reads the whole text before the date
    return lex.agreement_after.search(text, to, to + _AGREEMENT_REACH) is not None and (
        _CLAUSE_OPENS.search(text[:at]) is not None)


#: a visit, a meeting or condolences, folded, and a strike's or a death's word: "زيارة ... لولدي القتيل، أمس"
_VISIT = re.compile(
    r"(?<![\u0621-\u064a])(?:زياره|زار|زارت|التقي|التقت|لقاء|اجتماع|عزاء|تعازي|تعازيه)(?![\u0621-\u064a])"
)
_STRIKE_OR_DEATH = re.compile(r"قصف|غاره|غارات|استهداف|استهدف|مقتل|قتل|استشهاد|اصابه|انفجار|هجوم")


def _visit_date(sc: Scan, start: int) -> bool:
    """ "جاء ذلك خلال زيارة قام بها أحد قادة التحالف لولدي القتيل، علي وعلاء، أمس": the date of a visit, a meeting or a
    condolence told after it, with no strike or death between them, dates that act, not the strike."""
    at = _folded_at(sc, start)
    text = sc.folded.text
    window = text[max(0, at - 80) : at]
    last = max((m.end() for m in _VISIT.finditer(window)), default=None)
    return last is not None and _STRIKE_OR_DEATH.search(window, last) is None


#: how far (characters) from a harm of its unit a tally's "since ..." may stand
_AGGREGATE_REACH = 160
_SINCE_RULES = ("#since_year", "#in_the_conflict")


def _folded_at(sc: Scan, orig: int) -> int:
    """The folded offset of an original offset of the sentence."""
    pos = sc.folded.pos
    if pos is None:
        return orig
    return bisect.bisect_left(pos, orig)


def _regions(sc: Scan, units: list[Unit], lex: ArabicLex, offsets: Sequence[int] = ()) -> None:
    """One clause per unit: the cut between two units is an offset to another strike between their harms ("...
    بقرية كنصفرة بعد أسبوع من مقتل طفلين"), else the last comma or clause word between them (``clause_words`` of
    ``harm.ar.v1.yaml``)."""
    bounds = [0]
    for prev, nxt in itertools.pairwise(units):
        a = max(h.end for h in prev.harms) if prev.harms else prev.region[1]
        b = min(h.start for h in nxt.harms) if nxt.harms else nxt.region[0]
        told = [o for o in offsets if a <= o < b]
        fa, fb = _folded_at(sc, a), _folded_at(sc, b)
        cuts = list(lex.clause_boundary.finditer(sc.folded.text, fa, fb))
        cut = told[-1] if told else sc.folded.span(cuts[-1].start(), cuts[-1].start())[0] if cuts else (a + b) // 2
        bounds.append(max(cut, a))
    bounds.append(len(sc.folded.source))
    for i, u in enumerate(units):
        u.region = (bounds[i], bounds[i + 1])
