"""Who makes a claim in Arabic, and how: "أفاد الدفاع المدني", "بحسب مصادر محلية", "مراسل حلب اليوم: ...".

Arabic puts the verb of saying first, so the claimant is the noun phrase after
it ("وقالت مصادر محلية إن..."); "according to" frames name it after the opener;
posts open with the source and a colon. The phrase is classified by the
claimants lexicon, the most specific phrase it holds winning ("مصادر طبية" is
medical, "مصادر" alone local). Denial and acknowledgement cues come from the
stance patterns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from civcas.extract.arabic_figures import Scan
from civcas.extract.arabic_lexicon import ArabicLex
from civcas.extract.arabic_text import Token, variants
from civcas.extract.attribution import ClaimantMention
from civcas.extract.stance import StanceCue
from civcas.extract.text import unclosed_quote
from civcas.records import ClaimantKind, Stance

_PUNCT = frozenset({"،", ",", ".", ":", "؛", ";", "!", "؟", "?", "(", ")", "|", "-", "–", "—", "#", "/"})
_QUOTES = frozenset({'"', "“", "”", "«", "»", "'", "‘", "’"})


#: "one" opens sources' names ("أحد المصادر", "مصدر واحد"), not a count of the dead
_ONE = frozenset({"احد", "احدي", "واحد", "واحده"})


def _is_stop(sc: Scan, k: int, lex: ArabicLex) -> bool:
    t = sc.toks[k].text
    if t in _PUNCT or t in lex.phrase_stops or t[0].isdigit():
        return True
    if (t in lex.units or t in lex.fixed) and t not in _ONE:
        return True  # "نعت الإدارة الذاتية ثلاثة من مقاتليها": a count after the source begins what it tells
    if k in sc.harm or lex.attack.at(sc.toks, k) is not None or lex.speech_verbs.at(sc.toks, k) is not None:
        return True
    if lex.relative.at(sc.toks, k) is not None:
        return True
    return any(f in lex.weekdays for f, _ in variants(t, article=False))


def _of_force(toks: Sequence[Token], k: int, first: int, lex: ArabicLex) -> bool:
    """Whether a word that ties a force to the noun before it stands before token ``k`` ("الناطق باسم الجيش الوطني"):
    the force is part of the name."""
    j = k - 1
    while j > first and toks[j].text in _QUOTES:
        j -= 1
    return toks[j].text in lex.force_ties


def _preposition_onto(toks: Sequence[Token], k: int, lex: ArabicLex, letters: str) -> int:
    """1 when token ``k`` carries a preposition of ``letters`` written onto the source ("وفقاً للمرصد", "بحسب لوزارة",
    "حصيلة للدفاع المدني"), else 0; "لجان" (committees), a source the lexicon knows whole, keeps its first letter."""
    word = toks[k].text
    known = lex.claimant_kinds.at(toks, k)
    return 1 if len(word) > 3 and word[0] in letters and (word[1] == "ل" or known is None or known.skip > 0) else 0


def _phrase_after(
    sc: Scan, k: int, lex: ArabicLex, *, attached: bool = False, before_force: bool = False
) -> tuple[int, int, int] | None:
    """The noun phrase from token ``k``: (first, last, clitic characters to skip) or None.

    ``attached``: the phrase may carry the preposition its opener governs ("وفقاً للمرصد"). ``before_force``: the
    phrase ends before a force's name or noun, the object of an accusation ("اتهم ناشطون الطيران الروسي").
    """
    toks = sc.toks
    while k < len(toks) and toks[k].text in _QUOTES:
        k += 1
    if k >= len(toks):
        return None
    skip = _preposition_onto(toks, k, lex, "لب") if attached else 0
    first = k
    while k < len(toks) and toks[k].text in lex.dropped_leads:
        k += 1
        first = k
        skip = 0
    if k + 1 < len(toks) and toks[k].text in lex.record_leads:
        # "وفق حصيلة جديدة للدفاع المدني", "حسب إحصائية الدفاع المدني": the record's keeper is the source
        k += 1
        for _ in range(2):  # "حصيلة جديدة", "تقرير نشره", "بيانات صادرة عن"
            if k + 1 < len(toks) and toks[k].text in lex.record_adjectives:
                k += 1
        first = k
        skip = _preposition_onto(toks, k, lex, "ل")
    if before_force and k < len(toks):
        force = lex.actor_names.at(toks, k)
        if force is not None and force.last + 1 < len(toks) and toks[force.last + 1].text.startswith("ب"):
            # "واتهمت قوات حفتر بتنفيذه": the subject left out, the force right after the verb is the accused (a
            # speaking force is followed by whom it accuses, "اتهمت قسد تركيا بقصف")
            return None
    last = None
    n = 0
    while k < len(toks) and n < 7:
        if toks[k].text in _QUOTES:
            k += 1
            continue
        if k > first and toks[k].text in lex.object_stops and toks[k - 1].text not in lex.object_bodies:
            break  # "نفت وزارة الدفاع الروسية الأنباء عن ...": the news denied ("وكالة الأنباء" is a name)
        if k > first and toks[k].text in lex.object_people:
            break  # "نعى ناشطون الشاب أحمد العمر": the young man mourned, not the speakers' name
        if _is_stop(sc, k, lex) and not (k == first and lex.claimant_kinds.at(toks, k) is not None) and not (
            # "مصدر في الدفاع المدني", "مسؤول في وزارة الصحة": a source inside a body the lexicon knows
            toks[k].text in ("في", "من") and k > first and toks[k - 1].text in lex.source_heads
            and k + 1 < len(toks) and lex.claimant_kinds.at(toks, k + 1) is not None
        ):
            break
        if before_force and k > first and not _of_force(toks, k, first, lex) and (
            lex.actor_names.at(toks, k) is not None or lex.military_nouns.at(toks, k) is not None
        ):
            break
        last = k
        k += 1
        n += 1
    while last is not None and last > first and toks[last].text in ("في", "من"):
        last -= 1  # the phrase's word limit fell on the "في" of "مصادر في الدفاع المدني"
    if last is None:
        return None
    return first, last, skip


def _kind(sc: Scan, first: int, last: int, lex: ArabicLex) -> tuple[ClaimantKind, bool]:
    """The kind of the claimant phrase over tokens ``[first, last]`` and whether it is generic ("مصادر")."""
    best: tuple[tuple[int, int, int], str] | None = None
    sub = sc.toks[first : last + 1]
    for hit in lex.claimant_kinds.find(sub):
        kind, _id = cast("tuple[str, str]", hit.payload)
        words = " ".join(t.text for t in sub[hit.first : hit.last + 1])
        generic = words.removeprefix("ال") in lex.generic_bare
        score = (0 if generic else 1, hit.words, -hit.first)
        if best is None or score > best[0]:
            best = (score, kind)
    names = " ".join(t.text for t in sub)
    generic = names in lex.generic_sources or names.removeprefix("ال") in lex.generic_sources
    if best is None:
        return ClaimantKind.OTHER, generic
    try:
        return ClaimantKind(best[1]), generic
    except ValueError:
        return ClaimantKind.OTHER, generic


_QUOTE_CHARS = " \"“”«»'"


def _balanced(source: str, s: int, e: int) -> tuple[int, int]:
    """The span ``[s, e)`` without the quotes around it, but with the closing quote of a quoted name that the phrase's
    tokens stop before ("حملة \"الرقة تذبح بصمت\""): the name is always the text at its span."""
    while s < e and source[s] in _QUOTE_CHARS:
        s += 1
    while e > s and source[e - 1] in _QUOTE_CHARS:
        e -= 1
    pair = unclosed_quote(source[s:e])
    if pair is not None and source.startswith(pair[1], e):
        e += 1
    return s, e


def _mention(sc: Scan, np: tuple[int, int, int], cue: tuple[int, int, int], how: str, lex: ArabicLex,
             relay: bool = False) -> ClaimantMention | None:
    first, last, skip = np
    kind, generic = _kind(sc, first, last, lex)
    s, e = _balanced(sc.folded.source, *sc.span(first, last, skip))
    name = sc.folded.source[s:e]
    if skip and sc.toks[first].text.startswith("لل"):
        name = "ا" + name  # "للمرصد السوري": ل written onto the article, whose alef it swallows
    if not name or len(name) > 90:
        return None
    cs, ce = sc.span(*cue)
    words = " ".join(t.text for t in sc.toks[first : last + 1])
    anaphor = words in lex.anaphors
    if kind is ClaimantKind.OTHER and not anaphor and how != "opener":
        return None  # a verb of saying with a subject the lexicon does not know: often not a source at all
    return ClaimantMention(s, e, name, kind, cs, ce, sc.folded.source[cs:ce], f"{lex.tags['ar_claimants']}#{how}",
                           anaphor=anaphor, relay=relay, generic=generic)


def find_claimants(sc: Scan, lex: ArabicLex) -> list[ClaimantMention]:
    """Claimants of the sentence, left to right, with offsets into it as published."""
    toks = sc.toks
    out: list[ClaimantMention] = []
    taken: set[int] = set()
    header = _header(sc, lex)
    if header is not None:
        out.append(header)
    for hit in lex.openers.find(toks):
        if hit.first > 0 and not hit.skip and toks[hit.first - 1].text in lex.kunya_heads:
            continue  # "بادية أبو حسب": a name's second word, not "according to"
        np = _phrase_after(sc, _past_said_it(toks, hit.last + 1, lex), lex, attached=True)
        if np is None:
            continue
        m = _mention(sc, np, (hit.first, hit.last, hit.skip), "opener", lex)
        if m is not None:
            out.append(m)
            taken.update(range(hit.first, np[1] + 1))
    for hit in lex.speech_verbs.find(toks):
        if hit.first in taken:
            continue
        if hit.last + 1 < len(toks) and toks[hit.last + 1].text in lex.carried_objects:
            continue  # "وقامت فرقنا بإسعاف المصابين ونقل جثمان الضحية": the body carried, no report carried
        accuse = any(f in lex.accuse_verbs for f, _ in variants(toks[hit.first].text, article=False))
        np = _phrase_after(sc, hit.last + 1, lex, before_force=accuse)
        if hit.last > hit.first and (np is None or _kind(sc, np[0], np[1], lex)[0] is ClaimantKind.OTHER):
            # "وقال مراسل نداء بوست": an outlet the lexicon does not know is still its correspondent's
            whole = _phrase_after(sc, hit.first + 1, lex, before_force=accuse)
            if whole is not None and _kind(sc, whole[0], whole[1], lex)[0] is not ClaimantKind.OTHER:
                np = whole
        how = "verb_subject"
        if (np is None or _kind(sc, np[0], np[1], lex)[0] is ClaimantKind.OTHER) and hit.skip and (
            hit.last + 1 < len(toks) and toks[hit.last + 1].text in lex.object_stops
        ):
            # "... ونفى الحصيلة": a verb joined by و before what it denies continues the speaker before it
            cont = _same_subject(sc, hit, out, lex)
            if cont is not None:
                out.append(cont)
                continue
        if np is None or _kind(sc, np[0], np[1], lex)[0] is ClaimantKind.OTHER:
            before = _phrase_before(sc, hit.first, lex)
            if before is not None:
                np, how = before, "subject_before"
        if np is None:
            cont = _same_subject(sc, hit, out, lex)
            if cont is not None:
                out.append(cont)
            continue
        m = _mention(sc, np, (hit.first, hit.last, hit.skip), how, lex)
        if m is None:
            continue
        relay = False
        # "نقلت وكالة سانا عن مصادر محلية": the agency relays the source after "عن".
        after = np[1] + 1
        if after + 1 < len(toks) and toks[after].text == "عن":
            src = _phrase_after(sc, after + 1, lex)
            if src is not None:
                orig = _mention(sc, src, (after, after, 0), "relayed", lex)
                if orig is not None:
                    out.append(orig)
                    relay = True
        if relay:
            m = ClaimantMention(m.start, m.end, m.name, m.kind, m.cue_start, m.cue_end, m.cue, m.rule,
                                anaphor=m.anaphor, relay=True, generic=m.generic)
        out.append(m)
        taken.update(range(hit.first, np[1] + 1))
    if not out and (footer := _footer(sc, lex)) is not None:
        out.append(footer)
    out.sort(key=lambda c: c.start)
    # a header's source after its verb ("وقال مراسل نداء بوست: ...") is also that verb's subject: one mention
    return [c for i, c in enumerate(out) if not any(o.start < c.end and c.start < o.end for o in out[:i])]


def _same_subject(sc: Scan, hit: Any, out: list[ClaimantMention], lex: ArabicLex) -> ClaimantMention | None:
    """ "نفت وزارة الدفاع التركية استهداف المدنيين، وقالت إنها حيدت 26 مسلحاً": a verb of saying joined by و or ف
    with no subject of its own continues the one that spoke before it in the sentence; the mention points at the
    verb and carries that speaker's name."""
    word = sc.toks[hit.first].text
    if not hit.skip or word[:1] not in "وف":
        return None
    if hit.last + 1 < len(sc.toks) and sc.toks[hit.last + 1].text not in ("ان", "انه", "انها", "انهم", "بان", "بانه",
                                                                         "بانها", ":") and (
        sc.toks[hit.last + 1].text not in lex.object_stops  # "ونفى الحصيلة", "ونفت ذلك": what it denies, no subject
    ):
        return None  # "وقال مصدر ...": a subject the lexicon does not know is someone else
    cs, ce = sc.span(hit.first, hit.last)
    before = [c for c in out if c.cue_end <= cs and not c.generic and not c.relay]
    if not before:
        return None
    prev = before[-1]
    return ClaimantMention(cs, ce, prev.name, prev.kind, cs, ce, sc.folded.source[cs:ce],
                           f"{lex.tags['ar_claimants']}#same_subject")


