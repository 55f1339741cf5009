"""Figures of harm in Arabic: counts, victim groups and harm words, joined as the English grammar joins them.

Arabic reporting states harm in three shapes, each handled here:

- a verbal noun or verb followed by its victims: "مقتل ثلاثة مدنيين", "أصيب طفلان",
  "استشهاد سيدة" (a singular noun counts one, a dual two);
- a count before a noun that names the harmed: "ثلاثة شهداء", "25 جريحاً",
  "قتيل وثلاث إصابات" (alone, the singular counts one);
- the victims before the verb, after أنّ: "أن شخصاً على الأقل قتل".

Groups after "بينهم", "جلّهم" break the figure down by category (``victims``).
The results are :class:`civcas.extract.figures.Harm` records with offsets into
the sentence as published, so the document assembly treats them as it treats
English ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import cast

from civcas.extract.arabic_lexicon import ArabicLex, HarmWord, VictimWord
from civcas.extract.arabic_text import Folded, PhraseHit, Token, tokens, variants
from civcas.extract.figures import Cue, Group, Harm, _bounds
from civcas.records import Qualifier


@dataclass
class _G:
    """A victim group over tokens ``[first, last]`` (``skip`` clitic characters left out of the first)."""

    first: int
    last: int
    skip: int
    value: int | None
    qualifier: Qualifier
    low: int | None
    high: int | None
    rule: str
    max: int | None = None
    noun: int | None = None  # token index of the victim noun
    category: str | None = None
    status: str = "unspecified"
    singular: bool = False
    num: tuple[int, int] | None = None  # number tokens
    is_category: bool = False
    opener: str | None = None
    used: bool = False


@dataclass
class Scan:
    """One sentence's tokens with the lexicon hits the extractors share."""

    folded: Folded
    toks: list[Token]
    harm: dict[int, PhraseHit] = field(default_factory=dict)
    qual_end: dict[int, PhraseHit] = field(default_factory=dict)
    qual_start: dict[int, PhraseHit] = field(default_factory=dict)
    _starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        """Folded start offsets of the tokens, for bisection."""
        got = self._starts
        if got is None:
            got = self._starts = [t.start for t in self.toks]
        return got

    def span(self, first: int, last: int, skip: int = 0) -> tuple[int, int]:
        """Original (sentence-relative) offsets of tokens ``[first, last]``."""
        return self.folded.span(self.toks[first].start + skip, self.toks[last].end)


def scan(folded: Folded, toks: list[Token], lex: ArabicLex) -> Scan:
    """Find the harm words and hedges of a sentence once."""
    sc = Scan(folded, toks)
    others = lex.others_after_harm
    for h in lex.harm.find(toks):
        if h.words > 1 and any(k < len(toks) and toks[k].text in others for k in (h.last + 1, h.last + 2)):
            # "إن مدنياً استشهد وأصيب آخرون", "شخصاً قتل وأصيب ثلاثة آخرون": one killed, others injured; two verbs
            # of one count ("قتل وأصيب 30 شخصا") only when the count follows them
            singles = [lex.harm.at(toks, k, max_words=1) for k in (h.first, h.last)]
            if all(singles):
                for one in singles:
                    assert one is not None
                    sc.harm[one.first] = one
                continue
        sc.harm[h.first] = h
    if lex.split_events:
        _split_events(sc, lex)
    _drop_wounds_of_the_dead(sc, lex)
    for q in lex.qualifiers.find(toks):
        if q.skip and toks[q.first].text[0] not in "وف":
            continue
        sc.qual_end[q.last] = q
        sc.qual_start[q.first] = q
    return sc


def _drop_wounds_of_the_dead(sc: Scan, lex: ArabicLex) -> None:
    """ "توفي الشاب متأثرا بإصابته", "وفاة طفل بعد تعرضه لإصابة": in a sentence that tells a death, the injury
    after these words is the wound the death came of, not one more person injured."""
    if not any(w.category == "killed" for h in sc.harm.values() for w in h.payload):  # type: ignore[attr-defined]
        return
    for start, h in list(sc.harm.items()):
        words: tuple[HarmWord, ...] = h.payload  # type: ignore[assignment]
        if start > 0 and all(w.category == "injured" for w in words) and _after_wounds_word(sc, start, lex):
            del sc.harm[start]


def _after_wounds_word(sc: Scan, start: int, lex: ArabicLex) -> bool:
    """Right after a word of dying of wounds, or a few plain words after it: "متأثرا بإصابته", "متأثراً بجراحه التي
    أصيب بها" (the wounds he sustained)."""
    if sc.toks[start].text in lex.own_wounds and sc.toks[start - 1].text in lex.own_wound_causes:
        return True  # "وفاة السيدة ... جراء إصابتها الخطيرة": her wound, the death's cause
    for back in range(1, 4):
        k = start - back
        if k < 0:
            return False
        t = sc.toks[k].text
        if t in lex.wounds_of_the_dead:
            return True
        if not t.isalpha() or k in sc.harm:
            return False
    return False


def _split_events(sc: Scan, lex: ArabicLex) -> None:
    """Harm verbs whose object closes the phrase: "فقد شخصان حياتهما" is "شخصان" killed, the verb the cue; or whose
    victims follow the object: "أودى القصف بحياة 7 أشخاص", verb to object the cue.

    Written next to its object ("فقد حياته"), the pair is the cue and the object's pronoun counts the victims.
    """
    toks = sc.toks
    taken = {k for h in sc.harm.values() for k in range(h.first, h.last + 1)}
    for i, tok in enumerate(toks):
        if i in taken:
            continue
        for verbs, objects, gap, payload, after in lex.split_events:
            word, skip = tok.text, 0
            if word not in verbs and len(word) > 3 and word[0] in "وفب" and word[1:] in verbs:
                word, skip = word[1:], 1  # "وفقد", "بفقدان"; but "فقدان" is the word itself
            if word not in verbs:
                continue
            for j in range(i + 1, min(i + 1 + gap, len(toks))):
                obj = toks[j].text
                if obj in objects or (obj[:1] == "ل" and obj[1:] in objects):
                    # (the phrase ends at the object when the victims follow it: "أودى القصف بحياة 7 أشخاص")
                    last = j if j == i + 1 or after else i
                    sc.harm[i] = PhraseHit(i, last, skip, payload, last - i + 1)
                    taken.update(range(i, last + 1))
                    break
                if toks[j].text in (".", "،", ",", "؛", ":") or j in sc.harm:
                    break
            if i in sc.harm:
                break


_RANGE_MID = frozenset({"-", "–", "الي", "او"})


_Number = tuple[int, int, int | None, int | None, int | None, str]  # last token, skip, value, low, high, rule


def _digits(text: str) -> int | None:
    if "." in text:
        return None
    try:
        return int(text.replace(",", ""))
    except ValueError:
        return None


def _number(sc: Scan, i: int, lex: ArabicLex) -> _Number | None:
    """The number starting at token ``i``: (last token, skip, value, low, high, rule)."""
    toks = sc.toks
    tok = toks[i].text
    if tok[0].isdigit():
        v = _digits(tok)
        if v is None:
            return None
        last = i
        scale = lex.scales.get(toks[i + 1].text) if i + 1 < len(toks) else None
        if scale is not None and scale >= 1000 and toks[i + 1].start - toks[i].end <= 1:
            # "23 ألفاً و357": digits times their scale, and the digits joined to it by و
            v, last = v * scale, i + 1
            if last + 2 < len(toks) and toks[last + 1].text == "و" and toks[last + 2].text[:1].isdigit():
                rest = _digits(toks[last + 2].text)
                if rest is not None and rest < scale:
                    v, last = v + rest, last + 2
        return last, 0, v, v, v, f"{lex.tags['ar_numbers']}#digits"
    hit = lex.vague.at(toks, i)
    if hit is not None and (hit.skip == 0 or toks[i].text[0] in "وفب"):
        low, high, rule = cast("tuple[int | None, int | None, str]", hit.payload)
        return hit.last, hit.skip, None, low, high, rule
    total = current = 0
    j = i
    skip = 0
    seen = False
    while j < len(toks):
        forms = [(toks[j].text, 0)]
        if len(toks[j].text) > 2 and toks[j].text[0] == "و":
            forms.append((toks[j].text[1:], 1))
        got = None
        for form, k in forms:
            if form in lex.fixed:
                got = ("unit", lex.fixed[form][0], k)
            elif form in lex.units:
                got = ("unit", lex.units[form], k)
            elif form in lex.scales and (seen or j == i):
                got = ("scale", lex.scales[form], k)
            if got:
                break
        if got is None or (j > i and toks[j].start - toks[j - 1].end > 2):
            break
        if j == i:
            skip = got[2]
        elif got[2] == 0 and got[0] == "unit" and lex.units.get(forms[0][0], 0) < 10 and current % 10:
            break  # "ثلاثة خمسة": two numbers, not one
        elif got[2] == 1 and got[0] == "unit" and got[1] < 10 and current % 10:
            break  # "خمسة وسبعة", "ثلاثة وأربعة": two numbers (a compound adds tens to its units: "ثلاثة وعشرون")
        kind, val, _ = got
        if kind == "scale":
            if val == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * val
                current = 0
        else:
            current += val
        seen = True
        j += 1
    if not seen:
        return None
    value = total + current
    return j - 1, skip, value, value, value, f"{lex.tags['ar_numbers']}#words"


