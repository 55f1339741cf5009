from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from civcas.extract.stance import aggregate_cues, find_stance, main_stance
from civcas.records import Stance


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("“We did not conduct strikes in that area,” the spokesman said.", Stance.DENIES),
        ("The army refuted reports of its involvement.", Stance.DENIES),
        ("The ministry said it does not recognize figures released by the activists.", Stance.DISPUTES),
        ("The coalition acknowledged that its strike killed four civilians.", Stance.ACKNOWLEDGES),
        ("CENTCOM said it had assessed that one civilian was likely killed in a strike near Hajin.",
         Stance.ACKNOWLEDGES),
        ("\"We assess that one civilian was killed in the strike near Hajin,\" a CENTCOM spokesman said.",
         Stance.ACKNOWLEDGES),
        ("The monitor estimated that at least 900 civilians died.", Stance.ESTIMATES),
        ("Jets struck the village, killing six.", None),
        ("The SDF said it has nothing to do with the shelling.", Stance.DENIES),
        ("Moscow called the allegations of civilian casualties in Idlib a provocation.", Stance.DENIES),
        ("The ministry described the reports as fabricated lies.", Stance.DENIES),
        ("The coalition said it had not conducted any strikes in the area on that date.", Stance.DENIES),
        ("The ministry said its aircraft had not flown over the town.", Stance.DENIES),
        ("Officials said the figures were fabricated.", Stance.DISPUTES),
        ("The group called these fabricated accusations by pro-government media.", Stance.DISPUTES),
        ("The defence ministry said its air force had carried out no combat missions in the area.", Stance.DENIES),
        ("Israel said the explosion was caused by a misfired rocket launched by a militant group.", Stance.DENIES),
        ("Moscow blamed the blast on a Ukrainian air defence missile.", Stance.DENIES),
        ("The militia fabricated a charge of ISIS membership against the family before the raid.", None),
        ("The army said the strike that killed the aid workers was a grave mistake.", Stance.ACKNOWLEDGES),
        ("The prime minister called it a \"tragic mishap\".", Stance.ACKNOWLEDGES),
        ("The coalition said it had \"no indication\" that civilians were harmed.", Stance.DISPUTES),
        ("The ministry denied that civilians were among the dead.", Stance.DISPUTES),
        ("The ministry called the reports of 30 dead in Idlib \"an information attack\".", Stance.DENIES),
        ("The ministry said its jets targeted militants, not civilians.", Stance.DISPUTES),
        ("The army said no civilians were among those killed in the raid.", Stance.DISPUTES),
    ],
)
def test_stance_cues(text: str, stance: Stance | None) -> None:
    cue = main_stance(find_stance(text))
    assert (cue.stance if cue else None) is stance


def test_stance_denial_wins_over_acknowledgement() -> None:
    cue = main_stance(find_stance("The command did not acknowledge the deaths and denied responsibility."))
    assert cue is not None and cue.stance is Stance.DENIES


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # an admission told as coming after the denial is where the speaker stands now
        ("NATO initially denied and later acknowledged responsibility for the strike.", Stance.ACKNOWLEDGES),
        ("The ministry denied the strike at first, but subsequently admitted that it had killed 12 civilians.",
         Stance.ACKNOWLEDGES),
        # ... not an admission of the strike beside a denial of the harm
        ("The coalition acknowledged the strike in Mosul but denied that any civilians were killed.",
         Stance.DISPUTES),
    ],
)
def test_stance_a_later_admission_after_a_denial(text: str, stance: Stance) -> None:
    cue = main_stance(find_stance(text), text)
    assert cue is not None and cue.stance is stance, cue


def test_a_later_admission_is_its_subjects_not_the_adverbs() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "The coalition first denied the strike, but later admitted that it had killed 12 civilians in Mosul."
    (claim,) = run(Document(id="s", text=text, published=date(2017, 5, 1)), config=ExtractConfig(gazetteer=None))
    assert claim.stance is Stance.ACKNOWLEDGES and claim.claimant == "coalition", claim.claimant


