"""Figures of harm: who was killed or injured, how many, hedged how.

Two passes over a sentence. First, *victim groups*: a count (or a singular
noun phrase, "a child") with its hedge ("at least"), range ("20 to 30") and
victim noun ("civilians", "Iraqi refugees"). Second, *harm cues* from the
lexicon ("killing", "were killed", "the death toll rose to", "20
casualties"), each joined to the group its grammatical form points at:
victims follow an active cue, precede a passive one, and so on. What lies
between a cue and its group must be glue (auxiliaries, adverbs, an
appositive) or the pair is not joined: "three missiles killed" is not a
count of the dead.

Groups after "including", "among them", "mostly" are categories of the
figure before them (``victims``), not figures of their own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from civcas.extract.conjuncts import (
    companions,
    coordinated_after,
    coordinated_before,
    object_one,
    pp_head,
    subject_list,
)
from civcas.extract.groups import EDITORIAL, NOT_PEOPLE
from civcas.extract.groups import Cue as Cue  # re-exported: callers import the records from here
from civcas.extract.groups import Group as Group
from civcas.extract.groups import Harm as Harm
from civcas.extract.numbers import find_numbers
from civcas.extract.rules import RuleFiles, load_rules
from civcas.extract.text import ascii_lower, fold, may_match, phrase_regex, phrase_words
from civcas.records import Qualifier

# Words that may sit between a passive cue and the victims before it ("45 civilians were brutally killed").
_PASSIVE_GAP = re.compile(
    r"^(?:[\s,…\"“”'’()\-–—]|\b(?:were|was|have|has|had|been|are|is|be|being|also|reportedly|allegedly|"
    r"brutally|all|both|later|subsequently|already|each|reported|said|to|have|believed|feared|thought|"
    r"confirmed|then|now|either|who|which|that|among|them|others?|more|people|persons|civilians|in|total|"
    r"immediately|instantly|mostly|likely|probably|tragically|as|well|whom|of|whom|some|many|most|"
    r"would|will|may|might|could|later|eventually|so|far|too|just|only|at|least|had|seriously|"
    r"severely|critically|lightly|slightly|badly|fatally|were|family|families|same|household|a|the|his|her|"
    r"their|its|yesterday|today|tonight|overnight|last|night|morning|evening|afternoon|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|on|early|late|apparently|earlier|reportedly|subsequently|brutally|"
    r"mercilessly|allegedly|attacked|abducted|kidnapped|and|then|later|eventually|found|also|been|"
    r"respectively|together|simultaneously|by|gunmen|known|understood|have|has|had|\w+ly|"
    # a body of people joined to the count, uncounted ("more than 70 prison guards and staff were killed")
    r"staff|personnel|crew|crews|employees|workers|relatives|companions|bodyguards)\b)*$",
    re.IGNORECASE,
)
#: a harm noun in the singular, counted by a singular phrase right before it ("a civilian casualty")
_SINGULAR_CUE = re.compile(r"(?:casualty|death|fatality|victim|martyr)", re.IGNORECASE)
#: after such a noun, a noun it qualifies ("a civilian casualty incident", "a death toll"): no count of victims
_CUE_QUALIFIES = re.compile(r"\s+(?:incidents?|tolls?|figures?|counts?|events?|rates?|reports?|assessments?|claims?|"
                            r"numbers?|allegations?|reviews?|investigations?)\b", re.IGNORECASE)
#: before it, a hedge that counts no victim ("the possibility of a civilian casualty", "the risk of a death")
_HEDGED_BEFORE = re.compile(r"\b(?:possibility|risk|chance|likelihood|potential|danger|threat)\s+of\s+$", re.IGNORECASE)


def _counts_singular_cue(text: str, g: Group, cue: Cue) -> bool:
    """ "reports of a civilian casualty", "caused a civilian death": "a" before a singular harm noun counts one."""
    return (
        _SINGULAR_CUE.fullmatch(cue.text) is not None
        and not text[g.end : cue.start].strip()
        and str(g.rule).endswith(("#singular_a", "#singular_an"))
        and not _CUE_QUALIFIES.match(text, cue.end)
        and not _HEDGED_BEFORE.search(text, max(0, g.start - 30), g.start)
    )

_SAID_BY = re.compile(
    r"\b(?:said|reported|told|believed|thought|feared|claimed|confirmed|understood|known)\s+by\b[^,;:.!?]*$",
    re.IGNORECASE,
)
# "were said [by relatives and a journalist] to have been killed": the agent of the report, cut from the gap.
_SAID_BY_AGENT = re.compile(
    r"\b(said|reported|believed|thought|feared|claimed|confirmed|understood|known)\s+by\s[^,;:.!?]*?(?=\sto\s+(?:have|be)\b)",
    re.IGNORECASE,
)
# "seven civilians on the Indian side of the Line of Control ... were killed": a chain of prepositional phrases.
_PP_CHAIN = re.compile(
    r"^\s+(?:on|in|of|at|from|for|with|near|inside|outside|across|around|within|along|living|working|travelling|"
    r"traveling)\b"
    r"(?:(?!\b(?:killed|killing|said|says|were killed|was killed|and\s+(?:his|her|their))\b)[^,;:.!?\"“”]){0,220}?"
    r"(?:\b(?:were|was|have\s+been|has\s+been|had\s+been)(?:\s+\w+){0,3})?[\s\"“”'‘’]*$",
    re.IGNORECASE,
)
# Between an active cue and the victims after it ("killing at least 20", "claimed the lives of 30").
_ACTIVE_GAP = re.compile(
    r"^(?:[\s,…\"“”'’:]|\b(?:the|a|total|of|also|all|both|another|an|additional|further|including|its|their|his|her|"
    r"lives|life|respectively|instantly|immediately|outright|on|spot|the spot|reportedly|"
    r"allegedly|at|least|some)\b)*$",
    re.IGNORECASE,
)
#: A count followed by its own harm verb ("..., three injured") starts the next clause of a headline.
_NEXT_CLAUSE = re.compile(
    r"^\s+(?:others?\s+|more\s+|people\s+)?(?:were\s+|are\s+)?(?:injured|wounded|hurt|killed|dead)\b", re.IGNORECASE
)
# Between a noun cue and the count after it ("the death toll rose to 31", "victims at 42").
_NOUN_AFTER_GAP = re.compile(
    r"^(?:[\s,:…\"“”'’]|\b(?:of|at|to|reached|reaches|rose|rise|rises|has|have|had|risen|climbed|climbs|increased|"
    r"increases|jumped|jumps|is|was|"
    r"were|are|stood|stands|now|reportedly|further|the|a|total|by|from|up|nearly|some|least|around|about|"
    r"over|more|than|put|putting|puts|number|numbered|numbers|toll|so|far|thus|already|remained|remains|"
    # a toll revised since ("the death toll was later raised to 10", "has since climbed to 12")
    r"expected|later|since|subsequently|eventually|raised|revised|grew|grown|mounted|soared|"
    # "the deaths of what is estimated to be 64 women and children"
    r"what|estimated|believed|thought|be)\b)*$",
    re.IGNORECASE,
)
# A prepositional phrase between a toll noun and its verb: "the death toll [from Sunday's bombing] has risen to 45".
_NOUN_AFTER_PP = re.compile(
    r"^\s+(?:in|from|of|after|following|at|among|on|since|during|over|across|by|caused\s+by|resulting\s+from)\b"
    r"[^.;:!?\d\"“”]{1,120}?"
    r"(?=\s(?:is|was|has|have|had|rose|rise|rises|risen|climbed|climbs|reached|reaches|stood|stands|increased|"
    r"increases|jumped|jumps|remained|remains|now|later|since(?=\s+(?:risen|rose|climbed|reached|increased|grown))|"
    r"subsequently|eventually|grew)\b"
    # "put the death toll [from Tuesday's raid on the school] at 40"
    r"|\s+at\s+(?:least\s+|about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+)?(?:\d|$)"
    # "raising the toll [of Monday's strike on the town] to nine": the count ends the gap
    r"|\s+to\s+(?:at\s+least\s+|about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+)?$)",
    re.IGNORECASE,
)
#: the months' names and abbreviations, for the patterns that read a date around a count
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")
_MONTH_NAMES = _MONTHS + r"\.?"
#: a date inside the phrase between a toll's noun and its count ("the death toll in Gaza since October 7 has risen to")
_DATE_IN_GAP = re.compile(
    rf"\b{_MONTH_NAMES}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAMES}"
    r"(?:\s+(?:19|20)\d\d)?\b|\b(?:19|20)\d\d\b"
)


def _mask_dates(gap: str) -> str:
    """``gap`` with its dates written over in letters, the same length: a date's digits are no count."""
    return _DATE_IN_GAP.sub(lambda m: "x" * len(m.group()), gap)


