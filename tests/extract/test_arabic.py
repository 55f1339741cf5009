"""Arabic-script extraction on short sentences written for civcas in the style of real reporting (fictional events)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civcas.extract import arabic
from civcas.extract.arabic_text import fold, variants
from civcas.extract.rules import load_rules
from civcas.extract.statements import Unit
from civcas.extract.text import Sentence
from civcas.records import ClaimantKind, Qualifier, Stance

RULES = load_rules()
WEDNESDAY = date(2023, 3, 15)


def _units(text: str, *, reference: date | None = WEDNESDAY, spotted: list[Any] | None = None) -> list[Unit]:
    sent = Sentence(0, 0, len(text), text, 0)
    return arabic.sentence_units(text, sent, rules=RULES, reference=reference, year_hint=None, spotted=spotted or [])


def _harms(text: str) -> dict[str, Any]:
    return {h.category: h for u in _units(text) for h in u.harms}


def _spans_point_at_text(text: str, units: list[Unit]) -> None:
    """Every record's offsets cut its own text out of the sentence (or the document, for places)."""
    for u in units:
        s = u.sent.text
        assert text[u.sent.start : u.sent.end] == s
        for h in u.harms:
            assert s[h.cue.start : h.cue.end] == h.cue.text
            for g in h.groups:
                assert s[g.start : g.end] == g.text
            for _, g in h.victims:
                assert s[g.start : g.end] == g.text
        for d in u.dates:
            assert s[d.start : d.end] == d.text
        for a in u.actors:
            assert s[a.start : a.end] == a.text
        for p in u.places:
            assert text[p.span.start : p.span.end] == p.text == p.span.text
        if u.claimant is not None:
            # "للمرصد" is "ل" + "المرصد": the name gives back the alef the preposition swallowed.
            assert u.claimant.name in (s[u.claimant.start : u.claimant.end], "ا" + s[u.claimant.start : u.claimant.end])
        if u.stance is not None:
            assert s[u.stance.start : u.stance.end] == u.stance.text


def test_arabic_is_arabic_by_script_majority() -> None:
    assert arabic.is_arabic("مقتل شخص بقصف على القرية pic.twitter.com/AbCdEfGh12")
    assert not arabic.is_arabic("Two killed in Raqqa")


def test_arabic_fold_maps_back_to_the_published_characters() -> None:
    text = "استُشهِد طفلان في قـ.ـصف على إدلب"
    f = fold(text)
    assert f.text == "استشهد طفلان في قصف علي ادلب"
    start = f.text.index("قصف")
    assert text[slice(*f.span(start, start + 3))] == "قـ.ـصف"
    assert text[slice(*f.span(0, 6))] == "استُشهِد"


def test_arabic_variants_strip_clitics_written_onto_a_word() -> None:
    assert ("الرقه", 2) in variants("وبالرقه", article=True)
    assert ("النظام", 1) in variants("للنظام", article=False)


def test_arabic_post_with_source_header_yields_one_unit() -> None:
    text = "مراسل شبكة الشمال: مقتل شخصين وإصابة ثلاثة آخرين بقصف لطيران مسير مجهول على مدينة منبج شرقي حلب"
    units = _units(text)
    assert len(units) == 1
    u = units[0]
    harms = {h.category: h.value for h in u.harms}
    assert harms == {"killed": 2, "injured": 3}
    assert [a.canonical for a in u.actors] == ["unknown"]
    assert u.claimant is not None and u.claimant.name == "مراسل شبكة الشمال"
    assert u.claimant.kind is ClaimantKind.MEDIA
    _spans_point_at_text(text, units)


@pytest.mark.parametrize(
    ("text", "category", "value", "qualifier"),
    [
        ("استشهد 7 مدنيين جراء قصف مدفعي", "killed", 7, Qualifier.EXACT),
        ("ارتفع عدد القتلى إلى ١٥ شخصاً", "killed", 15, Qualifier.EXACT),
        ("قتل ما لا يقل عن خمسة وعشرين مدنياً", "killed", 25, Qualifier.AT_LEAST),
        ("أصيب أكثر من 10 أشخاص بجروح", "injured", 10, Qualifier.MORE_THAN),
        ("إصابة نحو 20 مدنياً بغارة جوية", "injured", 20, Qualifier.APPROX),
        ("سقوط ثلاثة شهداء بقصف صاروخي", "killed", 3, Qualifier.EXACT),
        ("سقوط 12 شخصاً بين قتيل وجريح", "killed_or_injured", 12, Qualifier.EXACT),
        ("مقتل وإصابة 9 أشخاص بانفجار", "killed_or_injured", 9, Qualifier.EXACT),
        ("عشرات الجرحى بقصف على السوق", "injured", None, Qualifier.VAGUE),
        ("مقتل أحد عشر عنصراً من الفصائل", "killed", 11, Qualifier.EXACT),
        ("أن شخصاً على الأقل قتل في الغارة", "killed", 1, Qualifier.AT_LEAST),
        ("قتل بين 5 و8 أشخاص", "killed", 5, Qualifier.RANGE),
        ("انتشلت فرق الإنقاذ جثث 9 أشخاص من تحت الأنقاض", "killed", 9, Qualifier.EXACT),
        # the attack as a pronoun on the preposition, or a demonstrative before its noun, between verb and victims
        ("تعرضت البلدة لقصف صاروخي قتل إثره ثمانية مدنيين", "killed", 8, Qualifier.EXACT),
        ("تعرضت البلدة لقصف صاروخي قتل على إثره ثمانية مدنيين", "killed", 8, Qualifier.EXACT),
        ("قصفت الطائرات السوق وأصيب جراءه 12 شخصاً", "injured", 12, Qualifier.EXACT),
        ("وراح ضحية هذه الهجمات 40 شخصاً بينهم 6 أطفال", "killed", 40, Qualifier.EXACT),
        # a count set in brackets before its noun; the loss of life and injury of twenty together
        ("(10) شهداء وحوالي 25 جريحاً نتيجة القصف", "killed", 10, Qualifier.EXACT),
        ("تسبب القصف بفقدان وإصابة 20 شخصاً", "killed_or_injured", 20, Qualifier.EXACT),
        # a range in words, its second bound written onto its و (and no sum of the two: "خمسة وسبعة" is no 12)
        ("قتل ما بين خمسة وسبعة مدنيين في القصف", "killed", 5, Qualifier.RANGE),
    ],
)
def test_arabic_counts_and_hedges(text: str, category: str, value: int | None, qualifier: Qualifier) -> None:
    h = _harms(text)[category]
    assert h.value == value
    assert h.groups and h.groups[0].qualifier is qualifier
    _spans_point_at_text(text, _units(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مقتل شخص وإصابة اثنين آخرين بقصف", {"killed": 1, "injured": 2}),
        ("قتيل وأربع إصابات بقصف مدفعي", {"killed": 1, "injured": 4}),
        ("استشهاد طفلتين ورجل بقصف", {"killed": 3}),
        ("إصابة شخصين بجروح طفيفة", {"injured": 2}),
        ("جريحان بانفجار عبوة", {"injured": 2}),
        ("استشهاد الشاب محمود بغارة", {"killed": 1}),
        ("شهيد مدني وسبعة جرحى بقصف", {"killed": 1, "injured": 7}),
        ("قامت الدورية بقتله أمام منزله", {"killed": 1}),
        ("أدى القصف إلى مقتلهما على الفور", {"killed": 2}),
        # the wounds a death came of, a few words after "متأثراً", are no injury of their own
        ("توفي الشاب متأثراً بجراحه التي أصيب بها جراء القصف", {"killed": 1}),
        ("أسفر عن استشهاد مدنيين اثنين بقصف", {"killed": 2}),
        ("انتهت العملية بمقتل المدعو خالد العمر", {"killed": 1}),
        ('مقتل كل من "حسن الأحمد" و"سعيد الخلف" إثر الغارة', {"killed": 2}),
        ("أعدمت الدورية كل من ياسر الحمد وابنه عمر في القرية", {"killed": 2}),
        ("أن امرأة و أربعة أطفال جرحوا بالقصف", {"injured": 5}),
        ("ارتفعت الحصيلة إلى 40 قتيلاً وجريحاً", {"killed_or_injured": 40}),
        # the victims after the force that is the verb's subject (verb, subject, object)
        ("قتلت قوات التحالف الدولي شابا خلال إنزال جوي", {"killed": 1}),
        ("قتلت قوات التحالف الدولي الشاب عبد نهار خلال إنزال جوي", {"killed": 1}),
        ("أعدمت ميليشيا قسد السيدة فطيم البتال وابنها في القرية", {"killed": 2}),
        # the dead a post names after a colon, one by one (علي is a name in the list)
        ("أسماء شهداء القصف على المخيم: محمد أحمد سالم، وأحمد محمد سالم، وفاطمة علي سالم، والطفل يوسف محمد سالم.",
         {"killed": 4}),
        # a family counted by its members
        ("أفادت مصادر محلية بمقتل عائلة مكونة من 6 أشخاص بقصف جوي", {"killed": 6}),
    ],
)
def test_arabic_singular_dual_and_named_victims(text: str, expected: dict[str, int]) -> None:
    assert {c: h.value for c, h in _harms(text).items()} == expected


def test_arabic_victim_categories_after_including_and_mostly() -> None:
    h = _harms("استشهد 9 مدنيين بينهم 3 أطفال وامرأة بقصف")["killed"]
    victims = {c: g.value for c, g in h.victims}
    assert h.value == 9 and victims == {"children": 3, "women": 1}
    h = _harms("مقتل 14 شخصاً جلّهم من الأطفال والنساء")["killed"]
    cats = {c: g.qualifier for c, g in h.victims}
    assert cats == {"children": Qualifier.MOSTLY, "women": Qualifier.MOSTLY}
    assert h.status == "civilian"


def test_arabic_combatants_and_civilians() -> None:
    assert _harms("مقتل عنصرين من الفصائل بقصف")["killed"].status == "combatant"
    assert _harms("مقتل ثلاثة مدنيين بقصف")["killed"].status == "civilian"
    # the soldiers' force between two counted groups joined by و: both groups are the verb's, the civilians apart
    h = _harms("قتل ثلاثة عناصر من قوات النظام ومدنيان في هجوم على حافلة")["killed"]
    assert [(g.value, g.status) for g in h.groups] == [(3, "combatant"), (2, "civilian")], h.groups


@pytest.mark.parametrize(
    "text",
    ["قصف مدفعي على القرية دون وقوع إصابات", "لم تسجل إصابات في صفوف المدنيين", "دون ورود أنباء عن خسائر بشرية"],
)
def test_arabic_negated_harm_is_no_harm(text: str) -> None:
    assert not any(u.harms for u in _units(text))


def test_arabic_a_raid_on_a_named_town_tells_of_an_operation() -> None:
    units = _units("التحالف الدولي بالتعاون مع قسد يداهم بلدة الشحيل بريف دير الزور ويعتقل عنصراً")
    assert [u.kind for u in units] == ["attack"] and not units[0].has_figure


@pytest.mark.parametrize(
    "text",
    [
        "مراسل القناة يرصد أوضاع مدينة تلبيسة بعد استهدافها بطائرات النظام",  # "after its targeting"
        "سماع دوي انفجارات هز بلدة الصبحة شرقي دير الزور",  # explosions
        "صور للعملية الأمنية التي نفذتها قوات التحالف الدولي في بلدة الشحيل",  # a security operation "carried out"
    ],
)
def test_arabic_attack_nouns_with_a_pronoun_or_plural_tell_of_a_strike(text: str) -> None:
    units = _units(text)
    assert [u.kind for u in units] == ["attack"] and units[0].places, units


@pytest.mark.parametrize(
    ("text", "canonical", "killed"),
    [
        # a force's own words for its kills: the force that speaks is the attacker
        ("أعلنت وزارة الدفاع التركية تحييد 14 إرهابيا في غارات جوية على منطقة قنديل", "Turkey", 14),
        ('وكانت وزارة الدفاع التركية قد أعلنت مساء أمس الجمعة تحييد 9 من قوات "قسد" شمال شرقي سورية', "Turkey", 9),
    ],
)
def test_arabic_a_force_that_announces_its_kills_is_the_attacker(text: str, canonical: str, killed: int) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    (claim,) = run(Document(id="own", text=text), config=ExtractConfig(gazetteer=None))
    assert claim.belligerents == (canonical,) and claim.killed is not None and claim.killed.value == killed, claim


def test_arabic_a_force_that_says_it_struck_is_the_attacker(village_config: Any) -> None:
    """ "The coalition announced that it carried out an airstrike ...": its own strike, by the pronoun of its act."""
    from datetime import date

    from civcas.extract import run
    from civcas.records import Document

    cfg = village_config
    text = "أعلن التحالف الدولي أنه نفذ غارة جوية في ريف إدلب استهدفت قيادياً في تنظيم حراس الدين."
    (claim,) = run(Document(id="own", text=text, published=date(2024, 12, 2)), config=cfg)
    assert claim.belligerents == ("coalition",), claim
    # ... "stressing that there were no signs of civilian casualties": its word that no civilian was harmed
    text = ("قالت القيادة المركزية الأمريكية إنها قتلت قيادياً في تنظيم حراس الدين بغارة جوية في ريف إدلب، "
            "مؤكدة عدم وجود مؤشرات على سقوط ضحايا مدنيين.")
    (claim,) = run(Document(id="own2", text=text, published=date(2024, 12, 2)), config=cfg)
    assert claim.belligerents == ("US",) and claim.stance is Stance.DISPUTES, claim
    # activists who say that it struck are not the striker for all that
    text = "قال ناشطون إنها غارة روسية استهدفت سوق البلدة وقتلت خمسة مدنيين."
    (claim,) = run(Document(id="own3", text=text, published=date(2024, 12, 2)), config=cfg)
    assert claim.belligerents == ("Russia",), claim
    # an army that announces its strikes by their verbal noun ("أعلن ... تنفيذ غارات")
    text = ("أعلن الجيش الأردني تنفيذ غارات جوية على مواقع لمهربي المخدرات في ريف السويداء الجنوبي، ما أسفر عن مقتل "
            "ستة أشخاص.")
    (claim,) = run(Document(id="own4", text=text, published=date(2023, 8, 14)), config=cfg)
    assert claim.belligerents == ("Jordan",), claim
    # a habit told in the present ("Israel rarely confirms carrying out strikes") announces no strike
    text = "ونادرا ما تؤكد إسرائيل تنفيذ ضربات في سوريا، لكنها تكرر أنها ستواصل تصديها لمحاولات إيران."
    assert all("Iran" not in c.belligerents for c in run(Document(id="own5", text=text), config=cfg))


@pytest.mark.parametrize(
    "text",
    [
        # "activists mourned the young man Ahmad al-Omar, who died in regime shelling ...": the dead is the object
        "نعى ناشطون الشاب أحمد خالد العمر الذي قضى بقصف مدفعي لقوات النظام على أطراف البلدة.",
        "نعى ناشطون الطفلة سارة الأحمد التي قتلت بقصف مدفعي على البلدة.",
    ],
)
def test_arabic_the_person_a_speaker_mourns_is_not_in_its_name(text: str) -> None:
    units = [u for u in _units(text) if u.harms]
    assert units and units[0].claimant is not None and units[0].claimant.name == "ناشطون", units


def test_arabic_harms_each_with_its_own_place_are_two_incidents(village_config: Any) -> None:
    from datetime import date

    from civcas.extract import run
    from civcas.records import Document

    # "two civilians were killed in rocket fire on al-Atarib, and three children were wounded in similar shelling
    # on Kafr Nuran": each harm has its own place
    text = ("قتل مدنيان جراء قصف صاروخي على بلدة الأتارب، كما أصيب ثلاثة أطفال بقصف مماثل على قرية كفرنوران "
            "بريف حلب الغربي.")
    claims = run(Document(id="two", text=text, published=date(2024, 2, 10)), config=village_config)
    got = sorted((c.place.name if c.place else None, c.killed.value if c.killed else None,
                  c.injured.value if c.injured else None) for c in claims)
    assert got == [("Al Atarib", 2, None), ("Kafr Nuran", None, 3)], got
    # one place told once: one incident, its dead and its wounded
    text = "قتل مدنيان وأصيب ثلاثة أطفال جراء قصف صاروخي على بلدة الأتارب بريف حلب الغربي."
    (c,) = run(Document(id="one", text=text, published=date(2024, 2, 10)), config=village_config)
    assert (c.killed.value, c.injured.value) == (2, 3), c  # type: ignore[union-attr]


def test_arabic_a_second_place_with_its_own_preposition_is_no_container(village_config: Any) -> None:
    from datetime import date

    from civcas.extract import run
    from civcas.records import Document

    # "Israeli airstrikes target the Iranian militias' sites in Tartus and around Masyaf in the Hama countryside":
    # Tartus is the city, not an unknown place inside Masyaf
    text = "غارات جوية إسرائيلية تستهدف مواقع الميليشيات الإيرانية في #طرطوس وفي محيط #مصياف بريف حماة."
    claims = run(Document(id="tt", text=text, published=date(2022, 8, 25)), config=village_config)
    assert claims and claims[0].place is not None and claims[0].place.gazetteer_id is not None, claims
    assert claims[0].place.admin1 == "Tartus", claims[0].place


