"""One sentence -> statements ("units"): what it says happened, where, when, by whom, per whom.

A sentence can tell of several strikes ("killed 20 in Manbij and 30 more in
the same city on June 9") or of none but set the scene for the next ("US-led
warplanes launched airstrikes on the town of Ghandour on Thursday"). Each
harm statement becomes a unit; so does a scene-setting attack and a bare
denial. Places, dates and belligerents go to the unit whose clause holds
them: a clause ends at "and <verb>", a semicolon, "while", or an offset
("a few days after"), which also says the next clause is an earlier event.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from civcas.extract.actors import ActorMention, find_actors
from civcas.extract.attribution import (
    ClaimantMention,
    find_claimants,
    known_name_spans,
    stance_taker,
    subject_of,
    unattributed,
)
from civcas.extract.dates import DateMention, find_dates
from civcas.extract.figures import Harm, find_harms
from civcas.extract.places import find_mentions
from civcas.extract.rules import RuleFiles
from civcas.extract.stance import StanceCue, aggregate_cues, find_stance, main_stance
from civcas.extract.text import Sentence, ascii_lower, fold, may_match, phrase_regex, phrase_words
from civcas.records import ClaimantKind, DatePrecision, PlaceMention, Stance


@dataclass
class Unit:
    """A statement in one sentence; offsets of ``harms``, ``dates``, ``actors`` are sentence-relative."""

    sent: Sentence
    kind: str  # harm | attack | stance | say
    region: tuple[int, int]  # sentence-relative clause
    harms: list[Harm] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    #: dates that say when a source spoke ("On December 25, activists documented ..."), kept apart from ``dates``
    said_dates: list[DateMention] = field(default_factory=list)
    offset: DateMention | None = None
    actors: list[ActorMention] = field(default_factory=list)
    claimant: ClaimantMention | None = None
    relays: list[ClaimantMention] = field(default_factory=list)
    #: every source the sentence names by a speech verb: a pronoun that speaks later in it may be one of them
    sources: list[ClaimantMention] = field(default_factory=list)
    stance: StanceCue | None = None
    aggregate: list[tuple[int, int, str]] = field(default_factory=list)
    unattributed: bool = False
    headline: bool = False
    same_place: bool = False
    targets: list[tuple[int, int, str]] = field(default_factory=list)
    weapons: list[tuple[int, int, str]] = field(default_factory=list)
    #: the words of a strike in the sentence ("shelled", "قصف"), sentence-relative: which clause a place is struck in
    strikes: list[tuple[int, int]] = field(default_factory=list)
    # Filled by the document-level assembly.
    claimant_name: str | None = None
    claimant_kind: str = "outlet"
    claimant_span: tuple[int, int] | None = None
    event: int = -1
    sum_aggregate: bool = False
    date_interval: tuple[date | None, date | None, str, DateMention | None] | None = None

    @property
    def start(self) -> int:
        """Doc offset where the unit's core begins."""
        if self.harms:
            return self.sent.start + min(h.start for h in self.harms)
        return self.sent.start + self.region[0]

    @property
    def end(self) -> int:
        if self.harms:
            return self.sent.start + max(h.end for h in self.harms)
        return self.sent.start + self.region[1]

    def harm(self, category: str) -> Harm | None:
        for h in self.harms:
            if h.category == category and (h.groups or h.implied_one):
                return h
        return None

    @property
    def has_figure(self) -> bool:
        return any((h.groups or h.implied_one or h.victims) for h in self.harms)


@dataclass(frozen=True, slots=True, eq=False)
class _Lex:
    attack: re.Pattern[str]
    # (regex, id, words for :func:`may_match`)
    targets: tuple[tuple[re.Pattern[str], str, tuple[str, ...] | None], ...]
    weapons: tuple[tuple[re.Pattern[str], str, tuple[str, ...] | None], ...]


