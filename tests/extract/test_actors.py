from __future__ import annotations

from datetime import date

import pytest

from civcas.extract.actors import find_actors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("French warplanes targeted the village.", ["France"]),
        ("A US airstrike killed 20 civilians.", ["US"]),
        ("US-led coalition jets struck the town.", ["coalition"]),
        ("Regime helicopters dropped barrel bombs.", ["Syria"]),
        ("Unidentified war planes hit the market.", ["unknown"]),
        ("A Turkish drone targeted a car.", ["Turkey"]),
        ("Shelling by QSD militia hit the town.", ["SDF"]),
        ("The raids were French and American air raids.", ["France", "US"]),
        ("The Syrian National Coalition condemned the raid.", []),
        ("Three SDF members were killed by a Russian airstrike.", ["Russia"]),
        ("The drone hit a Turkish military post.", []),
        # a demonym coordinated before the one a noun phrase starts with; a force's targets are not its strikes
        ("Russian and Syrian government jets carried out raids on Idlib.", ["Russia", "Syria"]),
        ("Israeli jets struck Hezbollah targets in southern Lebanon.", ["Israel"]),
        # the kind of installation between the force and its noun
        ("Israeli jets struck a Hezbollah weapons depot in southern Syria.", ["Israel"]),
        ("A Turkish drone targets a vehicle in Qamishli.", ["Turkey"]),
        # border guards are a state's forces; a Syrian National Army faction by its own name is Turkey's
        ("Turkish border guards shot dead a man near the border.", ["Turkey"]),
        ("Ahrar al-Sharqiyah shelled the village.", ["Turkey"]),
        # Libya's two sides; the force a strike serves is not the one that strikes
        ("Forces loyal to Khalifa Haftar bombed the Tajoura camp.", ["LNA"]),
        ("GNA-aligned forces shelled the airport.", ["GNA"]),
        # any force's noun, then an allegiance phrase and the side by one of its names or adjectives
        ("Warplanes loyal to Haftar bombed a field hospital in Murzuq.", ["LNA"]),
        ("Militias allied to the Assad regime shelled the town.", ["Syria"]),
        ("Fighters loyal to a local commander shot dead two farmers.", []),
        # "allied" after a coordinated force or a possessive is that force's side, not the US-led coalition
        ("Government troops and allied militia killed 12 villagers.", ["Syria"]),  # the default government
        ("The army and its allied militias shelled the town.", []),
        ("Allied aircraft struck a bridge in Raqqa.", ["coalition"]),
        # two demonyms joined by a hyphen before the noun: both sides' forces
        ("Syrian-Russian alliance forces fired artillery shells at the village.", ["Syria", "Russia"]),
        # a hedged attribution between the force's noun and its side
        ("Warplanes believed to be Russian bombed the road to the village.", ["Russia"]),
        ("Jets thought to be Israeli struck a depot near the airport.", ["Israel"]),
        ("Huthi rebels shelled the city.", ["Houthis"]),
        # an installation "of" a force: the force is the target
        ("US airstrikes hit positions of Iran-backed militias in al-Mayadin.", ["US"]),
        ("Israeli jets struck a convoy of the Syrian army near Damascus.", ["Israel"]),
        ("Coalition jets struck the building at the request of Iraqi security forces.", ["coalition"]),
        ("Russian jets, in support of Syrian government forces, struck the market.", ["Russia"]),
        # a state named as the one blamed or accused; not a demonym of the ones blamed
        ("The ministry said the drone strike killed three soldiers, blaming the UAE.", ["United Arab Emirates"]),
        ("Residents blamed the strike on Russia and Syria.", ["Russia", "Syria"]),
        ("Seven civilians were killed in an attack blamed on Nigerian Boko Haram rebels.", []),
        # a state as a strike's subject, opening its clause; not a place or a noun's modifier
        ("Israel struck the al-Mawasi zone west of Khan Younis, killing at least 90 people.", ["Israel"]),
        ("Activists said Russia and Syria bombed the market on Monday.", ["Russia", "Syria"]),
        ("Clashes between rival groups in central Nigeria killed at least 27 people.", []),
        ("A car bomb in Balad, Iraq killed seven pilgrims.", []),
        ("Car bombs hit two markets.", []),
        # another state's demonym coordinated inside the noun phrase; a generic name after another state's demonym
        ("Ten civilians were killed in a raid by US and Somali forces on a farm.", ["US", "Somalia"]),
        ("The Afghan Ministry of Defence said its airstrikes killed 35 militants.", ["Afghanistan"]),
        ("The British Ministry of Defence said the strike hit a weapons store.", ["UK"]),
        # a ministry with no state named is any state's
        ("The Ministry of Defence said the strike hit a weapons store.", []),
        # the word read as a force's noun is another force's adjective, coordinated
        ("Russian and regime strikes have killed 120 civilians in Idlib.", ["Russia", "Syria"]),
        ("Syria was hit by a wave of bombings.", []),
        # a rebel group's name holds the coalition's adjective ("allied"): no coalition
        ("Suspected Allied Democratic Forces rebels killed 22 civilians near Beni.", []),
        ("Allied jets struck the village, killing nine civilians.", ["coalition"]),
        # a state that says it struck; the force whose positions it struck named in full, its acronym in brackets
        ("Turkey says it struck positions of the Kurdistan Workers' Party (PKK) in northern Iraq.", ["Turkey"]),
        ("Israel said its jets had hit a weapons depot.", ["Israel"]),
        # the victims' force behind a post's hashtag
        ("Turkish drone strike on a car near Qamishlo kills 2 #SDF fighters.", ["Turkey"]),
        # a force the lexicon names is itself, not its backer; a backed force the lexicon does not name is the backer's
        ("US-backed SDF fighters shelled Hajin, killing 12 civilians.", ["SDF"]),
        ("Russian-backed regime forces shelled Ariha, killing four civilians.", ["Syria"]),
        ("The US-backed Iraqi army shelled the town, killing two civilians.", ["Iraq"]),
        ("Turkish-backed factions shelled Tal Tamr, killing two civilians.", ["Turkey"]),
        # a force's fighters who strike are the attack, not its victims
        ("Syrian National Army fighters shelled Tal Tamr, killing two civilians.", ["Turkey"]),
        ("Two Syrian National Army fighters were killed in the shelling.", []),
        # the air power that backs a ground force struck too
        ("Afghan forces backed by US air support raided a village, killing eight civilians.", ["Afghanistan", "US"]),
        # a force's terrorists who were neutralised are its losses, also after a slash-joined acronym
        ("Turkey's defence ministry said only PKK/YPG terrorists were neutralised.", ["Turkey"]),
        ("PKK terrorists attacked a village near Kobani, killing two civilians.", ["SDF"]),
    ],
)
def test_actors_canonical_belligerents(text: str, expected: list[str]) -> None:
    assert list(dict.fromkeys(a.canonical for a in find_actors(text))) == expected


