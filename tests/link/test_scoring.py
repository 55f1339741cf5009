"""Scoring in governorate partitions (large batches) gives the same pairs within each governorate."""

from __future__ import annotations

import pytest
from _link_claims import claim

from civcas.link import scoring
from civcas.link.features import columns
from civcas.link.model import default_model


def _claims():  # type: ignore[no-untyped-def]
    out = []
    for i, where in enumerate(["Raqqa", "Tabqa", "Manbij", "Tukhar", "Abu Kamal", "Mayadin"] * 3):
        out.append(
            claim(f"{i:02d}:0", f"d{i}", f"Jets hit {where}, killing {i % 4 + 2}.", where=where, killed=i % 4 + 2)
        )
    return sorted(out, key=lambda c: c.id)


def _pairs(model):  # type: ignore[no-untyped-def]
    claims = _claims()
    cols = columns(claims, model.belligerents)
    ids = cols.pop("claim_id")
    table = scoring.score_pairs(cols, model, ids=ids)
    return {(p.a, p.b): (round(p.weight, 4), p.gammas) for p in table.pairs()}


def test_scoring_partitions_keep_every_pair_within_a_governorate(monkeypatch: pytest.MonkeyPatch) -> None:
    model = default_model()
    whole = _pairs(model)
    monkeypatch.setattr(scoring, "_PARTITION_ROWS", 4)
    parted = _pairs(model)
    area = {c.id: c.place.admin1 if c.place else None for c in _claims()}
    within = {k: v for k, v in whole.items() if area[k[0]] == area[k[1]]}
    assert within and {k: v for k, v in parted.items() if area[k[0]] == area[k[1]]} == within
    # Only pairs across governorates (here: similar wording, different towns) are not scored in partitions.
    assert set(whole) - set(parted) == set(whole) - set(within)


def test_scoring_chunks_of_a_large_partition_give_the_same_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    model = default_model()
    whole = _pairs(model)
    monkeypatch.setattr(scoring, "_CHUNK_ROWS", 4)
    assert whole and _pairs(model) == whole