def _keep_article(word: str, skip: int) -> int:
    """Clitics to leave out of a span: the conjunction and preposition, not the article ("والقتلى" -> "القتلى")."""
    if skip >= 2 and word[skip - 2 : skip] == "ال":
        return skip - 2
    if skip >= 2 and word.startswith("لل") and word[skip - 2 : skip] == "لل":
        return skip - 1  # "للطفلة": the article's lam is the one left
    return skip


def _may_number(tok: str, lex: ArabicLex) -> bool:
    """Whether a word may open a number: a number word (perhaps after و/ب) or a vague count."""
    if tok in lex.units or tok in lex.scales or tok in lex.fixed or tok in lex.vague:
        return True
    rest = tok[1:] if len(tok) > 2 and tok[0] in "وب" else ""
    return bool(rest) and (rest in lex.units or rest in lex.fixed or rest in lex.vague or (
        len(rest) > 2 and rest[0] in "ب" and rest[1:] in lex.vague
    ))


def _victim(sc: Scan, i: int, lex: ArabicLex) -> tuple[PhraseHit, VictimWord] | None:
    if i >= len(sc.toks):
        return None
    hit = lex.victims.at(sc.toks, i)
    if hit is None:
        return None
    return hit, hit.payload  # type: ignore[return-value]




#: the pronouns written onto a word, longest first: possessives on a plural ("مقاتليها", "عناصره", "أبنائهم"), the
#: attack on a preposition ("إثره", "جراءها")
_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")


def _possessed_victims(sc: Scan, k: int, lex: ArabicLex) -> tuple[PhraseHit, VictimWord] | None:
    """A plural victim noun with a possessive pronoun on it, after "من" and a count: the owner's people, counted
    ("قوات سوريا الديمقراطية ... مقتل 3 من مقاتليها")."""
    t = sc.toks[k].text
    for suffix in _PRONOUN_SUFFIXES:
        if t.endswith(suffix) and len(t) - len(suffix) >= 3:
            hit = lex.victims.at(tokens(t[: -len(suffix)]), 0)
            if hit is not None and hit.skip == 0 and hit.last == 0 and hit.payload.number == "plural":  # type: ignore[attr-defined]
                return PhraseHit(k, k, 0, hit.payload, 1), hit.payload  # type: ignore[return-value]
    return None


def _adjectives(sc: Scan, g: _G, lex: ArabicLex) -> None:
    """ "أطفال مدنيين", "اثنين آخرين", "شخصاً على الأقل": words after the noun that belong to the group."""
    k = g.last + 1
    while k < len(sc.toks):
        v = _victim(sc, k, lex)
        if v is not None and v[0].skip == 0 and (
            v[1].number != "singular" or (v[1].category is None and v[1].status == "civilian")
        ):
            if v[1].status == "civilian" and g.status == "unspecified":
                g.status = "civilian"
            g.last = v[0].last
            k = g.last + 1
            continue
        q = sc.qual_start.get(k)
        if q is not None and q.skip == 0 and g.value is not None:
            qual, rule = cast("tuple[Qualifier, str]", q.payload)
            if qual is Qualifier.AT_LEAST:
                g.qualifier, g.rule = qual, rule
                g.low, g.high = _bounds(g.value, qual, g.low, g.high)
                g.last = q.last
                k = g.last + 1
                continue
        if sc.toks[k].text in ("واحد", "واحده", "اثنين", "اثنان", "اثنتين", "اثنتان") and g.num is None:
            if _and_ahad(sc, k):
                break  # "امرأة وأحد أبنائها": "and one of her sons" (و with أحد folds to واحد, "one")
            g.last = k
            k += 1
            continue
        if sc.toks[k].text == "من" and k + 1 < len(sc.toks) and sc.toks[k + 1].text in lex.family_words:
            # "4 أطفال من عائلة واحدة": the family they come from, not a second group of one
            g.last = k + 1
            if k + 2 < len(sc.toks) and sc.toks[k + 2].text in ("واحده", "واحد", "نفسها", "ذاتها"):
                g.last = k + 2
            k = g.last + 1
            continue
        break


def find_groups(sc: Scan, lex: ArabicLex) -> list[_G]:
    """Every victim group of the sentence: counted, dual, singular, and the category groups after openers."""
    toks = sc.toks
    out: list[_G] = []
    families: list[tuple[int, int, int]] = []  # (family noun, its clitics, the token its listed members start at)
    i = 0
    while i < len(toks):
        tok = toks[i].text
        if i in sc.harm and sc.harm[i].skip == 0 and not tok[0].isdigit():
            i += 1
            continue
        nr = _number(sc, i, lex) if (tok[0].isdigit() or _may_number(tok, lex)) else None
        if nr is not None:
            g = _counted(sc, i, nr, lex)
            if g is not None:
                out.append(g)
                i = g.last + 1
                continue
            i = nr[0] + 1
            continue
        v = _victim(sc, i, lex)
        if v is not None and v[1].number == "plural" and v[0].last + 1 < len(toks) and (
            toks[v[0].last + 1].text in ("اثنين", "اثنان", "اثنتين", "اثنتان")
        ):
            hit, word = v  # "مدنيين اثنين": the count after the noun
            g = _G(i, hit.last + 1, _keep_article(toks[i].text, hit.skip), 2, Qualifier.EXACT, 2, 2, word.rule, noun=i,
                   category=word.category,
                   status=word.status, num=(hit.last + 1, hit.last + 1))
            out.append(g)
            i = g.last + 1
            continue
        kin = _kin_with_count(toks, i, lex)
        if kin is not None:
            # "رجل وزوجته وأطفالهما الثلاثة": relatives named by a plural possessive, then their number
            out.append(_G(i, i + 1, 1 if toks[i].text[0] == "و" else 0, kin, Qualifier.EXACT, kin, kin, "kin_count",
                          noun=i, num=(i + 1, i + 1)))
            i += 2
            continue
        if v is not None and v[1].number == "singular" and v[1].category == "families":
            # "عائلة مكونة من 6 أشخاص", "أسرة من خمسة أفراد": the family's members, counted
            members = _family_members(sc, v[0].last + 1, lex)
            if members is not None:
                g = replace(members, first=i, skip=_keep_article(toks[i].text, v[0].skip))
                out.append(g)
                i = g.last + 1
                continue
            made_of = _make_up(toks, v[0].last + 1, lex)
            if made_of is not None:
                # "عائلة كاملة مؤلفة من أب وأم و3 أطفال": its members listed after, summed once they are read
                families.append((i, _keep_article(toks[i].text, v[0].skip), made_of))
                i = made_of
                continue
        if v is not None and v[1].number == "singular" and toks[i].text[v[0].skip :] in lex.companion_only and not (
            i + 1 < len(toks) and toks[i + 1].text[0] == "و" and (len(toks[i + 1].text) > 2 or i + 2 < len(toks))
        ):
            i += 1  # "لا يعرف ما إذا كان قد قتل أم تم اعتقاله": "or", not a mother
            continue
        if v is not None and v[1].number == "singular" and _nisba_after_noun(sc, i, v[0], lex):
            i += 1  # "فرق الدفاع المدني", "المجلس العسكري": the adjective of a body's name, no victim
            continue
        if v is not None and v[1].number in ("dual", "singular"):
            hit, word = v
            value = 2 if word.number == "dual" else 1
            g = _G(i, hit.last, _keep_article(toks[i].text, hit.skip), value, Qualifier.EXACT, value, value, word.rule,
                   noun=i,
                   category=word.category, status=word.status, singular=word.number == "singular")
            _adjectives(sc, g, lex)
            out.append(g)
            i = g.last + 1
            continue
        i += 1
    for first, skip, start in families:
        out = _sum_members(toks, out, first, skip, start)
    _mark_categories(sc, out, lex)
    return out


def _nisba_after_noun(sc: Scan, i: int, hit: PhraseHit, lex: ArabicLex) -> bool:
    """A definite nisba victim word ("المدني", "العسكري") right after a definite noun that is no victim or harm
    word: an adjective agreeing with it ("الدفاع المدني", "المجلس العسكري"), not a person."""
    if i == 0 or hit.first != hit.last:
        return False
    word = sc.toks[i].text
    if not ((word.startswith("ال") or word[1:3] == "ال") and word.endswith(("ي", "يه"))):
        return False
    prev = sc.toks[i - 1].text
    bare = prev[1:] if prev[:1] in ("و", "ب", "ل", "ف") and prev[1:3] == "ال" else prev
    return bare.startswith("ال") and (i - 1) not in sc.harm and _victim(sc, i - 1, lex) is None and not any(
        h.first <= i - 1 <= h.last for h in sc.harm.values()
    )


def _made_of(toks: Sequence[Token], j: int, lex: ArabicLex) -> tuple[int, bool] | None:
    """The token after "من" of a family's make-up at token ``j`` ("كاملة مكونة من ...", "من خمسة أفراد"), and whether a
    word of its make-up was told ("عائلة كاملة مكونة من 7": an adjective, then the verb); None without "من"."""
    told = False
    for _ in range(2):
        if j < len(toks) and toks[j].text in lex.family_size_words:
            j, told = j + 1, True
    return (j + 1, told) if j + 1 < len(toks) and toks[j].text == "من" else None


