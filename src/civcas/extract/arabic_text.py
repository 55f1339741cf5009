"""Arabic-script text for matching: a folded copy with a map back to the original offsets, words, phrases.

Arabic reporting spells one word many ways: hamza seats (أ إ آ ا), final ى/ي and
ة/ه, optional diacritics, tatweel stretching letters ("شهـ.ـداء", written so to
slip past platform filters), Arabic-Indic digits. Matching runs on a folded copy
in which all of these are one form; every match is mapped back to the original
characters, so spans always cover the text as published.

Words carry clitics written onto them: a conjunction (و ف), a preposition (ب ل
ك) and the article (ال), as in "وبالرقة", "للنظام". :func:`variants` lists the
forms a lexicon may know a word by, with how many leading characters each drops.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_ONE_TO_ONE = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ة": "ه",
        "ۀ": "ه",
        "ک": "ك",
        "٫": ".",
        "٬": ",",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
    }
)
DIACRITICS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_DIACRITIC_RE = re.compile(f"[{DIACRITICS}]")
# Dropped: diacritics, tatweel, bidi and zero-width marks, and dots or spaces set between tatweels ("قـ.ـصف").
_AR = "\u0621-\u064a"
#: A dot inside a word broken up to slip past filters ("ا.ستشها.د", "ق.صف"): one or two letters on one side.
WORD_DOT = (
    f"(?<![{_AR}]{{3}})(?<=[{_AR}])\\.(?=[{_AR}])|(?<=[{_AR}])\\.(?=[{_AR}]{{1,2}}(?![{_AR}]))"
)
_SPECIAL = re.compile(
    WORD_DOT + "|"
    r"\u0640[\s.*]*\u0640(?:[ \u00a0](?=[\u0621-\u064a]))?|"  # "إنـ ـزال", "داعـ.. ـش", "جيـ*ـش", "اعـ. ـ دمت": a word
    # broken up with tatweels (a tatweel never starts a word, so a space after the second one is part of the break)
    # "مقـ تل": one tatweel and a space break a word of two letters or more before it; not a clitic written apart with
    # a tatweel ("لـ سانا", "بـ 5 غارات", "الـ 15")
    f"(?P<split>(?<=[{_AR}]{{2}})(?<!(?<![{_AR}])ال)(?<!(?<![{_AR}])[وفبكل]ال)(?<!(?<![{_AR}])لل)"
    f"\u0640[ \u00a0](?=[{_AR}]))|"
    f"(?<=[{_AR}{DIACRITICS}])\\*(?=[{_AR}])|"  # "ق*صف", "قُ*تل": a star inside an Arabic word
    f"[{DIACRITICS}\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]"
    r"|[.*](?=\u0640)|(?<=\u0640)[.*]"
    # "تستـــــــ,هدف", "مقـــــ,تله": a comma after tatweels inside a word broken up to slip past filters
    f"|(?<=\u0640)[,\u060c](?=[{_AR}])"
    "|[\ufb50-\ufdff\ufe70-\ufefe]"
)
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
#: Where two words were written together: ة and ى end a word, so a letter after one starts the next ("#الرقةمقتل",
#: "سوريةقتل": a post's hashtag line or a page's menu run into its first word when a capture drops line breaks).
#: A post's label tag run into its first word ("#عاجلفقدت امرأة حياتها"): the label ends a word too.
_GLUED = re.compile(
    f"(?<=[\u0629\u0649])(?=[{DIACRITICS}\u0640]*[\u0621-\u064a])"
    f"|(?:(?<=#\u0639\u0627\u062c\u0644)|(?<=#\u0647\u0627\u0645)|(?<=#\u062d\u0635\u0631\u064a))"
    f"(?=[\u0621-\u064a])(?![\u0629\u0649\u0627\u064a])"
)


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded copy of a text and, per folded character, the offset of the original one."""

    text: str
    source: str
    pos: tuple[int, ...] | None = None  # None: the same offsets

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original offsets of the folded stretch ``[a, b)``, with the diacritics on its last letter."""
        if self.pos is None:
            return a, b
        if b <= a:
            s = self.pos[a] if a < len(self.pos) else len(self.source)
            return s, s
        s, e = self.pos[a], self.pos[b - 1] + 1
        while e < len(self.source) and _DIACRITIC_RE.match(self.source[e]):
            e += 1
        return s, e


def _word_before(text: str, end: int) -> bool:
    """Whether the letters before ``end`` (a tatweel and a space) make a common word on their own ("لتركيا"), not a
    fragment of a word broken up to slip past filters ("مقـ تل")."""
    start = end
    while start > 0 and "\u0621" <= text[start - 1] <= "\u064a":
        start -= 1
    return common_word(text[start:end])


def common_word(word: str) -> bool:
    """Whether ``word`` is a common Arabic word on its own or after one clitic (و ف ب ل ك): a whole word, not a piece
    of one broken up to slip past filters."""
    from civcas.extract.arabic_places import _common  # the project's one word-frequency test (wordfreq)

    return _common(word) or (word[:1] in "وفبلك" and len(word) > 3 and _common(word[1:]))


def fold(text: str) -> Folded:
    """Fold ``text`` for matching; :meth:`Folded.span` maps folded offsets back.

    >>> f = fold("استُشهِد طفلان")
    >>> f.text, f.source[slice(*f.span(0, 7))]
    ('استشهد طفلان', 'استُشهِد')
    """
    mapped = text.translate(_ONE_TO_ONE)
    glued = [m.start() for m in _GLUED.finditer(text)] if (
        "\u0629" in text or "\u0649" in text or "#" in text) else []
    if not glued and not _SPECIAL.search(mapped):
        return Folded(mapped, text)
    out: list[str] = []
    pos: list[int] = []
    last = 0
    gi = 0

    def unglue(upto: int) -> None:
        """Put back the spaces a capture dropped before ``upto``, each mapped onto its next word's first letter."""
        nonlocal gi, last
        while gi < len(glued) and glued[gi] <= upto:
            g = glued[gi]
            gi += 1
            if g >= last:
                out.append(mapped[last:g])
                pos.extend(range(last, g))
                out.append(" ")
                pos.append(g)
                last = g

    for m in _SPECIAL.finditer(mapped):
        s = m.start()
        unglue(s)
        if s > last:
            out.append(mapped[last:s])
            pos.extend(range(last, s))
        ch = m.group()
        if m.lastgroup == "split" and _word_before(mapped, s):
            out.append(mapped[s + 1])  # "لتركياـ شمال": a stray tatweel after a whole word, whose space stays
            pos.append(s + 1)
        elif _PRESENTATION.match(ch):
            exp = unicodedata.normalize("NFKC", ch).translate(_ONE_TO_ONE)
            exp = _DIACRITIC_RE.sub("", exp)
            out.append(exp)
            pos.extend([s] * len(exp))
        last = m.end()
    unglue(len(mapped))
    out.append(mapped[last:])
    pos.extend(range(last, len(mapped)))
    return Folded("".join(out), text, tuple(pos))