@pytest.mark.parametrize(
    "text",
    [
        "killed 484 civilians in Syria and Iraq since 2014",
        "3,100 killed from August 2014 to March 2017",
        "over 400,000 people have been killed in the conflict",
        "in total 352 people lost their lives",
        "drones targeted positions in the countryside four times, killing three fighters",
        "at least 400 civilians have died in the month-long offensive",
    ],
)
def test_stance_aggregate_cues(text: str) -> None:
    assert aggregate_cues(text)


@pytest.mark.issue(4)
def test_stance_a_source_that_dismisses_reports_is_the_claimant_of_the_denial() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "Activists said Russian jets killed 12 people in Ariha. The Russian Defence Ministry dismissed the reports."
    got = [(c.claimant, c.stance) for c in run(Document(id="s", text=text), config=ExtractConfig())]
    assert ("Russian Defence Ministry", Stance.DENIES) in got, got
@pytest.mark.parametrize(
    "text",
    [
        "The bombing, the worst in the capital this year, killed 30 people.",
        "It was the first suicide bombing in the valley since 2012, and it killed eleven people.",
        "Thirty people died in renewed fighting over a ceasefire signed last month.",
        "The bodies of three engineers kidnapped earlier this year were found on Monday.",
        "A blast at the weekly livestock fair killed four herders.",
        "Rebels killed 40 villagers in the conflict-ravaged north on Saturday.",
    ],
)
def test_stance_period_words_that_date_something_else_mark_no_tally(text: str) -> None:
    assert aggregate_cues(text) == []


def test_a_denial_of_a_strike_stands_beside_the_strike_it_denies() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("Russian forces struck a theatre in Mariupol where hundreds of civilians were sheltering, Ukrainian "
            "officials said on Wednesday. Russia's defence ministry denied bombing the building in Mariupol.")
    claims = run(Document(id="s1", text=text), config=ExtractConfig(gazetteer=None))
    got = sorted((c.claimant, c.stance.value) for c in claims)
    assert got == [("Russia's defence ministry", "denies"), ("Ukrainian officials", "alleges")], got


def _denials(text: str, config: object, doc_id: str) -> tuple[list[Any], list[Any]]:
    """The claims of one text and those among them that deny."""
    from civcas.extract import run
    from civcas.records import Document

    claims = run(Document(id=doc_id, text=text), config=config)  # type: ignore[arg-type]
    return claims, [c for c in claims if c.stance.value == "denies"]


def test_a_states_denial_blaming_the_other_side_stays_with_the_strike(village_config: object) -> None:
    text = ("A Russian missile hit a children's hospital in Kyiv, killing two adults, Ukrainian officials said. "
            "Russia denied targeting the hospital, blaming a Ukrainian air defence missile.")
    claims, denial = _denials(text, village_config, "s2")
    assert len(denial) == 1, claims
    # "Russia" speaks: no place of the strike; the denier's forces are the claim's, not the ones it blames
    assert denial[0].place is not None and denial[0].place.name == "Kyiv", denial[0].place
    assert list(denial[0].belligerents) == ["Russia"], denial[0].belligerents
    assert len({c.place.name for c in claims if c.place is not None}) == 1


def test_the_name_before_who_takes_the_stance(village_config: object) -> None:
    text = ("An airstrike on a migrant detention centre in Tajoura, east of Tripoli, killed at least 53 people. "
            "The GNA blamed forces loyal to Khalifa Haftar, who denied responsibility.")
    claims, denial = _denials(text, village_config, "s3")
    assert [c.claimant for c in denial] == ["Khalifa Haftar"], claims
    # a person after "loyal to" is no place
    assert all(c.place is not None and c.place.country == "LY" and c.place.name != "Khalifa Haftar" for c in claims)