def _make_up(toks: Sequence[Token], j: int, lex: ArabicLex) -> int | None:
    """The token its members start at, when a family's make-up is told in words ("مؤلفة من أب وأم ...")."""
    got = _made_of(toks, j, lex)
    return got[0] if got is not None and got[1] else None


def _sum_members(toks: Sequence[Token], out: list[_G], first: int, skip: int, start: int) -> list[_G]:
    """The groups listed from token ``start`` on, joined by و, as one group of the family at token ``first``."""
    run: list[_G] = []
    expect = start
    for g in sorted(out, key=lambda x: x.first):
        if g.first < expect or g.value is None:
            continue
        if g.first == expect or (g.first == expect + 1 and toks[expect].text == "و"):
            run.append(g)
            expect = g.last + 1
            continue
        break
    if len(run) < 2 or not all(toks[g.first].text.startswith("و") or toks[g.first - 1].text == "و" for g in run[1:]):
        return out
    total = sum(g.value or 0 for g in run)
    family = _G(first, run[-1].last, skip, total, Qualifier.EXACT, total, total, "family_members", noun=first)
    return [g for g in out if all(g is not r for r in run)] + [family]


def _family_members(sc: Scan, j: int, lex: ArabicLex) -> _G | None:
    """The count of a family's members at token ``j`` ("مكونة من 6 أشخاص", "من خمسة أفراد"), or None."""
    toks = sc.toks
    made = _made_of(toks, j, lex)
    if made is None:
        return None
    k = made[0]
    nr = _number(sc, k, lex) if (toks[k].text[0].isdigit() or _may_number(toks[k].text, lex)) else None
    if nr is None or nr[2] is None:
        return None
    g = _counted(sc, k, nr, lex)
    return g if g is not None and g.value is not None and g.noun is not None else None


def _kin_with_count(toks: Sequence[Token], i: int, lex: ArabicLex) -> int | None:
    """The number of relatives named at token ``i`` as "أطفالهما الثلاثة" (their three children), else None."""
    if i + 1 >= len(toks):
        return None
    count = lex.kin_counts.get(toks[i + 1].text)
    if count is None:
        return None
    t = toks[i].text.removeprefix("و")
    for suf in _PRONOUN_SUFFIXES:  # on a plural of relatives (``kin_plurals``)
        if t.endswith(suf) and t[: -len(suf)].startswith(lex.kin_plurals) and len(t) - len(suf) <= 6:
            return count
    return None


def _counted(sc: Scan, i: int, nr: _Number, lex: ArabicLex) -> _G | None:
    """A count at token ``i`` and what it counts: people (a victim noun), the harmed (a harm noun next), or nothing."""
    toks = sc.toks
    last, skip, value, low, high, rule = nr
    prev = toks[i - 1].text if i > 0 else ""
    bracketed = False
    if value is not None and toks[i].text[0].isdigit():
        after = toks[last + 1].text if last + 1 < len(toks) else ""
        # "10:30", "2024/12/7": a time or a date; but after a header's colon and a space ("المرصد: 16 قتيلا") a count
        glued_before = prev in ("/", ":") and toks[i - 1].end == toks[i].start
        glued_after = after in ("/", ":") and toks[last].end == toks[last + 1].start
        if prev in lex.not_people_before or glued_before or glued_after:
            return None
        if last + 1 < len(toks) and lex.months.at(toks, last + 1) is not None:
            return None  # "7 تشرين الثاني": a day
        if prev == "(" and after == ")" and last + 2 < len(toks) and lex.harm.at(toks, last + 2) is not None:
            # "(10) شهداء": a count set in brackets before the harm word it counts
            last += 1
            bracketed = True
    first = i - 1 if bracketed else i
    qual = Qualifier.EXACT if value is not None else Qualifier.VAGUE
    maxv = None
    q = sc.qual_end.get(i - 1)
    if q is not None:
        qual0, qrule = cast("tuple[Qualifier, str]", q.payload)
        if qual0 is not Qualifier.UP_TO or toks[i].text[0].isdigit() or value is not None:
            first, skip = q.first, q.skip
            if value is not None:
                qual, rule = qual0, qrule
    # Ranges: "5-7", "بين 5 و7", "من 5 إلى 7".
    j = last + 1
    if value is not None and j < len(toks) and prev == "بين" and toks[j].text[:1] == "و" and len(toks[j].text) > 1:
        # "ما بين خمسة وسبعة": the second bound written onto its و
        nr2 = _number(sc, j, lex)
        if nr2 is not None and nr2[2] is not None and nr2[2] > value and nr2[1] == 1:
            maxv, low, high, qual = nr2[2], value, nr2[2], Qualifier.RANGE
            last = nr2[0]
            if q is None:
                first = i - 2 if i > 1 and toks[i - 2].text == "ما" else i - 1
    elif value is not None and j + 1 < len(toks) and (toks[j].text in _RANGE_MID or (
        toks[j].text == "و" and prev == "بين"
    )):
        nr2 = _number(sc, j + 1, lex)
        if nr2 is not None and nr2[2] is not None and nr2[2] > value and nr2[1] == 0:
            maxv, low, high, qual = nr2[2], value, nr2[2], Qualifier.RANGE
            last = nr2[0]
            if prev in ("بين", "من") and q is None:
                first = i - 1  # "بين 10 و15", "من 10 إلى 15": the range opens with its preposition
                if prev == "بين" and i > 1 and toks[i - 2].text == "ما":
                    first = i - 2  # "ما بين 10 و15"
    if qual is not Qualifier.RANGE:
        low, high = _bounds(value, qual, low, high)
    k = last + 1
    partitive = k < len(toks) and toks[k].text == "من" and k + 1 < len(toks)
    if partitive:
        k += 1  # "ثلاثة من المدنيين", "العشرات من الجرحى"
    v = _victim(sc, k, lex) if k < len(toks) else None
    if v is None and partitive:
        v = _possessed_victims(sc, k, lex)  # "3 من مقاتليها", "خمسة من عناصره": of its fighters, its members
    if v is not None and v[0].skip in (0, 2) and (v[0].skip == 0 or toks[k].text.startswith("ال")):
        hit, word = v
        g = _G(first, hit.last, skip, value, qual, low, high, rule, maxv, noun=k, category=word.category,
               status=word.status, num=(i, last))
        _adjectives(sc, g, lex)
        return g
    if value is not None and 1900 <= value <= 2100:
        return None  # a year
    if k < len(toks) and lex.not_people.at(toks, k) is not None:
        return None
    # A bare count ("ثلاثة" before "شهداء", "12" after "إلى") counts people only where a harm word takes it.
    return _G(first, last, skip, value, qual, low, high, rule, maxv, num=(i, last))


def _mark_categories(sc: Scan, groups: list[_G], lex: ArabicLex) -> None:
    """Groups after "بينهم", "جلّهم" (and those joined to them by و) are categories of the figure before."""
    by_first = {g.first: g for g in groups}
    for hit in lex.including.find(sc.toks):
        opener = sc.toks[hit.first].text
        k = hit.last + 1
        if k < len(sc.toks) and sc.toks[k].text == "من":
            k += 1
        while k < len(sc.toks):
            g = by_first.get(k)
            joined = False
            if g is None and sc.toks[k].text == "و" and k + 1 < len(sc.toks):
                g = by_first.get(k + 1)
                joined = True
            if g is None or (joined and any(t in sc.harm for t in range(g.first, g.last + 2))):
                # "5 قتلى بينهم طفلان و20 مصاباً": a count of another harm after the breakdown ends it
                break
            g.is_category = True
            g.opener = opener
            k = g.last + 1


def bare_categories(sc: Scan, lex: ArabicLex) -> list[tuple[int, int, int, str, Qualifier, str, str, str]]:
    """Category nouns named without a count after an opener: "جلّهم من الأطفال والنساء", "بينهم أطفال".

    Returns (first token, last token, clitic characters to skip, category, qualifier, opener, rule, status).
    """
    out = []
    for hit in lex.including.find(sc.toks):
        qual: Qualifier = hit.payload  # type: ignore[assignment]
        opener = sc.toks[hit.first].text
        k = hit.last + 1
        if k < len(sc.toks) and sc.toks[k].text == "من":
            k += 1
        while k < len(sc.toks):
            if sc.toks[k].text == "و":
                k += 1
                continue
            v = _victim(sc, k, lex)
            if v is None or v[1].number != "plural":
                break
            cat = v[1].category or ("civilians" if v[1].status == "civilian" else None)
            if cat:
                skip = 1 if v[0].skip and sc.toks[k].text[0] in "وف" else 0
                out.append((k, v[0].last, skip, cat, qual, opener, v[1].rule, v[1].status))
            k = v[0].last + 1
    return out


# ------------------------------------------------------------------------------------------------ harm words


_COMMAS = frozenset({"،", ","})
_PASSIVE_GLUE = frozenset({"قد", "ايضا", "كذلك", "جميعا", "جميعهم", "كلهم"})
# "قتل فيها شخص" (a person was killed in it): a pronoun's preposition back to the strike before the victims
_AFTER_GLUE = frozenset({"كل", "كلا", ":", "،", ",", "فيها", "فيه", "بها", "خلالها", "خلاله"})


