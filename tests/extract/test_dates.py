from __future__ import annotations

from datetime import date

import pytest

from civcas.extract.dates import (
    day_after_post,
    find_dates,
    page_date,
    post_signature,
    reference_date,
    weekday_dated,
    writing_year,
    year_hint,
)
from civcas.records import DatePrecision

PUB = date(2016, 7, 21)  # a Thursday


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Jets struck the village on Tuesday, killing 12.", "2016-07-19", "2016-07-19"),
        ("The raid took place yesterday.", "2016-07-20", "2016-07-20"),
        ("The strikes, which took place over the weekend, killed 9.", "2016-07-16", "2016-07-17"),
        ("Activists said a few days ago the market was hit.", "2016-07-12", "2016-07-20"),
        ("On July 23 the village was bombed.", "2015-07-23", "2015-07-23"),
        ("On July 18 the village was bombed.", "2016-07-18", "2016-07-18"),
        # a count of days ago, and two weeks ago
        ("He died of wounds from a strike four days ago.", "2016-07-17", "2016-07-17"),
        ("The village was shelled 7 days ago.", "2016-07-14", "2016-07-14"),
        ("The village was shelled two weeks ago.", "2016-07-04", "2016-07-10"),
        ("The village was shelled a week ago.", "2016-07-13", "2016-07-15"),
        # the year the words after the date give
        ("A strike on March 12 last year killed 5.", "2015-03-12", "2015-03-12"),
        ("A strike in August last year killed 5.", "2015-08-01", "2015-08-31"),
        ("A strike on 12 March this year killed 5.", "2016-03-12", "2016-03-12"),
        ("on the 22nd of August through shelling", "2015-08-22", "2015-08-22"),
        ("On August 1st, 2017, warplanes struck.", "2017-08-01", "2017-08-01"),
        ("Last month the coalition admitted it.", "2016-06-01", "2016-06-30"),
        # two months before one year: both take it
        ("The bombardment killed 1,700 civilians in February and March 2018.", "2018-02-01", "2018-03-31"),
        ("Strikes from June to August 2017 hit the city.", "2017-06-01", "2017-08-31"),
        # a range of months with no year: the last that ends before publication; across the new year
        ("Coalition strikes between March and June killed 300 civilians in the city.", "2016-03-01", "2016-06-30"),
        ("From November to February, shelling killed 40 people.", "2015-11-01", "2016-02-29"),
        # numbers only: day first, as the region writes them; month first when day first cannot be
        ("The strike of 14/07/2016 killed 9.", "2016-07-14", "2016-07-14"),
        ("The strike of 07/14/2016 killed 9.", "2016-07-14", "2016-07-14"),
        ("Shelling on 02.07.2016 killed 9.", "2016-07-02", "2016-07-02"),
        # day ranges
        ("Strikes on 11-13 July killed 30.", "2016-07-11", "2016-07-13"),
        ("Between 3 and 5 July 2015, strikes killed 30.", "2015-07-03", "2015-07-05"),
        ("Strikes on July 11-13 killed 30.", "2016-07-11", "2016-07-13"),
        ("Strikes between July 11 and 13 killed 30.", "2016-07-11", "2016-07-13"),
        # a day of the publication's month, or of the one before
        ("The village was bombed on the 5th of this month.", "2016-07-05", "2016-07-05"),
        ("The village was bombed on the 22nd of last month.", "2016-06-22", "2016-06-22"),
        # the calendar year so far, and the one before
        ("Strikes have killed 120 civilians this year.", "2016-01-01", "2016-07-21"),
        ("Last year, strikes killed 40 civilians.", "2015-01-01", "2015-12-31"),
        # a part of a month: its first, middle or last days
        ("Strikes in late June killed 40 civilians.", "2016-06-19", "2016-06-30"),
        ("Strikes in early June killed 40 civilians.", "2016-06-01", "2016-06-11"),
        ("Strikes in mid-June killed 40 civilians.", "2016-06-09", "2016-06-21"),
        ("Strikes at the end of June killed 40 civilians.", "2016-06-19", "2016-06-30"),
    ],
)
def test_dates_resolve_against_publication(text: str, start: str, end: str) -> None:
    (m,) = [m for m in find_dates(text, reference=PUB) if m.resolved]
    assert (str(m.start_date), str(m.end_date)) == (start, end)
    assert text[m.start : m.end] == m.text