#: the object pronouns written onto a verb of saying after "بحسب ما" ("قاله", "ذكرته", "أكدها")
_SAID_IT = ("ته", "ها", "ه")


def _past_said_it(toks: Sequence[Token], k: int, lex: ArabicLex) -> int:
    """Token ``k``, or the one after a verb of saying with its object written onto it that an opener ending in "ما"
    leaves before the source ("بحسب ما قاله الدفاع المدني", "وفق ما أكده المرصد", "حسبما أفاد به مراسلنا"), or the
    one after a bare verb of saying ("حسب ما أفادت غرفة الطوارئ")."""
    if k >= len(toks) or k == 0:
        return k
    if toks[k].text == "به" and lex.speech_verbs.at(toks, k - 1) is not None:
        return k + 1  # the opener took the verb ("حسبما أفاد"): its preposition stays
    if not toks[k - 1].text.endswith("ما"):
        return k
    word = toks[k].text
    for suffix in _SAID_IT:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= 3 and lex.speech_verbs.at([Token(0, 0, stem)], 0) is not None:
            return k + 1
    verb = lex.speech_verbs.at(toks, k)
    if verb is not None:
        # "وفق ما أفاد به ناشطون"; "حسب ما أفادت غرفة طوارئ المدينة": the verb, bare, opens the source as much
        after = verb.last + 1
        return after + 1 if after < len(toks) and toks[after].text == "به" else after
    return k


