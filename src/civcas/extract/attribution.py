"""Who makes a claim: "according to the ministry", "activists said", "…,” Dillon told Reuters".

Attribution frames give a claimant phrase and its span. The phrase is
classified by the claimants lexicon (ministry -> government, SOHR ->
monitor, "local reports" -> local). Pronouns and definite descriptions
("it said", "the ministry added", "the report further said") are marked as
anaphors and resolved against claimants named earlier in the document.
When one sentence names an original source and an agency that carried it
("the ministry wrote..., as cited by SANA"), the agency is a *relay*.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from civcas.extract.numbers import find_numbers
from civcas.extract.rules import RuleFiles, load_rules
from civcas.extract.text import fold, phrase_regex
from civcas.records import ClaimantKind


@dataclass(frozen=True, slots=True)
class ClaimantMention:
    """A claimant named in a sentence (offsets relative to it)."""

    start: int
    end: int
    name: str
    kind: ClaimantKind
    cue_start: int
    cue_end: int
    cue: str
    rule: str
    anaphor: bool = False
    relay: bool = False
    generic: bool = False


_BOUNDARY_BEFORE = re.compile(
    # "GAZA - The health ministry said": a spaced hyphen is a dash (a dateline's), as "—" is
    r"(?:^|[.;:!?\"“”‘«»()\[\]—–]|(?<=\s)-(?=\s)|’(?!\w)|,|\bthat\b|\bbut\b|\bwhile\b|\bwhereas\b|\bas\b|\bafter\b|\bbefore\b|"
    r"\bwhen\b|\bwhich\b|\bwho\b|\bwhere\b|\bbecause\b|\bthough\b|\balthough\b|\bhowever\b|\bmeanwhile\b|"
    r"\bwith\b|\bof\b(?=\s+(?:the\s+)?(?:attack|strike|raid|incident))|"
    # "CJTF-OIR said it had assessed that ...": the second verb's subject is "it", not the first clause
    r"\b(?:said|says|stated|added|announced|reported|told\s+\w+)\b)",
    re.IGNORECASE,
)
# "(YPJ)", "(White Helmets)": a short name in brackets after the source's own
_ACRONYM_END = re.compile(r"\s*\((?-i:[A-Z][A-Za-z\-]{1,11}(?:\s[A-Z][A-Za-z\-]{1,15}){0,2})\)\s*$")
_LEADING = re.compile(
    r"^(?:(?:the|a|an|some|several|many|other|also|both|further|moreover|meanwhile|however|but|and|then|later|"
    r"earlier|separately|in addition|on \w+day|on the other hand|yet|so|now|already|it)\s+|,\s*)+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s+(?:has|have|had|was|were|is|are|will|would|also|further|strongly|earlier|later|previously|"
    r"repeatedly|officially|initially|separately|then|had|already|subsequently|quickly|not|n't|never|first|again|"
    r"reportedly|allegedly|publicly|explicitly|in a statement|in its statement|in statement|on \w+day|\w+ly|"
    r"so far|thus far|to date|now|since|itself|themselves|only|just|yet|still|ever|even))+$",
    re.IGNORECASE,
)
_NOT_CLAIMANT = re.compile(
    r"^(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|no|none|nobody|no one|there|this|that|"
    r"these|those|which|what|who|it was|they were|civilians?|people|children|women|men|victims|casualties|"
    r"(?:the |an |a )?(?:attacks?|strikes?|raids?|air ?strikes?|bombings?|shelling|explosions?|blasts?|toll|"
    r"death toll|number|massacre|aggression|assault|warplanes?|war planes?|jets?|aircrafts?|planes?|drones?|"
    r"helicopters?|missiles?|rockets?|shells?|bombs?|forces?|troops|militias?|gunmen|fighters|[\w\s’'-]*(?:warplanes|"
    r"jets|aircraft|drones?|assault|attack|strikes?|raids?|bombing|shelling))\b|dozens|scores|many|most|all|each|"
    # ("another" alone: "Another monitoring group put the toll at 73" names a source)
    r"others?|another(?=\s*$)|same|such|here|where|when|why|how|"
    # "... said in a statement posted on ...": a phrase of place or manner, no source
    r"in|on|at|by|from|via|through|during)\b",
    re.IGNORECASE,
)


_GENERIC = frozenset(
    {
        "reports",
        "report",
        "sources",
        "source",
        "officials",
        "official",
        "news",
        "media",
        "local reports",
        "authorities",
        "government",
        "activists",  # "SOHR activists", "the Observatory's activists": the monitor's own network
        "activist",
    }
)


@dataclass(frozen=True, slots=True, eq=False)
class _Lex:
    verbs: re.Pattern[str]
    openers: re.Pattern[str]
    relay_openers: frozenset[str]
    anaphor_words: dict[str, tuple[str, ...]]
    entries: tuple[tuple[re.Pattern[str], ClaimantKind, str], ...]
    tag: str
    participle_verbs: frozenset[str]
    #: after a participle of one of those verbs, what makes it an adjective ("accused of", "found dead")
    participle_after: re.Pattern[str] | None
    #: organisations' names of three words or more, whole ("Raqqa is Being Slaughtered Silently")
    long_names: re.Pattern[str] | None
    #: after a verb, what makes it a motion ("slammed into")
    motion_after: re.Pattern[str] | None = None


@functools.cache
def _lex(rules: RuleFiles) -> _Lex:
    c = rules.claimants
    verbs = phrase_regex(c.speech_verbs)
    openers = phrase_regex(c.source_openers)
    relay_openers = frozenset(fold(o) for o in c.source_openers if "cited" in o or "quoted" in o or "carried" in o)
    anaphor_words = {fold(w): tuple(a.kinds) for a in c.anaphors for w in a.words}
    entries = []
    for e in c.entries:
        entries.append((phrase_regex(e.phrases, case_sensitive=False), ClaimantKind(e.kind), e.id))
    participle_after = (
        re.compile(rf"\s+(?:{phrase_regex(c.participle_after).pattern})", re.IGNORECASE) if c.participle_after else None
    )
    motion = re.compile(rf"\s+(?:{phrase_regex(c.motion_after).pattern})", re.IGNORECASE) if c.motion_after else None
    long = sorted({a for o in c.organisations for a in (o.name, *o.aliases) if len(a.split()) >= 3}, key=len,
                  reverse=True)
    return _Lex(verbs, openers, relay_openers, anaphor_words, tuple(entries), rules.tags["claimants"],
                frozenset(fold(v) for v in c.participle_verbs), participle_after,
                phrase_regex(long) if long else None,
                motion)


def known_name_spans(text: str, *, rules: RuleFiles) -> list[tuple[int, int]]:
    """Where the text writes a known organisation's long name ("Raqqa is Being Slaughtered Silently"): a place in
    it is part of the name, no place of the text's."""
    long_names = _lex(rules).long_names
    return [(m.start(), m.end()) for m in long_names.finditer(text)] if long_names is not None else []