def test_arabic_a_commands_nationality_is_not_where_it_struck(village_config: Any) -> None:
    from datetime import date

    from civcas.extract import run
    from civcas.records import Document

    # "US Central Command admitted two civilians were killed in the strike it carried out last month": no place
    text = "اعترفت القيادة المركزية الأمريكية بمقتل مدنيين اثنين في الضربة التي نفذتها الشهر الماضي."
    (claim,) = run(Document(id="cc", text=text, published=date(2024, 12, 2)), config=village_config)
    assert claim.place is None or claim.place.country != "US", claim.place


def test_arabic_a_force_that_reports_others_strike_is_not_the_attacker() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "قالت وزارة الدفاع السورية إن غارات إسرائيلية قتلت جنديين قرب دمشق"
    (claim,) = run(Document(id="own", text=text), config=ExtractConfig(gazetteer=None))
    assert claim.belligerents == ("Israel",), claim


def test_arabic_harm_without_figure_tells_of_a_strike() -> None:
    units = _units("قتلى وجرحى بغارات جوية على مدينة سراقب")
    assert [u.kind for u in units] == ["attack"]
    assert not units[0].has_figure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ارتقاء شهيـ.ـدين وإصـ ـابة ثلاثة آخرين بقـ.ـصف", {"killed": 2, "injured": 3}),
        ("ا.ستشها.د معلم بق.صف على البلدة", {"killed": 1}),
        # stars between tatweels or letters
        ("استـ*ـشهاد مواطنين اثنين وإصـ*ـابة 20 آخرين جـ*ـراء ق*صف", {"killed": 2, "injured": 20}),
        # a space after the second tatweel: "اعـ. ـ دمت" is one word
        ("اعـ. ـ دمت الدورية ثلاثة مدنيين في القرية", {"killed": 3}),
        # a star after a diacritic: "قُ*تل"
        ("قُ*تل ثلاثة مدنيين بقصف على القرية", {"killed": 3}),
    ],
)
def test_arabic_words_broken_up_to_pass_filters_are_read(text: str, expected: dict[str, int]) -> None:
    assert {c: h.value for c, h in _harms(text).items()} == expected
    _spans_point_at_text(text, _units(text))
    assert len(arabic.split_arabic(Sentence(0, 0, len(text), text, 0))) == 1


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("مقتل مدني بقصف لقوات النظام على البلدة", "Syria"),
        ("مقتل مدني بغارات جوية روسية على البلدة", "Russia"),
        ("مقتل مدني بقصف مسيرة تركية على البلدة", "Turkey"),
        ("مقتل مدني بقصف للاحتلال التركي على البلدة", "Turkey"),
        ("مقتل مدني بغارة لطيران التحالف الدولي على البلدة", "coalition"),
        ("مقتل مدني بقصف مدفعي لميليشيا قسد على البلدة", "SDF"),
        ("مقتل مدني بقصف طائرة مسيرة مجهولة الهوية على البلدة", "unknown"),
        ("مقتل مدني بغارة للطيران الإسرائيلي على البلدة", "Israel"),
        ("مقتل مدني بقصف الميليشيات الإيرانية على البلدة", "Iran"),
        ("مقتل مدني بغارة نفذتها القوات الأمريكية على البلدة", "US"),
        ("مقتل مدني بقصف مصدره مناطق سيطرة قسد", "SDF"),
        # the YPG and the PKK by their letters, as Turkish outlets write them
        ('مقتل مدني بقصف صاروخي نفذه تنظيم "ي ب ك" الإرهابي على البلدة', "SDF"),
        # two armies in the dual, the second an adjective of its own
        ("مقتل مدني بقصف للجيشين التركي والوطني على البلدة", "Turkey"),
        ("مقتل مدني بقصف مدفعي لتنظيم بي كا كا على البلدة", "SDF"),
        # Yemen and Libya: the Saudi-led coalition is not the US-led one
        ("مقتل مدني بغارات لطيران التحالف السعودي على البلدة", "Saudi-led coalition"),
        ("مقتل مدني بعد مداهمة نفذها التحالف الأمريكي على البلدة", "coalition"),  # the American coalition
        ("مقتل مدني بقصف صاروخي لميليشيا الحوثي على البلدة", "Houthis"),
        ("مقتل مدني بقصف للطيران المصري على البلدة", "Egypt"),
        ("مقتل مدني بغارة لطائرة مسيرة إماراتية على البلدة", "United Arab Emirates"),
    ],
)
def test_arabic_belligerents(text: str, canonical: str) -> None:
    units = _units(text)
    assert [a.canonical for u in units for a in u.actors] == [canonical]
    _spans_point_at_text(text, units)


@pytest.mark.parametrize(
    ("text", "canonicals"),
    [
        # a people in the plural names its forces; Assad's aircraft
        ("أصيب مدنيون بقصف المرتزقة الروس على المدينة", ["Russia"]),
        ("مقتل مدني بقصف طائرات الأسد على المدينة", ["Syria"]),
        # the second of two peoples' adjectives joined by و, after the dual "the two occupations"
        ("استشهاد 3 أطفال إثر استهداف ميليشيا الاحتلالين الإيراني والروسي معهدا في المدينة", ["Iran", "Russia"]),
        # shot by a force's members: the force fired, it owns no victim
        ("أصيب مدني برصاص عناصر قسد في المدينة", ["SDF"]),
        # fire from positions a force holds
        ("تتعرض المدينة للقصف بالقذائف من مواقع تسيطر عليها قوات النظام", ["Syria"]),
        # a raid written with its pronoun
        ("الطيران الحربي السوري الروسي المشترك ينفذ غاراته على مواقع في تلبيسة بريف حمص", ["Syria", "Russia"]),
        # a force joined by و to one that owns the target owns it too: the attackers are not named
        ("استهدفت الفصائل مواقع قوات النظام والروس في القرية مما أدى لإصابة سيدتين", []),
        # an operation or an airborne landing by a people's forces, with words between the noun and the people
        ("قتل 13 شخصاً في عملية إنزال أمريكية في البلدة", ["US"]),
        ("قتل مدنيان في عملية عسكرية تركية على القرية", ["Turkey"]),
        # an air force named in the singular, and army aviation
        ("قتل 15 مدنيا بضربة جوية للقوة الجوية العراقية في القضاء", ["Iraq"]),
        ("قتل 15 مدنيا بقصف لطيران الجيش العراقي على القضاء", ["Iraq"]),
        # a speaking force's own strikes that caused the deaths
        ("قال التحالف الدولي إن غاراته تسببت بمقتل أربعة مدنيين في القرية", ["coalition"]),
    ],
)
def test_arabic_belligerents_in_more_forms(text: str, canonicals: list[str]) -> None:
    units = _units(text)
    assert sorted(a.canonical for u in units for a in u.actors) == sorted(canonicals)
    _spans_point_at_text(text, units)


@pytest.mark.parametrize(
    "text",
    [
        "مقتل عنصر من قسد بانفجار عبوة",
        "قتل عنصران من قسد بانفجار عبوة",
        "استهداف مواقع لقوات النظام دون وقوع إصابات",
        "قصف على نقطة تركية في الريف",
        # a military vehicle belonging to a force, past "تابعة" and "قوات"
        "انفجرت عبوة ناسفة في سيارة عسكرية تابعة لقوات النظام قرب الحاجز",
        # the victims' force written in quotes
        'قتل 9 من قوات "قسد" بانفجار عبوة ناسفة',
        # a victim's employer
        "انفجرت عبوة ناسفة بسيارة يستقلها شاب يعمل مع وزارة الدفاع السورية",
    ],
)
def test_arabic_forces_named_as_victims_or_targets_are_not_attackers(text: str) -> None:
    assert not [a for u in _units(text) for a in u.actors]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مقتل شخص بقصف اليوم", date(2023, 3, 15)),
        ("مقتل شخص بقصف أمس", date(2023, 3, 14)),
        # the day before yesterday, in either order of its words
        ("مقتل شخص بقصف مساء أمس الأول", date(2023, 3, 13)),
        ("مقتل شخص بقصف أول أمس", date(2023, 3, 13)),
        ("مقتل شخص بقصف يوم الاثنين", date(2023, 3, 13)),
        ("مقتل شخص بقصف فجر الأربعاء الماضي", date(2023, 3, 8)),
        ("مقتل شخص بقصف في 15 آذار 2022", date(2022, 3, 15)),
        ("مقتل شخص بقصف في 2 شباط", date(2023, 2, 2)),
        ("مقتل شخص بقصف في 7 تشرين الثاني/ نوفمبر 2021", date(2021, 11, 7)),
        ("مقتل شخص بقصف بتاريخ 09/01/2023", date(2023, 1, 9)),
        # a full stop after a numeric date ends the sentence
        ("مقتل شخص بقصف بتاريخ 7/3/2023.", date(2023, 3, 7)),
        # a day of the publication's month, or of the month before it
        ("مقتل شخص بقصف في الخامس من الشهر الجاري", date(2023, 3, 5)),
        ("مقتل شخص بقصف في 22 الشهر الماضي", date(2023, 2, 22)),
        # a day told by a compound ordinal
        ("مقتل شخص بقصف في الثاني عشر من آذار", date(2023, 3, 12)),
        # "of the month of" between the day and the month's name
        ("مقتل شخص بقصف في الخامس من شهر آذار", date(2023, 3, 5)),
        ("مقتل شخص بقصف يوم 5 من شهر آذار", date(2023, 3, 5)),
        ("مقتل شخص بقصف في الحادي والعشرين من شباط", date(2023, 2, 21)),
        ("مقتل شخص بقصف في الثالث عشر من تشرين الأول 2021", date(2021, 10, 13)),
        ("مقتل شخص بقصف في الحادي عشر من الشهر الماضي", date(2023, 2, 11)),
        # a count of days ago
        ("مقتل شخص بقصف قبل أربعة أيام", date(2023, 3, 11)),
        ("مقتل شخص بقصف منذ 5 أيام", date(2023, 3, 10)),
        # the year before the page's, or its own, told after the month
        ("مقتل شخص بقصف في 12 آذار من العام الماضي", date(2022, 3, 12)),
        ("مقتل شخص بقصف في 4 تشرين الأول العام الفائت", date(2022, 10, 4)),
        ("مقتل شخص بقصف في 2 آذار من العام الحالي", date(2023, 3, 2)),
        # slashes around the month's name, as roundups write their day
        ("مقتل شخص بقصف يوم الاثنين 19/ أيلول/ 2022", date(2022, 9, 19)),
        ("مقتل شخص بقصف في 5 / شباط / 2023", date(2023, 2, 5)),
    ],
)
def test_arabic_dates_resolve_against_the_reference(text: str, expected: date) -> None:
    units = _units(text)
    dates = [d for u in units for d in u.dates if d.kind != "year"]
    assert [d.start_date for d in dates] == [expected]
    _spans_point_at_text(text, units)


def test_arabic_dates_without_reference_stay_unresolved() -> None:
    dates = [d for u in _units("مقتل شخص بقصف اليوم الأحد", reference=None) for d in u.dates]
    assert dates and all(d.start_date is None for d in dates)


_AR_TOP = "\n".join(["الرئيسية | أخبار سوريا", "", "مقتل مدني بقصف على ريف إدلب", "", "مراسل الموقع", "",
                     "شارك الخبر", "", "الأكثر قراءة", "", "أخبار ذات صلة"]) + "\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_AR_TOP + "23/07/2022\n\nقتل مدني بقصف اليوم", date(2022, 7, 23)),
        (_AR_TOP + "الأحد, 23 يناير 2022, 09:36\n\nقتل مدني بقصف ليلة أمس", date(2022, 1, 23)),
        (_AR_TOP * 8 + "تاريخ النشر:12.10.2021 | 10:34 GMT | أخبار العالم العربي\n", date(2021, 10, 12)),
        (_AR_TOP + "قتل ثلاثة مدنيين في 12 أيار 2022 بقصف\n", None),  # an event's date, inside a sentence
    ],
)
def test_arabic_page_date_below_the_opening_lines(text: str, expected: date | None) -> None:
    from civcas.extract.arabic_dates import dateline
    from civcas.extract.arabic_lexicon import arabic_lex
    from civcas.extract.dates import page_date

    assert dateline(text, arabic_lex(RULES)) is None
    assert page_date(text, rules=RULES) == expected


def test_arabic_stamp_month_first() -> None:
    text = "السبت, فبراير 3, 2024\n\nمقتل شخص بقصف اليوم"
    sent = Sentence(1, text.index("مقتل"), len(text), text[text.index("مقتل") :], 2)
    units = arabic.sentence_units(text, sent, rules=RULES, reference=None, year_hint=None, spotted=[])
    assert [d.start_date for u in units for d in u.dates] == [date(2024, 2, 3)]


def test_arabic_dateline_stands_in_for_a_missing_reference() -> None:
    text = "12 أيار 2022\n\nمقتل شخص بقصف اليوم"
    sent = Sentence(1, text.index("مقتل"), len(text), text[text.index("مقتل") :], 2)
    units = arabic.sentence_units(text, sent, rules=RULES, reference=None, year_hint=None, spotted=[])
    assert [d.start_date for u in units for d in u.dates] == [date(2022, 5, 12)]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("وأفاد الدفاع المدني بمقتل شخص بقصف", "الدفاع المدني", ClaimantKind.GOVERNMENT),
        ("مقتل شخص بقصف بحسب مصادر محلية", "مصادر محلية", ClaimantKind.LOCAL),
        ("وقال المرصد السوري لحقوق الإنسان إن 4 مدنيين قتلوا بالقصف", "المرصد السوري لحقوق الإنسان",
         ClaimantKind.MONITOR),
        ("وذكرت مصادر طبية أن طفلاً قتل بالقصف", "مصادر طبية", ClaimantKind.MEDICAL),
        ("ناشطون: مقتل امرأة بقصف مدفعي", "ناشطون", ClaimantKind.ACTIVISTS),
        ("مقتل رجل بقصف وفقاً للمرصد السوري", "المرصد السوري", ClaimantKind.MONITOR),
        # a source inside a body the lexicon knows
        ("قتل 15 مدنياً جراء غارة جوية على الموصل، حسب مصدر في الدفاع المدني", "مصدر في الدفاع المدني",
         ClaimantKind.GOVERNMENT),
        # the name ends before what is admitted ("بتنفيذ")
        ("اعترف التحالف الدولي بتنفيذ غارة جوية قتلت مدنيين في الموصل", "التحالف الدولي", ClaimantKind.BELLIGERENT),
        # ... and before the news it announces, written without a preposition ("ارتفاع حصيلة", "سقوط")
        ("أعلن الدفاع المدني السوري ارتفاع حصيلة ضحايا القصف إلى 12 قتيلاً", "الدفاع المدني السوري",
         ClaimantKind.GOVERNMENT),
        ("وأكدت مصادر محلية سقوط 3 قتلى بالقصف", "مصادر محلية", ClaimantKind.LOCAL),
        # a toll or a report the source keeps, named before it
        ("ارتفع عدد ضحايا الغارات على السوق إلى 39 قتيلا، وفق حصيلة للدفاع المدني", "الدفاع المدني",
         ClaimantKind.GOVERNMENT),
        ("قتل 39 مدنيا في الغارات على السوق، بحسب حصيلة جديدة للمرصد السوري", "المرصد السوري",
         ClaimantKind.MONITOR),
        ("قتل 24 مدنيا خلال الشهر، حسب تقرير نشره الدفاع المدني", "الدفاع المدني", ClaimantKind.GOVERNMENT),
        # a verb of saying with its object written onto it, after "بحسب ما"; the day it said so is no part of it
        ("أصيب ثمانية مدنيين بجروح جراء قصف صاروخي على عفرين، بحسب ما قاله الدفاع المدني السوري",
         "الدفاع المدني السوري", ClaimantKind.GOVERNMENT),
        ("توفي طفل متأثرا بإصابته بقصف مدفعي، بحسب ما أكده الدفاع المدني يوم 11 أكتوبر", "الدفاع المدني",
         ClaimantKind.GOVERNMENT),
        ("قتل ثلاثة مدنيين بغارة روسية على قرية البارة، حسبما أفاد به مراسلنا في إدلب", "مراسلنا", ClaimantKind.MEDIA),
        # ... or bare after "حسب ما", "وفق ما": the body it opens speaks, known to the lexicon or not
        ("قتل 12 مدنيا في قصف بمسيرة على سوق في مدينة الضعين، حسب ما أفادت غرفة طوارئ المدينة",
         "غرفة طوارئ المدينة", ClaimantKind.OTHER),
        ("قتل 12 مدنيا في قصف بمسيرة على سوق في مدينة الضعين، وفق ما أعلنت غرفة طوارئ المدينة",
         "غرفة طوارئ المدينة", ClaimantKind.OTHER),
        # a quoted name keeps both its quotes; a monitoring campaign
        ('استشهد 8 مدنيين بغارات على حي الرومانية، وفق ما أفادت حملة "الرقة تذبح بصمت"', 'حملة "الرقة تذبح بصمت"',
         ClaimantKind.MONITOR),
        # a post's header with its verb: the correspondent of an outlet the lexicon does not know
        ('وقال مراسل "صوت الريف": قصفت قوات النظام بلدة سرمدا ما أدى إلى مقتل مدنيين اثنين', 'مراسل "صوت الريف"',
         ClaimantKind.MEDIA),
        ("وقال مراسل صوت الريف إن قوات النظام قصفت بلدة سرمدا ما أدى إلى مقتل مدنيين اثنين", "مراسل صوت الريف",
         ClaimantKind.MEDIA),
        # the news a source denies, with no preposition, is no part of its name; an agency's news is its name
        ("نفت وزارة الدفاع الروسية الأنباء عن مقتل مدنيين في غاراتها على بلدة تلبيسة", "وزارة الدفاع الروسية",
         ClaimantKind.MILITARY),
        ("قالت وكالة الأنباء السورية إن خمسة مدنيين قتلوا في غارة على بلدة تلبيسة", "وكالة الأنباء السورية",
         ClaimantKind.MEDIA),
        ("فيما نفت وزارة الدفاع التركية ذلك", "وزارة الدفاع التركية", ClaimantKind.MILITARY),
    ],
)
def test_arabic_claimants(text: str, name: str, kind: ClaimantKind) -> None:
    units = _units(text)
    c = units[0].claimant
    assert c is not None and c.name == name and c.kind is kind
    _spans_point_at_text(text, units)