# A force's own word that it struck ("said it had conducted a strike", "announced that its aircraft struck", "its
# aircraft had made 20 sorties and hit eight targets"): the speaker is the attacker as well.
#: a toll cue that opens with the verb its source speaks by ("puts the total at 50")
_PUT_TOLL = re.compile(r"put(?:s|ting)?\s", re.IGNORECASE)
_OWN_STRIKE = re.compile(
    # ("said on Saturday it had carried out", "said in a statement that its jets struck": when and how it spoke first)
    # (the cue may have taken the "on": "said on")
    r"\s*(?:(?:(?:late|early)\s+)?(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2})"
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+|(?:yesterday|today|in\s+a\s+(?:written\s+)?statement),?\s+)?"
    r"(?:that\s+)?(?:it|they|we|its\s+(?:\w+\s+)?(?:aircraft|jets|warplanes|forces|drones?)|"
    r"(?:coalition|US|U\.S\.)\s+forces)\s+(?:had\s+|has\s+|have\s+)?"
    # ("its aircraft had made 20 sorties and hit ...": a few words of another act first, never a negation)
    r"(?:(?:(?!not\b|never\b|no\b)[\w\-]+\s+){1,5}?and\s+)?"
    # (the verb may stand in quotes: 'it had "neutralised" 26 terrorists')
    r"[\"“‘']?(?:conducted|carried\s+out|launched|struck|targeted|bombed|hit|executed|performed|killed|eliminated|"
    r"neutrali[sz]ed)\b",
    re.I,
)
# "... said it was aware of reports of civilian casualties from a strike it conducted in Idlib": the source's own
# strike, named in a relative clause later in its statement
_OWN_STRIKE_AFTER = re.compile(
    r"\b(?:strike|strikes|airstrike|airstrikes|air\s+strike|air\s+strikes|raid|raids|operation)\s+(?:that\s+|which\s+)?"
    r"(?:it|they|we)\s+(?:had\s+|has\s+|have\s+)?(?:conducted|carried\s+out|launched|executed|performed)\b",
    re.I,
)
# "The coalition said it was investigating the reports", "The Israeli military said it was reviewing the
# incident": a force that looks into the strike it is told of answers for it, as one that denies it does
_OWN_REVIEW = re.compile(
    r"\s*(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today),?\s+)?"
    r"(?:that\s+)?(?:it|they|we)\s+(?:was|were|is|are|had\s+been|has\s+been|have\s+been|would|will|had|has|have)\s+"
    r"(?:be\s+)?(?:investigating|reviewing|looking\s+into|examining|assessing|investigate|review|look\s+into|"
    r"examine|assess|opened\s+an\s+investigation\s+into|launched\s+an\s+investigation\s+into)\s+"
    r"(?:the|a|an|these|those|this|that)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:incident|strike|strikes|airstrike|airstrikes|air\s+strike|air\s+strikes|attack|raid|reports?|allegations?|"
    r"claims?)\b",
    re.I,
)
_INSTITUTION_SOURCE = re.compile(r"\b(?:Hospital|Medical|College|University|Clinic|Infirmary)\b")


@functools.cache
def _lex(rules: RuleFiles) -> _Lex:
    attack = phrase_regex([*rules.harm.attack_nouns, *rules.harm.attack_verbs])
    targets = tuple((phrase_regex(t.words), t.id, phrase_words(t.words)) for t in rules.targets.targets)
    weapons = tuple((phrase_regex(w.words), w.id, phrase_words(w.words)) for w in rules.targets.weapons)
    return _Lex(attack, targets, weapons)


# (", bringing the number of civilians killed ... to 60": a running total's clause after a strike's own)
#: a clause's own boundary between two statements: a semicolon or a conjunction that opens a clause
_CLAUSE_BOUNDARY = (
    r";|,\s*(?:while|whereas|but|after|before|as|when|bringing|raising|taking|pushing|lifting)\b|\bwhile\b|"
    r"\bwhereas\b"
)
_STRONG_BOUNDARY = re.compile(_CLAUSE_BOUNDARY, re.I)
#: ... or a bare "and", which may also join a noun's conjuncts
_BOUNDARY = re.compile(_CLAUSE_BOUNDARY + r"|\band\b", re.I)
_REPORT_VERB = re.compile(
    r"\b(?:said|says|say|told|reported|reports|announced|stated|wrote|confirmed|surfaced|emerged|published|posted|"
    r"released|blamed|accused|denounced|condemned|called|added|revealed|declared|claimed|noted|tweeted|issued|"
    r"statement|letters?|report)\b",
    re.I,
)
_SAME_PLACE = re.compile(
    r"\bthe\s+same\s+(?:city|town|village|area|neighbou?rhood|location|place|district|region|spot|site|camp)\b"
    # "further strikes targeted the city centre": the city told before, when the sentence names no other
    r"|\bthe\s+(?:city|town)(?:\s+(?:centre|center))?\b(?!\s+(?:of|council|hall|authorities)\b|[-'’])",
    re.I,
)