def _negated(sc: Scan, first: int, lex: ArabicLex) -> bool:
    """A negation before the harm word in the same clause: "دون ورود معلومات عن إصابات", "لم تسجل إصابات".

    A verbal particle (لم، لا) negates only the next two words; "دون", "عدم" govern a longer phrase.
    """
    for k in range(first - 1, max(-1, first - 6), -1):
        t = sc.toks[k].text
        if t in ("،", ",", ".", ":", "؛", ";", "|", "-"):
            return False
        if t in _WITHOUT and first - k > 1:
            continue  # "أطباء بلا حدود" (Doctors Without Borders): "without" takes the one noun after it
        for form, _ in variants(t, article=False):
            if form in lex.negations and (form not in lex.short_negations or first - k <= 2):
                return True
    return False


#: "without" as a preposition (ب with لا): it negates the noun right after it, no verb further on
_WITHOUT = frozenset({"بلا", "وبلا"})


def _group_after(sc: Scan, k: int, free: dict[int, _G]) -> _G | None:
    while k < len(sc.toks) and sc.toks[k].text in _AFTER_GLUE and k not in free:
        k += 1
        if sc.toks[k - 1].text in ("كل", "كلا") and k < len(sc.toks) and sc.toks[k].text == "من":
            k += 1
    return free.get(k)


def _count_after_phrase(sc: Scan, k: int, free: dict[int, _G], lex: ArabicLex) -> _G | None:
    """A counted group after a short phrase between the verb and its victims: "وقتل خلال الغارة شخصان",
    "راح ضحية المجزرة خمسة مدنيين". Only a figure (a count, a dual) is taken that far from its verb."""
    toks = sc.toks
    j = k
    if j + 1 < len(toks) and toks[j].text in ("على", "علي"):
        j += 1  # "قتل على إثره ثمانية مدنيين"
    t = toks[j].text if j < len(toks) else ""
    if any(t.endswith(p) and t[: -len(p)] in lex.phrase_preps for p in _PRONOUN_SUFFIXES):
        # "قتل إثره ثمانية مدنيين", "قتل جراءه طفلان": the preposition carries the attack as a pronoun, the
        # victims follow it at once
        g = free.get(j + 1)
        return g if g is not None and g.value is not None else None
    j = k
    if j < len(toks) and toks[j].text in lex.phrase_preps:
        j += 1
    if j < len(toks) and toks[j].text in lex.toll_between:
        # "راح ضحيتها في حصيلة أولية 12": a count after "in a first toll" is of the victims, noun or none
        j += 1
        while j < len(toks) and j not in free and toks[j].text in lex.toll_kinds:
            j += 1
        g = free.get(j)
        return g if g is not None and g.num is not None else None
    if j < len(toks) and toks[j].text in lex.demonstratives:
        j += 1  # "راح ضحية هذه الهجمات 51 شخصاً"
    if j >= len(toks) or not toks[j].text.startswith("ال") or len(toks[j].text) < 4 or j in free:
        return None
    j += 1
    for _ in range(2):  # adjectives: "خلال الغارة الجوية الروسية"
        if j < len(toks) and j not in free and toks[j].text.startswith("ال") and len(toks[j].text) >= 4:
            j += 1
    g = free.get(j)
    return g if g is not None and g.value is not None and g.noun is not None else None


def _count_after_time(sc: Scan, k: int, free: dict[int, _G], lex: ArabicLex) -> _G | None:
    """A count after the time told between the verb and its victims: "وقتل أمس الأربعاء 9 مدنيين", "استشهد صباح اليوم
    3 أطفال". Only a count with its noun is taken past it (a bare one there is the day's: "توفي اليوم الأحد 1
    كانون")."""
    j = k
    while j < len(sc.toks) and j - k < 3 and j not in free and sc.toks[j].text in lex.time_words:
        j += 1
    g = free.get(j) if j > k else None
    return g if g is not None and g.num is not None and g.noun is not None else None


def _after_name(sc: Scan, k: int, by_first: dict[int, _G], lex: ArabicLex) -> int:
    """Past the name of a person just counted ("الطفلة روعة نصر الزين وامرأة ..."): up to four plain words."""
    j = k
    while j < len(sc.toks) and j - k < 4:
        t = sc.toks[j].text
        if j in by_first or t in lex.companions or j in sc.harm or not t.isalpha() or t in lex.name_stops or (
            lex.attack.at(sc.toks, j) is not None
        ) or _kin_at(sc, j, lex) is not None:
            break
        j += 1
    return j if (j in by_first or (j < len(sc.toks) and sc.toks[j].text in lex.companions)
                 or _kin_at(sc, j, lex) is not None) else k


def _kin_at(sc: Scan, k: int, lex: ArabicLex) -> _G | None:
    """One relative at token ``k``: و and a kin word with its pronoun ("وأمه", "و بنته": ``kin_after_name``); or two
    named by a dual ("وطفلاهما": ``kin_duals``)."""
    toks = sc.toks
    if k >= len(toks):
        return None
    t = toks[k].text
    if t == "و" and k + 1 < len(toks) and toks[k + 1].text in lex.kin_after_name:
        return _G(k + 1, k + 1, 0, 1, Qualifier.EXACT, 1, 1, "kin_after_name", noun=k + 1, singular=True)
    if len(t) > 2 and t[0] == "و" and t[1:] in lex.kin_after_name:
        return _G(k, k, 1, 1, Qualifier.EXACT, 1, 1, "kin_after_name", noun=k, singular=True)
    if len(t) > 2 and t[0] == "و" and t[1:] in lex.kin_duals:
        return _G(k, k, 1, 2, Qualifier.EXACT, 2, 2, "kin_duals", noun=k)  # "وطفلاهما": their two children
    return None


def _kin_after_named(sc: Scan, k: int, lex: ArabicLex) -> list[_G]:
    """The relatives named after a person whose name starts at token ``k``: "يوسف جمال الحسن وبنته ريماس وزوجته"."""
    out: list[_G] = []
    j = _after_name(sc, k, {}, lex)
    while (kin := _kin_at(sc, j, lex)) is not None and len(out) < 5:
        out.append(kin)
        j = _after_name(sc, kin.last + 1, {}, lex)
    return out


def _coordinated(sc: Scan, g: _G, groups: list[_G], lex: ArabicLex) -> list[_G]:
    """Groups joined to ``g`` by و (or مع, برفقة: companions) with nothing else between: "طفلتين ورجل", "3 أطفال
    و4 نساء", "امرأة مع ابنها"."""
    out = [g]
    by_first = {x.first: x for x in groups if not x.used and not x.is_category}
    cur = g
    while True:
        k = _after_name(sc, cur.last + 1, by_first, lex) if cur.singular else cur.last + 1
        nxt = None
        if k < len(sc.toks) and sc.toks[k].text in lex.companions:
            nxt = by_first.get(k + 1)  # "طفلتين ورجل", "امرأة مع ابنها", "الشاب ... برفقة شقيقه"
        elif k in by_first and by_first[k].skip >= 1 and sc.toks[k].text[0] == "و":
            nxt = by_first[k]
        elif k in by_first and cur.noun is not None and _and_one_of(sc, k, lex):
            nxt = by_first[k]  # "امرأة وأحد أبنائها": and one of her sons
            out.append(nxt)
            cur = nxt
            break
        elif cur.singular and (kin := _kin_at(sc, k, lex)) is not None:
            nxt = kin  # "الشاب محمد العلي وأمه", "الشهيد يوسف الحسن وبنته ريماس": a relative named by a kin word
        elif cur.noun is not None and k < len(sc.toks) and sc.toks[k].text == "من":
            nxt = _after_whose(sc, k + 1, by_first)  # "ثلاثة عناصر من قوات النظام ومدنيان"
        if nxt is None or nxt in out or (nxt.noun is None and nxt.value is None):
            break
        if nxt.noun is None or cur.noun is None:
            break  # a bare count joins only a bare count's cue
        out.append(nxt)
        cur = nxt
    return out


def _after_whose(sc: Scan, k: int, by_first: dict[int, _G]) -> _G | None:
    """The group joined by و right after the few words that say whose a counted group is ("ثلاثة عناصر من قوات النظام
    ومدنيان": the soldiers' force, then two civilians); none when a number, a harm word or punctuation comes first
    (the force's name may be set in quotes: "9 عناصر من "جبهة النصرة" وطفلان")."""
    quotes = 0
    for j in range(k, len(sc.toks)):
        t = sc.toks[j].text
        if t in _QUOTE_MARKS:
            quotes += 1
            continue
        if j - quotes >= k + 4:
            break
        if j > k and j in by_first and t[0] == "و" and by_first[j].skip >= 1:
            return by_first[j]
        if j in by_first or j in sc.harm or not t[0].isalpha():
            return None
    return None


#: "بإذن الله" (God willing) between "the martyr" and his name, folded
_BLESSING = ("باذن", "الله")


def _past_blessing(sc: Scan, k: int) -> int:
    """Token ``k``, or the one after "بإذن الله" when the words there are that blessing ("الشهيد بإذن الله يوسف")."""
    toks = sc.toks
    if k + 1 < len(toks) and (toks[k].text, toks[k + 1].text) == _BLESSING:
        return k + 2
    return k


def _and_ahad(sc: Scan, k: int) -> bool:
    """Whether token ``k`` is written و with أحد/إحدى ("and one of"), which folds onto واحد ("one")."""
    s, _ = sc.span(k, k)
    return sc.folded.source[s : s + 2] in ("وأ", "وإ")