def test_arabic_relayed_source() -> None:
    units = _units("ونقلت وكالة الأنباء الرسمية عن مصادر محلية مقتل شخصين بالقصف")
    u = units[0]
    assert u.claimant is not None and u.claimant.name == "مصادر محلية"
    assert [r.name for r in u.relays] == ["وكالة الأنباء الرسمية"]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("ونفت وزارة الدفاع أن تكون طائراتها قد نفذت أي غارة على البلدة", Stance.DENIES),
        ("واعترف التحالف الدولي بمقتل مدنيين اثنين في الغارة", Stance.ACKNOWLEDGES),
        # the speaker's own "did not target civilians", "carried out no strikes"
        ("وقالت وزارة الدفاع إن طائراتها لم تستهدف المدنيين في البلدة", Stance.DENIES),
        ("مصدر عسكري: الطيران لم يستهدف أي مناطق مدنية في المدينة", Stance.DENIES),
        ("وقال الجيش إن الغارة التي قتلت سبعة من عمال الإغاثة كانت خطأ جسيما", Stance.ACKNOWLEDGES),
        ("وأكد المتحدث أن قواته لم تنفذ أي غارات في المنطقة", Stance.DENIES),
        ("قالت الوزارة إن طائراتها لم تنفذ أي طلعات جوية في المنطقة", Stance.DENIES),
        ("وأكد المتحدث وجود القوات في المدينة، نافياً التقارير عن سقوط ضحايا", Stance.DENIES),
        # reports called fabricated; only fighters struck
        ("ووصفت وزارة الدفاع التقارير عن مقتل مدنيين في البلدة بأنها مفبركة", Stance.DENIES),
        ("وزعم التحالف أن الغارة استهدفت مقاتلين من تنظيم داعش فقط", Stance.DISPUTES),
        # a force that says its own strikes caused deaths
        ("قال التحالف الدولي إنه خلص إلى أن غاراته تسببت بمقتل 1417 مدنيا منذ آب 2014", Stance.ACKNOWLEDGES),
    ],
)
def test_arabic_stance(text: str, stance: Stance) -> None:
    units = _units(text)
    assert any(u.stance is not None and u.stance.stance is stance for u in units)


def test_arabic_fabricated_photos_are_no_denial() -> None:
    units = _units("نشر ناشطون صوراً مفبركة لقصف على البلدة")
    assert not any(u.stance is not None for u in units)


def test_arabic_a_stance_with_no_source_at_it_is_the_last_named_before_it() -> None:
    # the coalition disputes, the activists who speak in the next clause allege
    text = "زعم التحالف أن الغارة استهدفت مقاتلين من تنظيم داعش فقط، فيما قال ناشطون إن 9 مدنيين قتلوا في البلدة"
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="st", text=text), config=ExtractConfig(gazetteer=None))
    got = sorted((c.claimant or "", c.stance.value, c.killed.value if c.killed else None) for c in claims)
    assert got == [("التحالف", "disputes", None), ("ناشطون", "alleges", 9)]


def test_arabic_a_strike_that_hit_no_military_site_is_no_denial() -> None:
    units = _units("قتل خمسة مدنيين بغارة لم تستهدف أي موقع عسكري في البلدة")
    assert not any(u.stance is not None and u.stance.stance is Stance.DENIES for u in units)


def test_arabic_places_from_feature_words_and_countryside() -> None:
    text = "مقتل مدني بقصف على بلدة كفرنجد في ريف إدلب الجنوبي"
    units = _units(text)
    by = {p.text: p for u in units for p in u.places}
    assert by["كفرنجد"].kind_hint == "village"
    _spans_point_at_text(text, units)


def test_arabic_places_leave_clitics_out_and_read_hashtags() -> None:
    text = "مقتل مدني بقصف على قرية #تل_الزيتون بريف المدينة"
    names = [p.text for u in _units(text) for p in u.places]
    assert names == ["تل_الزيتون"]


def test_arabic_mountains_name_their_range_but_surrounding_is_no_name() -> None:
    # "جبال قنديل": the Qandil mountains, as "جبل" names one; "بجبال محيطة ببلدة": mountains around the town
    units = _units("قصف الطيران مواقع في جبال قنديل ما أدى لمقتل 3 مدنيين")
    by = {p.text: p.kind_hint for u in units for p in u.places}
    assert by == {"قنديل": "district"}
    names = [p.text for u in _units("قضى شاب بقصف مدفعي أثناء جمع الحطب بجبال محيطة ببلدة برزة") for p in u.places]
    assert names == ["برزة"]


def test_arabic_where_a_victim_hails_from_is_an_origin() -> None:
    text = "مقتل تاجر ينحدر من مدينة الشحيل بغارة على قرية العدوانية"
    by = {p.text: p.relation for u in _units(text) for p in u.places}
    assert by == {"الشحيل": "origin", "العدوانية": "in"}


def test_arabic_the_hospitals_of_a_town_the_wounded_were_taken_to_are_an_origin() -> None:
    # the plural "مشافي" and a feature word between it and the town
    text = "أصيبت امرأة بقصف مدفعي على قرية الأغيبش، وجرى نقلها إلى مشافي مدينة الحسكة لتلقي العلاج."
    by = {p.text: p.relation for u in _units(text) for p in u.places}
    assert by == {"الأغيبش": "in", "الحسكة": "origin"}, by


def test_arabic_feature_word_with_article_names_no_place() -> None:
    text = "مقتل مدني بقصف على المدينة التي شهدت غارات"
    assert not [p for u in _units(text) for p in u.places]


def test_arabic_sentences_of_a_paragraph_are_cut_at_full_stops() -> None:
    text = "قتل شخص بقصف على القرية.وأفاد الدفاع المدني بإصابة ثلاثة آخرين. شهـ.ـداء في قصف آخر"
    parts = arabic.split_arabic(Sentence(4, 10, 10 + len(text), text, 2))
    assert [p.text for p in parts] == ["قتل شخص بقصف على القرية.", "وأفاد الدفاع المدني بإصابة ثلاثة آخرين.",
                                       "شهـ.ـداء في قصف آخر"]
    assert all(p.index == 4 and p.paragraph == 2 for p in parts)


@pytest.fixture(scope="module")
def gz() -> Any:
    from civcas import gazetteer
    from civcas.errors import GazetteerError

    try:
        return gazetteer.load()
    except GazetteerError as exc:  # pragma: no cover - the bundled file is built at set-up
        pytest.skip(f"no gazetteer: {exc}")


def _spotted(gz: Any, text: str) -> list[Any]:
    return [dataclasses.replace(x) for x in gz.spot(text)]


def test_arabic_places_the_gazetteer_knows_with_their_context(gz: Any) -> None:
    text = "مقتل شخصين بقصف لطيران مسير على مدينة منبج شرقي حلب"
    units = _units(text, spotted=_spotted(gz, text))
    by = {p.text: p for u in units for p in u.places}
    assert by["منبج"].kind_hint == "city" and by["منبج"].within == ("حلب",)
    assert by["حلب"].relation == "east_of"
    _spans_point_at_text(text, units)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a shadda or a vowel mark inside a name is part of the word
        ("مقتل مدني بغارة خاطئة في قرية كرهّوك شمال شرقي الحسكة", "كرهّوك"),
        # a name headed by الشيخ or مساكن is named whole
        ("استشهد 12 مواطنا في قصف استهدف منزلا في حي الشيخ رضوان بمدينة غزة", "الشيخ رضوان"),
        ("استشهدت امرأة بقصف مدفعي على بلدة مساكن جلين غربي درعا", "مساكن جلين"),
    ],
)
def test_arabic_names_are_read_whole(text: str, name: str, gz: Any) -> None:
    names = [p.text for u in _units(text, spotted=_spotted(gz, text)) for p in u.places]
    assert name in names, names


def test_arabic_common_word_is_not_a_place_after_a_preposition(gz: Any) -> None:
    text = "أودى القصف بحياة ثلاثة مدنيين في إطار الحملة على منبج"
    names = [p.text for u in _units(text, spotted=_spotted(gz, text)) for p in u.places]
    assert names == ["منبج"]


def test_a_mill_or_a_bakery_struck_is_no_place(gz: Any) -> None:
    text = "قال ناشطون إن غارة استهدفت مطاحن في منبج وأدت إلى مقتل عمال"
    names = [p.text for u in _units(text, spotted=_spotted(gz, text)) for p in u.places]
    assert names == ["منبج"]


def test_arabic_document_to_claim(gz: Any) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "مقتل ثلاثة مدنيين بينهم طفل بغارة روسية على مدينة منبج شرقي حلب.\nوقال الدفاع المدني إن فرقه انتشلت الجثث."
    claims = run(Document(id="ar1", text=text, published=WEDNESDAY), config=ExtractConfig(gazetteer=gz))
    assert len(claims) == 1
    c = claims[0]
    assert c.killed is not None and c.killed.value == 3
    assert dict(c.victims)["children"].value == 1
    assert c.belligerents == ("Russia",)
    assert c.place is not None and c.place.mention == "منبج" and c.place.admin1 == "Aleppo"
    for ev in c.evidence:
        assert text[ev.span.start : ev.span.end] == ev.span.text


_ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
_MIXED = st.one_of(_ARABIC, st.sampled_from(list(" .،:؟!#_-ـ0123456789٠١٢٣\n\u200fabcXYZ\"«»")))


@settings(max_examples=300, deadline=None)
@given(st.text(_MIXED, min_size=0, max_size=80))
def test_arabic_arbitrary_text_never_raises(text: str) -> None:
    if not text.strip():
        return
    units = _units(text)
    _spans_point_at_text(text, units)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["مقتل", "شخص", "إصابة", "اثنين", "آخرين", "بقصف", "على", "مدينة", "منبج", "12",
                                 "شهداء", "بينهم", "طفل", "و", "أمس", "قسد", "بحسب", "مصادر", "محلية", "،", ".",
                                 "دون", "جرحى", "ريف", "#حلب", "ـ", "بين", "قتيل", "وجريح"]), max_size=25))
def test_arabic_reporting_words_in_any_order_never_raise(words: list[str]) -> None:
    text = " ".join(words)
    if text.strip():
        _spans_point_at_text(text, _units(text))


def test_arabic_title_run_into_latin_page_furniture_still_states_a_claim() -> None:
    # A video page's title followed by the site's menu words, all one "sentence" that is mostly Latin.
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = (
        "قتلى وجرحى بقصف مدفعي استهدف حي الجامع في مدينة إدلب - "
        "VideoAboutPressCopyrightContactCreatorsAdvertiseDevelopersTermsPrivacyPolicySafetyFeatures"
    )
    assert not arabic.is_arabic(text)
    assert arabic.has_arabic_statement(text, RULES)
    claims = run(Document(id="m1", text=text), config=ExtractConfig(gazetteer=None))
    assert claims, "the Arabic title's strike report is kept"
    assert claims[0].place is not None and "إدلب" in (claims[0].place.mention or "") + "".join(
        p.mention or "" for p in claims[0].places
    )


def test_arabic_superscript_digits_are_not_days() -> None:
    # str.isdigit() accepts "²", which int() refuses; found by the Hypothesis test of the pipeline
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    assert run(Document(id="a1", text="قتلى ²"), config=ExtractConfig()) == []


def test_arabic_documenting_one_strike_is_no_tally() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    text = "وثق المرصد السوري مقتل 4 مدنيين بينهم طفل بقصف جوي روسي."
    (c,) = run(Document(id="d", text=text, published=date(2021, 3, 4)), config=ExtractConfig(gazetteer=None))
    assert c.kind is ClaimKind.INCIDENT and c.killed is not None and c.killed.value == 4


def test_arabic_counts_that_share_a_verb_keep_their_own_places() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "قتل 7 مدنيين في بلدة كفرنبل و5 في مدينة سراقب جراء غارات روسية."
    got = sorted(c.killed.value for c in run(Document(id="d", text=text, published=date(2021, 3, 4)),
                                             config=ExtractConfig(gazetteer=None)) if c.killed is not None)
    assert got == [5, 7], got


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    "text",
    [
        # "بادر" (he hastened) is a word, not "ب" + a town abroad spelled "ادر"
        "قتل شاب خلال عملية إنزال جوي بعد أن بادر بإطلاق النار",
        # "لديه" (he has), not "ل" + a town spelled "ديه"
        "قتل شاب بغارة لطائرة مسيرة وكان لديه ثلاثة أطفال",
    ],
)
def test_a_common_word_is_not_a_clitic_and_a_place(text: str, village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    claims = run(Document(id="a1", text=text, language="ar"), config=village_config)
    assert claims
    assert all(c.place is None for c in claims), [c.place for c in claims]


@pytest.mark.issue(3)
@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # قضى (died) with its victims after or before it
        ("بقصف مدفعي قضى الشاب إبراهيم الحسن أثناء جمع الحطب قرب البلدة", 1),
        ("وقال المراسل إن 3 مدنيين قضوا بالقصف، وأصيب 6 آخرون", 3),
        ("قضى طفلان بانفجار لغم من مخلفات القصف", 2),
        # workers as a dual, or a sound plural counted by the number after it
        ("قتل عاملان في غارة على مدجنة قرب القرية", 2),
        ("استهدفت الغارات مدجنة في ريف حلب، ما أدى لمقتل عاملين اثنين", 2),
        # a post's source and a colon, then the count
        ("المرصد السوري: 16 قتيلا في غارة على المدينة", 16),
        # the family the victims come from is no second group of one
        ("قال مراسل القناة إن 4 أطفال من عائلة واحدة قتلوا في قصف مدفعي على البلدة", 4),
        # the breakdown after "بينهم" between the victims and the verb
        ("وقال المراسل إن 6 مدنيين بينهم 3 أطفال وامرأة قتلوا في القصف", 6),
        # a short phrase between the verb and its counted victims
        ("وقتل خلال الغارة شخصان هما صابر وسامي", 2),
        ("وراح ضحية المجزرة خمسة مدنيين بينهم ثلاثة أطفال", 5),
        ("استشهد في الغارة الجوية الروسية 7 مدنيين", 7),
        # a relative named by a possessive is one more person
        ("أفاد مراسلنا بمقتل رجل وزوجته بقصف على قرية في الريف", 2),
        ("وثق المرصد استشهاد سيدة وطفلها في ريف البلدة", 2),
        # "lost their lives": the victims between the verb and its object, or the object's pronoun
        ("فقد شخصان حياتهما وأصيب 5 آخرون بقصف مدفعي على السوق", 2),
        ("فقدان ثلاثة مدنيين لحياتهم بغارة على البلدة", 3),
        ("وفقد شاب حياته بقصف على البلدة", 1),
        # "met his death": the victims between the verb and its object
        ("لقي شاب حتفه جراء غارة لطائرة مسيرة استهدفت سيارته قرب البلدة", 1),
        ("لقي ثلاثة مدنيين مصرعهم بقصف مدفعي على أطراف البلدة", 3),
        # "it turned out he had departed life": the verbal noun's pronoun is the one victim
        ("وبعد تمشيط المكان تبين مفارقته للحياة في القرية", 1),
        # one person named after "المدعو" before the verb
        ("وقالت مصادر محلية إن المدعو خالد العلي قتل برصاص الدورية خلال مداهمة منزله", 1),
        # the verb's subject runs on over a second force joined by و and over its backer to the victims
        ("قتلت قوات النظام السوري والميليشيات الإيرانية ثلاثة مدنيين في البلدة", 3),
        ("قتلت طائرة مسيرة تابعة للتحالف الدولي شابين قرب البلدة", 2),
        ("قتلت قوات سوريا الديمقراطية المدعومة أمريكيا شابا في البلدة", 1),
        # a relative named by a kin word after the person named
        ("استشهد الشاب محمد العلي وأمه بقصف على البلدة", 2),
        ("انتقل إلى رحمة الله الشهيد يوسف جمال الحسن وبنته ريماس نتيجة القصف على البلدة", 2),
        # a dual verb after its subject
        ("قال المراسل إن طفلتين قُتلتا بانفجار قنبلة في القرية", 2),
    ],
)
def test_arabic_death_counts(text: str, killed: int) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="k", text=text), config=ExtractConfig(gazetteer=None))
    assert [c.killed.value for c in claims if c.killed is not None] == [killed], claims


