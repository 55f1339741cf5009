"""Lists of victims: the people a harm statement names one by one.

"the pastor and his two children", "a member of the council, and eight others", "The head custodian and his
assistant were slaughtered", "was killed along with his son", "killed a Swiss engineer": each conjunct counts
(a count, or one person), and together they are the statement's figure. ``figures`` finds the counts and
cues; this module reads the grammar that strings them together.
"""

from __future__ import annotations

import re
from typing import Protocol

from civcas.extract.groups import EDITORIAL, NOT_PEOPLE, Cue, Group
from civcas.extract.text import fold
from civcas.records import Qualifier


class VictimWords(Protocol):
    """What the victims lexicon gives this module: rule tags and the singular person nouns."""

    @property
    def tags(self) -> dict[str, str]: ...

    @property
    def singular_nouns(self) -> frozenset[str]: ...


def coordinated_after(text: str, first: Group, mains: list[Group], used: set[int]) -> list[Group]:
    """Groups joined to ``first`` by "and"/"," with no cue between: "two soldiers and three civilians".

    A bare comma only joins inside a list that closes with "and" ("two soldiers, a child and a woman"), so
    "killing 18 people, a local official said" stays one group. A possessive may open the next conjunct
    ("the pastor and his two children"), and one whose possessive points back may follow a phrase on the first
    ("a director of the university along with his driver").
    """
    out = [first]
    last = first
    gaps: list[str] = []
    for g in mains:
        if g.start <= last.start or id(g) in used:
            continue
        if g.noun is None and _AGE.fullmatch(g.text.strip()) and text[g.end : g.end + 1] == "," and (
            _AGE_OF_NAME.search(text, max(0, g.start - 40), g.start)
        ):
            continue  # "his wife Fatima, 30, and their daughter": the age in apposition to a name is no conjunct
        gap = text[last.end : g.start]
        if (
            _conjunct_gap(gap, text[g.start :], last.noun)
            and (g.noun is not None or g.singular)
            and g.noun is not None
            and last.noun is not None
        ):
            out.append(g)
            gaps.append(gap)
            last = g
        else:
            break
    while len(out) > 1 and re.fullmatch(r"\s*,\s*", gaps[-1]):
        out.pop()
        gaps.pop()
    return apposition(out)


# What joins two conjuncts of a victim list, a possessive of the second included ("and his two children"), past the
# first's age.
_COORD_GAP = re.compile(
    # (an age in apposition to the first may stand before the joint: "Mohammed Khalil, 34, and his two sons")
    r"(?:\s*,\s*\d{1,3}\s*(?=,)|\s*\(\s*\d{1,3}\s*\))?"
    r"\s*(?:,\s*(?:(?:and|along\s*with|alongside|together\s+with|as\s+well\s+as)\s+)?|and\s+|as\s+well\s+as\s+|plus\s+|"
    r"along\s*with\s+|alongside\s+|together\s+with\s+)"
    r"(?:(?:his|her|their)\s+)?",
    re.IGNORECASE,
)
# A phrase on the first conjunct before the joint, when the second conjunct's possessive refers back to it:
# "the public prosecutor of the city [in the south] and his driver", "the lawyer Jane Doe and her son", "the
# district head of Soro, Alhaji Musa Bello and his brother" (the "of" phrase and the name in apposition after it).
_COORD_PHRASE = re.compile(
    r"(?:\s+of\s+[^,;:.!?\"“”()]{1,80}?(?:\s*,\s*(?-i:[A-Z])[\w'’\-]+(?:\s+(?-i:[A-Z])[\w'’\-]+){1,4})?"
    # (a name may carry its age: "his wife Fatima (30) and their daughter", "his wife Fatima, 30, and their ...")
    r"|(?:\s+[A-Z][\w'’\-]+){1,4}(?:\s*\(\s*\d{1,3}\s*\)|\s*,\s*\d{1,3}(?=\s*,))?"
    r"|\s*,\s*[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3}\s*,)"
    r"\s*(?:,\s*)?(?:and|along\s*with|alongside|together\s+with|as\s+well\s+as)\s+(?:his|her|their)\s+$",
    re.IGNORECASE,
)