def _and_one_of(sc: Scan, k: int, lex: ArabicLex) -> bool:
    """Whether token ``k`` is و with أحد/إحدى before a plural of kin ("وأحد أبنائها": and one of her sons)."""
    if sc.toks[k].text not in ("واحد", "واحدي", "واحدى") or k + 1 >= len(sc.toks):
        return False
    return _and_ahad(sc, k) and sc.toks[k + 1].text.startswith(lex.kin_plurals)


def _named_one(sc: Scan, k: int, lex: ArabicLex) -> tuple[int, int] | None:
    """The tokens of one person named at token ``k`` (a given name the lexicon knows, or any words in quotes:
    "استشهاد "قمر بلال حافظ""), or None."""
    toks = sc.toks
    if k < len(toks) and toks[k].text in _QUOTE_MARKS:
        end = next((j for j in range(k + 1, min(k + 7, len(toks))) if toks[j].text in _QUOTE_MARKS), None)
        if end is not None and end > k + 1 and all(toks[j].text.isalpha() for j in range(k + 1, end)):
            return k, end
        return None
    if not _person_name(sc, k, lex):
        return _name_then_who(sc, k, lex)
    return k, k


#: "وهو"/"وهي" after a comma: who the words before it name ("رحيم بويف، وهو مسؤول في داعش")
_WHO_IS = frozenset({"وهو", "وهي"})


def _name_then_who(sc: Scan, k: int, lex: ArabicLex) -> tuple[int, int] | None:
    """Two to four plain words at token ``k``, then a comma and "وهو"/"وهي" ("he is"): a person the text goes on to
    describe ("مقتل رحيم بويف، وهو مسؤول في داعش"), one victim, whatever their given name."""
    toks = sc.toks
    j = k
    while j < len(toks) and j - k < 4 and toks[j].text.isalpha() and j not in sc.harm and not (
        toks[j].text in lex.name_stops or toks[j].text in _WHO_IS or lex.attack.at(toks, j) is not None
    ):
        j += 1
    if j - k < 2 or j + 1 >= len(toks) or toks[j].text not in ("،", ",") or toks[j + 1].text not in _WHO_IS:
        return None
    return k, j - 1


def _named_before(sc: Scan, k: int, by_last: dict[int, _G], lex: ArabicLex) -> _G | None:
    """A singular victim noun whose person's name (up to four words) ends at token ``k``, before the harm words:
    "الطفل عمر ياسر في ذمة الله", "الشاب أحمد العلي يفارق الحياة"."""
    j = k
    if j >= 1 and sc.toks[j].text in _AGE_WORDS and sc.toks[j - 1].text[:1].isdigit():
        j -= 2  # the age after the name: "الطفل عمر ياسر 12 سنة في ذمة الله"
    end = j
    while j >= 0 and end - j < 4:
        t = sc.toks[j].text
        if j in by_last:
            g = by_last[j]
            return g if j < end and g.singular and g.noun is not None and not g.used else None
        if not t.isalpha() or j in sc.harm or t in lex.name_stops:
            return None
        j -= 1
    return None


def _introduced_before(sc: Scan, k: int, lex: ArabicLex) -> bool:
    """A person's name (up to four words, quoted or not) ending at token ``k`` right after a word that introduces one
    (``name_introducers``: "المدعو", "يدعى"), before the harm verb: "المدعو خالد العلي قتل برصاص ..." is one killed."""
    j = k
    words = 0
    while j >= 0 and words <= 4:
        t = sc.toks[j].text
        if t in _QUOTE_MARKS:
            j -= 1
            continue
        if t in lex.name_introducers:
            return words > 0
        if not t.isalpha() or j in sc.harm or t in lex.name_stops:
            return False
        words += 1
        j -= 1
    return False


#: a person's age after their name (folded): "12 سنة", "27 عاما"
_AGE_WORDS = frozenset({"سنه", "سنوات", "عام", "عاما", "اعوام", "عمر"})


def _companions_after(
    sc: Scan, named: tuple[int, int], free: dict[int, _G], lex: ArabicLex
) -> _G | None:
    """The counted group brought by a companion word after a named person and up to four words of their name or
    title, tags not counted ("خالد العمر قائد الشرطة برفقة 3 أشخاص", ""سعد بري" قائد شرطة #سرمدا شمال #إدلب برفقة 3
    أشخاص")."""
    j = named[1] + 1
    words = 0
    while j < len(sc.toks) and words < 7:
        t = sc.toks[j].text
        if t in lex.companions:
            g = free.get(j + 1)
            return g if g is not None and g.value is not None and g.noun is not None else None
        if t == "#":
            j += 1
            continue
        if j in sc.harm or not t.isalpha() or t in lex.name_stops or lex.attack.at(sc.toks, j) is not None:
            return None
        words += 1
        j += 1
    return None


def _person_name(sc: Scan, k: int, lex: ArabicLex) -> bool:
    """A given name (or "المدعو", "يدعى": ``name_introducers``) at token ``k``: one named victim."""
    if k >= len(sc.toks):
        return False
    t = sc.toks[k].text
    return t in lex.name_introducers or any(f in lex.person_names for f, _ in variants(t, article=False)[:1])


#: what ends a list of named people besides the words of ``list_ends`` (victims file)
_LIST_END = frozenset({".", "؛", ";", "|"})


def _named_list(sc: Scan, k: int, lex: ArabicLex) -> _G | None:
    """ "مقتل كل من "صابر ..." و"سامي ..."": the people named one by one, counted."""
    toks = sc.toks
    if k + 1 >= len(toks) or toks[k].text not in ("كل", "كلا") or toks[k + 1].text != "من":
        return None
    first = k + 2
    j = first
    n = 1
    last = None
    quoted = False
    while j < len(toks) and j - first < 40:
        t = toks[j].text
        if t in ('"', "“", "”", "«", "»"):
            quoted = not quoted
            last = j
            j += 1
            continue
        if not quoted and (t in _LIST_END or t in lex.list_ends or t[0].isdigit()):
            break
        joined = t[0] == "و" and len(t) > 2 and (
            toks[j - 1].text in ('"', "”", "»", "،") or t[1:] in lex.kin_after_name or t[1:] in lex.person_names
        )
        if not quoted and last is not None and (t in ("و", "،", ",") or joined):
            n += 1
        last = j
        j += 1
    if last is None or n > 10:
        return None
    return _G(first, last, 0, n, Qualifier.EXACT, n, n, "named_list")


#: how many words a toll's phrase may run before its count
_TOLL_REACH = 16


def _toll_count_after(sc: Scan, hit: PhraseHit, free_after: dict[int, _G], lex: ArabicLex) -> _G | None:
    """ "ارتفع عدد الشهداء [جراء الغارات الروسية على بلدة البارة بجبل الزاوية] إلى سبعة": a toll's count after the
    phrase that says what it is the toll of, brought by إلى (``toll_heads``, ``toll_far_links`` of the harm file);
    none across a sentence's end or another count."""
    toks = sc.toks
    if hit.first == 0 or toks[hit.first - 1].text not in lex.toll_heads:
        return None
    for k in range(hit.last + 1, min(hit.last + 1 + _TOLL_REACH, len(toks) - 1)):
        t = toks[k].text
        if t in (".", "!", "?", "؟", ":", "؛") or t[:1].isdigit() or k in sc.harm:
            return None
        if t in lex.toll_far_links:
            g = free_after.get(k + 1)
            if g is None or g.num is None or any(j in sc.harm for j in range(g.first, g.last + 2)):
                return None  # "... إلى 7 قتلى و70 جريحاً": a count with its own harm word is that word's
            return g
    return None


#: the people or rites of someone dead, before the noun for the dead ("لولدي القتيل", "أسرة الشهيد", "تشييع الضحية"),
#: folded: the noun names one already counted, it tells no harm
_DEAD_REFERENCE_HEADS = frozenset({
    "ولدي", "لولدي", "ابناء", "لابناء", "اسره", "لاسره", "عائله", "لعائله", "ذوي", "لذوي", "اهل", "لاهل", "اقارب",
    "لاقارب", "جثمان", "تشييع", "عزاء", "والد", "والده", "زوجه", "ارمله", "شقيق", "نجل", "لنجل", "نجلي", "لنجلي",
})


def _refers_to_the_dead(sc: Scan, hit: PhraseHit, lex: ArabicLex) -> bool:
    """A definite noun for the dead after their kin, family or funeral: "أبناء القتيل", "تشييع الشهيد"."""
    toks = sc.toks
    if hit.first == 0 or hit.first != hit.last:
        return False
    word = toks[hit.first].text
    definite = word[: hit.skip].endswith(("ال", "لل")) or word[hit.skip :].startswith("ال")
    if not definite or toks[hit.first - 1].text not in _DEAD_REFERENCE_HEADS:
        return False
    # ("عائلة الشهيد محمود الهليل": the one named is the evidence of a death, counted)
    at = _past_blessing(sc, hit.last + 1)
    return not (_person_name(sc, at, lex) or (at < len(toks) and toks[at].text in _NAME_OPENERS))


