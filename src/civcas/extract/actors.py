"""Belligerents named in a sentence: "French warplanes" -> France, "regime helicopters" -> Syria.

A force counts as a belligerent when the text names it outright ("the
US-led coalition", "QSD") or puts a demonym before a military noun
("Russian jets"). A force named as a victim or a target ("three SDF
members were killed", "Turkish military post") is not the attacker.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from civcas.extract.rules import RuleFiles, load_rules
from civcas.extract.text import alternation, fold, phrase_regex


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A belligerent named in a sentence (offsets relative to it)."""

    start: int
    end: int
    text: str
    canonical: str
    rule: str


@dataclass(frozen=True, slots=True, eq=False)
class _Lex:
    names: re.Pattern[str]
    name_of: dict[str, tuple[str, str]]
    adjective: re.Pattern[str]
    adjective_of: dict[str, tuple[str, str]]
    adjective_only: re.Pattern[str]
    not_names: re.Pattern[str]
    validity: dict[str, tuple[date | None, date | None]]
    tag: str
    # any other country's demonym before a military noun ("Nigerian Air Force", "Egyptian warplanes")
    state: re.Pattern[str] | None = None
    state_of: dict[str, str] | None = None


#: speech verbs that end a force's noun phrase: what follows them is another clause's
_SPEECH_GAP = (r"(?i:said|says|say|told|tells|reported|reports|claimed|claims|denied|denies|announced|stated|added|"
               r"confirmed)")


@functools.cache
def _lex(rules: RuleFiles) -> _Lex:
    name_of: dict[str, tuple[str, str]] = {}
    adjective_of: dict[str, tuple[str, str]] = {}
    validity: dict[str, tuple[date | None, date | None]] = {}
    for e in rules.belligerents.entries:
        validity[e.canonical] = (e.valid_from, e.valid_to)
        for n in e.names:
            name_of.setdefault(fold(n), (e.canonical, e.id))
        for a in e.adjectives:
            adjective_of.setdefault(fold(a), (e.canonical, e.id))
    # Case matters for short names ("US" vs "us", "IS"); phrases keep their lexicon case.
    names = phrase_regex(list(name_of_case(rules)), case_sensitive=True)
    adj = phrase_regex([a for e in rules.belligerents.entries for a in e.adjectives], case_sensitive=False).pattern
    nouns = phrase_regex(rules.belligerents.military_nouns).pattern
    adjective = re.compile(
        # (no speech verb between: "A commander of the SDF said Turkish drones ..." names no SDF drones)
        rf"(?P<adj>{adj})(?:[\s\u00a0\-]+(?!{_SPEECH_GAP}\b)(?:[\w'’\-]+)){{0,2}}?[\s\u00a0\-]+(?P<noun>{nouns})",
        re.IGNORECASE
    )
    adjective_only = re.compile(adj, re.IGNORECASE)
    not_names = phrase_regex(rules.belligerents.not_names or ["\u0000"])
    state_of = _state_demonyms(set(adjective_of))
    state = None
    if state_of and rules.belligerents.state_nouns:
        dem = phrase_regex(sorted(state_of, key=len, reverse=True), case_sensitive=True).pattern
        snouns = phrase_regex(rules.belligerents.state_nouns).pattern
        state = re.compile(rf"(?P<adj>{dem})(?:[\s\u00a0\-]+(?!{_SPEECH_GAP}\b)(?:[\w'’\-]+)){{0,2}}?[\s\u00a0\-]+"
                           rf"(?P<noun>(?i:{snouns}))")
    return _Lex(
        names, name_of, adjective, adjective_of, adjective_only, not_names, validity, rules.tags["belligerents"],
        state, state_of,
    )


def _state_demonyms(covered: set[str]) -> dict[str, str]:
    """Capitalised English demonyms of the countries file that no lexicon entry covers -> the country's name.

    A state's forces anywhere ("the Nigerian Air Force", "Ethiopian drone strikes", "Emirati drones") are named
    after their country, as the lexicon's own entries are (Russia, Turkey, Israel).
    """
    from civcas.gazetteer.datafiles import countries

    out: dict[str, str] = {}
    for c in countries().countries:
        for d in c.demonyms:
            if d[:1].isupper() and d.isascii() and fold(d) not in covered and not d.endswith("s"):
                out.setdefault(d, c.names[0])
    return out


def name_of_case(rules: RuleFiles) -> list[str]:
    """Every name with its lexicon casing plus a lower-case variant for multi-word names."""
    out = []
    for e in rules.belligerents.entries:
        for n in e.names:
            out.append(n)
            if " " in n or "-" in n:
                out.append(n.lower())
                out.append(n[0].upper() + n[1:])
    return out


