"""Harm figures on sentences written for civcas in the style of real reporting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civcas.extract.figures import find_harms
from civcas.records import Qualifier


def _main(text: str) -> list[tuple[str, int | None, str | None]]:
    out = []
    for h in find_harms(text):
        if h.negated:
            continue
        q = h.groups[0].qualifier.value if h.groups else None
        out.append((h.category, h.value, q))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian jets struck the market, killing 14 civilians.", [("killed", 14, "exact")]),
        ("At least 32 people were killed in the raid on Saraqib.", [("killed", 32, "at_least")]),
        (
            "The strike killed nine and wounded more than 20 others.",
            [("killed", 9, "exact"), ("injured", 20, "more_than")],
        ),
        ("Some 60 civilians perished under the rubble.", [("killed", 60, "approx")]),
        ("The death toll rose to 31 on Monday, medics said.", [("killed", 31, "exact")]),
        # a headline's bare toll
        ("Ariha massacre: toll climbs to 14, including 4 children", [("killed", 14, "exact")]),
        ("The war took a heavy toll on 5 villages in the district.", []),
        # a count in apposition to a vague one says how many
        ("Dozens of people, at least 37 according to hospital sources, were killed.", [("killed", 37, "at_least")]),
        # a possessive between the verb and its count
        ("An airstrike killed one civilian and injured his two sons.",
         [("killed", 1, "exact"), ("injured", 2, "exact")]),
        # a toll revised since
        ("The death toll was later raised to 10.", [("killed", 10, "exact")]),
        ("The death toll later rose to 10, police said.", [("killed", 10, "exact")]),
        ("The toll has since climbed to 12.", [("killed", 12, "exact")]),
        ("The death toll from the raid on the market later rose to 23.", [("killed", 23, "exact")]),
        ("The bombing left 17 people dead.", [("killed", 17, "exact")]),
        ("A mother and her four children were the victims of the shelling.", [("killed_or_injured", 5, "exact")]),
        ("The shelling caused the deaths and injuries of 9 civilians.", [("killed_or_injured", 9, "exact")]),
        (
            "The shelling left six people, including a woman and two children dead, and 40 others injured.",
            [("killed", 6, "exact"), ("injured", 40, "exact")],
        ),
        ("Between 20 and 30 villagers were killed.", [("killed", 20, "range")]),
        ("At least 15 people were killed and injured in the shelling.", [("killed_or_injured", 15, "at_least")]),
        (
            "The raid caused the death of 6 citizens and the injury of 10 others.",
            [("killed", 6, "exact"), ("injured", 10, "exact")],
        ),
        ("Shelling on the town injured tens of residents.", [("injured", None, "vague")]),
        ("A drone struck a car near the village, injuring a child.", [("injured", 1, "exact")]),
        ("A local council member was killed on Sunday.", [("killed", 1, "exact")]),
        ("Gunmen killed religious teacher Ahmad Karim Hasan in the town.", [("killed", 1, None)]),
        ("Six people, two aid workers and four farmers, were confirmed killed.", [("killed", 6, "exact")]),
        ("Nine civilians including four children have been killed in the raid.", [("killed", 9, "exact")]),
        ("Fighters took two shepherds from the field and killed them.", [("killed", 2, "exact")]),
        ("The attack killed five civilians and a soldier, officials said.", [("killed", 6, "exact")]),
        ("No casualties were reported after the strike.", []),
        (
            "On March 3, 2022, three farmers, a father from Tal Hamid village and his two sons working nearby, "
            "were killed by a landmine.",
            [("killed", 3, "exact")],
        ),
        ("Mr. Ahmad Karim Hasan, from Idlib governorate, died in the shelling of his village.", [("killed", 1, None)]),
        ("Local sources said three people killed due to the attack.", [("killed", 3, "exact")]),
        (
            "Seven farmers fleeing their village after the raid have been killed by the militants, elders said.",
            [("killed", 7, "exact")],
        ),
        ("Four guards who were abducted on the road last week have been killed.", [("killed", 4, "exact")]),
        (
            "Twelve people, including a teacher and two infants, were killed by the gunmen in the market.",
            [("killed", 12, "exact")],
        ),
        ("Nine herders were on Tuesday beheaded near the river.", [("killed", 9, "exact")]),
        ("At least six people including two children were killed in the blast.", [("killed", 6, "at_least")]),
        ("Four boys who were swimming in the canal were killed by the shelling.", [("killed", 4, "exact")]),
        ("The mortar attack on the camp left eleven labourers dead.", [("killed", 11, "exact")]),
        ("A farmer, Hassan al-Omar, 47, was shot dead by border guards near his land.", [("killed", 1, "exact")]),
        ("Hassan al-Omar, 47, was shot dead by border guards near his land.", [("killed", 1, None)]),
        ("The death toll from Friday's shelling of the market has risen to 23.", [("killed", 23, "exact")]),
        ("The number of martyrs in the Turkish attack on the countryside has risen to 11.", [("killed", 11, "exact")]),
        # the toll without "death": its count follows the phrase all the same
        ("The toll from the coalition strike on the district now stands at 105, officials said.",
         [("killed", 105, "exact")]),
        ("The number of people killed in the raid on the village rose to 14.", [("killed", 14, "exact")]),
        # editors' brackets are glue, like parentheses
        (
            "Not less than 25 farmers [the governor gave 19], including a village head, were reportedly killed.",
            [("killed", 25, "at_least")],
        ),
        (
            "Five supporters of [ruling party] lawmaker Bello were killed on the way to a rally.",
            [("killed", 5, "exact")],
        ),
        (
            "Eight miners seized by the rebels in March [2015] near the pit have been killed, the army said.",
            [("killed", 8, "exact")],
        ),
        # "as many as" is one hedge, not the vague word "many"
        (
            "As many as 15 herders died and dozens more were hurt in the fighting.",
            [("killed", 15, "up_to"), ("injured", None, "vague")],
        ),
        # the head of a subject, not the noun inside its phrase
        ("Two nephews of a district judge were shot dead outside their home.", [("killed", 2, "exact")]),
        ("Four youths from two feuding clans died when the argument turned into a gunfight.", [("killed", 4, "exact")]),
        # counts with nouns the lexicon does not list
        ("The shelling of the ferry killed eleven Congolese.", [("killed", 11, "exact")]),
        ("The police operation left 21 suspected kidnappers dead.", [("killed", 21, "exact")]),
        (
            "Three district water engineers repairing a pump near the camp have been killed.",
            [("killed", 3, "exact")],
        ),
        ("The shelling killed six members of one family.", [("killed", 6, "exact")]),
        # verbs and nouns of killing
        ("Raiders slit the throats of nine shepherds and stole their flock.", [("killed", 9, "exact")]),
        ("The militants hanged five men accused of spying.", [("killed", 5, "exact")]),
        ("The report documents at least 30 extrajudicial executions by the militia.", [("killed", 30, "at_least")]),
        # subjects set off by dashes, appositions and quotes
        (
            'Police said three aid workers from a charity clinic were "executed" outside the town on Monday.',
            [("killed", 3, "exact")],
        ),
        (
            "Police said four brothers -- the sons of a retired teacher -- were found dead in an orchard.",
            [("killed", 4, "exact")],
        ),
        (
            "Three shepherds, two brothers and their cousin, were late on Tuesday killed by a mine.",
            [("killed", 3, "exact")],
        ),
        # an auxiliary inside the cue makes it passive: the count before it, not the one after
        (
            "At least 12 pupils have been killed, several hurt, in the collapse.",
            [("killed", 12, "at_least"), ("injured", None, "vague")],
        ),
        ("Three more farmers were wounded in the attack.", [("injured", 3, "exact")]),
        ("Elders said 14 Zaghawa were killed in the raid on the wells.", [("killed", 14, "exact")]),
        # "9 of them civilians" is a part of the figure before it, not more dead
        ("Twenty-two people, seven of them children, died in the fire at the camp.", [("killed", 22, "exact")]),
        # "and <nouns>" and a participle between the subject and its verb
        (
            "Some 30 drivers and traders using the northern road were reportedly killed in the ambush.",
            [("killed", 30, "approx")],
        ),
        # a preposition is no modifier of the noun after a count
        (
            "The death toll from the riots has reached nine after another man died in hospital.",
            [("killed", 9, "exact"), ("killed", 1, "exact")],
        ),
        # a later count in brackets updates the figure
        ("The blast at the bus station killed 12 [later 17] passengers, officials said.", [("killed", 17, "exact")]),
        ("The attack killed 40 (later revised to 52) worshippers.", [("killed", 52, "exact")]),
        # kin named in the plural count like any people ("and three of her grandchildren")
        ("The strike killed a woman and three of her grandchildren.", [("killed", 4, "exact")]),
        ("A family of seven was wiped out in the airstrike.", [("killed", 7, "exact")]),
        # a name heads a list past its age in apposition, as object or as subject
        ("The strike killed Mohammed Khalil, 34, and his two sons.", [("killed", 3, "exact")]),
        ("The strike killed Mohammed Khalil (34) and his two sons.", [("killed", 3, "exact")]),
        ("Riyad al-Kanou, 52, and his wife were shot dead.", [("killed", 2, "exact")]),
        ("The strike killed a man, 34, and his two sons.", [("killed", 3, "exact")]),
        ("The blast killed the driver, 45, and two passengers.", [("killed", 3, "exact")]),
        # a name after "named" or "called" is the first conjunct's
        ("The strike killed a woman named Fatima al-Ali and her four children.", [("killed", 5, "exact")]),
        ("The strike killed a man called Abu Ahmad and his wife.", [("killed", 2, "exact")]),
        ("Witnesses said Ahmad Hamdan and his two sons were killed.", [("killed", 3, "exact")]),
        # ... but not a name the victim is only named after
        ("Gunmen stormed the house of Ahmad Hamdan and his two sons were killed.", [("killed", 2, "exact")]),
        ("The airstrike wiped out a family of seven.", [("killed", 7, "exact")]),
        ("The raid killed a farmer, his wife and two of their nephews.", [("killed", 4, "exact")]),
    ],
)
def test_figures_join_cues_and_counts(text: str, expected: list[tuple[str, int | None, str | None]]) -> None:
    assert _main(text) == expected


def test_figures_categories_after_including_are_victims_not_figures() -> None:
    (h,) = find_harms("The airstrike claimed the lives of at least 30 more, including 11 children and six women.")
    assert h.value == 30
    assert {cat: (g.value, g.qualifier) for cat, g in h.victims} == {
        "children": (11, Qualifier.EXACT),
        "women": (6, Qualifier.EXACT),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seven people, including two children, were killed in the strike.", {"children": 2}),
        ("Nine civilians, among them a 6-year-old girl and her mother, were killed overnight.",
         {"children": 1, "women": 1}),
        ("Five people including three children died when the shell hit the house.", {"children": 3}),
        # a headline's or a post's participle, with no auxiliary; "incl." for "including"
        ("At least 8 civilians incl. 3 kids killed as Russian jets pound the town.", {"children": 3}),
        ("Eight civilians including three children killed in Russian strikes on the town.", {"children": 3}),
    ],
)
def test_figures_categories_between_a_passives_count_and_its_verb(text: str, expected: dict[str, int]) -> None:
    (h,) = find_harms(text)
    assert h.value == 8 or ("Eight" not in text and "8" not in text), h
    assert {cat: g.value for cat, g in h.victims} == expected, h.victims


def test_figures_mostly_and_mentioned_categories() -> None:
    (h,) = find_harms("The raid killed 7 civilians, mostly women and children.")
    assert dict((c, g.qualifier) for c, g in h.victims) == {"women": Qualifier.MOSTLY, "children": Qualifier.MOSTLY}


def test_figures_category_only_sentence_keeps_categories() -> None:
    (h,) = find_harms("Among the dead were reportedly at least 11 children and six women.")
    assert h.form == "categories"
    assert [c for c, _ in h.victims] == ["children", "women"]


def test_figures_units_are_not_people() -> None:
    assert _main("The jets fired three missiles at 50 km from the border, killing two.") == [("killed", 2, "exact")]


@given(st.text(max_size=300))
def test_figures_never_raise_and_spans_stay_inside(text: str) -> None:
    for h in find_harms(text):
        assert text[h.cue.start : h.cue.end] == h.cue.text
        for g in h.groups:
            assert text[g.start : g.end] == g.text



@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Activists put the death toll from Tuesday's air raid on the school at 40.", 40),
        ("They put the death toll from the raid on the market at least 12.", 12),
        # toll updates: a cue that ends in its preposition, a present tense, the dead as a relative clause
        ("The death toll of the rocket attack that hit a market in the town has risen to eight.", 8),
        ("Number of civilian deaths rise to three after the shelling of the village.", 3),
        ("The death toll since the start of the offensive on the town has reached 40.", 40),
        ("Accordingly, the number of people who were killed in the drone attack on the market has risen to four.", 4),
    ],
)
def test_figures_a_toll_put_at_a_count_after_a_phrase(text: str, value: int) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    (c,) = run(Document(id="f", text=text), config=ExtractConfig())
    assert c.killed is not None and c.killed.value == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dropped "as" still hedges the count
        ("Bandits killed many as 40 people in the raid on the market.", [("killed", 40, "up_to")]),
        # whoever reported the deaths is not a victim
        (
            "Four farmers were said by relatives and a local journalist to have been shot to death.",
            [("killed", 4, "exact")],
        ),
    ],
)
def test_figures_hedge_typos_and_reporting_agents(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert _main(text) == expected


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a "<verb> to death" phrase of the lexicon with its object inside it
        ("Unknown attackers hacked an elderly imam to death near the mosque on Friday.", 1),
        ("A mob beat three suspected cattle thieves to death in the market.", 3),
        # the closing "death" of the frame is not read again as a count's noun
        ("Militants stabbed two guards to death and set the depot on fire.", 2),
    ],
)
def test_figures_a_killing_verb_with_its_object_before_to_death(text: str, value: int) -> None:
    got = [h for h in find_harms(text) if h.category == "killed"]
    assert len(got) == 1 and (got[0].value == value or (value == 1 and got[0].value in (1, None))), got


def test_figures_the_split_frame_needs_no_clause_inside() -> None:
    # "to death" two clauses later is no frame for "hacked"
    assert not [h for h in find_harms("Rebels hacked into the radio station and were put to death.")
                if h.cue.text == "hacked"]


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an apposition naming a people ("a Muslim" is not a victim of its own) before "said by ... to have"
        (
            "Six herders, all members of the Fulani Muslim community, were said by elders to have been shot to "
            "death near the river.",
            6,
        ),
        # the unclosed apposition after a list of two people
        ("A trader and his nephew, members of the town's market union were shot dead on Sunday.", 2),
        ("A trader and his nephew, members of the market union, were shot dead on Sunday.", 2),
        # a body's name of several capitalised words, and its acronym, between the count and the noun
        ("Four Radio Television Afghanistan (RTA) staff and two policemen were killed in the attack.", 6),
        ("Three State Electricity Distribution Company workers were killed by a roadside bomb.", 3),
    ],
)
def test_figures_subjects_with_appositions(text: str, value: int) -> None:
    got = [h for h in find_harms(text) if h.category == "killed"]
    assert got and got[0].value == value, got


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    "text",
    [
        "[Kano State's] Dala council chairman Musa Bello has died of his wounds in hospital.",
        "Opposition party spokesman Ade Johnson was shot dead outside his house.",
    ],
)
def test_figures_a_role_before_a_name_is_one_victim(text: str) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = [c for c in run(Document(id="f", text=text), config=ExtractConfig()) if c.killed is not None]
    assert claims and claims[0].killed is not None and claims[0].killed.value == 1


def test_figures_a_name_after_a_reporting_verb_is_no_role_subject() -> None:
    (h,) = [h for h in find_harms("Police said John Doe died.") if h.category == "killed"]
    assert h.value is None


def test_a_count_of_vehicles_is_no_victims() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "Gunmen killed at least six people when they shot at two buses traveling on the road near the town."
    claims = run(Document(id="bus", text=text), config=ExtractConfig(gazetteer=None))
    assert [c.killed.value for c in claims if c.killed is not None] == [6], claims


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier"),
    [
        # a hedge written after the count
        ("A suicide bomber killed 40-odd worshippers at a mosque.", 40, "approx"),
        ("The bombing killed 30-plus people at the market.", 30, "more_than"),
        ("The bombing killed 30+ people at the market.", 30, "more_than"),
        # "one person dead": a singular noun after "one" is counted in the "left N dead" frame
        ("The attack left one person dead and another two injured.", 1, "exact"),
    ],
)
def test_post_hedges_and_one_person_left_dead(sentence: str, value: int, qualifier: str) -> None:
    killed = [h for h in find_harms(sentence) if h.category == "killed"]
    assert killed and killed[0].value == value, killed
    assert killed[0].groups[0].qualifier.value == qualifier, killed


def test_a_detention_raid_is_an_incident_without_figures() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = "Coalition forces and the SDF arrested two brothers in the village of Shuhayl on Sunday."
    claims = run(Document(id="en1", text=text), config=ExtractConfig(gazetteer=None))
    assert claims and claims[0].killed is None and claims[0].place is not None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Two members of the SDF were killed in a drone strike near Amuda.", "combatant"),
        ("The attack killed two members of the Asayish.", "combatant"),
        ("Four members of the town's military council were killed.", "combatant"),
        ("Three members of a family were killed in a drone strike near Amuda.", "unspecified"),
        ("Four members of the local council were killed in the strike.", "unspecified"),
        # a rank with an armed body's name before it
        ("A US drone strike killed a senior ISIS leader in Idlib province.", "combatant"),
        ("Two al-Qaeda commanders were killed in the raid.", "combatant"),
        ("A senior army official was killed in the blast.", "unspecified"),
        ("A local council official was killed in the blast.", "unspecified"),
    ],
)
def test_members_of_an_armed_body_are_combatants(text: str, status: str) -> None:
    (h,) = [h for h in find_harms(text) if h.category == "killed"]
    assert h.status == status, h


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Unknown gunmen killed a traditional ruler and his two sons in Ofoke community.", 3),
        ("Gunmen shot dead the village head and his wife on Sunday.", 2),
        ("Bandits killed an emir and two of his guards.", 3),
        # the dead named after a copula
        ("Those killed were three women and two children, the Civil Defence said of the strike.", 5),
        # ... and by their names, one each, with their kin
        ("The dead were Ahmad al-Hasan, his wife Fatima and their son Khaled, the Civil Defence said.", 3),
        # ... each with an age in apposition, in brackets or between commas
        ("The strike killed Ahmad al-Hasan (41), his wife Fatima (36) and their son Khaled (9).", 3),
        ("The strike killed Ahmad al-Hasan, 41, his wife Fatima, 36, and their son Khaled, 9.", 3),
        # ages are no counts: "aged between 2 and 14"
        ("Seven members of one family, among them five children aged between 2 and 14, died in the strike.", 7),
        # a military's own words for its kills
        ("The defence ministry said its jets neutralised 14 terrorists in strikes on the mountains.", 14),
        ("The army said 30 militants were eliminated in the operation.", 30),
        # "its": the vehicle's driver or rider is one person
        ("A drone targeted a motorcycle near the town, killing its rider.", 1),
        ("The strike hit a car on the highway, killing its driver and a passenger.", 2),
    ],
)
def test_a_ruler_or_a_head_counts_one(text: str, killed: int) -> None:
    (h,) = [h for h in find_harms(text) if h.category == "killed"]
    assert h.value == killed, h


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We are aware of reports of a civilian casualty in the strike.", 1),
        ("The raid caused a civilian death in the village.", 1),
        # a hedge, or the noun qualifying another, counts no one
        ("The possibility of a civilian casualty was self-reported to Central Command.", None),
        ("It may have been the largest single civilian casualty incident of the campaign.", None),
    ],
)
def test_a_singular_harm_noun_after_a_counts_one(text: str, value: int | None) -> None:
    got = [h.value for h in find_harms(text) if h.value is not None]
    assert got == ([value] if value is not None else []), find_harms(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the wounded named before a death's verb with no count of its own are the dead
        ("A woman wounded in a Russian airstrike on Ariha last Friday died in hospital on Tuesday.", [("killed", 1)]),
        ("Two children injured in Monday's shelling of Tal Rifaat died of their wounds on Wednesday.",
         [("killed", 2)]),
        ("A man who was wounded in the shelling died on Tuesday.", [("killed", 1)]),
        # someone else died: the wounded stay wounded
        ("Five people wounded in the attack were taken to hospital, where one died.",
         [("injured", 5), ("killed", 1)]),
        ("Three people were wounded in the strike and a child later died in hospital.",
         [("injured", 3), ("killed", 1)]),
        # a part of the wounded died, not all of them
        ("Hospital officials said three people who were among 11 injured in the fighting died in hospital.",
         [("injured", 11)]),
    ],
)
def test_the_wounded_who_then_died_are_the_dead(text: str, expected: list[tuple[str, int]]) -> None:
    got = [(h.category, h.value) for h in find_harms(text) if h.groups]
    assert got == expected, got


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Shelling has killed 34 [or 9] civilians in the past day, local authorities said.", 9, 34),
        ("Gunmen killed eight (Reuters: nine) people at the police station.", 8, 9),
        ("The airstrike killed 12 (some reports say 15) civilians in the village.", 12, 15),
        ("The raid killed 20 (14 according to the army) villagers.", 14, 20),
    ],
)
def test_another_sources_count_in_brackets_makes_a_range(text: str, low: int, high: int) -> None:
    group = next(h for h in find_harms(text) if h.category == "killed").groups[0]
    assert (group.value, group.max, group.qualifier) == (low, high, Qualifier.RANGE)


def test_a_bracket_without_another_count_leaves_the_figure() -> None:
    harms = find_harms("The strike killed 12 (mostly women) civilians.")
    group = next(h for h in harms if h.category == "killed").groups[0]
    assert (group.value, group.max) == (12, None)


def test_a_range_in_number_words_is_a_range() -> None:
    harms = find_harms("The strike killed between five and seven civilians.")
    g = next(h for h in harms if h.category == "killed").groups[0]
    assert (g.value, g.max, g.qualifier) == (5, 7, Qualifier.RANGE), g


def test_got_killed_and_got_injured_are_harm() -> None:
    harms = find_harms("A civilian got killed and two others got injured in a Turkish drone attack near Amuda.")
    assert sorted((h.category, h.value) for h in harms) == [("injured", 2), ("killed", 1)], harms


def test_a_civilian_who_received_injuries_is_injured() -> None:
    # "received minor injuries", as "sustained minor injuries": one injured, however light
    harms = find_harms("One civilian received minor injuries during the raid on the village, the military said.")
    assert [(h.category, h.value) for h in harms] == [("injured", 1)], harms


@pytest.mark.parametrize(
    "text",
    [
        # a harm verb whose object is a thing names no victim
        "Russian jets executed four airstrikes on a forest west of the city.",
        "A patrol of the SDF executed an operation in the village with coalition helicopters.",
        "An activist shot a video of the bombardment from his roof.",
    ],
)
def test_a_harm_verb_with_a_thing_as_object_is_no_harm(text: str) -> None:
    assert find_harms(text) == [], find_harms(text)


@pytest.mark.parametrize(
    ("text", "category", "value"),
    [
        # the number of the injured, its count after a phrase
        ("The number of civilians injured by Turkish shelling on the town has risen to ten.", "injured", 10),
        # a number word glued to an agency's dateline
        ("Damascus, SANA-Two citizens were martyred on Monday in an act of aggression.", "killed", 2),
        # a role with an organisation's acronym before the name; a name with its age in years
        ("A drone strike killed former ISIS commander Abu Yusif al-Halabi and two of his guards.", "killed", 3),
        ("A correspondent reported the martyrdom of Fatima Othman (21 years) in the hospital.", "killed", 1),
        # a body of people joined uncounted to a count
        ("More than 70 prison guards and staff were killed in the attack on the jail.", "killed", 70),
        # one more by its ordinal; casualties a group sustained
        ("Eleven civilians, including two women, sustained casualties when a bomb detonated.", "killed_or_injured", 11),
        # a toll told with what it is estimated or believed to be
        ("The strikes resulted in the deaths of what is estimated to be 64 women and children.", "killed", 64),
        ("The death toll is believed to be 30.", "killed", 30),
    ],
)
def test_counts_in_reporting_shapes(text: str, category: str, value: int) -> None:
    got = {h.category: h.value for h in find_harms(text)}
    assert got.get(category) == value, find_harms(text)


def test_whose_kin_count_one_each() -> None:
    # "whose husband" is one person, as "her husband" is
    assert _main("Umm Ahmad, whose husband and two daughters died in the strike, spoke to reporters.") == [
        ("killed", 3, "exact")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare count after a verb of saying that ends its clause: another source's figure for the toll before it
        ("At least 44 civilians were killed, the Observatory said, while rescue workers said 51.",
         [("killed", 44), ("killed", 51)]),
        ("Thirty were wounded, medics said; the ministry said 35.", [("injured", 30), ("injured", 35)]),
        ("Rescue workers said 51.", [("killed", 51)]),
        # ... not a year, nor a count with a noun of its own or going on
        ("The ministry said 2015 was the worst year.", []),
        ("Officials said 12 of them were children.", []),
    ],
)
def test_a_bare_count_another_source_gives(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(h.category, h.value) for h in find_harms(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dead or wounded named after an inverted copula
        ("Killed were a farmer, his brother and two nephews.", [("killed", 4)]),
        ("Also killed were two soldiers.", [("killed", 2)]),
        ("Also wounded were a woman and her son.", [("injured", 2)]),
        # ... a categories opener stays a breakdown
        ("Among the dead were 11 children.", [("killed", None)]),
        # a total or a figure later raised or revised is the toll too
        ("Seven were killed -- total later raised to 10 -- in the raid.", [("killed", 7), ("killed", 10)]),
        ("Seven were killed, a figure later revised to 10.", [("killed", 7), ("killed", 10)]),
    ],
)
def test_the_inverted_copula_names_the_victims(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert [(h.category, h.value) for h in find_harms(text)] == expected


def test_two_peoples_counted_apart_are_one_list() -> None:
    # "At least 123 Ma'aliya and more than 200 Rizeigat were killed": a people's name after each count
    (h,) = [h for h in find_harms("At least 123 Ma'aliya and more than 200 Rizeigat were killed in clashes near "
                                  "Ed Daein.") if h.category == "killed"]
    assert [(g.value, g.noun) for g in h.groups] == [(123, "Ma'aliya"), (200, "Rizeigat")]
    # a weekday after a count is no people
    (h,) = find_harms("The toll reached 5 Tuesday and 3 Wednesday, officials said.")
    assert all(g.noun is None for g in h.groups)


def test_a_count_with_thousands_before_a_comma_is_whole() -> None:
    # "rose to 23,357, officials said": the comma after the count is punctuation, not a list of 23 and 357
    (h,) = find_harms("The death toll rose to 23,357, officials said.")
    assert [g.value for g in h.groups] == [23357]


def test_a_toll_since_a_date_reads_past_the_date() -> None:
    # "the death toll in Gaza since October 7 has risen to ...": the date's digits are no count
    (h,) = find_harms("The death toll in Gaza since October 7 has risen to 23,357, the health ministry said.")
    assert [g.value for g in h.groups] == [23357]
    (h,) = find_harms("The toll in the village has since risen to 40.")
    assert [g.value for g in h.groups] == [40]


@pytest.mark.parametrize(
    "text",
    [
        "Eighteen civilians - 11 of them children - were killed Wednesday in airstrikes on the city, a monitor said.",
        "Eighteen civilians (11 of them children) were killed Wednesday in airstrikes on the city, a monitor said.",
        "Eighteen civilians -- 11 of them children -- were killed Wednesday in airstrikes on the city.",
    ],
)
def test_a_breakdown_between_dashes_or_brackets_is_part_of_the_toll(text: str) -> None:
    # a spaced hyphen sets the breakdown off as a dash does; a count in brackets with "of them" is no age
    (h,) = find_harms(text)
    assert [g.value for g in h.groups] == [18]
    assert [(c, g.value) for c, g in h.victims] == [("children", 11)]


def test_a_count_with_its_thousands_marked_is_never_a_year() -> None:
    # "as many as 2,000 may have been killed": 2,000 is a count; a bare 2014 stays a year
    (h,) = find_harms("Amnesty said as many as 2,000 may have been killed in the town.")
    assert [(g.value, g.qualifier) for g in h.groups] == [(2000, Qualifier.UP_TO)]
    (h,) = find_harms("Up to 2,000 may have died in the town.")
    assert [g.value for g in h.groups] == [2000]
    (h,) = find_harms("In 2014 many were killed in the town.")
    assert [g.value for g in h.groups] == [None]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The strike killed Ahmed al-Hassan along with two of his guards.", [1, 2]),
        ("A drone strike killed Abu Yusif al-Halabi, along with eight others.", [1, 8]),
        ("The strike killed the commander Abu Yusif al-Halabi together with his son.", [1, 1]),
    ],
)
def test_a_named_victim_along_with_others_counts_them_all(text: str, values: list[int]) -> None:
    # "along with", "together with", after a comma or not, joins the list as "and" does
    (h,) = find_harms(text)
    assert [g.value for g in h.groups] == values