def test_actors_validity_dates_drop_anachronisms() -> None:
    assert [a.canonical for a in find_actors("coalition jets struck", on=date(2013, 5, 1))] == []
    assert [a.canonical for a in find_actors("coalition jets struck", on=date(2015, 5, 1))] == ["coalition"]


def test_a_force_after_with_the_support_of_is_named_but_victims_of_a_side_are_not() -> None:
    from civcas.extract.actors import find_actors

    text = "A raid was carried out with the support of US forces, killing two civilians."
    assert [a.canonical for a in find_actors(text)] == ["US"]
    assert find_actors("The strike killed three US soldiers.") == []
    # counted or not: the people a strike killed or wounded are its victims
    assert [a.canonical for a in find_actors("A coalition strike may have killed Syrian soldiers.")] == ["coalition"]
    assert [a.canonical for a in find_actors("The shelling wounded Iraqi policemen at the checkpoint.")] == []
    # the force's short name in brackets after its full name, both the victims' side
    text = "A Turkish drone killed two members of the Internal Security Forces (Asayish) near Qamishli."
    assert [a.canonical for a in find_actors(text)] == ["Turkey"]


def test_a_generic_force_name_after_another_countrys_demonym_is_not_the_syrian_government() -> None:
    # the lexicon reads "government forces" and "regime" as Syria's (Syrian reporting); after "Somali" or "Nigerian"
    # they are that country's own forces, named after it
    assert [a.canonical for a in find_actors("rival Somali government security forces opened fire")] == ["Somalia"]
    assert [a.canonical for a in find_actors("Nigerian government forces raided the village")] == ["Nigeria"]
    assert [a.canonical for a in find_actors("Syrian government forces shelled the town")] == ["Syria"]
    assert [a.canonical for a in find_actors("government forces shelled the town")] == ["Syria"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # any state's forces by its demonym, named after the country
        ("The Nigerian Air Force bombed a village in Zamfara state, killing 20 civilians.", ["Nigeria"]),
        ("Ethiopian drone strikes on a market killed 56 people, health workers said.", ["Ethiopia"]),
        ("Egyptian warplanes struck targets in Derna, residents said.", ["Egypt"]),
        ("Kenyan Defence Forces airstrikes in Gedo region killed five civilians.", ["Kenya"]),
        ("The Myanmar military bombed a school in Sagaing region.", ["Myanmar"]),
        # a state's possessive before its forces; not before its provinces
        ("Jordan's air force struck Islamic State targets near Raqqa, killing 55 militants.", ["Jordan"]),
        ("Syria's army shelled the town, killing four.", ["Syria"]),
        ("Airstrikes hit Syria's Idlib province.", []),
        # Yemen: the Saudi-led coalition is not the US-led one; the Houthis by name
        ("Saudi-led coalition airstrikes on a market in Saada killed 12 civilians.", ["Saudi-led coalition"]),
        ("Houthi missiles struck a market in Marib, killing eight civilians.", ["Houthis"]),
        ("AFRICOM said its airstrike near Jilib killed two militants.", ["US"]),
        # a state's forces as a target or a victim are not the attacker
        ("A car bomb attack on a Libyan security checkpoint killed six.", []),
        ("Gunmen assassinated a retired Libyan army colonel.", []),
        ("Nigerian officials said the bombing killed 20.", []),
        # the body a commander counted among the dead served is no attacker; a speech verb ends a force's noun phrase
        ("Turkish drones killed a commander of the YPG and two civilians.", ["Turkey"]),
        ("A commander of the SDF said Turkish drones killed two civilians.", ["Turkey"]),
        # a sentence's "The" may open a state's name as the strike's subject, but not a state's strikes as a noun
        ("The US fired 59 Tomahawk missiles at the airbase, killing nine civilians.", ["US"]),
        ("The monitor said the Syria strikes hit a power station.", []),
        # allied with, no US-led coalition
        ("Twenty people were killed by militiamen in coalition with the Nduma Defence of Congo.", []),
    ],
)
def test_actors_any_states_forces_by_demonym(text: str, expected: list[str]) -> None:
    assert [a.canonical for a in find_actors(text)] == expected