# A word of a person's name: capitalised, or a lower-case particle on a capitalised word ("al-Arouri", "bin Laden").
_NAME_WORD = (
    r"(?:(?-i:(?:al|el|ad|ar|as|ash|at|az|an|ibn|bin|bint|abu|abd|de|da|di|van|von)[\-\s])?(?-i:[A-Z])[\w'’\-]+)"
)
# "A member of the state assembly, and eight others": "others" points back to the first conjunct, also past an
# apposition ("a district chief, his apparent target, and seven others") or a name, whose words are capitalised
# whatever the case of the rest ("six people killed and 21 others injured" joins nothing).
_COORD_PHRASE_OTHERS = re.compile(
    r"(?:\s+of\s+[^,;:.!?\"“”()]{1,80}?|(?:\s+" + _NAME_WORD + r"){1,4}"
    r"|\s*,\s*(?:his|her|their|its|the)\s+[^,;:.!?\"“”()]{1,40}?)"
    r"\s*(?:,\s*)?(?:and|along\s*with|as\s+well\s+as)\s+$",
    re.IGNORECASE,
)
# "two members of the Asayish and a civilian driver", "two members of the Asayish internal security forces and a
# civilian driver", "a commander of the YPG and two civilians": a short "of" phrase completes the first conjunct
# (whose noun asks for one: members, relatives, employees, a body's commanders and officials) before "and" joins the
# next; no harm word inside it.
_COORD_OF = re.compile(
    r"\s+of\s+(?:(?:the|his|her|their|its)\s+)?(?:(?!(?:killed|wounded|injured|died|dead|and)\b)[\w'’\-]+\s+){1,5}"
    r"and\s+(?:(?:his|her|their)\s+)?",
    re.IGNORECASE,
)
# "a woman named Fatima al-Ali and her four children": the first conjunct's name (after "named" or "called") before
# the joint, when the second's possessive refers back to it
_COORD_NAMED = re.compile(
    r"\s+(?:named|called)(?:\s+" + _NAME_WORD + r"){1,4}\s*,?\s*(?:and|along\s*with|as\s+well\s+as)\s+"
    r"(?:his|her|their)\s+$",
    re.IGNORECASE,
)
_OF_NOUNS = frozenset({"members", "member", "relatives", "employees", "staff", "workers", "residents", "commander",
                       "commanders", "leader", "leaders", "official", "officials", "officer", "officers", "fighter",
                       "fighters", "elements", "cadres"})
_OTHERS_NEXT = re.compile(r"^\S+(?:\s+other\s+\w+|\s+others|\s+more)\b", re.IGNORECASE)


#: an age set off by commas after the end of a name ("Fatima, 30,")
_AGE = re.compile(r"\d{1,3}")
_AGE_OF_NAME = re.compile(r"[A-Z][\w'’\-]*\s*,\s*$")


def _conjunct_gap(gap: str, rest: str, head: str | None = None) -> bool:
    """Whether ``gap`` joins two victim conjuncts (``rest`` is the text from the second one on)."""
    if _COORD_GAP.fullmatch(gap):
        return True
    gap = EDITORIAL.sub(" ", gap)
    if _COORD_PHRASE.fullmatch(gap) or _COORD_NAMED.fullmatch(gap):
        return True
    if _OTHERS_NEXT.match(rest) and _COORD_PHRASE_OTHERS.fullmatch(gap):
        return True
    if head is not None and head.lower().split()[-1] in _OF_NOUNS and _COORD_OF.fullmatch(gap + " "):
        return True
    # "and his driver": the possessive opens the second group itself
    joined = gap + rest[: len(rest) - len(rest.lstrip())] + _possessive(rest)
    return bool(_COORD_PHRASE.fullmatch(joined) or _COORD_NAMED.fullmatch(joined))


def _possessive(rest: str) -> str:
    m = re.match(r"\s*((?:his|her|their)\s+)", rest, re.IGNORECASE)
    return m.group(1) if m else ""


def apposition(gs: list[Group]) -> list[Group]:
    """ "Six people, two Turks and four Somalis": a list that adds up to its head restates it."""
    rest = [g.value for g in gs[1:]]
    if len(gs) >= 3 and gs[0].value is not None and None not in rest and gs[0].value == sum(v or 0 for v in rest):
        return [gs[0]]
    return gs