_ENDS_WITH_PREPOSITION = re.compile(r"\s(?:of|from|in|on)$", re.IGNORECASE)
_NOUN_AFTER_PP_END = re.compile(
    r"^\s+(?:in|from|of|after|following|at|among|on|caused\s+by|resulting\s+from)\b[^.;:!?\d\"“”,]{1,120}?\s*$",
    re.IGNORECASE,
)
# Between the victims and a noun cue after them ("20 civilian casualties", "two more deaths").
_NOUN_BEFORE_GAP = re.compile(
    r"^(?:[\s\-]|\b(?:civilian|civilians|more|other|others|new|additional|further|confirmed|reported|people|"
    r"persons|human|innocent|fresh|total)\b)*$",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\.?\s+$")
_IDENTIFIER_BEFORE = re.compile(
    r"\b(?:Ward|No\.?|Number|Room|Unit|Brigade|Division|Battalion|Route|Highway|Road|Street|Block|Sector|Zone|"
    r"Phase|Area|Camp|Gate|Checkpoint|Resolution|Article|Chapter|Page|Section|Level|Flight|Bus|Line|Lot|"
    r"Building|Apartment|Km|Kilometre|Kilometer|Tower|Hall|Grade|Class|District|PP|NA|PK|UC)[\s\-]*$"
)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b")
_AGE = re.compile(r"^[\s\-]*(?:year|yr)s?[\s\-]*old|^\s*\)|^[\s\-]*years?\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(
    r"(?:aged|age|ages|\()\s*(?:(?:between|from)\s+)?(?:\d{1,3}\s*(?:and|to|-|–)\s*)?$", re.IGNORECASE
)
#: a digit grouping's comma or point: "2,000" is a count, never a year
_GROUPED = re.compile(r"\d[,.]\d{3}")
#: "of them", "of whom": a count that is part of the figure before it ("At least 19 people, 9 of them civilians"), and
#: so, in brackets, no age ("(11 of them children)")
_PARTITIVE_AFTER = re.compile(r"^[\s\u00a0]+of[\s\u00a0]+(?:them|whom|those)\b", re.IGNORECASE)
#: ... or to one person told by an article and a noun ("a man, 34,", "the driver, 45,")
_NOUN_AGE = re.compile(r"\b(?:a|an|the|his|her|their)\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*[^s\W]\s*,\s*$")
_NAME_AGE = re.compile(r"[A-Z][\w’'\-]+(?:\s+(?:al-|el-|bin\s+|ibn\s+)?[A-Z][\w’'\-]+)+\s*,\s*$")
_FAMILY_OF = re.compile(r"\b(?:a\s+)?family\s+of\s+$", re.IGNORECASE)
# A count followed by a plural noun the lexicon does not list ("five Bakassi natives", "32 alleged drug
# offenders", "ten Sudanese"): still people when a harm verb joins it; units ("three missiles") are excluded by
# NOT_PEOPLE first, and the words before the noun must be modifiers, not verbs or function words.
_NOT_MODIFIER = (
    r"(?:were|was|are|is|be|been|being|have|has|had|and|or|but|in|on|at|of|by|to|for|from|with|into|near|after|"
    r"before|during|when|while|as|who|which|that|the|a|an|this|these|those|their|his|her|its|our|it|they|he|she|"
    r"killed|killing|died|dead|wounded|injured|said|says|reportedly|also|more|others?|people|persons|plus|thus|"
    r"across|perhaps|always|whereas|besides|towards|afterwards|news|police|forces)"
)
# A people's or clan's name as the subject of a verb ("20 Salamat were killed"); not a day or month.
_PEOPLE_NAME = (
    r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
    r"[A-Z][a-z'’\-]{2,}(?=[\s\u00a0]+(?:were|have|had)\b"
    # ("At least 123 Ma'aliya and more than 200 Rizeigat were killed": a people's name before another count)
    r"|[\s\u00a0]+and[\s\u00a0]+(?:(?:at\s+least|more\s+than|over|about|around|nearly|some|almost)\s+)?\d)"
)
_GENERIC_PLURAL = re.compile(
    rf"^(?:[\s\u00a0]+(?!{_NOT_MODIFIER}\b)[A-Za-z][\w'’\-]*){{0,3}}[\s\u00a0]+"
    rf"(?P<noun>(?!{_NOT_MODIFIER}\b)(?:[A-Za-z][a-z\-]{{2,}}s|[A-Z][a-z]+(?:ese|i)|{_PEOPLE_NAME}))\b"
)
# "killed religious scholar Maulana Ameer Hamza": a named person after an active verb is one victim.
#: words that remember a death rather than report one ("to commemorate the death of", "the anniversary of")
_COMMEMORATED = re.compile(
    r"\b(?:commemorat\w*|anniversary\s+of|in\s+memory\s+of|memorial\s+for|mourn(?:s|ed|ing)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: an apposition after a name, closed by a comma before "and": ", a senior commander,"
_NAME_APPOSITION = re.compile(r"^,\s*(?:a|an|the|his|her|their)\s[^,;.]{1,60}(?=,\s*(?:and|as well as|along with)\b)")
_NAMED_VICTIM = re.compile(
    r"^[\s\u00a0]+(?:(?:a|an|the)\s+)?(?:[A-Z][\w\-]*\s+)?(?:(?!(?:in|on|at|of|and|or|by|with|from|near|during|after|"
    # (an organisation's acronym among the words before the name: "former ISIS commander Abu Yusif al-Halabi")
    r"before|while|civilians|people|residents|fighters|soldiers)\b)(?:[a-z][\w\-]*|(?-i:[A-Z]{2,6}))\s+){0,3}"
    r"(?:Mr\.?\s+|Dr\.?\s+|Sheikh\s+|Maulana\s+|Haji\s+)?[A-Z][\w'’\-]+"
    # "Abu Ahmad al-Halabi", "Hamza bin Laden": lower-case particles inside a name
    r"(?:\s+(?:(?:al|el|ad|ar|as|ash|at|az|bin|ibn|bint|de|da|van|von)[\s\-])?[A-Z][\w'’\-]+){1,3}"
    # (an age in brackets may follow the name: "Mohammed Khalil (34)", "Fatima Othman (21 years)")
    r"(?=\s*(?:,|\.|$|\(\s*\d{1,3}(?:\s*(?:years?|yrs?)(?:\s+old)?)?\s*\)|\s+(?:in|at|on|near|while|as|after|who|and|,|"
    r"along|alongside|together|plus|(?:Mon|Tues|Wednes|Thurs|Fri|"
    r"Satur|Sun)day)\b))"
)
_BARE_HEAD = re.compile(r"(?:^|[|:–—]\s*|\|\s*)(?P<n1>[A-Za-z’'\-]+\s+)??(?P<n2>[A-Za-z’'\-]+)\s+$")
# "another 10 people", "two more", "an additional five", "was also killed": on top of a figure already given.
_ADDITIVE = re.compile(r"\b(?:another|more|additional|further|other)\b", re.IGNORECASE)
_ALSO = re.compile(r"\b(?:also|too)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: one more victim named by an ordinal after the verb ("killed a fifth", "killing a sixth person")
_ORDINAL_ONE = re.compile(
    r"[\s\u00a0]+(?:a|an)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b",
    re.IGNORECASE,
)
_PERPETRATOR = re.compile(
    r"(?:gunmen|gunman|assailants?|attackers?|militants?|bandits?|insurgents?|jihadists?|terrorists?|bombers?|"
    r"suicide bombers?|rebels?|raiders?|men|armed men|soldiers|troops|policemen|police|fighters|herdsmen|"
    r"militiamen|kidnappers|robbers|gangsters|gang members|members)"
)
_SUBJECT_APPOSITION = re.compile(
    r"\s*,[^.;!?]{0,300},\s*(?:(?:were|was|have\s+been|has\s+been|had\s+been)(?:\s+\w+){0,4})?\s*", re.IGNORECASE
)
# The subject, a relative or participial clause about it, then the verb: "Eight villagers fleeing their
# communities after an attack have been killed", "Six policemen who were kidnapped on Sunday have been killed".
_SUBJECT_CLAUSE = re.compile(
    r"\s+(?:who|that|[a-z]+ing|[a-z]+ed)\b[^.;!?,\d]{0,160}?(?:\s(?:were|was|have|has|had|have\s+been|has\s+been|"
    r"had\s+been))?(?:\s+\w+ly)?\s*",
    re.IGNORECASE,
)
# A later count in brackets after a count: "nine [later 10] people", "79 (later updated to 200) people".
_LATER = re.compile(
    r"^\s*[\[(]\s*(?:later|since|subsequently|now)\s+(?:(?:updated|revised|raised|rose|risen|increased)\s+)?"
    r"(?:to\s+)?(?P<n>[\w,\-]+)\s*[\])]",
    re.IGNORECASE,
)
# Another source's count in brackets after a count: "34 [or 9] civilians", "eight (All-Africa: nine) people", "12
# (some reports say 15) civilians", "12 (15 according to medics) people": the figure is the range between the two.
_ALTERNATIVE = re.compile(
    r"^\s*[\[(]\s*(?:(?:or|(?:some|other|local|earlier)\s+(?:reports?|sources?|accounts?|estimates?)\s+"
    r"(?:say|said|put\s+it\s+at|give|gave|reported)|[A-Z][\w.\-]*(?:[\s\-][A-Z][\w.\-]*){0,3}\s*:)\s*"
    r"(?P<n>[\w,\-]+)|(?P<m>[\w,\-]+)\s+(?:according\s+to|per)\s+[^\])\[(]{1,60}?)\s*[\])]",
)
# An article (and at most a hyphenated or attack-describing modifier) before an -ing cue: a noun ("a shooting").
_ING_NOUN_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|another|latest|last)[\s\u00a0]+(?:(?:[a-z]+-[a-z\-]+|drive[\s\u00a0]+by|mass|deadly|fatal|random|targeted|"
    r"separate|suspected|apparent|second|third|fresh|new|fatal|recent|brutal|gruesome)[\s\u00a0]+)?$",
    re.IGNORECASE,
)
# What the object of a split "<verb> ... to death" frame never holds: another verb, a clause, a sentence break.
_SPLIT_OBJECT_STOP = re.compile(
    r"\b(?:was|were|is|are|been|be|and|or|but|who|which|that|after|before|when|while|because|to|in|on|at|"
    r"with|by|from)\b|[.;:!?]",
    re.IGNORECASE,
)
# "as many as five": a vague word that opens a hedge before a number is not a count of its own.
_HEDGE_TAIL = re.compile(r"^[\s\u00a0]+as[\s\u00a0]+$", re.IGNORECASE)
_INCLUDING = re.compile(
    r"^\s*(?:\(|,|--|—|–)?\s*(?:including|among\s+them|among\s+whom|of\s+whom)\b", re.IGNORECASE
)
_BREAKDOWN_GAP = re.compile(
    r"^\s*,?\s*(?:including|incl\.?|among\s+them)\s+(?:[\w\-]+\s+){1,4}?(?=(?:were|was|are|is|have|has|had|been)\b|$)",
    re.IGNORECASE,
)
_ENDS_WITH_COPULA = re.compile(r"\b(?:were|are|was|is|(?:identified|named)\s+as)$", re.IGNORECASE)
# A named person opening the clause and then the verb: "Mrs. Fatoum Ghazi al Lour, from Aleppo, died ...".
_NAMED_SUBJECT = re.compile(
    r"^(?:(?:On|In|At|Early|Late|Yesterday|Today)[^,]{0,40},\s*)?(?:(?:Mr|Mrs|Ms|Dr|Sheikh|Haji)\.?\s+)?"
    r"[A-Z][a-z’'\-]+(?:\s+(?:al|el|bin|ibn|abu|Abu|Al|El|de|van)?[\s\-]?[A-Z][\w’'\-]+){1,4}"
    r"(?:\s*\(\d{1,3}[^)]*\))?(?:,[^,.;]{0,80},)?\s+(?:has\s+|had\s+|was\s+|reportedly\s+|later\s+)?$"
)
_SINGULAR_PASSIVE = re.compile(r"\b(?:was|has\s+been|had\s+been|is)(?:\s+\w+){1,4}$", re.I)
_SINGULAR_DETS = r"(?:a|an|one|the|another|his|her|their|its|whose|one\s+more)"  # "their mother", "whose husband": one
_DET_RE = re.compile(rf"(?<![\w])(?P<det>{_SINGULAR_DETS})(?![\w])", re.IGNORECASE)
_STOP_IN_NP = re.compile(
    r"killed|killing|injured|wounded|and|or|by|in|on|at|of|with|from|were|was|is|are|has|had|have|who|which|"
    r"that|to|for|as|after|before|when|while|the|a|an|his|her|their|its|said|says",
    re.IGNORECASE,
)
_CUE_NOUN_NEXT = re.compile(
    r"^[\s\u00a0\-]+(?:deaths?|casualt(?:y|ies)|fatalit(?:y|ies)|injur(?:y|ies)|dead|wounded|"
    r"injured|toll|victims?|lives|bodies)\b",
    re.IGNORECASE,
)
# A word between a count and its noun: never a conjunction, preposition or verb ("123 Ma'aliya and more than
# 200" is two counts, not 123 "more").
_MODIFIER = (
    r"(?!(?:and|or|but|nor|were|was|are|is|be|been|have|has|had|in|on|at|by|to|for|from|with|who|which|that|"
    r"killed|wounded|injured|died|dead|than|after|before|during|when|while|since|until|as|because|another|"
    r"including|among|into|over|under|across|through)\b)[A-Za-z][\w'’\-]*"
    # (two names of one force joined by a slash: "26 PKK/YPG terrorists")
    r"(?:/[A-Za-z][\w'’\-]*)?"
)


@dataclass(frozen=True, slots=True, eq=False)
class _Lex:
    qualifier_re: re.Pattern[str]
    qualifier_of: dict[str, tuple[str, str]]
    noun_re: re.Pattern[str]
    noun_info: dict[str, tuple[str | None, str, bool, str]]
    singular_re: re.Pattern[str]
    singular_nouns: frozenset[str]
    opener_re: re.Pattern[str]
    cue_res: tuple[tuple[re.Pattern[str], str, str, str], ...]
    cue_words: tuple[tuple[str, ...] | None, ...]  # per cue regex, for :func:`may_match`
    left_re: re.Pattern[str]
    negation_re: re.Pattern[str]
    pronoun_one: re.Pattern[str]
    tags: dict[str, str]
    split_re: re.Pattern[str] | None
    split_of: dict[str, tuple[str, str]]
    role_subject: re.Pattern[str]
    wounds_of_the_dead: re.Pattern[str] | None  # matched on the text before an injury noun
    wound_nouns: frozenset[str]
    member_nouns: frozenset[str]
    #: after a member noun, "of" and an armed body: "two members of the SDF" are combatants
    of_armed_body: re.Pattern[str] | None
    died_verbs: frozenset[str] | None = None  # a death's verbs, folded ("died", "succumbed")
    #: words between the wounded and a death's verb that say someone else died ("where one died")
    died_breaks: re.Pattern[str] = re.compile(r"(?!)")
    #: rank nouns ("leader", "commanders") and the capitalised armed bodies' names that make them combatants before them
    rank_nouns: frozenset[str] = frozenset()
    armed_name: re.Pattern[str] = re.compile(r"(?!)")
    #: a harm verb whose object is a thing ("executed four airstrikes"), matched at the cue's start
    thing_object: re.Pattern[str] = re.compile(r"(?!)")


@functools.cache
def _lex(rules: RuleFiles) -> _Lex:
    qual_of: dict[str, tuple[str, str]] = {}
    for q in rules.qualifiers.entries:
        for p in q.phrases:
            qual_of[fold(p)] = (q.qualifier, q.id)
    qual_re = re.compile(
        r"(?:" + phrase_regex(qual_of.keys()).pattern + r")[\s\u00a0\"“”‘’']*(?:the\s+)?$", re.IGNORECASE
    )
    info: dict[str, tuple[str | None, str, bool, str]] = {}
    for v in rules.victims.entries:
        for p in v.plural:
            info[fold(p)] = (v.category, v.status, False, v.id)
        for p in v.singular:
            info.setdefault(fold(p), (v.category, v.status, True, v.id))
    # up to two modifiers before the noun, or a body's name of three or four capitalised words and its acronym
    # ("four Radio Television Afghanistan (RTA) staff")
    noun_re = re.compile(
        rf"^(?:[\s\u00a0]+of)?(?:(?:[\s\u00a0]+(?:{_MODIFIER}))??(?:[\s\u00a0]+(?:{_MODIFIER}))??|"
        rf"(?-i:(?:[\s\u00a0]+[A-Z][\w'’\-]*(?:[\s\u00a0]+(?:Without|without|of|for|and))?){{3,4}}(?:[\s\u00a0]*\([A-Z]{{2,8}}\))?))"
        rf"[\s\u00a0\-]+(?P<noun>{phrase_regex(info.keys()).pattern})",
        re.IGNORECASE,
    )
    singular_nouns = [k for k, (_, _, sing, _) in info.items() if sing]
    singular_re = re.compile(
        rf"(?<![\w])(?P<det>{_SINGULAR_DETS})(?:[\s\u00a0]+(?:[\w'’\-]+)){{0,3}}?[\s\u00a0]+"
        rf"(?P<noun>{phrase_regex(singular_nouns).pattern})",
        re.IGNORECASE,
    )
    opener_re = phrase_regex(rules.victims.category_openers)
    cue_res = []
    cue_words = []
    for e in rules.harm.entries:
        if e.form == "left":
            continue
        cue_res.append((phrase_regex(e.phrases), e.category, e.form, e.id))
        cue_words.append(phrase_words(e.phrases))
    left_words = [e for e in rules.harm.entries if e.form == "left"]
    left_re = re.compile(
        rf"(?P<verb>{phrase_regex(rules.harm.left_verbs).pattern})(?P<mid>.{{1,80}}?)(?P<word>"
        rf"{phrase_regex([p for e in left_words for p in e.phrases]).pattern})",
        re.IGNORECASE,
    )
    negation_re = re.compile(rf"(?:{phrase_regex(rules.harm.negations).pattern})\W+(?:\w+\W+){{0,2}}$", re.I)
    # The active "<verb> to death" phrases ("hacked to death", "stabbed to death") also take their object inside:
    # "hacked an elderly priest to death", "beat two herders to death".
    split_of: dict[str, tuple[str, str]] = {}
    for e in rules.harm.entries:
        if e.form == "active":
            for p in e.phrases:
                w = re.fullmatch(r"([a-z]+)\s+to\s+death", p.strip(), re.IGNORECASE)
                if w:
                    split_of.setdefault(fold(w.group(1)), (e.category, e.id))
    # "Starobelsk mayor Volodymyr Zhyvaha has died", "Opposition party leader John Doe was shot dead": a person's
    # role (a singular person noun of the lexicon, lower case, after the names of the place or body it serves)
    # before their name opens the clause; the name is one victim.
    roles = [k for k in singular_nouns if re.fullmatch(r"[a-z][a-z\- ]+", k)]
    role_subject = re.compile(
        r"^\s*(?:[A-Z][\w'’\-]*(?:['’]s)?\s+){0,4}(?:[a-z][a-z\-]+\s+)?"
        rf"(?:{'|'.join(sorted(map(re.escape, roles), key=len, reverse=True))})\s+"
        r"(?:(?:Mr|Mrs|Ms|Dr|Sheikh|Haji)\.?\s+)?[A-Z][a-z’'\-]+(?:\s+(?:al|el|bin|ibn|abu|Abu|Al|El|de|van)?[\s\-]?"
        r"[A-Z][\w’'\-]+){1,4}(?:,[^,.;]{0,80},)?\s+(?:has\s+|had\s+|was\s+|reportedly\s+|later\s+)?$"
    )
    split_re = (
        re.compile(
            rf"\b(?P<verb>{'|'.join(sorted(map(re.escape, split_of), key=len, reverse=True))})\b"
            r"(?P<obj>(?:[\s\u00a0]+[\w'’\-]+){1,7}?)[\s\u00a0]+(?P<tail>to[\s\u00a0]+death)\b",
            re.IGNORECASE,
        )
        if split_of
        else None
    )
    pronoun_one = re.compile(rf"^[\s\u00a0]*(?:{phrase_regex(rules.victims.pronouns.one).pattern})\b", re.I)
    wd = rules.harm.wounds_of_the_dead
    wounds_re = (
        re.compile(
            rf"(?:{phrase_regex(wd.verbs).pattern})(?:[\s\u00a0]+[\w'’\-]+){{0,4}}?[\s\u00a0]+"
            rf"(?:{phrase_regex(wd.links).pattern})[\s\u00a0]+(?:(?:his|her|their|its|the)[\s\u00a0]+)?"
            r"(?:[\w\-]+[\s\u00a0]+)?$",
            re.I,
        )
        if wd is not None
        else None
    )
    return _Lex(
        qual_re,
        qual_of,
        noun_re,
        info,
        singular_re,
        frozenset(singular_nouns),
        opener_re,
        tuple(cue_res),
        tuple(cue_words),
        left_re,
        negation_re,
        pronoun_one,
        dict(rules.tags),
        split_re,
        split_of,
        role_subject,
        wounds_re,
        frozenset(fold(n) for n in wd.nouns) if wd is not None else frozenset(),
        frozenset(fold(n) for n in rules.victims.member_nouns),
        re.compile(
            r"^[\s\u00a0]+of[\s\u00a0]+(?:the[\s\u00a0]+|a[\s\u00a0]+|an[\s\u00a0]+)?(?:[\w\-’']+[\s\u00a0]+){0,2}?"
            rf"(?:{phrase_regex(rules.victims.armed_bodies).pattern})(?![\w\-])",
            re.IGNORECASE,
        )
        if rules.victims.armed_bodies
        else None,
        frozenset(fold(v) for v in wd.verbs) if wd is not None else None,
        phrase_regex(wd.breaks) if wd is not None and wd.breaks else re.compile(r"(?!)"),
        frozenset(fold(n) for n in rules.victims.rank_nouns),
        _armed_names(rules.victims.armed_bodies),
        _thing_object(rules),
    )


def _thing_object(rules: RuleFiles) -> re.Pattern[str]:
    """A harm verb of ``thing_objects`` and, up to three words on, a thing it takes as object."""
    t = rules.harm.thing_objects
    if t is None:
        return re.compile(r"(?!)")
    return re.compile(
        rf"(?:{phrase_regex(t.verbs).pattern})(?:[\s\u00a0]+(?!(?:and|or|in|at|on|by|with)\b)[\w'’\-]+){{0,3}}?"
        rf"[\s\u00a0]+(?:{phrase_regex(t.objects).pattern})(?![\w\-])",
        re.IGNORECASE,
    )


def _armed_names(bodies: list[str]) -> re.Pattern[str]:
    """The armed bodies' proper names (capitalised, or "al-Qaeda"), case kept: "army" or "police" alone names none."""
    names = sorted((b for b in bodies if b[:1].isupper() or b.startswith("al-")), key=len, reverse=True)
    if not names:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(b) for b in names) + r")(?![\w\-])")


def _armed_rank(text: str, start: int, end: int, noun: str, lex: _Lex) -> bool:
    """ "a senior ISIS leader", "two al-Qaeda commanders": a rank noun with an armed body's name among the words
    before it, within the group ``[start, end)``."""
    return fold(noun) in lex.rank_nouns and lex.armed_name.search(text, start, end - len(noun)) is not None


#: "civilian" modifying a noun that says no status of its own ("a civilian driver")
_CIVILIAN_MODIFIER = re.compile(r"\bcivilian\b", re.IGNORECASE)

_POST_HEDGE = re.compile(r"[\s\-]?(odd|plus)\b|(\+)(?=\s)", re.IGNORECASE)


def _qualifier_before(text: str, start: int, lex: _Lex) -> tuple[int, Qualifier, str] | None:
    window = text[max(0, start - 40) : start]
    m = lex.qualifier_re.search(window)
    if not m:
        return None
    phrase = re.sub(r"\s+the\s*$", "", m.group().strip().strip("\"“”‘’' "), flags=re.I)
    key = fold(phrase)
    got = lex.qualifier_of.get(key)
    if got is None:
        return None
    return start - len(window) + m.start(), Qualifier(got[0]), got[1]


def find_groups(text: str, *, rules: RuleFiles | None = None) -> list[Group]:
    """Every victim group in ``text`` (one sentence), with offsets relative to it."""
    rules = rules or load_rules()
    lex = _lex(rules)
    nums = find_numbers(text, rules=rules)
    groups: list[Group] = []
    skip_until = -1
    for i, n in enumerate(nums):
        if n.start < skip_until:
            continue
        after = text[n.end :]
        before = text[: n.start]
        if n.value is not None and _AGE.match(after):
            continue
        if n.value is None and i + 1 < len(nums) and _HEDGE_TAIL.match(text[n.end : nums[i + 1].start]):
            continue  # "as many as five", "many as 50"
        if _AGE_BEFORE.search(before[-24:]) and not _PARTITIVE_AFTER.match(after):
            skip_until = n.end
            continue  # "aged 7", "aged between 2 and 14": ages, not counts
        if n.value is not None and (_NAME_AGE.search(before[-40:]) or _NOUN_AGE.search(before[-40:])) and re.match(
            r"^\s*[,)]", after
        ):
            continue  # "Riyad al-Kanou, 52, was shot", "a man, 34, and his two sons": an age in apposition
        if n.value is not None and _IDENTIFIER_BEFORE.search(before[-12:]):
            continue  # "Ward 4", "Resolution No. 2253": a label, not a count
        if n.value is not None and n.value <= 31 and (
            _MONTH_BEFORE.search(before[-12:]) or _MONTH_AFTER.match(after)
        ):
            continue  # "November 15", "17 December": a day, not a count
        if n.value is not None and 1900 <= n.value <= 2100 and not lex.noun_re.match(after) and not (
            _GROUPED.search(text, n.start, n.end)
        ):
            continue  # a year, unless people follow ("2000 people") or its thousands are marked ("2,000 were killed")
        start, end, value, maxv = n.start, n.end, n.value, None
        low, high = n.low, n.high
        qual = Qualifier.EXACT if n.value is not None else Qualifier.VAGUE
        rule = n.rule
        q = _qualifier_before(text, n.start, lex)
        # Ranges: "20 to 30", "20-30", "between 20 and 30", "20 or 30".
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        if nxt is not None and n.value is not None and nxt.value is not None and nxt.value > n.value:
            mid = text[n.end : nxt.start]
            between = re.search(r"between\s+$", before[-10:], re.I)
            if re.fullmatch(r"\s*(?:-|–|—|to|or|and)\s*", mid, re.I) and (
                between or not re.fullmatch(r"\s*and\s*", mid, re.I)
            ):
                maxv, end, skip_until = nxt.value, nxt.end, nxt.end
                qual = Qualifier.RANGE
                low, high = n.value, nxt.value
                if between:
                    start = n.start - len(between.group()) if not q else start
                after = text[end:]
        upd = _LATER.match(after) if value is not None and qual is not Qualifier.RANGE else None
        if upd is not None:
            # "killed nine [later 10] people": the later count is the figure; its words stay in the span
            later = next((x for x in nums[i + 1 :] if x.start >= end + upd.start("n")), None)
            if later is not None and later.value is not None and later.end <= end + upd.end():
                value = low = high = later.value
                end = end + upd.end()
                skip_until = end
                after = text[end:]
        alt = _ALTERNATIVE.match(after) if qual is Qualifier.EXACT and upd is None else None
        if alt is not None and value is not None:
            group = "n" if alt.group("n") else "m"
            other = next((x for x in nums[i + 1 :] if x.start >= end + alt.start(group)), None)
            if other is not None and other.value is not None and other.end <= end + alt.end() and other.value != value:
                low, high = min(value, other.value), max(value, other.value)
                value, maxv, qual = low, high, Qualifier.RANGE
                end = end + alt.end()
                skip_until = end
                after = text[end:]
        if q is not None and qual is not Qualifier.RANGE:
            start, qual = q[0], q[1]
            low, high = _bounds(value, qual, low, high)
            rule = f"{lex.tags['qualifiers']}#{q[2]}"
        post = _POST_HEDGE.match(after) if value is not None and qual is Qualifier.EXACT else None
        if post is not None:
            # "40-odd worshippers", "30-plus people": a hedge written after the count
            qual = Qualifier.APPROX if (post.group(1) or "").lower() == "odd" else Qualifier.MORE_THAN
            low, high = _bounds(value, qual, low, high)
            end += post.end()
            after = text[end:]
        fam = _FAMILY_OF.search(before)
        if fam and value is not None:
            start = fam.start()
        nm = lex.noun_re.match(after)
        noun: tuple[str, int] | None = (nm.group("noun"), nm.end()) if nm else None
        category = status = None
        noun_text = None
        if noun and value is not None and value > 1:
            info0 = lex.noun_info.get(fold(noun[0]))
            if fold(noun[0]) in ("more", "others", "other") or (info0 is not None and info0[2]):
                # "Two more villagers", "Three local health workers": the first noun only modifies a longer one
                more = lex.noun_re.match(after[noun[1] :])
                longer = _GENERIC_PLURAL.match(after)
                if more and not more.group().lstrip().lower().startswith("of"):
                    noun = (more.group("noun"), noun[1] + more.end())
                elif longer and longer.end() > noun[1] and not NOT_PEOPLE.match(" " + longer.group("noun")):
                    noun = (longer.group("noun"), longer.end())
            else:
                # "12 staff members", "five family members": a plural noun right after the first names the people
                second = lex.noun_re.match(after[noun[1] :])
                info1 = lex.noun_info.get(fold(second.group("noun"))) if second else None
                gap = after[noun[1] : noun[1] + second.start("noun")] if second else "x"
                if second and info1 is not None and not info1[2] and not gap.strip():
                    noun = (second.group("noun"), noun[1] + second.end())
        if not noun and value is not None and not NOT_PEOPLE.match(after):
            gm = _GENERIC_PLURAL.match(after)
            if gm and NOT_PEOPLE.match(" " + gm.group("noun")):
                continue  # "two rival groups", "three armoured vehicles"
            if gm and not _CUE_NOUN_NEXT.match(" " + gm.group("noun")):
                noun = (gm.group("noun"), gm.end())
        if noun and _CUE_NOUN_NEXT.match(after[noun[1] :]):
            info = lex.noun_info.get(fold(noun[0]))
            plural = info is None or not info[2]
            # ("one person dead": a singular noun after "one" is the count's too)
            if not ((plural or value == 1) and re.match(r"^[\s\u00a0]+(?:dead|wounded|injured)\b", after[noun[1] :],
                                                          re.I)):
                noun = None  # "352 civilian deaths": "civilian" qualifies the cue noun; "nine workers dead" keeps it
        partitive = bool(noun and _PARTITIVE_AFTER.match(after))
        if noun:
            noun_text = noun[0]
            category, status, _singular, _ = lex.noun_info.get(fold(noun_text), (None, "unspecified", False, ""))
            if status == "unspecified" and _CIVILIAN_MODIFIER.search(text, n.end, end + noun[1]):
                status = "civilian"  # "three civilian drivers"
            if status == "unspecified" and fold(noun_text) in lex.member_nouns and lex.of_armed_body is not None and (
                lex.of_armed_body.match(after[noun[1] :])
            ):
                status = "combatant"  # "two members of the SDF", "three elements of the Asayish security forces"
            end = end + noun[1]
            if status == "unspecified" and _armed_rank(text, n.end, end, noun_text, lex):
                status = "combatant"  # "two al-Qaeda commanders"
        else:
            if n.value is not None and NOT_PEOPLE.match(after):
                continue
        groups.append(
            Group(
                start=start,
                end=end,
                text=text[start:end],
                value=value,
                qualifier=qual,
                max=maxv,
                low=low,
                high=high,
                noun=noun_text,
                category=category,
                status=status or "unspecified",
                rule=rule,
                number_start=n.start,
                number_end=n.end if maxv is None and upd is None else skip_until,
                # "At least 19 people, 9 of them civilians": a part of the figure before, not a figure of its own
                is_category=partitive,
                opener="of them" if partitive else None,
            )
        )
    groups.extend(_singular_groups(text, groups, lex))
    groups.sort(key=lambda g: g.start)
    return _mark_categories(text, groups, lex)


def _bounds(value: int | None, qual: Qualifier, low: int | None, high: int | None) -> tuple[int | None, int | None]:
    if value is None:
        return low, high
    if qual is Qualifier.AT_LEAST:
        return value, None
    if qual is Qualifier.MORE_THAN:
        return value + 1, None
    if qual is Qualifier.UP_TO:
        return 0, value
    if qual is Qualifier.APPROX:
        return value, value
    return value, value


def _singular_groups(text: str, existing: list[Group], lex: _Lex) -> list[Group]:
    """ "a child", "an elderly woman", "a youth leader", "the owner": one victim each (longest noun phrase)."""
    out: list[Group] = []
    taken = [(g.start, g.end) for g in existing]
    for m in _DET_RE.finditer(text):
        det = m.group("det").lower()
        if det == "its" and re.search(r",\s*$", text[max(0, m.start() - 3) : m.start()]):
            continue  # "killed Khaled Mansour, its commander in the south,": the named man's role, not a second man
        words = list(re.finditer(r"[\w'’\-]+", text[m.end() : m.end() + 90]))[:6]
        best = None
        for k in range(len(words)):
            w = words[k].group()
            if _STOP_IN_NP.fullmatch(w):
                break
            two = (words[k - 1].group() + " " + w) if k > 0 else None
            hit = None
            for cand in (two, w):
                if cand and fold(cand) in lex.singular_nouns:
                    hit = cand
                    break
            if hit is not None:
                best = (m.end() + words[k].end(), hit)
        if best is None:
            continue
        end, noun = best
        if any(s0 < end and m.start() < e0 for s0, e0 in taken):
            continue
        category, status, _, _ = lex.noun_info.get(fold(noun), (None, "unspecified", True, ""))
        if status == "unspecified" and _CIVILIAN_MODIFIER.search(text, m.start(), end):
            status = "civilian"  # "a civilian driver": the driver's noun says no status, its modifier does
        elif status == "unspecified" and _armed_rank(text, m.start(), end, noun, lex):
            status = "combatant"  # "a senior ISIS leader"
        out.append(
            Group(
                start=m.start(),
                end=end,
                text=text[m.start() : end],
                value=1,
                qualifier=Qualifier.EXACT,
                low=1,
                high=1,
                noun=noun,
                category=category,
                status=status,
                singular=True,
                rule=f"{lex.tags['victims']}#singular_{det.replace(' ', '_')}",
            )
        )
        taken.append((m.start(), end))
    return out


def _mark_categories(text: str, groups: list[Group], lex: _Lex) -> list[Group]:
    """Mark groups that follow "including", "mostly"... (and those coordinated with them) as categories."""
    out = list(groups)
    for m in lex.opener_re.finditer(text):
        scope_end = m.end()
        for i, g in enumerate(out):
            if g.start < m.end():
                continue
            gap = text[scope_end : g.start]
            if not re.fullmatch(
                # "including a woman and her two children": a kin's possessive does not end the list
                r"[\s,]*(?:(?:and|as well as|plus|reportedly|were|are|was|at least)[\s,]+)*(?:(?:her|his|their)\s+)?",
                gap, re.I,
            ):
                break
            out[i] = _replace(g, is_category=True, opener=fold(m.group()))
            scope_end = g.end
    return out


def _replace(g: Group, **kw: object) -> Group:
    from dataclasses import replace

    return replace(g, **kw)  # type: ignore[arg-type]


@functools.cache
def _category_words(rules: RuleFiles) -> tuple[dict[str, tuple[str | None, str, bool, str]], re.Pattern[str]]:
    """The victim nouns that name a category, and their regex: built once, not per sentence."""
    cat_words = {k: v for k, v in _lex(rules).noun_info.items() if v[0] is not None}
    return cat_words, phrase_regex(cat_words.keys())


def bare_categories(text: str, *, rules: RuleFiles | None = None) -> list[tuple[int, int, str, Qualifier, str]]:
    """Category nouns named without a count after an opener: "mostly women and children", "including children"."""
    rules = rules or load_rules()
    lex = _lex(rules)
    out = []
    cat_words, cat_re = _category_words(rules)
    for m in lex.opener_re.finditer(text):
        opener = fold(m.group())
        qual = (
            Qualifier.MOSTLY if opener.startswith(("most", "mainly", "the majority", "mostly")) else Qualifier.MENTIONED
        )
        pos = m.end()
        while True:
            gap = re.match(r"[\s,]*(?:(?:and|as well as|the|innocent|elderly|young)[\s,]+)*", text[pos:], re.I)
            p2 = pos + (gap.end() if gap else 0)
            nm = cat_re.match(text, p2)
            if not nm:
                break
            cat = cat_words[fold(nm.group())][0]
            if cat:
                out.append((nm.start(), nm.end(), cat, qual, opener))
            pos = nm.end()
    return out


def find_cues(text: str, *, rules: RuleFiles | None = None) -> list[Cue]:
    """Harm cues in ``text``, longest match first where phrases overlap; each lists the forms it can take."""
    rules = rules or load_rules()
    lex = _lex(rules)
    found: dict[tuple[int, int], Cue] = {}
    lowered = ascii_lower(text)
    for (regex, category, form, rid), words in zip(lex.cue_res, lex.cue_words, strict=True):
        if not may_match(words, lowered):
            continue
        for m in regex.finditer(text):
            key = (m.start(), m.end())
            rule = f"{lex.tags['harm']}#{rid}"
            if key in found:
                c = found[key]
                if c.category == category and form not in c.forms:
                    found[key] = Cue(c.start, c.end, c.text, c.category, (*c.forms, form), c.rule)
                continue
            found[key] = Cue(m.start(), m.end(), m.group(), category, (form,), rule)
    # "hacked an elderly priest to death": a "<verb> to death" phrase of the lexicon with its object inside
    for m in lex.split_re.finditer(text) if lex.split_re is not None else ():
        verb, obj, tail = m.span("verb"), m.group("obj"), m.span("tail")
        if _SPLIT_OBJECT_STOP.search(obj):
            continue
        category, rid = lex.split_of[fold(m.group("verb"))]
        for key in [k for k in found if (k[0] < tail[1] and tail[0] < k[1]) or (k[0] < verb[1] and verb[0] < k[1])]:
            del found[key]  # the closing "death" and the bare verb are this frame, not cues of their own
        found[verb] = Cue(verb[0], verb[1], m.group("verb"), category, ("active",), f"{lex.tags['harm']}#{rid}")
    # Longest first; drop cues inside a longer one.
    ordered = sorted(found.values(), key=lambda c: (-(c.end - c.start), c.start))
    kept: list[Cue] = []
    for c in ordered:
        clash = [i for i, k in enumerate(kept) if k.start < c.end and c.start < k.end]
        if clash:
            # An overlapping shorter phrase of the same harm lends its forms ("was shot" + "shot and killed").
            for i in clash:
                k = kept[i]
                if k.category == c.category:
                    extra = tuple(f for f in c.forms if f not in k.forms)
                    if extra:
                        kept[i] = Cue(k.start, k.end, k.text, k.category, (*k.forms, *extra), k.rule)
            continue
        kept.append(c)
    # "killed in a drive-by shooting in Mogadishu": an -ing word after an article is the event's noun, not a verb
    kept = [c for c in kept if not (re.fullmatch(r"[a-z]+ing", c.text) and _ING_NOUN_BEFORE.search(text[: c.start]))]
    # "Russian jets executed four airstrikes", "shot a video": the verb's object is a thing
    kept = [c for c in kept if not lex.thing_object.match(text, c.start)]
    if lex.wounds_of_the_dead is not None:
        # "died on Friday of wounds he sustained", "succumbed to his injuries": the wound a death came of
        wre, nouns = lex.wounds_of_the_dead, lex.wound_nouns
        kept = [c for c in kept if not (
            c.category == "injured" and fold(c.text) in nouns and wre.search(text[max(0, c.start - 80) : c.start])
        )]
    return sorted(kept, key=lambda c: c.start)


def _negated(text: str, start: int, lex: _Lex) -> bool:
    lo = max(0, start - 30)
    m = lex.negation_re.search(text[lo:start])
    if m is None:
        return False
    at = lo + m.start()
    # "Doctors Without Borders said 19 were killed": a capitalised word inside a sentence is part of a name
    return not (text[at].isupper() and text[:at].strip(" \"“'‘(") != "")


#: what stands between a vague count and the count in apposition to it: a comma, a dash or a bracket
_APPOSED_COUNT = re.compile(r"[\s\u00a0]*[,(–—-][\s\u00a0]*")


def find_harms(text: str, *, rules: RuleFiles | None = None) -> list[Harm]:
    """Join each harm cue in a sentence to its victim group(s).

    >>> [(h.category, h.value) for h in find_harms("The raid killed 12 civilians and wounded 30 others.")]
    [('killed', 12), ('injured', 30)]
    """
    rules = rules or load_rules()
    lex = _lex(rules)
    groups = find_groups(text, rules=rules)
    cues = find_cues(text, rules=rules)
    mains = [g for g in groups if not g.is_category]
    used: set[int] = set()
    harms: list[Harm] = []
    for cue in cues:
        if _inside_opener(text, cue, lex):
            continue
        if _COMMEMORATED.search(text[max(0, cue.start - 50) : cue.start]):
            continue  # "to commemorate the death of Imam Mohammed al-Jawad": a remembered death, not a report
        picked = _join(text, cue, mains, used, lex)
        if picked is None:
            continue
        form, gs = picked
        if len(gs) == 1 and gs[0].value is None and gs[0].qualifier is Qualifier.VAGUE:
            # "Dozens of people, at least 37 according to hospital sources, were killed": the count in apposition to
            # a vague one says how many
            exact = next((g for g in mains if id(g) not in used and g.value is not None and g.noun is None
                          and gs[0].end < g.start and g.end <= cue.start
                          and _APPOSED_COUNT.fullmatch(text, gs[0].end, g.start)), None)
            if exact is not None:
                used.add(id(exact))
                gs = [_replace(exact, noun=gs[0].noun)]
        if not gs and not form.endswith("_one") and "noun_before" in cue.forms:
            # "25 casualties, among them 10 dead": a bare count after an opener is the dead among the casualties
            bare = next((g for g in groups if g.is_category and g.value is not None and g.noun is None
                         and id(g) not in used and g.end <= cue.start and not text[g.end : cue.start].strip()), None)
            if bare is not None and any(h.category != cue.category and h.groups for h in harms):
                form, gs = "noun_before", [bare]
        for g in gs:
            used.add(id(g))
        neg = _negated(text, min([cue.start, *(g.start for g in gs)]), lex)
        one = form.endswith("_one")
        add = any(_ADDITIVE.search(g.text) for g in gs) or bool(_ALSO.search(text[max(0, cue.start - 12) : cue.start]))
        # "shot dead four protesters and killed a fifth": one more by its ordinal
        add = add or (one and _ORDINAL_ONE.match(text, cue.end) is not None)
        named_with = companions(text, cue, form, gs, mains, used, lex)
        for g in named_with:
            used.add(id(g))
        gs = [*gs, *named_with]
        harms.append(
            Harm(
                category=cue.category,
                cue=cue,
                groups=tuple(gs),
                form=form.removesuffix("_one"),
                negated=neg,
                implied_one=one,
                additive=add,
                rules=(cue.rule, *(g.rule for g in gs)),
            )
        )
    harms.extend(_elided(text, harms, mains, used))
    harms.extend(_said_counts(text, harms, mains, used, lex))
    harms.extend(_category_only(text, harms, groups, lex))
    left = _left_frames(text, mains, used, lex)
    if left:
        # the frame's closing word ("dead") is its cue; the same word read alone, without a count, says nothing more
        taken = {(h.cue.start, h.cue.end) for h in left}
        harms = [h for h in harms if (h.cue.start, h.cue.end) not in taken or h.groups]
        harms.extend(left)
    harms = _wounded_who_died(text, harms, lex)
    harms.sort(key=lambda h: h.start)
    return [_partitive(text, h, lex) for h in _attach_categories(text, harms, groups, rules)]


_PARTITIVE_BEFORE = re.compile(r"\b(?:among|amongst|of|from)\s+(?:the\s+)?$", re.IGNORECASE)


def _wounded_who_died(text: str, harms: list[Harm], lex: _Lex) -> list[Harm]:
    """ "A woman wounded in a Russian airstrike on Ariha last Friday died in hospital on Tuesday": the wounded named
    before a death's verb that has no count of its own are the dead (one killed, not one injured)."""
    if lex.died_verbs is None:
        return harms
    out = list(harms)
    for k in harms:
        if k.category != "killed" or k.groups or k.implied_one or k.negated or fold(k.cue.text) not in lex.died_verbs:
            continue
        before = [h for h in out if h.category == "injured" and h.groups and not h.negated and h.end <= k.cue.start
                  and h.groups[0].start < h.cue.start]
        if not before:
            continue
        w = before[-1]
        if _PARTITIVE_BEFORE.search(text[max(0, w.groups[0].start - 12) : w.groups[0].start]):
            continue  # "three people who were among 11 injured in the fighting died": not the eleven
        if any(w.end <= h.start < k.cue.start for h in out if h is not w) or lex.died_breaks.search(
            text[w.end : k.cue.start]
        ):
            continue
        out[out.index(k)] = Harm(category="killed", cue=k.cue, groups=w.groups, form=k.form, additive=w.additive,
                                 rules=(k.cue.rule, *(g.rule for g in w.groups)))
        out.remove(w)
    return out


#: a count of some of the people a figure told before counted ("Two of the dead", "three of the wounded")
_PART_OF = re.compile(r"\s+(?:of|among)\s+(?:(?:the|those)\s+)?", re.IGNORECASE)
_PART_GROUP = re.compile(
    r"^\S+\s+(?:of|among)\s+(?:the|those)\s+(?:dead|killed|victims|wounded|injured|fatalities|casualties|martyrs)$",
    re.IGNORECASE,
)
_PART_CUE = re.compile(r"\b(?:dead|killed|victims|wounded|injured|fatalities|casualties|martyrs)\b", re.IGNORECASE)
#: ... and who they were ("were children", "are women")
_PART_WERE = re.compile(r"\s*(?:(?:were|are|was|is)\s+)?(?:all\s+)?(?:a\s+|an\s+)?(?P<noun>[A-Za-z\-]+)", re.IGNORECASE)


def _partitive(text: str, h: Harm, lex: _Lex) -> Harm:
    """ "Two of the dead were children": not two more dead but who two of those counted before were, a breakdown (a
    category of the figure when the noun after "were" names one)."""
    from dataclasses import replace

    if len(h.groups) != 1 or h.form == "categories" or not _PART_CUE.search(h.cue.text):
        return h
    g = h.groups[0]
    if g.value is None:
        return h
    bare = g.noun is None and g.end <= h.cue.start and _PART_OF.fullmatch(text, g.end, h.cue.start) is not None
    if not (bare or _PART_GROUP.match(g.text)):
        return h
    after = max(g.end, h.cue.end)
    if re.search(r"\b(?:were|are|was|is)\s*$", h.cue.text, re.IGNORECASE) or re.match(
        r"\s*(?:were|are|was|is)\b", text[after:], re.IGNORECASE
    ):
        m = _PART_WERE.match(text, after)
    else:
        m = None  # "Three of the wounded are in critical condition": who they were is not said
    victims: tuple[tuple[str, Group], ...] = ()
    if m is not None:
        info = lex.noun_info.get(fold(m.group("noun")))
        if info is not None and info[0] is None and info[1] == "civilian":
            return h  # "Ten of the victims were civilians": the civilians of a mixed toll, a figure of its own
        if info is not None and info[0] is not None:
            cat = replace(g, noun=m.group("noun"), category=info[0], status=info[1], is_category=True)
            victims = ((info[0], cat),)
    return replace(h, groups=(), form="categories", victims=victims, rules=(*h.rules, "partitive"), part_of=g)


_OPENER_HARM = re.compile(r"\b(?:killed|dead|victims|martyrs|deceased|fatalities)\b|\b(injured|wounded)\b", re.I)


def _category_only(text: str, harms: list[Harm], groups: list[Group], lex: _Lex) -> list[Harm]:
    """ "Among the killed civilians were 11 children": categories of a figure given elsewhere."""
    out = []
    for m in lex.opener_re.finditer(text):
        hm = _OPENER_HARM.search(m.group())
        if not hm or any(h.cue.start <= m.start() < h.end for h in harms):
            continue
        if not any(g.is_category and g.start >= m.end() for g in groups):
            continue
        category = "injured" if hm.group(1) else "killed"
        cue = Cue(m.start(), m.end(), m.group(), category, ("categories",), f"{lex.tags['victims']}#category_opener")
        out.append(Harm(category=category, cue=cue, form="categories", rules=(cue.rule,)))
    return out


#: "... were killed in Kafranbel and 5 in Hass": a second count with its own place, the verb left out; after a colon
#: the counts break the figure before down ("killed 20 people on Tuesday: 12 in Saada and 8 in Hajjah")
_ELIDED = re.compile(r"^[^.;:!?\"“”]{0,80}?(?:\s(?:and|while)|[,:])\s+$")
_BREAKDOWN = re.compile(r"\b(?:including|among them|of them|of whom|among whom|of which)\b", re.IGNORECASE)
#: (a name may open with an article in lower case: "and five in al-Bara")
_ELIDED_PLACE = re.compile(
    r"^\s+(?:more\s+|others?\s+)?(?:in|at|near|on)\s+(?:the\s+)?(?:\w+\s+)?(?:of\s+)?"
    r"(?:(?:al|el|ad|ar|as|ash|at|az|an|ad-d|ad|adh)[-\s\u2010\u2011])?[A-Z]"
)


def _elided(text: str, harms: list[Harm], mains: list[Group], used: set[int]) -> list[Harm]:
    """Counts that share an earlier harm's verb: "nine were killed in A and five in B" is five killed in B."""
    out: list[Harm] = []
    for h in harms:
        if not h.groups or h.negated or h.form not in ("passive", "active"):
            continue
        last = h.end
        for g in mains:
            # (a count with its own noun too, "and five others in al-Bara", but not one person by an article: "a
            # car bomb and a suicide bomber in Hilla" tells who struck)
            if id(g) in used or g.start <= last or g.value is None or (g.noun is not None and g.singular):
                continue
            if not (_ELIDED.match(text[last : g.start]) and _ELIDED_PLACE.match(text[g.end :])):
                continue
            if g.text.lower() in ("both", "all", "each"):
                continue  # "12 in Talbiseh and four in Rastan, both in Homs province": the places, not more dead
            if _BREAKDOWN.search(text[h.start : g.start]):
                break  # "3,037 civilians, including 140 in Idlib, 782 in Aleppo": parts of the total, not more
            if any(last < x.start < g.start for x in harms if x is not h):
                break  # another harm stands between: the count is its own
            used.add(id(g))
            cue = Cue(g.start, g.end, g.text, h.category, h.cue.forms, f"{h.cue.rule}_elided")
            out.append(Harm(category=h.category, cue=cue, groups=(g,), form=h.form, rules=(cue.rule, g.rule)))
            last = g.end  # "40 were slain on Sunday, 42 on Monday and 43 on Tuesday": each in turn
    return out


#: "Rescue workers said 51.", "..., while the civil defence said 51": a bare count right after a verb of saying
#: that ends its clause is another source's figure for the toll told before it
_SAID_BEFORE = re.compile(r"\b(?:said|says|say|reported|reports|counted|counts|estimated|estimates|put\s+it\s+at|"
                          r"puts\s+it\s+at|gave|gives)\s+$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_SAID_AFTER = re.compile(r"\s*(?:$|[.;!?]|,\s+(?:while|whereas|but|citing|according|and|a\s+figure)\b)",
                         re.IGNORECASE)


def _said_counts(text: str, harms: list[Harm], mains: list[Group], used: set[int], lex: _Lex) -> list[Harm]:
    """A bare count after a verb of saying, ending its clause: the toll of the harm told last before it in the
    sentence ("44 were killed, the Observatory said, while rescue workers said 51"), else of the dead."""
    out: list[Harm] = []
    for g in mains:
        if id(g) in used or g.value is None or g.noun is not None or g.singular:
            continue
        if _YEAR.fullmatch(g.text.strip()):
            continue  # a year
        if not _SAID_BEFORE.search(text, max(0, g.start - 20), g.start) or not _SAID_AFTER.match(text, g.end):
            continue
        before = [h for h in harms if h.end <= g.start and h.groups and not h.negated]
        category = before[-1].category if before else "killed"
        used.add(id(g))
        cue = Cue(g.start, g.end, g.text, category, ("active",), f"{lex.tags['harm']}#said_count")
        out.append(Harm(category=category, cue=cue, groups=(g,), form="active", rules=(cue.rule, g.rule)))
    return out


def _inside_opener(text: str, cue: Cue, lex: _Lex) -> bool:
    return any(m.start() <= cue.start and cue.end <= m.end() for m in lex.opener_re.finditer(text))


def _join(text: str, cue: Cue, mains: list[Group], used: set[int], lex: _Lex) -> tuple[str, list[Group]] | None:
    before = [g for g in mains if g.end <= cue.start and id(g) not in used]
    after = [g for g in mains if g.start >= cue.end and id(g) not in used]
    inside = [g for g in mains if g.start <= cue.start and cue.end <= g.end and id(g) not in used]
    forms = cue.forms
    prev_word = re.search(r"(\w+)\W*$", text[: cue.start])
    aux_before = bool(
        prev_word
        and prev_word.group(1).lower()
        in {
            "were",
            "was",
            "been",
            "are",
            "is",
            "being",
            "be",
            "reportedly",
            "allegedly",
            "brutally",
            "also",
            "confirmed",
            "found",
            "later",
            "subsequently",
        }
    )
    if re.match(r"(?:were|was|been|being|are|is)\b", cue.text, re.IGNORECASE) and "passive" in forms:
        aux_before = True  # "have been killed": the cue carries its own auxiliary
    elif prev_word and prev_word.group(1).lower() in ("has", "have", "had") and "active" in forms:
        # "a bomber in the town has killed a sheikh": a perfect, active; its victims follow
        forms = tuple(f for f in forms if f != "passive")
    # A group whose noun is the cue itself ("20 casualties"): the noun form.
    if inside and ("noun_before" in forms or "passive" in forms):
        return "noun_before", inside[:1]
    # A singular phrase ("a child", "the owner") is a victim only as subject or object of a verb.
    # ... or right before a singular noun cue, which it counts: "reports of a civilian casualty", "a civilian death"
    before = [g for g in before if not (g.singular and forms == ("noun_before",)) or _counts_singular_cue(text, g, cue)]
    # "were said by relatives and a journalist to have been killed": whoever said it is no victim.
    before = [g for g in before if not _SAID_BY.search(text[max(0, g.start - 60) : g.start])]
    order = list(forms)
    aux_gap = bool(
        before
        and re.search(r"\b(?:were|was|been|are|is|be)\b", text[before[-1].end : cue.start], re.IGNORECASE)
        and _PASSIVE_GAP.fullmatch(_strip_appositives(text[before[-1].end : cue.start]))
    )
    if "passive" in forms and (aux_before or aux_gap):
        aux_before = True  # "45 civilians were brutally killed", "Five people were yesterday killed, scores injured"
        order = ["passive", *[f for f in forms if f != "passive"]]
    elif "active" in forms and "passive" in forms and not aux_before and after:
        gap = text[cue.end : after[0].start]
        if _ACTIVE_GAP.fullmatch(gap) and not (
            before and _PASSIVE_GAP.fullmatch(text[before[-1].end : cue.start]) and before[-1].end == cue.start - 1
        ):
            order = ["active", *[f for f in forms if f != "active"]]
        elif before and not text[before[-1].end : cue.start].strip() and "," in gap:
            # "Two killed, three injured in shelling": a headline's clauses; the count after the comma is the
            # next clause's subject, not this verb's object
            order = ["passive", *[f for f in forms if f != "passive"]]
        if "," in gap and _NEXT_CLAUSE.match(text[after[0].end :]):
            order = [f for f in order if f != "active"]  # "Child killed, three injured": no object either
    for form in order:
        if form == "passive" and len(before) > 1:
            # "Eleven people, including a Colombian and three minors, were killed": the total, not its category
            g0 = before[0]
            mid = EDITORIAL.sub(" ", text[g0.end : before[-1].start])
            if (
                _INCLUDING.match(mid)
                and g0.value is not None
                and before[-1].value is not None
                and g0.value >= before[-1].value
                and _PASSIVE_GAP.fullmatch(_strip_appositives(text[before[-1].end : cue.start]).lstrip(","))
            ):
                return form, [g0]
        if form in ("passive", "noun_before") and before:
            g = before[-1]
            if form == "passive":
                # "four brothers -- the sons of a retired teacher -- were found dead": the last group sits in an
                # apposition; the subject is the group before it
                for h in reversed(before[:-1]):
                    raw = text[h.end : cue.start]
                    stripped = _SAID_BY_AGENT.sub(r"\1", _strip_appositives(raw))
                    if stripped.strip() != raw.strip() and _PASSIVE_GAP.fullmatch(stripped):
                        return form, coordinated_before(text, h, mains, used)
            if (
                "active" in forms
                and g.noun
                and _PERPETRATOR.fullmatch(fold(g.noun))
                and not aux_before
                and _has_object(text, cue, after, lex)
            ):
                continue  # "Three unidentified gunmen shot dead a cleric": the gunmen did it
            gap = text[g.end : cue.start]
            regex = _PASSIVE_GAP if form == "passive" else _NOUN_BEFORE_GAP
            stripped = _SAID_BY_AGENT.sub(r"\1", _strip_appositives(gap))
            if form == "passive":
                # "8 civilians incl. 3 kids killed": a headline's breakdown between the count and its participle
                stripped = _BREAKDOWN_GAP.sub("", stripped)
            if regex.fullmatch(stripped) or (form == "passive" and _PP_CHAIN.fullmatch(stripped)):
                if form == "passive":
                    g = pp_head(text, g, before)
                return form, coordinated_before(text, g, mains, used)
            if form == "passive":
                # "seven men -- all workers at a local football field -- were found dead": the last group sits in
                # a parenthesis; the subject is the one before it.
                for h in reversed(before[:-1]):
                    if _PASSIVE_GAP.fullmatch(_strip_appositives(text[h.end : cue.start])):
                        return form, coordinated_before(text, h, mains, used)
            # "Two civilians, a farmer from X village ... and another we have yet to identify, were killed":
            # the sentence's subject, a long apposition, then the verb.
            first = [x for x in mains if id(x) not in used][:1]
            if form == "passive" and first and first[0].start <= 60 and (
                _SUBJECT_APPOSITION.fullmatch(text[first[0].end : cue.start])
                or _SUBJECT_CLAUSE.fullmatch(EDITORIAL.sub(" ", text[first[0].end : cue.start]))
                or _SUBJECT_CLAUSE.fullmatch(_strip_appositives(text[first[0].end : cue.start]))
                or _PP_CHAIN.fullmatch(_strip_appositives(text[first[0].end : cue.start]))
            ):
                return form, [first[0]]
        if form in ("active", "noun_after") and after:
            g = after[0]
            gap = text[cue.end : g.start]
            regex = _ACTIVE_GAP if form == "active" else _NOUN_AFTER_GAP
            if regex.fullmatch(gap):
                return form, coordinated_after(text, g, mains, used)
            pp = _NOUN_AFTER_PP.match(_mask_dates(gap)) if form == "noun_after" else None
            if pp is None and form == "noun_after" and _ENDS_WITH_PREPOSITION.search(text[cue.start : cue.end]):
                # "the death toll of [the attack on the market] has risen to eight": the cue took the preposition
                lead = " of"
                pp2 = _NOUN_AFTER_PP.match(lead + _mask_dates(gap))
                if pp2 and pp2.end() > len(lead) and _NOUN_AFTER_GAP.fullmatch(gap[pp2.end() - len(lead) :]):
                    return form, coordinated_after(text, g, mains, used)
            if pp is None and form == "noun_after" and re.match(r"at\s", g.text, re.I):
                # "put the toll [from the airstrike on the market] at around 15": the count's own "at" ends it
                pp = _NOUN_AFTER_PP_END.match(gap)
            if pp and _NOUN_AFTER_GAP.fullmatch(gap[pp.end() :]):
                # "the death toll in the clash between soldiers and Boko Haram is 228"
                return form, coordinated_after(text, g, mains, used)
    # No count: a pronoun ("killing him") or a singular subject ("a cleric was killed") counts one;
    # otherwise the cue stands without a figure ("civilians were killed").
    pm = lex.pronoun_one.match(text[cue.end :]) if "active" in forms else None
    if pm is not None:
        # "killing him and his guard", "killing him and two of his relatives": the pronoun heads a list.
        ps = cue.end + pm.end() - len(pm.group().lstrip())
        pron = Group(ps, cue.end + pm.end(), text[ps : cue.end + pm.end()], 1, Qualifier.EXACT, low=1, high=1,
                     noun=text[ps : cue.end + pm.end()], singular=True, rule=f"{lex.tags['victims']}#pronouns.one")
        listed = coordinated_after(text, pron, [pron, *after], used)
        return ("active", listed) if len(listed) > 1 else ("active_one", [])
    # ... and after a cue that ends in a copula ("The dead were Ahmad al-Hasan, his wife Fatima and their son")
    nm = _NAMED_VICTIM.match(text[cue.end :]) if "active" in forms or (
        "noun_after" in forms and _ENDS_WITH_COPULA.search(cue.text)) else None
    if nm is not None:
        # "killed Abu Ahmad al-Halabi, a senior commander, and two of his aides": the name heads a list
        ns = cue.end + len(nm.group()) - len(nm.group().lstrip())
        ne = cue.end + nm.end()
        app = _NAME_APPOSITION.match(text[ne:])
        if app is not None:
            ne += app.end()  # ", a senior commander," describes the one named, no one else
        named = Group(ns, ne, text[ns:ne], 1, Qualifier.EXACT, low=1, high=1,
                      noun=text[ns:ne], singular=True, rule=f"{lex.tags['victims']}#named")
        after = [g for g in after if g.start >= ne]
        listed = coordinated_after(text, named, [named, *after], used)
        return ("active", listed) if len(listed) > 1 else ("active_one", [])
    if "active" in forms and re.match(r"^\s+(?:all\s+of\s+)?them\b", text[cue.end :]) and before:
        # "took two teachers out of a school and killed them": the group named before.
        return "active", [before[-1]]
    if "active" in forms and object_one(text, cue, lex):
        return "active_one", []  # "Gunmen killed a Swiss national", "shot dead the Deputy Mayor of the town"
    if "passive" in forms:
        listed = subject_list(text, cue, lex)
        if listed:
            return "passive", listed  # "The head custodian and his assistant were slaughtered"
    plural_before = any(g.value is not None and g.value > 1 and cue.start - g.end < 120 for g in before)
    if "passive" in forms and not plural_before and _SINGULAR_PASSIVE.search(text[max(0, cue.start - 30) : cue.end]):
        return "passive_one", []
    if "passive" in forms and _NAMED_SUBJECT.match(text[: cue.start]):
        return "passive_one", []  # "Mrs. Fatoum Ghazi al Lour, from Aleppo governorate, died in ..."
    if "passive" in forms and lex.role_subject.match(EDITORIAL.sub(" ", text[: cue.start])):
        return "passive_one", []  # "[Plateau State's] Jos mayor John Doe has died of wounds"
    if "passive" in forms:
        # Headline style, no determiner: "Civilian killed in Kobani", "Young man injured by a mine".
        m = _BARE_HEAD.search(text[: cue.start])
        if m:
            two = fold((m.group("n1") or "") + " " + m.group("n2"))
            if fold(m.group("n2")) in lex.singular_nouns or two in lex.singular_nouns:
                return "passive_one", []
    if "passive" in forms or "active" in forms:
        return forms[0] if forms[0] in ("passive", "active") else ("passive" if "passive" in forms else "active"), []
    return None


def _has_object(text: str, cue: Cue, after: list[Group], lex: _Lex) -> bool:
    """Whether something after an active-capable cue can be its object (so the group before is the agent)."""
    rest = text[cue.end :]
    if after and _ACTIVE_GAP.fullmatch(text[cue.end : after[0].start]):
        return True
    return bool(
        lex.pronoun_one.match(rest)
        or _NAMED_VICTIM.match(rest)
        or re.match(r"^\s+(?:them|all)\b", rest)
        or object_one(text, cue, lex)  # "Two men on a motorcycle shot dead on Monday a local politician"
    )


def _strip_appositives(gap: str) -> str:
    """Drop ", including two children and a woman," and similar parentheticals from a gap (a thousands comma,
    ", including 3,648 children,", stays inside its number)."""
    nc = _NOT_COMMA
    gap = re.sub(
        rf",{nc}{{0,80}}?\b(?:including|among them|mostly|mainly|most of them|of whom|aged)\b{nc}{{0,200}},", " ", gap
    )
    gap = re.sub(rf",\s*(?:who|which|whose|many of whom|most of whom|all of whom)\b{nc}{{0,140}},", " ", gap)
    gap = re.sub(
        rf"^\s*,?\s*(?:including|among them|mostly|mainly)\b{nc}{{0,60}}?(?=\s+(?:have|has|had|were|was|are)\b)", " ",
        gap,
    )
    gap = re.sub(r"^\s+(?:and|or)\s+(?:other\s+)?[a-z\-]+s\b", " ", gap)
    gap = re.sub(rf",(?!{nc}*\b(?:were|was|is|are|has|have|had|killed|died|said)\b){nc}{{2,120}},", " ", gap)
    gap = re.sub(r"\s+(?:--|—|–)[^-—–]{0,120}(?:--|—|–)\s+", " ", gap)
    gap = re.sub(r"\s+-\s+[^-—–]{1,120}?\s+-\s+", " ", gap)  # "Eighteen civilians - 11 of them children - were"

    gap = re.sub(r"\([^)]{0,80}\)", " ", gap)
    gap = EDITORIAL.sub(" ", gap)
    gap = re.sub(r"[“\"][^”\"]{0,40}[”\"]", " ", gap) if "…" not in gap else gap
    return gap


#: a character other than a comma, or the comma that groups a number's thousands ("3,648")
_NOT_COMMA = r"(?:[^,]|(?<=\d),(?=\d{3}(?!\d)))"


# "left six people, including a woman and two children, dead": the categories stand between the count and the word
_LEFT_APPOSITION = re.compile(
    r"\s*,\s*(?:including|among\s+them|mostly|mainly)\s(?:[^,.;:]|(?<=\d)[,.](?=\d)){1,60}?,?\s*", re.IGNORECASE
)


def _left_frames(text: str, mains: list[Group], used: set[int], lex: _Lex) -> list[Harm]:
    """ "left 120 civilians dead", "leaving five people injured"."""
    out = []
    for m in lex.left_re.finditer(text):
        gs = [g for g in mains if m.end("verb") <= g.start and g.end <= m.start("word") and id(g) not in used]
        if not gs:
            continue
        g = gs[0]
        between = text[g.end : m.start("word")]
        if not re.fullmatch(r"[\s\w'’-]{0,30}", text[m.end("verb") : g.start]) or (
            between.strip(" ,") and not _LEFT_APPOSITION.fullmatch(between)
        ):
            continue
        word = fold(m.group("word"))
        category = "killed" if word in ("dead", "killed") else "injured"
        cue = Cue(
            m.start("word"),
            m.end("word"),
            m.group("word"),
            category,
            ("left",),
            f"{lex.tags['harm']}#{'kill_left' if category == 'killed' else 'injure_left'}",
        )
        used.add(id(g))
        out.append(Harm(category=category, cue=cue, groups=(g,), form="left", rules=(cue.rule, g.rule)))
    return out


def _attach_categories(text: str, harms: list[Harm], groups: list[Group], rules: RuleFiles) -> list[Harm]:
    """Give each harm the category groups that follow its figure ("..., including 11 children")."""
    from dataclasses import replace

    cats = [g for g in groups if g.is_category]
    bare = bare_categories(text, rules=rules)
    out = []
    for i, h in enumerate(harms):
        nxt = harms[i + 1].start if i + 1 < len(harms) else len(text)
        anchor = h.end if h.groups else h.cue.end
        prev_end = harms[i - 1].end if i > 0 else 0
        victims: list[tuple[str, Group]] = []
        for g in cats:
            owner_ok = _owns(h, g.start, anchor, nxt, prev_end)
            if owner_ok and g.category:
                victims.append((g.category, g))
            elif owner_ok and g.noun and fold(g.noun) in ("civilians", "civilian"):
                victims.append(("civilians", g))
        for s, e, cat, qual, opener in bare:
            if _owns(h, s, anchor, nxt, prev_end) and not any(c == cat for c, _ in victims):
                victims.append(
                    (
                        cat,
                        Group(
                            s,
                            e,
                            text[s:e],
                            None,
                            qual,
                            noun=text[s:e],
                            category=cat,
                            is_category=True,
                            opener=opener,
                            rule=f"{rules.tags['victims']}#bare",
                        ),
                    )
                )
        for g in h.groups:
            if g.category and not any(c == g.category for c, _ in victims) and len(h.groups) > 1:
                victims.append((g.category, g))
        status = _status(h.groups, victims)
        out.append(replace(h, victims=tuple(victims), status=status))
    return out


def _owns(h: Harm, start: int, anchor: int, nxt: int, prev_end: int) -> bool:
    """Whether a category group at ``start`` breaks down harm ``h``'s figure: after it and before the next harm, before
    the verb of a harm without a count, or between a passive's count and its verb ("Seven people, including two
    children, were killed")."""
    if anchor <= start < nxt or (not h.groups and prev_end <= start < h.cue.start):
        return True
    return bool(h.groups) and h.groups[-1].end <= start < h.cue.start


def _status(groups: tuple[Group, ...], victims: list[tuple[str, Group]]) -> str:
    statuses = {g.status for g in groups} | {g.status for _, g in victims}
    if "civilian" in statuses:
        return "civilian"
    if statuses == {"combatant"}:
        return "combatant"
    return "unspecified"