@pytest.mark.issue(3)
@pytest.mark.parametrize(
    "text",
    [
        "قضت المحكمة بسجن المتهم ثلاث سنوات",  # the court ruled: no victims
        "لقي القرار ترحيبا واسعا من الأهالي",  # the decision met a welcome: no death
        "وقد فقد الأهالي الأمل بعد القصف على البلدة",  # lost hope, not life
        "قتل شاب بقصف على البلدة عند الساعة 10:30 صباحا",  # a time is no count
    ],
)
def test_arabic_no_false_counts(text: str) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="k", text=text), config=ExtractConfig(gazetteer=None))
    assert all(c.killed is None or c.killed.value in (None, 1) for c in claims), claims


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    "text",
    [
        # "the Paradise" is not Djenné ("جنه") however large, nor "my mother" Umeå ("أوميو")
        "استشهد الشاب بقصف على البلدة، رحمه الله وأسكنه الفردوس الأعلى من الجنة",
        "استشهد شاب بقصف على البلدة، وكان سندا لأمي وإخوتي",
    ],
)
def test_a_common_word_is_no_large_town_spelled_otherwise(text: str, village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    claims = run(Document(id="a2", text=text, language="ar"), config=village_config)
    assert claims
    assert all(c.place is None or c.place.country in (None, "SY") for c in claims), [c.place for c in claims]


def test_a_prepositional_phrase_after_a_feature_word_is_no_name() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    # "مزرعة لتربية الدواجن": a farm for raising poultry, not a farm called "لتربية"
    doc = Document(id="f", text="أصيب مدني بغارة على مزرعة لتربية الدواجن")
    claims = run(doc, config=ExtractConfig(gazetteer=None))
    assert all("لتربية" not in (p.mention or "") for c in claims for p in c.places), claims



@pytest.mark.issue(5)
def test_a_name_qualified_by_a_countrys_adjective_is_a_place_of_that_country(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    # "the children of Syrian Ariha": no preposition, but the adjective says a town, and which
    text = "مجزرة بحق أطفال أريحا السورية بقصف الطيران، والحصيلة 3 شهداء و14 جريحاً"
    claims = run(Document(id="a3", text=text, language="ar"), config=village_config)
    assert claims and claims[0].place is not None
    assert (claims[0].place.name, claims[0].place.country) == ("Ariha", "SY"), claims[0].place
    # an institution so qualified is no place: "the Turkish migration administration" denies
    text = "إدارة الهجرة التركية تنفي مقتل ثلاثة لاجئين"
    claims = run(Document(id="a4", text=text, language="ar"), config=village_config)
    assert all(p.mention != "الهجرة" for c in claims for p in c.places), [c.places for c in claims]


@pytest.mark.issue(5)
def test_the_enemys_adjective_names_the_attacker_not_the_place(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    # "the criminal Russian enemy shells #Atarib": Russia strikes, the town is in Syria
    claims = run(Document(id="a5", text="العدو الروسي المجرم يقصف #الأتارب بالصواريخ الفراغية", language="ar"),
                 config=village_config)
    assert claims and claims[0].place is not None and claims[0].place.country == "SY", claims
    assert list(claims[0].belligerents) == ["Russia"], claims[0].belligerents


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    "text",
    [
        # an institution's adjective after the town it is named after is no construct ("مطار حلب الدولي")
        "طيران مسير يستهدف سيارة مدنية على طريق مطار حلب الدولي",
        "قصف طيران النظام مشفى حلب الجامعي",
    ],
)
def test_a_town_named_by_an_institution_with_its_adjective_is_a_place(text: str, gz: Any) -> None:
    units = _units(text, spotted=_spotted(gz, text))
    assert [p.text for u in units for p in u.places] == ["حلب"], units


@pytest.mark.issue(5)
def test_a_towns_adjective_after_it_is_no_construct_and_a_countrys_says_which_town(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    # "in occupied Afrin": the town, not a construct "عفرين of the occupied"
    text = "تتعرض قرية بينه في ريف شيراوا بعفرين المحتلة لقصف جيش الاحتلال التركي، ما أسفر عن إصابة مواطنين بجروح"
    claims = run(Document(id="a6", text=text, language="ar"), config=village_config)
    assert claims and all(c.place is not None and c.place.country == "SY" for c in claims), [c.place for c in claims]
    # "Libyan Tripoli" is in Libya, "Lebanese Tripoli" in Lebanon
    for adjective, country in (("الليبية", "LY"), ("اللبنانية", "LB")):
        text = f"العثور على 5 جثث مجهولة الهوية في طرابلس {adjective}"
        claims = run(Document(id="a7", text=text, language="ar"), config=village_config)
        assert claims and claims[0].place is not None and claims[0].place.country == country, claims[0].place
    # after a feature word the country's adjective is not part of the town's name
    text = "استشهد 5 مدنيين بقصف جوي على مدينة درنة الليبية"
    claims = run(Document(id="a9", text=text, language="ar"), config=village_config)
    assert claims and claims[0].place is not None and claims[0].place.precision.value == "settlement", claims[0].place
    assert claims[0].place.country == "LY" and claims[0].place.gazetteer_id is not None


@pytest.mark.issue(5)
def test_a_tagged_peoples_adjective_is_the_attacker_never_the_place(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    # "a #Turkish shelling hit the village of #Aqiba ... of #Afrin": Turkey struck, the village is in Syria
    text = ("فقد المواطن أحمد (42 عاماً) حياته متأثراً بجراحه نتيجة قصف #تركي استهدف قرية #آقيبة في ناحية "
            "#شيراوا التابعة لمدينة #عفرين في ريف #حلب")
    claims = run(Document(id="a8", text=text, language="ar"), config=village_config)
    assert claims and claims[0].place is not None and claims[0].place.country == "SY", claims[0].place
    assert list(claims[0].belligerents) == ["Turkey"] and claims[0].killed is not None
    assert claims[0].killed.value == 1


@pytest.mark.issue(5)
def test_a_hashtag_of_several_words_names_a_landmark(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    text = "قصف مسيرة تركية للمدنيين في جسم #سد_تشرين أدى لاستشهاد مدنيين اثنين"
    claims = run(Document(id="a9", text=text, language="ar"), config=village_config)
    assert claims and claims[0].place is not None and claims[0].place.name == "Tishreen Dam", claims


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # written in Arabic, a town of an Arab country before its namesake of one size abroad (Binche, Belgium)
        ("قصف على مدينة بنش", "Binnish", "SY"),
        # a large city abroad still wins
        ("قصف روسي على باريس", "Paris", "FR"),
    ],
)
def test_a_name_in_arabic_script_prefers_an_arab_countrys_town_of_one_size(
    text: str, name: str, country: str, village_config: Any
) -> None:
    from civcas.extract import run
    from civcas.records import Document

    claims = run(Document(id="p", text=text, language="ar"), config=village_config)
    assert claims and claims[0].place is not None
    assert (claims[0].place.name, claims[0].place.country) == (name, country), claims[0].place


def test_a_name_after_a_feature_word_carries_no_preposition(gz: Any) -> None:
    # "قرية كدورة" is a village called Kadora, not "like" + a village called Dura
    text = "إصابة مدنيين اثنين بقصف استهدف مزرعة بالقرب من قرية كدورة جنوبي إدلب"
    places = [p for u in _units(text, spotted=_spotted(gz, text)) for p in u.places]
    assert "كدورة" in [p.text for p in places], places


@pytest.mark.issue(5)
def test_a_region_named_with_its_feature_word_is_the_region(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    text = "شن التحالف الدولي بعد منتصف الليل سلسلة غارات على مواقع في البادية السورية"
    claims = run(Document(id="b1", text=text, language="ar"), config=village_config)
    assert claims and claims[0].place is not None and claims[0].place.name == "Syrian Badia", claims


def test_a_rare_word_a_strike_fell_on_is_a_place_even_unknown() -> None:
    # "a massacre in Kansafra" spelled with ص: no gazetteer key, but what a strike fell on is a place
    assert [p.text for u in _units("مجزرة في كنصفرة حسبنا الله") for p in u.places] == ["كنصفرة"]
    # but not a common word, nor a word after "من" (the attacker) or after an institution's noun
    assert not [p for u in _units("قصف على المدنيين في البلدة") for p in u.places]
    assert not [p for u in _units("أصيب 3 مدنيين في هجوم من إرهابيي التنظيم") for p in u.places]


@pytest.mark.issue(5)
def test_a_village_the_gazetteer_spells_only_in_latin_is_found_by_its_consonants(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    # the layers spell the Deir ez-Zor village "Sabhah" in Latin letters only; its Arabic namesake is in Aleppo
    text = "سماع دوي انفجارات هز بلدة الصبحة شرقي دير الزور وسط تحليق للطيران المروحي"
    claims = run(Document(id="c1", text=text, language="ar"), config=village_config)
    assert claims and claims[0].place is not None
    place = claims[0].place
    assert (place.name, place.admin1) == ("Sabhah", "Deir ez-Zor"), place
    assert any("consonants" in r for r in place.reasons), place.reasons
    # a town of size of the country keeps its own name: Idlib named with Aleppo is not a hamlet "Ad Dulab"
    text = "قصف مدفعي على إدلب وريف حلب أدى لمقتل مدني"
    claims = run(Document(id="c2", text=text, language="ar"), config=village_config)
    assert all(c.place is None or c.place.name != "Ad Dulab" for c in claims), [c.place for c in claims]


@pytest.mark.issue(5)
def test_a_village_spelled_only_in_latin_is_found_in_the_documents_country_when_one_name_is_clearly_nearest(
    village_config: Any,
) -> None:
    from civcas.extract import run
    from civcas.records import Document

    claims = run(Document(id="c3", text="قصف التحالف على قرية فنيجين في سوريا أدى لمقتل شخص", language="ar"),
                 config=village_config)
    assert claims and claims[0].place is not None and claims[0].place.name == "Fanajin", claims[0].place


def test_arabic_half_year_tolls_and_their_breakdowns_are_tallies() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    cfg = ExtractConfig(gazetteer=None)
    # "The network documented the killing of 480 civilians in Syria during the first half of the year."
    (c,) = run(Document(id="h", text="ووثقت الشبكة مقتل 480 مدنياً في سوريا خلال النصف الأول من العام.",
                        published=date(2023, 7, 2)), config=cfg)
    assert c.kind is ClaimKind.AGGREGATE and c.killed is not None and c.killed.value == 480
    # a yearly toll, then "the number of children killed in the shelling reached 60": the breakdown is the tally's;
    # "those strikes caused the death of 80 soldiers" likewise; but a dated strike after it is a strike of its own
    text = (
        "ووثق الدفاع المدني مقتل 200 شخص خلال عام 2022 جراء قصف قوات النظام.\n\n"
        "وبلغ عدد الأطفال الذين قتلوا في القصف 60 طفلاً.\n\n"
        "وفي 3 كانون الثاني، قتل خمسة مدنيين جراء الضربات الروسية على بلدة سرمين."
    )
    got = {c.killed.value: c.kind for c in run(Document(id="t", text=text, published=date(2023, 1, 5)), config=cfg)
           if c.killed is not None}
    assert got[200] is ClaimKind.AGGREGATE and got[60] is ClaimKind.AGGREGATE, got
    assert got[5] is ClaimKind.INCIDENT, got


def test_arabic_tolls_over_a_year_counted_attacks_and_an_escalation_are_tallies() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    cfg = ExtractConfig(gazetteer=None)
    texts = {
        # "47 people were killed during the past year in the city of Afrin": a year's toll, even in one town
        47: "وقتل 47 شخصاً وأصيب 200 مدني خلال العام الماضي في مدينة عفرين جراء القصف الصاروخي.",
        # "the Civil Defence documented more than 400 attacks on the north, which killed 120 people"
        120: "وثق الدفاع المدني أكثر من 400 هجوم على الشمال السوري، وتسببت تلك الهجمات بمقتل 120 شخصاً.",
        # "since the escalation began on 12 December, the number of dead reached 500"
        500: "ووفق المرصد السوري منذ بدء التصعيد في 12 كانون الأول، بلغ عدد القتلى 500 شخص.",
    }
    for value, text in texts.items():
        got = run(Document(id=str(value), text=text, published=date(2025, 1, 2)), config=cfg)
        assert got and all(c.kind is ClaimKind.AGGREGATE for c in got), (value, [(c.kind, c.killed) for c in got])
    # a strike's day toll in one village stays a strike, however many raids hit it
    (c,) = run(Document(id="v", text="شنت الطائرات الروسية 12 غارة على قرية البارة، ما أدى إلى مقتل 3 مدنيين.",
                        published=date(2025, 1, 2)), config=cfg)
    assert c.kind is ClaimKind.INCIDENT


def test_arabic_a_harm_verb_after_a_singular_relative_counts_one() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    cfg = ExtractConfig(gazetteer=None)
    # "the condolences of Mahmoud al-Shaher, who was killed defending every home"
    (c,) = run(Document(id="r", text="المشاركة في عزاء محمود الشاهر الذي قُتل مدافعاً عن حرمة كل بيت في الجزيرة.",
                        published=date(2025, 10, 24)), config=cfg)
    assert c.killed is not None and c.killed.value == 1
    # "the shelling that killed and wounded dozens": the relative's antecedent is the strike, nobody is counted
    got = run(Document(id="s", text="أدان ناشطون القصف الذي قتل وجرح العشرات في إدلب.", published=date(2025, 1, 1)),
              config=cfg)
    assert all(c.killed is None or c.killed.value != 1 for c in got)


def test_arabic_a_death_of_ones_own_wounds_counts_one() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    cfg = ExtractConfig(gazetteer=None)
    for text in (
        # "a young man was badly wounded in shelling on the town, then died of his wounds in hospital"
        "أصيب الشاب خالد العمر بجروح خطيرة في قصف على بلدة الضمير، ثم توفي متأثراً بإصابته في المشفى.",
        "أصيبت سيدة بجروح بغارة على القرية، وماتت متأثرة بجراحها بعد يومين.",
        # "a photograph of the young man Ahmad al-Hasan, who was killed by the patrol's bullets last night"
        'صورة الشاب "أحمد الحسن" والذي قُتل برصاص الدورية ليلة أمس في بلدة الشحيل.',
    ):
        (c,) = run(Document(id="w", text=text, published=date(2025, 10, 20)), config=cfg)
        assert c.killed is not None and c.killed.value == 1, text
    # "two men died of their wounds": the plural counts nobody on its own, and no one is made up
    got = run(Document(id="p", text="توفي متأثرين بجراحهم بعد قصف على البلدة.", published=date(2025, 1, 1)), config=cfg)
    assert all(c.killed is None or c.killed.value != 1 for c in got)


def test_arabic_words_run_together_by_a_capture_are_read_apart() -> None:
    """A post's hashtag line run into its first word: ة and ى end a word, so a letter after one starts the next."""
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    f = fold("#الرقةمقتل شقيقين")
    assert f.text == "#الرقه مقتل شقيقين"
    assert f.source[slice(*f.span(7, 11))] == "مقتل"
    assert fold("عيسىإصابة").text == "عيسي اصابه"
    assert fold("مدينة إدلب").text == "مدينه ادلب"  # nothing to part
    text = "#الرقةمقـ تل شقيقين ووالدتهما برصاص دورية في قرية الكرامة شرق الرقة."
    (c,) = run(Document(id="g", text=text, published=date(2025, 12, 23)), config=ExtractConfig(gazetteer=None))
    assert c.killed is not None and c.killed.value == 3


def test_arabic_people_named_with_a_title_after_a_strikes_subject_are_counted() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    cfg = ExtractConfig(gazetteer=None)
    cases = {
        # "the SDF killed the young man Muhammad al-Ali"
        "قتلت قسد الشاب محمد العلي في بلدة ذيبان": 1,
        # "the militia executed the lady "Fatim" and her son, the young man "Jasim""
        'أعدمت ميليشيا قسد السيدة "فطيم البتال" و ابنها الشاب "جاسم محمد اللجي" واختطفت الجثث': 2,
        # "regime forces killed the child Ahmad and the girl Sara"
        "قتلت قوات النظام الطفل أحمد والطفلة سارة في سرمين": 2,
        # the force tagged in a post ("#قسد") and the verb broken up with tatweels and a dot to slip past filters
        'اعـ. ـ دمت ميليشيا #قسد السيدة "خديجة الحسن" وابنها الشاب "علي" بعد اقتحام منزلهم في قرية الصبحة': 2,
    }
    for text, n in cases.items():
        got = run(Document(id="t", text=text, published=date(2025, 12, 23)), config=cfg)
        assert got and got[0].killed is not None and got[0].killed.value == n, (text, [c.killed for c in got])


def test_two_harm_verbs_of_one_count_and_of_two_victims() -> None:
    """ "قتل وأصيب 30 شخصا": thirty killed or injured; "إن مدنياً استشهد وأصيب آخرون": one killed, others injured."""
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    def figures(text: str) -> list[tuple[int | None, int | None, int | None]]:
        out = []
        for c in run(Document(id="a1", text=text), config=ExtractConfig(gazetteer=None)):
            out.append(tuple(f.value if f is not None else None for f in (c.killed, c.injured, c.killed_or_injured)))
        return out

    assert figures("قتل وأصيب 30 شخصا في قصف على مدينة إدلب.") == [(None, None, 30)]
    assert figures("استشهد وجرح أكثر من 200 شخص في غارات على مبنى السجن في مدينة صعدة.") == [(None, None, 200)]
    assert figures("قال مراسل إن مدنياً استشهد وأصيب آخرون جراء قصف مدفعي على بلدة كفر تعال.") == [(1, None, None)]
    two = "ذكرت مصادر محلية أن شخصاً قتل وأصيب ثلاثة آخرون جراء استهداف سيارة في مدينة جرابلس."
    assert figures(two) == [(1, 3, None)]
    # a count after the first count's place shares its verb, "others" too
    assert figures("قتل 5 مدنيين في غارات جوية على بلدة كفرنبل، و3 آخرون في قصف مماثل على قرية حاس.") == [
        (5, None, None), (3, None, None)]
    # an ordinal alone after the second verb is one more victim ("a third was wounded")
    assert figures("قتل مدنيان وجرح ثالث في غارة لطائرة مسيرة على ريف القامشلي.") == [(2, 1, None)]
    assert figures("استشهد ثلاثة أطفال وأصيب رابع بجروح خطيرة في قصف على بلدة سرمين.") == [(3, 1, None)]


def test_an_accusers_name_ends_where_the_accused_force_begins() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    def who(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
        return [(c.claimant, tuple(c.belligerents))
                for c in run(Document(id="a2", text=text), config=ExtractConfig(gazetteer=None))]

    assert who("قتل 12 مدنيا في غارة على بلدة كفرنبل، واتهم ناشطون الطيران الروسي بتنفيذها.") == [
        ("ناشطون", ("Russia",))]
    assert who("اتهمت وزارة الخارجية السورية التحالف الدولي بقتل 20 مدنيا في قرية الصور.") == [
        ("وزارة الخارجية السورية", ("coalition",))]
    # a force the accuser speaks for is part of the accuser's name, not the accused
    got = who("اتهم الناطق باسم الجيش الوطني الوحدات الكردية بقصف مدينة عفرين ومقتل 6 مدنيين.")
    assert got and got[0][0] is not None and "الجيش الوطني" in got[0][0], got


def test_a_counts_own_noun_after_a_death_verb_is_not_another_victim() -> None:
    """ "ارتقاء 13 شهيدا": thirteen killed (the singular شهيدا is the count's noun), not thirteen and one more."""
    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    def killed(text: str) -> list[int | None]:
        return [c.killed.value if c.killed else None
                for c in run(Document(id="a3", text=text), config=ExtractConfig(gazetteer=None))]

    assert killed("ارتقاء 13 شهيدا في قصف على منزل في بلدة بيت لاهيا.") == [13]
    assert killed("ارتقى 13 شهيدا في قصف على منزل في بلدة بيت لاهيا.") == [13]
    assert killed("قتيل وثلاث إصابات في قصف على بلدة بيت لاهيا.") == [1]
    # a toll since the start of the aggression is a tally
    claims = run(Document(id="a4", text="وزارة الصحة: ارتفاع عدد الشهداء في قطاع غزة إلى 83 شهيدا بينهم 17 طفلا "
                                        "منذ بدء العدوان."), config=ExtractConfig(gazetteer=None))
    assert [c.kind for c in claims] == [ClaimKind.AGGREGATE], claims


def test_relatives_counted_after_a_plural_possessive() -> None:
    """ "رجل وزوجته وأطفالهما الثلاثة": a man, his wife and their three children, five."""
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="a5", text="مقتل رجل وزوجته وأطفالهما الثلاثة بقصف على منزلهم في مدينة أريحا."),
                 config=ExtractConfig(gazetteer=None))
    assert [c.killed.value if c.killed else None for c in claims] == [5], claims


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # "بلا" (without) takes the noun after it: Doctors Without Borders negate no harm
        ("أعلنت منظمة أطباء بلا حدود مقتل 11 شخصاً في غارة على مستشفى في المحافظة.", [11]),
        ("استشهاد أم وأطفالها الأربعة بقصف على بلدة سرمين.", [5]),
        ("استشهاد أب وابنتين له بقصف على بلدة سرمين.", [3]),
        # a family's members listed after its make-up, summed
        ("استشهاد عائلة كاملة مؤلفة من أب وأم و3 أطفال بغارة على مدينة الأتارب.", [5]),
        # "أم" is also "or": no mother without a companion after her
        ("وسط معلومات عن مصيره، إذ لا يعرف ما إذا كان قد قتل أم تم اعتقاله.", []),
    ],
)
def test_arabic_counts_of_kin_and_beside_an_organisations_name(text: str, killed: list[int]) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="k", text=text), config=ExtractConfig(gazetteer=None))
    assert [c.killed.value for c in claims if c.killed] == killed, claims


