"""Assessment of constructed multi-document incidents: relays, copies, denial, acknowledgement, discount."""

from __future__ import annotations

from _assess_claims import claim, document, figure

from civcas import assess
from civcas.assess.data import default_sources
from civcas.assess.sources import attribute, is_generic, match_entry
from civcas.records import ClaimantKind, Decision, DecisionAction, Grade, Incident, Qualifier, Stance


def _incident(*claims, belligerents=("coalition",), review=()):  # type: ignore[no-untyped-def]
    return Incident(id="inc-t", claim_ids=tuple(c.id for c in claims), belligerents=belligerents, review=review)


DOCS = {
    "d1": document("d1", outlet="Enab Baladi", published="2017-06-02"),
    "d2": document("d2", outlet="North Press", published="2017-06-02"),
    "d3": document("d3", outlet="Alwaght", published="2017-06-03"),
    "d4": document("d4", outlet="Al-Masdar", published="2017-06-03"),
}
OUTLET_1 = claim(
    "d1:0",
    "d1",
    "Coalition jets killed 20 civilians in Raqqa, local sources told us.",
    where="Raqqa",
    killed=20,
    claimant="local sources",
    claimant_kind=ClaimantKind.LOCAL,
)
OUTLET_2 = claim(
    "d2:0",
    "d2",
    "At least 25 civilians were killed in coalition raids on Raqqa.",
    where="Raqqa",
    killed=25,
    qualifier=Qualifier.AT_LEAST,
)
RELAY_1 = claim(
    "d3:0",
    "d3",
    "The Syrian Foreign Ministry said in a letter that 40 civilians died in Raqqa.",
    where="Raqqa",
    killed=40,
    claimant="Syrian Foreign Ministry",
    claimant_kind=ClaimantKind.GOVERNMENT,
)
RELAY_2 = claim(
    "d4:0",
    "d4",
    "Syria's Foreign Ministry wrote to the UN that coalition strikes killed 40 in Raqqa.",
    where="Raqqa",
    killed=40,
    claimant="Syria's Foreign Ministry",
    claimant_kind=ClaimantKind.GOVERNMENT,
)


def test_assess_two_outlets_and_a_ministry_relayed_twice() -> None:
    claims = [OUTLET_1, OUTLET_2, RELAY_1, RELAY_2]
    a = assess.run(_incident(*claims), claims, documents=DOCS)
    assert a.original_sources == ("Enab Baladi", "North Press", "Syrian Foreign Ministry")
    assert a.relays == ("Al-Masdar (relays Syrian Foreign Ministry)", "Alwaght (relays Syrian Foreign Ministry)")
    assert a.grade is Grade.FAIR
    assert a.reasons[0] == "3 independent sources: Enab Baladi, North Press, Syrian Foreign Ministry"
    assert a.killed is not None and (a.killed.low, a.killed.best, a.killed.high) == (20, 25, 40)
    per = dict(a.per_claimant)
    assert (per["Syrian Foreign Ministry"].low, per["Syrian Foreign Ministry"].high) == (40, 40)
    assert a.admitted is None and a.admission_assessment is None


def test_assess_wire_copies_count_once() -> None:
    docs = {
        "w1": document("w1", outlet="AFP", published="2017-06-02"),
        "w2": document("w2", outlet="The Daily Paper", published="2017-06-03", duplicate_of="w1"),
        "w3": document("w3", outlet="Another Paper", published="2017-06-04"),
    }
    text = "Coalition airstrikes on a market in Raqqa killed 18 civilians on Sunday, residents said."
    copies = [
        claim(f"{d}:0", d, text, where="Raqqa", killed=18, claimant="residents", claimant_kind=ClaimantKind.LOCAL)
        for d in ("w1", "w2", "w3")
    ]
    a = assess.run(_incident(*copies), copies, documents=docs)
    # w2 is marked a copy; w3 is the same text without the mark (a near-duplicate): both relay AFP.
    assert a.original_sources == ("AFP",)
    assert a.relays == ("Another Paper (relays AFP)", "The Daily Paper (relays AFP)")
    assert a.grade is Grade.WEAK
    assert a.reasons[0] == "a single source: AFP"