def test_dates_a_lower_case_may_after_a_day_is_the_verb() -> None:
    # "on July 12 may have killed": the day is July 12, not 12 May read from "12 may"
    text = "The coalition said a strike it carried out on July 12 may have killed civilians."
    (m,) = [m for m in find_dates(text, reference=PUB) if m.resolved]
    assert (str(m.start_date), m.text) == ("2016-07-12", "July 12")


def test_dates_without_reference_are_unresolved_not_guessed() -> None:
    (m,) = find_dates("The village was shelled on Tuesday.", reference=None)
    assert m.start_date is None and m.end_date is None


def test_dates_offsets_are_reported_not_resolved() -> None:
    (m,) = find_dates("The fatalities came a day after a US airstrike killed 20.", reference=PUB)
    assert m.kind == "offset" and m.offset == (1, 1) and m.direction == "after"
    (m,) = find_dates("This attack came in less than 48 hours after the shelling.", reference=PUB)
    assert m.offset == (0, 2)
    # a week is about seven days, a few weeks more, "fewer than two weeks" anything up to fourteen
    for text, offset in [("The strike came a week after a similar raid killed two.", (6, 8)),
                         ("The strike came a few weeks after a raid on the same market.", (14, 28)),
                         ("The review came fewer than two weeks after the Pentagon's statement.", (1, 14))]:
        (m,) = find_dates(text, reference=PUB)
        assert m.offset == offset, text


def test_dates_day_month_takes_the_documents_year_when_undated() -> None:
    text = "On November 15, 2022, two civilians were killed. On November 17 another was wounded."
    assert year_hint(text) == 2022
    found = find_dates(text, reference=None, year_hint=2022)
    assert [str(m.start_date) for m in found] == ["2022-11-15", "2022-11-17"]


def test_dates_dateline_is_a_reference_when_unpublished() -> None:
    assert reference_date("22 February, 2023\n\nDamascus - One citizen died.", None) == (date(2023, 2, 22), "dateline")
    assert reference_date("No dateline here.", None) == (None, "none")


def test_dates_month_without_year_takes_the_references_year() -> None:
    (m,) = [m for m in find_dates("Raids in March 2015 and more strikes in May killed dozens.", reference=PUB)
            if m.text == "May"]
    assert (str(m.start_date), str(m.end_date)) == ("2016-05-01", "2016-05-31")


