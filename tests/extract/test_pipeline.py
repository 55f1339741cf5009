"""Whole short articles, written for civcas in the style of real reporting (fictional events)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civcas.extract import ExtractConfig, run
from civcas.records import ClaimKind, DatePrecision, Document, PlacePrecision, Qualifier, Stance

CONFIG = ExtractConfig(gazetteer=None)

ARTICLE = (
    "Russian jets struck the village of Kafr Rumah in the Idlib countryside on Tuesday, killing 14 civilians, "
    "including five children, according to the Syrian Civil Defence.\n"
    "The Syrian Observatory for Human Rights put the death toll at 16.\n"
    "The Russian Defence Ministry said its aircraft did not carry out any strikes in the area."
)


def _doc(text: str, published: date | None = date(2021, 3, 4), doc_id: str = "d1") -> Document:
    return Document(id=doc_id, text=text, published=published)


def test_pipeline_one_claim_per_claimant_for_one_event() -> None:
    claims = run(_doc(ARTICLE), config=CONFIG)
    by = {c.claimant: c for c in claims}
    assert set(by) == {"Syrian Civil Defence", "Syrian Observatory for Human Rights", "Russian Defence Ministry"}
    assert by["Syrian Civil Defence"].killed is not None and by["Syrian Civil Defence"].killed.value == 14
    assert dict(by["Syrian Civil Defence"].victims)["children"].value == 5
    assert by["Syrian Observatory for Human Rights"].killed.value == 16  # type: ignore[union-attr]
    assert by["Russian Defence Ministry"].stance is Stance.DENIES
    for c in claims:
        assert c.kind is ClaimKind.INCIDENT
        assert c.belligerents == ("Russia",)
        assert c.date is not None and (c.date.start, c.date.end) == (date(2021, 3, 2), date(2021, 3, 2))
        assert c.place is not None and c.place.mention == "Kafr Rumah"


def test_pipeline_every_value_points_at_its_text() -> None:
    doc = _doc(ARTICLE)
    for c in run(doc, config=CONFIG):
        assert doc.text[c.quote_span.start : c.quote_span.end] == c.quote
        for ev in c.evidence:
            assert doc.text[ev.span.start : ev.span.end] == ev.span.text, ev.field
        assert c.rules, "every claim records the rules that fired"


def test_pipeline_tallies_are_aggregates_with_their_period() -> None:
    text = (
        "Airwars, a monitoring group, estimated that at least 1,200 civilians have been killed in coalition "
        "strikes in Syria since September 2014."
    )
    (c,) = run(_doc(text), config=CONFIG)
    assert c.kind is ClaimKind.AGGREGATE
    assert c.killed is not None and (c.killed.value, c.killed.qualifier) == (1200, Qualifier.AT_LEAST)
    assert c.stance is Stance.ESTIMATES and c.claimant == "Airwars"
    assert c.date is not None and c.date.start == date(2014, 9, 1)


def test_pipeline_a_forces_running_count_of_admitted_deaths_is_a_tally() -> None:
    text = ("Airwars estimates that at least 5,117 civilians have been killed by coalition strikes in Iraq and Syria "
            "since August 2014. The coalition itself has admitted to 624 civilian deaths.")
    claims = run(_doc(text), config=CONFIG)
    admitted = [c for c in claims if c.killed is not None and c.killed.value == 624]
    assert admitted and admitted[0].kind is ClaimKind.AGGREGATE and admitted[0].stance is Stance.ACKNOWLEDGES, claims
    assert admitted[0].claimant == "coalition"
    # ... but the deaths of one strike it admits stay that strike's
    (c,) = run(_doc("The Pentagon has acknowledged 10 civilian deaths in the Kabul drone strike of August 29."),
               config=CONFIG)
    assert c.kind is ClaimKind.INCIDENT and c.stance is Stance.ACKNOWLEDGES, c


def test_pipeline_a_period_told_with_alone_is_a_tally_even_in_one_town() -> None:
    text = "In February alone, coalition strikes killed 317 civilians in Kafr Zita, monitors said."
    (c,) = run(_doc(text), config=CONFIG)
    assert c.kind is ClaimKind.AGGREGATE, c
    assert c.date is not None and (c.date.start, c.date.end) == (date(2021, 2, 1), date(2021, 2, 28)), c.date
    # a day is still a day's strikes
    (c,) = run(_doc("On Monday alone, strikes killed 40 civilians in Kafr Zita."), config=CONFIG)
    assert c.kind is ClaimKind.INCIDENT, c


def test_pipeline_this_year_is_a_tallys_period_and_no_strikes_date(village_config: Any) -> None:
    text = "So far this year, coalition strikes have killed 120 civilians in Syria, monitors said."
    (c,) = run(_doc(text), config=CONFIG)
    assert c.kind is ClaimKind.AGGREGATE and c.date is not None, c
    assert (c.date.start, c.date.end) == (date(2021, 1, 1), date(2021, 3, 4)), c.date
    # background told "last year" dates no strike in a village
    text = "A strike killed 3 civilians in Kafr Zita, where clashes broke out last year."
    (c,) = run(_doc(text), config=village_config)
    assert c.kind is ClaimKind.INCIDENT and c.date is not None and c.date.start is None, c.date


def test_pipeline_an_offset_makes_another_strike() -> None:
    text = (
        "Warplanes struck the town of Saraqib on Monday, killing 9 civilians, activists said. "
        "The raid came a day after an airstrike killed 4 people in Maarat al-Numan."
    )
    claims = sorted(run(_doc(text), config=CONFIG), key=lambda c: c.killed.value if c.killed else 0)
    assert [c.killed.value for c in claims if c.killed] == [4, 9]
    four, nine = claims
    assert nine.date is not None and nine.date.start == date(2021, 3, 1)
    assert four.date is not None and four.date.start == date(2021, 2, 28)
    assert four.place is not None and four.place.mention == "Maarat al-Numan"


@pytest.mark.issue(4)
def test_pipeline_a_month_after_since_dates_no_strike() -> None:
    # undated strike; the comparison's "since ... March 2019" opens a period, it does not date the shelling
    text = (
        "Rockets hit the market of the town of Saraqib, killing five civilians, activists said. "
        "It was the deadliest attack on the town since the front lines froze in March 2019."
    )
    (c,) = [c for c in run(_doc(text, published=None), config=CONFIG) if c.kind is ClaimKind.INCIDENT]
    assert c.killed is not None and c.killed.value == 5
    assert c.date is None or c.date.start is None or c.date.start.year != 2019, c.date


def test_pipeline_an_arabic_day_after_since_dates_no_strike() -> None:
    # "the deadliest since the first of last January" (with a year elsewhere on the page): no date of the shelling
    text = (
        "قتل 6 مدنيين اليوم السبت في قصف مدفعي على بلدة سرمين.\n\n"
        "ويعد القصف الأعنف منذ الأول من كانون الثاني الماضي.\n\n"
        "وكان شخصان قتلا في قصف على بلدة بنش في 31 كانون الأول 2021."
    )
    got = [c for c in run(_doc(text, published=None), config=CONFIG) if c.kind is ClaimKind.INCIDENT]
    six = next(c for c in got if c.killed is not None and c.killed.value == 6)
    assert six.date is None or six.date.start is None or (six.date.start.month, six.date.start.day) != (1, 1), six.date


@pytest.mark.parametrize(
    "text",
    [
        "The SDF said in a statement on Wednesday, January 8, 2024, that a Turkish drone killed five civilians.",
        "وقالت قسد في بيان اليوم الأربعاء (8 كانون الثاني 2024) إن مسيرة تركية قتلت خمسة مدنيين.",
    ],
)
def test_a_year_slipped_in_a_new_years_first_days_yields_to_the_weekday(text: str) -> None:
    # 8 January 2024 was a Monday; the page of 8 January 2025, a Wednesday, wrote last year's number from habit
    (c,) = run(_doc(text, published=date(2025, 1, 8)), config=CONFIG)
    assert c.date is not None and c.date.start == date(2025, 1, 8), c.date


def test_a_weekday_that_fits_no_nearby_year_leaves_the_written_date() -> None:
    text = "The SDF said on Wednesday, March 3, 2021, that a Turkish drone killed five civilians."
    (c,) = run(_doc(text, published=date(2025, 1, 8)), config=CONFIG)
    assert c.date is not None and c.date.start == date(2021, 3, 3), c.date


def test_pipeline_undated_text_gives_no_date_rather_than_a_guess() -> None:
    (c,) = run(
        _doc("Shelling on Tuesday killed three civilians in the town of Jisr al-Shughur.", published=None),
        config=CONFIG,
    )
    assert c.date is None


def test_pipeline_no_harm_no_claims() -> None:
    assert run(_doc("The ministry called for calm and an investigation into the incident."), config=CONFIG) == []


def test_pipeline_additional_figures_add_up() -> None:
    text = (
        "A car bomb exploded at a market in the town of Kafr Zita on Monday, killing at least 12 people.\n"
        "Rescuers pulled another 5 bodies from the rubble of the market."
    )
    claims = [c for c in run(_doc(text), config=CONFIG) if c.killed]
    assert max(c.killed.value or 0 for c in claims if c.killed) == 17


_FRAGMENTS = [
    "killing", "at least", "12", "civilians", "were killed", "in the village of", "Tal Hamid", "on Tuesday",
    "activists said", "according to the ministry", "dozens", "wounded", "the coalition", "Russian jets",
    "a child", "denied", "since 2014", ",", ".", "\n", "“", "”", "(", ")", "كرم", "قتلى",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=8)), max_size=40))
def test_pipeline_never_raises_and_spans_round_trip(parts: list[str]) -> None:
    text = " ".join(parts).strip() or "x"
    doc = _doc(text)
    for c in run(doc, config=CONFIG):
        assert doc.text[c.quote_span.start : c.quote_span.end] == c.quote
        for ev in c.evidence:
            assert doc.text[ev.span.start : ev.span.end] == ev.span.text


def test_pipeline_dates_of_telling_are_not_dates_of_the_strike() -> None:
    closing = (
        "At least 14 civilians were killed when jets struck the town of Kafr Zita on Sunday, local activists said."
    )
    (c,) = run(_doc(closing), config=CONFIG)
    assert c.date is not None and c.date.start == date(2021, 2, 28)
    opening = (
        "The army denied on Wednesday that its jets had struck homes in Kafr Zita on February 26, killing 3 people."
    )
    claims = run(_doc(opening), config=CONFIG)
    assert {c.stance for c in claims} == {Stance.DENIES, Stance.ALLEGES}
    assert all(c.date is not None and c.date.start == date(2021, 2, 26) for c in claims)
    # a date that opens or qualifies the told clause dates the strike
    told = "The ministry acknowledged that the February 26 strike on Kafr Zita killed 3 civilians."
    (c,) = run(_doc(told), config=CONFIG)
    assert c.date is not None and c.date.start == date(2021, 2, 26), c.date
    # a harm's verb between the telling and the date: the date is the harm's ("said 5 civilians died on ...")
    harm_told = "Local activists said five civilians died on February 26 in Kafr Zita."
    (c,) = run(_doc(harm_told), config=CONFIG)
    assert c.date is not None and c.date.start == date(2021, 2, 26), c.date
    said_then = "Local activists said on February 27 that five civilians died in Kafr Zita."
    (c,) = run(_doc(said_then), config=CONFIG)
    assert c.date is None or c.date.start != date(2021, 2, 27), c.date




@pytest.mark.issue(4)
def test_pipeline_so_far_with_a_strikes_count_is_that_strike() -> None:
    text = (
        "Turkish forces are shelling the villages of Hosheriye and Sayadah north of Manbij.\n\n"
        "Up to date, a woman and a child are reported injured in the shelling."
    )
    claims = run(_doc(text), config=CONFIG)
    assert [c.kind for c in claims] == [ClaimKind.INCIDENT]
    assert claims[0].injured is not None and claims[0].injured.value == 2


@pytest.mark.issue(4)
def test_pipeline_so_far_with_a_large_count_is_a_tally() -> None:
    claims = run(_doc("Russian strikes have killed more than 400 civilians so far, the monitor said."), config=CONFIG)
    assert [c.kind for c in claims] == [ClaimKind.AGGREGATE]


@pytest.mark.issue(4)
def test_pipeline_a_headline_counts_when_the_body_gives_only_tallies() -> None:
    text = (
        "Turkish drone attack | Civilian killed in Ain Al-Arab, east of Aleppo\n\n"
        "Activists reported that a man was directly targeted by Turkish drones on the Ain Al-Arab road.\n\n"
        "The number of Turkish drone attacks since early 2022 has reached 28. These attacks left 17 people dead."
    )
    claims = run(_doc(text), config=CONFIG)
    kinds = sorted((c.kind, c.killed.value if c.killed else None) for c in claims)
    assert kinds == [(ClaimKind.AGGREGATE, 17), (ClaimKind.INCIDENT, 1)]


@pytest.mark.issue(4)
def test_pipeline_a_title_cut_short_by_an_ellipsis_stands_aside_for_the_body() -> None:
    # a captured post's page title repeats the post's first words and stops mid-name: its count ("the lady", one)
    # is not a claim of its own when the body then tells the strike whole
    text = (
        "Raqqa Voices - The militia executed the lady Khadija al-Hassan and...\n"
        "Raqqa Voices's Post\n\n"
        "The militia executed the lady Khadija al-Hassan and her two sons after storming their home in the village "
        "of al-Sabha east of Raqqa, activists said.\n"
    )
    claims = run(_doc(text), config=CONFIG)
    assert [c.killed.value if c.killed else None for c in claims if c.kind is ClaimKind.INCIDENT] == [3]


@pytest.mark.issue(4)
def test_pipeline_an_undated_post_is_bounded_by_the_date_its_address_carries() -> None:
    doc = Document(
        id="t1",
        text="A drone strike on a car near Manbij killed two civilians on Tuesday, activists said.",
        url="https://twitter.com/someone/status/1457359374272303113",  # posted 2021-11-07, a Sunday
    )
    (c,) = run(doc, config=CONFIG)
    assert c.date is not None and (c.date.start, c.date.end) == (date(2021, 11, 2), date(2021, 11, 2))
    plain = Document(id="t2", text="Two civilians were killed by a drone strike near Manbij, activists said.",
                     url="https://news.example.org/2021/11/07/drone-strike/")
    (c2,) = run(plain, config=CONFIG)
    assert c2.date is not None and c2.date.start is None and c2.date.end == date(2021, 11, 7)
    assert c2.date.rule == "on_or_before_url_date"


@pytest.mark.issue(4)
def test_pipeline_an_undated_page_is_bounded_by_its_date_line() -> None:
    # no publication date, no date in the text: the page's own date line bounds the event, as publication does;
    # linking does not read it as the day the report appeared (a site's date bar may be the capture's day)
    from civcas.link.features import latest_day

    doc = Document(id="t3", text="Drone strike kills civilian in Jarablus\n\n07 تشرين الثاني 2021\n\n"
                   "A drone strike killed a civilian in the city of Jarablus, local sources said.")
    claims = run(doc, config=CONFIG)
    assert claims and all(c.date is not None and c.date.start is None and c.date.end == date(2021, 11, 7)
                          for c in claims)
    assert claims[0].date.rule == "on_or_before_dateline"
    assert latest_day(claims[0].date) is None


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # civilians named apart from a fighter: the claim counts the civilians
        ("The attack killed five civilians and a soldier in the market on Monday.", 5),
        # nobody named a civilian: every death counts
        ("Bandits killed the district chief and his guard on the road to the farm.", 2),
    ],
)
def test_pipeline_fighters_set_apart_only_from_named_civilians(text: str, killed: int) -> None:
    (c,) = run(_doc(text), config=CONFIG)
    assert c.killed is not None and c.killed.value == killed


@pytest.mark.issue(4)
def test_pipeline_the_one_a_verb_implies_and_his_companions() -> None:
    doc = _doc("Mrs. Bello was shot dead on Sunday alongside her daughter, police said.")
    (c,) = run(doc, config=CONFIG)
    assert c.killed is not None and (c.killed.value, c.killed.qualifier) == (2, Qualifier.EXACT)
    assert c.killed.span is not None and c.killed.span.text == "was shot dead on Sunday alongside her daughter"


@pytest.mark.issue(4)
def test_pipeline_a_toll_that_has_risen_wins_over_the_death_that_raised_it() -> None:
    doc = _doc("The death toll from the riots has reached nine after another man died in hospital, doctors said.")
    (c,) = run(doc, config=CONFIG)
    assert c.killed is not None and c.killed.value == 9


@pytest.mark.issue(4)
def test_pipeline_one_organisation_under_two_names_is_one_claimant() -> None:
    text = (
        "Turkish drones struck a car near Qamishli on Tuesday, killing three civilians, SOHR activists said. "
        "Syrian Observatory sources said another four people were wounded in the strike."
    )
    claims = run(_doc(text), config=CONFIG)
    assert len(claims) == 1, [(c.claimant, c.killed) for c in claims]
    assert claims[0].killed is not None and claims[0].killed.value == 3
    assert claims[0].injured is not None and claims[0].injured.value == 4


@pytest.mark.issue(4)
def test_pipeline_a_toll_over_the_areas_one_side_holds_is_a_tally() -> None:
    claims = run(_doc("21 people, nine of them civilians, were killed in SDF-held areas, the monitor said."),
                 config=CONFIG)
    assert [c.kind for c in claims] == [ClaimKind.AGGREGATE]


def _kinds(text: str) -> list[tuple[ClaimKind, int | None]]:
    return [(c.kind, c.killed.value if c.killed else None) for c in run(_doc(text), config=CONFIG)]


def test_pipeline_in_all_after_one_event_totals_its_casualties() -> None:
    # A bombing and the gunfight after it: "in all" adds up one event's dead, it is no tally.
    text = (
        "A truck bomb exploded outside the district police headquarters in Baqubah, and gunmen then stormed "
        "the compound. In all, at least nine people were killed and 40 wounded, police said."
    )
    assert (ClaimKind.INCIDENT, 9) in _kinds(text)


def test_pipeline_in_all_after_its_parts_is_their_sum() -> None:
    text = (
        "A car bomb killed four people in Baqubah on Monday. A roadside bomb killed three people in Khalis. "
        "In all, seven people were killed in Diyala province, police said."
    )
    got = _kinds(text)
    assert (ClaimKind.AGGREGATE, 7) in got and (ClaimKind.INCIDENT, 7) not in got, got


@pytest.mark.parametrize(
    "middle",
    ["On April 30, barrel bombs dropped on the Kallaseh neighborhood killed 12 people.",
     "Two days later, barrel bombs dropped on the Kallaseh neighborhood killed 12 people."],
)
def test_pipeline_a_strike_dated_apart_from_two_others_is_no_sum_of_them(middle: str) -> None:
    # 9 + 3 = 12, but the 12 fell on a day of its own: a third strike, not a total of the other two
    text = (
        "On April 28, a strike on a clinic in Aleppo killed nine civilians. " + middle
        + " On May 4, government helicopters struck Kafr Hamra, killing 3 children."
    )
    got = _kinds(text)
    assert (ClaimKind.INCIDENT, 12) in got and (ClaimKind.AGGREGATE, 12) not in got, got


def test_pipeline_a_toll_over_a_range_of_months_is_a_tally_even_in_one_town() -> None:
    claims = run(_doc("Coalition strikes between March and June killed at least 300 civilians in Raqqa city, "
                      "Amnesty International said."), config=CONFIG)
    assert [(c.kind, c.killed.value if c.killed else None) for c in claims] == [(ClaimKind.AGGREGATE, 300)]
    assert claims[0].date is not None and (claims[0].date.start, claims[0].date.end) == (
        date(2020, 3, 1), date(2020, 6, 30)), claims[0].date


def test_a_strike_on_a_town_the_gazetteer_lacks_in_a_named_month_is_an_incident(village_config: Any) -> None:
    # the Saudi-led coalition strikes in Yemen; the town is placed in its country, and a month's date makes no tally
    text = ("A Saudi-led coalition strike on a market in Mastaba killed 97 civilians, including 25 children, in March, "
            "the UN human rights office said on Wednesday.")
    (claim,) = run(_doc(text, date(2016, 4, 27)), config=village_config)
    assert claim.kind is ClaimKind.INCIDENT and claim.place is not None and claim.place.country == "YE", claim


def test_pipeline_two_attacks_on_one_named_village_are_one_incident() -> None:
    # The gazetteer does not know the village; the text's own word "village" makes the place fine.
    text = (
        "Six civilians were killed in two separate attacks by army helicopters on Thursday in Tungo Bari village, "
        "Kadugli county, residents said."
    )
    assert (ClaimKind.INCIDENT, 6) in _kinds(text)


@pytest.mark.issue(4)
def test_pipeline_a_dated_strike_told_again_after_an_undated_lede_is_another_strike() -> None:
    # No publication date: "On December 25" cannot be resolved, but a later paragraph that gives its own day
    # and another toll recalls an earlier strike; it must not overwrite the lede's figure.
    text = (
        "Activists documented the death of the elder of a village in the countryside of Kobani, while 12 other "
        "civilians were injured in Turkish rocket fire on the city.\n\n"
        "Turkish rockets also hit several villages east of the city, causing material damage.\n\n"
        "On December 25, activists documented the death of six members of a youth group in an attack by a "
        "Turkish drone on their headquarters in Kobani city."
    )
    got = sorted(v for k, v in _kinds_undated(text) if k is ClaimKind.INCIDENT and v is not None)
    assert got == [1, 6], got


def _kinds_undated(text: str) -> list[tuple[ClaimKind, int | None]]:
    return [(c.kind, c.killed.value if c.killed else None) for c in run(_doc(text, published=None), config=CONFIG)]


@pytest.mark.issue(4)
def test_pipeline_a_toll_in_the_strikes_of_a_week_is_a_tally() -> None:
    text = (
        "Turkish shelling targeted several positions held by the SDF over the past week, including areas around "
        "Ain Issa, Tal Abyad and Tal Tamr.\n\n"
        "At least six people have been killed and 10 wounded in the strikes, according to a local monitor."
    )
    assert _kinds(text) == [(ClaimKind.AGGREGATE, 6)]


@pytest.mark.issue(4)
def test_pipeline_the_city_centre_is_the_city_told_before() -> None:
    text = (
        "Three fighters were killed in a Turkish drone strike on the outskirts of Kobane on Wednesday.\n\n"
        "The following day, further Turkish strikes targeted the city centre and a nearby village, injuring two "
        "people."
    )
    claims = run(_doc(text), config=CONFIG)
    assert len(claims) == 2 and all(c.place is not None and c.place.name == "Kobane" for c in claims), [
        (c.place.name if c.place else None, c.injured) for c in claims
    ]


@pytest.mark.issue(4)
def test_pipeline_a_headlines_toll_is_the_strike_the_lede_places() -> None:
    text = (
        "Drone kills two civilians near the Turkish border\n\n"
        "An unidentified drone carried out an airstrike on Monday near the village of Kafr Hamra in the "
        "countryside of Ras al-Ain, targeting an arms dealer."
    )
    claims = [c for c in run(_doc(text), config=CONFIG) if c.killed is not None]
    assert [(c.killed.value, c.place.name if c.place else None) for c in claims] == [(2, "Kafr Hamra")]


@pytest.mark.parametrize("verb", ["blew himself up", "set off his explosives", "went off"])
def test_pipeline_a_bomber_who_blew_himself_up_places_the_toll_of_the_sentence_before(
    verb: str, village_config: Any
) -> None:
    # the toll's sentence says only "in Iraq"; the next sentence says where the bomb went off
    subject = "a car bomb" if verb == "went off" else "a man wearing an explosive vest"
    text = (f"At least 14 people were killed in a suicide bombing in Iraq on Friday. Police in Mosul said {subject} "
            f"{verb} in a crowded market in the al-Zuhur neighbourhood of eastern Mosul.")
    claims = [c for c in run(_doc(text), config=village_config) if c.killed is not None]
    got = [(c.killed.value, c.place.country, c.place.precision) for c in claims if c.place is not None]
    assert len(got) == 1 and got[0][:2] == (14, "IQ") and got[0][2] is not PlacePrecision.COUNTRY, got


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the next sentence gives only another kind of figure, and the place
        ("A car bomb in a northern Iraqi city killed at least ten people on Saturday. The blast, which also wounded "
         "33, struck in the Wasati neighbourhood in southern Kirkuk.", "IQ"),
        # the sentence before tells the clash and where; the toll follows
        ("Soldiers and protesters clashed at the bridge head in Onitsha. At the end of the clash, about nine "
         "protesters were killed.", "NG"),
    ],
)
def test_pipeline_a_toll_told_without_a_place_takes_the_place_of_the_sentence_beside_it(
    text: str, country: str, village_config: Any
) -> None:
    claims = [c for c in run(_doc(text), config=village_config) if c.killed is not None and c.killed.value]
    got = [(c.place.country, c.place.precision) for c in claims if c.place is not None]
    assert got and all(c == country and p is not PlacePrecision.COUNTRY for c, p in got), got


def test_pipeline_where_an_outlet_is_based_is_not_where_the_strike_was(village_config: Any) -> None:
    text = ("Troops fired several mortar rounds into residential areas in Merca town, 109 km south-west of Mogadishu, "
            "on Tuesday. The attack killed at least 19 people, residents told Shabeelle Media based in Mogadishu.")
    claims = [c for c in run(_doc(text), config=village_config) if c.killed is not None]
    assert [(c.killed.value, c.place.mention) for c in claims if c.place] == [(19, "Merca")], claims


def test_pipeline_a_place_after_an_adjective_of_remoteness_is_found() -> None:
    text = "A bomb exploded on Friday, killing five worshippers at a mosque in remote Kolofata."
    claims = [c for c in run(_doc(text), config=CONFIG) if c.killed is not None]
    assert [c.place.mention if c.place else None for c in claims] == ["Kolofata"]


@pytest.mark.issue(4)
def test_pipeline_a_claim_dated_by_a_months_statement_says_month() -> None:
    # The toll's own sentence has no date; the event takes "in December 2022" from the attack sentence, and
    # the claim must say it knows the month, not a day.
    text = (
        "Gunmen attacked the security headquarters in Raqqa in December 2022.\n\n"
        "The attack led to the death of three guards, the statement said."
    )
    dated = [c.date for c in run(_doc(text, published=None), config=CONFIG) if c.date and c.date.start]
    assert dated and all(d.precision.value == "month" for d in dated), dated


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Two killed, three injured in regime shelling on Ariha.", 2, 3),
        ("Child killed, three injured in regime shelling on Ariha.", 1, 3),
        ("Civilian killed, two others wounded in a drone strike on Kobani.", 1, 2),
        # headlines drop the article before a lone victim
        ("Turkish drone kills child, injures two in Kobani.", 1, 2),
    ],
)
def test_pipeline_a_headlines_clauses_keep_their_own_counts(text: str, killed: int, injured: int) -> None:
    # "killed, three injured": the count after the comma is the next clause's subject, not the verb's object
    (c,) = run(_doc(text), config=CONFIG)
    assert (c.killed.value if c.killed else None, c.injured.value if c.injured else None) == (killed, injured)


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a possessive before the count of an active verb's object
        ("A drone strike on a car near al-Mayadin killed its two occupants on Monday.", 2),
        ("Gunmen stormed the bus and killed its 14 passengers near Maiduguri.", 14),
        # a count glued to a word is an adjective, not people
        ("A landmine blew up their 45-seater bus near Lalibela on Tuesday.", None),
        ("The strike destroyed a two-storey house in Ariha, killing five people.", 5),
        # a bodyguard is one more person
        ("Unknown assailants shot dead a local councillor and his bodyguard in Mogadishu on Tuesday.", 2),
        ("The airstrike hit a wedding party in Sanaa, killing the groom and at least 20 guests.", 21),
        # a name with lower-case particles heads a list; its apposition describes it
        ("The strike near Idlib killed Abu Ahmad al-Halabi, a senior commander, and two of his aides.", 3),
        # relatives beyond the nuclear family; "were among those killed" counts its subject
        ("A 12-year-old boy and his grandfather were among those killed in the shelling of Ariha.", 2),
        ("A young law graduate was one of the victims killed in the regime's shelling of Ariha:", 1),
        # a body found is one dead
        ("Police found the body of a trader on the road to Kano on Saturday.", 1),
        # a remembered death is no report
        ("Pilgrims walked to a shrine in Baghdad to commemorate the death of Imam Mohammed al-Jawad.", None),
    ],
)
def test_pipeline_possessive_objects_and_compound_adjectives(text: str, killed: int | None) -> None:
    got = [c.killed.value for c in run(_doc(text), config=CONFIG) if c.killed is not None]
    assert got == ([killed] if killed is not None else []), got


@pytest.mark.issue(4)
def test_pipeline_two_sources_in_one_sentence_keep_their_own_figures() -> None:
    text = (
        "An army statement said 40 militants were killed in airstrikes west of Mosul on Monday, but residents "
        "said 18 civilians died."
    )
    got = {(c.claimant, c.killed.value if c.killed else None) for c in run(_doc(text), config=CONFIG)}
    assert got == {("army statement", 40), ("residents", 18)}, got
    # one clause, two sources: the one that speaks last before the harm
    text = (
        "The coalition said the strike on the bus in Dahyan targeted militants, while the Houthis said 40 children "
        "died."
    )
    got = {(c.claimant, c.killed.value if c.killed else None) for c in run(_doc(text), config=CONFIG)}
    assert ("Houthis", 40) in got, got


@pytest.mark.issue(4)
def test_pipeline_a_compound_with_a_speech_verb_names_no_source() -> None:
    text = "CENTCOM said it self-reported one civilian casualty in the strike near Sarmada, which it is investigating."
    (c,) = run(_doc(text), config=CONFIG)
    assert c.claimant == "CENTCOM"


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    "text",
    [
        "A child died of his wounds on Wednesday, raising the toll of Monday's strike on Jisr al-Shughour to nine.",
        "Another victim died in hospital, bringing the number of people killed in the attack to nine.",
        "The number of people killed by the Israeli strikes on Damascus countryside rose to nine.",
    ],
)
def test_pipeline_a_toll_raised_to_a_count_after_a_phrase(text: str) -> None:
    got = [c.killed.value for c in run(_doc(text), config=CONFIG) if c.killed is not None]
    assert 9 in got, got


@pytest.mark.issue(4)
def test_pipeline_an_organisations_name_is_neither_cut_nor_a_negation() -> None:
    # "for Human Rights" is part of the name; "Without" inside a name negates nothing
    text = "According to the Syrian Network for Human Rights, 32 civilians were killed in Ariha."
    (c,) = run(_doc(text), config=CONFIG)
    assert c.claimant == "Syrian Network for Human Rights"
    (c,) = run(_doc("Doctors Without Borders said 19 patients were killed in Kunduz."), config=CONFIG)
    assert c.killed is not None and c.killed.value == 19
    (c,) = run(_doc("No civilians were killed in the strike on Ariha, the coalition said."), config=CONFIG)
    assert c.killed is None


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "claimant", "force"),
    [
        ("Turkey's Defence Ministry denied carrying out any strikes on the village of Hass.",
         "Turkey's Defence Ministry", "Turkey"),
        ("نفت وزارة الدفاع الروسية تنفيذ أي غارات على مدينة أريحا.", "وزارة الدفاع الروسية", "Russia"),
        ("نفى التحالف الدولي مسؤوليته عن الغارة على قرية الباغوز.", "التحالف الدولي", "coalition"),
    ],
)
def test_pipeline_a_denial_is_the_denying_forces(text: str, claimant: str, force: str) -> None:
    (c,) = run(_doc(text), config=CONFIG)
    assert (c.stance, c.claimant, c.belligerents) == (Stance.DENIES, claimant, (force,))


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("In 2017 alone, coalition strikes killed at least 3,000 civilians in Raqqa and Mosul, Airwars estimates.",
         "2017-01-01", "2017-12-31"),
        ("Since the start of the Russian intervention in September 2015, more than 6,000 civilians have been "
         "killed by Russian strikes, the monitor said.", "2015-09-01", "2021-03-04"),
    ],
)
def test_pipeline_a_tallys_period_from_a_year_or_a_month(text: str, start: str, end: str) -> None:
    (c,) = run(_doc(text), config=CONFIG)
    assert c.kind is ClaimKind.AGGREGATE and c.date is not None
    assert (str(c.date.start), str(c.date.end)) == (start, end)


@pytest.mark.issue(4)
def test_pipeline_a_year_in_a_clause_about_the_victim_dates_no_tally() -> None:
    text = "Attackers on Tuesday killed Hossain Ali, 68, who converted to Christianity in 1999, police said."
    assert [c.kind for c in run(_doc(text), config=CONFIG)] == [ClaimKind.INCIDENT]


@pytest.mark.issue(4)
def test_pipeline_the_dead_among_the_casualties() -> None:
    (c,) = run(_doc("The raid on Ariha caused 25 casualties, among them 10 dead, according to the hospital."),
               config=CONFIG)
    assert c.killed is not None and c.killed.value == 10
    assert c.killed_or_injured is not None and c.killed_or_injured.value == 25


@pytest.mark.issue(4)
def test_pipeline_a_figure_another_source_does_not_recognise() -> None:
    text = (
        "The ministry said 120 people were killed in the coalition raid on Tokhar, a figure the coalition does not "
        "recognise."
    )
    got = {(c.claimant, c.stance, c.killed.value if c.killed else None) for c in run(_doc(text), config=CONFIG)}
    assert got == {("ministry", Stance.ALLEGES, 120), ("coalition", Stance.DISPUTES, None)}, got


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "claimant", "kind"),
    [
        # "an estimated" hedges a count; it names no source and estimates nothing
        ("An estimated 200 people died in the bombardment of the old city of Raqqa.", "outlet", ClaimKind.INCIDENT),
        # "estimate" as a noun in an editor's aside is no monitor's tally
        ("At least 30 persons (also a lower estimate of 16) have been killed this morning in Guma, police said.",
         "police", ClaimKind.INCIDENT),
        # a title's full stop is inside the name
        ('"There were 23 martyrs," said Dr. Ahmad, director of the hospital in Kafr Nabl.', "Dr. Ahmad",
         ClaimKind.INCIDENT),
        # a photo's credit after the source, an embedded post's handle written onto the outlet's name
        ("More than 34 people were wounded in Russian strikes on Idlib, according to emergency services "
         "[Ahmad Rahhal/Reuters]", "emergency services", ClaimKind.INCIDENT),
        ("Post\n\nMiddle East Monitor@MiddleEastMnt reported that three people were killed in an Israeli strike on a "
         "car in Bint Jbeil on Sunday.", "Middle East Monitor", ClaimKind.INCIDENT),
        # ... and between the poster and the post's text, which names the source
        ("قناة العربية@AlArabiyaالمرصد السوري: مقتل 16 مدنيا بغارات روسية على حلب", "المرصد السوري",
         ClaimKind.INCIDENT),
    ],
)
def test_pipeline_hedges_and_titles_around_a_source(text: str, claimant: str, kind: ClaimKind) -> None:
    (c,) = run(_doc(text), config=CONFIG)
    assert (c.claimant, c.kind) == (claimant, kind)


@pytest.mark.issue(4)
def test_pipeline_counts_that_share_a_verb_keep_their_own_places() -> None:
    text = "At least 9 civilians were killed in Kafranbel and 5 in Hass on Monday, the monitor said."
    got = sorted((c.killed.value, c.place.name if c.place else None) for c in run(_doc(text), config=CONFIG)
                 if c.killed is not None)
    assert got == [(5, "Hass"), (9, "Kafranbel")], got
    # a place whose name opens with an article in lower case; a count with its own noun ("others")
    for text in ("Russian airstrikes killed three civilians in Kansafra and five in al-Bara on Wednesday.",
                 "Russian airstrikes killed three civilians in Kansafra and five others in al-Bara on Wednesday."):
        got = sorted((c.killed.value, c.place.name if c.place else None) for c in run(_doc(text), config=CONFIG)
                     if c.killed is not None)
        assert got == [(3, "Kansafra"), (5, "al-Bara")], got
    # after a colon, the counts break the figure before them down by place
    text = "Airstrikes killed 17 people on Tuesday: 12 in Kafranbel and 5 in Hass."
    got = sorted((c.killed.value, c.place.name if c.place else None) for c in run(_doc(text), config=CONFIG)
                 if c.killed is not None and c.killed.value < 17)
    assert got == [(5, "Hass"), (12, "Kafranbel")], got
    # one person by an article after the strike's means tells who struck, no second count
    text = "Eleven people were killed by a car bomb and a suicide bomber in Hilla, south of Baghdad."
    assert [c.killed.value for c in run(_doc(text), config=CONFIG) if c.killed is not None] == [11]
    # parts of a total after "including" stay parts of it
    text = ("The monitor said 3,037 civilians were killed by the coalition in Syria since 2014, including 140 in "
            "Idlib, 782 in Aleppo and 1,133 in Raqqa.")
    assert [c.killed.value for c in run(_doc(text), config=CONFIG) if c.killed is not None] == [3037]


@pytest.mark.issue(4)
def test_pipeline_harm_without_a_count_is_still_a_located_claim() -> None:
    # no figure anywhere in the text: the statement still stands, its figures unknown, as a bare strike does
    text = 'The coalition said one of its strikes on 17 March "likely" killed civilians in al-Jadida, Mosul.'
    (c,) = run(_doc(text), config=CONFIG)
    assert c.killed is None and c.place is not None and c.place.name == "al-Jadida"
    assert (c.claimant, c.stance) == ("coalition", Stance.ACKNOWLEDGES)


@pytest.mark.issue(4)
def test_a_toll_since_a_weekday_across_a_country_and_a_large_toll_broken_down_by_town_are_tallies(
    village_config: Any,
) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    cfg = ExtractConfig(gazetteer=None)
    text = "Israeli strikes across Iran have killed at least 240 people since Friday."
    (c,) = run(Document(id="w", text=text), config=cfg)
    assert c.kind is ClaimKind.AGGREGATE
    text = ("The ministry said 3,037 civilians were killed by the coalition in Syria, including 140 in Idlib, "
            "782 in Aleppo and 1,133 in Raqqa.")
    got = [c for c in run(Document(id="b", text=text), config=cfg) if c.killed and c.killed.value == 3037]
    assert got and got[0].kind is ClaimKind.AGGREGATE
    # one town's toll since a weekday is still that town's strike
    (c,) = run(Document(id="t", text="Two civilians have died of their wounds since Friday in Maarat al-Numan."),
               config=village_config)
    assert c.kind is ClaimKind.INCIDENT


def test_a_monitors_toll_over_a_named_month_is_a_tally() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    text = ("The Syrian Network for Human Rights documented the killing of 87 civilians in July 2023, including 14 "
            "children and 9 women, at the hands of the parties to the conflict.")
    claims = run(Document(id="m1", text=text), config=ExtractConfig(gazetteer=None))
    assert [(c.kind, c.killed.value if c.killed else None) for c in claims] == [(ClaimKind.AGGREGATE, 87)], claims


def test_a_toll_since_a_day_of_a_month_is_a_tally_and_dates_no_strike() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    def first(text: str):  # type: ignore[no-untyped-def]
        return run(Document(id="s1", text=text, published=date(2024, 1, 15)), config=ExtractConfig(gazetteer=None))[0]

    c = first("Israeli strikes have killed 24,000 Palestinians in Gaza since October 7, the health ministry said.")
    assert c.kind is ClaimKind.AGGREGATE and (c.date.start, c.date.end) == (date(2023, 10, 7), date(2024, 1, 15))
    c = first("The strike on Beit Hanoun, the deadliest since October 7, killed 12 people.")
    assert c.kind is ClaimKind.INCIDENT and c.date.start != date(2023, 10, 7), c.date


def test_a_toll_since_an_event_of_a_year_is_a_tally() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    claims = run(Document(id="s2", text="Since the occupation of Raqqa by ISIS in 2014, coalition strikes have killed "
                                        "1,600 civilians in the city, Amnesty said.", published=date(2019, 3, 1)),
                 config=ExtractConfig(gazetteer=None))
    assert [c.kind for c in claims] == [ClaimKind.AGGREGATE], claims


def test_a_months_toll_of_several_strikes_is_a_tally_but_one_raid_in_a_month_a_strike(village_config: Any) -> None:
    from datetime import date

    from civcas.extract import run
    from civcas.records import ClaimKind, Document

    def kinds(text: str) -> list[ClaimKind]:
        return [c.kind for c in run(Document(id="m2", text=text, published=date(2023, 3, 15)), config=village_config)]

    assert kinds("In February, 45 civilians were killed in Turkish strikes in northeast Syria, the SDF said.") == [
        ClaimKind.AGGREGATE
    ]
    assert kinds("In October the group raided a village in Diyala province, killing 11 civilians.") == [
        ClaimKind.INCIDENT
    ]
    assert kinds("In March, a drone killed two farmers in Sarmada, activists said.") == [ClaimKind.INCIDENT]


def test_a_toll_since_a_month_or_over_a_year_of_strikes_is_a_tally_even_at_one_town(village_config: Any) -> None:
    from datetime import date

    from civcas.extract import run
    from civcas.records import ClaimKind, Document

    def kinds(text: str) -> list[ClaimKind]:
        return [c.kind for c in run(Document(id="m3", text=text, published=date(2023, 3, 2)), config=village_config)]

    assert kinds("On Wednesday, a Turkish drone struck a car near Tal Tamr, killing two SDF fighters. Turkish drones "
                 "have killed 47 people in northeast Syria since January, SOHR said.") == [
        ClaimKind.INCIDENT, ClaimKind.AGGREGATE
    ]
    text = "In total, 1,200 civilians were killed by coalition strikes in Raqqa during 2017, the monitor said."
    assert kinds(text) == [ClaimKind.AGGREGATE]
    # "in 2017" may date one strike
    assert kinds("A coalition strike killed 12 civilians in Raqqa in 2017, the monitor said.") == [ClaimKind.INCIDENT]


def test_a_strike_a_campaign_report_names_by_day_and_place_is_an_incident(village_config: Any) -> None:
    from datetime import date

    from civcas.extract import run
    from civcas.records import ClaimKind, Document

    def kinds(text: str) -> list[ClaimKind]:
        return [c.kind for c in run(Document(id="m4", text=text, published=date(2018, 6, 1)), config=village_config)]

    # the report is the source; the strike it names by day and place is one incident
    assert kinds("The coalition's monthly report acknowledged that one of its strikes near Hajin on 12 May "
                 '"may have unintentionally killed" two civilians.') == [ClaimKind.INCIDENT]
    # the report's own count is its tally
    assert kinds("In its monthly report, the coalition said it had assessed that 1,059 civilians had been "
                 "unintentionally killed since the start of operations.") == [ClaimKind.AGGREGATE]


@pytest.mark.issue(4)
def test_pipeline_reads_a_captured_post_up_to_its_readers_comments() -> None:
    # the comments run onto the post's line; a reader's "three martyrs in Sarmin yesterday" is no one's claim
    text = (
        "Idlib NowMarch 2, 2023 · Shared with PublicA Russian airstrike killed two civilians in Binnish on "
        "Thursday, the Civil Defence said.All reactions:41 commentsLikeCommentMost relevantAbu Omar"
        "Three martyrs in Sarmin yesterday too, God have mercy on them1y"
    )
    claims = run(_doc(text), config=CONFIG)
    assert [(c.killed.value if c.killed else None) for c in claims] == [2]
    assert all(e.span.end <= text.index("All reactions:") for c in claims for e in c.evidence)


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    "text",
    [
        "A young man died on Friday of wounds he sustained in Thursday's airstrike on the town.",
        "A child succumbed to his injuries in hospital after the shelling of Sarmin, medics said.",
        "وفاة الشاب أحمد العلي متأثراً بإصابته جراء الغارات الجوية التي استهدفت المدينة بالأمس.",
        "وفاة طفل بعد تعرضه لإصابة بالغة جراء قصف مدفعي على بلدة سرمين.",
    ],
)
def test_pipeline_the_wound_a_death_came_of_is_no_injury_of_its_own(text: str) -> None:
    (c,) = run(_doc(text), config=CONFIG)
    assert c.killed is not None and c.killed.value == 1
    assert c.injured is None


@pytest.mark.issue(4)
def test_pipeline_a_death_and_others_wounded_keep_both_figures() -> None:
    (c,) = run(_doc("A man died from injuries sustained in the airstrike, while two others were wounded."),
               config=CONFIG)
    assert (c.killed.value if c.killed else None, c.injured.value if c.injured else None) == (1, 2)


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "month_day"),
    [
        ("Two civilians were killed on August 25 when jets struck near Masyaf, activists said.", (8, 25)),
        ("قتل مدنيان مساء الخميس 25 آب بقصف جوي على محيط مدينة مصياف بريف حماة.", (8, 25)),
    ],
)
def test_pipeline_a_day_and_month_without_a_year_are_kept(text: str, month_day: tuple[int, int]) -> None:
    # a page with no date and no year anywhere: the day is told, the year is not, and civcas guesses none
    (c,) = run(Document(id="y1", text=text), config=CONFIG)
    assert c.date is not None and (c.date.start, c.date.end) == (None, None)
    assert c.date.month_day == month_day
    assert any(e.field == "date" for e in c.evidence)
    from civcas.export.claims import claim_to_json

    assert claim_to_json(c)["date"]["month_day"] == "--08-25"
    # with a publication date the year is known and the date is whole
    (d,) = run(Document(id="y2", text=text, published=date(2022, 8, 27)), config=CONFIG)
    assert d.date is not None and d.date.start == date(2022, 8, 25) and d.date.month_day is None


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Thursday 25 August: 2016 and 2022; read in December 2026 only 2022 lies in the decade before
        ("قتل مدنيان مساء الخميس 25 آب بقصف جوي على محيط مدينة مصياف بريف حماة.", date(2022, 8, 25)),
        ("Two civilians were killed on Thursday, August 25, when jets struck near Masyaf, activists said.",
         date(2022, 8, 25)),
        # Monday 27 September: 2021 (2027 is after the reading)
        ("أصيب ثلاثة مدنيين صباح اليوم الاثنين 27 أيلول بقصف مدفعي على بلدة كفرنوران.", date(2021, 9, 27)),
        # no weekday: no year
        ("Two civilians were killed on August 25 when jets struck near Masyaf, activists said.", None),
        # Sunday 25 August: 2019 and 2024 are both in the decade: no year
        ("قتل طفل يوم الأحد 25 آب بقصف مدفعي على قرية كنصفرة.", None),
        # Monday 29 February: last in 2016, before the decade: no year
        ("قتل طفل يوم الاثنين 29 شباط بقصف مدفعي على قرية كنصفرة.", None),
    ],
)
def test_an_undated_days_weekday_gives_its_year_as_of_the_reading(text: str, expected: date | None) -> None:
    (c,) = run(Document(id="w1", text=text), config=ExtractConfig(gazetteer=None, as_of=date(2026, 12, 7)))
    assert c.date is not None and c.date.start == expected, c.date
    if expected is not None:
        assert c.date.end == expected and c.date.precision is DatePrecision.DAY and c.date.rule == "weekday_year"
        assert any(e.field == "date" for e in c.evidence)
    else:
        assert c.date.month_day is not None
    # the reading's day is an option: without it no year is guessed
    (d,) = run(Document(id="w2", text=text), config=CONFIG)
    assert d.date is not None and d.date.start is None


def test_the_reading_day_comes_from_the_environment_or_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    from civcas import pipeline
    from civcas.errors import InputError

    monkeypatch.setenv("CIVCAS_AS_OF", "2024-03-01")
    assert pipeline.as_of() == date(2024, 3, 1)
    monkeypatch.setenv("CIVCAS_AS_OF", "March 2024")
    with pytest.raises(InputError, match="CIVCAS_AS_OF"):
        pipeline.as_of()
    monkeypatch.delenv("CIVCAS_AS_OF")
    assert pipeline.as_of() is None  # never the clock: the same batch reads the same any day
    undated = Document(id="u1", text="قتل طفل يوم الاثنين 27 أيلول بقصف مدفعي على قرية كنصفرة.")
    dated = Document(id="u2", text="Two civilians were killed in Saraqib.", published=date(2022, 3, 1))
    by_url = Document(id="u3", text="Two civilians were killed in Saraqib.",
                      url="https://example.org/news/2023/05/02/strike.html")
    assert pipeline.batch_as_of([undated]) is None
    assert pipeline.batch_as_of([undated, dated, by_url]) == date(2023, 5, 2)
    # a batch with a dated page lends its newest day to the undated page's weekday: Monday 27 September, 2021
    (c, *_) = pipeline.extract_claims([undated, dated], config=CONFIG)
    assert c.date is not None and c.date.start == date(2021, 9, 27), c.date
    # read alone, the page gives its day no year
    (c,) = pipeline.extract_claims([undated], config=CONFIG)
    assert c.date is not None and c.date.start is None and c.date.month_day == (9, 27), c.date
    # and a batch of pages from 2014 does not date it to a decade it was never read in
    old = Document(id="u4", text="Two civilians were killed in Saraqib.", published=date(2014, 6, 1))
    (c, *_) = pipeline.extract_claims([undated, old], config=CONFIG)
    assert c.date is not None and c.date.start == date(2010, 9, 27), c.date


@pytest.mark.issue(4)
def test_pipeline_reads_the_post_authors_own_comment_with_the_post() -> None:
    text = (
        "Raqqa VoicesJanuary 10, 2025 · Shared with PublicA drone struck a house in al-Sabha. Details in the first "
        "comment:All reactions:13 commentsLikeCommentMost relevant\ufeffAuthorRaqqa VoicesThe strike killed two "
        "shepherds, local sources said.43wAbu AliFive were killed in Hajin last week1y"
    )
    claims = run(_doc(text), config=CONFIG)
    assert sorted(c.killed.value for c in claims if c.killed) == [2]  # the author's two, no reader's five


def test_strikes_counted_on_one_named_town_the_gazetteer_lacks_are_one_incident() -> None:
    # "carried out 4 airstrikes on Kafr Tarnin city": a raid's strikes on one town, a strike's toll, not a tally
    # (as for a town the gazetteer knows, or a village it lacks)
    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimKind, Document

    text = "Two civilians were injured when Russian warplanes carried out 4 airstrikes on Kafr Tarnin city, in Idlib."
    claims = run(Document(id="c4", text=text), config=ExtractConfig())
    assert claims and claims[0].kind is ClaimKind.INCIDENT and claims[0].injured and claims[0].injured.value == 2


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # the civilians counted apart among the dead are the claim's figure (a claim is about civilian harm)
        ("At least 19 people, 9 of them civilians, were killed when a car bomb exploded in Baidoa.", 9),
        ("The attack on the police base left at least 10 people dead, including five civilians.", 5),
        # other categories beside the civilians are civilians too: the whole count stands
        ("Five people, among them three children, a woman and another civilian, were killed in Ariha.", 5),
        ("Seven people, including two children, were killed in the strike on Ariha.", 7),
    ],
)
def test_pipeline_the_civilians_counted_among_the_dead_are_the_figure(text: str, killed: int) -> None:
    claims = run(_doc(text), config=CONFIG)
    assert [c.killed.value for c in claims if c.killed] == [killed], claims


@pytest.mark.parametrize(
    "text",
    [
        "At least 55 people died in the stampede in Bishoftu, though opposition groups put the toll at 678.",
        "The strike killed 55 civilians in Sarmada, while activists said 678 were killed.",
        "At least 55 people died in the stampede in Bishoftu; opposition groups put the toll at 678.",
    ],
)
def test_a_source_set_against_the_first_figure_speaks_for_its_own_only(text: str) -> None:
    claims = run(Document(id="c1", text=text), config=ExtractConfig())
    got = sorted((c.killed.value if c.killed else None, c.claimant) for c in claims)
    assert [g[0] for g in got] == [55, 678] and got[0][1] == "outlet" and got[1][1] != "outlet", got


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a day's toll over a province or a region is a tally; in one town it is that town's toll
        ("The Observatory said 15 civilians were killed in Russian airstrikes on Idlib province over the past "
         "24 hours.", ClaimKind.AGGREGATE),
        ("قتل 15 مدنياً بغارات روسية على محافظة إدلب خلال الساعات الـ24 الماضية.", ClaimKind.AGGREGATE),
        ("An airstrike killed five civilians in the town of Sarmada over the past 24 hours.", ClaimKind.INCIDENT),
    ],
)
def test_a_days_toll_over_an_area_is_a_tally(text: str, kind: ClaimKind) -> None:
    claims = run(Document(id="t1", text=text, language="ar" if "قتل" in text else "en"), config=ExtractConfig())
    assert [c.kind for c in claims] == [kind], [(c.kind, c.place) for c in claims]


def test_a_source_that_names_the_strike_it_conducted_is_its_attacker() -> None:
    text = ("U.S. Central Command said it was aware of reports of civilian casualties from a strike it conducted "
            "in Idlib on Jan. 20.")
    claims = run(Document(id="o1", text=text, published=date(2022, 1, 24)), config=ExtractConfig())
    assert claims and claims[0].belligerents == ("US",), [(c.belligerents, c.claimant) for c in claims]


def test_the_breakdown_of_a_months_tally_is_no_strike() -> None:
    text = ("The network documented the killing of 87 civilians in Syria in January 2022, including 21 children. "
            "Regime forces killed 14 civilians, while Russian forces killed 5. Idlib governorate saw the highest "
            "toll, with 27 civilians killed.")
    claims = run(Document(id="t1", text=text, published=date(2022, 2, 1)), config=ExtractConfig(gazetteer=None))
    got = sorted((c.killed.value, str(c.kind)) for c in claims if c.killed is not None)
    assert got == [(5, "aggregate"), (14, "aggregate"), (27, "aggregate"), (87, "aggregate")], got
    assert ClaimKind.INCIDENT not in {c.kind for c in claims}


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        # no toll told: at least the people the opener lists among the dead (a kin's possessive continues the list)
        ("Russian warplanes bombed the outskirts of Kafr Nabl on Thursday, according to the White Helmets. "
         "The dead included a woman and her two children.", 3, Qualifier.AT_LEAST),
        ("Regime helicopters dropped barrel bombs on Kafr Zita on Sunday. Among the dead were two women and three "
         "children, activists said.", 5, Qualifier.AT_LEAST),
        # a toll told before: the list is its breakdown, not a second, smaller figure
        ("Russian warplanes bombed the outskirts of Kafr Nabl on Thursday, killing seven civilians. The dead "
         "included two women and three children.", 7, Qualifier.EXACT),
    ],
)
def test_the_dead_an_opener_lists_are_the_toll_only_when_no_toll_is_told(
    text: str, value: int, qualifier: Qualifier
) -> None:
    (c,) = run(_doc(text), config=CONFIG)
    assert c.killed is not None and (c.killed.value, c.killed.qualifier) == (value, qualifier), c.killed
    if qualifier is Qualifier.AT_LEAST:  # the figure points at the people listed
        assert c.killed.span is not None and c.killed.span.text.endswith("children"), c.killed.span


def test_the_victims_an_opener_lists_give_no_toll() -> None:
    # "the victims" may be the wounded too: their categories are kept, no figure is made of them
    (c,) = run(_doc("Russian warplanes bombed the outskirts of Kafr Nabl on Thursday. The victims included two "
                    "women and three children, the White Helmets said."), config=CONFIG)
    assert c.killed is None and dict(c.victims)["children"].value == 3


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the strike a death from wounds came of is the event: a day before the death
        ("A man died of his wounds on Tuesday, a day after Turkish artillery shelled the village of Umm al-Kaif.",
         date(2021, 3, 1)),
        ("A girl succumbed to her injuries on Tuesday, two days after a Russian airstrike on Ariha.",
         date(2021, 2, 28)),
        # the day after something else is no strike's date
        ("Two civilians were killed on Tuesday, a day after a ceasefire was announced in Idlib.", date(2021, 3, 2)),
    ],
)
def test_a_death_from_wounds_dated_after_the_strike_is_dated_by_the_strike(text: str, day: date) -> None:
    (c,) = run(_doc(text), config=CONFIG)
    assert c.date is not None and (c.date.start, c.date.end) == (day, day), c.date


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the strike the death came of, told after the wound, dates the claim
        ("A child died on Tuesday of wounds sustained in a Russian airstrike on Ariha last Friday.",
         date(2021, 2, 26)),
        # a death dated after the strike told before it: the strike's day is the nearer one
        ("A child who was injured in Sunday's shelling of Ariha died of his wounds on Tuesday.", date(2021, 2, 28)),
    ],
)
def test_a_death_from_wounds_is_dated_by_the_strike_it_came_of(text: str, day: date) -> None:
    (c,) = run(_doc(text), config=CONFIG)
    assert c.date is not None and (c.date.start, c.date.end) == (day, day), c.date


@pytest.mark.parametrize(
    "text",
    [
        "In August, SNHR documented the killing of 104 civilians, including 29 children, in Syria.",
        "Throughout August, SNHR documented the killing of 104 civilians in Syria.",
        "During the month of August, the network documented the killing of 104 civilians in Syria.",
    ],
)
def test_a_countrys_toll_over_a_named_month_is_a_tally_of_that_month(text: str) -> None:
    # the month opening the sentence dates the tally, not the telling
    (c,) = run(_doc(text, published=date(2021, 9, 8)), config=CONFIG)
    assert c.kind is ClaimKind.AGGREGATE and c.killed is not None and c.killed.value == 104
    assert c.date is not None and (c.date.start, c.date.end) == (date(2021, 8, 1), date(2021, 8, 31)), c.date


def test_a_date_closing_the_sentence_dates_each_count_and_both_is_no_count() -> None:
    text = ("Russian airstrikes killed 12 civilians in Talbiseh and four in Rastan, both in Homs province, on "
            "Wednesday, activists said.")
    claims = run(_doc(text, published=date(2015, 10, 2)), config=CONFIG)
    assert sorted(c.killed.value for c in claims if c.killed) == [4, 12]  # no third count of "both"
    assert {(c.date.start, c.date.end) for c in claims if c.date} == {(date(2015, 9, 30), date(2015, 9, 30))}
    assert all(c.date is not None for c in claims)


def test_a_date_opening_the_later_clause_dates_only_that_clause(village_config: Any) -> None:
    text = "Twelve civilians were killed in Talbiseh last week, and on Wednesday four more died in Rastan."
    by = {c.killed.value: c for c in run(_doc(text, published=date(2015, 10, 2)), config=village_config) if c.killed}
    assert by[4].date is not None and by[4].date.start == date(2015, 9, 30)
    assert by[12].date is not None and by[12].date.start != date(2015, 9, 30)


def test_a_harm_word_inside_a_sources_name_after_according_to_harms_no_one(village_config: Any) -> None:
    text = ("Between 12 and 15 civilians were killed when coalition planes struck a mosque in Raqqa's Sabahiya "
            "district overnight, according to Raqqa is Being Slaughtered Silently.")
    (c,) = run(_doc(text, published=date(2017, 6, 9)), config=village_config)
    assert c.claimant == "Raqqa is Being Slaughtered Silently" and c.killed is not None and c.killed.value == 12
    assert c.date is not None and c.date.start == date(2017, 6, 8)


def test_a_civilian_named_after_a_long_armed_body_is_counted_apart() -> None:
    # "civilian" modifies a noun of no status of its own; the "of" phrase on the members runs five words
    text = ("A Turkish drone strike on a car near Qamishli killed two members of the Asayish internal security forces "
            "and a civilian driver, the SDF said.")
    (c,) = run(_doc(text), config=CONFIG)
    assert c.killed is not None and c.killed.value == 1, c.killed
    assert dict(c.victims)["combatants"].value == 2


@pytest.mark.parametrize(
    ("text", "killed", "injured", "both"),
    [
        ("The toll from the regime's shelling of the hospital in al-Atarib rose to seven victims, while 14 others "
         "were wounded.", 7, 14, None),
        ("ارتفع عدد ضحايا القصف المدفعي على مشفى الأتارب إلى 7 مدنيين، بينهم طفل، فيما أصيب 14 آخرون بجروح.",
         7, 14, None),
        # "others" right before the sentence's full stop
        ("ارتفع عدد ضحايا القصف المدفعي التركي على قرية الجات إلى أربعة، بينهم طفلان، فيما أصيب ستة آخرون.",
         4, 6, None),
        # the wounded among the victims: the victims stay killed or injured
        ("The shelling of al-Atarib left 20 casualties, among them 5 wounded.", None, 5, 20),
        ("ارتفع عدد ضحايا القصف المدفعي على مشفى الأتارب إلى 7 مدنيين، بينهم طفل.", None, None, 7),
        # the wounded added to the victims ("in addition to", "بالإضافة"): the victims are the dead
        ("The toll of victims of the regime shelling on the camps near Kafr Jalis rose to nine, in addition to 40 "
         "wounded, the Civil Defence said.", 9, 40, None),
        ("قال مراسلنا إن حصيلة ضحايا قصف قوات النظام على المخيمات قرب كفرجالس ارتفعت إلى 9 أشخاص بينهم أطفال "
         "بالإضافة لأكثر من 40 جريحاً.", 9, 40, None),
        ("ارتفعت حصيلة ضحايا القصف على مدينة أريحا إلى 12 مدنياً، فضلاً عن 30 جريحاً.", 12, 30, None),
    ],
)
def test_victims_counted_apart_from_wounded_others_are_the_dead(
    text: str, killed: int | None, injured: int | None, both: int | None
) -> None:
    (claim,) = run(Document(id="o1", text=text), config=ExtractConfig(gazetteer=None))
    got = tuple(f.value if f else None for f in (claim.killed, claim.injured, claim.killed_or_injured))
    assert got == (killed, injured, both), got
    if killed is not None:
        assert {e.field for e in claim.evidence} >= {"killed", "killed_cue"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Regime shelling killed two civilians in al-Atarib, while three children were wounded in similar shelling "
         "on Kafr Nuran.", [("Al Atarib", 2, None), ("Kafr Nuran", None, 3)]),
        # one place: one incident
        ("Two civilians were killed and three wounded in regime shelling on al-Atarib.", [("Al Atarib", 2, 3)]),
        # a place after the wounded that is their source's, not theirs
        ("Regime shelling killed two civilians in al-Atarib and wounded three others, according to a doctor in Idlib.",
         [("Al Atarib", 2, 3)]),
        # a country's possessive names no scene
        ("A drive-by shooting killed two members of Greece's Golden Dawn party and wounded one outside a party "
         "office in Athens.", [("Athens", 2, 1)]),
    ],
)
def test_harms_each_told_with_their_own_place_are_two_incidents(
    text: str, expected: list[tuple[str, int | None, int | None]], village_config: Any
) -> None:
    claims = run(Document(id="p2", text=text), config=village_config)
    got = sorted((c.place.name if c.place else "", c.killed.value if c.killed else None,
                  c.injured.value if c.injured else None) for c in claims)
    assert got == expected, got


@pytest.mark.parametrize("joint", ["و20", "و 20"])
def test_a_count_of_the_wounded_after_a_breakdown_of_the_dead_is_the_wounded(joint: str) -> None:
    text = f"الخوذ البيضاء: 5 قتلى بينهم طفلان {joint} مصاباً في قصف مدفعي لقوات النظام استهدف مدينة دارة عزة."
    (claim,) = run(Document(id="b1", text=text), config=ExtractConfig(gazetteer=None))
    assert (claim.killed.value, claim.injured.value) == (5, 20)
    assert claim.victims and claim.victims[0][0] == "children" and claim.victims[0][1].value == 2


def test_a_count_of_tens_counts_people_with_no_noun() -> None:
    text = "ارتقى 45 شهيداً وأصيب العشرات في قصف إسرائيلي استهدف منازل في مخيم المغازي."
    (claim,) = run(Document(id="t1", text=text), config=ExtractConfig(gazetteer=None))
    assert claim.killed.value == 45
    assert claim.injured is not None and claim.injured.qualifier is Qualifier.VAGUE and claim.injured.text == "العشرات"


def test_an_areas_kind_is_no_place_name(village_config: Any) -> None:
    text = ("قتل 18 مدنياً بينهم أطفال ونساء، في غارات جوية روسية استهدفت سوقاً شعبياً ومنطقة صناعية في مدينة "
            "إدلب.")
    (claim,) = run(Document(id="t2", text=text), config=village_config)
    assert claim.place is not None and claim.place.name == "Idlib", claim.place


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A mother and her two daughters were among those killed when jets struck the market in Ariha.", 3),
        ("Two children were among the dead when jets struck the market in Ariha.", 2),
    ],
)
def test_the_people_among_those_killed_are_at_least_that_many(text: str, value: int) -> None:
    (claim,) = run(Document(id="a1", text=text), config=ExtractConfig(gazetteer=None))
    assert (claim.killed.value, claim.killed.qualifier) == (value, Qualifier.AT_LEAST)


def test_a_dateline_yields_to_the_place_a_later_sentence_gives_the_strike(village_config: Any) -> None:
    text = ("SANAA (Reuters) - A Saudi-led coalition air strike on a bus in northern Yemen killed 29 children on "
            "Thursday, the Red Cross said. The coalition said the attack in Dahyan, Saada province, was a "
            "legitimate military action.")
    claims = run(_doc(text, date(2018, 8, 10)), config=village_config)
    got = [(c.place.name if c.place else None, c.killed.value if c.killed else None, c.stance) for c in claims]
    # the coalition, holding its strike a legitimate military action, disputes the harm: a claim of its own
    assert got == [("Dahyan", 29, Stance.ALLEGES), ("Dahyan", None, Stance.DISPUTES)], got


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Regime shelling killed a child in the town of Sarja in Jabal al-Zawiya on Wednesday morning. In a separate "
         "incident, two women were killed when a drone struck a car near Ariha.", [1, 2]),
        ("قتل طفل بقصف مدفعي لقوات النظام على بلدة سرجة في جبل الزاوية صباح اليوم. وفي حادثة منفصلة، قتلت امرأتان "
         "بقصف طائرة مسيرة استهدف سيارة قرب مدينة أريحا.", [1, 2]),
        ("قتل طفل بقصف مدفعي لقوات النظام على بلدة سرجة في جبل الزاوية صباح اليوم. وفي سياق آخر، قتلت امرأتان "
         "بقصف طائرة مسيرة استهدف سيارة قرب مدينة أريحا.", [1, 2]),
        # harm told elsewhere is not at the village told before
        ("A woman and her three children were killed on Friday in a regime air strike on the village of Kafr Nabudah, "
         "the Observatory said. Seven other civilians died in barrel bomb attacks elsewhere in the province.", [4, 7]),
        ("قتلت امرأة وأطفالها الثلاثة بغارة جوية لقوات النظام على قرية كفرنبودة يوم الجمعة. وقتل سبعة مدنيين آخرين "
         "بالبراميل المتفجرة في مناطق أخرى من المحافظة.", [4, 7]),
        # ... also in a clause of the same sentence
        ("A woman and her three children were killed in a regime air strike on the village of Kafr Nabudah, while "
         "seven other civilians died in barrel bomb attacks elsewhere in the province.", [4, 7]),
        ("قتلت امرأة وأطفالها الثلاثة بغارة جوية لقوات النظام على قرية كفرنبودة يوم الجمعة، وقتل سبعة مدنيين آخرين "
         "بالبراميل المتفجرة في مناطق أخرى من المحافظة.", [4, 7]),
    ],
)
def test_a_separate_incident_is_another_event_however_near(text: str, counts: list[int], village_config: Any) -> None:
    # Ariha lies some 7 km from Sarja: "near Ariha" had drawn the second strike into the first
    claims = run(_doc(text, date(2021, 6, 10)), config=village_config)
    got = sorted((c.killed.value, c.place.name if c.place else None) for c in claims if c.killed is not None)
    assert [k for k, _ in got] == counts and got[0][1] != got[1][1], got


@pytest.mark.parametrize("joint", [" and 11 on Sunday", ", and 11 more on Sunday"])
def test_a_count_that_shares_a_verb_shares_its_place(joint: str, village_config: Any) -> None:
    # two days make two events; the second count names no place of its own
    text = f"Coalition strikes on Hajin killed 20 civilians on Saturday{joint}, the Observatory said."
    claims = run(_doc(text, date(2018, 11, 20)), config=village_config)
    got = sorted((c.killed.value, c.place.name if c.place else None, c.date.start if c.date else None)
                 for c in claims if c.killed is not None)
    assert got == [(11, "Hajīn", date(2018, 11, 18)), (20, "Hajīn", date(2018, 11, 17))], got


@pytest.mark.parametrize(
    "text",
    [
        "Two children were killed by Turkish shelling near Tal Tamr, the SDF-affiliated Hawar News Agency reported.",
        "Two children were killed by Turkish shelling near Tal Tamr, according to the SDF-affiliated Hawar News "
        "Agency.",
    ],
)
def test_the_force_an_outlet_is_affiliated_with_did_not_strike(text: str) -> None:
    (c,) = run(_doc(text), config=CONFIG)
    assert c.belligerents == ("Turkey",), c.belligerents


def test_a_line_opening_with_a_date_and_a_place_sets_the_scene_of_its_paragraph(village_config: Any) -> None:
    # an entry of a military's civilian-casualty report: the date and place open the line, the strike and its toll
    # follow in sentences that name neither; the date's evidence points at the line that gives it
    text = ("1. March 17, 2017, near Mosul, Iraq, via media report. Coalition aircraft conducted a strike on ISIS "
            "fighters. After review, it was assessed that 3 civilians were unintentionally killed.\n\n"
            "2. June 2, 2017, near Raqqah, Syria, via self-report. Coalition aircraft conducted a strike against ISIS "
            "fighters. One civilian was killed.")
    claims = run(_doc(text, date(2019, 5, 30)), config=village_config)
    got = sorted((c.date.start, c.place.country, c.killed.value) for c in claims
                 if c.date is not None and c.place is not None and c.killed is not None)
    assert got == [(date(2017, 3, 17), "IQ", 3), (date(2017, 6, 2), "SY", 1)], [(c.date, c.place) for c in claims]
    first = next(c for c in claims if c.killed is not None and c.killed.value == 3)
    span = next(e.span for e in first.evidence if e.field == "date")
    assert text[span.start : span.end] == "March 17, 2017", span


def test_a_country_in_a_deniers_name_is_not_where_the_strike_fell(village_config: Any) -> None:
    # "The Syrian government and its ally Russia denied any use of chemical weapons": a denial of the Douma attack,
    # placed where the attack was, not in Russia
    text = ("DOUMA, Syria - At least 42 people were killed in a suspected chemical attack on the rebel-held town of "
            "Douma in Eastern Ghouta, rescue workers said. The Syrian government and its ally Russia denied any use "
            "of chemical weapons.")
    claims = run(_doc(text, date(2018, 4, 8)), config=village_config)
    denial = [c for c in claims if c.stance is Stance.DENIES]
    assert denial and denial[0].place is not None and denial[0].place.country == "SY", claims


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Israeli strikes across southern Lebanon killed 492 people on Monday, the health ministry said.",
         ClaimKind.AGGREGATE),
        # a general strike across a country is no air strike
        ("Twelve people were killed in clashes during a week of strikes across Nepal called by the opposition.",
         ClaimKind.INCIDENT),
        ("قالت وزارة الصحة إن الغارات الإسرائيلية على مختلف مناطق جنوب لبنان أسفرت عن مقتل 492 شخصا.",
         ClaimKind.AGGREGATE),
        # a lead's "shelling on various areas of the countryside" telling of one dead is that strike's toll
        ("قتل شخص وأصيب آخرون في قصف لقوات النظام على مناطق متفرقة من ريف إدلب.", ClaimKind.INCIDENT),
        # a month's toll spread over "various areas" is a tally, even where the areas are named by their towns
        ("The monitor documented the deaths of 38 civilians in October, among them nine children, in regime and "
         "Russian shelling on various areas of Idlib and Hama.", ClaimKind.AGGREGATE),
        ("وثق المرصد مقتل 38 مدنياً خلال شهر تشرين الأول، بينهم تسعة أطفال، بقصف لقوات النظام على مناطق متفرقة من "
         "إدلب وحماة.", ClaimKind.AGGREGATE),
        # a period alone, at one town, is that town's strike
        ("In October, regime shelling on the town of Sarmin killed three civilians.", ClaimKind.INCIDENT),
        # "in different areas of" a district, with no period, is one rampage's toll
        ("Gunmen reportedly killed four people in different areas of Ikorodu, Lagos State.", ClaimKind.INCIDENT),
    ],
)
def test_strikes_across_an_area_are_a_tally_with_a_large_toll(text: str, kind: ClaimKind) -> None:
    (c,) = run(_doc(text), config=CONFIG)
    assert c.kind is kind


def test_a_headlines_present_tense_strike_with_casualties_reported_is_a_claim() -> None:
    # "pound" in a headline's present tense is a strike; the casualties it reports have no count
    claims = run(_doc("Russian jets pound Idlib countryside, civilian casualties reported"), config=CONFIG)
    assert [(c.kind, c.belligerents, c.killed) for c in claims] == [(ClaimKind.INCIDENT, ("Russia",), None)], claims


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        # a named person and "N others": one more than the count
        ("An Israeli drone strike killed the group's deputy leader Saleh al-Arouri and six others on Tuesday.", 7,
         Qualifier.EXACT),
        # about twenty and one more is about 21, not at least 21
        ("Warplanes struck an aid convoy near Urum al-Kubra, killing about 20 civilians and a Red Crescent staff "
         "member.", 21, Qualifier.APPROX),
        ("At least 87 Palestinians, including 3,648 children, have been killed in Israeli strikes on Gaza.", 87,
         Qualifier.AT_LEAST),
    ],
)
def test_a_listed_toll_adds_its_members(text: str, value: int, qualifier: Qualifier) -> None:
    (c,) = run(_doc(text), config=CONFIG)
    assert c.killed is not None and (c.killed.value, c.killed.qualifier) == (value, qualifier), c.killed


def test_a_thousands_comma_inside_an_apposition_keeps_the_passive_subject() -> None:
    text = ("At least 8,796 Palestinians, including 3,648 children, have been killed in Israeli strikes on Gaza since "
            "October 7, the health ministry said.")
    (c,) = run(_doc(text, date(2023, 11, 1)), config=CONFIG)
    assert c.kind is ClaimKind.AGGREGATE and c.killed is not None and c.killed.value == 8796, c


def test_either_of_two_suspected_forces_is_a_belligerent() -> None:
    (c,) = run(_doc("Russian or Syrian government warplanes struck a convoy near Aleppo, killing 20 civilians."),
               config=CONFIG)
    assert set(c.belligerents) == {"Russia", "Syria"}, c.belligerents



def test_a_toll_over_a_campaign_of_months_is_a_tally_even_in_one_city() -> None:
    text = ("Coalition aircraft and SDF artillery killed 1,130 civilians during the four-month battle for Raqqa, "
            "according to Airwars.")
    (c,) = run(_doc(text), config=CONFIG)
    assert c.kind is ClaimKind.AGGREGATE, c


def test_countries_listed_after_in_are_places_not_the_forces_that_struck() -> None:
    (c,) = run(_doc("The Pentagon said US military operations in Iraq, Syria, Afghanistan and Yemen killed 499 "
                    "civilians in 2017."), config=CONFIG)
    assert c.belligerents == ("US",), c.belligerents


def test_a_plural_noun_after_the_first_names_the_people_counted() -> None:
    # "12 staff members and at least seven patients": one list, the second noun completing the first
    text = ("A US air strike hit a hospital in Kunduz, killing 12 staff members and at least seven patients, including "
            "three children.")
    (c,) = run(_doc(text), config=CONFIG)
    assert c.killed is not None and (c.killed.value, c.killed.qualifier) == (19, Qualifier.AT_LEAST), c.killed


def test_the_force_that_runs_the_place_struck_is_not_the_striker() -> None:
    text = ("Saudi-led coalition warplanes struck a detention centre run by the Houthis in Dhamar, killing more than "
            "100 people, the ICRC said.")
    (c,) = run(_doc(text), config=CONFIG)
    assert c.belligerents == ("Saudi-led coalition",), c.belligerents


def test_one_strikes_claims_share_the_force_that_struck() -> None:
    # the ministry's own jets struck; the officials' claim of the same strike names no force but is the same strike's
    text = ('The Turkish Defence Ministry said its jets had "neutralised" 12 PKK terrorists in the Hakurk region, '
            "while local officials said three shepherds were among the dead.")
    claims = run(_doc(text), config=CONFIG)
    assert len(claims) == 2 and all(c.belligerents == ("Turkey",) for c in claims), claims


@pytest.mark.parametrize(
    ("text", "bells"),
    [
        # a force's own word for its kills, with no actor named: the force that speaks struck
        ("Turkey's Defence Ministry said 9 PKK/YPG terrorists were neutralised in an air operation in northern Syria "
         "on Friday.", ("Turkey",)),
        # a military source's plain "killed", with no actor, may tell of anyone's strike
        ("The Iraqi Joint Operations Command said an airstrike killed 15 ISIS members near Kirkuk.", ()),
    ],
)
def test_a_force_telling_of_its_own_kills_struck(text: str, bells: tuple[str, ...]) -> None:
    (c,) = run(_doc(text), config=CONFIG)
    assert c.belligerents == bells, c


def test_a_pronoun_that_speaks_points_at_the_people_opening_its_sentence() -> None:
    text = ("Libyan officials took journalists to the village of Majer, near Zlitan, where they said 85 civilians were "
            "killed in NATO air strikes overnight.")
    claims = run(_doc(text), config=CONFIG)
    assert [c.claimant for c in claims if c.killed] == ["Libyan officials"], claims


def test_more_dead_in_another_village_are_another_strike(village_config: Any) -> None:
    text = ("Coalition strikes on Raqqa killed at least 21 civilians on Friday, according to the Syrian Observatory. "
            "Another 10 civilians died in strikes on the village of al-Tabqa.")
    claims = run(_doc(text), config=village_config)
    got = sorted((c.killed.value, c.place.name) for c in claims if c.killed and c.place)
    assert got == [(10, "Al-Tabqa"), (21, "Ar Raqqah")], got


DIGEST = (
    "Drone attack | Four killed and wounded by Turkish drone strike on a car near Tal Tamr\n\n"
    "SOHR sources reported that a Turkish drone struck a car near Tal Tamr. The attack left two persons dead and two "
    "others wounded.\n\n"
    "Turkish forces have escalated their drone attacks on the region this year. Details of these attacks are as "
    "follows:\n\n"
    "March 3: A Turkish drone struck a house in Um Al-Kaif village in Tal Tamr countryside, which injured a woman.\n\n"
    "August 19: A Turkish drone targeted a gathering in the vicinity of Tal Tamr. The strike killed a man, his son "
    "and one of his relatives.\n\n"
    "October 2: A Turkish drone struck a military vehicle in Amuda, killing two fighters."
)


@pytest.mark.parametrize("published", [date(2021, 12, 27), None])
def test_each_dated_item_of_a_list_is_its_own_strike_apart_from_the_undated_lede(published: date | None) -> None:
    claims = [c for c in run(_doc(DIGEST, published=published), config=CONFIG) if c.killed or c.injured]
    by_figures = {(c.killed.value if c.killed else None, c.injured.value if c.injured else None): c for c in claims}
    assert set(by_figures) == {(2, 2), (None, 1), (3, None), (2, None)}, claims
    lede, item = by_figures[(2, 2)], by_figures[(3, None)]
    # the lede takes no day of the list below it, and the item's day dates the sentence after its head
    assert lede.date is None or lede.date.precision is not DatePrecision.DAY, lede.date
    if published is not None:
        assert item.date is not None and (item.date.start, item.date.end) == (date(2021, 8, 19), date(2021, 8, 19))
    else:
        assert item.date is not None and item.date.month_day == (8, 19)


@pytest.mark.parametrize(
    "text",
    ["Turkish drone kills and injures three medics in Aleppo countryside",
     "Turkish drone fire kills and wounds three civilians near Manbij."],
)
def test_a_headlines_kills_and_injures_counts_the_dead_and_wounded_together(text: str) -> None:
    (claim,) = run(_doc(text), config=CONFIG)
    assert claim.killed_or_injured is not None and claim.killed_or_injured.value == 3
    assert claim.killed is None and claim.injured is None


def test_some_of_the_dead_counted_again_break_the_toll_down() -> None:
    text = ("A Russian airstrike on a market in Ariha killed five civilians on Monday, the White Helmets said. Two of "
            "the dead were children from the same family. Three of the wounded are in critical condition.")
    (claim,) = run(_doc(text), config=CONFIG)
    assert claim.killed is not None and claim.killed.value == 5
    assert dict(claim.victims)["children"].value == 2
    # nothing else counts the wounded: at least the three of them the last sentence names
    assert claim.injured is not None and (claim.injured.value, claim.injured.qualifier) == (3, Qualifier.AT_LEAST)


def test_a_breakdown_with_nothing_before_it_counts_at_least_its_number() -> None:
    text = ("Four men travelling in a car came under attack by gunmen in the Gulshan area of Karachi. One of the dead "
            "men had contested the last provincial election.")
    (claim,) = run(_doc(text), config=CONFIG)
    assert claim.killed is not None and (claim.killed.value, claim.killed.qualifier) == (1, Qualifier.AT_LEAST)
    assert claim.killed.span is not None and claim.killed.span.text == "One"
    # the civilians of a mixed toll stay a figure of their own
    (claim,) = [c for c in run(_doc("At least 10 of the victims were civilians, the ministry said."), config=CONFIG)]
    assert claim.killed_or_injured is not None and claim.killed_or_injured.value == 10


def test_a_pronoun_speaks_for_the_source_named_before_it_in_the_same_sentence() -> None:
    text = ("The army said no civilians were among those killed in the raid on the village, which it said killed "
            "13 Taliban fighters.")
    claims = run(_doc(text), config=CONFIG)
    assert [(c.claimant, c.stance) for c in claims] == [("army", Stance.DISPUTES)]
    assert claims[0].killed is not None and claims[0].killed.value == 13


@pytest.mark.parametrize(
    ("said", "bells"),
    [
        ("its aircraft had made 20 sorties and hit eight Islamic State targets", ("Russia",)),
        ("its aircraft had not made any sorties and hit nothing", ()),
    ],
)
def test_a_forces_word_of_its_own_strikes_after_another_act_names_the_striker(said: str, bells: tuple[str, ...]
                                                                               ) -> None:
    text = f"The Russian defence ministry said {said}. Activists said the strikes killed at least 36 civilians."
    claims = [c for c in run(_doc(text), config=CONFIG) if c.killed is not None]
    assert [(c.killed.value, c.belligerents) for c in claims if c.killed] == [(36, bells)]


@pytest.mark.parametrize("lead", ["The victims were identified as", "Those killed were named as", "The dead were"])
def test_the_named_dead_after_a_general_toll_count_each(lead: str) -> None:
    text = (f"A Russian airstrike on the town killed several civilians. {lead} Ahmad al-Hassan, his wife Fatima and "
            "their son Ali.")
    claims = [c for c in run(_doc(text), config=CONFIG) if c.killed is not None and c.killed.value]
    assert [c.killed.value for c in claims] == [3]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        # harm told without a count is a located claim even where the text counts other harm
        "Kurdish militias shelled the town of Azaz, wounding civilians. A fighter was killed in shelling on al-Bab.",
        "استهدفت ميليشيات قسد بالصواريخ مدينة إعزاز ما أدى لسقوط جرحى في صفوف المدنيين. قتل عنصر بقصف على مدينة "
        "الباب.",
    ],
)
def test_harm_without_a_count_beside_counted_harm_is_a_claim(text: str, village_config: Any) -> None:
    claims = run(_doc(text), config=village_config)
    assert len(claims) == 2 and sum(c.killed is None and c.injured is None for c in claims) == 1, claims


@pytest.mark.parametrize(
    "text",
    [
        # ... but not harm a source disputes, nor a thing that blew up
        "The US military said it had no evidence that civilians were killed in the strike near Baghuz on Monday, "
        "which local activists said killed 15 people.",
        "A pickup packed with explosives blew up outside a hotel in Kabul. Eleven people were killed, police said.",
    ],
)
def test_uncounted_harm_that_is_disputed_or_names_no_one_is_no_claim(text: str, village_config: Any) -> None:
    claims = run(_doc(text), config=village_config)
    assert all(c.killed is not None for c in claims if c.stance.value == "alleges"), claims


def test_more_of_the_same_harm_in_one_sentence_is_summed(village_config: Any) -> None:
    # "also wounded": the daughter's wound adds to the mother's, in the strike the sentence places
    text = "A woman was seriously injured and her daughter was also wounded when a shell hit their house in Kobani."
    (c,) = run(_doc(text), config=village_config)
    assert (c.injured.value if c.injured else None, c.place.name if c.place else None) == (2, "‘Ayn al ‘Arab"), c


def test_a_denial_right_after_a_forces_statement_is_the_forces() -> None:
    text = ("The coalition said in a statement that it conducted a strike in Syria on Jan. 11 that killed two ISIS "
            "officials. No civilians were harmed in the operation.")
    claims = run(_doc(text), config=CONFIG)
    assert [c.claimant for c in claims if c.stance.value in ("denies", "disputes")] == ["coalition"], claims


@pytest.mark.parametrize(
    ("title", "place"),
    [
        # a local page's name in a captured post's title: its town is the post's "the city"
        ("وفاة الشاب خالد العمر بعد... - مكتب الأتارب الإعلامي", "Al Atarib"),
        # a person's page names no place
        ("وفاة الشاب خالد العمر بعد... - أحمد الخليل", None),
    ],
)
def test_a_local_pages_town_places_a_post_that_names_none(title: str, place: str | None, village_config: Any) -> None:
    text = f"{title}\n\nوفاة الشاب خالد العمر بعد تعرضه لإصابة جراء الغارات الجوية التي استهدفت المدينة بالأمس."
    (c,) = run(_doc(text), config=village_config)
    assert (c.place.name if c.place else None) == place, c.place


def test_one_more_by_its_ordinal_adds_to_the_toll() -> None:
    text = "Police shot dead at least four protesters and killed a fifth on Tuesday in the town."
    (c,) = run(_doc(text), config=CONFIG)
    assert c.killed is not None and c.killed.value == 5, c.killed


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a source's count of everyone killed, told after its phrase
        ("Gunmen killed villagers in a raid on the market. Police put the total number killed at 15.",
         [("incident", 15)]),
        # one attack's dead, then the source's count since a month: the attack stays an incident, the count a tally
        ("Security forces killed 11 protesters in the town, according to Human Rights Watch, which put the total "
         "since November at 140.", [("aggregate", 140), ("incident", 11)]),
    ],
)
def test_a_sources_total_is_a_toll(text: str, want: list[tuple[str, int]]) -> None:
    claims = run(_doc(text), config=CONFIG)
    got = sorted((c.kind.value, c.killed.value) for c in claims if c.killed is not None and c.killed.value)
    assert got == want, claims


def test_a_source_that_puts_the_total_speaks_for_its_figure() -> None:
    text = ("At least 160 people died in a raid on the village. A local official puts the total at 50; residents "
            "report burying 160 people.")
    claims = run(_doc(text), config=CONFIG)
    fifty = [c for c in claims if c.killed is not None and c.killed.value == 50]
    assert [(c.kind.value, c.claimant) for c in fifty] == [("incident", "local official")], claims


def test_a_pronoun_that_speaks_later_in_the_sentence_is_its_source() -> None:
    text = ("The US Central Command announced that its forces had conducted strikes on 85 targets in Iraq and Syria "
            "on Friday, and that it assessed no civilians were harmed.")
    (c,) = run(_doc(text), config=CONFIG)
    assert (c.claimant, c.stance.value) == ("US Central Command", "disputes"), c


def test_where_a_leader_travelled_is_no_place_of_a_strike(village_config: Any) -> None:
    text = ("Turkish jets struck positions near Kobani on Sunday, killing 11 people, the SDF said.\n"
            "The president ordered the operation following his visit to Indonesia, the government said.\n"
            "The SDF denied involvement in the attack.")
    claims = run(_doc(text), config=village_config)
    assert all(c.place is None or c.place.country != "ID" for c in claims), [c.place for c in claims]


def test_a_town_spelled_exactly_abroad_beats_a_loose_reading_at_home(village_config: Any) -> None:
    # a bombing in Istanbul makes Turkey the story's country; "Kobani" is still the Syrian town, not a Turkish
    # one that was once spelled "Kobin"
    text = ("Turkish jets struck positions near Kobani on Sunday, killing 11 people, the SDF said.\n"
            "Turkey blamed the PKK for the Istanbul bombing.")
    claims = [c for c in run(_doc(text), config=village_config) if c.killed is not None]
    assert [(c.place.name, c.place.country) for c in claims if c.place] == [("‘Ayn al ‘Arab", "SY")], claims


def test_a_headlines_count_of_a_harm_the_body_never_counts_stays() -> None:
    # a short first line reads as a title; the body counts only the wounded, so the title's dead are the only ones
    text = "Gunmen killed 12 people in the market. Local officials put the number of injured at 30."
    claims = run(_doc(text), config=CONFIG)
    got = sorted((c.claimant, c.killed.value if c.killed else None, c.injured.value if c.injured else None)
                 for c in claims)
    assert got == [("Local officials", None, 30), ("outlet", 12, None)], claims
    # ... while a body that counts the dead too stands for the title
    text = "Gunmen killed 12 people in the market. Local officials said 12 people were killed and 30 injured there."
    claims = run(_doc(text), config=CONFIG)
    assert [c.claimant for c in claims] == ["Local officials"], claims


def test_a_quarter_the_gazetteer_keeps_as_a_town_inside_its_city_is_the_quarter(village_config: Any) -> None:
    # Who's On First keeps Mezze as a locality two km from the centre of Damascus: the quarter, not the whole city
    text = "The Israeli strike on the Mezzeh neighbourhood of Damascus killed two civilians."
    (c,) = run(_doc(text), config=village_config)
    assert c.place is not None and (c.place.name, c.place.precision) == ("Mezze", PlacePrecision.NEIGHBOURHOOD), c.place
    # an unknown quarter stays the city
    text = "The Israeli strike on the Qaboun al-Gharbi neighbourhood of Damascus killed two civilians."
    (c,) = run(_doc(text), config=village_config)
    assert c.place is not None and (c.place.name, c.place.precision) == ("Damascus", PlacePrecision.SETTLEMENT), c.place


@pytest.mark.parametrize(
    ("text", "bells"),
    [
        # a state's body that strikes nothing itself speaks of its state's aircraft
        ("The Russian reconciliation centre said its aircraft had destroyed a militant command post near the town, "
         "killing up to 30 fighters.", ["Russia"]),
        # the force whose drone the claims are about, not the side that "spreads propaganda"
        ("The Turkish ministry said the claims that its drone killed civilians in the town were baseless propaganda "
         "by the PKK.", ["Turkey"]),
    ],
)
def test_a_state_bodys_own_forces_and_a_propagandist_named(text: str, bells: list[str]) -> None:
    claims = run(_doc(text), config=CONFIG)
    assert claims and all(list(c.belligerents) == bells for c in claims), claims


def test_the_country_an_outlet_is_named_after_places_a_post_that_names_none(village_config: Any) -> None:
    text = "سقط جرحى مدنيون جراء القصف المدفعي الذي طال مدينة أريحا اليوم."
    doc = Document(id="o1", text=text, published=date(2021, 10, 20), outlet="Syria Civil Defense")
    (c,) = run(doc, config=village_config)
    assert c.place is not None and (c.place.name, c.place.country) == ("Ariha", "SY"), c.place


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the dead of many strikes over a week
        ("A week of shelling on the province has left 35 civilians dead, among them 11 children.", "aggregate"),
        ("Two months of Russian airstrikes killed 120 civilians in the province, the monitor said.", "aggregate"),
        # a week of clashes between two militias is one battle
        ("At least 35 people have been killed in a week of clashes between two clan militias in the town.",
         "incident"),
    ],
)
def test_weeks_of_strikes_make_a_tally(text: str, kind: str) -> None:
    claims = [c for c in run(_doc(text), config=CONFIG) if c.killed is not None]
    assert [c.kind.value for c in claims] == [kind], claims


def test_a_state_whose_forces_strike_only_abroad_is_no_last_resort_place(village_config: Any) -> None:
    text = "The raid killed the ISIS leader, his wife and four of their children, US officials said."
    (c,) = run(_doc(text), config=village_config)
    assert c.place is None, c.place


def test_a_refusal_is_no_source_and_the_struck_town_after_it_is_the_place(village_config: Any) -> None:
    text = ("Turkish authorities denied entry to the wounded at the Bab al-Hawa crossing after the strike on Sarmada "
            "killed 5 people.")
    (c,) = run(_doc(text), config=village_config)
    assert (c.claimant, c.place.name if c.place else None) == ("outlet", "Sarmada"), c


@pytest.mark.parametrize(
    "text",
    [
        ("The coalition expressed regret for the death of a civilian in the village. A coalition commander visited "
         "the victim's sons yesterday and apologised for the operation that targeted their home."),
        ("قدم التحالف الدولي تعازيه لأسرة المدني الذي قتل في القرية. جاء ذلك خلال زيارة قام بها أحد قادة التحالف "
         "لولدي القتيل أمس، حيث أعرب عن أسفه للعملية التي استهدفت منزلهم."),
    ],
)
def test_the_date_of_a_visit_after_a_strike_does_not_date_the_strike(text: str) -> None:
    claims = run(_doc(text, date(2025, 11, 3)), config=CONFIG)
    assert claims and all(c.date is None or c.date.start is None for c in claims), [c.date for c in claims]


def test_a_strike_dated_before_a_visit_keeps_its_date() -> None:
    text = "A drone strike hit a car yesterday, killing two civilians; the governor visited the site on Monday."
    (c,) = run(_doc(text, date(2025, 11, 5)), config=CONFIG)
    assert c.date is not None and c.date.start == date(2025, 11, 4), c.date


def test_a_name_in_a_capitals_title_read_as_a_town_abroad_is_no_place(village_config: Any) -> None:
    text = ("AUSTIN ORDERS INVESTIGATION OF SYRIA AIRSTRIKE THAT KILLED CIVILIANS\n\n"
            "US forces conducted a drone strike near Idlib, Syria, on Friday that killed a civilian, activists said.")
    claims = run(_doc(text), config=village_config)
    assert claims and all(c.place is None or c.place.country == "SY" for c in claims), [c.place for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        ("Night shelling on Idlib city, 8 September 2021 (Civil Defence)\n\n"
         "A woman was killed and her child wounded at dawn today in a rocket strike on the village of Marayan. The "
         "last strike on the outskirts of Idlib city was on 4 November last year.\n\nMeanwhile, Russian jets struck "
         "the outskirts of Maarat Misrin, wounding six civilians."),
        ("قصف ليلي على مدينة إدلب 8 أيلول 2021 (الدفاع المدني)\n\n"
         "قتلت سيدة وجرح طفلها فجر اليوم بقصف صاروخي على قرية مرعيان. وكان آخر قصف تعرض له محيط مدينة إدلب في 4 "
         "تشرين الثاني العام الماضي.\n\nوفي ظل التصعيد المتواصل، استهدفت طائرة حربية روسية محيط مدينة معرة مصرين ما "
         "أدى لإصابة 6 مدنيين."),
    ],
)
def test_an_earlier_strike_told_as_background_dates_no_other(text: str, village_config: Any) -> None:
    claims = [c for c in run(_doc(text, None), config=village_config) if c.killed is not None or c.injured is not None]
    # (the page's year is 2021 by its caption: the strike "last year" was in 2020, and neither toll is of that day)
    assert len(claims) == 2 and all(c.date is None or c.date.start is None or c.date.start.year == 2021
                                    for c in claims), [c.date for c in claims]


@pytest.mark.issue(4)
def test_a_dispute_with_no_word_of_harm_is_read() -> None:
    # "There is no indication that any civilians were harmed": no harm word, but the force's word on civilian harm
    text = ("U.S. Central Command forces conducted a strike in northwest Syria that killed a senior ISIS leader. "
            "There is no indication that any civilians were harmed.")
    (c,) = run(Document(id="d1", text=text), config=CONFIG)
    assert c.stance is Stance.DISPUTES and c.belligerents == ("US",), c
    # a stance of another kind still needs a cue: "has nothing to do with fighting terrorism" is no denial of a strike
    text = ("The crimes committed by the US-led coalition against Syrian civilians have shown that this coalition has "
            "nothing to do with fighting terrorism.")
    assert run(Document(id="d2", text=text), config=CONFIG) == []


def test_a_death_and_an_injury_without_their_article_are_counted() -> None:
    # "the death of two ... and injury of a civilian": the second noun after "and" drops its article
    text = ("A Turkish drone targeted a vehicle near Amuda, which resulted in the death of two Asayish members and "
            "injury of a civilian.")
    (c,) = run(Document(id="a1", text=text), config=CONFIG)
    assert (c.killed.value if c.killed else None, c.injured.value if c.injured else None) == (2, 1), c


@pytest.mark.parametrize(
    "said",
    ["said on Saturday it had", "said in a statement that it", "said late on Friday that it", "said on March 17 it"],
)
def test_a_force_that_says_when_it_struck_is_the_attacker(said: str) -> None:
    # when or how the force spoke stands between its verb of saying and its word of its own strike
    text = f"The coalition {said} carried out a strike in west Mosul that killed 10 civilians."
    claims = [c for c in run(_doc(text), config=CONFIG) if c.killed is not None]
    assert [(c.killed.value, c.belligerents) for c in claims if c.killed] == [(10, ("coalition",))]


def test_pipeline_a_bare_count_after_a_toll_is_another_sources_figure() -> None:
    text = ("At least 44 civilians were killed in Russian air strikes on the town of Zardana late on Thursday, the "
            "Syrian Observatory said. Rescue workers said 51.")
    by = {c.claimant: c for c in run(_doc(text), config=CONFIG)}
    assert by["Rescue workers"].killed is not None and by["Rescue workers"].killed.value == 51, by
    # the same strike: its place and day carried over
    got, told = by["Rescue workers"], by["Syrian Observatory"]
    assert got.place is not None and got.place.mention == "Zardana"
    assert got.date is not None and told.date is not None and got.date.start == told.date.start
    # ... and none where no toll was told before it
    assert run(_doc("Asked how many drones were launched, the official said 51."), config=CONFIG) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Hamas: 40 killed in Israeli strike on Nuseirat camp.", "Hamas"),
        ("Taliban: Pakistani airstrikes kill eight women and children in Paktika.", "Taliban"),
        ("حماس: 40 شهيداً بغارة إسرائيلية على مخيم النصيرات.", "حماس"),
        ("قال الحوثيون إن ثلاثة أشخاص قتلوا بغارات أمريكية بريطانية على مديرية باجل.", "الحوثيون"),
    ],
)
def test_an_armed_group_that_reports_a_strike_is_its_source_not_its_attacker(text: str, source: str) -> None:
    claims = [c for c in run(_doc(text), config=CONFIG) if c.killed is not None]
    assert claims and claims[0].claimant == source, [(c.claimant, c.belligerents) for c in claims]
    assert claims[0].claimant_kind.value == "belligerent"
    assert not {"Houthis", "unknown"} & set(claims[0].belligerents), claims[0].belligerents


def test_what_a_party_announces_it_did_is_no_part_of_its_name() -> None:
    # "أعلنت كتائب القسام خوض اشتباكات ...": the Brigades speak; the clashes they announce are what they say
    text = "أعلنت كتائب القسام خوض اشتباكات عنيفة مع القوات الإسرائيلية في خانيونس، وقتل 3 جنود."
    claims = run(_doc(text), config=CONFIG)
    assert claims and claims[0].claimant == "كتائب القسام", [c.claimant for c in claims]


def test_the_force_a_struck_prison_belongs_to_is_no_attacker() -> None:
    # "سجناً تابعاً للحوثيين": the prison is the Houthis'; who struck it the text does not say
    text = "قالت اللجنة الدولية للصليب الأحمر إن أكثر من 100 شخص قتلوا في غارات جوية استهدفت سجناً تابعاً للحوثيين."
    claims = [c for c in run(_doc(text), config=CONFIG) if c.killed is not None]
    assert claims and "Houthis" not in claims[0].belligerents, [c.belligerents for c in claims]


def test_a_count_of_the_dead_and_wounded_together_is_not_the_dead_count() -> None:
    # "بفقدان وإصابة 20 شخصاً": twenty dead or wounded; the next sentence counts the dead ("بفقدان 5 مواطنين
    # لحياتهم", with the preposition written on) and the wounded apart
    text = ("تسبب الاستهداف التركي لقافلة المدنيين في سد تشرين بفقدان وإصابة 20 شخصاً. وتسبب الاستهداف بفقدان 5 "
            "مواطنين لحياتهم وإصابة 15 آخرين.")
    claims = [c for c in run(_doc(text), config=CONFIG) if c.killed is not None]
    assert [(c.killed.value, c.injured.value if c.injured else None) for c in claims] == [(5, 15)]
    # the combined count alone, with others wounded beside it, is still no count of the dead
    text = "تسبب القصف بمقتل وإصابة 20 شخصاً، فيما أصيب 15 آخرون."
    assert all(c.killed is None for c in run(_doc(text), config=CONFIG))


def test_the_mediators_of_a_truce_and_its_date_are_no_strikes() -> None:
    # "وقف إطلاق النار" is a ceasefire, not firing; the month the truce was mediated dates no strike told before it
    text = ("وأضافت أن شخصين آخرين قتلا في غارة جوية قرب مدينة إدلب.\n\nفي آذار / مارس 2020، توسطت روسيا وتركيا في "
            "وقف إطلاق النار لوقف مسعى الحكومة لاستعادة إدلب.")
    (claim,) = [c for c in run(_doc(text, published=date(2023, 6, 26)), config=CONFIG) if c.killed]
    assert claim.belligerents == (), claim.belligerents
    assert claim.date is None or claim.date.start is None or claim.date.start.year == 2023, claim.date


def test_a_verb_of_saying_that_carries_the_dead_is_no_speech() -> None:
    # "ونقل جثمان الضحية": the civil defence carried the body; it names no source
    text = ("استجابت فرقنا لقصف مدفعي لقوات النظام استهدف الأحياء السكنية في مدينة سرمين، ما أدى لمقتل رجل، "
            "وقامت فرقنا بإسعاف المصابين ونقل جثمان الضحية.")
    claims = run(_doc(text), config=CONFIG)
    assert claims and all("المصابين" not in (c.claimant or "") for c in claims), [c.claimant for c in claims]


def test_a_semicolon_parts_two_statements_before_an_and_inside_the_first() -> None:
    # "a crowd of women and children at Baghuz, ...; the US military acknowledged 80": the first statement keeps its
    # place; "and" there joins two nouns
    text = ("At least 70 people were killed when US aircraft struck a crowd of women and children at Baghuz, according "
            "to a New York Times investigation; the US military acknowledged 80 deaths, but said 16 were fighters.")
    claims = run(_doc(text), config=CONFIG)
    by = {c.killed.value: c for c in claims if c.killed}
    assert by[70].place is not None and by[70].place.mention == "Baghuz", by[70].place


def test_an_army_that_denies_the_toll_disputes_it_and_speaks_on() -> None:
    # "... قال الجيش الإسرائيلي إن الغارة استهدفت مركز قيادة لحماس ونفى الحصيلة": the army disputes the figures
    text = ("قال الدفاع المدني إن أكثر من 100 شخص استشهدوا في غارة إسرائيلية على مدرسة في حي الدرج، بينما قال الجيش "
            "الإسرائيلي إن الغارة استهدفت مركز قيادة لحماس ونفى الحصيلة.")
    claims = run(_doc(text), config=CONFIG)
    stances = {c.claimant: c.stance for c in claims}
    assert stances.get("الجيش الإسرائيلي") is Stance.DISPUTES, stances
    assert "قيادة لحماس" not in stances, stances


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت وزارة الصحة في غزة ارتفاع حصيلة الشهداء منذ 7 أكتوبر إلى 23357 شهيداً.",
        "The Gaza health ministry said the death toll since October 7 had risen to 23,357.",
    ],
)
def test_a_toll_since_a_day_of_a_month_is_a_tally(text: str) -> None:
    claims = [c for c in run(_doc(text, published=date(2024, 1, 10)), config=CONFIG) if c.killed]
    assert [(c.kind, c.killed.value) for c in claims] == [(ClaimKind.AGGREGATE, 23357)]


def test_one_strike_dated_by_last_month_is_an_incident() -> None:
    # "A strike on the market last month killed 20": one attack, its month its date; strikes over a month are a tally
    one = run(_doc("A strike on the market last month killed 20 people.", published=date(2024, 3, 15)), config=CONFIG)
    assert [(c.kind, c.date.precision if c.date else None) for c in one] == [(ClaimKind.INCIDENT, DatePrecision.MONTH)]
    many = run(_doc("Coalition strikes killed 40 civilians in Syria last month.", published=date(2024, 3, 15)),
               config=CONFIG)
    assert [c.kind for c in many] == [ClaimKind.AGGREGATE]


def test_a_day_that_owns_the_strikes_dates_them_after_a_verb_of_telling() -> None:
    # "said Thursday's strikes": the possessive day is the strikes', not the day the media spoke
    (c,) = run(_doc("Local media said Thursday's coalition strikes on the town had left 8 civilians dead.",
                    published=date(2016, 4, 19)), config=CONFIG)
    assert c.date is not None and c.date.start == date(2016, 4, 14)


def test_others_counted_after_a_sourced_toll_are_its_sources() -> None:
    # "Two others were wounded.": the others of the toll MSF just told, by MSF, in one claim
    (c,) = run(_doc("Nine people, including a child, died in the strike on a residential area of the town, MSF said. "
                    "Two others were wounded."), config=CONFIG)
    assert (c.claimant, c.killed.value if c.killed else None, c.injured.value if c.injured else None) == ("MSF", 9, 2)


def test_a_toll_since_an_event_of_the_war_is_a_tally() -> None:
    # "since the ceasefire collapsed on September 19": the days since, in a whole city; one strike stays one
    (c,) = run(_doc("Rescue workers said more than 300 people had been killed in eastern Aleppo since the ceasefire "
                    "collapsed on September 19.", published=date(2016, 9, 30)), config=CONFIG)
    assert c.kind is ClaimKind.AGGREGATE
    (c,) = run(_doc("A strike killed 12 people in the town on Monday, the first since the truce took effect.",
                    published=date(2016, 9, 30)), config=CONFIG)
    assert c.kind is ClaimKind.INCIDENT


def test_an_arabic_toll_since_the_truce_collapsed_is_a_tally() -> None:
    (c,) = run(_doc("قال الدفاع المدني إن أكثر من 300 شخص قتلوا في أحياء حلب الشرقية منذ انهيار الهدنة في 19 أيلول.",
                    published=date(2016, 9, 30)), config=CONFIG)
    assert c.kind is ClaimKind.AGGREGATE


def test_the_observatory_named_back_is_the_observatory_not_the_last_source() -> None:
    # "according to the Observatory" after "Syrian state media said ...": the Observatory named earlier
    claims = run(_doc("The Syrian Observatory for Human Rights said the death toll in the town had reached 14.\n"
                      "Syrian state media said the army had targeted terrorist positions.\n"
                      "Since the offensive began in late April, more than 300 civilians have been killed, according to "
                      "the Observatory.", published=date(2019, 5, 28)), config=CONFIG)
    (agg,) = [c for c in claims if c.kind is ClaimKind.AGGREGATE]
    assert agg.claimant == "Syrian Observatory for Human Rights"


def test_a_denial_of_its_planes_strikes_without_that_is_a_denial() -> None:
    claims = run(_doc("In the town, 12 people were killed when jets struck a busy market, the civil defence said.\n"
                      "The Russian defence ministry denied its planes had carried out strikes in the area."),
                 config=CONFIG)
    assert ("Russian defence ministry", Stance.DENIES) in [(c.claimant, c.stance) for c in claims]


def test_another_source_is_a_source_of_its_own() -> None:
    # "Another monitoring group put the toll at 73": a second source, its own claim beside the first
    claims = run(_doc("At least 56 civilians were killed near the town, according to the Syrian Observatory. Another "
                      "monitoring group put the death toll at 73."), config=CONFIG)
    assert sorted((c.claimant, c.killed.value) for c in claims if c.killed) == [
        ("Syrian Observatory", 56), ("monitoring group", 73)]


def test_days_of_bombardment_are_a_tally() -> None:
    (c,) = run(_doc("The death toll from three days of intense bombardment on the towns of the region rose to 250 on "
                    "Wednesday, the Syrian Observatory said.", published=date(2018, 2, 21)), config=CONFIG)
    assert c.kind is ClaimKind.AGGREGATE
    (c,) = run(_doc("A day of shelling on the town killed 8 people.", published=date(2018, 2, 21)), config=CONFIG)
    assert c.kind is ClaimKind.INCIDENT