def test_a_belligerents_own_assessment_acknowledges_and_a_monitors_does_not() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    def one(text: str):  # type: ignore[no-untyped-def]
        return run(Document(id="k1", text=text, published=date(2019, 1, 10)), config=ExtractConfig(gazetteer=None))[0]

    c = one("The Coalition assessed that a strike near Hajin on Dec. 29 killed three civilians and injured two.")
    assert (c.stance.value, list(c.belligerents)) == ("acknowledges", ["coalition"]), c
    c = one("Airwars assessed that a strike near Hajin on Dec. 29 killed three civilians.")
    assert c.stance.value == "alleges", c


def test_a_denial_without_that_and_a_source_without_evidence() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    def stances(text: str) -> list[tuple[str | None, str]]:
        claims = run(Document(id="k2", text=text, published=date(2022, 1, 22)), config=ExtractConfig(gazetteer=None))
        return sorted((c.claimant, c.stance.value) for c in claims)

    got = stances("At least 60 people were killed when an airstrike hit a prison in Saada on Friday, medics said. "
                  "The coalition denied it had targeted the facility.")
    assert got == [("coalition", "denies"), ("medics", "alleges")], got
    # the harm a second source tells after the dispute keeps its own source
    got = stances("The US military said it had no evidence that civilians were killed in the strike near Baghuz "
                  "on Monday, which local activists said killed 15 people.")
    assert got == [("US military", "disputes"), ("local activists", "alleges")], got


def test_two_states_that_deny_are_both_forces_and_no_place(village_config: object) -> None:
    text = ("Fourteen aid workers and civilians died after an air strike hit an aid convoy near Aleppo on Monday, the "
            "UN said. Russia and Syria denied involvement.")
    claims, denial = _denials(text, village_config, "s4")
    assert [sorted(c.belligerents) for c in denial] == [["Russia", "Syria"]], claims
    assert all(c.place is not None and c.place.country == "SY" for c in claims), claims


@pytest.mark.parametrize(
    "text",
    [
        "CENTCOM forces conducted a strike near Sarmada on May 3. There are no indications of civilian casualties.",
        "The strike near Sarmada did not result in any civilian casualties, CENTCOM said.",
        "No civilians were harmed in the strike near Sarmada, the coalition said.",
        "AFRICOM said it had no reports of civilian casualties from the strike near Jilib.",
        "The coalition said it was not aware of any civilian casualties from the strike near Sarmada.",
        "CENTCOM said its strike near Sarmada was proportionate, and denied that any civilians had died.",
        "The Iraqi Joint Operations Command denied that civilians were hit in the strike on Hawija.",
        "A coalition spokesman insisted that only ISIS fighters were killed in the strike near Sarmada.",
        "The Turkish military said its jets near Afrin targeted only terrorist positions.",
        "The ministry said all of those killed in the strike on Jilib were al-Shabaab militants.",
    ],
)
def test_a_belligerents_word_that_no_civilian_was_harmed_disputes(text: str) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="s5", text=text), config=ExtractConfig(gazetteer=None))
    assert [c.stance.value for c in claims] == ["disputes"], claims


def test_a_denial_that_its_forces_were_responsible(village_config: object) -> None:
    text = ("Ten people were killed when a strike hit a playground in Gaza City, medical officials said. Israel denied "
            "its forces were responsible.")
    claims, denial = _denials(text, village_config, "s6")
    assert [(c.claimant, list(c.belligerents)) for c in denial] == [("Israel", ["Israel"])], claims


def test_a_belligerents_own_assessment_that_its_strikes_likely_killed_civilians_acknowledges() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("The coalition has concluded that it was more likely than not that its strikes killed 77 civilians "
            "in Raqqa, its latest report said.")
    claims = run(Document(id="s7", text=text), config=ExtractConfig(gazetteer=None))
    assert [(c.stance.value, list(c.belligerents)) for c in claims] == [("acknowledges", ["coalition"])], claims


def test_a_force_that_says_its_strike_killed_fighters_concedes_no_civilian_harm() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document, VictimStatus

    said = run(Document(id="s8", text="The coalition said its strike killed 30 ISIS fighters near Tabqa on Tuesday."),
               config=ExtractConfig(gazetteer=None))
    assert [(c.stance.value, c.claimant, c.victim_status) for c in said] == [
        ("alleges", "coalition", VictimStatus.COMBATANT)], said