_PAGE_TOP = "\n".join(["Home | World | Middle East", "Menu", "Drone strike hits a car near Qamishli", "",
                       "By a staff reporter", "", "Share this article", "", "Most read"]) + "\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a site's stamp under its byline, lines below the opening ones
        (_PAGE_TOP + "Thursday, 4 Aug 2022, 15:01\n\nA drone struck a car on Wednesday.", date(2022, 8, 4)),
        (_PAGE_TOP + "Friday 21 January 2022 16:42, UK\n\nTwo people were killed.", date(2022, 1, 21)),
        (_PAGE_TOP + "July 3, 2023 at 9:41 am\n\nTwo people were killed.", date(2023, 7, 3)),
        # a labelled publication date anywhere on the page
        (_PAGE_TOP * 6 + "Published: 12 October 2021\n", date(2021, 10, 12)),
        # the latest post the page embeds
        (_PAGE_TOP + "Four civilians were killed.\n— Civil Defence (@CivilDefence) January 2, 2022\n"
         "— Civil Defence (@CivilDefence) January 3, 2022\n", date(2022, 1, 3)),
        # a date inside a sentence is an event's, not the page's
        (_PAGE_TOP + "On 4 May 2022 the village was shelled.\n", None),
        (_PAGE_TOP + "Updated 12:01 GMT 3 May 2021\n", None),
    ],
)
def test_page_date_below_the_opening_lines(text: str, expected: date | None) -> None:
    assert reference_date(text, None) == (None, "none")  # not a dateline the page opens with
    assert page_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a photo caption's date with its weekday, and the body's "on Friday": the page's day
        ("Shelling hits Kobani\n\nSmoke over the city centre on the morning of Friday, Apr. 22, 2022 (Photo: ANHA)\n\n"
         "Turkish artillery on Friday morning shelled the city centre, injuring three civilians.", date(2022, 4, 22)),
        ("قصفت القوات التركية صباح الجمعة 22 نيسان 2022 مركز المدينة.\n\nوأدى القصف يوم الجمعة إلى إصابة ثلاثة مدنيين.",
         date(2022, 4, 22)),
        # a background date whose weekday is not the strike's: no reference
        ("The truce signed on Thursday, March 5, 2020 has been broken. Jets struck the town on Friday, killing two.",
         None),
        # a weekday the date does not fall on
        ("Smoke over the city on Friday, Apr. 21, 2022. Shells fell on Friday morning.", None),
        # the dated weekday alone: nothing else says the page reports that day
        ("The strike on Friday, Apr. 22, 2022 killed two, the monitor said in its monthly report.", None),
        # a roundup's title line that dates the day it covers (with slashes around the month's name), the weekday
        # right beside the date or apart from it: that day
        ("حصاد شام لمجمل الأحداث الميدانية في سوريا ليوم الثلاثاء 19/ أيلول/ 2023\n\nقتل مدني جراء قصف مدفعي على بلدة "
         "الفطيرة.", date(2023, 9, 19)),
        ("صورة شام\nنشرة حصاد يوم الاثنين لجميع الأحداث الميدانية في سوريا 16-08-2021\n\nقتل مدني جراء قصف على كنصفرة.",
         date(2021, 8, 16)),
        ("Daily roundup for Monday, 16 August 2021\n\nShelling killed a civilian in Kansafra.", date(2021, 8, 16)),
        # ... but not a weekday the title's date does not fall on, nor a sentence that tells of a dated strike
        ("نشرة حصاد يوم الأحد لجميع الأحداث الميدانية في سوريا 16-08-2021\n\nقتل مدني جراء قصف على كنصفرة.", None),
        ("The strike on Friday, Apr. 22, 2022 killed two.\n\nThe monitor said so in its monthly report.", None),
    ],
)
def test_weekday_dated_is_the_one_full_date_the_pages_weekdays_agree_on(text: str, expected: date | None) -> None:
    assert weekday_dated(text) == expected


def test_post_signature_needs_a_handle() -> None:
    assert post_signature("— Civil Defence January 3, 2022") is None
    assert post_signature("text (@SyriaCivilDefe) March 9, 2021 more") == date(2021, 3, 9)


def test_a_page_stamp_dates_an_unpublished_reports_yesterday() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = _PAGE_TOP + "Thursday, 4 Aug 2022, 15:01\n\nA drone strike killed two civilians yesterday, activists said."
    (claim,) = run(Document(id="d", text=text), config=ExtractConfig(gazetteer=None))
    assert claim.date is not None and claim.date.start == date(2022, 8, 3)
    # an address that carries its day wins over a stamp further down the page
    doc = Document(id="d", text=text, url="https://example.org/2022/08/05/drone-strike")
    (claim,) = run(doc, config=ExtractConfig(gazetteer=None))
    assert claim.date is not None and claim.date.start == date(2022, 8, 4)


def test_a_dated_address_wins_over_a_date_line_the_page_was_captured_with() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "5 October 2025\n\nA drone strike killed two civilians in the town, activists said."
    doc = Document(id="d", text=text, url="https://example.org/2022/03/23/drone-strike")
    (claim,) = run(doc, config=ExtractConfig(gazetteer=None))
    assert claim.date is not None and (claim.date.end, claim.date.rule) == (date(2022, 3, 23), "on_or_before_url_date")
    (claim,) = run(Document(id="d", text=text), config=ExtractConfig(gazetteer=None))
    assert claim.date is not None and (claim.date.end, claim.date.rule) == (date(2025, 10, 5), "on_or_before_dateline")