def _bells(text: str, config: object) -> list[list[str]]:
    from civcas.extract import run
    from civcas.records import Document

    return [list(c.belligerents) for c in run(Document(id="o1", text=text), config=config)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no occupier named: the one the place's reporting means
        ("Five Palestinians were killed when occupation aircraft bombed a house in the Shujaiya neighbourhood "
         "east of Gaza City, the health ministry said.", "Israel"),
        ("استشهد خمسة مواطنين جراء غارة لطائرات الاحتلال على منزل في مدينة خان يونس جنوب قطاع غزة.", "Israel"),
        # an occupier the document names outright is the one it means later
        ("The Turkish occupation shelled villages near Tal Tamr on Monday.\n\nOn Tuesday the occupation army "
         "shelled the village of Um al-Kaif, killing two civilians, local sources said.", "Turkey"),
        ("شنت الطائرات الحربية التابعة للاحتلال الروسي غارات على ريف إدلب.\n\nوكانت طائرات الاحتلال قد استهدفت "
         "بلدة البارة قبل أيام ما أدى إلى مقتل 4 مدنيين.", "Russia"),
        # an occupying force named in the text, though never as an occupier
        ("One civilian was killed near his house in the al-Marj area west of Hadar in Quneitra countryside as an "
         "Israeli rocket launched from a site of the occupation targeted him, SANA said.", "Israel"),
    ],
)
def test_a_bare_occupying_force_is_resolved_per_document(text: str, expected: str, village_config: object) -> None:
    got = _bells(text, village_config)
    assert got and all(b == [expected] for b in got if b), got
    assert any(b == [expected] for b in got), got


def test_an_occupier_nobody_names_is_no_belligerent(village_config: object) -> None:
    got = _bells("Occupation forces shelled a farm, killing two shepherds, residents said.", village_config)
    assert all("occupation" not in b for b in got), got