def classify(name: str, *, rules: RuleFiles | None = None) -> ClaimantKind:
    """The kind of a claimant phrase: government, monitor, activists, ...; OTHER when nothing matches."""
    lex = _lex(rules or load_rules())
    best: tuple[tuple[int, int], ClaimantKind] | None = None
    for regex, kind, _ in lex.entries:
        for m in regex.finditer(name):
            # The head of a noun phrase is at its end ("US Army spokesman" is military), but a named body
            # outranks a generic word ("SOHR initial reports" is the monitor).
            generic = fold(m.group()) in _GENERIC
            score = (0 if generic else 1, m.end())
            if best is None or score > best[0]:
                best = (score, kind)
    if best is None and re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE) in _country_names():
        return ClaimantKind.GOVERNMENT  # "Israel said", "Turkey denied": a state speaks through its government
    return best[1] if best else ClaimantKind.OTHER


@functools.cache
def _country_names() -> frozenset[str]:
    from civcas.gazetteer import datafiles

    return frozenset(n for c in datafiles.countries().countries for n in c.names)


_APPOSITIVE = re.compile(
    r"(?:^|[;:“\"]\s*|\b(?:but|and|while|that)\s+)(?P<np>[^,;:“\"]{2,80}?),(?:[^,]{2,220},)+\s*$", re.I
)
_NOUN_USE = re.compile(
    r"^\s*(?:have|has|had|said|say|says|indicate[sd]?|suggest(?:s|ed)?|put|puts|showed|show|confirm(?:s|ed)?|of|on|by|"
    r"from|was|were|is|are|about|in|to|,|\.)\b",
    re.IGNORECASE,
)
_NOUNISH_VERBS = frozenset({"report", "reports", "claims", "documents", "notes", "estimates", "estimate", "counts"})
_HAS_VERB = re.compile(
    r"\b(?:did|does|do|not|were|was|is|are|have|had|been|will|would|killed|targeted|struck|hit|launched|"
    r"conducted|carried)\b",
    re.IGNORECASE,
)