def _toll_count_before(sc: Scan, hit: PhraseHit, by_last: dict[int, _G], lex: ArabicLex) -> _G | None:
    """ "ارتفع إلى 9 عدد الشهداء المدنيين": the toll's count told first, brought by إلى, right before the toll's
    word (``toll_heads``) and its victims."""
    toks = sc.toks
    if hit.first < 3 or toks[hit.first - 1].text not in lex.toll_heads:
        return None
    g = by_last.get(hit.first - 2)
    if g is None or g.used or g.num is None or g.noun is not None or g.first == 0:
        return None
    return g if toks[g.first - 1].text in lex.toll_far_links else None


def _names_listed(sc: Scan, hit: PhraseHit, lex: ArabicLex) -> _G | None:
    """ "أسماء شهداء القصف على مخيم جباليا: محمد أحمد سالم، وأحمد محمد سالم، والطفل يوسف": the dead a post names
    after a colon, one by one, counted (the harm noun after "أسماء", names of)."""
    toks = sc.toks
    if hit.first == 0 or toks[hit.first - 1].text not in ("اسماء", "باسماء", "واسماء"):
        return None
    colon = next((j for j in range(hit.last + 1, min(hit.last + 10, len(toks))) if toks[j].text in (":", "：")), None)
    if colon is None or colon + 1 >= len(toks):
        return None
    n, words, last = 1, 0, None
    for j in range(colon + 1, min(colon + 120, len(toks))):
        t = toks[j].text
        if t in _LIST_END or (t in lex.list_ends and t != "علي") or t[0].isdigit():
            break  # (folded, "على" is also the name Ali: inside a list of names it is a name)
        if t in ("،", ",") or (t[0] == "و" and len(t) > 2 and words >= 2):
            if words:
                n += 1
            words = 0 if t in ("،", ",") else 1
        elif t.isalpha():
            words += 1
        if words > 6:
            return None  # not a list of names: a sentence
        last = j
    if last is None or n < 2 or n > 40:
        return None
    return _G(colon + 1, last, 0, n, Qualifier.EXACT, n, n, "names_listed")


def _titled_people(sc: Scan, k: int, lex: ArabicLex, *, named_only: bool = True) -> _G | None:
    """ "أعدمت قسد السيدة "فطيم" وابنها الشاب "جاسم"": people named with a definite singular noun after a strike's
    subject, each one counted (a kin word or another such noun after و adds one). ``named_only``: a given name the
    lexicon knows (or a quote) must follow the noun; right after a force that is the verb's subject, any word may
    ("أعدمت ميليشيا قسد السيدة فطيم البتال")."""
    toks = sc.toks
    v = _victim(sc, k, lex)
    if v is None or v[1].number != "singular" or not toks[k].text.startswith("ال"):
        return None
    nxt = v[0].last + 1
    if not (nxt < len(toks) and (toks[nxt].text in _QUOTE_MARKS or _person_name(sc, nxt, lex) or (
        not named_only and toks[nxt].text.isalpha() and not toks[nxt].text.startswith("ال")
    ))):
        return None
    n, j, last = 1, nxt, nxt
    while j < len(toks) and j - k < 30:
        t = toks[j].text
        if t in _LIST_END or t in lex.list_ends or t[0].isdigit():
            break
        joined = t[0] == "و" and len(t) > 2
        word, at = (t[1:], j) if joined else ((toks[j + 1].text, j + 1) if t == "و" and j + 1 < len(toks) else ("", j))
        if word and (word in lex.kin_after_name or (
            word.startswith("ال") and (w := _victim(sc, at, lex)) is not None and w[1].number == "singular"
        )):
            n += 1
        last = j
        j += 1
    if n > 6:
        return None
    return _G(k, last, 0, n, Qualifier.EXACT, n, n, "titled_people")


_QUOTE_MARKS = frozenset({'"', "“", "”", "«", "»"})
#: what may open a name in a death notice besides a given name: quotes and brackets ("الشهيد ((محمود الهليل))")
_NAME_OPENERS = frozenset({*_QUOTE_MARKS, "(", "["})


def _agent_end(sc: Scan, k: int, lex: ArabicLex) -> int | None:
    """The last token of a force named at token ``k`` (the subject after a verb: "قوات التحالف الدولي", "ميليشيا قسد",
    "الطيران الروسي"), with the adjectives and names that complete it; None when no force starts there."""
    toks = sc.toks
    k = _past_tag(toks, k)
    if k >= len(toks):
        return None
    hit = lex.actor_names.at(toks, k) or lex.military_nouns.at(toks, k)
    if hit is None or hit.skip:
        return None
    last = hit.last
    for _ in range(5):
        j = _past_tag(toks, last + 1)
        if j >= len(toks):
            break
        more = lex.actor_names.at(toks, j) or lex.adjectives.at(toks, j)
        if more is not None and (not more.skip or (more.skip == 1 and toks[j].text[0] == "و")):
            last = more.last  # "مدفعية النظام وروسيا", "قوات النظام والميليشيات الإيرانية": a second force joined by و
        elif toks[j].text in lex.noun_modifiers:
            last = j
        elif toks[j].text in lex.backing_links and (backer := _backer_end(sc, j + 1, lex)) is not None:
            last = backer  # "قسد المدعومة أمريكيا", "طائرة مسيرة تابعة للتحالف الدولي": the backer is part of it
        else:
            break
    return last


def _backer_end(sc: Scan, k: int, lex: ArabicLex) -> int | None:
    """The last token of the backer named at token ``k`` after a backing word: a force ("من التحالف الدولي",
    "للتحالف", "لإيران") or a country's adverb ("أمريكيا", "تركيا"); None when none stands there."""
    toks = sc.toks
    if k < len(toks) and toks[k].text == "من":
        k += 1
    if k >= len(toks):
        return None
    hit = lex.actor_names.at(toks, k)
    if hit is not None:
        return hit.last
    t = toks[k].text
    return k if t.isalpha() and len(t) > 4 and t.endswith("يا") and k not in sc.harm else None



def _past_tag(toks: Sequence[Token], k: int) -> int:
    """Token ``k``, or the word after it when ``k`` is a hashtag's "#" written onto that word: a post tags the force
    it names ("أعدمت ميليشيا #قسد")."""
    if k + 1 < len(toks) and toks[k].text == "#" and toks[k + 1].start == toks[k].end:
        return k + 1
    return k


def _event_before(sc: Scan, k: int) -> bool:
    """Whether an event harm word ends right before token ``k`` (its victims start there)."""
    return any(h.last == k - 1 and any(w.form == "event" for w in h.payload)  # type: ignore[attr-defined]
               for h in sc.harm.values())


