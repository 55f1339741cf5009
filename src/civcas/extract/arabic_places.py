"""Place mentions in Arabic and the context a resolver needs: "بلدة جلين في ريف درعا الغربي".

Arabic has no capitals to mark names, so a word is a place when the gazetteer
knows it and the text puts it in a locative frame (a preposition written apart
or onto it, a feature word, "ريف", a relative position, a hashtag), or when a
feature word names it ("قرية المستريحة") even if the gazetteer lacks it. Each
mention keeps its feature word (``kind_hint``), how the event relates to it
(``relation``: in, near, countryside, east_of, ...) and the areas the text
puts it in (``within``: "X في ريف Y", "X شمالي Y", "X التابعة لمدينة Y").
Spans leave out the clitics written onto a name ("بالرقة" -> "الرقة").
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from civcas.extract.arabic_figures import Scan
from civcas.extract.arabic_lexicon import ArabicLex
from civcas.extract.arabic_text import PhraseHit, _formset, variants
from civcas.records import PlaceMention, Span

_QUOTES = frozenset({'"', "“", "”", "«", "»", "'", "‘", "’"})
_GAP_PUNCT = frozenset({"،", ",", "-", "–", "—", "/", "("})
#: marks between a feature word and its name: quotes, a dash or colon, an opening bracket ("قرية (كنصفرة)")
_BEFORE_NAME = frozenset({"-", "–", ":", "("})


@dataclass
class _M:
    first: int  # folded offsets
    end: int
    t_first: int  # token range
    t_last: int
    rule: str
    kind: str | None = None
    relation: str = "in"
    within: list[str] = field(default_factory=list)
    conj: bool = False  # written with و: listed with the mention before it


def _inverse(sc: Scan) -> list[int] | None:
    return list(sc.folded.pos) if sc.folded.pos is not None else None


def _to_folded(pos: list[int] | None, o: int, n: int) -> int:
    """The folded offset of original offset ``o`` (the first folded character at or after it)."""
    if pos is None:
        return min(o, n)
    return bisect.bisect_left(pos, o)


def _token_at(sc: Scan, f: int) -> int | None:
    """The token that holds folded offset ``f``."""
    k = bisect.bisect_right(sc.starts, f) - 1
    if k >= 0 and sc.toks[k].start <= f < sc.toks[k].end:
        return k
    return None


def _ends_before(index: Any, sc: Scan, k: int) -> PhraseHit | None:
    """A phrase of ``index`` that ends at token ``k`` (up to four words long)."""
    for first in range(k, max(-1, k - 4), -1):
        hit: PhraseHit | None = index.at(sc.toks, first)
        if hit is not None and hit.last == k:
            return hit
    return None


def _context(sc: Scan, t_first: int, lead: str, lex: ArabicLex) -> tuple[str, str | None, str] | None:
    """Why the word at token ``t_first`` is a place: (rule, kind hint, relation), or None.

    ``lead`` is what is written onto the name before it ("ب" in "بجرابلس").
    """
    if any(c in "بل" for c in lead):
        return "preposition", None, "in"
    k = t_first - 1
    while k >= 0 and (sc.toks[k].text in _QUOTES or sc.toks[k].text in _BEFORE_NAME):
        k -= 1
    if k < 0:
        return None
    if sc.toks[k].text == "#" and sc.toks[k].end == sc.toks[t_first].start:
        inner = _context(sc, k, "", lex)
        return inner if inner else ("hashtag", None, "in")
    feat = _ends_before(lex.features, sc, k)
    if feat is None and k >= 1 and sc.toks[k].text in lex.country_demonyms:
        # "العاصمة السورية دمشق": the country's adjective between the head and the name
        head = _ends_before(lex.features, sc, k - 1)
        feat = head if head is not None and _apposition_head(sc, head, lex) else None
    if feat is not None and (not _definite(sc, feat) or _apposition_head(sc, feat, lex)):
        kind, _id = cast("tuple[str, str]", feat.payload)
        rel = _ends_before(lex.relations, sc, feat.first - 1) if feat.first > 0 else None
        if rel is not None and cast("tuple[str, str]", rel.payload)[0] == "origin":
            return "relation_origin", kind, "origin"  # "ينحدر من مدينة الشحيل"
        if feat.first > 0 and _taken_to_hospital(sc, feat.first - 1, lex):
            return "relation_origin", kind, "origin"  # "وجرى نقلها إلى مشافي مدينة الحسكة": where she was taken
        # "في ريف مدينة إدلب": the countryside before the feature word is the place's, as before the bare name (the
        # feature word says what the town is, not where the strike fell). Relations ("شرق مدينة حلب", "على أطراف
        # قرية كفرعمة") stay with the feature word: read as the place's, they lost seven strikes' places on the dev set
        # to the near-anchor rules
        if feat.first > 0 and _ends_before(lex.around, sc, feat.first - 1) is not None:
            return "around", None, "countryside"
        return "feature", kind, "in"
    if _ends_before(lex.around, sc, k) is not None:
        return "around", None, "countryside"
    rel = _ends_before(lex.relations, sc, k)
    if rel is not None:
        relation, _id = cast("tuple[str, str]", rel.payload)
        return f"relation_{relation}", None, relation
    prep = _ends_before(lex.place_preps, sc, k)
    if prep is not None:
        j = prep.first - 1
        if j >= 0 and _ends_before(lex.attack, sc, j) is not None:
            return "target", None, "in"  # "القصف على جلين": what a strike fell on is a place, common word or not
        if _taken_to_hospital(sc, prep.first, lex):
            # "ونقلوا إلى مشفى كفربطنا": where the wounded were taken, not where the strike fell
            return "relation_origin", None, "origin"
        origin = _ends_before(lex.relations, sc, j) if j >= 0 else None
        if origin is not None and cast("tuple[str, str]", origin.payload)[0] == "origin":
            # "أقلعت من مطار حميميم": where the jet took off, not where it struck
            return "relation_origin", None, "origin"
        return "preposition", None, "in"
    return None


def _taken_to_hospital(sc: Scan, k: int, lex: ArabicLex) -> bool:
    """Whether token ``k`` is a hospital word with a verb of taking the wounded there a few words before it."""
    return sc.toks[k].text in lex.hospitals and any(
        f in lex.taken_to for i in range(max(0, k - 4), k) for f, _ in variants(sc.toks[i].text, article=False)
    )


#: Places this large (or admin areas) are named bare after a preposition; smaller ones must be rare words.
_PROMINENT_POPULATION = 10_000
#: Zipf frequency (wordfreq, Arabic) from which a word is too common to be a hamlet's name on its own.
_COMMON_ZIPF = 3.0
#: After a strike's preposition ("القصف على ..."), where a place name is expected, only very common words are not.
_TARGET_COMMON_ZIPF = 4.0


def _prominent(candidates: Sequence[Any], word: str = "") -> bool:
    """Whether a spotted name is a town of some size, a district's seat or an admin area (among its first candidates).

    With ``word`` (the name as folded in the text), only a candidate spelled so in Arabic counts: "الجنة"
    (paradise) is not Djenné's "جنه", nor "أمي" (my mother) Umeå's "أوميو", whatever their size. A district's seat
    whose record gives no population counts as a small town ("الحويجة", Hawija of Kirkuk: a name frequent in the news
    because it is a town's).
    """
    from civcas.gazetteer.core import effective_population

    return any(
        (getattr(c, "population", 0) >= _PROMINENT_POPULATION or getattr(c, "kind", "") in ("region", "county")
         or (hasattr(c, "admin2") and effective_population(c, True) >= _PROMINENT_POPULATION))
        and (not word or _spelled_in_arabic(c, word))
        for c in candidates[:8]
    )


def _spelled_in_arabic(candidate: Any, word: str) -> bool:
    """Whether one of the candidate's Arabic-script names is ``word`` (letter forms folded, article kept)."""
    from civcas.extract.arabic_text import fold as fold_ar

    want = word.strip()
    return any(
        any("\u0600" <= ch <= "\u06ff" for ch in n) and fold_ar(n).text.strip() == want
        for n in (getattr(candidate, "name", ""), *getattr(candidate, "names", ()))
    )


@functools.lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    """How common ``word`` is in Arabic (wordfreq's Zipf scale; the word or its article-less form)."""
    from wordfreq import zipf_frequency

    bare = word.removeprefix("ال") if len(word) > 4 else word
    score = max(zipf_frequency(word, "ar"), zipf_frequency(bare, "ar") - 0.3)
    if word[:1] == "ا":  # folding drops the hamza: "اسفر" is "أسفر" (resulted), a common verb
        score = max(score, zipf_frequency("أ" + word[1:], "ar"), zipf_frequency("إ" + word[1:], "ar"))
    if word[-1:] == "ه" and len(word) > 2:  # folding writes ة as ه: "مقبره" is "مقبرة" (a cemetery)
        score = max(score, zipf_frequency(word[:-1] + "ة", "ar"))
    return score


def _article_dropped(word: str, candidates: Sequence[Any]) -> bool:
    """Whether ``word`` carries the article and matched only names written without it: "الله" read as the
    town "له" (Leh), "الليل" (the night) as "ليل" (Lille). Names of places abroad take no Arabic article."""
    if not word.startswith("ال"):
        return False
    for c in candidates[:8]:
        for n in (getattr(c, "name", ""), *getattr(c, "names", ())):
            if n.startswith(("ال", "أل", "إل", "آل")):
                return False
    return True


def _common(word: str, threshold: float = 0.0) -> bool:
    """Whether ``word`` is a common Arabic word (wordfreq's Zipf scale, words and their article-less forms)."""
    return _zipf(word) >= (threshold or _COMMON_ZIPF)


_HARAKAT = re.compile("[\u064b-\u0652]")


def _in_vowelled_passage(sc: Scan, f0: int, f1: int) -> bool:
    """Whether a name stands in a passage written with its short vowels throughout (a verse of the Quran, a line of
    poetry): a quarter or more of the letters around it carry a vowel sign, the name itself too."""
    s, e = sc.folded.span(f0, f1)
    src = sc.folded.source
    if not _HARAKAT.search(src, s, e):
        return False
    window = src[max(0, s - 40) : e + 40]
    letters = sum(1 for ch in window if "\u0621" <= ch <= "\u064a")
    return letters > 0 and len(_HARAKAT.findall(window)) >= 0.25 * letters


def _clitic_word(whole: str, bare: str) -> bool:
    """Whether a word read as a clitic plus a name is a common word in its own right, more common than the
    name: "بادر" (he hastened) is not "ب" + "ادر" (Adré), "لديه" (he has) not "ل" + "ديه"; but "بدمشق"
    is "in Damascus" (the name is the commoner word) and "بجرابلس" no word at all."""
    return whole != bare and _common(whole) and _zipf(whole) > _zipf(bare)


def _construct(sc: Scan, k: int, lex: ArabicLex) -> bool:
    """Whether the word at token ``k`` heads a construct ("إطار العملية"): a definite noun, a count or a
    victim follows it directly. Place names are followed by a pause, a preposition or a direction instead."""
    if k + 1 >= len(sc.toks) or sc.toks[k + 1].start - sc.toks[k].end > 1:
        return False
    nxt = sc.toks[k + 1].text
    if nxt[0].isdigit() or lex.victims.at(sc.toks, k + 1) is not None:
        return True
    if not nxt.startswith("ال") or len(nxt) < 4 or nxt in lex.place_adjectives or nxt in lex.country_adjectives:
        return False
    if nxt in lex.place_links or lex.relations.at(sc.toks, k + 1) is not None or (
        lex.around.at(sc.toks, k + 1) is not None
    ):
        return False
    return lex.relative.at(sc.toks, k + 1) is None and nxt not in lex.weekday_keys


def _institution_adjective(sc: Scan, k: int, lex: ArabicLex) -> bool:
    """Whether token ``k`` names the town of an institution ("مطار حلب") and a nisba adjective follows ("الدولي"):
    the definite word after the town is the institution's adjective, not a word the town's name governs."""
    if k < 1 or k + 1 >= len(sc.toks) or not any(
        f in lex.institutions for f, _ in variants(sc.toks[k - 1].text, article=False)
    ):
        return False  # (the institution's noun may carry a preposition or a conjunction: "لمطار دمشق الدولي")
    nxt = sc.toks[k + 1].text
    return nxt.startswith("ال") and len(nxt) >= 5 and nxt.endswith(("ي", "يه"))


def _town_after_road(sc: Scan, k: int, word: str, sp: Any, lex: ArabicLex) -> bool:
    """Whether a common word with the article at token ``k`` names a town of size after a road's noun or بين
    ("طريق الباب - منبج", "بين الباب ومنبج")."""
    if k == 0:
        return False
    before = sc.toks[k - 1].text
    return (before == "بين" or any(f in lex.institutions for f, _ in variants(before, article=False))) and (
        _prominent(sp.candidates, word)
    )


def _apposition_head(sc: Scan, hit: PhraseHit, lex: ArabicLex) -> bool:
    """ "العاصمة دمشق", "بالعاصمة صنعاء": a feature word the lexicon writes with its article, before the name."""
    word = sc.toks[hit.first].text
    return any(word.endswith(f) for f in lex.definite_features)


def _definite(sc: Scan, hit: PhraseHit) -> bool:
    """A feature word with the article ("المدينة") refers back to a place; only "مدينة X" names one."""
    word = sc.toks[hit.first].text[hit.skip :]
    return sc.toks[hit.first].text[: hit.skip].endswith(("ال", "لل")) or word.startswith("ال")


def _names_whole(sp: Any, folded_span: str, *, article_dropped: bool = False) -> bool:
    """Whether a multi-word spot is, in full, the Arabic name of one of its gazetteer candidates (with
    ``article_dropped``, also when the text drops the article of a word after the first)."""
    if " " not in folded_span.strip():
        return False
    from civcas.extract.arabic_text import fold as fold_ar

    want = folded_span.strip()
    words = want.split()
    for c in list(getattr(sp, "candidates", ()))[:12]:
        for n in (c.name, *c.names):
            if any("\u0600" <= ch <= "\u06ff" for ch in n):
                got = fold_ar(n).text.strip()
                if got == want:
                    return True
                # "دير شرقي" is "دير الشرقي" written without the article of a later word (not when a place follows:
                # "الجرذي شرقي دير الزور" is east of Deir ez-Zor)
                parts = got.split()
                if article_dropped and len(parts) == len(words) and parts[0] == words[0] and all(
                    g == w or (g == "ال" + w and len(w) >= 3) for g, w in zip(parts[1:], words[1:], strict=True)
                ):
                    return True
                # "الدار الكبيرة" for the gazetteer's "دار الكبيرة": the first word given the article the text
                # writes it with, the rest spelled alike
                if len(parts) == len(words) and words[0] == "ال" + parts[0] and len(parts[0]) >= 3 and (
                    parts[1:] == words[1:]
                ):
                    return True
    return False


def _lexicon_word(sc: Scan, k: int, lex: ArabicLex, *, strict: bool = True, victims: bool = True) -> bool:
    """A word some other lexicon knows (harm, victims, numbers, dates, places' frames): not a name.

    ``strict`` (no feature word before): common words the places file lists count too; after a feature
    word they may be names ("حي الجامعة"). ``victims=False`` leaves the victims' words out ("حي بستان القصر":
    there القصر is the palace, not minors).
    """
    t = sc.toks[k].text
    if not t.isalpha() or len(t) < 2 or t in lex.never_names or t in lex.place_links or t.startswith("لل"):
        return True
    if (strict and t in lex.not_places) or k in sc.harm:
        return True
    forms_a, forms_n = _formset(t, True), _formset(t, False)
    singles = lex.lexicon_singles if victims else lex.lexicon_singles_but_victims
    if not singles.isdisjoint(forms_a) or not singles.isdisjoint(forms_n):
        return True
    for firsts, index in lex.lexicon_multi:
        if not victims and index is lex.victims:
            continue
        if not (firsts.isdisjoint(forms_a) and firsts.isdisjoint(forms_n)):
            hit = index.at(sc.toks, k)
            if hit is not None and hit.last > k:
                return True
    if not strict:
        return False
    forms = {f for f, _ in variants(t, article=False)}
    return not forms.isdisjoint(lex.common_words)


#: prepositions of where before a name (a town's, not a channel's: "نقلت عن الميادين" is the channel)
_WHERE_BEFORE = frozenset({"في", "قرب", "على", "داخل", "بمحيط", "محيط", "اطراف"})


def _source_town(sc: Scan, k: int, lead: str, lex: ArabicLex, candidates: Sequence[Any], word: str) -> bool:
    """Whether a word the lexicons know only as a source's name ("الميادين", the channel) names its town here: after
    a preposition of where ("في الميادين", "بالميادين"), a town of some size spelled so in Arabic."""
    t = sc.toks[k].text
    # (the forms ``_lexicon_word`` checks the lexicons' single words against)
    if lex.source_only_singles.isdisjoint(_formset(t, True)) and lex.source_only_singles.isdisjoint(_formset(t, False)):
        return False
    where = "ب" in lead or (k > 0 and sc.toks[k - 1].text in _WHERE_BEFORE)
    return where and _prominent(candidates, word)


def _with_direction(sc: Scan, last: int, kind: str | None, lex: ArabicLex) -> int:
    """The name's last token, with the adjective of direction or size that ends a village's name ("قرية غريبة
    الشرقية", ``name_directions``) after a village's feature word."""
    toks = sc.toks
    nxt = last + 1
    if kind == "village" and nxt < len(toks) and toks[nxt].text in lex.name_directions and (
        toks[nxt].start - toks[last].end <= 1
    ):
        return nxt
    return last


def _unknown_name(sc: Scan, k: int, lex: ArabicLex, kind: str | None = None) -> int | None:
    """Last token of a name the gazetteer lacks, starting at token ``k`` after a feature word of ``kind``."""
    toks = sc.toks
    if k >= len(toks) or not toks[k].text.isalpha() or (
        toks[k].text[0] in "وف" and len(toks[k].text) > 3 and toks[k].text[1:3] == "ال"
    ):
        return None
    nxt = k + 1
    if toks[k].text.removeprefix("ال") in lex.compound_heads and nxt < len(toks) and toks[nxt].text.isalpha() and (
        not _lexicon_word(sc, nxt, lex, strict=False)
    ):
        return nxt  # "عين عيسى", "تل أبيض": a head word names nothing alone
    if toks[k].text in lex.compound_heads:
        # a bare head word ("أبو", "تل", "عين") names nothing alone; with its article it may ("الباب", "الدير")
        if toks[k].text in lex.kunya_heads and nxt < len(toks) and toks[nxt].text.isalpha() and toks[nxt].text not in (
            lex.never_names
        ):
            return nxt  # "بادية أبو حسب": "أبو" always has its second word, even one that reads as "according to"
        return None
    if _lexicon_word(sc, k, lex, strict=False):
        return None
    if toks[k].text[:1] == "ل" and len(toks[k].text) > 3 and (
        _common(toks[k].text[1:]) or _common(sc.folded.source[slice(*sc.span(k, k))][1:])
    ):
        return None  # "مزرعة لتربية الدواجن" (a farm for raising poultry): a preposition's phrase, not a name
    last = k
    if nxt < len(toks) and toks[nxt].start - toks[k].end <= 1:
        word = toks[nxt].text
        if word in lex.country_adjectives:
            pass  # "مدينة درنة الليبية": the country's adjective says where the name is, it is not part of it
        elif word.startswith("ال") and len(word) > 3 and not (
            _lexicon_word(sc, nxt, lex, strict=kind != "neighbourhood", victims=kind != "neighbourhood")
        ):
            # (a neighbourhood's name is often a noun and its genitive, "حي بستان القصر", "حي باب النيرب": there the
            # second word may be a common one)
            last = nxt
        elif word.isalpha() and word[0] not in "وفبل" and not _lexicon_word(sc, nxt, lex) and not _common(word):
            last = nxt  # "قرف مغار", "سري كانيه": a rare word after the first is the rest of the name
    return last


_HASHTAG = re.compile(r"#([^\W\d_][\w]*)")


_HASH_BEFORE = re.compile(r"#\w*$")
_WORD_RUN = re.compile(r"\w*")


def _in_hashtag(folded: str, f0: int, f1: int) -> bool:
    """Whether ``[f0, f1)`` is part of a hashtag of several words ("#قرف_مغار"): the hashtag is the name."""
    m = _HASH_BEFORE.search(folded, max(0, f0 - 40), f0)
    if m is None:
        return False
    tail = _WORD_RUN.match(folded, f0)
    body = m.group() + (tail.group() if tail else "")
    return "_" in body


def _country_adjective_after(sc: Scan, k: int, lex: ArabicLex) -> str | None:
    """The country (ISO2) whose feminine adjective follows token ``k`` directly ("أريحا السورية"), else None."""
    nxt = k + 1
    if nxt >= len(sc.toks) or sc.toks[nxt].start - sc.toks[k].end > 1:
        return None
    return lex.country_adjectives.get(sc.toks[nxt].text)


def _featured(sc: Scan, k: int, lex: ArabicLex) -> bool:
    """Whether a feature word stands right before token ``k`` ("قرية", "بلدة")."""
    j = k - 1
    while j >= 0 and (sc.toks[j].text in _QUOTES or sc.toks[j].text in _BEFORE_NAME):
        j -= 1
    return j >= 0 and _ends_before(lex.features, sc, j) is not None


def find_places(
    doc_text: str,
    sent_start: int,
    sc: Scan,
    lex: ArabicLex,
    spotted: Sequence[Any],
    *,
    blocked: Sequence[tuple[int, int]] = (),
    tag_line: bool = False,
) -> list[PlaceMention]:
    """Place mentions of the sentence with doc-level spans; ``blocked`` are sentence-relative spans of
    forces and sources ("مراسل حلب اليوم"), which are not places.

    ``tag_line``: the sentence is a post's line of hashtags ("#الحسكة #العطالة"), where a tag of one word that
    no lexicon knows is a name even when the gazetteer does not spell it so."""
    toks = sc.toks
    folded = sc.folded.text
    n = len(folded)
    pos = _inverse(sc)
    src_len = len(sc.folded.source)
    found: list[_M] = []

    def blocked_at(f0: int, f1: int) -> bool:
        s, e = sc.folded.span(f0, f1)
        return any(bs < e and s < be for bs, be in blocked)

    def taken(f0: int, f1: int) -> bool:
        return any(m.first < f1 and f0 < m.end for m in found)

    struck = lex.attack.find(toks)  # a strike's object follows its verb: "قصفت نيران التحالف جرابلس"
    spotted_folded = {_to_folded(pos, sp.start - sent_start, n) for sp in spotted}
    spotted_ends: dict[int, int] = {}
    for sp in spotted:
        if sp.start - sent_start >= 0 and sp.end - sent_start <= src_len:
            a, b = _to_folded(pos, sp.start - sent_start, n), _to_folded(pos, sp.end - sent_start, n)
            spotted_ends[a] = max(spotted_ends.get(a, a), b)
    # Names the gazetteer knows, in a locative frame.
    for sp in spotted:
        rs, re_ = sp.start - sent_start, sp.end - sent_start
        if rs < 0 or re_ > src_len:
            continue
        f0, f1 = _to_folded(pos, rs, n), _to_folded(pos, re_, n)
        k = _token_at(sc, f0)
        if k is None or f1 <= f0:
            continue
        k_last = _token_at(sc, f1 - 1) or k
        f1 = min(f1, toks[k_last].end)  # "لبنانAll": the name ends where the Arabic word does
        # "حلب الآن": a common word the gazetteer read as the end of a longer name; but "تل أبيض" is a name
        # the gazetteer spells so in full (أبيض is also a word of "السلاح الأبيض").
        place_after = k_last + 1 < len(toks) and toks[k_last + 1].start in spotted_folded
        whole = _names_whole(sp, folded[f0:f1], article_dropped=not place_after)
        # ("عيتا الشعب", a Lebanese village, is named whole although الشعب alone is no place; "المنطقة الجنوبية" is
        # a common phrase, whatever district abroad the gazetteer calls so)
        named_whole = whole and not _lexicon_word(sc, k, lex) and toks[k].text not in lex.not_places
        while k_last > k and (
            (toks[k_last].text in lex.not_places and not named_whole) or (not whole and _lexicon_word(sc, k_last, lex))
        ):
            k_last -= 1
            f1 = toks[k_last].end
        head = lex.features.at(toks, k)
        if head is not None and head.last < k_last and _apposition_head(sc, head, lex):
            # "في العاصمة صنعاء": the gazetteer's "العاصمة صنعاء" (a governorate) read whole; the name is the city
            # after the apposition's head, which the head's own context places
            k = head.last + 1
            f0 = toks[k].start
        word = folded[f0:f1]
        lead = folded[toks[k].start : f0]
        if min(len(toks[j].text) for j in range(k, k_last + 1)) < 2 or len(word.replace(" ", "")) < 3:
            continue
        # "بالرقة", "والرقة": the clitics are not part of the name.
        while len(word) > 4 and word[0] in "وفبلك" and (word[1:3] == "ال" or (word[0] in "وف" and word[1] in "بل")):
            lead += word[0]
            f0 += 1
            word = word[1:]
        if word in lex.not_places or word in lex.never_names or blocked_at(f0, f1):
            continue
        if word.removeprefix("ال") in lex.not_places and not _town_after_road(sc, k, word, sp, lex):
            continue  # "الباب" is "the door" but after a road's noun the town of al-Bab
        if _in_vowelled_passage(sc, f0, f1):
            continue  # "ارْجِعِي إِلَى رَبِّكِ": a verse quoted with its vowels, not a report naming Rabak
        if any(folded.startswith(p, f0) for p in lex.not_place_before):
            continue  # "مسقط رأسه": his birthplace, not Muscat
        if word in lex.country_demonyms:
            continue  # "قصف #تركي", "الطيران الروسي": whose, never where
        if (rel := lex.relations.at(toks, k)) is not None and rel.last < k_last and " ".join(
            t.text for t in toks[rel.last + 1 : k_last + 1]
        ) in lex.country_names:
            continue  # "في جنوب لبنان": a part of the country (its name votes), not the governorate called "South"
        if lead and _clitic_word(folded[toks[k].start : toks[k].end], folded[f0 : toks[k].end]):
            continue
        if k == k_last and _common(word) and _article_dropped(word, sp.candidates):
            continue  # "بقضاء الله", "من الجنة": a common word with the article, a place only without it
        if (feat_at := lex.features.at(toks, k)) is not None and feat_at.last < k_last and not (
            whole and any(getattr(c, "kind", "") == "region" for c in list(sp.candidates)[:3])
        ) and not (
            # "مديرية ولد ربيع": a district the gazetteer knows only with its admin word, whose name the words after
            # the feature word would cut short ("ولد"), is named whole, admin word and all
            whole and any(getattr(c, "kind", "") == "county" for c in list(sp.candidates)[:3])
            and ((bare := _unknown_name(sc, feat_at.last + 1, lex, "district")) is None or bare < k_last)
        ):
            # "مدينة عين" in "لمدينة عين عيسى": the feature word is not part of the name; but a region is named
            # with it in full ("البادية السورية")
            continue
        if _in_hashtag(folded, f0, f1) or (
            k == k_last and _lexicon_word(sc, k, lex) and not _featured(sc, k, lex)
            and not _source_town(sc, k, lead, lex, sp.candidates, word)
        ):
            continue
        if k == k_last and word in lex.person_names:
            continue
        conj = bool(lead) and lead[0] in "وف" and not any(c in "بل" for c in lead)
        # A name with و written onto it continues a list ("كنصفرة وقوقفين"); after a preposition it is a word.
        ctx = _context(sc, k, lead, lex) if not conj else None
        if conj and found and found[-1].t_last == k - 1:
            ctx = ("list", found[-1].kind, found[-1].relation)
        elif conj and any(toks[j].text in lex.many_features for j in range(max(0, k - 4), k - 1)):
            # "قريتي خالد كلو وتل زيوان": the second of two villages, after a first name of one or two words
            ctx = ("list", "village", "in")
        if ctx is None and not conj and not lead and k_last + 1 < len(toks) and toks[k_last + 1].text in (
            ":", "|"
        ) and all(
            toks[j].text in _QUOTES or toks[j].text in ("#", "-", "–", "|")
            or not any(ch.isalnum() for ch in toks[j].text)
            for j in range(k)
        ):
            # "خان شيخون: ارتفاع عدد ضحايا الهجوم ...", "⭕️ معرة النعمان | 39 شهيداً ...": a post's heading names the
            # place its statement is about (a mark or an emoji may open it, a bar close it)
            ctx = ("heading", None, "in")
        if (
            ctx is None
            and not conj
            and any(h.last < k <= h.last + 3 for h in struck)
            and _prominent(sp.candidates, word)
            and not _common(word)
            and not _common(sc.folded.source[slice(*sc.folded.span(f0, f1))])
        ):
            # "قصفت نيران التحالف جرابلس": a town of some size named as a strike's object, without a preposition
            ctx = ("object", None, "in")
        if (
            ctx is None
            and not conj
            and (adj := _country_adjective_after(sc, k_last, lex)) is not None
            and any(getattr(c, "country", None) == adj for c in list(sp.candidates)[:12])
        ):
            # "أطفال أريحا السورية": a name qualified by a country's adjective is a place (a city is feminine) when
            # that country has a place of the name; "إدارة الهجرة التركية" is an institution
            ctx = ("adjective", None, "in")
        if ctx is None or taken(f0, f1):
            continue
        if ctx[0] == "feature" and any(c in "بلك" for c in lead):
            continue  # "قرية كدورة": after a feature word the name carries no preposition; the word is the name
        if ctx[0] in ("preposition", "target") and k == k_last and _construct(sc, k, lex) and not (
            _institution_adjective(sc, k, lex)
        ):
            continue  # "على صعيد المنطقة", "بحياة 3 مدنيين": a noun that governs the next word, not a name
        if (ctx[0] in ("preposition", "list", "target") or ctx[0].startswith("relation")) and (
            not _prominent(sp.candidates, word)
            and not (whole and k_last > k)
            and _common(word, _TARGET_COMMON_ZIPF if ctx[0] == "target" else 0.0)
        ):
            continue  # "في مخبز", "من جانب": a common word that also names some hamlet
        rule, kind, relation = ctx
        if rule == "feature" and k == k_last and not lead:
            longer = _unknown_name(sc, k, lex, kind)  # "قرية قرف مغار": the spotter knew only "قرف"
            if longer is not None and longer > k_last and not taken(f0, toks[longer].end):
                k_last, f1 = longer, toks[longer].end
        if rule == "feature" and (d := _with_direction(sc, k_last, kind, lex)) > k_last and not taken(f0, toks[d].end):
            k_last, f1 = d, toks[d].end  # "قرية غريبة الشرقية": another village than the bare one the gazetteer knows
        adj = _country_adjective_after(sc, k_last, lex)
        # "طرابلس الليبية": the adjective says which country's town (an ISO code the resolver reads as the country)
        found.append(_M(f0, f1, k, k_last, f"gazetteer_{rule}", kind, relation, within=[adj] if adj else [], conj=conj))
    # Names after a feature word, known or not: "قرية المستريحة", "حي الضبيط".
    for feat in lex.features.find(toks):
        if _definite(sc, feat):
            continue  # (an apposition head, "العاصمة", names only the places the gazetteer knows: above)
        fs = toks[feat.first].start + feat.skip
        if spotted_ends.get(fs, fs) > toks[feat.last].end and _in_hashtag(folded, fs, spotted_ends[fs]):
            continue  # "#جبل_الزاوية": a tag the gazetteer knows whole, its feature word included
        k = feat.last + 1
        while k < len(toks) and (toks[k].text in _QUOTES or toks[k].text in _BEFORE_NAME):
            k += 1
        if k >= len(toks) or (toks[k].text == "#" and k + 1 < len(toks)):
            continue
        last = _unknown_name(sc, k, lex, cast("tuple[str, str]", feat.payload)[0])
        if last is None:
            continue
        last = _with_direction(sc, last, cast("tuple[str, str]", feat.payload)[0], lex)
        f0, f1 = toks[k].start, toks[last].end
        if taken(f0, f1) or blocked_at(f0, f1):
            for m in found:
                if m.first < f1 and f0 < m.end and m.kind is None:
                    m.kind = cast("tuple[str, str]", feat.payload)[0]
            continue
        kind, _id = cast("tuple[str, str]", feat.payload)
        origin = feat.first > 0 and _ends_before(lex.relations, sc, feat.first - 1)
        relation = "origin" if (origin and cast("tuple[str, str]", origin.payload)[0] == "origin") or (
            feat.first > 0 and _taken_to_hospital(sc, feat.first - 1, lex)) else "in"
        found.append(_M(f0, f1, k, last, "feature", kind, relation))
    # A rare word a strike fell on ("مجزرة في كنصفرة", "غارة على حفسرجة"): a place even when the gazetteer does not
    # spell it so (resolution tries its letter swaps), unless a common word, a lexicon's word or a people's adjective.
    for hit in struck:
        j = hit.last + 1
        if j + 1 >= len(toks) or toks[j].text not in ("في", "علي"):
            continue  # "في" or "على" only: "من" names the attacker, "محطة" an institution
        k = j + 1
        if toks[k].start - toks[j].end > 1:
            continue
        word = toks[k].text
        if (
            len(word) < 4
            or not word.isalpha()
            or taken(toks[k].start, toks[k].end)
            or blocked_at(toks[k].start, toks[k].end)
            or word in lex.country_demonyms
            or word in lex.not_places
            or word.removeprefix("ال") in lex.not_places
            or word in lex.person_names
            or _lexicon_word(sc, k, lex)
            or _common(word)
            or _construct(sc, k, lex)
        ):
            continue
        found.append(_M(toks[k].start, toks[k].end, k, k, "target_unknown", None, "in"))
    # A name the gazetteer lacks between "في" and a relative position to a place it knows ("في جديدة كحيط شرق
    # الرقة", "في الشعيطات قرب الميادين", "في تاجوراء شرق العاصمة طرابلس"): the English "in X, east of Y".
    # One or two words, none a lexicon's word, a people's adjective or a person's name, one of them rare.
    for rel in lex.relations.find(toks):
        relation = cast("tuple[str, str]", rel.payload)[0]
        if relation == "origin" or rel.skip or rel.last + 1 >= len(toks):
            continue
        anchor = rel.last + 1
        # "في تاجوراء شرق العاصمة طرابلس": a feature word may stand before the place it is relative to
        feature = lex.features.at(toks, anchor)
        if feature is not None and not feature.skip and feature.last + 1 < len(toks):
            anchor = feature.last + 1
        if not any(m.first == toks[anchor].start for m in found):
            continue
        for width in (2, 1):
            k, last = rel.first - width, rel.first - 1
            if k < 1 or toks[k - 1].text != "في" or any(
                toks[j + 1].start - toks[j].end > 1 for j in range(k - 1, last)
            ):
                continue
            words = [toks[j].text for j in range(k, last + 1)]
            if (
                taken(toks[k].start, toks[last].end)
                or blocked_at(toks[k].start, toks[last].end)
                or any(len(w) < 3 or not w.isalpha() or (w[0] in "وفبل" and w[1:3] == "ال") for w in words)
                or any(w in lex.country_demonyms or w in lex.not_places or w in lex.person_names for w in words)
                or any(_lexicon_word(sc, j, lex, strict=False) for j in range(k, last + 1))
                or all(_common(w) for w in words)
                or _construct(sc, last, lex)
            ):
                continue
            found.append(_M(toks[k].start, toks[last].end, k, last, "before_relation", None, "in"))
            break
    # Hashtags: "#جرابلس", "#رأس_العين".
    for hm in _HASHTAG.finditer(folded):
        f0, f1 = hm.start(1), hm.end(1)
        if taken(f0, f1) or blocked_at(f0, f1):
            continue
        word = hm.group(1)
        if word in lex.not_places or word.replace("_", " ") in lex.not_places or word in lex.country_demonyms:
            continue
        parts = word.split("_")
        if len(parts) > 1 and not lex.signature_words.isdisjoint(parts):
            continue  # "#مكتب_الأتارب_الإعلامي": an office or outlet signs its post; "مكتب" is no place there
        if len(parts) > 1 and word.startswith(lex.outlet_tags):
            continue  # "#زمان_الوصل" (an outlet's name), even run into the next line's word: a signature
        town_at = f0 + len(parts[0]) + 1
        if len(parts) > 1 and parts[0] in lex.institutions and town_at in spotted_ends and not taken(
            town_at, spotted_ends[town_at]
        ):
            # "#مستشفى_حلب_الجامعي": an institution named after its town tags the town
            f0, f1 = town_at, min(f1, spotted_ends[town_at])
            word = folded[f0:f1]
        k = _token_at(sc, f0)
        if k is None:
            continue
        ctx = _context(sc, k, "", lex)
        if ctx is None:
            continue
        if ctx[0] == "hashtag" and not any(sp_starts == f0 for sp_starts in spotted_folded) and not (
            tag_line and "_" not in word and not _lexicon_word(sc, k, lex) and not _common(word)
        ):
            continue  # a bare hashtag is a place only when the gazetteer knows its first word
        known_end = spotted_ends.get(f0)
        if "_" in word and known_end is not None and f0 < known_end < f1 and folded[known_end] == "_":
            # "#درعا_تحت_القصف" ("Daraa under shelling"): words after the known part make it a slogan, and the
            # place is the part the gazetteer knows; "#رأس_العين" stays whole.
            rest = [m.start() + known_end + 1 for m in re.finditer(r"[^_]+", folded[known_end + 1 : f1])]
            ks = [k2 for k2 in (_token_at(sc, r) for r in rest) if k2 is not None]
            # ("قرية #غريبة_الشرقية": a direction or size that ends a village's name is part of it, as without the tag)
            if not (ctx[1] == "village" and all(sc.toks[k2].text in lex.name_directions for k2 in ks)) and any(
                folded[sc.toks[k2].start : sc.toks[k2].end] in lex.never_names or _lexicon_word(sc, k2, lex)
                for k2 in ks
            ):
                f1 = known_end
        k_last = _token_at(sc, f1 - 1) or k
        found.append(_M(f0, f1, k, k_last, "hashtag", ctx[1], ctx[2]))
    found.sort(key=lambda m: m.first)
    found.extend(_parenthesised(sc, found, lex, taken))
    found.sort(key=lambda m: m.first)
    _containment(sc, found, lex)
    out = []
    for m in found:
        s, e = sc.folded.span(m.first, m.end)
        s, e = sent_start + s, sent_start + e
        glued = _LATIN_TAIL.search(doc_text, s, e)
        if glued is not None:
            e = glued.start(1)  # "أعزازTranslate": a captured page's button run into the name
        phrase = None
        named_as = _ends_before(lex.features, sc, m.t_first - 1) if m.t_first > 0 else None
        if named_as is not None and toks[m.t_first].start - toks[named_as.last].end <= 1:
            # "بقرية الشاهر": the feature word without its clitics, then the name
            fs, _fe = sc.folded.span(toks[named_as.first].start + named_as.skip, toks[named_as.last].end)
            phrase = doc_text[sent_start + fs : e]
        out.append(
            PlaceMention(
                text=doc_text[s:e],
                span=Span.of(doc_text, s, e),
                relation=m.relation,
                kind_hint=m.kind,
                within=tuple(dict.fromkeys(m.within)),
                rule=f"{lex.tags['ar_places']}#{m.rule}",
                phrase=phrase,
            )
        )
    return out


def _parenthesised(sc: Scan, found: list[_M], lex: ArabicLex, taken: Any) -> list[_M]:
    """ "أبو راسين (زركان)", "عين العرب (كوباني)": a place's other name in parentheses right after it, one or two words
    no lexicon knows, is a mention of the same place (the geoparser places the one it knows by the other)."""
    toks = sc.toks
    out = []
    for m in found:
        j = m.t_last + 1
        if j >= len(toks) or toks[j].text != "(":
            continue
        close = next((c for c in range(j + 2, min(j + 4, len(toks))) if toks[c].text == ")"), None)
        if close is None:
            continue
        words = range(j + 1, close)
        if any(not toks[k].text.isalpha() or len(toks[k].text) < 3 or _lexicon_word(sc, k, lex)
               or toks[k].text in lex.not_places for k in words):
            continue
        f0, f1 = toks[j + 1].start, toks[close - 1].end
        if taken(f0, f1):
            continue
        out.append(_M(f0, f1, j + 1, close - 1, "alias", m.kind, m.relation, list(m.within)))
    return out


#: Latin letters run onto the end of an Arabic name ("أعزازTranslate Tweet" in a captured post)
_LATIN_TAIL = re.compile(r"[\u0621-\u064a]([A-Za-z]+)$")

#: prepositions (folded) that, joined by و, open a second place beside the first ("وفي محيط مصياف")
_COORD_PREPS = frozenset({"في", "علي", "قرب"})


def _containment(sc: Scan, found: list[_M], lex: ArabicLex) -> None:
    """ "X في ريف Y", "X شمالي Y", "X التابعة لمدينة Y", "X، Y": Y is an area X lies within."""
    toks = sc.toks
    through: list[tuple[_M, _M]] = []
    for a, b in itertools.pairwise(found):
        if b.conj:
            continue
        if b.t_first > 0 and any(f in lex.institutions for f, _ in variants(toks[b.t_first - 1].text, article=False)):
            # "حي الفرقان عند دوار الباسل في حلب": a roundabout, an airport or a bridge is no area a place lies in;
            # the place lies where the facility does
            through.append((a, b))
            continue
        gap = list(range(a.t_last + 1, b.t_first))
        if len(gap) > 5:
            continue
        ok = True
        for k in gap:
            t = toks[k].text
            if len(t) > 2 and t[0] == "و" and (t[1:] in _COORD_PREPS or t[1:] in lex.place_prep_words):
                # "في طرطوس وفي محيط مصياف", "في محافظة اللاذقية وقصفت قرية كنصفرة": a second place told with its own
                # preposition or verb, not a container
                ok = False
                break
            if t in _GAP_PUNCT or t in _QUOTES or t in lex.place_links or t == "#":
                continue
            if any(idx.at(toks, k) is not None for idx in (lex.features, lex.around, lex.relations, lex.place_preps)):
                continue
            if any(f in lex.place_links for f, _ in variants(t, article=False)):
                continue
            ok = False
            break
        if not ok:
            continue
        name = sc.folded.source[slice(*sc.folded.span(b.first, b.end))]
        a.within.append(name)
        if b.relation == "in":
            for k in gap:
                rel = lex.relations.at(toks, k)
                if rel is not None:
                    b.relation = rel.payload[0]  # type: ignore[index]
                elif lex.around.at(toks, k) is not None:
                    b.relation = "countryside"
    for a, b in reversed(through):
        a.within.extend(b.within)