def test_arabic_word_lists_are_data_folded_once_at_load() -> None:
    """The extraction modules' word lists live in the Arabic data files and are compiled, folded, with the lexicon."""
    import re

    from civcas.extract.arabic_lexicon import _alternation, arabic_lex
    from civcas.extract.arabic_text import fold_phrase

    lex = arabic_lex(RULES)
    assert "مشفي" in lex.institutions  # written "مشفى" in places.ar.v1.yaml
    assert lex.kin_counts["الثلاثه"] == 3 and "اطفال" in lex.kin_plurals
    assert lex.hedge.search(fold("ووفق معلومات أولية").text) and lex.hedge.search("ويعتقد ان")
    assert not lex.hedge.search("اعتقد")
    cuts = [m.group() for m in lex.clause_boundary.finditer("قتل شخص في حين اصيب اخر، وثم")]
    assert cuts == ["في حين", "،"]
    for words in (lex.phrase_stops, lex.never_names, lex.place_links, lex.name_stops, lex.list_ends, lex.taken_to):
        assert words and all(fold_phrase(w) == w for w in words)
    assert not re.search(_alternation([]), "انباء")  # an empty list matches nothing, not everywhere


@pytest.mark.issue(5)
def test_a_village_named_without_its_second_words_article(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    # "دير شرقي" is the village "دير الشرقي", not "دير" east of something: what follows is no place
    text = "مقتل 6 مدنيين جراء غارات روسية على قرية دير شرقي جنوب إدلب."
    claims = run(Document(id="a2", text=text, language="ar"), config=village_config)
    assert [c.place.name for c in claims if c.place is not None] == ["Dayr ash Sharqi"], claims


@pytest.mark.issue(5)
def test_another_states_forces_and_a_capital_written_with_its_article(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    # any state's forces by the countries file's Arabic demonyms; "الخرطوم" is the capital, though "خرطوم" is a word
    text = "قتل 14 مدنياً في قصف جوي للجيش السوداني على الخرطوم."
    (claim,) = run(Document(id="a3", text=text, language="ar"), config=village_config)
    assert list(claim.belligerents) == ["Sudan"], claim
    assert claim.place is not None and (claim.place.name, claim.place.country) == ("Khartoum", "SD"), claim.place


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # "لجان" (committees) is a source the lexicon knows whole, not "ل" + "جان"; "للمرصد" carries the preposition
        ("قتل 11 شخصا في غارة على سوق في نيالا، وفق لجان المقاومة.", "لجان المقاومة"),
        ("قالت لجان التنسيق المحلية إن 11 شخصا قتلوا في غارة على سوق في إدلب.", "لجان التنسيق المحلية"),
        ("قتل 11 شخصا في غارة على سوق في إدلب، وفقا للمرصد السوري.", "المرصد السوري"),
    ],
)
def test_a_source_whose_name_starts_like_a_preposition(text: str, claimant: str) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    (claim,) = run(Document(id="a4", text=text, language="ar"), config=ExtractConfig(gazetteer=None))
    assert claim.claimant == claimant, claim.claimant


def test_people_hurt_in_a_strike_are_not_the_strikes_own() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    # "وأصيب 40 في قصف إسرائيلي": wounded in the shelling, not forty of the shelling's people ("3 من عناصر قسد")
    text = "استشهد 26 مواطناً وأصيب 40 في قصف إسرائيلي استهدف مدرسة تؤوي نازحين."
    (claim,) = run(Document(id="a5", text=text, language="ar"), config=ExtractConfig(gazetteer=None))
    assert list(claim.belligerents) == ["Israel"], claim


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a word broken with one tatweel and a space to slip past filters
        ("مقـ تل شقيقين برصاص عناصر مسلحة خلال مداهمة قرية في ريف الرقة.", 2),
        # parents named by a possessive join the victims
        ("مقتل شقيقين ووالدتهما برصاص عناصر مسلحة خلال مداهمة قرية في ريف الرقة.", 3),
        ("مقتل طفل ووالديه في قصف جوي على مدينة إدلب.", 3),
    ],
)
def test_broken_words_and_parents_by_a_possessive(text: str, killed: int) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    (claim,) = run(Document(id="a6", text=text, language="ar"), config=ExtractConfig(gazetteer=None))
    assert claim.killed is not None and claim.killed.value == killed, claim.killed


def test_a_stray_tatweel_after_a_whole_word_keeps_the_space() -> None:
    from civcas.extract.arabic_text import fold

    assert fold("مقـ تل").text == "مقتل"
    assert fold("موالية لتركياـ شمال حلب").text == "مواليه لتركيا شمال حلب"
    assert fold("مصادر محلية لـ سانا").text == "مصادر محليه ل سانا"


def test_a_label_tag_run_into_the_first_word_is_split_off() -> None:
    # a capture that dropped the line break after "#عاجل": the label ends, the news begins
    from civcas.extract.arabic_text import fold

    f = fold("#عاجلفقدت امرأة حياتها")
    assert f.text == "#عاجل فقدت امراه حياتها"
    assert f.source[slice(*f.span(6, 10))] == "فقدت"
    assert fold("#عاجلة").text == "#عاجله"  # a longer word is no label
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "#عاجلفقدت امرأة مسنة حياتها بقصف تركي على ريف حلب الشمالي."
    claims = run(Document(id="a", text=text), config=ExtractConfig(gazetteer=None))
    assert [c.killed.value for c in claims if c.killed] == [1]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("خان شيخون: ارتفاع عدد ضحايا الهجوم إلى 58 شهيداً وأكثر من 300 مصاب.", "Khān Shaykhūn"),
        ("درعا:: قتل مدنيان برصاص مجهولين مساء أمس.", "Dar‘ā"),
        # a mark or an emoji before it, a bar after it
        ("⭕️ معرة النعمان | 39 شهيداً حصيلة مجزرة الطيران الروسي في سوق الخضار وسط المدينة", "Ma`arrat an Nu`man"),
    ],
)
def test_a_posts_heading_names_its_place(text: str, name: str, village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    claims = run(Document(id="h", text=text, language="ar"), config=village_config)
    assert claims and claims[0].place is not None and claims[0].place.name == name, claims[0].place


@pytest.mark.issue(5)
def test_an_unknown_name_before_a_relative_position_is_a_place(village_config: Any) -> None:
    from civcas.export.claims import claim_to_json
    from civcas.extract import run
    from civcas.records import Document

    # "in Jdeidet Kahit, east of Raqqa": the village the gazetteer lacks is the place, inside Raqqa's area
    text = "أعدمت ميليشيا قسد امرأة مسنة وابنها بعد اقتحام منزلهم في جديدة كحيط شرق الرقة فجر اليوم"
    claims = run(Document(id="a5", text=text, language="ar"), config=village_config)
    assert claims and claims[0].place is not None
    assert (claims[0].place.mention, claims[0].place.country) == ("جديدة كحيط", "SY"), claims[0].place
    # ... also with a feature word before the place it is relative to: a town the gazetteer knows in Latin letters only,
    # found by its consonants inside the capital's area
    text = "قتل 12 مهاجراً في قصف جوي على مركز إيواء في تاجوراء شرق العاصمة طرابلس"
    claims = run(Document(id="a5b", text=text, language="ar"), config=village_config)
    assert claims and claims[0].place is not None
    assert (claims[0].place.mention, claims[0].place.country) == ("تاجوراء", "LY"), claims[0].place
    # an attack noun there is no name: "in an attack east of Raqqa" is at Raqqa
    text = "قتل مدنيان في هجوم شرق الرقة فجر اليوم"
    claims = run(Document(id="a6", text=text, language="ar"), config=village_config)
    assert all(p.mention != "هجوم" for c in claims for p in c.places), [c.places for c in claims]
    # the feature word the text names a place by travels with it to the export
    text = "مقتل طفلين بغارة جوية على قرية الشاهر في ريف الرقة"
    claims = run(Document(id="a7", text=text, language="ar"), config=village_config)
    assert claims and claims[0].place is not None and claims[0].place.phrase == "قرية الشاهر"
    assert claim_to_json(claims[0])["place"]["mentions"][:2] == ["الشاهر", "قرية الشاهر"]


def test_arabic_a_hedged_attribution_names_the_force() -> None:
    # "a drone believed to be Iranian", "a drone probably Turkish": the text's belief names the force
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    cfg = ExtractConfig(gazetteer=None)
    for text, force in (
        ("سقوط طائرة مسيرة يعتقد أنها إيرانية على منزل في قرية الطليعي أدى لإصابة امرأة بجروح.", "Iran"),
        ("قتل مدنيان بقصف طائرة مسيرة يرجح أنها تركية على قرية في ريف القامشلي.", "Turkey"),
        # the kind of aircraft and the hedge together: three words between the noun and its people
        ("قتل تسعة أشخاص بقصف طائرات حربية يرجح أنها روسية على مشفى في معرة النعمان.", "Russia"),
    ):
        (c,) = run(Document(id="h", text=text, published=date(2025, 6, 15)), config=cfg)
        assert c.belligerents == (force,), (text, c.belligerents)


def test_arabic_a_pronouns_preposition_between_the_verb_and_its_victims() -> None:
    # "قتل فيها شخص" (a person was killed in it), "وقتل خلاله 14": the victims after "in it", "during it"
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    cfg = ExtractConfig(gazetteer=None)
    for text, n in (
        ("شن الطيران الروسي غارة على بلدة سرمين قتل فيها ثلاثة مدنيين.", 3),
        ("نفذ التحالف غارة جوية على منزل في قرية فنيجين، قتل فيها شخص.", 1),
    ):
        (c,) = run(Document(id="f", text=text, published=date(2021, 11, 8)), config=cfg)
        assert c.killed is not None and c.killed.value == n, (text, c.killed)


def test_arabic_natives_of_a_village_is_their_origin() -> None:
    # "two martyrs, natives of the village of Kafr Nabl, in strikes on the outskirts of the village of Hazano"
    text = "استشهاد رجلين من أبناء قرية كفرنبل جراء غارات على أطراف قرية حزانو"
    by = {p.text: p.relation for u in _units(text) for p in u.places}
    assert by.get("كفرنبل") == "origin" and by.get("حزانو") != "origin", by


def test_arabic_a_yemeni_district_and_a_popular_market() -> None:
    # "مديرية" is a district; "سوق شعبي" (a popular market) and "أحياء سكنية" (residential quarters) name nothing
    text = "مقتل 9 مدنيين بغارات على سوق شعبي وأحياء سكنية في مديرية حيدان بمحافظة صعدة"
    names = {p.text: p.kind_hint for u in _units(text) for p in u.places}
    assert names.get("حيدان") == "district" and "شعبي" not in names and "سكنية" not in names, names


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        # a toll's count after the phrase that says what it is the toll of
        ("ارتفع عدد الشهداء جراء الغارات الجوية على بلدة كفرنبل بريف إدلب الجنوبي إلى خمسة، بينهم طفلان.", "killed", 5),
        ("ارتفعت حصيلة الجرحى بعد القصف المدفعي على القرية إلى 12 مدنياً.", "injured", 12),
    ],
)
def test_arabic_a_toll_counts_after_its_phrase(text: str, category: str, value: int) -> None:
    got = {c: h.value for c, h in _harms(text).items()}
    assert got.get(category) == value, got


def test_arabic_a_count_with_its_own_harm_word_stays_that_words() -> None:
    # "... إلى 7 قتلى و20 جريحاً": the victims' toll is seven killed and twenty wounded, not seven victims
    got = {c: h.value for c, h in _harms("ارتفعت حصيلة ضحايا القصف على المخيم إلى 7 قتلى و20 جريحاً.").items()}
    assert got.get("killed") == 7 and got.get("injured") == 20, got


def test_arabic_a_source_after_a_denial_speaks_for_the_harm() -> None:
    # "the Russian ministry denied ..., whereas activists confirmed four civilians killed": the activists' claim
    text = ("نفت وزارة الدفاع الروسية تنفيذ أي غارات على ريف إدلب، "
            "فيما أكد ناشطون مقتل 4 مدنيين بقصف جوي على مدينة سرمين.")
    units = _units(text)
    harm = [u for u in units if u.harms]
    denial = [u for u in units if u.kind == "stance"]
    assert harm and harm[0].claimant is not None and harm[0].claimant.name == "ناشطون"
    assert denial and denial[0].claimant is not None and "وزارة الدفاع" in denial[0].claimant.name