def test_a_named_occupier_is_not_taken_by_a_bare_one_inside_it() -> None:
    from civcas.extract.arabic_actors import find_actors as find_ar
    from civcas.extract.arabic_figures import scan
    from civcas.extract.arabic_lexicon import arabic_lex
    from civcas.extract.arabic_text import fold, tokens
    from civcas.extract.rules import load_rules

    lex = arabic_lex(load_rules())
    for text, canon in [("استأنفت طائرات الاحتلال الروسي قصفها لقرى جبل الزاوية", "Russia"),
                        ("بسبب قصف الإحتلال الخارجي #الروسي على مدينة سرمين", "Russia"),
                        ("بدعم من قوات الاحتلال الأمريكي وطيرانه المروحي", "US")]:
        folded = fold(text)
        assert [a.canonical for a in find_ar(scan(folded, tokens(folded.text), lex), lex)] == [canon], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the lexicon's generic names of Syria's government forces, in a story placed elsewhere: that state's own
        ("Pro-government militia killed 23 people in Tawila, North Darfur, residents said.", ["Sudan"]),
        ("Government forces shelled the city of Donetsk, killing 34 people, local authorities said.", ["Ukraine"]),
        # a hyphenated qualifier after the generic word ("government-backed") is generic all the same
        ("Government-backed militias burned the village of Kutum in North Darfur, killing 5, residents said.",
         ["Sudan"]),
        # ... and Syria's where the story is in Syria
        ("Regime forces shelled the town of Ariha in Idlib countryside, killing four civilians.", ["Syria"]),
    ],
)
def test_a_generic_government_force_is_the_documents_state(
    text: str, expected: list[str], village_config: object
) -> None:
    got = _bells(text, village_config)
    assert got and got[0] == expected, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a source named as the occupier's army denies for that force
        ("نفى جيش الاحتلال مسؤوليته عن قصف المستشفى الأهلي المعمداني في مدينة غزة.", ["Israel"]),
        # the coalition's aircraft "بقيادة السعودية": the Saudi-led coalition, not the US-led one
        ("قتل 40 طفلا على الأقل في غارة لطيران التحالف بقيادة السعودية استهدفت حافلة في سوق بمحافظة صعدة.",
         ["Saudi-led coalition"]),
    ],
)
def test_arabic_sources_and_longer_force_names(text: str, expected: list[str], village_config: object) -> None:
    got = _bells(text, village_config)
    assert got and got[0] == expected, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Yemeni reporting's bare "aggression" is the Saudi-led coalition, and so is its "US-Saudi aggression" (the
        # Houthis' name for the coalition's air war, not two air forces); two peoples' adjectives on a force's noun
        # are two forces
        ("شن طيران العدوان سبع غارات على كلية المجتمع في مدينة ذمار، ما أدى إلى استشهاد 100 أسير.",
         ["Saudi-led coalition"]),
        ("استشهد 12 مدنيا في غارات لطيران العدوان الأمريكي السعودي على مبنى السجن في مدينة صعدة.",
         ["Saudi-led coalition"]),
        ("قتل خمسة مدنيين بغارات للطيران الروسي السوري على بلدة كفرنبل.", ["Russia", "Syria"]),
    ],
)
def test_arabic_aggression_and_coordinated_adjectives(text: str, expected: list[str], village_config: object) -> None:
    got = _bells(text, village_config)
    assert got and got[0] == expected, got


def test_members_of_a_force_are_its_victims_not_its_attack() -> None:
    got = [a.canonical for a in find_actors(
        "A Turkish drone targeted a car near Amuda, killing two members of the Asayish and injuring a civilian.")]
    assert got == ["Turkey"], got
    # ... one member too, in apposition to the one killed
    got = [a.canonical for a in find_actors(
        "A Turkish drone targeted a motorbike near Amuda, killing its driver, a member of the Asayish.")]
    assert got == ["Turkey"], got


def test_the_occupation_of_a_town_names_no_occupier(village_config: object) -> None:
    got = _bells("Since the occupation of Raqqa by ISIS in 2014, coalition strikes have killed 1,600 civilians in the "
                 "city, Amnesty said.", village_config)
    assert got == [["coalition"]], got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare coalition in Yemen is the Saudi-led one; in Iraq the US-led one
        ("A coalition airstrike on a funeral hall in Sanaa killed 140 people, the United Nations said.",
         ["Saudi-led coalition"]),
        ("قتل 14 شخصا في غارات للتحالف على العاصمة صنعاء.", ["Saudi-led coalition"]),
        ("A coalition airstrike in west Mosul killed 105 civilians.", ["coalition"]),
    ],
)
def test_a_bare_coalition_is_the_one_that_fights_there(text: str, expected: list[str], village_config: object) -> None:
    got = _bells(text, village_config)
    assert got and got[0] == expected, got


