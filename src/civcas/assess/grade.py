"""Grades in Airwars' vocabulary, each with the reasons that decided it.

Airwars' published definitions (airwars.org/about/methodology), applied in
this order, first match wins:

- ``discounted``: an analyst judged those killed were combatants or another
  party responsible; only an analyst's decision sets it.
- ``confirmed``: a belligerent accepted responsibility (a claim with stance
  ``acknowledges`` by a belligerent, its military or government).
- ``contested``: competing claims of responsibility: the accused denies
  (stance ``denies``), a party disputes the account (``disputes``), the
  accused's own statement counts only combatants among the dead while
  another source reports civilians ("CENTCOM said it killed three
  militants"), or belligerents of different sides are named.
- ``fair``: two or more independent credible sources (original sources, not
  relays; docs/assessment.md).
- ``weak``: a single source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from civcas.assess.sources import Attribution
from civcas.records import Claim, ClaimantKind, Decision, Grade, Stance, VictimStatus

#: Claimant kinds that speak for a belligerent: their acknowledgement is an admission.
BELLIGERENT_VOICES = frozenset({ClaimantKind.BELLIGERENT, ClaimantKind.MILITARY, ClaimantKind.GOVERNMENT})


def sides(belligerents: Sequence[str], side_of: Mapping[str, str]) -> list[str]:
    """The distinct sides among named belligerents (coalition members are the coalition's side)."""
    return sorted({side_of.get(b, b) for b in belligerents if b not in ("unknown", "")})


def is_admission(claim: Claim, attribution: Attribution | None) -> bool:
    """A belligerent's own acknowledgement of harm."""
    if claim.stance is not Stance.ACKNOWLEDGES or claim.victim_status is VictimStatus.COMBATANT:
        return False  # a force's word that it killed fighters admits no civilian harm
    return claim.claimant_kind in BELLIGERENT_VOICES or (
        attribution is not None and attribution.affiliation is not None
    )


def grade(
    claims: Sequence[Claim],
    attributions: Mapping[str, Attribution],
    belligerents: Sequence[str],
    discount: Decision | None,
    side_of: Mapping[str, str],
) -> tuple[Grade, tuple[str, ...]]:
    """The incident's grade and every reason for it (``side_of``: belligerent -> its side)."""
    if discount is not None:
        who = f" by {discount.actor}" if discount.actor else ""
        when = f" on {discount.at}" if discount.at else ""
        return Grade.DISCOUNTED, (f"discounted{who}{when}: {discount.reason}",)

    admissions = [c for c in claims if is_admission(c, attributions.get(c.id))]
    if admissions:
        reasons = tuple(
            f"{attributions[c.id].original if c.id in attributions else c.claimant} acknowledged it: {c.quote!r}"
            for c in admissions
        )
        return Grade.CONFIRMED, reasons

    contested: list[str] = []
    for c in claims:
        who = attributions[c.id].original if c.id in attributions else (c.claimant or "a source")
        if c.stance is Stance.DENIES:
            contested.append(f"{who} denies it: {c.quote!r}")
        elif c.stance is Stance.DISPUTES:
            contested.append(f"{who} disputes the account: {c.quote!r}")
    named = sides(belligerents, side_of)
    if any(c.victim_status is VictimStatus.CIVILIAN and c.stance is not Stance.DENIES for c in claims):
        for c in claims:
            a = attributions.get(c.id)
            if (c.victim_status is VictimStatus.COMBATANT and c.killed is not None and a is not None
                    and a.affiliation is not None and side_of.get(a.affiliation, a.affiliation) in named):
                contested.append(f"{a.original} says those killed were combatants: {c.quote!r}")
    if len(named) > 1:
        contested.append(f"belligerents of different sides are named: {', '.join(named)}")
    if contested:
        return Grade.CONTESTED, tuple(contested)

    originals = sorted(
        {
            attributions[c.id].original
            for c in claims
            if c.id in attributions and c.stance in (Stance.ALLEGES, Stance.ESTIMATES)
            and c.victim_status is not VictimStatus.COMBATANT  # "it killed three militants" alleges no harm
        }
    )
    if len(originals) >= 2:
        return Grade.FAIR, (f"{len(originals)} independent sources: {', '.join(originals)}",)
    if originals:
        return Grade.WEAK, (f"a single source: {originals[0]}",)
    return Grade.WEAK, ("no source alleging harm beyond the statements listed",)