def test_two_days_later_is_two_days_after_the_strike_told_before() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("On June 3, an airstrike hit a poultry farm near Sarmada, killing two workers. Two days later, another "
            "strike killed four civilians in the same area.")
    claims = run(Document(id="d2", text=text, published=date(2022, 6, 13)), config=ExtractConfig(gazetteer=None))
    got = sorted((c.date.start, c.date.end) for c in claims)
    assert got == [(date(2022, 6, 3), date(2022, 6, 3)), (date(2022, 6, 5), date(2022, 6, 5))], got


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("ارتفعت حصيلة الضحايا منذ بداية العام الحالي 2023 إلى 40 مدنياً.", 2023),
        ("وثق المرصد مقتل 12 مدنياً خلال السنة الجارية (٢٠٢٢) بقصف الطائرات المسيرة.", 2022),
        ("The monitor has recorded 31 such strikes since the start of the current year, 2024.", 2024),
        # the new year; last year, which says the year after it
        ("وهو الاستهداف الثاني خلال العام الجديد 2023 للعاصمة.", 2023),
        ("وكان المرصد قد أحصى خلال العام 2022 الفائت 32 استهدافاً.", 2023),
        ("رغم اتفاق وقف إطلاق النار الموقع في آذار العام الماضي 2020.", 2021),
        # a tally since the year began ("so far this year") is of the year it is written in
        ("Since early 2023, the monitor has documented 41 drone attacks on the region.", 2023),
        ("The number of drone strikes on the area since the beginning of 2022 has reached 28.", 2022),
        ("It is the third massacre in the province since the start of 2022.", 2022),
        ("Civilian deaths so far in 2024 stand at 61, the group said.", 2024),
        ("وتسببت الهجمات التركية على مناطق الإدارة الذاتية منذ مطلع العام 2023، بمقتل 32 شخصاً.", 2023),
        ("وارتفعت حصيلة المدنيين الذين قتلوا بقصف النظام منذ بداية عام 2022 إلى 40.", 2022),
        # a year of the past, or two years that disagree, say nothing of when the page was written
        ("تسيطر القوات على البلدة منذ مطلع العام 2016.", None),
        ("وتسيطر قسد منذ مطلع العام 2016 على عدد من القرى في الريف الشمالي.", None),
        ("The town has been held by the SDF since early 2016.", None),
        ("The current year 2023 ... this year (2024) in another story beside it.", None),
    ],
)
def test_writing_year_is_the_year_a_page_says_it_is_written_in(text: str, year: int | None) -> None:
    found = writing_year(text)
    assert (found[0] if found else None) == year
    if found:
        # the phrase's span holds the year, or the year before it ("last year 2022")
        span = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))[found[1] : found[2]]
        assert str(year) in span or (year is not None and str(year - 1) in span), span


def test_a_page_with_only_its_year_of_writing_dates_its_days_and_its_undated_claims() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("ارتفعت حصيلة ضحايا القصف منذ بداية العام الحالي 2023 إلى 40 مدنياً.\n"
            "وقتل طفلان يوم الجمعة 25 آب بقصف مدفعي على قرية كفرنوران.")
    (claim,) = [c for c in run(Document(id="w1", text=text), config=ExtractConfig()) if c.killed]
    assert (claim.date.start, claim.date.end) == (date(2023, 8, 25), date(2023, 8, 25))
    undated = ("ارتفعت حصيلة ضحايا القصف منذ بداية العام الحالي 2023 إلى 40 مدنياً.\n"
               "وقتل طفلان بقصف مدفعي على قرية كفرنوران.")
    (claim,) = [c for c in run(Document(id="w2", text=undated), config=ExtractConfig()) if c.killed]
    assert claim.date.precision == DatePrecision.YEAR and claim.date.end == date(2023, 12, 31)
    assert claim.date.span is not None and "2023" in claim.date.span.text


def test_a_page_written_in_a_year_dates_its_undated_claims_though_it_names_past_years() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("A Turkish drone struck a car near Tal Tamr, killing two civilians. Turkish forces took the nearby town "
            "of Ras al-Ain in October 2019. Since early 2023, the monitor has documented 41 drone attacks on the "
            "region.")
    (claim,) = [c for c in run(Document(id="w3", text=text), config=ExtractConfig()) if c.killed]
    assert claim.date is not None and claim.date.precision == DatePrecision.YEAR
    assert (claim.date.start, claim.date.end) == (date(2022, 12, 24), date(2023, 12, 31))
    assert claim.date.span is not None and "since early 2023" in claim.date.span.text.lower()