def find_harms(sc: Scan, lex: ArabicLex) -> list[Harm]:
    """Join each harm word of the sentence to its victims; offsets are into the sentence as published."""
    groups = find_groups(sc, lex)
    mains = [g for g in groups if not g.is_category]
    by_first = {g.first: g for g in mains}
    by_last = {g.last: g for g in mains}
    # A breakdown ("بينهم طفل وسيدة") by its last token -> the token its opener starts at; and the figure it breaks
    # down (the main group that ends right before the opener), by that token.
    cat_last: dict[int, int] = {}
    before_including: dict[int, _G] = {}
    for inc in lex.including.find(sc.toks):
        cats = [cg for cg in groups if cg.is_category and inc.last < cg.first <= inc.last + 2]
        main = by_last.get(inc.first - 1)
        if main is None and inc.first >= 2 and sc.toks[inc.first - 1].text in _COMMAS:
            main = by_last.get(inc.first - 2)  # "5 مدنيين، بينهم امرأة، أصيبوا": the breakdown set off by commas
        if not cats or main is None:
            continue
        end = max(cg.last for cg in cats)
        for cg in groups:  # the categories joined by و after the first one
            if cg.is_category and end < cg.first <= end + 2:
                end = cg.last
        if end + 1 < len(sc.toks) and sc.toks[end + 1].text in _COMMAS:
            end += 1  # (its closing comma)
        cat_last[end] = inc.first
        before_including[inc.first] = main
    harms: list[Harm] = []
    own_noun: dict[int, str] = {}  # a toll's count (its first token) -> the harm its own noun names
    one_person_ends: list[int] = []  # the last tokens of the person nouns that counted one person named after them
    for start in sorted(sc.harm):
        hit = sc.harm[start]
        words: tuple[HarmWord, ...] = hit.payload  # type: ignore[assignment]
        events = [w for w in words if w.form == "event"]
        persons = [w for w in words if w.form == "person"]
        if persons and not events and _refers_to_the_dead(sc, hit, lex):
            continue  # "زيارة ... لولدي القتيل أمس": the dead man's sons were visited; no harm told, nor dated
        neg = _negated(sc, hit.first, lex)
        picked: tuple[HarmWord, list[_G], str] | None = None
        one = False
        free_after = {k: g for k, g in by_first.items() if not g.used}
        if events:
            after = hit.last + 1
            if (after < len(sc.toks) and sc.toks[after].text in _QUOTE_MARKS and hit.first >= 1
                    and sc.toks[hit.first - 1].text in _QUOTE_MARKS):
                after += 1  # a verb set in quotes, a force's own word ('إن قواتها "حيدت" 15 إرهابياً')
            g = _group_after(sc, after, free_after)
            if g is None:
                g = _count_after_phrase(sc, after, free_after, lex)
            if g is None:
                g = _count_after_time(sc, after, free_after, lex)
            named_list = None
            name_at = hit.last + 1  # where one named victim would start: right after the verb, or after its subject
            for k in range(hit.last + 1, min(hit.last + 4, len(sc.toks))) if g is None else ():
                named_list = _named_list(sc, k, lex)  # "أعدمت الدورية كل من ...": after the subject
                if named_list is None and k > hit.last + 1 and not hit.skip:
                    named_list = _titled_people(sc, k, lex)  # "أعدمت قسد السيدة "فطيم" وابنها الشاب ..."
                if named_list is not None:
                    break
            if g is None and named_list is None and (agent := _agent_end(sc, hit.last + 1, lex)) is not None:
                # "قتلت قوات التحالف الدولي شابا", "أعدمت ميليشيا قسد السيدة فطيم وابنها": the victims after the
                # subject that follows the verb
                # (people named with a title first: "السيدة فطيم وابنها" is two, not the one "السيدة")
                k2 = name_at = agent + 1
                named_list = _named_list(sc, k2, lex) or _titled_people(sc, k2, lex, named_only=False)
                g = None if named_list is not None else _group_after(sc, k2, free_after)
                if g is not None and g.noun is None:
                    g = None
            if g is not None and (g.noun is not None or g.value is not None or (g.low or 0) >= 10):
                # (a count of tens or more counts people with no noun: "وأصيب العشرات", dozens were wounded)
                picked = (events[0], _coordinated(sc, g, mains, lex), "event")
            elif named_list is not None:
                named_list.rule = f"{events[0].rule}_named_list"
                picked = (events[0], [named_list], "event")
            elif (one_named := _named_one(sc, name_at, lex)) is not None:
                # "ارتقاء خالد العمر", "استشهاد "قمر حافظ"", "قتلت مدفعية النظام فاطمة": one person named (after the
                # verb's subject, if it has one); with the people named as with them ("... برفقة 3 أشخاص") they are
                # counted together
                with_them = _companions_after(sc, one_named, free_after, lex)
                if with_them is None:
                    picked, one = (events[0], [], "event"), True
                else:
                    first, last = one_named
                    person = _G(first, last, 0, 1, Qualifier.EXACT, 1, 1, f"{events[0].rule}_named_one")
                    picked = (events[0], [person, *_coordinated(sc, with_them, mains, lex)], "event")
            elif _dual_pronoun(sc, hit):
                picked = (events[0], [_G(hit.first, hit.last, hit.skip, 2, Qualifier.EXACT, 2, 2, events[0].rule)],
                          "event")
        if picked is None and persons:
            w = persons[0]
            g = by_last.get(hit.first - 1)
            if g is None and hit.first >= 2 and sc.toks[hit.first - 1].text == "من":
                g = by_last.get(hit.first - 2)
            if g is not None and not g.used:
                picked = (w, [g], "person")
            elif g is not None and g.num is not None and g.first > hit.first - 3 and _event_before(sc, g.first):
                continue  # "ارتقاء 13 شهيدا": the count's own noun, counted with the event before it
            elif g is not None and g.used and g.num is not None and g.last == hit.first - 1:
                # "ارتفع عدد الضحايا إلى 30 قتيلاً": the count's own noun, the count a toll's before it; the noun says
                # which harm the toll counts
                own_noun[g.first] = w.category
                continue
            elif w.number == "plural":
                link = lex.toll_links.at(sc.toks, hit.last + 1) if hit.last + 1 < len(sc.toks) else None
                if link is not None:
                    g2 = free_after.get(link.last + 1)
                    if g2 is not None and g2.num is not None:
                        picked = (w, [g2], "person")
                elif (g2 := _toll_count_after(sc, hit, free_after, lex)) is not None:
                    picked = (w, [g2], "person")  # "ارتفع عدد الشهداء جراء الغارات على البارة إلى سبعة"
                elif (g2 := _toll_count_before(sc, hit, by_last, lex)) is not None:
                    picked = (w, [g2], "person")  # "ارتفع إلى 9 عدد الشهداء المدنيين"
                else:
                    # "انتشلت جثث 9 أشخاص": the word governs a count of people right after it
                    g2 = free_after.get(hit.last + 1)
                    if g2 is not None and g2.num is not None and g2.noun is not None:
                        picked = (w, [g2], "person")
                    elif (listed := _names_listed(sc, hit, lex)) is not None:
                        picked = (w, [listed], "person")  # "أسماء شهداء القصف على المخيم: محمد ...، وأحمد ..."
        if picked is None and events and _singular_pronoun(sc, hit):
            # "قتلته قوات النظام مع ابنه": the one the pronoun is, and the companions after the verb's subject
            agent = _agent_end(sc, hit.last + 1, lex)
            k = (agent if agent is not None else hit.last) + 1
            with_them = free_after.get(k + 1) if k < len(sc.toks) and sc.toks[k].text in lex.companions else None
            if with_them is not None and with_them.noun is not None and with_them.value is not None:
                person = _G(hit.first, hit.last, hit.skip, 1, Qualifier.EXACT, 1, 1, f"{events[0].rule}_pronoun")
                picked = (events[0], [person, *_coordinated(sc, with_them, mains, lex)], "event")
            else:
                picked, one = (events[0], [], "event"), True
        if picked is None and events:
            g = by_last.get(hit.first - 1)
            k = hit.first - 1
            while g is None and k >= 0 and sc.toks[k].text in _PASSIVE_GLUE:
                k -= 1
                g = by_last.get(k)
            if g is None and k >= 0 and k in cat_last:
                # "4 مدنيين بينهم طفل وسيدة قتلوا": the breakdown after "بينهم" stands between the victims and the verb
                g = before_including.get(cat_last[k])
            if g is None and k >= 1:
                # "ثلاثة من مقاتلي قسد قتلوا": the force whose fighters they were stands between them and the verb
                force = next((fh for fj in range(max(0, k - 3), k + 1)
                              if (fh := lex.actor_names.at(sc.toks, fj)) is not None and fh.last == k), None)
                if force is not None and force.first >= 1:
                    owner = force.first - 1
                    if owner >= 1 and sc.toks[owner].text == "من":
                        owner -= 1  # "خمسة عناصر من قوات النظام قتلوا"
                    g = by_last.get(owner)
            if g is None:
                g = _named_before(sc, hit.first - 1, by_last, lex)  # "الطفل عمر ياسر في ذمة الله"
            if g is not None and not g.used and g.noun is not None:
                picked = (events[0], _coordinated_before(sc, g, mains), "event")
            elif _introduced_before(sc, hit.first - 1, lex):
                picked, one = (events[0], [], "event"), True  # "المدعو خالد العلي قتل برصاص ...": one named
        dual = hit.first == hit.last and sc.toks[hit.first].text[hit.skip:] in lex.dual_verbs
        if picked is None and events and dual and not any(
            # (not the verb of a harm noun that counts them just before: "جثتي مدنيين قُتلا" is two, not four)
            p.last < hit.first <= p.last + 3 and any(w.form == "person" for w in p.payload)  # type: ignore[attr-defined]
            for p in sc.harm.values()
        ):
            # "أن مدنيين أصيبا بجروح", "شخص ... وآخر مجهول الهوية، قُتلا": the dual verb counts two
            two = _G(hit.first, hit.last, hit.skip, 2, Qualifier.EXACT, 2, 2, f"{events[0].rule}_dual")
            picked = (events[0], [two], "event")
        if picked is None and events and not neg and _died_of_own_wounds(sc, hit, lex):
            picked, one = (events[0], [], "event"), True  # "ثم توفي متأثراً بإصابته": the one who died
        if picked is None and events and _after_singular_relative(sc, hit, lex):
            # "عزاء محمود الشاهر الذي قُتل": the one person named; but "الشهيد أنس خربوطلي الذي استشهد" is the
            # martyr already counted, not a second one
            counted = any(0 < hit.first - 1 - j <= 5 and all(sc.toks[i].text.isalpha() for i in range(j + 1, hit.first))
                          for j in one_person_ends)
            picked, one = (events[0], [], "event"), not counted
        if picked is None and persons:
            w = next((p for p in persons if p.number in ("singular", "dual")), persons[0])
            prefix = sc.toks[hit.first].text[: hit.skip]
            definite = prefix.endswith(("ال", "لل")) or sc.toks[hit.first].text[hit.skip :].startswith("ال")
            at = _past_blessing(sc, hit.last + 1)
            named = _person_name(sc, at, lex) or (at < len(sc.toks) and sc.toks[at].text in _NAME_OPENERS) or (
                _victim(sc, at, lex) is not None and _person_name(sc, at + 1, lex)
            )
            kin = _kin_after_named(sc, at, lex) if named else []
            if w.number == "singular" and kin:
                # "الشهيد يوسف الحسن وبنته ريماس": the one named and the relatives named after them
                n = 1 + len(kin)
                picked = (w, [_G(hit.first, kin[-1].last, hit.skip, n, Qualifier.EXACT, n, n, f"{w.rule}_kin")],
                          "person")
            elif w.number == "singular" and (not definite or named):
                picked, one = (w, [], "person"), True  # "قتيل", "الشهيد أنس", "الشهيد الإعلامي أنس"
            elif w.number == "dual":
                g = _G(hit.first, hit.last, hit.skip, 2, Qualifier.EXACT, 2, 2, w.rule)
                picked = (w, [g], "person")
            else:
                picked = (w, [], "person")
        if picked is None:
            picked = (events[0], [], "event")
        word, gs, form = picked
        if one and form == "person":
            one_person_ends.append(hit.last)
        for g in gs:
            g.used = True
        status = "unspecified"
        if form == "person":
            # "شهيد مدني", "ثلاثة قتلى مدنيين": a victim word right after the harm noun says who they were.
            v = _victim(sc, hit.last + 1, lex)
            if v is not None and v[0].skip == 0:
                status = v[1].status
        cue = _cue(sc, hit, word, tuple(sorted({w.form for w in words})))
        harms.append(
            Harm(
                category=word.category,
                cue=cue,
                groups=tuple(_group(sc, g) for g in gs),
                form=form,
                status=status,
                negated=neg,
                implied_one=one,
                rules=(word.rule, *(g.rule for g in gs)),
            )
        )
    if own_noun:
        starts = {sc.toks[k].start: cat for k, cat in own_noun.items()}
        harms = [replace(h, category=starts[h.groups[0].number_start]) if (
            h.category == "killed_or_injured" and len(h.groups) == 1 and h.groups[0].number_start in starts
        ) else h for h in harms]
    # A harm word repeated without a figure next to the same harm with one ("عدد الشهداء إلى 7 شهداء") adds nothing.
    figured = {h.category for h in harms if h.groups or h.implied_one}
    kept: list[Harm] = []
    for h in harms:
        if not (h.groups or h.implied_one) and (h.category in figured or any(
            k.category == h.category and not (k.groups or k.implied_one) for k in kept
        )):
            continue
        kept.append(h)
    kept.extend(_elided(sc, kept, mains, lex))
    return _attach_categories(sc, kept, groups, lex)