_APPOSITIVE_START = re.compile(
    r"^\s*(?:a|an|which|who|whose|known|technically|also|formerly|one|itself|based|headed|led|founded|run|"
    r"created|established|set|part|itself|including|its|his|her|their|"
    # a role in apposition: "Fadel Abdul-Ghany, chairman and founder of the Syrian Network ..., told MEE",
    # "Musa El Bashir, the undersecretary of the council, told Radio Dabanga"
    r"(?:the\s+(?:[\w\-]+\s+)?)?(?:chairman|chairwoman|founder|co-founder|head|director|spokesman|spokeswoman|"
    r"spokesperson|commander|chief|president|member|leader|researcher|coordinator|manager|editor|minister|"
    r"governor|mayor|undersecretary|secretary|deputy|official|officer))\b",
    re.IGNORECASE,
)


# A role and then a person's name in commas, right before a speech verb: "A coalition spokesman, Turki al-Malki,",
# "the UN humanitarian coordinator for Yemen, Lise Grande,",
# "The army spokesman, Brig. Gen. Yahya Rasool,", "a local official, Mohammed Ali,", "Libya's top religious
# authority, Dar al-Ifta,".
_ROLE_THEN_NAME = re.compile(
    r"(?:^|[,.;:!?\"“”(]\s*|\b(?:that|but|while)\s+)(?:(?:the|a|an)\s+)?"
    r"(?P<role>(?:[\w\-’']+\s+){0,4}?(?:spokes(?:man|woman|person)|official|commander|governor|mayor|minister|"
    r"director|chief|head|doctor|medic|witness|resident|activist|journalist|reporter|correspondent|officer|"
    r"representative|leader|elder|councillor|councilor|administrator|authority|agency|body|group|organi[sz]ation|"
    r"institution|council|coordinator|envoy|secretary|chairman|chairwoman|researcher|investigator|monitor)"
    # ... and what it is the role of: "the UN humanitarian coordinator for Yemen, Lise Grande,"
    r"(?:\s+(?:for|of|in)\s+(?:the\s+)?(?:[\w\-’']+\s+){0,3}?(?-i:[A-Z])[\w\-’']+)?)\s*,\s*"
    r"(?P<name>(?:(?:Dr|Mr|Mrs|Ms|Col|Gen|Lt|Maj|Capt|Sgt|Prof|Brig|Adm)\.?\s+)*"
    r"(?-i:[A-Z][\w’'\-]+)(?:\s+(?:(?:al|el|bin|ibn|abu|bint|ould|de|van)[\-\s])?(?-i:[A-Z][\w’'\-]+)){0,4})\s*,$",
    re.IGNORECASE,
)