def test_a_coalition_that_denies_is_the_one_that_fights_there(village_config: object) -> None:
    from civcas.extract import run
    from civcas.records import Document

    text = ("At least 60 people were killed when a Saudi-led coalition airstrike hit a prison in Saada, northern "
            "Yemen, medics said. The coalition denied carrying out the strike.")
    claims = run(Document(id="o2", text=text), config=village_config)  # type: ignore[arg-type]
    denial = [c for c in claims if c.stance.value == "denies"]
    assert [list(c.belligerents) for c in denial] == [["Saudi-led coalition"]], claims


def test_the_blamed_force_attacks_and_a_capital_that_denies_is_its_state() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.extract.actors import find_actors
    from civcas.records import Document

    assert [a.canonical for a in find_actors("The shelling was blamed on Armenian forces.")] == ["Armenia"]
    assert find_actors("The drone struck an attack on Armenian forces.") == []
    text = ("Three people were killed in a rocket attack on Barda, which Baku blamed on Armenian forces. "
            "Yerevan denied the accusation.")
    claims = run(Document(id="o3", text=text), config=ExtractConfig(gazetteer=None))
    got = sorted((c.stance.value, tuple(c.belligerents)) for c in claims)
    assert got == [("alleges", ("Armenia",)), ("denies", ("Armenia",))], got


def test_a_force_that_says_it_struck_is_the_attacker_and_the_source(village_config: object) -> None:
    # a speaker is not the attacker as such, unless it says it struck; the force it struck for is neither
    text = ("An airstrike on a house in Mosul killed 12 civilians, local officials said. The US-led coalition said it "
            "had conducted a strike in the area at the request of Iraqi security forces.")
    assert _bells(text, village_config) == [["coalition"]]


def test_a_force_quoting_its_own_word_for_a_kill_is_the_attacker() -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    # the verb in quotes and the force's two names joined by a slash: the speaker struck, the dead are fighters
    text = "Turkey's defence ministry said it had \"neutralised\" 26 PKK/YPG terrorists in northern Syria."
    (c,) = run(Document(id="q1", text=text), config=ExtractConfig(gazetteer=None))
    assert c.belligerents == ("Turkey",) and c.victim_status == "combatant", c
    assert c.killed is not None and c.killed.value == 26


def test_of_two_sources_the_one_whose_verb_is_the_denial_denies(village_config: object) -> None:
    from civcas.extract import run
    from civcas.records import Document

    text = ("At least 40 migrants were killed when an airstrike hit a detention centre in Tajoura, the UN said. "
            "The Government of National Accord blamed forces loyal to Khalifa Haftar; the LNA denied responsibility.")
    claims = run(Document(id="l1", text=text), config=village_config)  # type: ignore[arg-type]
    denial = [c for c in claims if c.stance.value == "denies"]
    assert [(c.claimant, list(c.belligerents)) for c in denial] == [("LNA", ["LNA"])], claims
    # the government's name is no place ("National Accord")
    assert all(c.place is None or c.place.name != "National Accord" for c in claims), claims


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Turkey said its jets destroyed 12 targets in northern Iraq, killing five militants.", "Turkey"),
        ("Israel said its aircraft struck a weapons depot near Damascus, killing two people.", "Israel"),
        # a day between the verb and its clause
        ("CENTCOM said Monday that its strike near Hajin killed 12 fighters.", "US"),
        # the force says it killed: the speaker is the attacker
        ("The US military said it killed an al-Shabaab commander in an airstrike near Jilib.", "US"),
        ("The Israeli army said it had killed three militants in a strike on a car in Jenin.", "Israel"),
    ],
)
def test_a_source_that_says_its_own_forces_struck_is_the_belligerent(text: str, force: str) -> None:
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = [c for c in run(Document(id="o1", text=text), config=ExtractConfig()) if c.killed]
    assert claims and claims[0].belligerents == (force,), [(c.belligerents, c.claimant) for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        "At least 40 Palestinians were killed in two Israeli strikes on Jabalia, the health ministry said.",
        "Three Russian jets bombed the market in Maarat al-Numan, killing 12 people.",
    ],
)
def test_a_counted_force_noun_of_strikes_or_weapons_is_the_attacker(text: str) -> None:
    # "two Israeli soldiers" are victims; "two Israeli strikes" and "three Russian jets" strike
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    claims = [c for c in run(Document(id="o2", text=text), config=ExtractConfig(gazetteer=None)) if c.killed]
    assert claims and claims[0].belligerents, [(c.belligerents, c.claimant) for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        "Israeli strikes on the vicinity of Damascus killed four members of the Iranian Revolutionary Guards.",
        "Israeli strikes near Damascus killed two officers of the Iranian Revolutionary Guards, SANA said.",
    ],
)
def test_a_force_counted_among_the_dead_behind_its_demonym_is_the_victims_side(text: str) -> None:
    assert [a.canonical for a in find_actors(text)] == ["Israel"]