def test_arabic_a_denial_after_an_agencys_report_is_the_deniers() -> None:
    # "the agency reported that six civilians were killed ..., whereas the Turkish ministry denied ...": each its own
    text = ("ذكرت وكالة الأنباء أن ستة مدنيين قتلوا بقصف لطائرة مسيرة على قرية كفر حلب، "
            "فيما نفت وزارة الدفاع التركية استهداف المدنيين.")
    units = _units(text)
    harm = [u for u in units if u.harms]
    denial = [u for u in units if u.kind == "stance"]
    assert harm and harm[0].claimant is not None and "وكالة" in harm[0].claimant.name
    assert denial and denial[0].claimant is not None and "وزارة الدفاع" in denial[0].claimant.name


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("قُتلت امرأة مع ابنها بغارة جوية على البلدة.", 2),
        ("قُتل الشاب أحمد العلي برفقة شقيقه بقصف مدفعي على القرية.", 2),
        ("قتل 5 مدنيين مع استمرار القصف على البلدة.", 5),  # "مع" before no victim joins nothing
    ],
)
def test_arabic_a_companion_after_with_is_counted(text: str, value: int) -> None:
    got = {c: h.value for c, h in _harms(text).items()}
    assert got.get("killed") == value, got


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "a man, his wife and their two children" (a dual with its pronoun): four
        ("استشهد رجل وزوجته وطفلاهما إثر غارة جوية على القرية.", 4),
        ("قتلت امرأة وطفلاها بغارة على البلدة.", 3),
        ("استشهد الشاب محمد العلي وابناه بقصف مدفعي على البلدة.", 3),
        ("استشهد رجل وزوجته وأطفالهما الثلاثة بقصف على القرية.", 5),
    ],
)
def test_arabic_two_relatives_named_by_a_dual_count_two(text: str, value: int) -> None:
    got = {c: h.value for c, h in _harms(text).items()}
    assert got.get("killed") == value, got


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the couple's two children ("their two children"), hurt apart from the couple killed
        ("أسفر القصف عن مقتل رجل وزوجته وإصابة طفليهما بجروح.", 2),
        ("أسفر القصف عن مقتل رجل وإصابة ابنتيه بجروح.", 2),
        ("أسفر القصف عن مقتل رجل وزوجته وإصابة طفلهما.", 1),
    ],
)
def test_arabic_the_couples_children_hurt_are_counted(text: str, value: int) -> None:
    got = {c: h.value for c, h in _harms(text).items()}
    assert got.get("injured") == value, got


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # one person named (a given name, or any words in quotes), and the people counted as with them
        ("ارتقاء خالد العمر برفقة 3 أشخاص جراء قصف على بلدة سرمين.", 4),
        ('ارتقاء "هدى الكامل" جراء قصف مدفعي على بلدة سرمين.', 1),
        ('استشهاد "سامر الحسن" قائد الشرطة برفقة شابين جراء قصف على البلدة.', 3),
        # "killed him" of four letters: one
        ('"نور الدين غفير" يحمل شهادة في المحاسبة قتله نظام الأسد يوم أمس باستهداف منزله.', 1),
        # the one "killed him" is, and the companion after the verb's subject: two
        ("قتلته قوات النظام مع ابنه بقصف على البلدة.", 2),
        # the martyr named after a blessing, or in double brackets
        ("انتقل إلى رحمة الله، الشهيد بإذن الله يوسف جمال الحسن نتيجة القصف على البلدة.", 1),
        ("قدّم التحالف واجب العزاء بوفاة الشهيد ((محمود الهليل)) في القرية.", 1),
        # a person the text goes on to describe ("..., who is an official"): one, whatever the given name
        ("نفذت القوات الأمريكية غارة جوية على البلدة، مما أسفر عن مقتل رحيم بويف، وهو مسؤول في التنظيم.", 1),
        # a first toll between the verb and its count: the count, not the one of "its victims"' pronoun
        ("استهدفت الطائرات المشفى في المدينة وراح ضحيتها في حصيلة أولية 12 وأصيب 23 آخرون.", 12),
        # "and one of her sons" (و with أحد folds onto واحد, "one"): two; "one woman" stays one
        ("انتهت العملية بتصفية مسنة وأحد أبناء زوجها في البلدة.", 2),
        ("قتلت امرأة واحدة بقصف على البلدة.", 1),
        # the title's tags are no words of it
        ('ارتقاء "سعد بري" قائد شرطة #سرمدا شمال #إدلب برفقة 3 أشخاص جراء قصف على المدينة.', 4),
        # a death notice's words, the victim before them with name and age
        ("انتقل إلى رحمة الله الشاب أحمد الخطيب نتيجة القصف على البلدة.", 1),
        ("الطفل عمر ياسر 12 سنة في ذمة الله متأثراً بإصابته نتيجة القصف على البلدة.", 1),
        # the woman and the child, each named: two
        ("استشهاد المرأة سعاد الحسين والطفل علي كرم جراء غارات على البلدة.", 2),
        # the person named after the verb's subject, two forces joined by و: one
        ("في هذا المنزل قتلت مدفعية النظام وروسيا سلمى التي تزوجت قبل شهرين.", 1),
        ("قتلت قوات النظام محمد العلي بقصف مدفعي على البلدة.", 1),
        # a woman's given name after "the martyr", beside the wounded: one dead
        ("إصابة طفلة مع عدد من النساء عدا الشهيدة ليلى المصري بسبب القصف على المدينة.", 1),
        # the martyr named, then "who was martyred": the same one person, not two
        ("تشييع الشهيد الإعلامي أنس خربوطلي الذي استشهد جراء غارة جوية على المدينة.", 1),
    ],
)
def test_arabic_named_victims_are_counted(text: str, value: int) -> None:
    got = {c: h.value for c, h in _harms(text).items()}
    assert got.get("killed") == value, got


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        # the dead a post numbers one per line after "the names of the martyrs"
        ("اسماء شهداء مجزرة #سرمين نتيجة القصف الذي استهدف المدينة صباح اليوم :\n"
         "1- خالد أحمد العمر\n2-زياد محمد الحسن\n3-سامر علي الخطيب\n4-ريم بنت سامر -طفلة", 4, Qualifier.EXACT),
        # Eastern Arabic digits, a line of tags between, and a list a teaser cuts off: at least so many
        ("اسماء الشهداء نتيجة القصف الذي استهدف مدينة #سرمين\n#تحديث\n١- خالد أحمد العمر\n٢-زياد محمد الحسن\n"
         "٣-سامر علي...", 3, Qualifier.AT_LEAST),
    ],
)
def test_arabic_numbered_names_of_the_dead_are_counted(text: str, value: int, qualifier: Qualifier) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="n1", text=text), config=ExtractConfig(gazetteer=None))
    killed = [c.killed for c in claims if c.killed is not None]
    assert killed and (killed[0].value, killed[0].qualifier) == (value, qualifier), killed
    span = killed[0].span
    assert span is not None and text[span.start : span.end].startswith("خالد")  # the list, first name on


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        # a mourning post tags the dead one per line, each with a title ("the young man", "the child")
        ("ننعى الشهداء الذين طالتهم يد الغدر بالقصف الروسي على معمل في البلدة أثناء عملهم.\n"
         "#الشاب_خالد_أحمد_العمر\n#الشاب_زياد_الحسن\n#الطفل_سامر_يوسف_الخطيب", 3, Qualifier.EXACT),
        # a teaser cuts the list off: at least so many
        ("ننعى الشهداء الذين قضوا بالقصف على البلدة.\n#الشاب_خالد_العمر\n#الطفلة_ريم_سامر...", 2,
         Qualifier.AT_LEAST),
    ],
)
def test_arabic_the_dead_tagged_one_per_line_are_counted(text: str, value: int, qualifier: Qualifier) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="t1", text=text), config=ExtractConfig(gazetteer=None))
    killed = [c.killed for c in claims if c.killed is not None]
    assert killed and (killed[0].value, killed[0].qualifier) == (value, qualifier), killed
    span = killed[0].span
    assert span is not None and text[span.start : span.end].startswith("#الشاب_خالد")


def test_arabic_tags_that_are_no_people_count_nothing() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "ننعى الشهداء الذين قضوا بالقصف على البلدة.\n#إدلب_الآن\n#سوريا_تنزف"
    claims = run(Document(id="t2", text=text), config=ExtractConfig(gazetteer=None))
    assert all(c.killed is None or c.killed.value is None for c in claims), claims


def test_arabic_a_numbered_list_after_prose_counts_nothing() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "قصف على مدينة سرمين وسقوط شهداء.\n1- لا بد من الإشارة\n2- أن القصف مستمر"
    claims = run(Document(id="n2", text=text), config=ExtractConfig(gazetteer=None))
    assert all(c.killed is None or c.killed.value is None for c in claims), claims


def test_arabic_since_a_clause_away_is_no_tally() -> None:
    # a post that runs on without full stops: "since the revolution began" is when the dead man fought, not a tally
    text = ("استفاقت البلدة اليوم على خبر مؤسف حيث توفي الشاب أحمد العلي على إثر إصابته بعد مداهمة منزله في البلدة "
            "من قبل التحالف الدولي فجر يوم السبت والشاب أحمد العلي هو أحد وجهاء عشيرة معروفة ومن عائلة معروفة "
            "بمواقفها في البلدة وريفها وكان من الثوار الأوائل وأحد القادة "
            "الذين قاتلوا نظام الأسد منذ بداية الثورة تعازينا لأهله")
    units = [u for u in _units(text) if u.harms]
    assert units and not units[0].aggregate, units[0].aggregate
    # next to its figure it still marks the tally
    near = "قتل 300 مدني في البلدة منذ بداية الثورة بحسب الشبكة."
    assert next(u.aggregate for u in _units(near) if u.harms)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("قتل مدنيان في قصف جوي على العاصمة طرابلس.", "طرابلس"),  # the capital, named after its word
        ("قتل مدنيان في قصف جوي على العاصمة السورية دمشق.", "دمشق"),  # the country's adjective between
    ],
)
def test_arabic_the_capital_named_after_its_word_is_a_place(text: str, name: str, village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    claims = run(Document(id="c1", text=text), config=village_config)
    assert [c.place.mention for c in claims if c.place is not None] == [name]


def test_arabic_an_outlet_named_for_the_capital_names_no_place(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    text = 'وقال موقع "صوت العاصمة" إن 10 أشخاص على الأقل قتلوا في القصف.'
    claims = run(Document(id="c2", text=text), config=village_config)
    assert all(c.place is None or c.place.mention is None for c in claims), [c.place for c in claims]


def test_arabic_an_agreements_date_dates_no_strike() -> None:
    # the truce "signed in March 2020" is background; the strike's own day is unknown without a publication date
    text = ("قتل طفل جراء غارات جوية روسية على أطراف البلدة، على الرغم من سريان اتفاق وقف إطلاق النار "
            "بين روسيا وتركيا في آذار 2020.")
    assert not [d for u in _units(text, reference=None) for d in u.dates]
    # the agreement's word further before its date, "signed between Russia and Turkey" between them
    signed = ("قتل طفل جراء غارات جوية روسية على أطراف البلدة، على الرغم من سريان اتفاق وقف إطلاق النار "
              "الموقَّع بين روسيا وتركيا في آذار 2020 الفائت.")
    assert not [d for u in _units(signed, reference=None) for d in u.dates]
    # a ceasefire "announced on the fifth of March 2020", the relative clause between them
    truce = ("قتل طفل جراء غارات جوية روسية على أطراف البلدة، رغم وقف إطلاق النار في شمال غربي سوريا الذي تم "
             "الإعلان عنه بتاريخ الخامس من شهر آذار 2020.")
    assert not [d for u in _units(truce, reference=None) for d in u.dates]
    # the same words without an agreement: the month dates the strike
    dated = "قتل طفل جراء غارات جوية روسية على أطراف البلدة في آذار 2020."
    assert [d.start_date for u in _units(dated, reference=None) for d in u.dates] == [date(2020, 3, 1)]


def test_arabic_a_detention_raid_is_an_incident_without_figures() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "قوات سوريا الديمقراطية والتحالف الدولي يعتقلان شابين في بلدة الشحيل بريف دير الزور"
    claims = run(Document(id="ar1", text=text), config=ExtractConfig(gazetteer=None))
    assert claims and claims[0].killed is None and claims[0].injured is None
    assert claims[0].place is not None and "الشحيل" in (claims[0].place.mention or "")
    assert {"SDF", "coalition"} <= set(claims[0].belligerents)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("أسفر القصف على بلدة سرمدا عن مقتل 5 أشخاص بينهم عسكري.", "unspecified"),  # a soldier among five people
        ("قتل 15 شخصا بينهم ضابطان في قصف على سرمدا.", "unspecified"),
        ("قتل 9 عناصر من قوات النظام في قصف على سرمدا.", "combatant"),
        ("استشهد 4 مدنيين بينهم طفلان في قصف على سرمدا.", "civilian"),
    ],
)
def test_arabic_victims_are_fighters_only_when_the_count_says_so(text: str, status: str) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="a-status", text=text, language="ar"), config=ExtractConfig(gazetteer=None))
    assert [c.victim_status.value for c in claims] == [status], claims


def test_arabic_fold_rejoins_a_word_broken_with_tatweels_and_a_comma() -> None:
    # "تستـــــهدف" broken with a comma to slip past a platform's filter; a comma between words stays
    assert fold("مسيرة تستـــــــ,هدف سيارة، ما أدى إلى مقـــــ,تله").text == "مسيره تستهدف سياره، ما ادي الي مقتله"


def test_arabic_an_arrest_told_with_its_pronoun_is_an_incident(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    text = ("نناشد المنظمات الدولية الكشف عن مصير أربعة من المدنيين العزل الذين تم اعتقالهم في بلدة حوايج بومصعة "
            "بريف دير الزور الغربي.")
    claims = run(Document(id="a-arrest", text=text, language="ar"), config=village_config)
    assert [(c.place.name if c.place else None, c.killed) for c in claims] == [("Hawayij Albu Mus`ah", None)], claims


@pytest.mark.parametrize(
    ("text", "bells"),
    [
        ("قتل 33 جنديا تركيا في غارة جوية في محافظة إدلب.", []),  # Turkey's soldiers killed; the striker unnamed
        ("أصيب أكثر من 15 عنصرا من قوات النظام بقصف تركي على ريف حلب.", ["Turkey"]),
    ],
)
def test_arabic_a_force_after_its_counted_soldiers_is_the_victims_not_the_attacker(text: str, bells: list[str]) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="a-owned", text=text, language="ar"), config=ExtractConfig(gazetteer=None))
    assert [list(c.belligerents) for c in claims] == [bells], claims


def test_arabic_a_whole_family_counted_by_its_members() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "قصف طيران التحالف منزلا في الموصل، ما أسفر عن مقتل عائلة كاملة مكونة من سبعة أشخاص."
    claims = run(Document(id="a-family", text=text, language="ar"), config=ExtractConfig(gazetteer=None))
    assert [c.killed.value if c.killed else None for c in claims] == [7], claims


@pytest.mark.parametrize("night", ["بعد منتصف ليل الجمعة-السبت", "ليلة الجمعة السبت", "ليلة الجمعة – السبت"])
def test_arabic_a_night_told_by_the_two_days_it_spans(night: str) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = f"قتل 6 مدنيين في غارة جوية على مدينة الموصل {night}."
    claims = run(Document(id="a-night", text=text, language="ar", published=date(2017, 3, 20)),
                 config=ExtractConfig(gazetteer=None))
    assert [(str(c.date.start), str(c.date.end)) for c in claims if c.date] == [("2017-03-17", "2017-03-18")], claims


def test_arabic_a_hospital_where_the_wounded_died_is_not_the_raids_place(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    text = ("التحالف الدولي يخلي سبيل رجل بعد اعتقاله أول أمس بإنزال جوي في مدينة الضمير بريف دمشق، ثم مات متأثراً "
            "بإصابته في مشفى حرستا.")
    claims = run(Document(id="a-hosp", text=text, language="ar"), config=village_config)
    assert [c.place.name for c in claims if c.place] == ["Ad Dumayr"], claims


def test_arabic_a_denial_keeps_the_source_a_harm_is_told_by_after_it() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document, Stance

    text = "نفى التحالف الدولي مسؤوليته عن الغارة على قرية الحمرا، والتي أودت بحياة 15 مدنياً بحسب ناشطين."
    claims = run(Document(id="ar-d1", text=text, language="ar"), config=ExtractConfig(gazetteer=None))
    got = [(c.stance, c.claimant, c.killed.value if c.killed else None) for c in claims]
    assert got == [(Stance.ALLEGES, "ناشطين", 15), (Stance.DENIES, "التحالف الدولي", None)], got


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت قوات سوريا الديمقراطية مقتل 3 من مقاتليها بقصف تركي",
        "أدى القصف إلى مقتل ثلاثة من عناصرها وإصابة سبعة آخرين",
    ],
)
def test_arabic_a_count_of_a_forces_own_people_by_their_possessive_is_combatants(text: str) -> None:
    h = _harms(text)["killed"]
    assert h.value == 3 and h.status == "combatant", h
    _spans_point_at_text(text, _units(text))


def test_arabic_a_clause_with_its_own_source_speaks_for_that_source() -> None:
    # the army's toll of fighters and the witnesses' toll of civilians: two claims, each with its own claimant
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("أعلنت خلية الإعلام الحربي عن مقتل 30 إرهابياً بضربة جوية في قضاء القائم، فيما أكد شهود عيان مقتل "
            "7 مدنيين في القصف ذاته.")
    claims = run(Document(id="w", text=text, published=date(2017, 6, 25)), config=ExtractConfig(gazetteer=None))
    got = sorted((c.killed.value if c.killed else None, c.claimant) for c in claims)
    assert got == [(7, "شهود عيان"), (30, "خلية الإعلام الحربي")], got


def test_arabic_a_shepherd_or_a_worker_is_one_victim() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    cfg = ExtractConfig(gazetteer=None)
    for text in (
        "مقتل راعي أغنام وإصابة آخر بانفجار لغم أرضي من مخلفات الحرب في بادية السخنة شرقي حمص.",
        "مقتل عامل بقصف مدفعي على منشرة للحجر على أطراف قرية في ريف إدلب.",
    ):
        (c,) = run(Document(id="s", text=text, published=date(2023, 8, 10)), config=cfg)
        assert c.killed is not None and c.killed.value == 1, (text, c.killed)


def test_arabic_a_range_opened_by_its_preposition() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    cfg = ExtractConfig(gazetteer=None)
    for text in ("قتل ما بين 10 و15 مدنياً في الغارة على هجين.", "قتل من 10 إلى 15 مدنياً في الغارة على هجين."):
        (c,) = run(Document(id="r", text=text, published=date(2018, 11, 10)), config=cfg)
        assert c.killed is not None and (c.killed.value, c.killed.max) == (10, 15), (text, c.killed)