def _before_appositive(left: str) -> int | None:
    """End of the noun phrase an appositive describes: "Airwars, a monitoring group ..., estimated"."""
    commas = [i for i, ch in enumerate(left) if ch == ","]
    if len(commas) < 2:
        return None
    # Walk back over comma chunks; the subject is the chunk right before the first one that opens an appositive,
    # and before the appositives in a row ("An eyewitness, one Malam Modu, a resident of Gajiram town, told ...").
    cut = None
    for k in range(len(commas) - 1, 0, -1):
        chunk = left[commas[k - 1] + 1 : commas[k]]
        if _APPOSITIVE_START.match(chunk):
            cut = commas[k - 1]
        elif cut is not None:
            break
    return cut


def _subject_before(sent: str, end: int) -> tuple[int, int] | None:
    """The noun phrase that ends at ``end``: back to the nearest clause boundary, determiners trimmed."""
    left = sent[:end].rstrip()
    if left.endswith(","):
        named = _ROLE_THEN_NAME.search(left)
        if named is not None:
            # "A coalition spokesman, Turki al-Malki, said": the role and the name in apposition, one source
            return named.start("role"), named.end("name")
        cut = _before_appositive(left)
        if cut is not None:
            left = sent[:cut]
    # "The Kurdish Women's Protection Units (YPJ) on Thursday announced": the name before its bracketed acronym
    trail = _TRAILING.search(left)
    acronym = _ACRONYM_END.search(left[: trail.start()] if trail else left)
    if acronym:
        left = left[: acronym.start()]
    # "The U.N. said": an initialism's full stops end no clause
    bounds = list(_BOUNDARY_BEFORE.finditer(_INITIALISM.sub(lambda m: m.group().replace(".", "_"), left)))
    start = bounds[-1].end() if bounds else 0
    # "Syria's official SANA news agency": keep possessive chains together.
    while start < len(left) and left[start].isspace():
        start += 1
    phrase = left[start:]
    lead = _LEADING.match(phrase)
    if lead:
        start += lead.end()
        phrase = left[start:]
    trail = _TRAILING.search(phrase)
    stop = len(left) - (len(trail.group()) if trail else 0)
    while stop > start and left[stop - 1].isspace():
        stop -= 1
    while start < stop and left[start].isspace():
        start += 1
    if stop <= start:
        return None
    return start, stop


_INITIALISM = re.compile(r"\b(?:[A-Z]\.){2,}")
_TRAILING_SOURCE = re.compile(
    r"\s(?P<dash>[-–—])\s*(?P<name>@?[A-Z][\w'’.&\-]*(?:[ \u00a0][A-Z][\w'’.&\-]*){0,4}"
    # ... or a generic source in lower case ("- local sources", "- activists")
    r"|[a-z]+(?:[ \u00a0][a-z]+)?)\s*[.!]?\s*$"
)
_HEADLINE_SOURCE = re.compile(r"^[\W_]{0,3}(?P<name>[A-Z][\w'’.\-]*(?:[ \u00a0][\w'’.\-]+){0,4}):[ \u00a0]+(?=\S)")


def _listed_source(name: str, lex: _Lex) -> bool:
    """Whether a name is a source the claimants file lists (by one of its phrases), not just any name."""
    return any(regex.search(name) for regex, _kind, _ in lex.entries)


def _named_subject(sent: str, end: int, lex: _Lex) -> tuple[int, int] | None:
    """A known organisation's whole name right before a speech verb: "Raqqa is Being Slaughtered Silently reported"
    (its own words would end the subject at "is")."""
    if lex.long_names is None:
        return None
    left = sent[:end].rstrip()
    # "The Raqqa Is Being Slaughtered Silently group put the toll at 40": its kind of body after the name
    kind = _BODY_AFTER_NAME.search(left)
    named = left[: kind.start()] if kind else left
    for m in lex.long_names.finditer(named):
        if m.end() == len(named):
            # "the SDF-affiliated Hawar News Agency": whose outlet it is belongs to its name, not to the strike
            owner = _OWNED_BY.search(left, 0, m.start())
            return (owner.start() if owner else m.start()), len(left)
    return None