def coordinated_before(text: str, last: Group, mains: list[Group], used: set[int]) -> list[Group]:
    out = [last]
    cur = last
    for g in sorted(mains, key=lambda x: -x.start):
        if g.end > cur.start or id(g) in used:
            continue
        gap = text[g.end : cur.start]
        if _conjunct_gap(gap, text[cur.start :]) and g.noun is not None:
            out.insert(0, g)
            cur = g
        else:
            break
    # "Riyad al-Kanou, 52, and his wife were shot dead": a name that opens the clause before its relative by the
    # possessive is one more victim
    end = cur.start
    kin = re.match(r"(?:his|her|their)\s", cur.text, re.IGNORECASE) is not None
    if not kin and (pm := re.search(r"\b(?:his|her|their)\s+$", text[: cur.start], re.IGNORECASE)):
        end, kin = pm.start(), True  # "Ahmad Hamdan and his two sons": the count's group starts after "his"
    if kin:
        m = _NAME_BEFORE_KIN.search(text, 0, end)
        if m is not None and (m.start() == 0 or _SUBJECT_START.search(text[: m.start()]) or re.search(
            r"\b(?:said|says|say|reported|added|that)\s+$", text[: m.start()], re.IGNORECASE
        )):
            ns, ne = m.start("name"), m.end("name")
            out.insert(0, Group(ns, ne, text[ns:ne], 1, Qualifier.EXACT, low=1, high=1, noun=text[ns:ne],
                                singular=True, rule=cur.rule))
    return apposition(out)


#: a name, its age in apposition, and "and" right before a relative named by the possessive
_NAME_BEFORE_KIN = re.compile(
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sheikh|Haji)\.?\s+)?" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,3})"
    r"(?:\s*,\s*\d{1,3}\s*,?|\s*\(\s*\d{1,3}\s*\))?\s*,?\s+and\s+$"
)


# One person as the object of a verb that only kills people: "a"/"an" and a noun phrase the lexicon need not
# list ("killed a Swiss national", "beheaded a prominent cleric"), or a title ("the Executive Secretary of").
_OBJECT_A = re.compile(
    r"^(?:[\s\u00a0]+(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today))?[\s\u00a0]+(?:a|an)\s+(?:\d{1,3}-year-old\s+)?(?:[\w'’\-]+\s+){0,4}?(?P<head>[A-Za-z][\w'’\-]*)"
    r"(?=\s*(?:[,.;:]|$|\s+(?:in|at|on|near|while|as|after|who|whom|and|from|of|with|during|when|outside|inside|"
    r"along|alongside|before|by|for|late|early|last|this|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b))"
)
_OBJECT_TITLE = re.compile(r"^[\s\u00a0]+the\s+(?:[A-Z][\w'’\-]*\s+){1,4}of\b")
# A role without an article, headline style: "killed principal of a high school", "murdered director of".
_OBJECT_BARE = re.compile(r"^[\s\u00a0]+(?:[A-Z][\w'’\-]*\s+)?(?:[a-z][\w\-]*\s+){0,2}(?P<head>[A-Za-z][\w\-]*)\s+of\b")
# "Drone kills civilian in Kobani": headlines drop the article before a lone victim
_OBJECT_HEADLINE = re.compile(
    r"^[\s\u00a0]+(?P<head>[a-z][\w\-]*)(?=[\s\u00a0]*(?:$|[,.;:!?|]|(?:in|near|at|on|and|as|while|with|"
    r"outside|inside|during|after|east|west|north|south)\b))"
)
_NOT_ONE = re.compile(
    r"(?:day|night|week|month|year|time|total|number|series|wave|result|lot|bit|way|part|dozen|score|couple|few|"
    r"handful|hundred|thousand|family|group|crowd|convoy|bus|car|vehicle|house|home|building|village|town|"
    r"operation|plan|order|mission|campaign|search|deal|agreement|project|threat|warning|attack|raid|strike)",
    re.IGNORECASE,
)
# Cues that also take things as objects ("shot a video", "blew up a bridge") count no one by themselves.
_THING_VERB = re.compile(r"(?:shot|shooting|blew\s+up|blowing\s+up|blown\s+up|hit|the\s+\w+.*)", re.IGNORECASE)


def object_one(text: str, cue: Cue, lex: VictimWords) -> bool:
    return object_end(text, cue, lex, title_end=True) is not None