def test_a_death_with_the_victim_between_its_verb_and_the_life_it_left() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    # "فارقت طفلة الحياة": a girl left life (one killed; her wound is the one she died of, no one injured besides)
    text = "فارقت طفلة الحياة اليوم متأثرة بإصابتها بقصف جوي روسي استهدف مدينة أريحا جنوبي إدلب يوم الجمعة الفائت."
    (claim,) = run(Document(id="left", text=text, published=date(2021, 5, 13)), config=ExtractConfig(gazetteer=None))
    assert claim.killed is not None and claim.killed.value == 1 and claim.injured is None, claim
    # the strike the death came of, told after the wound, dates the claim: last Friday, not today
    assert claim.date is not None and claim.date.start == claim.date.end == date(2021, 5, 7), claim.date


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        # people named by their country are counted as people, with the qualifier after them
        ("استشهد 195 فلسطينياً على الأقل في الغارات الإسرائيلية على مخيم جباليا.", 195, "at_least"),
        ("قتل 30 سورياً على الأقل في غارات روسية على مدينة إدلب.", 30, "at_least"),
        # a nation's adjective after a person is that person, not a second one
        ("استشهد شاب فلسطيني برصاص قوات الاحتلال في مدينة جنين.", 1, "exact"),
        # ... and after a town it is the town's country, no victim ("طرابلس الليبية")
        ("العثور على 58 جثة مجهولة الهوية في طرابلس الليبية.", 58, "exact"),
    ],
)
def test_people_named_by_their_country_are_counted(text: str, value: int, qualifier: str) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    (claim,) = run(Document(id="n", text=text, published=date(2023, 11, 2)), config=ExtractConfig(gazetteer=None))
    assert claim.killed is not None and (claim.killed.value, claim.killed.qualifier.value) == (value, qualifier)


def test_outside_a_town_is_near_it_and_no_village(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document, PlacePrecision

    text = "وقال رجال إنقاذ إن تسعة سوريين قتلوا عندما أسقطت طائرات حربية قنابل قرب سوق خارج جسر الشغور يوم الأحد."
    (claim,) = run(Document(id="k", text=text, published=date(2023, 6, 26)), config=village_config)
    assert claim.killed is not None and claim.killed.value == 9
    assert claim.place is not None and claim.place.name == "Jisr ash Shughūr", claim.place
    assert claim.place.precision is PlacePrecision.NEAR


@pytest.mark.parametrize(
    "text",
    [
        "وثقت الشبكة السورية لحقوق الإنسان مقتل 104 مدنيين في سوريا خلال شهر آب، بينهم 29 طفلاً.",
        "خلال شهر آب الماضي، وثقت الشبكة السورية لحقوق الإنسان مقتل 104 مدنيين في سوريا.",
    ],
)
def test_a_month_named_after_the_word_month_dates_a_tally(text: str) -> None:
    # "آب" alone is also "father"; after "شهر" it is August, the last one up to the publication
    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    (claim,) = run(Document(id="m", text=text, published=date(2021, 9, 8)), config=ExtractConfig(gazetteer=None))
    assert claim.kind is ClaimKind.AGGREGATE and claim.killed is not None and claim.killed.value == 104
    assert claim.date is not None and (claim.date.start, claim.date.end) == (date(2021, 8, 1), date(2021, 8, 31))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ارتفعت حصيلة ضحايا القصف على ريف إدلب منذ مساء الأحد إلى 40 قتيلاً.", "aggregate"),
        ("قال المرصد إن ستة مدنيين قتلوا في هجمات بطائرات مسيرة منذ الأربعاء في ريف حلب.", "aggregate"),
        # one town's toll since a day is that strike's toll
        ("ارتفعت حصيلة ضحايا القصف على بلدة سرمين منذ مساء الأحد إلى 7 قتلى.", "incident"),
    ],
)
def test_a_toll_since_a_day_over_an_area_is_a_tally_in_arabic(text: str, kind: str, village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    (claim,) = run(Document(id="d", text=text, published=date(2021, 9, 8)), config=village_config)
    assert claim.kind.value == kind, claim


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("قالت منظمة حقوقية إن غارات التحالف قتلت 210 مدنيين على الأقل في المدينة بين آذار وحزيران.",
         date(2021, 3, 1), date(2021, 6, 30)),
        ("وثقت الشبكة مقتل 90 مدنياً بقصف قوات النظام على البلدة من تشرين الثاني إلى شباط.",
         date(2020, 11, 1), date(2021, 2, 28)),
        ("وثقت الشبكة مقتل 90 مدنياً بقصف قوات النظام على البلدة ما بين شهري آذار وأيار 2019.",
         date(2019, 3, 1), date(2019, 5, 31)),
    ],
)
def test_a_toll_over_a_range_of_months_in_arabic_is_a_tally(text: str, start: date, end: date) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    (claim,) = run(Document(id="m", text=text, published=date(2021, 9, 8)), config=ExtractConfig(gazetteer=None))
    assert claim.kind is ClaimKind.AGGREGATE, claim
    assert claim.date is not None and (claim.date.start, claim.date.end) == (start, end), claim.date


@pytest.mark.parametrize(
    "text",
    [
        "قالت وزارة الصحة إن 53 مهاجرا قتلوا في قصف جوي على مركز إيواء في المدينة.",
        "قتل 12 سجيناً بقصف جوي على السجن المركزي في المدينة.",
    ],
)
def test_arabic_migrants_and_prisoners_are_counted(text: str) -> None:
    h = _harms(text).get("killed")
    assert h is not None and h.value in (53, 12), _harms(text)


def test_arabic_a_district_named_as_one_is_no_village_of_like_consonants(village_config: Any) -> None:
    # "مديرية بني قيس" has no Arabic name in the gazetteers, and a village Bani Akush of another governorate has
    # like consonants: the district the text names stays unknown in the governorate named with it
    from civcas.extract import run
    from civcas.records import Document, PlacePrecision

    text = "استشهد 20 مواطنا في غارات جوية على حفل زفاف في مديرية بني قيس بمحافظة حجة."
    claims = run(Document(id="a3", text=text, language="ar"), config=village_config)
    assert claims and claims[0].place is not None, claims
    assert claims[0].place.country == "YE" and claims[0].place.admin1 == "Hajjah", claims[0].place
    assert claims[0].place.precision is PlacePrecision.GOVERNORATE, claims[0].place


def test_arabic_a_force_that_tells_its_kills_and_disputes_civilian_harm_makes_one_claim(village_config: Any) -> None:
    # the force reports the fighters it killed and says no civilian was hurt: one claim, the force's, disputed
    from civcas.extract import run
    from civcas.records import Document

    text = ("أعلنت القيادة الأمريكية في أفريقيا أنها نفذت غارة جوية قرب بلدة جلب أسفرت عن مقتل ثلاثة من عناصر "
            "حركة الشباب، مؤكدة أنه لم يصب أي مدني.")
    claims = run(Document(id="d1", text=text, published=date(2024, 1, 15), language="ar"), config=village_config)
    assert len(claims) == 1, claims
    (c,) = claims
    assert c.stance is Stance.DISPUTES and c.killed is not None and c.killed.value == 3, c
    assert c.claimant is not None and "القيادة" in c.claimant, c.claimant


def test_arabic_the_accused_force_after_an_accusing_verb_without_subject_is_the_attacker(village_config: Any) -> None:
    # "واتهمت قوات حفتر بتنفيذه": the ministry (the sentence's subject) accuses; Haftar's forces are accused
    from civcas.extract import run
    from civcas.records import Document

    text = ("أعلنت وزارة الصحة مقتل 30 طالباً وإصابة 33 آخرين في قصف جوي استهدف الكلية العسكرية في طرابلس، "
            "واتهمت قوات حفتر بتنفيذه.")
    claims = run(Document(id="d2", text=text, published=date(2020, 1, 5), language="ar"), config=village_config)
    harm = [c for c in claims if c.killed is not None]
    assert harm and tuple(harm[0].belligerents) == ("LNA",), claims
    assert harm[0].claimant is not None and "وزارة الصحة" in harm[0].claimant, harm[0].claimant


def test_arabic_the_capital_named_in_apposition_is_the_city(village_config: Any) -> None:
    # "في العاصمة صنعاء": the city, not the governorate a gazetteer also spells "العاصمة صنعاء"; an unknown quarter
    # of it lies in the city
    from civcas.extract import run
    from civcas.records import Document, PlacePrecision

    text = "قتل ستة مدنيين بينهم أربعة أطفال في غارات لطيران التحالف على حي الرقاص في العاصمة صنعاء."
    (c,) = run(Document(id="d3", text=text, published=date(2019, 5, 16), language="ar"), config=village_config)
    assert c.place is not None and c.place.country == "YE", c.place
    assert c.place.precision is PlacePrecision.SETTLEMENT and c.place.name == "Sanaa", c.place


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ثلاثة من مقاتلي قسد قتلوا بقصف لطائرة مسيرة تركية على قرية في ريف تل تمر.", 3),
        ("خمسة عناصر من قوات النظام قتلوا بقصف صاروخي على مواقعهم.", 5),
    ],
)
def test_arabic_the_force_of_the_dead_between_them_and_the_verb(text: str, value: int) -> None:
    # "ثلاثة من مقاتلي قسد قتلوا": the force whose fighters died stands between the count and its verb
    h = _harms(text).get("killed")
    assert h is not None and h.value == value, _harms(text)


def test_arabic_a_count_after_the_source_ends_its_name() -> None:
    # "نعت الإدارة الذاتية ثلاثة من مقاتليها": the source's name stops at the count it tells
    from civcas.extract.arabic_attribution import find_claimants
    from civcas.extract.arabic_figures import scan
    from civcas.extract.arabic_lexicon import arabic_lex
    from civcas.extract.arabic_text import tokens

    lex = arabic_lex(load_rules())
    folded = fold("نعت الإدارة الذاتية ثلاثة من مقاتلي قسد قتلوا بقصف تركي.")
    names = [c.name for c in find_claimants(scan(folded, tokens(folded.text), lex), lex)]
    assert names == ["الإدارة الذاتية"], names


def test_arabic_a_hospital_the_wounded_were_transferred_to_is_not_the_strikes_place(village_config: Any) -> None:
    # "تم تحويلها إلى مستشفى باب الهوى": the feminine form of the verb of taking the wounded there
    from civcas.extract import run
    from civcas.records import Document

    text = ("وأضاف أن القصف المدفعي على مدينة أريحا تسبب بإصابة ستة مدنيين بينهم سيدة، مشيرا إلى أن هناك إصابتين "
            "خطيرتين تم تحويلها إلى مستشفى باب الهوى.")
    claims = run(Document(id="a-hosp2", text=text, language="ar"), config=village_config)
    assert [c.place.name for c in claims if c.place] == ["Ariha"], claims


@pytest.mark.parametrize(
    "text",
    [
        # an adjective after a feature noun; a common noun whose folded spelling (ة written ه) wordfreq lacks
        "قصفت الطائرات الحربية مزرعة مخصصة لتربية الدواجن، ما أدى لإصابة مدني.",
        "شاهد مراسل الوكالة والدا يبكي فوق جثث 3 أطفال في مقبرة بالبلدة.",
    ],
)
def test_arabic_common_words_after_a_feature_or_preposition_are_no_places(text: str, gz: Any) -> None:
    units = _units(text, spotted=_spotted(gz, text))
    assert not [p.text for u in units for p in u.places], [p.text for u in units for p in u.places]


def test_arabic_security_members_counted_after_their_noun() -> None:
    # "منتسبين اثنين": two members of the security forces (Iraqi usage), the count after the noun
    assert _harms("استشهاد منتسبين اثنين من حرس الحدود وإصابة آخر بقصف لطائرة مسيرة تركية")["killed"].value == 2


def test_arabic_a_post_closing_with_a_dash_and_its_source(village_config: Any) -> None:
    # "... - سبأ": the agency after the closing dash; the houthis' "Saudi-American aggression" is the coalition
    from civcas.extract import run
    from civcas.records import Document

    text = ("صعدة | استشهاد 3 مواطنين وإصابة 5 آخرين بغارتين لطيران العدوان السعودي الأمريكي على مديرية رازح "
            "الحدودية - سبأ")
    (c,) = run(Document(id="a-foot", text=text, published=date(2019, 9, 1), language="ar"), config=village_config)
    assert c.claimant == "سبأ" and tuple(c.belligerents) == ("Saudi-led coalition",), c


def test_arabic_a_health_ministry_named_by_its_country_in_a_header(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    text = "الصحة الفلسطينية: ارتفاع عدد الشهداء في قطاع غزة إلى 83 بينهم 17 طفلاً و7 سيدات منذ بدء العدوان الإسرائيلي."
    claims = run(Document(id="a-moh", text=text, published=date(2021, 5, 13), language="ar"), config=village_config)
    assert claims and claims[0].claimant == "الصحة الفلسطينية" and claims[0].claimant_kind is ClaimantKind.GOVERNMENT


def test_arabic_a_verse_quoted_with_its_vowels_names_no_town(gz: Any) -> None:
    # "ارْجِعِي إِلَى رَبِّكِ" (return to your Lord): not Rabak in Sudan; the raid's quarter after it still is a place
    text = ("يَا أَيَّتُهَا النَّفْسُ الْمُطْمَئِنَّةُ، ارْجِعِي إِلَى رَبِّكِ رَاضِيَةً مَرْضِيَّةً، استشهد الشاب بقصف "
            "للنظام على حي الفرقان.")
    units = _units(text, spotted=_spotted(gz, text))
    assert [p.text for u in units for p in u.places] == ["الفرقان"], [p.text for u in units for p in u.places]


def test_arabic_an_institutions_noun_with_a_preposition_before_its_town(gz: Any) -> None:
    # "لمطار دمشق الدولي": the airport's noun carries a preposition; the adjective after the town is the airport's
    text = "قتل سبعة عناصر نتيجة استهداف إسرائيل لمطار دمشق الدولي ومحيطه."
    units = _units(text, spotted=_spotted(gz, text))
    assert [p.text for u in units for p in u.places] == ["دمشق"], [p.text for u in units for p in u.places]


def test_arabic_a_toll_told_in_a_clause_of_its_own_is_its_sources(village_config: Any) -> None:
    # the military media cell tells of a headquarters destroyed; witnesses, in a clause of their own, tell the toll
    from civcas.extract import run
    from civcas.records import Document

    text = ("أعلنت خلية الإعلام الحربي أن طيران التحالف الدولي دمر مقرا لعصابات داعش في قضاء تلعفر، فيما قال شهود "
            "عيان إن القصف أدى إلى مقتل ثمانية مدنيين بينهم نساء.")
    claims = run(Document(id="a-cl", text=text, published=date(2017, 6, 10), language="ar"), config=village_config)
    toll = [c for c in claims if c.killed is not None and c.killed.value == 8]
    assert toll and toll[0].claimant == "شهود عيان", claims


@pytest.mark.parametrize(
    "text",
    [
        "قتل 27 مدنياً في غارات جوية على حلب، فيما نفت روسيا أن تكون طائراتها قد نفذت أي غارات في المنطقة.",
        "قتل 27 مدنياً في غارات جوية على حلب. ونفت روسيا أن تكون طائراتها قد نفذت أي غارات في المنطقة.",
    ],
)
def test_arabic_a_state_named_after_its_denial_speaks_it(text: str) -> None:
    # "نفت روسيا": the state by its name is the source of the denial, as the English "Russia denied"; the toll stays
    # the outlet's
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document, Stance

    claims = run(Document(id="st", text=text), config=ExtractConfig(gazetteer=None))
    got = sorted((c.claimant, c.stance.value, c.killed.value if c.killed else None) for c in claims)
    assert got == [("outlet", Stance.ALLEGES.value, 27), ("روسيا", Stance.DENIES.value, None)], got
    denial = next(c for c in claims if c.stance is Stance.DENIES)
    assert denial.belligerents == ("Russia",), denial


def test_arabic_a_force_after_its_members_is_the_victims_side() -> None:
    # "من قياديي حزب الله": the force after its members (the construct plural) is the victims' side, not the attacker
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "قتل اثنان من قياديي حزب الله في غارة إسرائيلية قرب حلب."
    (c,) = run(Document(id="isr", text=text), config=ExtractConfig(gazetteer=None))
    assert (c.belligerents, c.killed.value if c.killed else None) == (("Israel",), 2), c


def test_arabic_a_hospital_named_after_a_city_abroad_is_not_there(village_config: Any) -> None:
    # "مستشفى القدس في حي السكري بمدينة حلب": al-Quds hospital lies in Aleppo; Jerusalem is the building's name
    from civcas.extract import run
    from civcas.records import Document

    text = ("قتل 27 مدنياً على الأقل بينهم 3 أطباء في غارات جوية استهدفت مستشفى القدس في حي السكري بمدينة حلب، "
            "واتهم ناشطون الطيران الروسي بتنفيذها.")
    claims = run(Document(id="quds", text=text), config=village_config)
    assert claims and all(c.place is not None and c.place.country == "SY" for c in claims), claims


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("وثقت الشبكة مقتل 63 مدنياً في محافظة إدلب خلال الأسبوع الماضي.", 7),
        ("قتل 120 مدنياً على الأقل في غارات على ريفي إدلب وحماة خلال الأسبوعين الماضيين.", 14),
    ],
)
def test_arabic_a_toll_during_the_past_weeks_spans_the_days_up_to_the_reference(text: str, days: int) -> None:
    # "خلال الأسبوع الماضي": during the past week, up to the reference (not the calendar's last week); a tally
    from datetime import timedelta

    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    (c,) = run(Document(id="pw", text=text, published=date(2019, 5, 20)), config=ExtractConfig(gazetteer=None))
    ref = date(2019, 5, 20)
    assert (c.kind, c.date.start, c.date.end) == (ClaimKind.AGGREGATE, ref - timedelta(days=days), ref), c