def test_assess_denial_is_contested() -> None:
    denial = claim(
        "d5:0",
        "d5",
        "The coalition said it did not carry out any strike on Raqqa that day.",
        where="Raqqa",
        claimant="the coalition",
        claimant_kind=ClaimantKind.BELLIGERENT,
        stance=Stance.DENIES,
    )
    claims = [OUTLET_1, OUTLET_2, denial]
    a = assess.run(_incident(*claims), claims, documents=DOCS)
    assert a.grade is Grade.CONTESTED
    assert a.reasons[0].startswith("US-led coalition (CJTF-OIR) denies it: ")
    assert a.admission_assessment == "non-credible"


def test_assess_acknowledgement_is_confirmed_with_the_admission_apart() -> None:
    admission = claim(
        "d6:0",
        "d6",
        "US Central Command said the strike unintentionally killed 12 civilians and it regrets the loss.",
        where="Raqqa",
        killed=12,
        belligerents=("US",),
        claimant="US Central Command",
        claimant_kind=ClaimantKind.MILITARY,
        stance=Stance.ACKNOWLEDGES,
    )
    claims = [OUTLET_1, OUTLET_2, admission]
    a = assess.run(_incident(*claims, belligerents=("US", "coalition")), claims, documents=DOCS)
    assert a.grade is Grade.CONFIRMED
    assert a.reasons[0].startswith("US Central Command acknowledged it")
    assert a.admitted is not None and (a.admitted.low, a.admitted.high) == (12, 12)
    assert a.admission_assessment == "credible"
    assert a.killed is not None and (a.killed.low, a.killed.high) == (20, 25)  # monitors' range excludes the admission


def test_assess_belligerents_of_two_sides_are_contested_one_side_is_not() -> None:
    claims = [OUTLET_1, OUTLET_2]
    assert assess.run(_incident(*claims, belligerents=("coalition", "US")), claims, documents=DOCS).grade is Grade.FAIR
    mixed = assess.run(_incident(*claims, belligerents=("Russia", "coalition")), claims, documents=DOCS)
    assert mixed.grade is Grade.CONTESTED
    assert mixed.reasons[0] == "belligerents of different sides are named: Syria, coalition"


def test_assess_discount_is_an_analyst_decision_with_its_reason() -> None:
    d = Decision(
        DecisionAction.DISCOUNT,
        incident_ids=("inc-t",),
        reason="those killed were fighters",
        actor="analyst1",
        at="2026-02-01T09:00:00Z",
    )
    claims = [OUTLET_1, OUTLET_2]
    a = assess.run(_incident(*claims, review=(d,)), claims, documents=DOCS)
    assert a.grade is Grade.DISCOUNTED
    assert a.reasons[0] == "discounted by analyst1 on 2026-02-01T09:00:00Z: those killed were fighters"
    restore = Decision(DecisionAction.RESTORE, incident_ids=("inc-t",), reason="new evidence", actor="a", at="z")
    assert assess.run(_incident(*claims, review=(d, restore)), claims, documents=DOCS).grade is Grade.FAIR


def test_assess_children_and_women_ranges() -> None:
    c = claim(
        "d7:0",
        "d7",
        "The raid killed 10 civilians, including 4 children and mostly women.",
        where="Raqqa",
        killed=10,
        victims=(("children", figure(4)), ("women", figure(None, Qualifier.MOSTLY))),
    )
    a = assess.run(_incident(c), [c], documents={})
    assert a.children is not None and (a.children.low, a.children.high) == (4, 4)
    assert a.women is not None and (a.women.low, a.women.high) == (6, 10)
    assert a.original_sources == ("document d7",)