#: hyphenated words that say whose a source is, right before its name: "SDF-affiliated", "Houthi-run", "state-owned"
_OWNED_BY = re.compile(
    r"(?:[\w’'.]+-(?:affiliated|run|backed|linked|owned|aligned|controlled|funded|allied|operated|leaning)\s+)+$",
    re.IGNORECASE,
)


_BODY_AFTER_NAME = re.compile(
    r"\s+(?:activist\s+)?(?:group|network|campaign|monitor|monitoring\s+group|organi[sz]ation|collective|"
    r"observatory)$",
    re.IGNORECASE,
)


def _object_after(sent: str, start: int) -> tuple[int, int] | None:
    """The noun phrase right after ``start`` ("according to |the Syrian Foreign Ministry|, ...")."""
    m = re.match(
        # "said Dr. Ahmad, director of ...": a title's full stop is inside the name
        r"\s*(?P<np>(?:the\s+|a\s+|an\s+)?(?:(?:Dr|Mr|Mrs|Ms|Col|Gen|Lt|Maj|Capt|Sgt|Prof|Brig|Adm|Rev)\.\s*"
        r"|[^,.;:!?\"“”()]){2,90}?)(?=\s*(?:[,.;:!?\"“”()]|$|\s+(?:that|which|who|in a|"
        r"on \w+day|said|says|told|reported|on|in|at|as|and|after|while|when|because|since|to|from|late|early|"
        r"earlier|last|this|yesterday|today)\b"
        # "the Syrian Network for Human Rights": "for" inside a capitalised name goes on
        r"|\s+for\b(?!\s+(?:the\s+)?(?-i:[A-Z]))))",
        sent[start:],
        re.IGNORECASE,
    )
    if not m:
        return None
    s, e = start + m.start("np"), start + m.end("np")
    lead = _LEADING.match(sent[s:e])
    if lead:
        s += lead.end()
    return (s, e) if e > s else None


def _valid(name: str) -> bool:
    if not name or len(name) > 90 or len(name.split()) > 10:
        return False
    if name.strip().lower() in ("a", "an", "the", "some", "about", "around", "nearly", "roughly"):
        return False  # "An estimated 200 people died": a hedge, no source
    if name.strip().lower() in ("and", "but", "or", "then", "also", "which", "who", "that", "while", "later",
                                "first", "initially", "subsequently", "eventually", "finally", "afterwards", "again"):
        # "..., and denied that", "..., but later admitted": the verb's subject is the one before, not the
        # conjunction or the adverb
        return False
    if _HAS_VERB.search(name):
        return False
    if re.fullmatch(r"[a-z]+ing", name.strip()):
        return False  # "..., dismissing reports that ...": a participle before a noun that reads as a verb
    if _NOT_CLAIMANT.match(name):
        return False
    return bool(re.search(r"[A-Za-z\u0600-\u06FF]", name))


#: what a known body is, after its whole name opened by "according to" ("the Raqqa Is Being Slaughtered Silently
#: campaign"); unanchored, unlike ``_BODY_AFTER_NAME`` above (a name the verb follows), which it once shadowed
_BODY_AFTER_OPENED = re.compile(r"\s+(?:campaign|group|network|collective|page|team|activists|monitor|website|account)")


#: an opener that names the body its sources belong to ("sources in the health ministry") ...
_WHERE_SOURCES = re.compile(r"sources\s+in", re.IGNORECASE)
#: ... when a body follows, not a place ("sources in Manbij", "sources in the town of Manbij")
_BODY_NAMED = re.compile(
    r"the\s+(?!(?:town|city|village|province|governorate|area|region|countryside|district|camp|neighbou?rhood)s?\b)",
    re.IGNORECASE,
)