def _footer(sc: Scan, lex: ArabicLex) -> ClaimantMention | None:
    """ "استشهاد 3 مواطنين ... على مديرية رازح - سبأ": a post that closes with a dash and its source, after a count."""
    toks = sc.toks
    end = len(toks)
    while end > 0 and toks[end - 1].text in _PUNCT and toks[end - 1].text not in ("-", "–", "—"):
        end -= 1
    dash = next((k for k in range(end - 2, max(-1, end - 6), -1) if toks[k].text in ("-", "–", "—")), None)
    if dash is None or dash == 0 or not any(k in sc.harm for k in range(dash)):
        return None
    if not any(t.text[0].isdigit() or t.text in lex.units for t in toks[:dash]):
        return None  # a photo's caption credits its agency so, and counts no one
    first, last = dash + 1, end - 1
    kind, generic = _kind(sc, first, last, lex)
    if kind is ClaimantKind.OTHER:
        return None
    s, e = sc.span(first, last)
    cs, ce = sc.span(dash, dash)
    return ClaimantMention(s, e, sc.folded.source[s:e], kind, cs, ce, toks[dash].text,
                           f"{lex.tags['ar_claimants']}#footer", generic=generic)


def _phrase_before(sc: Scan, k: int, lex: ArabicLex) -> tuple[int, int, int] | None:
    """ "مصادر محلية أفادت": a known source right before the verb."""
    last = k - 1
    while last >= 0 and sc.toks[last].text in ("قد", "لقد", "ايضا", "كذلك", "بدوره", "بدورها"):
        last -= 1
    first = last
    while first - 1 >= 0 and last - first < 5 and sc.toks[first - 1].text not in _PUNCT and not _is_stop(
        sc, first - 1, lex
    ):
        first -= 1
    if last < 0 or first > last:
        return None
    # Start at the first word a source phrase begins with ("وكان مراسلنا قد" -> "مراسلنا").
    while first <= last and lex.claimant_kinds.at(sc.toks, first) is None:
        first += 1
    if first > last or _kind(sc, first, last, lex)[0] is ClaimantKind.OTHER:
        return None
    skip = 1 if sc.toks[first].text[0] in "وف" and lex.claimant_kinds.at(sc.toks, first) is not None and (
        lex.claimant_kinds.at(sc.toks, first).skip >= 1  # type: ignore[union-attr]
    ) else 0
    return first, last, skip