def test_a_dispute_keeps_the_disputing_forces_own_count_of_fighters() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document, VictimStatus

    text = ("Local sources said 11 civilians died when coalition aircraft struck a school near Tabqa on Tuesday. "
            "The coalition said its strike killed 30 ISIS fighters and that it had no reports of civilian casualties.")
    claims = run(Document(id="s9", text=text), config=ExtractConfig(gazetteer=None))
    got = [(c.stance.value, c.claimant, c.killed.value if c.killed else None, c.victim_status) for c in claims]
    assert got == [("alleges", "Local sources", 11, VictimStatus.CIVILIAN),
                   ("disputes", "coalition", 30, VictimStatus.COMBATANT)], claims


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Amnesty International documented four strikes on Raqqa in which 41 civilians were killed between June and "
         "October 2017.", "aggregate"),
        ("Jets carried out four strikes on Raqqa on Tuesday, killing 12 civilians.", "incident"),
    ],
)
def test_strikes_counted_in_one_town_over_months_are_a_tally(text: str, kind: str, village_config: Any) -> None:
    from datetime import date

    from civcas.extract import run
    from civcas.records import Document

    # with the gazetteer: Raqqa is a town the gazetteer knows, so only the span tells a tally from one strike's toll
    claims = run(Document(id="s10", text=text, published=date(2020, 4, 15)), config=village_config)
    assert [c.kind.value for c in claims] == [kind], claims


def test_a_denial_with_no_speech_verb_before_it_is_its_subjects_and_the_figures_stay_with_their_source() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("Pentagon officials denied that its aircraft had struck the village of Tokhar near Manbij, where rights "
            "groups said as many as 56 civilians died on July 19.")
    claims = run(Document(id="s10", text=text, published=date(2016, 8, 1)), config=ExtractConfig(gazetteer=None))
    got = [(c.stance.value, c.claimant, c.killed.value if c.killed else None) for c in claims]
    assert got == [("alleges", "rights groups", 56), ("denies", "Pentagon officials", None)], claims
    assert all(c.date is not None and c.date.start == date(2016, 7, 19) for c in claims), claims


def test_a_states_denial_without_a_speech_verb_is_the_states_and_names_no_place() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import ClaimantKind, Document

    text = ("Local officials said 30 people were killed when a strike hit a hospital in Khan Younis. Israel said the "
            "explosion was caused by a misfired rocket launched by Islamic Jihad. Moscow called the reports fake and "
            "said the building had been empty.")
    claims = run(Document(id="s11", text=text), config=ExtractConfig(gazetteer=None))
    denials = [(c.claimant, c.claimant_kind) for c in claims if c.stance is Stance.DENIES]
    assert denials == [("Israel", ClaimantKind.GOVERNMENT), ("Moscow", ClaimantKind.GOVERNMENT)], claims
    assert all(c.place is None or "Jihad" not in (c.place.mention or "") for c in claims), claims


def test_a_denial_keeps_the_source_a_harm_is_told_according_to_after_it() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("The coalition denied responsibility for the strike on the village of Jurdi, which killed 15 civilians "
            "according to activists.")
    claims = run(Document(id="s12", text=text), config=ExtractConfig(gazetteer=None))
    got = [(c.stance.value, c.claimant, c.killed.value if c.killed else None) for c in claims]
    assert got == [("alleges", "activists", 15), ("denies", "coalition", None)], claims


def test_a_denial_that_a_force_named_by_its_nationality_struck_is_a_denial() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import Document, Stance

    text = ("The ministry denied that Russian aircraft had carried out any strikes in the area, calling the reports "
            "fabricated.")
    claims = run(Document(id="d1", text=text, published=date(2019, 8, 1)), config=ExtractConfig(gazetteer=None))
    assert [c.stance for c in claims] == [Stance.DENIES]