_ARABIC_ONLY = str.maketrans({k: v for k, v in _ONE_TO_ONE.items() if k > 0x7F})


def fold_pattern(regex: str) -> str:
    """A regular expression written in plain Arabic, folded like the text (Latin letters untouched)."""
    return re.sub(f"[{DIACRITICS}\u0640]", "", regex.translate(_ARABIC_ONLY))


def fold_phrase(phrase: str) -> str:
    """A lexicon phrase folded like the text, words joined by single spaces."""
    return " ".join(fold(phrase).text.split())


@dataclass(frozen=True, slots=True)
class Token:
    """A word, a number or a punctuation mark of the folded text."""

    start: int
    end: int
    text: str


# Arabic and Latin runs are separate words even when written together ("لبنانAll", "2024شهداء").
_TOKEN = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+|[a-z]+|[^\W\d_]+|\d+(?:[.,]\d+)*|[^\w\s]")


class TokenList(list[Token]):
    """The tokens of one text, with the forms of every word computed once for all the lexicons."""

    __slots__ = ("_sets",)

    def __init__(self, items: Iterable[Token] = ()) -> None:
        super().__init__(items)
        self._sets: dict[bool, tuple[list[frozenset[str]], frozenset[str]]] = {}

    def formsets(self, article: bool) -> tuple[list[frozenset[str]], frozenset[str]]:
        """Per token, the forms it may be listed under; and all of them together."""
        got = self._sets.get(article)
        if got is None:
            sets = [_formset(t.text, article) for t in self]
            got = (sets, frozenset().union(*sets))
            self._sets[article] = got
        return got


def tokens(folded: str) -> TokenList:
    """Words (letters), numbers (digits, with , or . inside) and single punctuation marks."""
    return TokenList(Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded))


CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"


def variants(word: str, *, article: bool) -> tuple[tuple[str, int], ...]:
    """Forms of ``word`` without its clitics, each with the number of leading characters it drops.

    ``article``: also drop the article ال (for nouns a lexicon lists without it).

    >>> variants("وبالرقه", article=True)
    (('وبالرقه', 0), ('بالرقه', 1), ('الرقه', 2), ('رقه', 4))
    """
    return _variants(word, article)


@functools.lru_cache(maxsize=262144)
def _formset(word: str, article: bool) -> frozenset[str]:
    return frozenset(f for f, _ in _variants(word, article))