# "an attack on the Kenyan army": a state's forces after a preposition of attack are its target.
_TARGETED_BEFORE = re.compile(
    # ("blamed on Armenian forces", "pinned on the Syrian army": the blamed attacker, not a target)
    r"\b(?:(?<!\bblamed\s)(?<!\bblames\s)(?<!\bblame\s)(?<!\bpinned\s)on|against|targeting|targeted|at|hit|struck|"
    r"ambushed|attacked)\s+(?:an?|the)?\s*$", re.I
)
@functools.cache
def _blamed_state(rules: RuleFiles) -> re.Pattern[str]:
    """ "blaming the UAE", "accused Russia of the strike", "blamed the strike on Israel": a state named as the one that
    struck, after a word of ``blame_words`` (places file, as geoparse reads them)."""
    return re.compile(
        rf"\b(?i:{alternation(rules.places.blame_words)})(?:\s+(?:the|a|an|it|this|that)(?:\s+[\w\-]+){{0,3}}?\s+on)?"
        r"\s+(?:on\s+)?(?:the\s+)?"
        r"(?P<obj>[A-Z][\w.’'\-]*(?:\s+(?:and\s+)?[A-Z][\w.’'\-]*){0,3}?)"
        # the name ends the phrase ("blamed on Ugandan rebels" blames rebels, whatever their country)
        r"(?=\s*(?:[,;:)]|\.(?!\w)|$)|\s+(?:for|of|over|in|as|which|who|while|after|but|said|says)\b)"
    )


def _state_mentions(start: int, name: str, rules: RuleFiles, rule: str) -> list[ActorMention]:
    """The states ``name`` names ("Russia and Syria"), as mentions at ``start``; the second on are coordinated."""
    return [ActorMention(start, start + len(name), name, st, rule + ("_coordinated" if i else ""))
            for i, st in enumerate(states_named(name, rules))]
# Where a clause's subject starts: a sentence's or a line's start, after a comma, a semicolon, a colon or a
# conjunction ("said that", "and", "when"), or after an adverbial opener ("Last night & this morning,").
_CLAUSE_OPENS = re.compile(
    r"(?:^|[.!?\n]\s*|[,;:]\s*|[“\"]\s*|\b(?:that|and|but|when|after|as|while|then|since|because|said|says|"
    r"added|reported|claimed|confirmed|announced|stated|alleged|insisted)\s+)$"
)


def opens_clause(before: str, after: str = "") -> bool:
    """Whether a clause's subject may start after ``before`` (the text up to a name); not after a place's comma
    ("a car bomb in Balad, Iraq killed 7": the country completes the place). With ``after`` (the text from the
    name's end), a sentence's "The" may open the subject too ("The US fired 59 missiles"), unless the verb could be
    a noun the name qualifies ("The Syria strikes")."""
    if after and before.endswith("The ") and not _NOUN_VERB.match(after):
        before = before[:-4]
    return _CLAUSE_OPENS.search(before[-40:]) is not None and _PLACE_COMMA.search(before[-60:]) is None


#: strike verbs that are also the nouns a state's name qualifies ("The Syria strikes hit ...")
_NOUN_VERB = re.compile(r"\s+(?:strikes|attacks|raids|bombs|shells|hits|targets|fires|bombings|airstrikes)\b")


_PLACE_COMMA = re.compile(r"\b(?:in|at|near|of|from|outside|inside|across)\s+(?:[A-Z][\w’'\-]*\s*){1,3},\s*$")


def _strike_verb(rules: RuleFiles) -> str:
    """A strike verb after a name ("struck", "has bombed"; ``state_strike_verbs``), not a passive's "hit by"."""
    # ("Turkey says it struck", "Israel said its jets had hit": the state tells of its own strike)
    return (r"\s+(?i:(?:(?:says|said|claims|claimed|announced|stated|confirmed|acknowledged|admitted)\s+(?:that\s+)?"
            r"(?:it|its\s+(?:\w+\s+)?(?:forces|jets|warplanes|aircraft|drones?|army|military|troops))\s+)?"
            r"(?:(?:has|have|had|also|then|again|reportedly|allegedly)\s+){0,2}"
            rf"{alternation(rules.places.state_strike_verbs)})\b(?!\s+by\b)")


@functools.cache
def strike_verb_after(rules: RuleFiles) -> re.Pattern[str]:
    """A strike verb right at the start of a text ("Israel| struck the camp"): the name before it struck."""
    return re.compile(_strike_verb(rules))


@functools.cache
def _state_subject(rules: RuleFiles) -> re.Pattern[str]:
    """A state's name (or several) right before a strike verb ("Israel struck", "Russia has bombed"), not "hit by"."""
    return re.compile(
        r"(?<![\w\-’'])(?P<obj>[A-Z][\w’'\-]*(?:\s+(?:and\s+)?[A-Z][\w’'\-]*){0,3}?)" + _strike_verb(rules)
    )