def test_assess_sources_aliases_and_generic_claimants() -> None:
    data = default_sources()
    entry = match_entry("the Britain-based war monitor", data)
    assert entry is not None and entry.id == "sohr"
    assert match_entry("Syria's Foreign Ministry", data) == match_entry("the Syrian Foreign Ministry", data)
    assert is_generic("local sources", data) and is_generic("outlet", data) and is_generic(None, data)
    assert not is_generic("Abu Mohammed, a resident", data)
    got = attribute([RELAY_1], DOCS, data)["d3:0"]
    assert (got.original, got.relay, got.kind, got.affiliation) == (
        "Syrian Foreign Ministry",
        "Alwaght",
        "government",
        "Syria",
    )



def test_assess_the_accused_saying_it_killed_only_combatants_contests_an_allegation_of_civilians() -> None:
    from dataclasses import replace

    from civcas.records import VictimStatus

    docs = {"d6": document("d6", outlet="North Press", published="2017-06-04")}
    civilians = replace(
        claim("d6:0", "d6", "A coalition drone strike near Manbij killed four civilians, relatives said.",
              where="Manbij", killed=4, claimant="relatives", claimant_kind=ClaimantKind.WITNESS),
        victim_status=VictimStatus.CIVILIAN,
    )
    militants = replace(
        claim("d6:1", "d6", "CENTCOM said the strike near Manbij killed three ISIS militants.", where="Manbij",
              belligerents=("US",), killed=3, claimant="CENTCOM", claimant_kind=ClaimantKind.MILITARY),
        victim_status=VictimStatus.COMBATANT,
    )
    claims = [civilians, militants]
    a = assess.run(_incident(*claims, belligerents=("coalition", "US")), claims, documents=docs)
    assert a.grade is Grade.CONTESTED
    assert a.reasons[0] == ("US Central Command says those killed were combatants: "
                            "'CENTCOM said the strike near Manbij killed three ISIS militants.'")
    # the force's figure is of fighters: the civilian range is the relatives' alone
    assert a.killed is not None and (a.killed.low, a.killed.high) == (4, 4)

    # the force's statement alone, with no source reporting civilians, contests nothing
    alone = assess.run(_incident(militants, belligerents=("US",)), [militants], documents=docs)
    assert alone.grade is not Grade.CONTESTED


def test_assess_forces_spokesmen_are_named_sources_of_their_side() -> None:
    data = default_sources()
    for said, name, side in (("AFRICOM", "US Africa Command", "US"),
                             ("an Israeli military spokesman", "Israel Defense Forces", "Israel"),
                             ("the Saudi-led coalition", "Saudi-led coalition", "Saudi-led coalition"),
                             ("the US-led coalition", "US-led coalition (CJTF-OIR)", "coalition")):
        entry = match_entry(said, data)
        assert entry is not None and (entry.name, entry.affiliation) == (name, side), said


def test_assess_a_statement_of_fighters_killed_is_no_source_of_civilian_harm() -> None:
    from dataclasses import replace

    from civcas.records import VictimStatus

    docs = {"d7": document("d7", outlet="North Press", published="2017-06-04")}
    civilians = replace(
        claim("d7:0", "d7", "Local activists said a coalition strike on Tukhar killed six civilians.", where="Tukhar",
              killed=6, claimant="local activists", claimant_kind=ClaimantKind.ACTIVISTS),
        victim_status=VictimStatus.CIVILIAN,
    )
    fighters = replace(
        claim("d7:1", "d7", "The Syrian Observatory said five ISIS fighters were also killed in Tukhar.",
              where="Tukhar", killed=5, claimant="Syrian Observatory", claimant_kind=ClaimantKind.MONITOR),
        victim_status=VictimStatus.COMBATANT,
    )
    a = assess.run(_incident(civilians, fighters), [civilians, fighters], documents=docs)
    assert a.grade is Grade.WEAK  # one source of civilian harm, not two
    assert a.reasons[-1] == "monitors' killed range 6 over 1 alleging claim(s)"