@functools.lru_cache(maxsize=262144)
def _variants(word: str, article: bool) -> tuple[tuple[str, int], ...]:
    out = [(word, 0)]
    if len(word) > 2 and word[0] in CONJUNCTIONS:
        out.append((word[1:], 1))
    for form, k in list(out):
        if len(form) > 2 and form[0] in PREPOSITIONS:
            if form.startswith("لل") and len(form) > 3:
                if article:
                    out.append((form[2:], k + 2))
                else:
                    out.append(("ا" + form[1:], k + 1))  # "للنظام" is "ل" + "النظام"
            else:
                out.append((form[1:], k + 1))
    if article:
        for form, k in list(out):
            if form.startswith("ال") and len(form) > 3:
                out.append((form[2:], k + 2))
    seen: set[str] = set()
    uniq = []
    for form, k in out:
        if form not in seen:
            seen.add(form)
            uniq.append((form, k))
    return tuple(uniq)


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """A lexicon phrase found at tokens ``[first, last]``; ``skip`` leading characters are clitics."""

    first: int
    last: int
    skip: int
    payload: object
    words: int


class PhraseIndex:
    """Phrases of one lexicon, found over a token list: clitics allowed on the first word, longest first.

    ``article``: the article may be added to or dropped from the first word ("قتلى" finds "والقتلى").
    A phrase that ends in a lone preposition ("وفقا لـ") also matches when it is written onto the next
    word; the preposition is then left out of the phrase.
    """

    def __init__(self, items: Iterable[tuple[str, object]], *, article: bool, clitics: bool = True) -> None:
        self.article = article
        self.clitics = clitics
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for phrase, payload in items:
            words = fold_phrase(phrase).split()
            while len(words) > 1 and len(words[-1]) == 1 and words[-1] in PREPOSITIONS:
                words = words[:-1]
            if not words:
                continue
            firsts = [words[0]]
            if article and words[0].startswith("ال") and len(words[0]) > 3:
                firsts.append(words[0][2:])
            for first in firsts:
                lst = self._by_first.setdefault(first, [])
                entry = (tuple(words[1:]), payload)
                if entry not in lst:
                    lst.append(entry)
        for lst in self._by_first.values():
            lst.sort(key=lambda x: -len(x[0]))
        self._keys = frozenset(self._by_first)

    @property
    def keys(self) -> frozenset[str]:
        """The first words of the phrases (as matched, after folding)."""
        return self._keys

    @property
    def singles(self) -> frozenset[str]:
        """The one-word phrases."""
        return frozenset(k for k, lst in self._by_first.items() if any(not rest for rest, _ in lst))

    @property
    def multi_firsts(self) -> frozenset[str]:
        """The first words of phrases of two words or more."""
        return frozenset(k for k, lst in self._by_first.items() if any(rest for rest, _ in lst))

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

    def at(self, toks: Sequence[Token], i: int, max_words: int | None = None) -> PhraseHit | None:
        """The longest phrase starting at token ``i`` (of at most ``max_words`` words)."""
        tok = toks[i].text
        if self.clitics:
            got = toks._sets.get(self.article) if isinstance(toks, TokenList) else None
            fs = got[0][i] if got is not None else _formset(tok, self.article)
            if self._keys.isdisjoint(fs):
                return None
            forms = _variants(tok, self.article)
        else:
            if tok not in self._keys:
                return None
            forms = ((tok, 0),)
        best: PhraseHit | None = None
        for form, skip in forms:
            for rest, payload in self._by_first.get(form, ()):
                n = len(rest)
                if max_words is not None and n + 1 > max_words:
                    continue
                if best is not None and n + 1 <= best.words:
                    break
                if i + n >= len(toks):
                    continue
                if all(toks[i + 1 + k].text == w for k, w in enumerate(rest)) and _adjacent(toks, i, i + n):
                    best = PhraseHit(i, i + n, skip, payload, n + 1)
                    break
        return best

    def find(self, toks: Sequence[Token]) -> list[PhraseHit]:
        """Every phrase in the token list, left to right, longest at each place, not overlapping."""
        out: list[PhraseHit] = []
        keys, article, clitics = self._keys, self.article, self.clitics
        if clitics and isinstance(toks, TokenList):
            sets, union = toks.formsets(article)
            if keys.isdisjoint(union):
                return out
        else:
            sets = [_formset(t.text, article) if clitics else frozenset((t.text,)) for t in toks]
        i = 0
        n = len(toks)
        while i < n:
            if keys.isdisjoint(sets[i]):
                i += 1
                continue
            hit = self.at(toks, i)
            if hit is None:
                i += 1
                continue
            out.append(hit)
            i = hit.last + 1
        return out


def _adjacent(toks: Sequence[Token], i: int, j: int) -> bool:
    """Words ``i..j`` follow each other with only spaces between (no line break inside a phrase)."""
    return all(toks[k + 1].start - toks[k].end <= 3 for k in range(i, j))