def find_claimants(sent: str, *, rules: RuleFiles | None = None) -> list[ClaimantMention]:
    """Claimants in one sentence, left to right.

    >>> [(c.name, str(c.kind)) for c in find_claimants("Some local reports have put the death toll at around 200.")]
    [('local reports', 'local')]
    """
    rules = rules or load_rules()
    lex = _lex(rules)
    out: list[ClaimantMention] = []
    for m in lex.openers.finditer(sent):
        span = _object_after(sent, m.end())
        if span is None:
            continue
        if _WHERE_SOURCES.fullmatch(m.group()) and not _BODY_NAMED.match(sent, span[0]):
            continue  # "local sources in Manbij": where the sources are, not a body they speak for
        whole = lex.long_names.match(sent, span[0]) if lex.long_names is not None else None
        if whole is not None and whole.end() <= span[1] - 1 and _BODY_AFTER_OPENED.fullmatch(
            sent, whole.end(), span[1]
        ):
            # "according to the Raqqa Is Being Slaughtered Silently campaign": the name and what it is
            relay = fold(m.group()) in lex.relay_openers
            out.append(_mention(span, sent[span[0] : span[1]], m, "opener", lex, rules, relay=relay))
            continue
        if whole is not None and whole.end() > span[1] - 1:
            # "according to Raqqa is Being Slaughtered Silently": a known organisation's whole name, whose own words
            # would fail the noun phrase
            span = (whole.start(), whole.end())
            relay = fold(m.group()) in lex.relay_openers
            out.append(_mention(span, whole.group(), m, "opener", lex, rules, relay=relay))
            continue
        name = sent[span[0] : span[1]].strip()
        if not _valid(name):
            continue
        out.append(_mention(span, name, m, "opener", lex, rules, relay=fold(m.group()) in lex.relay_openers))
    # "according to a statement by the SDF media center", "according to figures from the health ministry": the
    # inner opener names the source; the outer one's object is the statement
    out = [c for c in out if not any(o is not c and c.start <= o.cue_start < c.end for o in out)]
    for m in lex.verbs.finditer(sent):
        if any(c.start <= m.start() < c.end for c in out):
            continue
        if m.start() > 0 and sent[m.start() - 1] == "-":
            continue  # "self-reported", "so-called": part of a compound word, no speech verb
        if lex.motion_after is not None and lex.motion_after.match(sent, m.end()):
            continue  # "a mortar round slammed into their house": a motion, no speech
        if _REFUSED_THING.match(sent, m.end()) and re.match(r"den", m.group(), re.I):
            continue  # "Turkish authorities denied entry to the wounded": a refusal, no word on the strike
        if m.start() > 0 and m.group()[:1].isupper() and not m.group().isupper():
            continue  # "the United States", "Says" in a title: a capitalised word inside a sentence is a name
        if fold(m.group()) in _NOUNISH_VERBS and (
            _NOUN_USE.match(sent[m.end() :])
            or re.search(
                r"\b(?:the|a|an|this|these|those|its|their|his|her|initial|local|unconfirmed|media|news|some|other|another|"
                r"several|many|\w+'s|latest|new|first|recent|monthly|periodic|official)\s*$",
                sent[: m.start()],
                re.I,
            )
        ):
            continue
        if fold(m.group()) in lex.participle_verbs and lex.participle_after is not None and (
            lex.participle_after.match(sent, m.end())
        ):
            continue  # "six men accused of spying", "the bodies found dumped": a participle after its noun, no speech
        prev = sent[: m.start()].rstrip()
        # "…,” Dillon told Reuters" / "..., said the ministry": inversion after a quote or comma.
        # ("..., X, chairman of ..., told MEE": whom one tells is no speaker, so "told" has no inverted subject)
        if re.search(r"(?:^|[,”\"’]\s*)(?:said|says|added|stated|reported)$", sent[: m.end()].strip(), re.I) and (
            prev.endswith((",", "”", '"', "’")) or not prev
        ):
            after = _object_after(sent, m.end())
            if after:
                name = sent[after[0] : after[1]].strip()
                # "X, a CENTCOM spokesman, said the command assessed that ...": a clause after the verb, whose
                # subject is no inverted speaker (English puts none before "that")
                if _valid(name) and not re.match(r"(?:that|it|on|in)\b", name, re.I) and not re.match(
                    r"\s+that\b", sent[after[1] :], re.I
                ):
                    out.append(_mention(after, name, m, "inverted", lex, rules))
                    continue
        named = _named_subject(sent, m.start(), lex)
        span = named or _subject_before(sent, m.start())
        if span is None:
            continue
        name = sent[span[0] : span[1]].strip(" ,")
        if named is None and not _valid(name):
            continue
        if re.search(r"\s(?:and|but|then)$", name, re.IGNORECASE):
            continue  # "Moscow called the reports fake and said ...": the second verb's subject is the first's
        # Passive "were reported", "was killed... said to be": not an attribution.
        if re.search(
            r"\b(?:were|was|been|being|is|are|stand|stands|stood|remain|remains|get|got)\s*$",
            sent[span[0] : m.start()],
            re.I,
        ):
            continue
        out.append(_mention(span, name, m, "subject", lex, rules))
    tail = _TRAILING_SOURCE.search(sent) if not out else None
    if tail is not None and find_numbers(sent[: tail.start()], rules=rules) and _listed_source(
        tail.group("name").lstrip("@").replace("_", " "), lex
    ):
        # "... rises to 14, incl. 5 children - White Helmets": a post names its source after a closing dash (a photo's
        # caption credits its agency so, "The town is being bombed – North Press", and counts no one)
        span = (tail.start("name"), tail.end("name"))
        out.append(ClaimantMention(span[0], span[1], tail.group("name"), classify(tail.group("name"), rules=rules),
                                   tail.start("dash"), tail.end("dash"), tail.group("dash"),
                                   f"{lex.tag}#trailing_source"))
    head = _HEADLINE_SOURCE.match(sent)
    if head is not None and not out and _listed_source(head.group("name"), lex):
        # "SOHR: 14 civilians were killed ...", "Activists: ...": a headline's source before a colon (a place or
        # a country before one is the story's heading, not its source)
        span = (head.start("name"), head.end("name"))
        out.append(ClaimantMention(span[0], span[1], head.group("name"), classify(head.group("name"), rules=rules),
                                   head.end("name"), head.end("name") + 1, ":", f"{lex.tag}#headline_source"))
    out.sort(key=lambda c: c.start)
    # A second source in a sentence that reports the first ("..., SANA reported") relays it.
    marked = []
    for i, c in enumerate(out):
        relay = c.relay
        if i > 0 and c.kind is ClaimantKind.MEDIA and re.match(r"report|cite|quot|carr", c.cue, re.I):
            relay = True
        if relay != c.relay:
            c = ClaimantMention(
                c.start, c.end, c.name, c.kind, c.cue_start, c.cue_end, c.cue, c.rule, c.anaphor, relay, c.generic
            )
        marked.append(c)
    return marked