def test_reference_date_of_a_captured_post_filed_a_year_later_is_the_posts_stamp() -> None:
    # an archive files the capture under the day it was made; the post says when it was written, and its
    # "today" is that day (a stamp after the filed date, or years before it, is some other post's)
    text = "Page name\n\nPage nameFebruary 22, 2025 · Shared with Public\nاعتقلت قسد فجر اليوم شابين في البلدة"
    assert reference_date(text, date(2026, 2, 22)) == (date(2025, 2, 22), "post_stamp")
    assert reference_date(text, date(2025, 2, 22)) == (date(2025, 2, 22), "published")
    assert reference_date(text, date(2025, 2, 23)) == (date(2025, 2, 23), "published")  # a day's lag is no capture
    assert reference_date(text, date(2029, 1, 1)) == (date(2029, 1, 1), "published")


def test_an_agreements_date_dates_no_strike() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("A Russian airstrike killed three civilians in Kansafra, despite the ceasefire agreement signed by Russia "
            "and Turkey in March 2020.")
    claims = run(Document(id="a1", text=text), config=ExtractConfig(gazetteer=None))
    assert claims and all(c.date is None or c.date.start is None for c in claims), [c.date for c in claims]
    dated = "A Russian airstrike killed three civilians in Kansafra in March 2020."
    claims = run(Document(id="a2", text=dated), config=ExtractConfig(gazetteer=None))
    assert [c.date.start for c in claims if c.date] == [date(2020, 3, 1)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the year of the page's one full date is a truce's; "Saturday 17 September" was a Saturday in 2022
        ("شنت الطائرات الحربية الروسية اليوم السبت 17 أيلول غارات على ريف إدلب، ما أدى لمقتل 3 مدنيين في بلدة "
         "حفسرجة، رغم سريان اتفاق موسكو منذ 5 آذار 2020.", date(2022, 9, 17)),
        # the weekday agrees with that year: it stays
        ("قتل طفلان بقصف على بلدة سرمين يوم الخميس 17 أيلول، بعد اتفاق موسكو في 5 آذار 2020.", date(2020, 9, 17)),
        # no weekday: the page's year
        ("قتل طفلان بقصف على بلدة سرمين في 17 أيلول، بعد اتفاق موسكو في 5 آذار 2020.", date(2020, 9, 17)),
    ],
)
def test_a_pages_weekdays_move_its_days_to_the_year_they_fall_in(text: str, day: date) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = [c for c in run(Document(id="wd", text=text), config=ExtractConfig(gazetteer=None)) if c.killed]
    assert claims and (claims[0].date.start, claims[0].date.end) == (day, day), [c.date for c in claims]


def test_a_captured_posts_own_stamp_bounds_its_claims_and_keeps_posts_years_apart_apart() -> None:
    from civcas import link
    from civcas.extract import ExtractConfig, run
    from civcas.link.features import latest_day
    from civcas.records import Document

    def post(stamp: str) -> str:
        return (f"Civil Defence\n{stamp} · Shared with Public\n"
                "أصيب ثلاثة أطفال بجروح جراء قصف مدفعي على بلدة دركوش بريف جسر الشغور")

    assert reference_date(post("November 30, 2024"), None) == (date(2024, 11, 30), "post_stamp")
    cfg = ExtractConfig(gazetteer=None)
    old = run(Document(id="p2022", text=post("February 21, 2022")), config=cfg)
    new = run(Document(id="p2024", text=post("November 30, 2024")), config=cfg)
    assert old and new and new[0].date is not None and new[0].date.rule == "on_or_before_post_stamp"
    # the day the report appeared is known, so two undated posts on one town years apart are two strikes
    assert latest_day(new[0].date) is not None
    linked = link.assign_incidents([*old, *new])
    assert linked[0].incident != linked[-1].incident