@pytest.mark.parametrize(
    "text",
    [
        "A drone strike blamed on the Rapid Support Forces hit a market in El Fasher, North Darfur, on Tuesday, "
        "killing 19 civilians, the state health ministry said.",
        "RSF drones struck a displacement camp near El Fasher, killing eight people, activists said.",
        "قتل 12 مدنيا في قصف بطائرة مسيرة تابعة للدعم السريع على سوق مدينة مليط بولاية شمال دارفور.",
    ],
)
def test_sudans_rapid_support_forces_are_a_belligerent(text: str, village_config: object) -> None:
    # the paramilitary's own name; the Sudanese army stays Sudan by its demonym
    got = _bells(text, village_config)
    assert got and got[0] == ["RSF"], got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a force that says it is looking into the strike it is told of answers for it, as one that denies it does
        ("The strike on the Maghazi refugee camp late on Sunday killed at least 70 people, the health ministry in "
         "Gaza said. The Israeli military said it was reviewing the incident.", ["Israel"]),
        ("An air strike on a school in Mansoura, Raqqa province, killed 33 displaced people, activists said. The "
         "coalition said it was investigating the reports.", ["coalition"]),
        ("An air strike on a school in Mansoura, Raqqa province, killed 33 displaced people, activists said. The "
         "coalition said on Tuesday it had opened an investigation into the strike.", ["coalition"]),
    ],
)
def test_a_force_looking_into_the_strike_answers_for_it(text: str, expected: list[str], village_config: object) -> None:
    got = _bells(text, village_config)
    assert got and got[0] == expected, got



def test_a_force_a_strike_hit_is_its_target() -> None:
    # "it may have hit Syrian troops": the troops were struck; they struck nothing
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("The coalition said it had stopped an airstrike near Deir ez-Zor airport after Russia informed it that it "
            "may have hit Syrian troops. Syria said 62 soldiers were killed.")
    claims = [c for c in run(Document(id="t", text=text), config=ExtractConfig(gazetteer=None)) if c.killed]
    assert claims and "Syria" not in claims[0].belligerents, claims[0].belligerents
    # ... but "Syrian troops attacked" names the attacker
    text = "Syrian troops attacked the village of Kafr Nabl, killing five civilians, activists said."
    claims = run(Document(id="u", text=text), config=ExtractConfig(gazetteer=None))
    assert claims and claims[0].belligerents == ("Syria",), claims[0].belligerents


def test_who_holds_the_ground_struck_is_no_attacker() -> None:
    # "within areas controlled by the Kurdish forces and regime": the sides that hold the village, not Turkey's
    from civcas.extract import ExtractConfig, run
    from civcas.records import Document

    text = ("SOHR activists have documented the death of a child in Turkish artillery shelling on Al-Bailounia village "
            "in Tel Refaat countryside, within areas controlled by the Kurdish forces and regime.")
    claims = run(Document(id="t", text=text), config=ExtractConfig(gazetteer=None))
    assert claims and claims[0].belligerents == ("Turkey",), claims[0].belligerents


@pytest.mark.parametrize(
    ("text", "canonicals"),
    [
        ("Syrian rebel fighters shelled the town, killing two children.", []),
        ("Syrian opposition forces shelled the town, killing two children.", []),
        ("Syrian government forces shelled the town, killing two children.", ["Syria"]),
        ("Kurdish opposition forces shelled the town, killing two children.", ["SDF"]),
    ],
)
def test_a_states_rebels_are_no_force_of_that_state(text: str, canonicals: list[str]) -> None:
    assert [a.canonical for a in find_actors(text)] == canonicals
