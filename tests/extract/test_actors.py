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
        ("A Turkish drone targets a vehicle in Qamishli.", ["Turkey"]),
        # border guards are a state's forces; a Syrian National Army faction by its own name is Turkey's
        ("Turkish border guards shot dead a man near the border.", ["Turkey"]),
        ("Ahrar al-Sharqiyah shelled the village.", ["Turkey"]),
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
        # Yemen: the Saudi-led coalition is not the US-led one; the Houthis by name
        ("Saudi-led coalition airstrikes on a market in Saada killed 12 civilians.", ["Saudi-led coalition"]),
        ("Houthi missiles struck a market in Marib, killing eight civilians.", ["Houthis"]),
        ("AFRICOM said its airstrike near Jilib killed two militants.", ["US"]),
        # a state's forces as a target or a victim are not the attacker
        ("A car bomb attack on a Libyan security checkpoint killed six.", []),
        ("Gunmen assassinated a retired Libyan army colonel.", []),
        ("Nigerian officials said the bombing killed 20.", []),
    ],
)
def test_actors_any_states_forces_by_demonym(text: str, expected: list[str]) -> None:
    assert [a.canonical for a in find_actors(text)] == expected