def object_end(text: str, cue: Cue, lex: VictimWords, *, title_end: bool = False) -> int | None:
    """Where the one-person object of a killing verb ends (None when what follows is no such object).

    A title ("the Deputy Chairman of the council") has no clear end: it counts one, with no end to read
    companions after, unless ``title_end`` asks only whether there is one.
    """
    if cue.category != "killed" or _THING_VERB.fullmatch(cue.text):
        return None
    rest = text[cue.end :]
    bare = _OBJECT_BARE.match(rest) or _OBJECT_HEADLINE.match(rest)
    if bare and fold(bare.group("head")) in lex.singular_nouns:
        return cue.end + bare.end("head")
    m = _OBJECT_A.match(rest)
    if m:
        head = m.group("head")
        if _NOT_ONE.fullmatch(head) or NOT_PEOPLE.match(" " + head) or head.endswith("s"):
            return None
        return cue.end + m.end("head")
    if title_end and _OBJECT_TITLE.match(rest):
        return cue.end
    return None


_CONJUNCT = re.compile(r"(?:a|an|the|his|her|their|one)\s+(?:[\w'’\-]+\s+){0,6}?[\w'’\-]+", re.IGNORECASE)
#: an age in apposition: ", 52," or " (52)"
_AGE_APPOSITION = re.compile(r"\s*,\s*\d{1,3}\s*,\s*(?=and\b)|\s*,\s*\d{1,3}\s*(?=,)|\s*\(\s*\d{1,3}\s*\)")
_SUBJECT_START = re.compile(
    r"(?:^|[\"“(]|\b(?:when|after|as|while|where|because|since|and)\s+|^(?:On|In|At|Late|Early)\b[^,]{0,40},\s*"
    r"|^(?:Earlier|Later|Meanwhile|Yesterday|Today|Overnight|Separately|Moreover|Furthermore|Also|Previously)"
    r"(?:\s+(?:today|on|in)\b[^,]{0,30})?,\s*)$",
    re.IGNORECASE,
)
_CONJUNCT_STOP = re.compile(
    r"\b(?:were|was|are|is|has|have|had|been|being|said|says|killed|died|and|or|who|which|that|when|while|after|"
    r"before|during|by|\d+)\b",
    re.IGNORECASE,
)


# An apposition of plural people nouns after a list ("..., members of X", "..., both employees at Y"), up to the verb.
_UNCLOSED_APPOSITION = re.compile(
    r"\s*,\s*(?:all\s+|both\s+|two\s+|three\s+)?(?:[a-z][a-z\-]+\s+)?[a-z][a-z\-]+s\s+(?:of|at|from|for|with)\s"
    r"(?![^,;:!?]*\b(?:were|was|is|are|has|have|had|killed|died|said|and)\b)[^,;:!?]{1,150},?$"
)