def _header(sc: Scan, lex: ArabicLex) -> ClaimantMention | None:
    """ "مراسل حلب اليوم: مقتل شخص...", "#بلدي: شهيدة...": a post that opens with its source and a colon."""
    toks = sc.toks
    colon = next((k for k, t in enumerate(toks[:10]) if t.text == ":"), None)
    if colon is None or colon == 0:
        return None
    first = 0
    for k in range(colon):
        if toks[k].text in ("|", "#", "-", "–", "،") or toks[k].text in lex.header_labels:
            first = k + 1
        elif k == first and lex.speech_verbs.at(toks, k) is not None:
            first = k + 1  # "وقال مراسل نداء بوست: إن ...": the source, not the verb before it
    if first >= colon:
        return None
    last = colon - 1
    kind, generic = _kind(sc, first, last, lex)
    if kind is ClaimantKind.OTHER or any(k in sc.harm for k in range(first, colon)):
        return None
    s, e = _balanced(sc.folded.source, *sc.span(first, last))
    cs, ce = sc.span(colon, colon)
    return ClaimantMention(s, e, sc.folded.source[s:e], kind, cs, ce, ":", f"{lex.tags['ar_claimants']}#header",
                           generic=generic)


def find_stance(sc: Scan, lex: ArabicLex) -> list[StanceCue]:
    """Denial, dispute, acknowledgement and estimate cues of the sentence."""
    out = []
    for regex, stance, rule in lex.stance:
        for m in regex.finditer(sc.folded.text):
            s, e = sc.folded.span(m.start(), m.end())
            out.append(StanceCue(s, e, sc.folded.source[s:e], Stance(stance), rule))
    return out


def aggregate_cues(sc: Scan, lex: ArabicLex) -> list[tuple[int, int, str]]:
    """Spans that mark a tally over a period or area ("منذ عام 2014", "خلال الشهر")."""
    out = []
    for regex, rule in lex.aggregate:
        for m in regex.finditer(sc.folded.text):
            s, e = sc.folded.span(m.start(), m.end())
            out.append((s, e, rule))
    return sorted(out)
