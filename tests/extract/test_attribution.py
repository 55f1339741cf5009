from __future__ import annotations

import pytest

from civcas.extract.attribution import classify, find_claimants
from civcas.records import ClaimantKind


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("According to the Health Ministry, 12 people died.", "Health Ministry", ClaimantKind.GOVERNMENT),
        ("Some local reports have put the death toll at around 200.", "local reports", ClaimantKind.LOCAL),
        ("Rebel activists blamed the coalition jets.", "Rebel activists", ClaimantKind.ACTIVISTS),
        (
            "“We did not strike the area,” army spokesman Colonel John Doe told Reuters.",
            "army spokesman Colonel John Doe",
            ClaimantKind.MILITARY,
        ),
        ("Medical sources said the toll could rise.", "Medical sources", ClaimantKind.MEDICAL),
        (
            "But Airwars, a transparency project that monitors strikes in Iraq, Syria and Libya, estimated more.",
            "Airwars",
            ClaimantKind.MONITOR,
        ),
        (
            "SOHR initial reports have confirmed that eight people were killed.",
            "SOHR initial reports",
            ClaimantKind.MONITOR,
        ),
        (
            # a wire dateline's spaced hyphen ends the phrase before the speaker, as a dash does
            "GAZA - The Palestinian health ministry said 40 people were killed in the strike.",
            "Palestinian health ministry",
            ClaimantKind.GOVERNMENT,
        ),
        (
            # a record the source keeps, named before the source
            "At least 39 civilians were killed, according to a new toll released by the Syrian Observatory.",
            "Syrian Observatory",
            ClaimantKind.MONITOR,
        ),
        (
            # whose outlet it is belongs to the outlet's name, also before a name the claimants file knows whole
            "Two children were killed by Turkish shelling near Tal Tamr, the SDF-affiliated Hawar News Agency said.",
            "SDF-affiliated Hawar News Agency",
            ClaimantKind.MEDIA,
        ),
        # a body the lexicon knows whole, with what it is; a monitor's assessment
        ("According to the Raqqa Is Being Slaughtered Silently campaign, 12 civilians were killed.",
         "Raqqa Is Being Slaughtered Silently campaign", ClaimantKind.MONITOR),
        ("Airwars assesses that between 11 and 16 civilians were likely killed.", "Airwars", ClaimantKind.MONITOR),
        # "this report" is a noun, no verb whose subject is "Coalition assessed"
        ("The Coalition assessed this report as credible and that two civilians were killed.", "Coalition",
         ClaimantKind.BELLIGERENT),
        # adverbs of time between the subject and its verb are no part of its name
        ("The coalition has so far admitted to 1,417 civilian deaths.", "coalition", ClaimantKind.BELLIGERENT),
        ("The coalition itself has now acknowledged that 624 civilians died.", "coalition", ClaimantKind.BELLIGERENT),
    ],
)
def test_attribution_finds_the_claimant(text: str, name: str, kind: ClaimantKind) -> None:
    found = [c for c in find_claimants(text) if not c.relay]
    assert found[0].name == name
    assert found[0].kind is kind
    assert text[found[0].start : found[0].end] == name


def test_attribution_marks_anaphors_and_relays() -> None:
    (c,) = find_claimants("The fatalities came a day after a strike killed 20 civilians, it said.")
    assert c.anaphor
    found = find_claimants("The ministry denounced the strikes in two letters, the official SANA news agency reported.")
    assert [x.relay for x in found] == [False, True]


def test_attribution_passives_are_not_sources() -> None:
    assert find_claimants("No casualties were reported in the village.") == []