@pytest.mark.parametrize(
    "phrase",
    ["overnight Friday to Saturday", "on the night of Friday to Saturday", "the night between Friday and Saturday"],
)
def test_a_night_told_by_the_two_days_it_spans(phrase: str) -> None:
    got = find_dates(f"Jets bombed the town {phrase}, killing six.", reference=date(2017, 3, 20))
    assert [(m.text, str(m.start_date), str(m.end_date)) for m in got] == [(phrase, "2017-03-17", "2017-03-18")]


def test_the_day_before_yesterday_is_a_day_not_an_offset() -> None:
    text = "Five civilians were killed the day before yesterday in an airstrike."
    (m,) = find_dates(text, reference=date(2019, 4, 10))
    assert (m.start_date, m.end_date) == (date(2019, 4, 8), date(2019, 4, 8))
    # "the day before" the strike told before: still an offset
    (m,) = find_dates("On the day before, two were killed.", reference=date(2019, 4, 10))
    assert m.kind == "offset"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five civilians were killed in an airstrike on Kafranbel on the 7th.", [date(2019, 4, 7)]),
        # a day after the publication's is of the month before
        ("Two were killed on the 12th, and three on the 14th.", [date(2019, 3, 12), date(2019, 3, 14)]),
        ("A shell hit a flat on the 7th floor of the building.", []),
        # a harm verb right after the day
        ("A strike on the 8th killed four members of one family in Binnish.", [date(2019, 4, 8)]),
        ("The convoy was on the 8th anniversary parade.", []),
    ],
)
def test_a_bare_ordinal_day_is_a_day_of_the_publications_month(text: str, expected: list[date]) -> None:
    assert [m.start_date for m in find_dates(text, reference=date(2019, 4, 10))] == expected


@pytest.mark.parametrize(
    "text",
    [
        ("Regime artillery shelled Kafranbel on 13 March 2022, killing a civilian.\n\n"
         "On the same day, Russian warplanes struck the village of al-Bara, killing three civilians."),
        ("Regime artillery shelled Kafranbel on 13 March 2022, killing a civilian. Later that day, Russian "
         "warplanes struck the village of al-Bara, killing three civilians."),
        ("قصفت مدفعية النظام بلدة كفرنبل يوم 13 آذار 2022، ما أدى إلى مقتل مدني.\n"
         "وفي اليوم ذاته قصفت الطائرات الحربية الروسية قرية البارة، ما أسفر عن مقتل ثلاثة مدنيين."),
        # "that day" points back as well, never at the publication's day ("اليوم" alone is today)
        ("قصفت مدفعية النظام بلدة كفرنبل يوم 13 آذار 2022، ما أدى إلى مقتل مدني.\n"
         "وفي ذلك اليوم قصفت الطائرات الحربية الروسية قرية البارة، ما أسفر عن مقتل ثلاثة مدنيين."),
    ],
)
def test_the_same_day_is_the_day_of_the_strike_told_before_not_the_publication(text: str) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="s1", text=text, published=date(2022, 3, 20)), config=ExtractConfig(gazetteer=None))
    got = sorted((c.killed.value, c.date.start, c.date.end, c.date.precision) for c in claims if c.killed)
    day = date(2022, 3, 13)
    assert got == [(1, day, day, DatePrecision.DAY), (3, day, day, DatePrecision.DAY)], got


def test_a_toll_told_again_later_that_day_stays_with_its_strike() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("Russian warplanes struck the market of Ariha on Sunday, killing three civilians. Later that day, the "
            "death toll rose to five.")
    claims = run(Document(id="s2", text=text, published=date(2022, 3, 15)), config=ExtractConfig(gazetteer=None))
    assert [(c.killed.value, c.date.start) for c in claims if c.killed] == [(5, date(2022, 3, 13))]


def test_an_undated_strike_in_the_next_paragraph_takes_the_date_told_before_blank_line_or_not() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    for gap in ("\n", "\n\n"):
        text = (f"Turkish drones struck a car near Qamishli on 2 May 2023, killing two civilians.{gap}"
                "Turkish artillery also shelled the village of Tal Shaair, killing a shepherd.")
        claims = run(Document(id="s3", text=text), config=ExtractConfig(gazetteer=None))
        assert sorted((c.killed.value, c.date.start) for c in claims if c.killed) == [
            (1, date(2023, 5, 2)), (2, date(2023, 5, 2))], gap


