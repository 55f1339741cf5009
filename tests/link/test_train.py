"""Training counts m and u from labelled claims, smooths them, and keeps ordered levels in order."""

from __future__ import annotations

import math

from _link_claims import claim

from civcas.link.model import load_model
from civcas.link.train import _pool_violators, labels_from_airwars_gold, train


def _corpus():  # type: ignore[no-untyped-def]
    places = ["Raqqa", "Tabqa", "Manbij", "Mayadin", "Abu Kamal", "Tukhar"]
    claims, labels = [], {}
    for i, where in enumerate(places):
        for j in range(3):  # three outlets per strike
            c = claim(
                f"{where}-{j}:0",
                f"{where}-{j}",
                f"Report {j} of a strike on {where} that killed {10 + i}.",
                where=where,
                day=f"2017-06-{10 + i:02d}",
                killed=10 + i,
            )
            claims.append(c)
            labels[c.id] = where
    return claims, labels


def test_train_estimates_parameters_for_every_level() -> None:
    model = load_model(model_path=None)
    claims, labels = _corpus()
    out = train(claims, labels, model, smoothing=2.0)
    assert out["counts"]["labelled_claims"] == 18
    assert out["counts"]["matching_pairs"] == 6 * 3  # three cross-document pairs per strike
    assert out["prior"] == round(18 / ((18 * 18 - 18) // 2), 8)
    for comp in model.spec.comparisons:
        for level in comp.levels:
            if not level.is_null:
                p = out["parameters"][comp.id][level.id]
                assert 0 < p["m"] <= 1 and 0 < p["u"] <= 1
    w = out["weights"]["place"]
    assert w["same_place"] > 0 > w["different"]
    assert out["parameters"]["place"]["same_place"]["matches"] == 18


def test_train_prior_counts_pairs_within_each_training_set() -> None:
    # two corpora pooled ("<set>:<incident>" labels): their claims never meet in a run, so the prior is the
    # matching share of the pairs inside each set, as if each were trained alone
    model = load_model(model_path=None)
    claims, labels = _corpus()
    half = {c.id: f"{'a' if i < 9 else 'b'}:{labels[c.id]}" for i, c in enumerate(claims)}
    out = train(claims, half, model, smoothing=2.0)
    assert out["counts"]["compared_pairs"] == 2 * ((9 * 9 - 9) // 2)
    assert out["prior"] == round(out["counts"]["matching_pairs"] / out["counts"]["compared_pairs"], 8)


def test_train_pools_levels_out_of_order() -> None:
    # "overlap" looks more telling than "same_day" in a small sample: they are pooled to one ratio.
    mc = {"same_day": 1.0, "overlap": 8.0, "apart": 1.0}
    uc = {"same_day": 1.0, "overlap": 2.0, "apart": 50.0}
    pooled = _pool_violators([["same_day", "overlap", "apart"]], mc, uc)
    assert pooled["same_day"] == pooled["overlap"] == (9.0, 3.0, ("same_day", "overlap"))
    assert pooled["apart"] == (1.0, 50.0, ("apart",))
    assert math.log2(9 / 3) > math.log2(1 / 50)


def test_train_labels_from_airwars_gold_need_place_and_dates() -> None:
    c1 = claim("x:0", "x", "Jets killed 4 in Raqqa on 3 June.", where="Raqqa", day="2017-06-03", killed=4)
    c2 = claim("x:1", "x", "Jets killed 4 in Raqqa on 3 September.", where="Raqqa", day="2017-09-03", killed=4)
    c3 = claim("x:2", "x", "Jets killed 2 in Tabqa.", where="Tabqa", killed=2)
    gold = [
        {
            "doc": "x",
            "incidents": [
                {"code": "R1", "date": "2017-06-02", "date_end": None, "names": ["Raqqa"], "lat": None, "lon": None},
            ],
        }
    ]
    assert labels_from_airwars_gold([c1, c2, c3], gold) == {"x:0": "R1"}