def test_attribution_classify_prefers_named_bodies() -> None:
    assert classify("SOHR sources") is ClaimantKind.MONITOR
    assert classify("Syrian Foreign Ministry") is ClaimantKind.GOVERNMENT


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("rights groups", ClaimantKind.MONITOR),
        ("human rights organisations", ClaimantKind.MONITOR),
        ("NATO", ClaimantKind.BELLIGERENT),
        ("Ankara", ClaimantKind.GOVERNMENT),
        ("the Kremlin", ClaimantKind.GOVERNMENT),
        ("a Washington-based think tank", ClaimantKind.OTHER),
        ("SOHR activists", ClaimantKind.MONITOR),
        ("opposition activists", ClaimantKind.ACTIVISTS),
    ],
)
def test_attribution_classify_plural_monitors_an_alliance_and_capitals(name: str, kind: ClaimantKind) -> None:
    assert classify(name) is kind


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # the second speech verb's subject is "it" (the first source), not "X said it"
        ("In its monthly report, CJTF-OIR said it had assessed that 1,302 civilians had been killed.", "CJTF-OIR"),
        # a bracketed acronym and a day between the source and its verb
        ("The Kurdish Women's Protection Units (YPJ) on Thursday announced that three fighters were killed.",
         "Kurdish Women's Protection Units"),
        ("Syrian Civil Defence (White Helmets) said its teams recovered the bodies of five civilians.",
         "Syrian Civil Defence"),
        # whom one tells is no speaker; roles and appositives in a row stand between the speaker and the verb
        ("Fadel Abdul-Ghany, chairman and founder of the Syrian Network for Human Rights (SNHR), told MEE that "
         "12 civilians died.", "Fadel Abdul-Ghany"),
        ("Musa El Bashir, the undersecretary of the council, told Radio Dabanga that 20 were killed.",
         "Musa El Bashir"),
        ("An eyewitness, one Malam Modu, a resident of Gajiram town, told our correspondent that 15 people were "
         "killed.", "eyewitness"),
        # a role and then a name in apposition: one source, whose role says whose side it speaks for
        ("A coalition spokesman, Colonel Turki al-Hamdan, said the reports of 60 dead were baseless.",
         "coalition spokesman, Colonel Turki al-Hamdan"),
        ("Shelling went on all night, a local official, Musa Adamu, said.", "local official, Musa Adamu"),
        # a role of something ("for Yemen") before the name
        ("A strike killed 14 civilians in a market, the UN humanitarian coordinator for Somalia, Adam Kenner, said.",
         "UN humanitarian coordinator for Somalia, Adam Kenner"),
        ("The country's top religious authority, Dar al-Ifta, said on Monday that one of its scholars was killed.",
         "country's top religious authority, Dar al-Ifta"),
        # an initialism's full stops end no clause
        ("The U.N. said at least 12 civilians, including seven children, were killed in the strikes.", "U.N."),
        ("A senior U.S. official said four civilians died in the raid.", "senior U.S. official"),
        # a clause after the verb has its own subject, no speaker inverted after a comma
        ("Capt. Bill Urban, a CENTCOM spokesman, said the command assessed that one civilian was killed.",
         "Bill Urban"),
        # an opener inside an opener's object: the inner one names the source
        ("A drone killed three fighters, according to a statement by the SDF media center.", "SDF media center"),
    ],
)
def test_speakers_past_second_verbs_acronyms_and_appositives(sentence: str, name: str) -> None:
    got = [c.name for c in find_claimants(sentence) if not c.anaphor]
    assert got and got[-1] == name, got


def test_a_capitalised_speech_verb_inside_a_name_is_no_attribution() -> None:
    from civcas.extract.attribution import find_claimants

    text = "The United States carried out airstrikes near Jilib, killing three civilians, residents said."
    got = find_claimants(text)
    assert [c.name for c in got] == ["residents"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Al-Shabaab gunmen executed six men accused of spying for the government in Bulo Burte.",
        "The bodies of 14 men were found dumped in a field outside the town.",
        # a passive participle: the noun before "disputed by" is no speaker
        "The paramount chief of the oil-rich area disputed by Sudan and South Sudan was shot dead on Friday.",
    ],
)
def test_a_speech_verbs_participle_after_its_noun_names_no_source(sentence: str) -> None:
    assert find_claimants(sentence) == []


def test_a_known_organisations_whole_name_is_the_subject_of_its_verb() -> None:
    # its own words ("is Being") would end an ordinary subject; the name the organisations list gives is whole
    got = find_claimants("Raqqa is Being Slaughtered Silently reported that coalition aircraft targeted the town.")
    assert [(c.name, str(c.kind)) for c in got] == [("Raqqa is Being Slaughtered Silently", "monitor")]


@pytest.mark.parametrize(
    "sentence",
    [
        # what kind of body it is, or who speaks for it, before the whole name: still the verb's subject
        "At least 35 civilians were killed overnight, the monitoring group Raqqa is Being Slaughtered Silently said.",
        "At least 35 civilians were killed, activists from the monitoring group Raqqa is Being Slaughtered Silently "
        "said.",
    ],
)
def test_a_known_organisations_name_after_a_body_word_is_the_subject(sentence: str) -> None:
    got = find_claimants(sentence)
    assert [(c.name, str(c.kind)) for c in got] == [("Raqqa is Being Slaughtered Silently", "monitor")]


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        ("SOHR: 14 civilians were killed in Russian airstrikes on Hamouria.", [("SOHR", "monitor")]),
        ("Local sources: a drone strike killed two men in Sarmada.", [("Local sources", "local")]),
        # a place, a country or a word of a page before the colon is a heading, not a source
        ("Hamouria: 14 civilians were killed in Russian airstrikes.", []),
        ("Syria: 14 civilians were killed in Russian airstrikes on Hamouria.", []),
        ("BREAKING: 14 civilians were killed in an airstrike on Hamouria.", []),
    ],
)
def test_a_headlines_source_before_a_colon(sent: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.name, str(c.kind)) for c in find_claimants(sent)] == expected


