"""Folding: spellings of one place fold to one key; different places stay apart."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civcas.gazetteer import fold


@pytest.mark.parametrize(
    "spellings",
    [
        ("Deir ez-Zor", "Deir Ezzor", "Deir er-Zor", "Dayr az Zawr", "Deir al-Zour", "Dayr az-Zawr", "DEIR EZ-ZOR"),
        ("Al-Bukamal", "Abu Kamal", "al-BouKamal", "Albu Kamal", "Ālbū Kamāl", "Boukamal", "Abou Kamal"),
        ("Raqqa", "Ar-Raqqah", "al-Raqqa", "Rakka", "Raqqah", "ar Raqqa"),
        ("Al-Hasakah", "Hasakah", "Hassakeh", "al-Hasaka", "Al Hasakeh"),
        ("Qamishli", "Kamishli", "Qamishly", "al-Qamishli"),
        ("Idlib", "Idleb", "Edlib"),
        ("Manbij", "Menbij", "Manbej"),
        ("Maskanah", "Meskene", "Maskana"),
        ("Salamiyah", "Salamieh", "Salamiyeh", "Al-Salamiyah"),
        ("Ain al-Arab", "Ayn al Arab", "Ain Al Arab", "Ein al-Arab"),
        ("Ash Shaddadi", "Al-Shaddadi", "al-Shaddadi", "Shaddadi"),
        ("Ma'arrat al-Nu'man", "Maarat al-Numan", "Ma`arrat an Nu`man", "Maarrat Al Numan"),
        ("Jisr al-Shughur", "Jisr ash-Shughur", "Jisr Al Shughur"),
        ("Dhiban", "Ziban"),
        ("Tell Abyad", "Tal Abyad", "Tall Abyad", "Tel Abyad"),
    ],
)
def test_fold_spellings_share_one_key(spellings: tuple[str, ...]) -> None:
    keys = {fold.key(s) for s in spellings}
    assert len(keys) == 1, {s: fold.key(s) for s in spellings}


@pytest.mark.parametrize(
    "spellings",
    [
        ("الرقة", "الرقه", "بالرقة", "والرقة", "للرقة", "رقة"),
        ("دير الزور", "ديرالزور"),
        ("البوكمال", "أبو كمال", "ابو كمال", "البو كمال"),
        ("إدلب", "ادلب"),
        ("حماة", "حماه"),
    ],
)
def test_fold_arabic_spellings_share_one_key(spellings: tuple[str, ...]) -> None:
    keys = {fold.key(s) for s in spellings}
    assert len(keys) == 1, {s: fold.key(s) for s in spellings}


@pytest.mark.parametrize(
    ("a", "b"),
    [("Raqqa", "Hama"), ("Homs", "Hama"), ("Manbij", "Mayadin"), ("Aleppo", "Idlib"), ("Deir ez-Zor", "Deir Hafer")],
)
def test_fold_different_places_stay_apart(a: str, b: str) -> None:
    assert fold.key(a) != fold.key(b)


def test_fold_keys_index_attached_article_both_ways() -> None:
    assert fold.keys("Alhasakah") >= {fold.key("al-Hasakah"), fold.key("Alhasakah")}


def test_fold_place_keys_add_feature_words_for_admin_areas() -> None:
    keys = fold.place_keys(["Raqqa", "الرقة"], "region")
    assert fold.key("Raqqa province") in keys
    assert fold.key("Raqqa Governorate") in keys
    assert fold.key("محافظة الرقة") in keys
    assert fold.key("Raqqa province") not in fold.place_keys(["Raqqa"], "locality")


@pytest.mark.parametrize(
    ("name", "base"),
    [("Raqqa Governorate", "Raqqa"), ("Yobe state", "Yobe"), ("Gwoza LGA", "Gwoza"), ("Qada al Kut", "al Kut"),
     ("Kirkuk Governate", "Kirkuk"), ("Manbij", "Manbij")],
)
def test_fold_base_name_drops_feature_words(name: str, base: str) -> None:
    assert fold.base_name(name) == base


def test_fold_script_ignores_stray_arabic_diacritics() -> None:
    assert fold.script_of("\u0650Afrin") == "latin"
    assert fold.key("\u0650Afrin") == fold.key("Afrin")


def test_fold_arabic_prefixes_cover_every_word_prefix() -> None:
    assert fold.arabic_prefixes(["دير الزور"]) == {fold.key("دير"), fold.key("دير الزور")}


@pytest.mark.parametrize(
    "name",
    ["Nahiyat al Iskandariyah", "Iskandariyah", "al Raqqa governorate", "Raqqa", "Qada al Kut", "Kut", "",
     "al", "Muhafazat Dimashq", "Dimashq City", "Ar Raqqah District", "Raqqa province"],
)
@pytest.mark.parametrize("core", ["iskandariyah", "raqqa", "kut", "dimashq", "", "al", "ar raqqah"])
def test_fold_has_core_agrees_with_core_of_loose(name: str, core: str) -> None:
    folded = fold.loose(name)
    assert fold.has_core(folded, core) == (fold.core_of_loose(folded) == core)
    # the shortcut rests on this: the core is cut out of the fold
    assert fold.core_of_loose(folded) in folded


def test_fold_the_loose_article_is_stripped_for_spelling_checks() -> None:
    from civcas.gazetteer import fold

    assert fold.has_loose_article("al houshan") and not fold.has_loose_article("alhambra")
    assert fold.strip_loose_article("al houshan") == "houshan"
    assert fold.strip_loose_article("houshan") == "houshan"


def test_fold_arabic_and_latin_skeletons_agree_on_consonants() -> None:
    from civcas.gazetteer import fold

    for arabic, latin in [("الصبحة", "As Sabhah"), ("الجرذي", "Al Jurdhi"), ("معرزاف", "Ma`arzaf"),
                          ("قوقفين", "Quqfin"), ("زركان", "Zirgan")]:
        assert fold.arabic_skeleton(arabic) == fold.latin_skeleton(fold.key(latin)), (arabic, latin)
    assert fold.arabic_skeleton("الصبحة") != fold.arabic_skeleton("الصناعة")
    assert fold.arabic_latinized("الصبحة") == "sbha"


def _latin_join_ungated(tokens: list[str]) -> str:
    """:func:`fold._latin_join` as it was before its rules were gated by substrings: every regex on every key."""
    parts: list[str] = []
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if not tok or (tok in fold.ARTICLES and i < last):
            continue
        if tok in fold._ABU and i < last:
            parts.append("bu")
            continue
        tok = fold._ABU_PREFIX.sub("bu", tok)
        tok = fold._SUN_ARTICLE.sub(r"\1", tok)
        if len(tok) > 3 and tok.endswith(("ah", "eh")):
            tok = tok[:-1]
        parts.append(tok)
    s = "".join(parts)
    for pattern, repl in fold._LATIN_RULES:
        s = pattern.sub(repl, s)
    return s


def test_fold_latin_join_gates_change_no_key() -> None:
    """Skipping a rule whose substrings a key lacks gives the key every rule gives (random words and names)."""
    import random

    rnd = random.Random(7)
    letters = "abcdeghijklmnopqrstuwyz"
    words = ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 10))) for _ in range(3000)]
    words += ["al", "el", "abu", "abou", "albu", "bou", "ash", "ezzor", "assad", "arraqqa", "aboukamal", "e", "a",
              "shaddadi", "dhiban", "tchad", "djebel", "dshisr", "awlad", "kharkiv", "ghouta", "phil", "thabit"]
    samples = [[w] for w in words]
    samples += [[rnd.choice(words) for _ in range(rnd.randint(2, 4))] for _ in range(5000)]
    samples += [[fold.latin_token(w) for w in fold.split_words(n)] for n in (
        "Deir ez-Zor", "Al-Bukamal", "Ma'arrat al-Nu'man", "Jisr ash-Shughur", "Ain al-Arab", "Tchad", "Khan Shaykhun",
        "Dhi Qar", "Albu Kamal", "Ash Shaddadi", "Aswan", "Awlad Ali")]
    for tokens in samples:
        assert fold._latin_join(list(tokens)) == _latin_join_ungated(list(tokens)), tokens


@given(st.lists(st.text(alphabet="abdhklmnqrstuwyz' ", max_size=12), max_size=30))
def test_the_skeletons_of_many_keys_at_once_are_each_keys_skeleton(keys: list[str]) -> None:
    assert fold.latin_skeletons(keys) == [fold.latin_skeleton(k) for k in keys]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Hawija", "Al Hawijah"), ("Hawijeh", "al-Hawija"), ("Raqqa", "Ar Raqqah"), ("Shaddadi", "Al Shaddadi")],
)
def test_bare_end_drops_the_article_and_evens_the_ending(a: str, b: str) -> None:
    assert fold.bare_end(fold.loose(a)) == fold.bare_end(fold.loose(b))


def test_bare_end_keeps_other_names_apart() -> None:
    assert fold.bare_end(fold.loose("Hawija")) != fold.bare_end(fold.loose("Hawayij"))