#: what a verb of denial refuses when it is no speech: "denied entry to the wounded", "denies them access"
_REFUSED_THING = re.compile(
    r"\s+(?:(?:them|him|her|us|the\s+\w+|\w+)\s+)?(?:entry|access|permission|passage|visas?|bail|treatment|"
    r"medical\s+care|the\s+request|requests?)\b",
    re.IGNORECASE,
)


_POSSESSED = re.compile(
    r"^(?P<owner>.+?)['’]s?\s+(?:\w+\s+)?(?:report|reports|statement|statements|letter|letters|data|figures|"
    r"assessment|count|tally|investigation|spokesman|spokesperson|website|account)\b.*$",
    re.IGNORECASE,
)


#: a record a source keeps, before the source: "according to a new toll released by the Observatory"
_RECORD_LEAD = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:(?:new|latest|updated|preliminary|initial|final|official|revised)\s+)?(?:death\s+)?"
    r"(?:toll|tally|count|figures?|data|statistics|estimates?|report)\s+(?:(?:released|compiled|published|issued|"
    r"provided|given|kept|announced|cited)\s+)?(?:by|from)\s+(?:the\s+)?(?=\S)",
    re.IGNORECASE,
)


def _mention(
    span: tuple[int, int], name: str, m: re.Match[str], how: str, lex: _Lex, rules: RuleFiles, relay: bool = False
) -> ClaimantMention:
    lead = _RECORD_LEAD.match(name)
    if lead:
        name = name[lead.end() :]
        span = (span[0] + lead.end(), span[1])
    pm = _POSSESSED.match(name)
    if pm and not re.search(r"spokes", name, re.I):
        name = pm.group("owner")
        span = (span[0], span[0] + len(name))
    key = fold(name)
    anaphor = (
        key in lex.anaphor_words
        or f"the {key}" in lex.anaphor_words
        or fold(re.sub(r"^(?:this|that|another|a|its|their)\s+", "the ", key)) in lex.anaphor_words
        or bool(
            re.fullmatch(
                r"(?:another|a|its|their|this|that|the)?\s*(?:new\s+|latest\s+|separate\s+)?"
                # ("its review found ...", "their investigation concluded ...": the body that reviewed, named before)
                r"(?:report|statement|letter|source|review|investigation|inquiry|probe|assessment|finding)s?"
                r"(?:\s+(?:last|this)\s+\w+)?",
                key,
            )
        )
    )
    generic = key in ("reports", "unconfirmed reports", "media reports", "news reports", "reports said", "sources")
    kind = classify(name, rules=rules)
    return ClaimantMention(
        span[0],
        span[1],
        name,
        kind,
        m.start(),
        m.end(),
        m.group(),
        f"{lex.tag}#{how}",
        anaphor=anaphor,
        relay=relay,
        generic=generic,
    )