def test_a_denial_told_after_another_sources_report_is_the_deniers_and_the_figures_stay_with_the_report() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("State media reported that four civilians were killed in a drone strike on the village of Kafr Halab, "
            "while the Turkish defence ministry denied targeting civilians.")
    claims = run(Document(id="s13", text=text), config=ExtractConfig(gazetteer=None))
    got = [(c.stance.value, c.claimant, c.killed.value if c.killed else None) for c in claims]
    assert got == [("alleges", "State media", 4), ("denies", "Turkish defence ministry", None)], claims


@pytest.mark.parametrize(
    ("text", "stances"),
    [
        # an admission of nothing violent is no stance on a strike
        ("The former president admitted on several occasions that American forces were in Syria for its oil.", []),
        ("The coalition on Saturday admitted responsibility, describing it as a technical mistake.", ["acknowledges"]),
        ("The Pentagon acknowledged civilian casualties in the raid on the village.", ["acknowledges"]),
    ],
)
def test_an_admission_stands_when_it_tells_of_harm_or_a_strike(text: str, stances: list[str]) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = run(Document(id="s14", text=text), config=ExtractConfig(gazetteer=None))
    assert [c.stance.value for c in claims] == stances, claims


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("NATO said it had hit a legitimate military target, a command and control node.", Stance.DISPUTES),
        ('The coalition said the strike was a "legitimate military action".', Stance.DISPUTES),
        # a monitor's charge that a place was no lawful target denies no strike
        ("MSF said the hospital was not a legitimate target.", None),
    ],
)
def test_a_lawful_target_claimed_disputes_the_harm(text: str, stance: Stance | None) -> None:
    cue = main_stance(find_stance(text), text)
    assert (cue.stance if cue else None) is stance


def test_stance_dismissing_reports_is_a_denial() -> None:
    text = "Russia said its jets had only hit terrorist targets, dismissing reports that 12 civilians had died."
    assert Stance.DENIES in {s.stance for s in find_stance(text)}


def test_a_forces_review_found_more_likely_than_not_is_its_admission() -> None:
    # "its review found ...": the review is the coalition's, and "more likely than not" its standard of proof
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    (c,) = run(Document(id="k1", text="The coalition said in a statement that its review found it was \"more likely "
                        "than not\" that a strike near the town on 12 May killed two civilians.",
                        published=date(2019, 6, 1)), config=ExtractConfig(gazetteer=None))
    assert (c.claimant, c.stance.value, list(c.belligerents)) == ("coalition", "acknowledges", ["coalition"]), c
    (c,) = run(Document(id="k2", text="The coalition said its investigation found that a strike near the town on "
                        "12 May killed two civilians.", published=date(2019, 6, 1)),
               config=ExtractConfig(gazetteer=None))
    assert c.claimant == "coalition", c


def test_a_claim_denied_by_a_named_source_is_that_sources_denial() -> None:
    # "..., her relatives said, a claim denied by the U.S. Africa Command": two claims, each its own source's
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    def claims(text: str):  # type: ignore[no-untyped-def]
        return run(Document(id="k1", text=text, published=date(2020, 2, 3)), config=ExtractConfig(gazetteer=None))

    got = claims("A U.S. air strike killed a woman in the town on Sunday, her relatives said, a claim denied by the "
                 "U.S. Africa Command.")
    assert sorted((c.claimant, c.stance.value) for c in got) == [("U.S. Africa Command", "denies"),
                                                                 ("her relatives", "alleges")]
    got = claims("Activists said 12 civilians were killed in the strike on the town, figures disputed by the Somali "
                 "government.")
    assert sorted((c.claimant, c.stance.value) for c in got) == [("Activists", "alleges"),
                                                                 ("Somali government", "disputes")]
    # a region disputed by two states is no disputed claim
    got = claims("The chief of the region disputed by Sudan and South Sudan said 12 people were killed in the raid.")
    assert all(c.stance.value == "alleges" for c in got)
