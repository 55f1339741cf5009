"""Comparison records: folded names, date numbers, figure bounds, belligerent masks, MinHash."""

from __future__ import annotations

from datetime import date

from _link_claims import claim, figure

from civcas.link.features import UNBOUNDED, day_number, figure_bounds, minhash, quote_words, row
from civcas.link.model import default_model
from civcas.records import Figure, Qualifier


def test_features_row_columns() -> None:
    model = default_model()
    c = claim(
        "a:0",
        "a",
        "French warplanes killed at least 45 in Tokhar on 19 July.",
        where="Tukhar",
        mention="Tokhar",
        day="2016-07-19",
        killed=45,
        qualifier=Qualifier.AT_LEAST,
        belligerents=("France",),
    )
    r = row(c, model.belligerents, date(2016, 7, 21))
    assert r["n1"] == r["n2"]  # "Tukhar" and "Tokhar" fold to one key
    assert r["a2"] and r["a1"]
    assert r["d0"] == r["d1"] == day_number(date(2016, 7, 19))
    assert r["dmax"] == day_number(date(2016, 7, 21))
    assert (r["k_lo"], r["k_hi"]) == (45, UNBOUNDED)
    spec, fam = model.belligerents.masks(["France"])
    coalition, _ = model.belligerents.masks(["coalition"])
    assert r["bs"] == spec and fam & coalition


def test_features_figure_bounds_follow_the_convention() -> None:
    assert figure_bounds(figure(60, Qualifier.MORE_THAN)) == (61, UNBOUNDED)
    assert figure_bounds(figure(30, Qualifier.UP_TO)) == (0, 30)
    assert figure_bounds(Figure(None, Qualifier.VAGUE, text="dozens", low=12)) == (12, UNBOUNDED)
    assert figure_bounds(Figure(20, Qualifier.RANGE, max=30)) == (20, 30)
    assert figure_bounds(Figure(None, Qualifier.VAGUE, text="many")) is None


def test_features_minhash_estimates_overlap() -> None:
    a = quote_words("Coalition aircraft struck a market in Raqqa killing shoppers and traders on Sunday morning")
    b = quote_words("Coalition aircraft struck a market in Raqqa killing shoppers and traders on Sunday")
    c = quote_words("Turkish drones hit a car on the road to Qamishli")
    ha, hb, hc = minhash(a), minhash(b), minhash(c)
    assert ha and hb and hc
    assert sum(x == y for x, y in zip(ha, hb, strict=True)) >= 5
    assert sum(x == y for x, y in zip(ha, hc, strict=True)) <= 2
    assert minhash(["one"]) is None


def test_features_weapon_masks_share_a_family() -> None:
    lex = default_model().belligerents
    air, air_fam = lex.weapon_masks(["airstrike"])
    drone, drone_fam = lex.weapon_masks(["drone"])
    shells, shells_fam = lex.weapon_masks(["artillery"])
    assert air and drone and shells and not air & drone
    assert air_fam == drone_fam != shells_fam
    assert lex.weapon_masks(["a weapon the spec does not list"]) == (0, 0)