#: how many words a count sharing an earlier verb may stand after that verb's count: the first count's place
#: ("في غارات جوية روسية على بلدة كفرنبل") stands between
_ELIDED_GAP = 12


def _elided(sc: Scan, harms: list[Harm], mains: list[_G], lex: ArabicLex) -> list[Harm]:
    """Counts that share an earlier harm's verb: "قتل 7 مدنيين في كفرنبل و3 في حاس" (or "و3 آخرون في حاس") is three
    killed in حاس."""
    out: list[Harm] = []
    toks = sc.toks
    for h in harms:
        if not h.groups or h.negated or h.form not in ("event", "person"):
            continue
        end = max(g.end for g in h.groups)
        last = max((k for k in range(len(toks)) if sc.span(k, k)[1] <= end), default=-1)
        for g in mains:
            # (a count of "others" too: "قتل 5 مدنيين في كفرنبل و3 آخرون في قصف على حاس")
            others = g.noun is not None and toks[g.noun].text in lex.others_after_harm
            if g.used or (g.noun is not None and not others) or g.value is None or g.first <= last or (
                g.first - last > _ELIDED_GAP
            ):
                continue
            # ("مقتل 7 مدنيين، هم 4 في معرة النعمان و3 في سراقب": the first part named by "they are", as English's
            # "seven civilians, four in A and three in B")
            joined = toks[g.first - 1].text in ("و", "هم") or (g.skip >= 1 and toks[g.first].text[0] == "و")
            if not joined or g.last + 1 >= len(toks) or toks[g.last + 1].text not in lex.elided_after:
                continue
            if any(k in sc.harm for k in range(last + 1, g.first)):
                break
            g.used = True
            grp = _group(sc, g)
            cue = Cue(grp.start, grp.end, grp.text, h.category, h.cue.forms, f"{h.cue.rule}_elided")
            out.append(Harm(category=h.category, cue=cue, groups=(grp,), form=h.form, rules=(cue.rule, g.rule)))
            last = g.last
    return out


def _dual_pronoun(sc: Scan, hit: PhraseHit) -> bool:
    """ "مقتلهما", "استشهادهما": the word ends in "of the two of them"."""
    s, e = sc.span(hit.last, hit.last)
    return sc.folded.source[s:e].endswith("هما")


def _coordinated_before(sc: Scan, g: _G, groups: list[_G]) -> list[_G]:
    """ "امرأة و ثلاثة أطفال جرحوا": groups joined by و before a verb that follows them."""
    by_last = {x.last: x for x in groups if not x.used and not x.is_category}
    out = [g]
    cur = g
    while True:
        k = cur.first - 1
        prev = None
        if k >= 0 and sc.toks[k].text == "و":
            prev = by_last.get(k - 1)
        elif cur.skip >= 1 and sc.toks[cur.first].text[0] == "و":
            prev = by_last.get(cur.first - 1)
        if prev is None or prev in out or prev.noun is None:
            break
        out.insert(0, prev)
        cur = prev
    return out


def _after_singular_relative(sc: Scan, hit: PhraseHit, lex: ArabicLex) -> bool:
    """ "محمود الشاهر الذي قُتل", "الطفلة التي استشهدت": a harm verb right after a singular relative pronoun whose
    antecedent is no strike ("القصف الذي قتل" is the shelling that killed) and with nothing counted after it."""
    k = hit.first - 1
    if k < 1 or hit.skip or sc.toks[k].text not in ("الذي", "التي", "والذي", "والتي"):
        return False
    if lex.attack.at(sc.toks, k - 1) is not None or sc.toks[k - 1].text.isdigit():
        return False
    nxt = hit.last + 1
    return not (nxt < len(sc.toks) and (sc.toks[nxt].text[:1].isdigit() or lex.victims.at(sc.toks, nxt) is not None))


def _died_of_own_wounds(sc: Scan, hit: PhraseHit, lex: ArabicLex) -> bool:
    """ "توفي متأثراً بإصابته", "ماتت متأثرة بجراحها": a death word right before a singular "died of wounds" word,
    its victim unnamed: one person (a plural or dual form, "متأثرين", counts nobody here)."""
    nxt = hit.last + 1
    return nxt < len(sc.toks) and sc.toks[nxt].text in lex.died_of_wounds_one


def _singular_pronoun(sc: Scan, hit: PhraseHit) -> bool:
    """ "مقتله", "قتلها", "مفارقته للحياة": the phrase's last word, or its first, ends in "his"/"her" (a real ه,
    not a folded ة)."""
    for k in dict.fromkeys((hit.last, hit.first)):
        s, e = sc.span(k, k)
        word = sc.folded.source[s:e].rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
        if len(word) >= 4 and word.endswith(("ه", "ها")) and not word.endswith(("اه", "وه")):
            return True
    return False


def _cue(sc: Scan, hit: PhraseHit, word: HarmWord, forms: tuple[str, ...]) -> Cue:
    s, e = sc.span(hit.first, hit.last, _keep_article(sc.toks[hit.first].text, hit.skip))
    return Cue(s, e, sc.folded.source[s:e], word.category, forms, word.rule)


def _group(sc: Scan, g: _G) -> Group:
    s, e = sc.span(g.first, g.last, g.skip)
    ns = ne = None
    if g.num is not None:
        ns, ne = sc.span(g.num[0], g.num[1], g.skip if g.num[0] == g.first else 0)
    noun = None
    if g.noun is not None:
        a, b = sc.span(g.noun, g.noun)
        noun = sc.folded.source[a:b]
    return Group(
        start=s,
        end=e,
        text=sc.folded.source[s:e],
        value=g.value,
        qualifier=g.qualifier,
        max=g.max,
        low=g.low,
        high=g.high,
        noun=noun,
        category=g.category,
        status=g.status,
        singular=g.singular,
        is_category=g.is_category,
        opener=g.opener,
        rule=g.rule,
        number_start=ns,
        number_end=ne,
    )


def _attach_categories(sc: Scan, harms: list[Harm], groups: list[_G], lex: ArabicLex) -> list[Harm]:
    """Give each harm the category groups after it ("..., بينهم طفلان وامرأة") and its status."""
    cats = [g for g in groups if g.is_category]
    bare = bare_categories(sc, lex)
    out = []
    for i, h in enumerate(harms):
        nxt = harms[i + 1].start if i + 1 < len(harms) else len(sc.folded.source)
        anchor = h.end
        victims: list[tuple[str, Group]] = []
        for cg in cats:
            gg = _group(sc, cg)
            if not anchor <= gg.start < nxt:
                continue
            cat = cg.category or ("civilians" if cg.status == "civilian" else None)
            if cat and not any(c == cat for c, _ in victims):
                victims.append((cat, gg))
        for first, last, skip, cat, qual, opener, rule, vstatus in bare:
            s, e = sc.span(first, last, skip)
            if anchor <= s < nxt and not any(c == cat for c, _ in victims):
                victims.append(
                    (cat, Group(s, e, sc.folded.source[s:e], None, qual, noun=sc.folded.source[s:e], category=cat,
                                status=vstatus, is_category=True, opener=opener, rule=rule))
                )
        for g in h.groups:
            if g.category and g.category not in ("families",) and not any(c == g.category for c, _ in victims):
                victims.append((g.category, g))
        statuses = {g.status for g in h.groups} | {g.status for _, g in victims} | {h.status}
        # "مقتل 5 أشخاص بينهم عسكري": a soldier among people the count does not say are fighters (as in English)
        among_people = any(g.status == "unspecified" and not g.is_category and g.noun for g in h.groups)
        status = "civilian" if "civilian" in statuses else (
            "combatant" if statuses - {"unspecified"} == {"combatant"} and not among_people else "unspecified"
        )
        out.append(replace(h, victims=tuple(victims), status=status))
    return out