#: how far before a date (characters) an agreement's word makes it the agreement's
_AGREEMENT_REACH = 45


@functools.cache
def _agreement_words(rules: RuleFiles) -> re.Pattern[str]:
    words = rules.dates.agreement_words
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words) or '(?!)'})\b", re.IGNORECASE)


@functools.cache
def _agreement_after(rules: RuleFiles) -> re.Pattern[str] | None:
    words = rules.dates.agreement_after
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words)})\b", re.IGNORECASE) if words else None


#: what may stand between the start of a clause and a date that opens it ("In", "and in", "Back in")
_CLAUSE_OPENS = re.compile(
    r"(?:^|[.;:,!?\"“”()\-–—])\s*(?:(?:and|but|then)\s+)?(?:(?:back\s+in|in|on|since|by|during)\s+)?$", re.IGNORECASE
)


def _agreement_date(sent: str, d: DateMention, rules: RuleFiles) -> bool:
    """ "despite the ceasefire agreement signed by Russia and Turkey in March 2020": a truce's date, no strike's; so is
    a date that opens its clause before a verb of concluding one ("In March 2020, Russia and Turkey signed ...")."""
    if _agreement_words(rules).search(sent, max(0, d.start - _AGREEMENT_REACH), d.start) is not None:
        return True
    after = _agreement_after(rules)
    # the verb first: it is rare, and the clause test reads the whole text before the date
    return after is not None and after.search(sent, d.end, d.end + _AGREEMENT_REACH) is not None and (
        _CLAUSE_OPENS.search(sent[: d.start]) is not None)


def _is_reporting_date(
    sent: str, d: DateMention, cues: list[tuple[int, int]], claimants: list[ClaimantMention]
) -> bool:
    """A date that dates the telling, not the strike.

    Two shapes: right after a verb of telling ("said on Tuesday", "told Reuters in a statement Tuesday",
    "first surfaced Monday"), or opening the sentence before the source's verb ("On Tuesday, the
    ministry blamed the coalition for strikes..."). A date before a closing attribution ("killed 14 on
    Sunday, activists said") dates the strike.
    """
    if d.kind in ("offset",):
        return False
    if _POSSESSIVE_END.search(d.text) or _POSSESSIVE_AT.match(sent, d.end):
        return False  # "Local media said Thursday's strikes killed 8": the day owns the strikes
    before = sent[max(0, d.start - 40) : d.start]
    if re.search(r"\b(?:that|the|a|an)\s+$|\bthat\b(?:\s+\w+){0,2}\s+(?:on\s+)?$", before, re.IGNORECASE):
        # "acknowledged that the August 29 drone strike", "said that on Tuesday a strike": the date opens or
        # qualifies the told clause, and dates the strike
        return False
    told = re.search(
        r"\b(?:said|says|told|stated|announced|reported|wrote|added|confirmed|surfaced|emerged|published|posted|"
        r"released|issued|tweeted|statement|claimed|denied|denies|refuted|rejected|acknowledged|admitted|conceded|"
        r"blamed|accused|condemned|denounced|called|warned|insisted)\b(?:\s+\w+){0,3}\s+(?:on\s+|late\s+|early\s+)?$",
        before,
        re.IGNORECASE,
    )
    if told is not None:
        # "said 56 civilians died on July 19": a harm's verb between the telling and the date is what it dates
        verb_at = d.start - len(before) + told.start()
        return not any(verb_at < s < d.start for s, _ in cues)
    act = _OTHER_ACT_BEFORE.search(before)
    if act is not None:
        # "A coalition commander visited the victim's sons yesterday": a visit, a meeting or condolences, with no
        # strike or death between it and the date, is what the date dates
        act_at = d.start - len(before) + act.start()
        return not any(act_at < s < d.start for s, _ in cues)
    first_cue = min((s for s, _ in cues), default=len(sent))
    if d.precision in (DatePrecision.MONTH, DatePrecision.YEAR, DatePrecision.PERIOD):
        return False  # "In August, SNHR documented the killing of 104 civilians": a month's tally, no day of telling
    if d.start <= 15 and d.end < first_cue:
        return any(c.start >= d.end and c.cue_start < first_cue and not c.relay for c in claimants)
    return False