def test_arabic_a_forces_media_centre_speaks_for_it_and_strikes_nothing() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("قصف طيران مسير تابع لقوات حفتر منزلاً في منطقة الهضبة جنوب طرابلس، ما أدى إلى مقتل ثلاثة أطفال، وفق ما "
            "أفاد المركز الإعلامي لعملية بركان الغضب.")
    (c,) = run(Document(id="mc", text=text), config=ExtractConfig(gazetteer=None))
    assert (c.claimant, c.belligerents) == ("المركز الإعلامي لعملية بركان الغضب", ("LNA",)), c


def test_a_verb_of_saying_joined_by_and_continues_the_speaker_before_it() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("نفت وزارة الدفاع التركية استهداف المدنيين، وقالت إنها حيدت 26 إرهابياً من حزب العمال الكردستاني "
            "في شمال سوريا.")
    claims = [c for c in run(Document(id="cont", text=text), config=ExtractConfig(gazetteer=None)) if c.killed]
    (claim,) = claims
    assert claim.killed is not None and claim.killed.value == 26
    assert claim.claimant == "وزارة الدفاع التركية"
    # the dead counted as a force's members are that force's, not its strike
    assert claim.belligerents == ("Turkey",)
    # a verb with its own subject after it is someone else speaking
    other = "نفت وزارة الدفاع التركية استهداف المدنيين، وقال مصدر محلي إن القصف قتل 3 مدنيين في قرية تل طويل."
    (claim,) = [c for c in run(Document(id="cont2", text=other), config=ExtractConfig(gazetteer=None)) if c.killed]
    assert claim.claimant == "مصدر محلي"


@pytest.mark.parametrize(
    ("text", "bells"),
    [
        # a force that speaks of its own units' strike is the attacker
        ("قالت وزارة الدفاع السورية في بيان إن وحداتها العاملة في ريف حلب الغربي استهدفت مقرات للتنظيمات "
         "الإرهابية، ما أسفر عن مقتل 30 إرهابياً.", ("Syria",)),
        # ... not one whose forces repelled attacks another force launched
        ("قالت قسد في بيان إن الطيران التركي استهدف إحدى نقاطها، ما أسفر عن مقتل عنصر، وأضافت أن قواتها تصدت "
         "لهجمات عدة شنتها تركيا.", ("Turkey",)),
    ],
)
def test_a_speaking_force_is_the_attacker_when_its_own_units_struck(text: str, bells: tuple[str, ...]) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    (claim,) = [c for c in run(Document(id="own", text=text), config=ExtractConfig(gazetteer=None)) if c.killed]
    assert claim.belligerents == bells


def test_a_speaking_force_is_the_attacker_of_its_own_strike_without_a_toll(village_config: Any) -> None:
    from civcas.extract import run
    from civcas.records import Document

    text = "قالت وزارة الدفاع الروسية إن طائراتها استهدفت مستودعاً للأسلحة تابعاً لهيئة تحرير الشام في ريف إدلب."
    claims = run(Document(id="own2", text=text), config=village_config)
    assert [c.belligerents for c in claims] == [("Russia",)], claims


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # a month named with a past word, or a part of it, needs no "شهر"; a bare month does ("آب" is also "father")
        ("مقتل شخص بقصف في شباط الماضي", date(2023, 2, 1), date(2023, 2, 28)),
        ("مقتل شخص بقصف أواخر شهر شباط", date(2023, 2, 19), date(2023, 2, 28)),
        ("مقتل شخص بقصف مطلع شباط", date(2023, 2, 1), date(2023, 2, 11)),
        ("مقتل شخص بقصف منتصف آذار 2022", date(2022, 3, 9), date(2022, 3, 21)),
    ],
)
def test_arabic_months_and_their_parts(text: str, start: date, end: date) -> None:
    units = _units(text)
    dates = [d for u in units for d in u.dates if d.kind != "year"]
    assert [(d.start_date, d.end_date) for d in dates] == [(start, end)]
    _spans_point_at_text(text, units)
    assert not [d for u in _units("مقتل شخص بقصف في آب") for d in u.dates if d.start_date]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # who rode in or owned what was struck, by its possessive
        ("استهدفت طائرة مسيرة سيارة على طريق البلدة، ما أدى لمقتل سائقها.", 1),
        ("استهدفت مسيرة دراجة نارية قرب القرية، ما أدى لمقتل راكبيها.", 2),
        ("قصفت المدفعية منزلاً في البلدة ما أسفر عن مقتل صاحبه.", 1),
        ("استهدفت مسيرة سيارة عند مدخل البلدة ما أدى لمقتل السائق ومرافقه.", 2),
    ],
)
def test_arabic_who_rode_in_what_was_struck_is_counted(text: str, value: int) -> None:
    got = {c: h.value for c, h in _harms(text).items()}
    assert got.get("killed") == value, got


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        # a harm verb in the dual counts two when no count goes with it
        ("وأفاد مراسل أن مدنيين أصيبا بجروح إثر سقوط قذائف على المدينة.", "injured", 2),
        ("وأفادت شبكة محلية أن شخصاً اسمه خالد العمر وآخر مجهول الهوية، قُتلا باشتباك في القرية.", "killed", 2),
        # ... but not the verb of a noun that counts them already
        ("انتشلت فرق الدفاع المدني جثتي مدنيين قُتلا في البلدة إثر انفجار مخلفات حرب.", "killed", 2),
        # a breakdown set off by commas between the count and its verb
        ("أفاد الدفاع المدني أن 5 مدنيين، بينهم امرأة، أصيبوا بقصف على القرية.", "injured", 5),
    ],
)
def test_arabic_counts_before_their_verb(text: str, category: str, value: int) -> None:
    got = {c: h.value for c, h in _harms(text).items()}
    assert got.get(category) == value, got


@pytest.mark.parametrize(
    "text",
    [
        # the adjective of a body's name counts no victim
        "انتشلت فرق الدفاع المدني جثث الضحايا من تحت الأنقاض.",
        "أعلن المجلس العسكري أن القصف استهدف مواقعه وأسفر عن سقوط جرحى.",
    ],
)
def test_arabic_a_bodys_nisba_adjective_is_no_victim(text: str) -> None:
    assert all(h.value is None for h in _harms(text).values()), _harms(text)


def test_arabic_human_losses_with_the_article_on_both_words() -> None:
    text = "ارتفاع حصيلة الخسائر البشرية جراء الغارات على ريف إدلب إلى 7 بينهم 3 أطفال."
    got = {c: h.value for c, h in _harms(text).items()}
    assert got.get("killed_or_injured") == 7, got


@pytest.mark.parametrize(
    "text",
    [
        # a force's own word for its kills, set in quotes by the outlet
        'قالت وزارة الدفاع إن قواتها "حيدت" 15 إرهابياً شمالي البلاد.',
        "قالت وزارة الدفاع إن قواتها «حيدت» 15 إرهابياً شمالي البلاد.",
        # "قضت على" (eliminated), with the victims after it
        "قالت وزارة الدفاع إن طائراتها قضت على 15 مسلحاً في ريف المدينة.",
    ],
)
def test_arabic_a_forces_kills_in_quotes_or_eliminated_are_counted(text: str) -> None:
    got = {c: h.value for c, h in _harms(text).items()}
    assert got.get("killed") == 15, got


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        # the toll's count told first, brought by إلى, before the toll's word and its victims
        ("ارتفع إلى 9 عدد الشهداء المدنيين الذين قضوا بالقصف الجوي على المخيم.", "killed", 9),
        ("ارتفعت إلى 12 حصيلة ضحايا القصف على المدينة.", "killed_or_injured", 12),
        ("وصل إلى 7 عدد الجرحى جراء الغارة.", "injured", 7),
    ],
)
def test_arabic_a_toll_counted_before_its_word(text: str, category: str, value: int) -> None:
    got = {c: h.value for c, h in _harms(text).items()}
    assert got.get(category) == value, got


def test_arabic_a_child_or_wife_named_by_a_possessive_is_counted_in_its_category() -> None:
    (h,) = _harms("مقتل رجل وزوجته وطفليهما بقصف على القرية.").values()
    assert (h.value, {k: g.value for k, g in h.victims}) == (4, {"men": 1, "women": 1, "children": 2})


@pytest.mark.parametrize(
    "text",
    [
        "قدم التحالف تعازيه لأسرة القتيل.",
        "شارك المئات في تشييع الشهيد في المدينة.",
    ],
)
def test_arabic_the_dead_named_by_their_family_or_funeral_tell_no_harm(text: str) -> None:
    assert _harms(text) == {}, _harms(text)


def test_arabic_the_dead_named_by_name_after_their_family_still_count() -> None:
    got = {c: h.value for c, h in _harms("تم الاتفاق على خروج عائلة الشهيد محمود الهليل من القرية.").items()}
    assert got.get("killed") == 1, got


@pytest.mark.parametrize(
    "text",
    [
        "وفاة السيدة سعاد الخليل جراء إصابتها الخطيرة إثر سقوط قذيفة على منزلها في البلدة.",
        "استشهد الشاب محمد العلي إثر إصابته بشظايا قذيفة على البلدة.",
    ],
)
def test_arabic_a_wound_of_the_dead_named_with_its_pronoun_is_no_one_injured(text: str) -> None:
    got = {c: h.value for c, h in _harms(text).items()}
    assert got == {"killed": 1}, got


def test_arabic_a_wound_of_another_after_a_death_still_counts() -> None:
    got = {c: h.value for c, h in _harms("استشهد طفل وأصيبت والدته جراء قصف على البلدة.").items()}
    assert got == {"killed": 1, "injured": 1}, got


def test_arabic_the_act_a_report_tells_ends_the_source_name() -> None:
    (u,) = _units("أفادت المعلومات الواردة لوكالتنا بإقدام جيش الاحتلال التركي على قصف القرية، ما أدى إلى إصابة مواطن.")
    assert [a.canonical for a in u.actors] == ["Turkey"]
    assert u.claimant is None or "التركي" not in u.claimant.name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # soldiers right after a verb of firing are the shooters
        ("أطلق الجنود الأتراك الرصاص على القرية، ما أدى إلى إصابة مواطن.", ["Turkey"]),
        ("فتح عناصر قسد النار على سيارة في البلدة، ما أدى إلى مقتل شاب.", ["SDF"]),
        # soldiers fired on are the force's people, not its fire
        ("أطلقت قسد النار على عناصر من الجيش الوطني، ما أدى إلى مقتل عنصرين.", ["SDF"]),
    ],
)
def test_arabic_soldiers_after_a_verb_of_firing_are_the_shooters(text: str, expected: list[str]) -> None:
    (u,) = _units(text)
    assert [a.canonical for a in u.actors] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("قالت حكومة الوفاق إن 30 طالبا قتلوا في غارة جوية على الكلية العسكرية", 30),  # students after a count
        ("أدت الغارة إلى مقتل طالب جامعي", 1),
        ("قتل خمسة طلبة في قصف على المدرسة", 5),
    ],
)
def test_arabic_students_are_counted(text: str, value: int) -> None:
    assert _harms(text)["killed"].value == value


def test_arabic_the_taliban_are_no_two_students() -> None:
    # "طالبان" is the Taliban's name, never the dual of طالب
    assert _harms("قتل مدني بغارة جوية في ولاية قندهار، واتهم السكان حركة طالبان")["killed"].value == 1


@pytest.mark.parametrize(
    ("text", "forces"),
    [
        # a people's adjective joined by و after a force's name (and its own adjective) is a second force
        ("قتل 7 مدنيين في قصف جوي لطيران النظام السوري والروسي على بلدة محمبل", ["Syria", "Russia"]),
        ("قتل 7 مدنيين في قصف لقوات النظام السوري والميليشيات الإيرانية على البلدة", ["Syria", "Iran"]),
        ("قتل 7 مدنيين في قصف لقوات النظام السوري وفصائل المعارضة على البلدة", ["Syria"]),
        ("قتل 7 مدنيين في قصف لطيران النظام", ["Syria"]),  # a name at the sentence's end
    ],
)
def test_arabic_a_second_peoples_adjective_after_a_force_is_a_second_force(text: str, forces: list[str]) -> None:
    assert sorted({a.canonical for u in _units(text) for a in u.actors}) == sorted(forces)


def test_a_count_in_digits_takes_its_thousands_and_the_rest() -> None:
    # "23 ألفاً و357 شهيداً": twenty-three thousand three hundred and fifty-seven, not 23 and 357
    (h,) = [h for h in _harms_of("ارتفع عدد الشهداء إلى 23 ألفاً و357 شهيداً") if h.groups]
    assert [g.value for g in h.groups] == [23357]
    (h,) = _harms_of("قتل 3 آلاف مدني")
    assert [g.value for g in h.groups] == [3000]


def test_killed_and_wounded_by_a_feminine_force_is_both() -> None:
    # "روسيا قتلت وجرحت أكثر من 12 ألف مدني": the dead and the wounded together
    (h,) = [h for h in _harms_of("إن روسيا قتلت وجرحت أكثر من 12 ألف مدني في سوريا.") if h.groups]
    assert h.category == "killed_or_injured" and [g.value for g in h.groups] == [12000]


def _harms_of(text: str) -> list[Any]:
    return [h for u in _units(text) for h in u.harms]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("وقتل أمس الأربعاء 9 عناصر من \"جبهة النصرة\" وطفلان، في غارات للتحالف على مقر للجبهة.", [9, 2]),
        ("استشهد صباح اليوم 3 مدنيين في غارات روسية على البلدة.", [3]),
        ("قتل ليل الثلاثاء ثلاثة مدنيين في قصف على القرية.", [3]),
    ],
)
def test_the_time_between_a_harm_verb_and_its_count_is_passed_over(text: str, values: list[int]) -> None:
    (h,) = [h for h in _harms_of(text) if h.category == "killed"]
    assert [g.value for g in h.groups] == values


def test_a_day_of_the_month_after_the_time_is_no_count() -> None:
    # "توفي اليوم الأحد 1 كانون الأول": the 1 is the day's
    assert all(not h.groups for h in _harms_of("توفي اليوم الأحد 1 كانون الأول الشاب بعد صراع مع المرض."))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("مقتل مئتي مدني في المجزرة.", 200),
        ("قتل ألفي شخص في المجزرة.", 2000),
        ("مقتل نحو ألف ومئتي شخص في الغارات.", 1200),
        ("قتل أكثر من ألفين وخمسمائة شخص في الحصار.", 2500),
    ],
)
def test_the_duals_of_hundreds_and_thousands_count(text: str, value: int) -> None:
    (h,) = [h for h in _harms_of(text) if h.category == "killed"]
    assert [g.value for g in h.groups] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("أودى القصف بحياة 7 أشخاص في البلدة.", 7),
        ("أودت الغارة الجوية بحياة طفلين.", 2),
        ("حصد القصف أرواح 9 مدنيين.", 9),
        ("أودى القصف بحياتهما.", 2),
    ],
)
def test_a_verb_that_took_lives_counts_the_victims_after_its_object(text: str, value: int) -> None:
    # the attack stands as subject between the verb and "the lives of"
    (h,) = [h for h in _harms_of(text) if h.category == "killed"]
    assert [g.value for g in h.groups] == [value]


def test_a_victims_toll_counted_with_the_noun_of_the_dead_counts_the_dead() -> None:
    # "ارتفع عدد الضحايا إلى 30 قتيلاً": the count's own noun says the victims are dead (30 killed, never one)
    harms = [h for h in _harms_of("ارتفع عدد الضحايا إلى 30 قتيلاً في مدينة إدلب.") if h.groups or h.implied_one]
    assert [(h.category, [g.value for g in h.groups], h.implied_one) for h in harms] == [("killed", [30], False)]


@pytest.mark.parametrize(
    ("text", "denier", "source"),
    [
        ("قال ناشطون إن 12 مدنياً قتلوا في غارة للتحالف على البلدة، وهو ما نفاه التحالف الدولي.", "التحالف الدولي",
         "ناشطون"),
        ("قتل 12 مدنياً في غارة روسية على البلدة بحسب الدفاع المدني، الأمر الذي نفته وزارة الدفاع الروسية.",
         "وزارة الدفاع الروسية", "الدفاع المدني"),
    ],
)
def test_arabic_a_denial_with_its_objects_pronoun_is_the_named_denier(text: str, denier: str, source: str) -> None:
    # "وهو ما نفاه التحالف الدولي" (which the coalition denied): the coalition denies, the source of the toll alleges
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="st", text=text), config=ExtractConfig(gazetteer=None))
    got = sorted((c.claimant or "", c.stance.value, c.killed.value if c.killed else None) for c in claims)
    assert got == sorted([(denier, "denies", None), (source, "alleges", 12)])


def test_arabic_a_week_ago_is_seven_days_back() -> None:
    # "قبل أسبوع": a day either side of seven days before the reference (WEDNESDAY in these tests)
    from datetime import timedelta

    (u,) = [u for u in _units("قتل 3 مدنيين بغارة روسية على البلدة قبل أسبوع.") if u.harms]
    (d,) = u.dates
    assert (d.start_date, d.end_date) == (WEDNESDAY - timedelta(days=8), WEDNESDAY - timedelta(days=6))