@pytest.mark.parametrize(
    ("second", "day"),
    [
        ("وفي اليوم التالي قصفت الطائرات الروسية قرية البارة، ما أسفر عن مقتل ثلاثة مدنيين.", date(2022, 3, 14)),
        ("وكانت الطائرات الروسية قد قصفت في اليوم السابق قرية البارة، ما أسفر عن مقتل ثلاثة مدنيين.",
         date(2022, 3, 12)),
    ],
)
def test_the_next_or_previous_day_in_arabic_counts_from_the_strike_told_before(second: str, day: date) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = f"قصفت قوات النظام بلدة كفرنبل يوم 13 آذار 2022، ما أدى إلى مقتل مدني.\n{second}"
    claims = run(Document(id="n1", text=text, published=date(2022, 3, 20)), config=ExtractConfig(gazetteer=None))
    got = {c.killed.value: (c.date.start, c.date.end) for c in claims if c.killed}
    assert got == {1: (date(2022, 3, 13), date(2022, 3, 13)), 3: (day, day)}, got


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        ("قُتل ثلاثة مدنيين اليوم بغارة جوية على قرية كنصفرة، بعد يومين من غارة مماثلة قتلت طفلين.",
         (date(2022, 3, 12), date(2022, 3, 12))),
        # the offset cuts the clauses: the first village is the first strike's, the second the earlier one's
        ("قُتل ثلاثة مدنيين اليوم بغارة جوية على قرية كنصفرة بعد أسبوع من مقتل طفلين بغارة على قرية البارة.",
         (date(2022, 3, 6), date(2022, 3, 8))),
    ],
)
def test_a_strike_told_so_many_days_before_in_arabic_is_another_strike_then(
    text: str, earlier: tuple[date, date]
) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="n2", text=text, published=date(2022, 3, 14)), config=ExtractConfig(gazetteer=None))
    got = {c.killed.value: (c.date.start, c.date.end) for c in claims if c.killed and c.date}
    assert got == {3: (date(2022, 3, 14), date(2022, 3, 14)), 2: earlier}, got
    places = {c.killed.value: c.place.mention if c.place else None for c in claims if c.killed}
    if "البارة" in text:
        assert places == {3: "كنصفرة", 2: "البارة"}, places


def test_a_page_that_embeds_a_post_is_of_the_weekday_it_says_is_today() -> None:
    posted = date(2021, 9, 17)  # a Friday
    page = ("قتل مدني اليوم السبت بغارة روسية على قرية في ريف إدلب.\n"
            "وكانت الطائرات شنت اليوم الجمعة 17 أيلول غارات على جبل الزاوية.")  # the post's own full date
    assert day_after_post(page, posted) == date(2021, 9, 18)
    assert day_after_post("Jets struck the town today, Friday, killing two.", posted) == posted
    # two different "today"s, or none: the post's day
    assert day_after_post("اليوم السبت ... اليوم الأحد", posted) == posted
    assert day_after_post("Jets struck the town, killing two.", posted) == posted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two civilians were killed in shelling on Sarmin on the twelfth of March.", date(2019, 3, 12)),
        ("Two civilians were killed in shelling on Sarmin on the twenty-first of March.", date(2019, 3, 21)),
        ("Two civilians were killed in shelling on Sarmin on the thirty-first of March.", date(2019, 3, 31)),
    ],
)
def test_a_day_written_as_an_ordinal_word(text: str, expected: date) -> None:
    # "twenty-first" is read whole, not as its last word "first"
    assert [m.start_date for m in find_dates(text, reference=date(2019, 4, 10))] == [expected]


