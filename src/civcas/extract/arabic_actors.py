"""Belligerents named in Arabic: "قسد", "الاحتلال التركي", "الطيران الروسي", "طيران مسير مجهول".

A force counts when the text names it outright or puts a demonym after a
military noun (Arabic adjectives follow their noun: "غارات جوية روسية"). A force
named after the people or places it owns ("عنصر من قسد", "مواقع لقوات النظام",
"مناطق سيطرة الجيش الوطني") is a victim or a target, not the attacker, unless the
text says the fire came from there ("قصف مصدره مناطق سيطرة قسد").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import cast

from civcas.extract.actors import OCCUPATION, ActorMention
from civcas.extract.arabic_figures import _QUOTE_MARKS, Scan
from civcas.extract.arabic_lexicon import ArabicLex
from civcas.extract.arabic_text import PhraseHit, Token, tokens, variants


def _owned(sc: Scan, hit: PhraseHit, lex: ArabicLex) -> bool:
    """Whether the force at ``hit`` owns a target or victims named just before it."""
    toks = sc.toks
    if lex.attack.at(toks, hit.first) is not None:
        return False  # "وأصيب 40 في قصف إسرائيلي": a strike owns no one; the people were hurt in it
    links = lex.owner_links
    k = hit.first - 1
    # Up to two connecting words ("من", "التابعة لـ") or none, then an owner noun or a count; the quotes a name is
    # written in are passed over ("تحييد 9 من قوات "قسد"")
    for _ in range(3):
        while k >= 0 and toks[k].text in _QUOTE_MARKS:
            k -= 1
        if k < 0:
            return False
        start = _start_of_phrase(sc, k, lex.owned_by)
        if start is not None:
            # "أطلق الجنود الأتراك الرصاص": the owner noun right after a verb of firing is its subject, the shooters
            shot = start > 0 and sc.toks[start - 1].text in lex.shooter_verbs
            return not shot and not _sourced(sc, start, lex)
        if toks[k].text.isdigit() or toks[k].text in ("ثلاثه", "اربعه", "خمسه", "عشرات", "العشرات"):
            return True
        if toks[k].text not in links and not any(f in links for f, _ in variants(toks[k].text, article=False)):
            return False
        k -= 1
    return False


def _start_of_phrase(sc: Scan, k: int, index: object) -> int | None:
    """The first token of a phrase of ``index`` that ends at token ``k`` (phrases of up to three words)."""
    for first in range(k, max(-1, k - 3), -1):
        hit = index.at(sc.toks, first)  # type: ignore[attr-defined]
        if hit is not None and hit.last == k:
            return first
    return None


def _sourced(sc: Scan, before: int, lex: ArabicLex) -> bool:
    """ "مصدره", "من قبل" within the few words before: the fire came from the force's side."""
    for k in range(before - 1, max(-1, before - 4), -1):
        hit = lex.source_markers.at(sc.toks, k)
        if hit is not None:
            return True
    return False


def _second_adjective(toks: Sequence[Token], k: int, lex: ArabicLex) -> PhraseHit | None:
    """A people's adjective at token ``k``, bare or joined by و ("الإيراني والروسي": the second of two forces)."""
    if k >= len(toks):
        return None
    hit = lex.adjectives.at(toks, k)
    t = toks[k].text
    if hit is None and t.startswith("و") and len(t) > 3:
        rest = lex.adjectives.at(tokens(t[1:]), 0)
        if rest is not None and rest.last == 0:
            hit = PhraseHit(k, k, 1, rest.payload, 1)
    return hit


def find_actors(sc: Scan, lex: ArabicLex, *, on: date | None = None) -> list[ActorMention]:
    """Belligerents in the sentence (offsets into it as published), attackers only."""
    toks = sc.toks
    found: list[tuple[int, int, PhraseHit, str, str]] = []
    blocked = {k for h in lex.not_actors.find(toks) for k in range(h.first, h.last + 1)}
    for hit in lex.actor_names.find(toks):
        canon, rule = cast("tuple[str, str]", hit.payload)
        found.append((hit.first, hit.last, hit, canon, rule))
        # "طيران النظام السوري والروسي", "القوات التركية والروسية": a people's adjective joined by و after a force's
        # name (and after its own adjective) is a second force
        k = hit.last + 1
        own = lex.adjectives.at(toks, k) if k < len(toks) else None
        if own is not None and cast("tuple[str, str]", own.payload)[0] == canon:
            k = own.last + 1
        nxt = _second_adjective(toks, k, lex) if (k > hit.last + 1 or lex.adjectives.at(toks, hit.last)) else None
        if nxt is not None and toks[nxt.first].text.startswith("و") and cast(
            "tuple[str, str]", nxt.payload
        )[0] != canon:
            c2, r2 = cast("tuple[str, str]", nxt.payload)
            found.append((nxt.first, nxt.last, nxt, c2, f"{r2}_coordinated"))
    for noun in lex.military_nouns.find(toks):
        k = noun.last + 1
        steps = 0
        while k < len(toks) and steps <= 3:  # "طائرات حربية يرجح أنها روسية": a hedge is two words
            adj = lex.adjectives.at(toks, k)
            if adj is not None:
                canon, rule = cast("tuple[str, str]", adj.payload)
                found.append((noun.first, adj.last, PhraseHit(noun.first, adj.last, noun.skip, adj.payload, 0), canon,
                              rule))
                # "العدوان الأمريكي السعودي": a second people's adjective right after the first is a second force
                nxt = _second_adjective(toks, adj.last + 1, lex)
                if nxt is not None and cast("tuple[str, str]", nxt.payload)[0] != canon:
                    c2, r2 = cast("tuple[str, str]", nxt.payload)
                    found.append((nxt.first, nxt.last, nxt, c2, f"{r2}_coordinated"))
                break
            if toks[k].text == "#" and k + 1 < len(toks) and toks[k + 1].start == toks[k].end:
                k += 1  # "قصف #تركي": a post tags the adjective
                continue
            if toks[k].text not in lex.noun_modifiers:
                break
            k += 1
            steps += 1
    # The longest name first, a bare occupier last: "طائرات الاحتلال الروسي" is Russia's, whatever "طائرات الاحتلال"
    # alone would be; "طيران التحالف بقيادة السعودية" is the Saudi-led coalition, not "طيران التحالف".
    found.sort(key=lambda x: (x[3] == OCCUPATION, -(x[1] - x[0]), x[0]))
    kept: list[ActorMention] = []
    covered: set[int] = set()
    owned_ends: set[int] = set()
    joined: list[tuple[int, ActorMention]] = []  # forces written with و: (the token before them, the mention)
    for first, last, hit, canon, rule in found:
        if any(k in covered for k in range(first, last + 1)) or any(k in blocked for k in range(first, last + 1)):
            continue
        if _owned(sc, hit, lex):
            covered.update(range(first, last + 1))
            owned_ends.add(last)
            continue
        lo, hi = lex.validity.get(canon, (None, None))
        if on is not None and ((lo and on < lo) or (hi and on > hi)):  # type: ignore[operator]
            continue
        covered.update(range(first, last + 1))
        s, e = sc.span(first, last, hit.skip)
        kept.append(ActorMention(s, e, sc.folded.source[s:e], canon, rule))
        if hit.skip == 1 and toks[first].text.startswith("و"):
            joined.append((first - 1, kept[-1]))
    # "مواقع قوات النظام والروس": a force joined by و to a force that owns a target owns it too
    dropped = {id(m) for before, m in joined if before in owned_ends}
    kept = [m for m in kept if id(m) not in dropped]
    kept.sort(key=lambda a: a.start)
    return kept