def subject_list(text: str, cue: Cue, lex: VictimWords) -> list[Group]:
    """A list of singular noun phrases as the subject of a passive cue, one victim each.

    "The head custodian and his assistant were slaughtered", "a member of the council and his wife were
    stabbed to death": each conjunct opens with a determiner or possessive and holds no verb or number, the
    list starts a clause and only auxiliaries and adverbs stand between it and the cue.
    """
    head = EDITORIAL.sub(lambda b: " " * len(b.group()), text[: cue.start])
    aux = re.search(r"(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|reportedly|allegedly|all|both|"
                    r"brutally|later|also|then|\w+ly))*\s*$", head, re.IGNORECASE)
    end = aux.start() if aux else len(head)
    if end == len(head) and not re.search(r"\b(?:were|was|been)\s*$", text[: cue.end], re.IGNORECASE):
        return []
    # "A lawyer and his driver, members of the party's committee(,) were shot dead": an apposition that says
    # what the listed people were, its closing comma often dropped before the verb.
    unclosed = _UNCLOSED_APPOSITION.search(head[:end]) if end < len(head) else None
    if unclosed is not None:
        end = unclosed.start()
    for m in re.finditer(r"\S", head[:end]):
        if not _SUBJECT_START.search(head[: m.start()]):
            continue
        subject = head[m.start() : end]
        # ("Riyad al-Kanou, 52, and his wife": the first's age in apposition is no conjunct)
        subject = _AGE_APPOSITION.sub(" ", subject)
        parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", subject.strip())
        if len(parts) < 2:
            continue
        # "man and woman were killed", "a man and woman": person nouns the lexicon knows as one person each
        person = [p.lower() in lex.singular_nouns for p in parts]
        if not _CONJUNCT.fullmatch(parts[0]) and not all(person):
            continue
        # "his driver and bodyguard": the possessive of the first conjunct serves the bare nouns after it
        # ("a man and woman": an article serves only a person noun the lexicon knows)
        possessive = bool(re.match(r"(?:his|her|their)\s", parts[0], re.IGNORECASE))
        article = bool(re.match(r"(?:a|an|the)\s", parts[0], re.IGNORECASE))
        if not all(
            _CONJUNCT.fullmatch(p)
            or (re.fullmatch(r"[a-z][\w\-]+", p) and (possessive or (article and p in lex.singular_nouns)))
            or person[i + 1]
            for i, p in enumerate(parts[1:])
        ):
            continue
        if any(_CONJUNCT_STOP.search(re.sub(r"^\S+\s+", "", p)) for p in parts):
            continue
        if any(re.search(r"\b(?:[a-z]+s)$", p) and not re.search(r"(?:ss|us|is)$", p) for p in parts):
            return []  # a plural conjunct has no count of its own
        out = []
        pos = m.start()
        for p in parts:
            ps = head.index(p, pos)
            out.append(Group(ps, ps + len(p), text[ps : ps + len(p)], 1, Qualifier.EXACT, low=1, high=1,
                             noun=p.split()[-1], singular=True, rule=f"{lex.tags['victims']}#listed_one"))
            pos = ps + len(p)
        return out
    return []


_ALONG_PASSIVE = re.compile(
    r"^(?:[\s\u00a0]+(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|\w+ly))?\s*,?\s+"
    r"(?:along\s*with|alongside|together\s+with)\s+",
    re.IGNORECASE,
)
_ALONG_OBJECT = re.compile(
    r"^\s*,?\s+(?:and|as\s+well\s+as|along\s*with|alongside|together\s+with)\s+", re.IGNORECASE
)
_POSSESSIVE_ONE = re.compile(
    r"(?:(?:his|her|their)\s+(?:[a-z][\w'’\-]*\s+){0,2}?[a-z][\w'’\-]*|"
    r"(?:Mr\.?\s+|Mrs\.?\s+|Dr\.?\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3})"
    r"(?=\s*[,.;:)]|\s*$|\s+(?:in|at|on|near|by|from|who|while|as|after|during|when|and)\b)"
)


def companions(
    text: str, cue: Cue, form: str, gs: list[Group], mains: list[Group], used: set[int], lex: VictimWords
) -> list[Group]:
    """Victims named with the one a cue is about: "was killed along with his son", "killed a sheikh as well as
    six of his guards"."""
    if form == "passive" and not gs:
        return []  # "The headmaster died along with his deputy": with no count for the first, none for the sum
    if form in ("passive", "passive_one"):
        anchor, joint = cue.end, _ALONG_PASSIVE
    elif form == "active_one":
        end = object_end(text, cue, lex)
        if end is None:
            return []
        anchor, joint = end, _ALONG_OBJECT
    else:
        return []
    if gs and form == "passive" and max(g.end for g in gs) > cue.end:
        return []
    m = joint.match(text[anchor:])
    if not m:
        return []
    at = anchor + m.end()
    first = next((g for g in mains if g.start == at and id(g) not in used), None)
    if first is not None:
        return coordinated_after(text, first, mains, used)
    pm = _POSSESSIVE_ONE.match(text, at)
    if pm is None:
        return []
    return [Group(at, pm.end(), pm.group(), 1, Qualifier.EXACT, low=1, high=1, noun=pm.group().split()[-1],
                  singular=True, rule=f"{lex.tags['victims']}#listed_one")]


def pp_head(text: str, g: Group, before: list[Group]) -> Group:
    """The head of a subject whose last group sits in its prepositional phrase: "Three relatives of a candidate"."""
    for h in reversed([x for x in before if x.end <= g.start]):
        if not re.fullmatch(r"\s+(?:of|for|from)\s+", text[h.end : g.start], re.IGNORECASE):
            break
        g = h
    return g