_POSSESSIVE_AT = re.compile(r"['’]s\b")
_POSSESSIVE_END = re.compile(r"['’]s$")
#: an act after a strike, told before its own date: a visit, a meeting, condolences, an apology
_OTHER_ACT_BEFORE = re.compile(
    r"\b(?:visited|visiting|visit|met|meeting|offered\s+(?:its\s+|their\s+|his\s+)?condolences|apologi[sz]ed|"
    r"apologi[sz]ing|mourned|attended)\b[^.;:!?]{0,50}?\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)


# Before a source, what opens a clause set against the one before it: "..., though opposition groups put ...".
_CONTRAST_BEFORE = re.compile(r"(?:[,;]\s*(?:though|although|while|whereas|but|yet)|;)\s+(?:the\s+|some\s+)?$",
                              re.IGNORECASE)


#: a source looking into what others report: the report is not the source's own claim
_INVESTIGATING = re.compile(
    r"\b(?:investigat\w*|look(?:ing|ed|s)?\s+into|review(?:ing|ed|s)?|examin\w*|assess(?:ing|ed|es)?|"
    r"aware\s+of)\s+(?:the\s+)?(?:reports?|allegations?|claims?|accounts?)\s+(?:that|of)\b",
    re.IGNORECASE,
)


#: how far after a harm its own place may stand ("and wounding two in Sufuhun", "وإصابة اثنين في سفوهن")
OWN_PLACE_REACH = 40
#: a source between a harm and a place after it: the place is the source's ("wounded three, according to a doctor in
#: Idlib"), not the harm's
_SOURCE_GAP = re.compile(
    r"\b(?:according|said|says|told|reported|sources?|officials?|doctors?|hospital)\b"
    r"|(?<![\w])(?:وفق|وفقا|حسب|بحسب|مصادر|مصدر|قال|قالت|افاد|أفاد|افادت|أفادت|مشفى|مستشفى)(?![\w])",
    re.IGNORECASE,
)
_PLACE_WORD = re.compile(r"[\w’'\-]+")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|on|near|outside|inside|around|across|into|targeting|targeted|hit|hitting|struck|striking|shelled|"
    r"shelling|bombed|bombing)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?(?:(?:village|town|city|neighbou?rhood|camp|area|"
    r"district|province|outskirts|countryside|vicinity)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


def own_places(
    before_end: int, start: int, end: int, spans: Sequence[tuple[int, int, str]], text: str,
    key: Callable[[str], str],
) -> bool:
    """Whether a harm over ``[start, end)`` has a place of its own apart from the harms before it (ending at
    ``before_end``): a place named between them and another right after it ("killing a civilian in al-Fatira and
    wounding two in Sufuhun", "قتل مدنيان ... على بلدة الأتارب، كما أصيب ثلاثة أطفال بقصف مماثل على قرية
    كفرنوران"): two incidents, not one. ``spans`` are the sentence's places (start, end, ``key`` of the name); a
    name the sentence named as a place before counts again where it is written after the harm."""
    between = {name for s, e, name in spans if before_end <= s and e <= start}
    if not between:
        return False
    after = {name for s, _e, name in spans
             if end <= s <= end + OWN_PLACE_REACH and not _SOURCE_GAP.search(text, end, s)}
    if not after:
        tail = text[end : end + OWN_PLACE_REACH]
        cut = _SOURCE_GAP.search(tail)
        words = {key(w) for w in _PLACE_WORD.findall(tail[: cut.start()] if cut else tail)}
        after = {name for _s, _e, name in spans if " " not in name and name in words}
    return bool(after and not between & after)


def _place_key(name: str) -> str:
    """A place's name for comparing mentions in one sentence: folded, the article al- off ("al-Fatira", "Fatira")."""
    k = fold(name)
    return re.sub(r"^(?:al|el)[\-\s’']", "", k)


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
    """The units of one sentence, with their attributes assigned clause by clause."""
    from civcas.extract import arabic

    if arabic.is_arabic(sent.text):
        return arabic.sentence_units(doc_text, sent, rules=rules, reference=reference, year_hint=year_hint,
                                     spotted=spotted, headline=headline)
    if arabic.has_arabic_statement(sent.text, rules):
        # An Arabic title run into page furniture ("قتلى وجرحى بقصف ... - YouTubeAboutPressCopyright..."):
        # the Arabic part states the claim; English follows only if it found nothing.
        got = arabic.sentence_units(doc_text, sent, rules=rules, reference=reference, year_hint=year_hint,
                                    spotted=spotted, headline=headline)
        if got:
            return got
    text = sent.text
    lex = _lex(rules)
    harms = [h for h in find_harms(text, rules=rules) if not h.negated]
    if harms and all(h.cue.rule.endswith("#said_count") for h in harms) and not _TOLL_BEFORE.search(
        doc_text, max(0, sent.start - 400), sent.start
    ):
        # "Rescue workers said 51.": another source's toll only right after a toll told
        harms = [h for h in harms if not h.cue.rule.endswith("#said_count")]
    dates = find_dates(text, reference=reference, year_hint=year_hint, rules=rules)
    claimants = find_claimants(text, rules=rules)
    # "claimed the lives of": a harm cue, not a speech verb.
    # ("A local official puts the total at 50": the speech verb that opens a toll's cue still speaks)
    claimants = [c for c in claimants if not any(h.cue.start <= c.cue_start < h.cue.end
                                                 and not _PUT_TOLL.match(h.cue.text) for h in harms)]
    # "Raqqa is Being Slaughtered Silently reported": a capitalised harm word inside a source's name harms no one
    # ("relatives of the 12 people killed said" keeps its harm)
    harms = [h for h in harms if not (text[h.cue.start : h.cue.start + 1].isupper()
                                      and any(c.start <= h.cue.start < c.end for c in claimants))]
    # "a truce brokered by Moscow and Ankara": the parties to an agreement struck nothing the sentence tells
    from civcas.extract.geoparse import agreement_parties_before  # (geoparse reads this module's units)

    party_before = agreement_parties_before()
    actors = [a for a in find_actors(text, on=reference, rules=rules)
              if not party_before.search(text, max(0, a.start - 40), a.start)]
    places = find_mentions(doc_text, sent.start, sent.end, gazetteer=None, spotted=spotted, rules=rules)
    stance = main_stance(find_stance(text, rules=rules), text)
    if stance is not None and stance.rule.endswith(("#dispute_no_civilian_harm", "#dispute_only_fighters")):
        # "denied that any civilians had died", "did not result in any civilian casualties": the harm words inside
        # the stance are the harm it says did not happen ("only ISIS fighters were killed": the fighters it says died)
        harms = [h for h in harms if not stance.start <= h.cue.start < stance.end]
    agg = aggregate_cues(text, rules=rules)
    attack_cues = [(m.start(), m.end()) for m in lex.attack.finditer(text)]
    cue_spans = [(h.cue.start, h.cue.end) for h in harms] + attack_cues
    # Forces that make the claim are not (as such) the attackers, unless they say they struck ("The coalition said
    # it had conducted a strike in the area").
    not_striking = [c for c in claimants
                    if not _OWN_STRIKE.match(text, c.cue_end) and not _OWN_STRIKE_AFTER.search(text, c.cue_end)
                    and not _OWN_REVIEW.match(text, c.cue_end)]
    actors = [a for a in actors if not any(c.start <= a.start < c.end for c in not_striking)]
    # A place name inside a force's name ("Ahrar al-Sharqiyah", "Hamza Division") is no place; a force named
    # by its capital alone ("Ankara", "Tel Aviv") still is one.
    def _in_force_name(p: PlaceMention) -> bool:
        s, e = p.span.start - sent.start, p.span.end - sent.start
        return any(a.start <= s and e <= a.end and a.end - a.start > e - s for a in actors)

    places = [p for p in places if not _in_force_name(p)]
    if places and (names := known_name_spans(text, rules=rules)):
        # "The Raqqa is Being Slaughtered Silently group put the toll at 40": Raqqa is in the source's name
        places = [p for p in places if not any(
            a <= p.span.start - sent.start and p.span.end - sent.start <= b for a, b in names)]

    # "according to the Rangpur Medical College Hospital", "doctors at Dhaka Medical College": the town a hospital
    # or a college that speaks is named after is where the wounded went, not the strike's place, when the
    # sentence names another place
    def _in_institution_source(p: PlaceMention) -> bool:
        s, e = p.span.start - sent.start, p.span.end - sent.start
        return any(c.start <= s and e <= c.end and _INSTITUTION_SOURCE.search(c.name) for c in claimants)

    if any(_in_institution_source(p) for p in places) and not all(_in_institution_source(p) for p in places):
        places = [p for p in places if not _in_institution_source(p)]
    event_dates = [d for d in dates if not _is_reporting_date(text, d, cue_spans, claimants)
                   and not _agreement_date(text, d, rules)]
    units: list[Unit] = []
    # (only places a locative word puts the harm in: "members of Greece's Golden Dawn" names no scene)
    spans = [(p.span.start - sent.start, p.span.end - sent.start, _place_key(p.text)) for p in places
             if p.relation not in ("origin", "dateline")
             and _LOCATIVE_BEFORE.search(text, max(0, p.span.start - sent.start - 45), p.span.start - sent.start)
             ] if len(harms) > 1 else []
    for h in harms:
        cur = units[-1] if units else None
        if cur is not None and h.form == "categories":
            cur.harms.append(h)
            continue
        if (
            cur is not None
            and not any(x.category == h.category for x in cur.harms)
            and not _offset_between(dates, cur.harms[-1].end, h.start)
            and not own_places(max(x.end for x in cur.harms), h.start, h.end, spans, text, _place_key)
        ):
            cur.harms.append(h)
            continue
        units.append(Unit(sent=sent, kind="harm", region=(0, len(text)), harms=[h], headline=headline))
    if not units:
        if stance is not None and stance.stance in (Stance.DENIES, Stance.DISPUTES, Stance.ACKNOWLEDGES) and (
            stance.stance is not Stance.ACKNOWLEDGES or attack_cues or _HARM_TALK.search(text)
        ):
            # (an admission of nothing violent is no stance on a strike: "Trump admitted that American forces were
            # in Syria for its oil")
            units.append(Unit(sent=sent, kind="stance", region=(0, len(text)), headline=headline))
        elif attack_cues and (places or event_dates or actors):
            units.append(Unit(sent=sent, kind="attack", region=(0, len(text)), headline=headline))
        elif any(not c.relay for c in claimants):
            # Names a source but no harm: the source may give its figure in the next sentence.
            units.append(Unit(sent=sent, kind="say", region=(0, len(text)), headline=headline))
        else:
            return []
    _regions(text, units, dates)
    non_relay = [c for c in claimants if not c.relay]
    relays = [c for c in claimants if c.relay]
    # the target and weapon lexicons whose words the sentence holds: the rest cannot match in any clause
    lowered = ascii_lower(text)
    targets = [(rx, tid) for rx, tid, words in lex.targets if may_match(words, lowered)]
    weapons = [(rx, wid) for rx, wid, words in lex.weapons if may_match(words, lowered)]
    for u in units:
        lo, hi = u.region
        u.places = [p for p in places if lo <= p.span.start - sent.start < hi]
        u.dates = [d for d in event_dates if lo <= d.start < hi and d.kind != "offset"]
        u.said_dates = [d for d in dates if lo <= d.start < hi and d.kind != "offset" and d not in event_dates]
        offs = [d for d in dates if d.kind == "offset" and lo <= d.start < hi]
        u.offset = offs[0] if offs else None
        u.actors = [a for a in actors if lo <= a.start < hi] or []
        u.aggregate = [a for a in agg if lo <= a[0] < hi]
        u.same_place = bool(_SAME_PLACE.search(text[lo:hi])) or (
            # "killed 20 civilians on Saturday and 11 on Sunday": a count that shares the verb told before, and
            # names no place of its own, shares that verb's place
            not u.places and bool(u.harms) and all(h.cue.rule.endswith("_elided") for h in u.harms)
        )
        u.targets = [(m.start(), m.end(), tid) for rx, tid in targets for m in rx.finditer(text, lo, hi)]
        u.weapons = [(m.start(), m.end(), wid) for rx, wid in weapons for m in rx.finditer(text, lo, hi)]
        u.strikes = attack_cues
        u.relays = relays
        u.sources = non_relay
        # "The army said 40 militants were killed, but residents said 18 civilians died": with two sources in
        # the sentence, each clause is its own source's
        own = [c for c in non_relay if lo <= c.start < hi] if len(non_relay) > 1 else []
        if len(own) > 1 and u.harms:
            # "The coalition said the strike targeted militants, while the Houthis said 40 children died": the
            # source whose speech verb comes last before the harm
            at = min(h.start for h in u.harms)
            before = [c for c in own if c.cue_end <= at]
            own = [max(before, key=lambda c: c.cue_end)] if before else own
        u.claimant = own[0] if own else non_relay[0] if non_relay else (relays[0] if relays else None)
        u.stance = stance
        if u.harms:
            u.unattributed = unattributed(text, min(h.start for h in u.harms), max(h.end for h in u.harms))
            c = u.claimant
            if c is not None and _INVESTIGATING.search(text, c.cue_end, min(h.start for h in u.harms)):
                # "The US military said it was investigating reports that a coalition strike killed more than 100
                # civilians": the reports say so, not the force that looks into them; "..., according to activists"
                # after the toll names whose reports they are
                after = [o for o in non_relay if o is not c and o.start >= max(h.end for h in u.harms)]
                u.claimant, u.unattributed = (after[0], False) if after else (None, True)
    if len(non_relay) == 1 and len(units) > 1:
        # "At least 55 people died, though opposition groups put the toll at 678": a source that opens a later
        # clause set against the first speaks for its own figure only; the first is the outlet's
        c = non_relay[0]
        if _CONTRAST_BEFORE.search(text, max(0, c.start - 30), c.start) and any(
            v.harms and min(h.start for h in v.harms) > c.start for v in units
        ):
            for u in units:
                if u.harms and max(h.end for h in u.harms) <= c.start and u.claimant is c:
                    u.claimant = None
    # Sentence-level actors reach units whose clause names none ("...killed 20 and 30 more in the same city").
    for u in units:
        if not u.actors:
            u.actors = list(actors)
    if stance is not None and units[0].kind == "stance" and len(non_relay) > 1:
        # "The GNA blamed Haftar's forces; the LNA denied responsibility": the source whose verb comes last
        # before the stance (or is the stance's own verb) takes it
        taking = [c for c in non_relay if c.cue_start <= stance.start]
        if taking:
            units[0].claimant = max(taking, key=lambda c: c.cue_start)
    if stance is not None and units[0].kind == "stance" and units[0].claimant is None:
        # "Moscow called the reports fake news": no speech verb, the stance verb's subject when it names a source
        taker = subject_of(text, (stance.start, stance.end), rules=rules)
        if taker is not None and taker.kind is not ClaimantKind.OTHER:
            units[0].claimant = taker
    if stance is not None and stance.subject is not None and units[0].kind == "stance":
        # "The GNA blamed forces loyal to Khalifa Haftar, who denied responsibility": the pattern's own subject
        taker = stance_taker(text, stance.subject, (stance.start, stance.end), rules=rules)
        if taker is not None:
            units[0].claimant = taker
    # A denial with figures in it: the denier is not the one alleging the figures ("where 40 reportedly died,
    # the commander claimed"): the harm stands unattributed and the denial becomes its own statement.
    if (
        stance is not None
        and stance.stance in (Stance.DENIES, Stance.DISPUTES)
        and any(u.kind == "harm" for u in units)
    ):
        # the source whose speech verb comes last before the stance ("The US military said it had no evidence ...,
        # which local activists said killed 15"): a harm told by another source after the stance keeps its source
        before_stance = [c for c in non_relay if c.cue_end <= stance.start]
        # with none, the stance verb's own subject ("Pentagon officials denied that its aircraft had struck Tokhar,
        # where rights groups said 56 civilians died"): not the source of the figures told after it
        denier = (max(before_stance, key=lambda c: c.cue_end) if before_stance
                  else subject_of(text, (stance.start, stance.end), rules=rules) or units[0].claimant)
        if before_stance:
            # "SANA reported that six civilians were killed ..., while the Turkish defence ministry denied targeting
            # civilians": the stance verb's own subject, named after the last speech verb, takes the stance
            speaker = subject_of(text, (stance.start, stance.end), rules=rules)
            if (speaker is not None and denier is not None and speaker.kind is not ClaimantKind.OTHER
                    and speaker.start >= denier.cue_end):
                denier = speaker
        # "The ministry claimed 120 were killed, a figure the coalition does not recognise": the pattern names
        # another source than the harm's, which keeps its own
        named = stance_taker(text, stance.subject, (stance.start, stance.end), rules=rules) if stance.subject else None
        for u in units:
            if u.kind == "harm" and named is not None:
                u.stance = None
            elif u.kind == "harm":
                u.stance = None
                if all(h.groups and all(g.status == "combatant" for g in h.groups) for h in u.harms):
                    # "The coalition said its strike killed 30 ISIS fighters and that it had no reports of civilian
                    # casualties": the fighters are the disputing source's own count, which keeps it
                    continue
                if u.claimant is not None and denier is not None and u.claimant is not denier and (
                    u.claimant.start > stance.end
                    or u.claimant.cue_end <= min(h.start for h in u.harms) < denier.start
                ):
                    continue  # the harm's own source, told after the stance or before both harm and denier
                # "..., which killed 15 civilians according to activists": the source the harm is told by
                lo, hi = u.region
                told = [c for c in non_relay if c is not denier and c.rule.endswith("#opener")
                        and c.start > max(h.end for h in u.harms) and lo <= c.start < hi]
                if told:
                    u.claimant, u.unattributed = told[0], False
                    continue
                if denier is not None and (u.unattributed or _inside_relative(text, u, stance)):
                    u.claimant = None
                    u.unattributed = True
                elif denier is not None and not u.unattributed:
                    u.claimant = None
        first = units[0]
        units.append(
            Unit(
                sent=sent,
                kind="stance",
                region=(0, len(text)),
                places=list(places),
                dates=list(event_dates),
                actors=list(actors),
                claimant=named or denier,
                relays=relays,
                stance=stance,
                headline=headline,
            )
        )
        first.places = first.places or list(places)
    return units


#: words that tell of harm without a figure, or of the strike told before ("admitted civilian casualties",
#: "acknowledged the deaths", "admitted responsibility, describing it as a technical mistake")
#: a toll told in the text just before a sentence (for a bare count another source gives after it)
_TOLL_BEFORE = re.compile(r"\b(?:killed|killing|dead|died|death\s+toll|wounded|wounding|injured|injuring)\b",
                          re.IGNORECASE)
_HARM_TALK = re.compile(r"\b(?:casualt|civilian|death|dead\b|harm|victim|wound|injur|kill|responsib|mistake|error)",
                        re.IGNORECASE)


def _inside_relative(text: str, u: Unit, stance: StanceCue) -> bool:
    return bool(re.search(r"\b(?:where|which|that)\b", text[stance.end : min(h.start for h in u.harms)], re.I))


def _offset_between(dates: list[DateMention], a: int, b: int) -> bool:
    return any(d.kind == "offset" and a <= d.start < b for d in dates)


def _regions(text: str, units: list[Unit], dates: list[DateMention]) -> None:
    """Split the sentence into one clause per unit at the boundary between consecutive units."""
    bounds = [0]
    for prev, nxt in itertools.pairwise(units):
        a = max(h.end for h in prev.harms) if prev.harms else prev.region[1]
        b = min(h.start for h in nxt.harms) if nxt.harms else nxt.region[0]
        cut = None
        offs = [d for d in dates if d.kind == "offset" and a <= d.start < b]
        if offs:
            cut = offs[0].start
        else:
            # a semicolon or a clause's conjunction before a bare "and" ("a crowd of women and children at Baghuz,
            # according to ...; the US military acknowledged 80"): "and" may join a noun's conjuncts
            m = _STRONG_BOUNDARY.search(text, a, b) or _BOUNDARY.search(text, a, b)
            cut = m.start() if m else (a + b) // 2
        # A date or place right before the next unit's cue and after the boundary stays with the next unit.
        bounds.append(max(cut, a))
    bounds.append(len(text))
    for i, u in enumerate(units):
        u.region = (bounds[i], bounds[i + 1])
