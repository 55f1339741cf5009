"""Transliteration-aware folding of place names into match keys.

One name of an Arabic place reaches English text in many spellings: "Deir
ez-Zor", "Deir Ezzor", "Dayr az Zawr"; "Al-Bukamal", "Abu Kamal",
"al-BouKamal", "Albu Kamal". :func:`key` folds each of them to one key, so a
lookup is a dictionary probe instead of a fuzzy search. The same function
folds the gazetteer's names (at build or load time) and the text (at spot
time); any change here changes every stored key, so bump :data:`FOLD_VERSION`
and the stored keys are rebuilt.

This module uses the standard library only: the build hook imports it by path
in an isolated build environment.

What folds together (Latin script):
- case, accents, apostrophes and ayn/hamza marks; hyphens and spaces;
- the Arabic article as its own word (al-, el-, ad-, ar-, as-, ash-, at-,
  az-, an-, ...) and attached with a doubled sun letter ("Ezzor" = "ez-Zor");
- Abu / Abou / Albu / Al-Bu / Bou;
- vowels in two classes: a/e/i/y (fatha and kasra are written either way:
  "Menbij"/"Manbij", "Idleb"/"Idlib", "Deir"/"Dayr") and o/u/w/ou/oo/aw;
- -a / -ah / -eh endings; q/k/g/c, kh, gh; dh/z; th/t; ph/f; ch/sh/sch;
- doubled letters.
Arabic script: diacritics and tatweel, alef/ya/ta-marbuta variants, Persian
letter forms, the article ال and the proclitics و ب ل ف ك before it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

FOLD_VERSION = 8

#: Arabic articles written as their own word (before a hyphen or a space).
ARTICLES = frozenset(
    "al el il ul l ad ed ar er as es ash esh at et az ez an en ath adh".split()  # noqa: SIM905
)
_ABU = frozenset({"abu", "abou", "abo", "aboo", "albu", "albou", "alboo", "ebu", "bu", "bou", "boo"})
_ABU_PREFIX = re.compile(r"^(?:albou|alboo|albu|abou|aboo|abu)(?=[a-z]{3})")
_SUN_ARTICLE = re.compile(r"^[ae]([tdrzsn])\1(?=[a-z]{2})")

_LATIN_DROP = re.compile(r"['`’‘ʿʾʻʼ′´\u02be\u02bf]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ARABIC_CHAR = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ی": "ي",
        "ې": "ي",
        "ة": "ه",
        "ۀ": "ه",
        "ؤ": "و",
        "ک": "ك",
        "گ": "ك",
        "ڤ": "ف",
        "پ": "ب",
        "چ": "ج",
        "ژ": "ز",
    }
)
#: First words of compound Arabic place names that are often written solid with the next word's article.
_ARABIC_HEADS = ("دير", "عين", "تل", "جسر", "راس", "راس", "بير", "بئر", "كفر", "بيت", "خان", "سوق", "باب", "قصر", "جبل",
                 "وادي", "ابو", "ام", "حي", "مزرعه", "قريه", "مخيم")
_ARABIC_NON_LETTER = re.compile(r"[^\u0621-\u064a]+")


def _group1(m: re.Match[str]) -> str:
    """The replacement ``\\1`` as a function (see :data:`_LATIN_STEPS`)."""
    return m.group(1)


# Applied in order to the joined Latin key; each pair maps spellings of one sound to one letter.
_LATIN_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(a), b)
    for a, b in (
        (r"sch|tch|ch", "sh"),
        (r"dh", "z"),
        (r"th", "t"),
        (r"ph", "f"),
        (r"kh", "k"),
        (r"gh", "g"),
        (r"sh", "s"),
        (r"dj|dsh", "j"),
        (r"ck|[qgc]", "k"),
        (r"aw(?![aeiouy])", "u"),
        (r"[eiy]", "a"),
        (r"[ow]", "u"),
        (r"(.)\1+", r"\1"),
    )
)
#: the rules as :func:`_latin_join` applies them: a replacement with a group reference (``\1``) as a function
#: of the match, which gives the same text; ``re`` hands a template to a Python helper on every call, match or not
_LATIN_STEPS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = tuple(
    (pattern, _group1 if repl == r"\1" else repl) for pattern, repl in _LATIN_RULES
)
#: for each rule, substrings one of which every match of it contains (none: always run): :func:`_latin_join` skips
#: a rule whose substrings the key lacks, since its ``sub`` would return the key as it is (a first pass folds ~10,000
#: n-grams, each through thirteen regexes, most of which cannot match: a substring test costs a tenth of a ``sub``)
_LATIN_TRIGGERS: tuple[tuple[str, ...], ...] = (
    ("ch",), ("dh",), ("th",), ("ph",), ("kh",), ("gh",), ("sh",), ("dj", "dsh"), ("q", "g", "c"), ("aw",),
    ("e", "i", "y"), ("o", "w"), (),
)
if len(_LATIN_TRIGGERS) != len(_LATIN_RULES):
    raise RuntimeError("fold: one trigger tuple per rule of _LATIN_RULES")
_LATIN_GATED = tuple((p, r, t) for (p, r), t in zip(_LATIN_STEPS, _LATIN_TRIGGERS, strict=True))


def script_of(text: str) -> str:
    """``"arabic"`` when the text holds Arabic letters, else ``"latin"``."""
    return "arabic" if _ARABIC_CHAR.search(text) else "latin"


def strip_accents(text: str) -> str:
    """Drop combining marks after NFKD: "Dayr Ḩāfir" -> "Dayr Hafir"."""
    if text.isascii():
        return text  # NFKD leaves ASCII as it is, and no ASCII character is a combining mark
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def latin_token(token: str) -> str:
    """Fold one Latin word (no spaces) to lower-case ASCII letters, keeping its article/abu form."""
    if token.isascii():
        # no marks, accents or special letters to fold: the steps below come to lower-casing and dropping
        # what is not a letter or digit (the dropped apostrophes included)
        return _NON_WORD.sub("", token.lower())
    t = _LATIN_DROP.sub("", strip_accents(_ARABIC_DIACRITICS.sub("", token)).lower())
    t = t.replace("ı", "i").replace("ø", "o").replace("ð", "d").replace("þ", "th").replace("ß", "ss")
    t = t.replace("æ", "ae").replace("œ", "oe").replace("ł", "l").replace("đ", "d")
    return _NON_WORD.sub("", t)


def _latin_join(tokens: list[str]) -> str:
    """Join folded Latin words into a key: drop articles, unify Abu, fold endings, then letters."""
    parts: list[str] = []
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if not tok:
            continue
        if tok in ARTICLES and i < last:
            continue
        if tok in _ABU and i < last:
            parts.append("bu")
            continue
        if tok[0] == "a":  # every Abu spelling _ABU_PREFIX matches starts with "a"
            tok = _ABU_PREFIX.sub("bu", tok)
        if tok[0] in "ae":  # as does every article _SUN_ARTICLE matches, or "e"
            sun = _SUN_ARTICLE.match(tok)
            if sun is not None:  # _SUN_ARTICLE.sub(r"\1", tok): anchored, so one match at most
                tok = sun.group(1) + tok[sun.end() :]
        if len(tok) > 3 and tok.endswith(("ah", "eh")):
            tok = tok[:-1]
        parts.append(tok)
    s = "".join(parts)
    for pattern, repl, triggers in _LATIN_GATED:
        for t in triggers:
            if t in s:
                break
        else:
            if triggers:
                continue  # no substring that a match needs: the rule would leave the key as it is
        s = pattern.sub(repl, s)
    return s


@lru_cache(maxsize=200_000)
def arabic_token(token: str) -> str:
    """Fold one Arabic-script word: letter variants, diacritics, and the proclitics و ب ل ف ك + ال."""
    t = _ARABIC_DIACRITICS.sub("", unicodedata.normalize("NFKC", token)).translate(_ARABIC_MAP)
    t = _ARABIC_NON_LETTER.sub("", t)
    if len(t) > 3 and t[0] in "وف" and t[1:3] == "ال":
        t = t[1:]
    if len(t) > 4 and t[0] in "بلك" and t[1:3] == "ال":
        t = t[1:]
    if len(t) > 3 and t.startswith("لل"):
        t = t[2:]
    if len(t) > 3 and t.startswith("ال"):
        t = t[2:]
    for head in _ARABIC_HEADS:
        # "ديرالزور", "تلابيض" written solid: the article inside a compound name
        if t.startswith(head + "ال") and len(t) > len(head) + 3:
            t = head + t[len(head) + 2 :]
            break
    if t in ("ابو", "بو"):
        return "بو"
    if len(t) > 5 and t.startswith("ابو"):
        t = t[1:]
    return t


#: Arabic letters as the consonants Latin keys keep (:func:`latin_key`: q, g, kh -> k; sh -> s; dh -> z; th -> t);
#: long vowels, ع and hamza have no Latin consonant and are dropped.
_ARABIC_TO_LATIN = str.maketrans({
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "z", "ر": "r", "ز": "z", "س": "s",
    "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "k", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "چ": "j", "گ": "k", "پ": "b", "ڤ": "f",
    "ا": "", "و": "", "ي": "", "ع": "", "ء": "",
})
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=100_000)
def arabic_skeleton(name: str) -> str:
    """The consonants of an Arabic-script name as a Latin key would spell them: "الصبحة" -> "sbh".

    Compared with :func:`latin_skeleton` to find a place the gazetteers name in Latin letters only.
    """
    words = [arabic_token(w) for w in split_words(name)]
    words = [w[:-1] if len(w) > 2 and w.endswith("ه") else w for w in words]  # a final ة: Latin "-ah" -> "-a"
    return _DOUBLE.sub(_group1, "".join(words).translate(_ARABIC_TO_LATIN))


_ARABIC_TO_ROUGH_LATIN = str.maketrans({
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s",
    "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "ا": "a", "و": "u", "ي": "i", "ع": "", "ء": "",
})


#: Arabic letters by the shape they share without their dots (the rasm), long vowels and hamza seats dropped:
#: what a mistyped or misread name keeps ("قرف مغار" for "قرق مغار", "بيلونية" for "بيلونة").
_ARABIC_RASM = str.maketrans({
    "ب": "ب", "ت": "ب", "ث": "ب", "ن": "ب", "ج": "ح", "خ": "ح", "ذ": "د", "ز": "ر", "ش": "س", "ض": "ص", "ظ": "ط",
    "غ": "ع", "ق": "ف", "ة": "ه", "ا": None, "أ": None, "إ": None, "آ": None, "ى": None, "و": None, "ي": None,
    "ء": None, "ئ": None, "ؤ": None,
})


def arabic_rasm(name: str) -> str:
    """The undotted consonant shapes of an Arabic-script name, article, long vowels and a final ة aside.

    Two spellings with one rasm differ only by dots or long vowels; a letter of another shape makes another
    name ("معارة النعسان" is not "معرة النعمان").

    >>> arabic_rasm("قرف مغار") == arabic_rasm("قرق مغار")
    True
    >>> arabic_rasm("معارة النعسان") == arabic_rasm("معرة النعمان")
    False
    """
    words = [arabic_token(w) for w in split_words(name)]
    words = [w[:-1] if len(w) > 2 and w.endswith("ه") else w for w in words]
    return " ".join(w for w in (w.translate(_ARABIC_RASM) for w in words) if w)


@lru_cache(maxsize=100_000)
def arabic_latinized(name: str) -> str:
    """A rough Latin spelling of an Arabic name, article dropped and no short vowels: "الصبحة" -> "sbha".

    Only to tell apart Latin names that share its consonants ("As Sabhah" is nearer than "Subayh")."""
    words = [arabic_token(w) for w in split_words(name)]
    words = [w[:-1] + "ا" if len(w) > 2 and w.endswith("ه") else w for w in words]
    return " ".join(w.translate(_ARABIC_TO_ROUGH_LATIN) for w in words if w)


def latin_skeleton(key: str) -> str:
    """The consonants of a Latin :func:`key` ("sabha" -> "sbh"): its vowels folded to a/u are dropped."""
    return _DOUBLE.sub(_group1, key.replace("a", "").replace("u", ""))


def latin_skeletons(keys: list[str]) -> list[str]:
    """:func:`latin_skeleton` of many keys at once, in one pass of C over their joined text (a country's index of
    some 30,000 keys is built on a first pass; one call per key took five times as long)."""
    if not keys:
        return []
    joined = "\n".join(keys)
    assert joined.count("\n") == len(keys) - 1, "a key with a line break"
    return _DOUBLE.sub(r"\1", joined.replace("a", "").replace("u", "")).split("\n")


_SPLIT = re.compile(r"[\s\-‐‑‒–—_/.,;:()\[\]\"]+")


def split_words(name: str) -> list[str]:
    """Words of a name, split on spaces, hyphens and punctuation (apostrophes stay inside words)."""
    return [w for w in _SPLIT.split(name) if w]


def key_of_tokens(tokens: list[str], script: str) -> str:
    """The key of a sequence of raw words, in the given script."""
    if script == "arabic":
        return "".join(arabic_token(t) for t in tokens)
    return latin_key(tuple(latin_token(t) for t in tokens))


@lru_cache(maxsize=500_000)
def latin_key(folded: tuple[str, ...]) -> str:
    """The key of Latin words already folded by :func:`latin_token`."""
    return _latin_join(list(folded))


@lru_cache(maxsize=500_000)
def key(name: str) -> str:
    """The match key of a name in any spelling or script.

    >>> key("Deir ez-Zor") == key("Dayr az Zawr") == key("Deir Ezzor")
    True
    >>> key("Al-Bukamal") == key("Abu Kamal") == key("al-BouKamal") == key("Albu Kamal")
    True
    >>> key("الرقة") == key("بالرقة") == key("رقة")
    True
    """
    words = split_words(name)
    return key_of_tokens(words, script_of(name))


@lru_cache(maxsize=200_000)
def keys(name: str) -> frozenset[str]:
    """Every key a gazetteer name is indexed under: its key, and the key without an attached "al"/"el".

    Text that writes "Alhasakah" folds to one key and text that writes
    "al-Hasakah" to another; indexing both forms of each name means one probe
    per n-gram at spot time.
    """
    words = split_words(name)
    script = script_of(name)
    out = {key_of_tokens(words, script)}
    if script == "latin" and words:
        first = latin_token(words[0])
        if len(first) >= 6 and first[:2] in ("al", "el") and first not in _ABU:
            out.add(key_of_tokens([first[2:], *words[1:]], script))
    out.discard("")
    return frozenset(out)


@lru_cache(maxsize=500_000)
def loose(name: str) -> str:
    """A light fold for ranking by edit distance: lower-case ASCII words, articles kept, single spaces."""
    if script_of(name) == "arabic":
        return " ".join(arabic_token(w) for w in split_words(name))
    return " ".join(t for t in (latin_token(w) for w in split_words(name)) if t)


#: Feature words that follow an admin area's name in reporting; indexed so "Raqqa province" spots as one name.
REGION_SUFFIXES = ("province", "governorate", "state", "region")
COUNTY_SUFFIXES = ("district", "subdistrict", "local government area", "lga")
ARABIC_REGION_PREFIXES = ("محافظة", "ولاية")
ARABIC_COUNTY_PREFIXES = ("منطقة", "ناحية", "قضاء")
_GENERIC_SUFFIX = re.compile(
    r"\s+(?:governorate|governate|province|state|region|district|subdistrict|sub-district|local government area|"
    r"lga|muhafazah|municipality|county|prefecture|viloyati|velayat|wilayah|wilayat|ostan|oblast|city|town|village|"
    r"villages|community|neighbou?rhood)$",
    re.I,
)
_GENERIC_PREFIX = re.compile(r"^(?:muhafazat|muhafazah|qada'?a?|nahiyat|nahiyah|wilayat|mintaqat|markaz)\s+", re.I)


@lru_cache(maxsize=100_000)
def base_name(name: str) -> str:
    """The name without its feature word: "Raqqa Governorate" -> "Raqqa", "Qada al Kut" -> "al Kut"."""
    stripped = _GENERIC_PREFIX.sub("", _GENERIC_SUFFIX.sub("", name.strip()))
    return stripped or name.strip()


_LOOSE_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|adh|ath) ")


def has_loose_article(folded: str) -> bool:
    """Whether a :func:`loose`-folded name starts with an Arabic article ("al houshan")."""
    return _LOOSE_ARTICLE.match(folded) is not None


def strip_loose_article(folded: str) -> str:
    """A :func:`loose`-folded name without its leading Arabic article ("al houshan" -> "houshan")."""
    return _LOOSE_ARTICLE.sub("", folded, count=1)


_FINAL_A = re.compile(r"(?<=[a-z])(?:ah|eh|e)$")


@lru_cache(maxsize=200_000)
def bare_end(folded: str) -> str:
    """A :func:`loose`-folded name without its Arabic article and with its ending as "-a" ("al hawijah", "hawija",
    "hawijeh" -> "hawija"): the article and the -a/-ah/-eh endings English transliterations drop or vary."""
    return _FINAL_A.sub("a", strip_loose_article(folded))


@lru_cache(maxsize=200_000)  # asked per candidate and name while ranking: the same names recur across documents
def core(name: str) -> str:
    """A name folded loosely without its admin word and article: "Nahiyat al Iskandariyah" -> "iskandariyah".

    What makes a place's own name the one a text writes, where a big city abroad has that name only as an
    alias ("Iskandariyah", an Arabic name of Alexandria)."""
    return core_of_loose(loose(name))


@lru_cache(maxsize=200_000)
def core_of_loose(folded: str) -> str:
    """:func:`core` of a name whose :func:`loose` fold is ``folded`` (a gazetteer entry's is stored: no folding)."""
    return _LOOSE_ARTICLE.sub("", base_name(folded))


def has_core(folded: str, core: str) -> bool:
    """Whether ``core_of_loose(folded) == core``, folding only when it can be.

    Every step of :func:`core_of_loose` cuts a prefix or a suffix, so the core is a substring of
    the fold: a name that does not contain ``core`` is answered without the regular expressions
    (a first pass asked this of ~20,000 candidates' own names, most of them other names).
    """
    return core in folded and core_of_loose(folded) == core


def place_keys(names: list[str], kind: str) -> set[str]:
    """Every key a place is indexed under, with "X province" / "محافظة X" forms for admin areas."""
    out: set[str] = set()
    for name in names:
        out |= keys(name)
        if kind not in ("region", "county"):
            continue
        base = base_name(name)
        if script_of(base) == "arabic":
            prefixes = ARABIC_REGION_PREFIXES if kind == "region" else ARABIC_COUNTY_PREFIXES
            out |= {key(f"{p} {base}") for p in prefixes}
        else:
            suffixes = REGION_SUFFIXES if kind == "region" else COUNTY_SUFFIXES
            out |= {key(f"{base} {s}") for s in suffixes}
    out.discard("")
    return out


ARABIC_PROCLITICS = "وبلفك"


def arabic_prefixes(names: list[str], kind: str = "locality") -> set[str]:
    """Folded word-prefixes of the Arabic-script names ("دير", "ديرزور" for "دير الزور"), for spotting.

    Admin areas add their "محافظة X" / "منطقة X" forms, as :func:`place_keys` does.
    """
    out: set[str] = set()
    forms = [n for n in names if script_of(n) == "arabic"]
    if kind in ("region", "county"):
        prefixes = ARABIC_REGION_PREFIXES if kind == "region" else ARABIC_COUNTY_PREFIXES
        forms += [f"{p} {base_name(n)}" for n in forms for p in prefixes]
    for name in forms:
        acc = ""
        for word in split_words(name):
            acc += arabic_token(word)
            if acc:
                out.add(acc)
    return out