def stance_taker(sent: str, span: tuple[int, int], cue: tuple[int, int], *, rules: RuleFiles | None = None
                 ) -> ClaimantMention | None:
    """The source a stance pattern names as the one taking it ("a figure the coalition does not recognise")."""
    rules = rules or load_rules()
    s, e = span
    lead = _LEADING.match(sent[s:e])
    if lead:
        s += lead.end()
    name = sent[s:e].strip()
    if not _valid(name) or fold(name) in ("it", "they", "he", "she", "we"):
        return None
    return ClaimantMention(s, e, name, classify(name, rules=rules), cue[0], cue[1], sent[cue[0] : cue[1]],
                           f"{rules.tags['stance']}#stance_subject")


def subject_of(sent: str, cue: tuple[int, int], *, rules: RuleFiles | None = None) -> ClaimantMention | None:
    """The subject right before a stance's verb ("|Pentagon officials| denied that ..."): who takes the stance when
    no speech verb names a source before it. Pronouns and phrases that are no source give ``None``."""
    span = _subject_before(sent, cue[0])
    if span is None:
        return None
    return stance_taker(sent, span, cue, rules=rules)


def unattributed(sent: str, start: int, end: int) -> bool:
    """Whether the harm at ``[start:end]`` is hedged as reported by nobody in particular ("reportedly")."""
    window = sent[max(0, start - 40) : end + 10]
    return bool(
        re.search(
            r"\b(?:reportedly|allegedly|were reported|was reported|reports? (?:say|said|suggest))\b", window, re.I
        )
    )