def test_that_day_in_an_arabic_denial_is_not_the_publications_day() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("نفى التحالف الدولي مسؤوليته عن الغارة التي استهدفت قرية الباغوز، مؤكداً أنه لم ينفذ أي ضربات جوية في "
            "المنطقة ذلك اليوم.")
    claims = run(Document(id="s3", text=text, published=date(2020, 1, 19)), config=ExtractConfig(gazetteer=None))
    assert claims and all(c.date.start is None for c in claims), [c.date for c in claims]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # the days up to the reference, not the calendar's last week
        ("22 civilian deaths over the past week", date(2016, 7, 25), date(2016, 8, 1)),
        ("killed over the last week", date(2016, 7, 25), date(2016, 8, 1)),
        ("in the past two weeks", date(2016, 7, 18), date(2016, 8, 1)),
        ("over the past 30 days", date(2016, 7, 2), date(2016, 8, 1)),
        # "last week" still points back at a strike told loosely
        ("a strike last week", date(2016, 7, 19), date(2016, 7, 31)),
    ],
)
def test_the_past_week_is_the_days_up_to_the_reference(text: str, start: date, end: date) -> None:
    (m,) = find_dates(text, reference=date(2016, 8, 1))
    assert (m.start_date, m.end_date) == (start, end), m


def test_a_running_total_over_the_past_two_weeks_is_a_tally_beside_the_strike() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    text = ("Russian airstrikes killed five civilians in the town of Saraqeb on Sunday, bringing the number of "
            "civilians killed in Idlib over the past two weeks to 60.")
    claims = run(Document(id="s4", text=text, published=date(2016, 8, 1)), config=ExtractConfig(gazetteer=None))
    got = sorted((c.kind.value, c.killed.value, c.date.start, c.date.end) for c in claims if c.killed)
    assert got == [("aggregate", 60, date(2016, 7, 18), date(2016, 8, 1)),
                   ("incident", 5, date(2016, 7, 31), date(2016, 7, 31))], got
    # a province's toll over the past week is a tally, as over the past day
    text = ("Airwars has tracked 22 civilian deaths from alleged Russian airstrikes in Idlib province over the past "
            "week.")
    (c,) = run(Document(id="s5", text=text, published=date(2016, 8, 1)), config=ExtractConfig(gazetteer=None))
    assert (c.kind, c.claimant) == (ClaimKind.AGGREGATE, "Airwars"), c


@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        ("The UN said at least 46 civilians had been killed in Hodeidah governorate since the start of the offensive "
         "on June 1.", date(2018, 6, 12), date(2018, 6, 1)),
        ("قالت وزارة الصحة إن 1900 فلسطيني استشهدوا بينهم 614 طفلا منذ بدء العدوان الإسرائيلي على قطاع غزة يوم السبت "
         "الماضي.", date(2023, 10, 14), date(2023, 10, 7)),
    ],
)
def test_a_day_after_since_the_start_of_opens_the_tallys_period(text: str, published: date, start: date) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    (c,) = run(Document(id="ss", text=text, published=published), config=ExtractConfig(gazetteer=None))
    assert (c.kind, c.date.start, c.date.end) == (ClaimKind.AGGREGATE, start, published), c


@pytest.mark.parametrize(
    "text",
    [
        "أصيب ثلاثة أطفال بجروح بقصف مدفعي لقوات النظام على قرية البارة في جبل الزاوية جنوبي إدلب. وفي سبتمبر/ أيلول "
        "2018، أبرمت أنقرة وموسكو مذكرة تفاهم لتعزيز وقف إطلاق النار في إدلب، إلا أن قوات النظام تواصل قصف قرى "
        "جبل الزاوية.",
        "Three children were injured when regime artillery shelled the village of al-Bara in Jabal al-Zawiya, southern "
        "Idlib. In March 2020, Russia and Turkey signed a ceasefire deal for Idlib, but regime forces keep shelling "
        "the villages of Jabal al-Zawiya.",
    ],
)
def test_a_date_that_opens_a_clause_before_an_agreement_is_concluded_dates_no_strike(text: str) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    (claim,) = [c for c in run(Document(id="agr", text=text), config=ExtractConfig(gazetteer=None)) if c.injured]
    assert claim.date is None or (claim.date.start is None and claim.date.end is None), claim.date


def test_a_date_that_opens_a_strikes_clause_still_dates_it_despite_a_truce() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "On July 7, despite the truce, regime artillery shelled the village of al-Bara, injuring three children."
    (claim,) = run(Document(id="agr2", text=text, published=date(2023, 7, 9)), config=ExtractConfig(gazetteer=None))
    assert claim.date is not None and (claim.date.start, claim.date.end) == (date(2023, 7, 7), date(2023, 7, 7))