def test_a_known_organisations_whole_name_after_according_to_is_the_source() -> None:
    # its own words ("is Being Slaughtered") would fail a plain noun phrase
    got = find_claimants("Between 12 and 15 civilians were killed when coalition planes struck a mosque overnight, "
                         "according to Raqqa is Being Slaughtered Silently.")
    assert [c.name for c in got] == ["Raqqa is Being Slaughtered Silently"]


def test_a_known_organisations_name_with_its_kind_of_body_is_the_subject_and_holds_no_place() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "The Raqqa Is Being Slaughtered Silently group put the toll at 40, among them women and children."
    got = find_claimants(text)
    assert [(c.name, str(c.kind)) for c in got] == [("Raqqa Is Being Slaughtered Silently group", "monitor")]
    (claim,) = run(Document(id="r1", text=text, published=date(2017, 3, 22)), config=ExtractConfig())
    assert claim.killed.value == 40 and claim.claimant == "Raqqa Is Being Slaughtered Silently group"
    assert claim.place is None  # the town in the group's name is no place of the strike


def test_a_force_investigating_reports_is_not_their_source() -> None:
    from datetime import date

    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("The US military said it was investigating reports that a coalition strike in the al-Jadida district of "
            "Mosul on March 17 killed more than 100 civilians.")
    (claim,) = run(Document(id="i1", text=text, published=date(2017, 3, 25)), config=ExtractConfig(gazetteer=None))
    assert claim.killed.value == 100 and claim.claimant == "unattributed", claim.claimant
    # whose reports they are, named after the toll, is the source
    text = ("The coalition said it was investigating reports that its aircraft struck a school in al-Mansoura, "
            "killing at least 33 people, according to activists.")
    (claim,) = run(Document(id="i2", text=text, published=date(2017, 3, 25)), config=ExtractConfig(gazetteer=None))
    assert claim.killed.value == 33 and claim.claimant == "activists", claim.claimant


def test_attribution_a_post_names_its_source_after_a_closing_dash() -> None:
    # a post's count, then its source after a dash; a photo caption's credit counts no one and is no source
    found = find_claimants("Death toll from regime barrel bombs on Aleppo rises to 14, incl. 5 children - SOHR")
    assert [(c.name, c.kind) for c in found] == [("SOHR", ClaimantKind.MONITOR)]
    assert not find_claimants("The town of Tel Tamr is being bombed - SOHR")
    # a generic source in lower case too, but not a clause after a dash
    found = find_claimants("Russian jets kill 9 civilians in Saraqib - local sources")
    assert [(c.name, c.kind) for c in found] == [("local sources", ClaimantKind.LOCAL)]
    assert not find_claimants("Russian jets struck Saraqib, killing 9 - the town was empty")


def test_attribution_a_noun_after_this_is_no_speech_verb() -> None:
    found = find_claimants("The Coalition assessed this report as credible and that two civilians were killed.")
    assert [c.name for c in found] == ["Coalition"]


def test_attribution_a_participle_before_reports_is_no_source() -> None:
    # "..., dismissing reports that 12 civilians had died": "reports" is the noun, "dismissing" no source
    text = "Russia said its jets had only hit terrorist targets, dismissing reports that 12 civilians had died."
    assert [c.name for c in find_claimants(text)] == ["Russia"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "sources in" a body names that body; "sources in" a place says where they are
        ("The toll rose to 12, sources in the health ministry said.", "health ministry"),
        ("The attack left one dead and four injured, according to local sources in Manbij.", "local sources"),
        ("Two were killed, according to local sources in the town of Sarmin.", "local sources"),
    ],
)
def test_sources_in_a_body_or_in_a_place(text: str, name: str) -> None:
    names = [c.name for c in find_claimants(text)]
    assert names and names[0].endswith(name), names


def test_a_verb_of_speech_before_into_is_a_motion() -> None:
    # "a mortar round slammed into their house": no source speaks; "slammed the strike" still does
    assert find_claimants("Four people were killed when a mortar round slammed into their house in the town.") == []
    (c,) = find_claimants("The foreign ministry slammed the strike as a war crime.")
    assert c.name == "foreign ministry"