# Before an ally word, what makes it say whose side a force is on: a coordinated force, a possessive.
_ALLY_BEFORE = re.compile(r"(?:\band|,|&|\bits|\btheir|\bhis)\s+$", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def _ally_words(rules: RuleFiles) -> frozenset[str]:
    return frozenset(fold(w) for w in rules.belligerents.ally_words)


@functools.cache
def _country_demonyms() -> frozenset[str]:
    """Every country's demonym in the countries file, folded ("syrian", "iraqi"): a state's adjective."""
    from civcas.gazetteer.datafiles import countries

    return frozenset(fold(d) for c in countries().countries for d in c.demonyms)


@functools.cache
def _opposed_words(rules: RuleFiles) -> re.Pattern[str] | None:
    words = rules.belligerents.opposed_words
    return re.compile(rf"(?<![\w\-]){phrase_regex(words).pattern}(?![\w])", re.IGNORECASE) if words else None


# After a force's adjective read as a noun, an attacking noun it qualifies ("regime strikes", "regime warplanes").
_NOUN_AFTER = re.compile(
    r"[\s\u00a0\-]+(?:air\s*strikes?|strikes?|raids?|warplanes?|jets?|aircraft|helicopters?|drones?|shelling|"
    r"bombardment|bombing|artillery|rockets?|missiles?|forces|troops|army)\b",
    re.IGNORECASE,
)
@functools.cache
def _allegiance(rules: RuleFiles) -> re.Pattern[str] | None:
    """ "warplanes loyal to Haftar", "militias allied to the Assad regime": a force's noun, an allegiance phrase
    (``allegiance`` in the belligerents file) and up to four words naming the side."""
    words = rules.belligerents.allegiance
    if not words:
        return None
    nouns = phrase_regex(rules.belligerents.military_nouns).pattern
    return re.compile(
        rf"(?:{nouns})[\s\u00a0]+{alternation(words)}[\s\u00a0]+(?:the[\s\u00a0]+)?"
        r"(?P<side>[\w'’.\-]+(?:[\s\u00a0]+[\w'’.\-]+){0,3})",
        re.IGNORECASE,
    )


def _allegiance_mentions(text: str, lex: _Lex, rules: RuleFiles) -> list[ActorMention]:
    """The side each allegiance phrase names, by the longest run of its words that is a force's name or adjective."""
    pat = _allegiance(rules)
    out: list[ActorMention] = []
    for m in pat.finditer(text) if pat is not None else ():
        words = list(re.finditer(r"[\w'’.\-]+", m.group("side")))
        found = None
        for n in range(len(words), 0, -1):  # "Khalifa Haftar", then "Khalifa", "Haftar"
            for i in range(len(words) - n + 1):
                a, b = words[i].start(), words[i + n - 1].end()
                key = fold(m.group("side")[a:b].rstrip("."))
                hit = lex.name_of.get(key) or lex.adjective_of.get(key)
                if hit:
                    found = (m.start("side") + a, m.start("side") + b, hit)
                    break
            if found:
                break
        if found:
            s0, e0, (canon, rid) = found
            out.append(ActorMention(s0, e0, text[s0:e0], canon, f"{lex.tag}#{rid}_allegiance"))
    return out


@functools.cache
def _target_of_before(rules: RuleFiles) -> re.Pattern[str] | None:
    """ "hit positions of Iran-backed militias": an installation of ``targets_of`` (belligerents file), then "of" or
    "belonging to", right before the force."""
    words = rules.belligerents.targets_of
    if not words:
        return None
    # ("a detention centre run by the Houthis", "a prison operated by the SDF": the force that keeps it)
    return re.compile(
        rf"\b{alternation(words)}\s+(?:of|belonging\s+to|(?:run|operated|managed|used)\s+by)\s+(?:the\s+)?$",
        re.IGNORECASE,
    )


@functools.cache
def _served_before(rules: RuleFiles) -> re.Pattern[str] | None:
    """ "at the request of Iraqi security forces", "in support of GNA forces": the force a strike serves, not the
    striker (``served_before`` in the belligerents file)."""
    words = rules.belligerents.served_before
    return re.compile(rf"\b{alternation(words)}\s+(?:the\s+)?$", re.IGNORECASE) if words else None
# ... unless its people then strike: "Syrian National Army fighters shelled Tal Tamr"
_ACTS_AFTER = re.compile(
    r"^(?:\s*/\s*[A-Z][\w\-]*)?[’'s\s]*(?:fighters?|soldiers?|troops?|militants?|terrorists?|members?|elements?|gunmen)\s+"
    r"(?:\w+ly\s+|also\s+|then\s+)?"
    r"(?:shelled|attacked|stormed|struck|fired|bombed|raided|launched|targeted|opened\s+fire|shot|ambushed|"
    r"detonated|abducted|executed|kidnapped|burned|torched|looted)\b",
    re.IGNORECASE,
)
#: who holds an area, before the force ("areas controlled by the Kurdish forces and regime", "under the control of the
#: SDF", "held by the government and its allies"): the side of the ground struck, not the attacker
_CONTROLLED_BEFORE = re.compile(
    r"\b(?:controlled|held|run|dominated|administered)\s+by\s+(?:the\s+)?(?:[\w\-]+\s+(?:and|&)\s+(?:the\s+)?)?$"
    r"|\bunder\s+(?:the\s+)?(?:control|rule|sway)\s+of\s+(?:the\s+)?(?:[\w\-]+\s+(?:and|&)\s+(?:the\s+)?)?$"
    r"|\b(?:controlled|held|run)\s+by\s+(?:the\s+)?[\w\-]+\s+(?:forces|fighters|troops)\s+(?:and|&)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: a strike's verb right before a force: the force is what was struck ("may have hit Syrian troops")
_STRUCK_BEFORE = re.compile(
    r"\b(?:hit|struck|bombed|shelled|targeted|targeting|ambushed|attacked|attacking)\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
# A force followed by these is a target or a victim, not the attacker.
_TARGET_AFTER = re.compile(
    # ("a Hezbollah weapons depot", "IRGC drone facilities": what kind of installation, before its noun)
    r"^(?:\s*/\s*[A-Z][\w\-]*)?[’'s\s]*(?:(?:military|weapons?|arms|ammunition|rocket|missile|drone|munitions?)\s+)?"
    r"(?:post|posts|positions?|base|bases|points?|checkpoints?|headquarters|HQ|convoy|"
    r"outpost|members?|fighters?|soldiers?|personnel|troops?\s+(?:were|was)|officers?|commanders?|"
    r"colonels?|generals?|majors?|captains?|lieutenants?|sergeants?|brigadiers?|pilots?|"
    r"militants?|terrorists?|elements?|recruits?|sites?|depots?|barracks|vehicles?|patrol|strongholds?|hideouts?|"
    # "Hezbollah targets in southern Lebanon", but "drone targets vehicle" is a verb
    r"targets?(?=\s*(?:in|near|at|of|on|across|along|inside|and|or|[,.;]|$))|"
    r"camps?|facilit(?:y|ies)|warehouses?|launchers?|infrastructure|gatherings?|cells?|leaders?|operatives?)\b",
    re.IGNORECASE,
)
# "three US soldiers", "two of the SDF", "members of the militia": victims of that side; but "with the support of US
# forces" names the force
_VICTIM_BEFORE = re.compile(
    # "a commander of the YPG", "two senior officials of the group": the side the one counted served
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several)\s+(?:[\w\-]+\s+)?"
    r"(?:commanders?|leaders?|officials?|officers?|cadres?)\s+of\s+(?:the\s+)?#?$|"
    # ("a member of the Asayish", "elements of the SDF": one counted as the side's, singular or plural)
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens|scores|some|many|members?|elements?|"
    r"number|most|"
    # ("kills 2 #SDF fighters": a post's hashtag on the force's name)
    r"all|none|each|killing|death|deaths)\s+(?:of\s+(?:the\s+)?)?#?$|\b(?:two|three|four|five|six|seven|eight|nine|ten|"
    # "may have killed Syrian soldiers", "wounded Iraqi policemen": the people a strike killed, counted or not
    r"\d+|several|killed|kills|wounded|wounding|injured|injuring)\s+#?$",
    re.I,
)
#: words a side says, before the side: "propaganda by the PKK", "claims of the regime", "lies spread by Ankara"
_WORDS_OF_BEFORE = re.compile(
    r"\b(?:propaganda|claims?|allegations?|accusations?|lies|fabrications?|narratives?|statements?|rumou?rs?|"
    r"disinformation|misinformation)\s+(?:(?:spread|published|made|issued|circulated|put\s+out)\s+)?"
    r"(?:by|of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: one or two capitalised words right before a force's name that qualify it ("the Iranian Revolutionary Guards")
_QUALIFIERS_BEFORE = re.compile(r"(?:\b(?!(?:The|A|An)\b)[A-Z][\w\-’']*\s+){1,2}$")


def _before_qualifiers(text: str, at: int) -> str:
    """The text before a force's name and the capitalised words that qualify it, or "" when none do."""
    lead = text[max(0, at - 64) : at]
    m = _QUALIFIERS_BEFORE.search(lead)
    return lead[: m.start()][-24:] if m else ""


#: a force's noun that counts strikes or weapons, not people: "in two Israeli strikes", "three Russian jets"
_COUNTED_STRIKES = re.compile(
    r"\b(?:strikes?|air\s*strikes?|air-strikes?|raids?|attacks?|bombardments?|shells?|missiles?|rockets?|drones?|"
    r"jets?|warplanes?|aircraft|helicopters?|sorties?)$",
    re.I,
)


#: a capitalised name and an opening bracket right before a force's short name: "the Internal Security Forces ("
_NAME_BEFORE_BRACKET = re.compile(r"(?:[A-Z][\w’'\-]*\s+){1,5}\(\s*$")


@functools.cache
def _demonyms() -> dict[str, str]:
    """Folded country names and demonyms -> ISO code ("somali" -> "SO")."""
    from civcas.gazetteer.datafiles import countries

    return {fold(w): c.id for c in countries().countries for w in (*c.names, *c.demonyms)}


@functools.cache
def _seats() -> dict[str, str]:
    """Folded seats of government -> ISO code ("moscow" -> "RU"), for a state that speaks by its capital's name."""
    from civcas.gazetteer.datafiles import countries

    return {fold(k): v for k, v in countries().seats.items()}


_WORD_BEFORE = re.compile(r"([A-Z][\w\-]*)\s+$")


def _other_countrys(text: str, start: int, canon: str, rules: RuleFiles) -> bool:
    """Whether a generic force name ("government forces") follows another country's demonym than its force's own."""
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    if before is None:
        return False
    iso = _demonyms().get(fold(before.group(1)))
    if iso is None:
        return False
    return iso not in operates_in(rules).get(canon, ()) and state_of_country(rules, iso) != canon


#: a coalition named as the US-led one ("US-led", "international", "anti-ISIS", "التحالف الدولي")
_US_LED = re.compile(r"us-led|u\.s\.-led|american|washington|international|global|anti-|inherent|cjtf|"
                     r"الدولي|الامريكي|الأمريكي|واشنطن|داعش")


#: the placeholder canonical of a bare occupying force, resolved per document by :func:`resolve_occupation`
OCCUPATION = "occupation"
_OCCUPIER_WORD = re.compile(r"occup|aggress|احتلال|محتل|عدوان")


#: "..., blaming a Ukrainian air defence missile", "accusing the GNA": who a denial points at instead
_BLAMED_BEFORE = re.compile(
    r"\b(?:blam(?:ing|ed|es)|accus(?:ing|ed|es)|attribut(?:ing|ed|es)\s+(?:it|the\s+\w+)\s+to|"
    r"point(?:ing|ed)\s+(?:the\s+finger\s+)?at)\b[^.;:!?]{0,40}$",
    re.IGNORECASE,
)


def without_the_blamed(sentence: str, denial_end: int, actors: list[ActorMention]) -> list[ActorMention]:
    """A denial's actors without those it blames instead ("Russia denied targeting the hospital, blaming a
    Ukrainian air defence missile"): the other side is no attacker of the strike denied."""
    return [a for a in actors
            if a.start < denial_end or not _BLAMED_BEFORE.search(sentence[denial_end : a.start])]


@functools.cache
def _generic_words(rules: RuleFiles) -> dict[str, frozenset[str]]:
    """Per one-country force, the first words of its generic names ("regime forces", "pro-government militia")."""
    out: dict[str, frozenset[str]] = {}
    for e in rules.belligerents.entries:
        # a force of several countries (the coalition's "coalition aircraft") is no one country's own
        if len(e.operates_in) == 1:
            words = {fold(n.split()[0]) for n in (*e.names, *e.adjectives) if n[:1].islower()}
            out[e.canonical] = out.get(e.canonical, frozenset()) | frozenset(words)
    return out


def resolve_document_forces(
    actor_lists: Sequence[list[ActorMention]], country: str | None, rules: RuleFiles
) -> str | None:
    """Forces that only the document's country can name, in place (:func:`localise`); bare occupying forces are
    named by :func:`resolve_occupation`, whose answer for the document as a whole is returned (a source named
    "جيش الاحتلال" is that force).
    """
    localise(actor_lists, country, rules)
    return resolve_occupation(actor_lists, country, rules)


def localise(actor_lists: Sequence[list[ActorMention]], country: str | None, rules: RuleFiles) -> None:
    """Name in place the forces whose name depends on where the document is.

    A generic name of a one-country force ("government forces", "Pro-government militia", "regime forces": the
    Syrian government's in the lexicon) in a document placed in another country is that country's own government
    ("government forces killed nine protesters in Khartoum": Sudan's), named as the lexicon names that state's
    forces, else by the country's name. A bare "coalition" in a country where another coalition fights is that one
    (``coalitions``: Yemen's is the Saudi-led coalition).
    """
    if country is None:
        return
    generic = _generic_words(rules)
    home = operates_in(rules)
    state = state_of_country(rules, country)

    def abroad(a: ActorMention) -> bool:
        if a.canonical not in generic or country in home.get(a.canonical, (country,)) or not a.text[:1].isascii():
            return False
        first = fold(a.text).split()[0]
        # "government-backed militias": the generic word before a hyphenated qualifier is generic all the same
        return first in generic[a.canonical] or first.split("-")[0] in generic[a.canonical]

    for actors in actor_lists:
        if state is None:
            actors[:] = [a for a in actors if not abroad(a)]
        else:
            actors[:] = [replace(a, canonical=state, rule=f"{a.rule}:home") if abroad(a) else a for a in actors]
    local = rules.belligerents.coalitions.get(country)
    if local is not None:
        # "غارات للتحالف على صنعاء", "coalition strikes on Sanaa": the coalition that fights there
        for actors in actor_lists:
            actors[:] = [replace(a, canonical=local, rule=f"{a.rule}:local") if a.canonical == "coalition"
                         and not _US_LED.search(fold(a.text)) else a for a in actors]


def states_named(name: str, rules: RuleFiles) -> list[str]:
    """The states a source's name is, when it is a country's name or several ("Russia denied ...": Russia's
    forces; "Russia and Syria denied involvement": both), or a seat of government ("Moscow denied ..."); none
    unless every part is one."""
    out: list[str] = []
    for part in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", name.strip()):
        key = fold(re.sub(r"^the\s+", "", part, flags=re.IGNORECASE))
        iso = _demonyms().get(key) or _seats().get(key)
        state = state_of_country(rules, iso) if iso else None
        if state is None:
            return []
        if state not in out:
            out.append(state)
    return out


def state_of_body(name: str, rules: RuleFiles) -> list[str]:
    """The state whose people's adjective opens a body's name ("the Russian reconciliation centre", "the Turkish
    ministry"): whose forces the body means when it speaks of "its aircraft" (no attacker itself otherwise)."""
    m = re.match(r"(?:the\s+)?([A-Z][\w\-]*)\s+\w", name.strip(), flags=re.IGNORECASE)
    iso = _demonyms().get(fold(m.group(1))) if m else None
    state = state_of_country(rules, iso) if iso else None
    return [state] if state else []


@functools.cache
def state_of_country(rules: RuleFiles, iso: str) -> str | None:
    """The belligerent that names a country's state forces: the lexicon's own ("Russian" -> Russia), else the
    countries file's first name ("SD" -> Sudan)."""
    from civcas.gazetteer.datafiles import countries

    adjective_of = _lex(rules).adjective_of
    for c in countries().countries:
        if c.id == iso:
            for d in c.demonyms:
                hit = adjective_of.get(fold(d))
                if hit is not None:
                    return hit[0]
            return c.names[0] if c.names else None
    return None


def resolve_occupation(
    actor_lists: Sequence[list[ActorMention]], country: str | None, rules: RuleFiles
) -> str | None:
    """Name the force behind each bare "occupation forces" / "قوات الاحتلال", in place.

    A text that says "the Turkish occupation" and later "the occupation army" means one force: the nearest
    occupier the document names outright (before, else after). A text that names none as an occupier means the
    occupying force it names most ("an Israeli rocket ... launched from a site of the occupation"), else the
    occupier of the place it reports from, as that place's reporting does (``occupiers`` in the belligerents
    file: Gaza's "occupation forces" are Israel's). Otherwise the mention is dropped: an occupier nobody can name
    is no belligerent. Returns the occupier of the document as a whole: the last one named, else that default.
    """
    named: list[tuple[int, str]] = []
    occupying = set(rules.belligerents.occupiers.values())
    counts: dict[str, int] = {}
    for i, actors in enumerate(actor_lists):
        for a in actors:
            if a.canonical == OCCUPATION:
                continue
            if _OCCUPIER_WORD.search(fold(a.text)):
                named.append((i, a.canonical))
            if a.canonical in occupying:
                counts[a.canonical] = counts.get(a.canonical, 0) + 1
    default = max(counts, key=lambda c: counts[c]) if counts else rules.belligerents.occupiers.get(country or "")
    for i, actors in enumerate(actor_lists):
        if not any(a.canonical == OCCUPATION for a in actors):
            continue
        before = [c for j, c in named if j <= i]
        after = [c for j, c in named if j > i]
        who = before[-1] if before else after[0] if after else default
        if who is None:
            actors[:] = [a for a in actors if a.canonical != OCCUPATION]
        else:
            actors[:] = [a if a.canonical != OCCUPATION else replace(a, canonical=who, rule=f"{a.rule}:resolved")
                         for a in actors]
    return named[-1][1] if named else default


@functools.cache
def operates_in(rules: RuleFiles) -> dict[str, tuple[str, ...]]:
    """Each force that fights in a few countries only -> those countries (``operates_in`` in the belligerents file).

    By canonical name, when every entry of that name says the same: the US fights everywhere, though its Africa
    Command only in Africa (:func:`entry_operates_in`).
    """
    entries = rules.belligerents.entries
    out: dict[str, tuple[str, ...]] = {}
    for canonical in dict.fromkeys(e.canonical for e in entries):
        theatres = {tuple(e.operates_in) for e in entries if e.canonical == canonical}
        if len(theatres) == 1 and (only := next(iter(theatres))):
            out[canonical] = only
    return out


def fights_in(a: ActorMention, rules: RuleFiles) -> tuple[str, ...]:
    """The countries the force a mention names fights in only (none: anywhere). A bare "coalition" is the US-led one in
    Syria and Iraq, or the one ``coalitions`` names where another fights ("coalition jets bombed a wedding near
    Mokha")."""
    own = entry_operates_in(rules).get(a.rule.rsplit("#", 1)[-1]) or operates_in(rules).get(a.canonical, ())
    if a.canonical == "coalition" and own and not _US_LED.search(fold(a.text)):
        return (*own, *(c for c in rules.belligerents.coalitions if c not in own))
    return own


@functools.cache
def entry_operates_in(rules: RuleFiles) -> dict[str, tuple[str, ...]]:
    """The countries one entry's force fights in, by the entry's id (the part of an actor's rule after "#")."""
    return {e.id: tuple(e.operates_in) for e in rules.belligerents.entries if e.operates_in}


#: the words of a backer's compound before the force it backs ("-backed", "-supported")
_BACKED = re.compile(r"^[\s\u00a0]*-[\s\u00a0]*(?:backed|supported|sponsored|funded|armed|trained|allied|aligned)\b",
                     re.IGNORECASE)


#: the head of a list of places after a preposition: "operations in Iraq, Syria, [Afghanistan and Yemen] killed 499"
_PLACE_LIST_BEFORE = re.compile(
    r"\b(?:in|across|on|at|into|over|throughout)\s+(?:[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*){0,2}\s*,\s*)+$"
)


def find_actors(text: str, *, on: date | None = None, rules: RuleFiles | None = None) -> list[ActorMention]:
    """Belligerents named in ``text``; ``on`` drops forces outside their validity dates.

    >>> [a.canonical for a in find_actors("French warplanes struck as the US-led coalition denied it")]
    ['France', 'coalition']
    """
    rules = rules or load_rules()
    lex = _lex(rules)
    found: list[ActorMention] = []
    for m in lex.names.finditer(text):
        key = fold(m.group())
        canon, rid = lex.name_of.get(key, (None, ""))
        if canon is None:
            continue
        if _other_countrys(text, m.start(), canon, rules):
            # "Somali government security forces", "the Afghan Ministry of Defence": that country's, not the lexicon's
            # generic name for another's
            continue
        found.append(ActorMention(m.start(), m.end(), m.group(), canon, f"{lex.tag}#{rid}"))
    for m in lex.adjective.finditer(text):
        # "French and American air raids": every coordinated demonym before the noun is a belligerent.
        mid = text[m.end("adj") : m.start("noun")]
        for extra in lex.adjective_only.finditer(mid):
            k2 = fold(extra.group())
            c2, r2 = lex.adjective_of.get(k2, (None, ""))
            if c2 and re.match(r"^\s*(?:,|and|or|&|-|–|/)\s*$", mid[: extra.start()]):  # "Syrian-Russian forces"
                s2 = m.end("adj") + extra.start()
                found.append(ActorMention(s2, m.end(), text[s2 : m.end()], c2, f"{lex.tag}#{r2}_adj_coordinated"))
        state_of = lex.state_of or {}
        for extra in re.finditer(r"[A-Z][\w\-]*", mid) if state_of else ():
            # "US and Somali forces": another state's demonym coordinated inside the noun phrase
            c5 = state_of.get(extra.group())
            if c5 and re.match(r"^\s*(?:,|and|&)\s*$", mid[: extra.start()]):
                s5 = m.end("adj") + extra.start()
                found.append(ActorMention(s5, s5 + len(extra.group()), extra.group(), c5,
                                          f"{lex.tag}#state_adj_coordinated"))
        # "Russian and regime strikes": the word read as the noun is another force's own adjective, coordinated
        c4, r4 = lex.adjective_of.get(fold(m.group("noun")), (None, ""))
        if c4 and re.match(r"^\s*(?:,|and|&)\s*$", mid) and _NOUN_AFTER.match(text, m.end("noun")):
            found.append(ActorMention(m.start("noun"), m.end("noun"), m.group("noun"), c4,
                                      f"{lex.tag}#{r4}_adj_coordinated"))
        # "Russian and Syrian government jets": a demonym coordinated before the one the noun phrase starts with
        # (or offered as the other suspect: "Russian or Syrian government warplanes", as after it)
        back = re.search(r"(?P<adj2>[A-Z][\w\-.]*)\s*(?:,|and|or|&)\s*$", text[max(0, m.start() - 30) : m.start()])
        if back is not None:
            c3, r3 = lex.adjective_of.get(fold(back.group("adj2")), (None, ""))
            if c3:
                s3 = max(0, m.start() - 30) + back.start("adj2")
                e3 = max(0, m.start() - 30) + back.end("adj2")
                found.append(ActorMention(s3, e3, text[s3:e3], c3, f"{lex.tag}#{r3}_adj_coordinated"))
        key = fold(m.group("adj"))
        canon, rid = lex.adjective_of.get(key, (None, ""))
        if canon is None:
            continue
        inner = lex.names.search(text, m.end("adj"), m.end("noun")) if _BACKED.match(mid) else None
        if inner is not None:
            # "US-backed SDF fighters", "Russian-backed regime forces": a force the lexicon names is itself, not its
            # backer ("Turkish-backed factions", which the lexicon does not name, stay Turkey's)
            c6, r6 = lex.name_of.get(fold(inner.group()), (None, ""))
            if c6 is not None:
                found.append(ActorMention(inner.start(), m.end(), text[inner.start() : m.end()], c6, f"{lex.tag}#{r6}"))
            continue
        if key in _ally_words(rules) and _ALLY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "government troops and allied militia": the troops' side, already named
        if (opposed := _opposed_words(rules)) is not None and key in _country_demonyms() and opposed.search(mid):
            # "Syrian rebel fighters", "Syrian opposition forces": the state's enemies, not its forces (a people's
            # adjective is no state's: "Kurdish opposition forces" are Kurdish forces)
            continue
        # Lower-case adjectives that are also common words only count capitalised ("US", not "us").
        if m.group("adj").isupper() is False and key in ("us", "uk") and m.group("adj") != m.group("adj").upper():
            continue
        if m.group("adj")[:1].islower() and _other_countrys(text, m.start(), canon, rules):
            continue  # "Nigerian government forces": the generic adjective of another country's forces
        found.append(ActorMention(m.start(), m.end(), m.group(), canon, f"{lex.tag}#{rid}_adj"))
    if lex.state is not None and lex.state_of:
        for m in lex.state.finditer(text):
            if _TARGETED_BEFORE.search(text[max(0, m.start() - 25) : m.start()]):
                continue  # "an attack on a Libyan army post": the target's side
            country = lex.state_of[m.group("adj")]
            found.append(ActorMention(m.start(), m.end(), m.group(), country, f"{lex.tag}#state_adj"))
    found.extend(_allegiance_mentions(text, lex, rules))
    for m in _blamed_state(rules).finditer(text):
        # "the GNA said, blaming the UAE", "accused Russia of": the state a source says struck
        obj = m.group("obj")
        if obj.endswith(".") and obj.count(".") == 1:
            obj = obj[:-1]  # the sentence's full stop ("blaming the UAE."), not "U.S."
        found.extend(_state_mentions(m.start("obj"), obj, rules, f"{lex.tag}#blamed_state"))
    for m in _state_subject(rules).finditer(text):
        # "Israel struck the al-Mawasi zone", "Russia and Syria bombed Idlib": the states as a strike's subject,
        # opening a clause ("in central Nigeria killed 27" is a place; "the Syria strikes" a noun; "Car bomb" a car)
        obj, at = m.group("obj"), m.start("obj")
        if obj.startswith("The "):
            obj, at = obj[4:], at + 4  # "The US fired 59 missiles": the article opens the subject
        if not opens_clause(text[max(0, at - 44) : at], text[m.end("obj") : m.end("obj") + 20]) or any(
            len(w) <= 3 and not w.isupper() for w in obj.split() if w != "and"
        ) or _PLACE_LIST_BEFORE.search(text[max(0, at - 80) : at]):
            continue
        found.extend(_state_mentions(at, obj, rules, f"{lex.tag}#striking_state"))
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    kept: list[ActorMention] = []
    blocked = [(m.start(), m.end()) for m in lex.not_names.finditer(text)]
    served = _served_before(rules)
    target_of = _target_of_before(rules)
    for a in found:
        if any(s <= a.start < e for s, e in blocked):
            continue
        if any(k.start <= a.start < k.end for k in kept) and not a.rule.endswith("_coordinated"):
            # Longest wins: "US-led coalition" is the coalition, not the US.
            continue
        if (_TARGET_AFTER.match(text[a.end :]) and not re.search(r"\b(?:by|from)\s+(?:the\s+)?$", text[: a.start])
                and not _ACTS_AFTER.match(text[a.end :])):
            continue
        if _CONTROLLED_BEFORE.search(text, max(0, a.start - 40), a.start) and not _ACTS_AFTER.match(text[a.end :]):
            continue  # "within areas controlled by the Kurdish forces and regime": who holds the ground struck
        if _STRUCK_BEFORE.search(text, max(0, a.start - 30), a.start) and not _ACTS_AFTER.match(text[a.end :]):
            continue  # "it may have hit Syrian troops", "jets struck Turkish soldiers": the force struck is the target
        if (_VICTIM_BEFORE.search(text[max(0, a.start - 24) : a.start])
                or _VICTIM_BEFORE.search(_before_qualifiers(text, a.start))) and not _COUNTED_STRIKES.search(a.text):
            # "two Israeli soldiers were killed", "four members of the Iranian Revolutionary Guards": the victims'
            # side ("two Israeli strikes" are strikes)
            continue
        if _WORDS_OF_BEFORE.search(text[max(0, a.start - 40) : a.start]):
            continue  # "were baseless propaganda by the PKK", "allegations by the SDF": who speaks, not who struck
        named = _NAME_BEFORE_BRACKET.search(text, max(0, a.start - 60), a.start)
        if named and _VICTIM_BEFORE.search(text[max(0, named.start() - 24) : named.start()]):
            continue  # "two members of the Internal Security Forces (Asayish)": the force's name in brackets
        if served is not None and served.search(text[max(0, a.start - 30) : a.start]):
            continue
        if target_of is not None and (
            target_of.search(text[max(0, a.start - 40) : a.start])
            or (named and target_of.search(text[max(0, named.start() - 40) : named.start()]))
        ):
            # "positions of Iran-backed militias", "positions of the Kurdistan Workers' Party (PKK)": the force
            # struck, not the one that strikes
            continue
        if on is not None:
            lo, hi = lex.validity.get(a.canonical, (None, None))
            if (lo and on < lo) or (hi and on > hi):
                continue
        kept.append(a)
    return kept
