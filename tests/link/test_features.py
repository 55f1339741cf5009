"""Comparison records: folded names, date numbers, figure bounds, belligerent masks, MinHash."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import pyarrow as pa
from _link_claims import claim, figure

from civcas.link.features import (
    BLOCK_COLUMNS,
    UNBOUNDED,
    add_block_keys,
    day_number,
    day_of_year,
    figure_bounds,
    minhash,
    quote_words,
    report_dates,
    row,
)
from civcas.link.model import default_model
from civcas.records import DateInterval, DatePrecision, Document, Figure, Qualifier


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


def test_features_partner_forces_share_a_family() -> None:
    """A joint raid is told as the coalition's by one outlet and the SDF's by another."""
    lex = default_model().belligerents
    sdf, sdf_fam = lex.masks(["SDF"])
    coalition, coalition_fam = lex.masks(["coalition"])
    _, turkey_fam = lex.masks(["Turkey"])
    assert sdf and coalition and not sdf & coalition
    assert sdf_fam & coalition_fam
    assert not turkey_fam & sdf_fam


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


def _block_keys_reference(cols: dict[str, list], cap: int) -> dict[str, list]:  # type: ignore[type-arg]
    """The block keys as first written (a set of claims per value, Python values throughout), to pin the result."""
    refine = (
        lambda i: (
            "u" if (d := cols["d0"][i] if cols["d0"][i] is not None else cols["dmax"][i]) is None else str(d // 30)
        ),
        lambda i: "n" if cols["bf"][i] is None else str(cols["bf"][i]),
        lambda i: "n" if cols["k_lo"][i] is None else str(int(math.log(cols["k_lo"][i] + 1, 1.5))),
        lambda i: "n" if cols["h0"][i] is None else str(cols["h0"][i] % 32),
    )

    def split(key: str, idx: list[int], level: int) -> dict[int, str]:
        if len(idx) <= cap or level == len(refine):
            return dict.fromkeys(idx, key)
        parts: dict[str, list[int]] = {}
        for i in idx:
            parts.setdefault(refine[level](i), []).append(i)
        out: dict[int, str] = {}
        for sub, members in parts.items():
            out.update(split(f"{key}|{sub}", members, level + 1))
        return out

    keys = {"b" + c: list(cols[c]) for c in BLOCK_COLUMNS}
    holders: dict[str, set[int]] = {}
    for c in BLOCK_COLUMNS:
        for i, v in enumerate(cols[c]):
            if v is not None:
                holders.setdefault(v, set()).add(i)
    for value, idx in holders.items():
        if len(idx) > cap:
            for i, key in split(value, sorted(idx), 0).items():
                for c in BLOCK_COLUMNS:
                    if cols[c][i] == value:
                        keys["b" + c][i] = key
    return keys


def test_features_block_keys_split_busy_places_alike_in_every_column() -> None:
    n = 60
    cols: dict[str, Any] = {
        "n1": [("raqqa", "tabqa", "manbij", None)[i % 4] for i in range(n)],
        "n2": [("raqqa", "altabqa", "manbij", "syria")[i % 4] for i in range(n)],
        "a1": ["raqqa" if i % 4 < 2 else "aleppo" for i in range(n)],
        "a2": [None if i % 5 == 0 else "manbij" for i in range(n)],
        "a3": ["tukhar" if i == 5 else None for i in range(n)],
        "d0": [None if i % 3 else -40 + i * 11 for i in range(n)],
        "dmax": [None if i % 2 else 17_000 + i for i in range(n)],
        "bf": [None if i % 7 == 0 else 1 << (i % 3) for i in range(n)],
        "k_lo": [None if i % 6 == 0 else i % 13 for i in range(n)],
        "h0": [(i * 2_654_435_761) & 0x7FFFFFFF for i in range(n)],
    }
    want = _block_keys_reference(cols, cap=4)
    as_arrow = {
        **cols,
        **{
            k: pa.chunked_array([pa.array(cols[k][:25]), pa.array(cols[k][25:])])
            for k in ("d0", "dmax", "bf", "k_lo", "h0")
        },
    }
    for given in (cols, as_arrow):
        got = dict(given)
        assert add_block_keys(got, cap=4) > 0
        assert {k: got[k] for k in want} == want
    # A value within the cap keeps its name; a busy one is split the same way wherever it is named.
    assert add_block_keys(dict(cols), cap=n) == 0
    assert want["ba3"][5] == "tukhar"
    manbij = {want["bn1"][i] for i in range(n) if cols["n1"][i] == "manbij"}
    assert all(k.startswith("manbij|") for k in manbij)
    both = [i for i in range(n) if cols["n1"][i] == cols["a2"][i] == "manbij"]
    assert both and all(want["bn1"][i] == want["ba2"][i] for i in both)


def test_features_day_of_year_with_or_without_a_year() -> None:
    # "25 August" in an undated page and a dated report of 25 August 2022 share the day of the year;
    # an interval of a week, or a report dated only before its publication, has none
    yearless = DateInterval(None, None, DatePrecision.DAY, month_day=(8, 25))
    dated = DateInterval(date(2022, 8, 25), date(2022, 8, 25), DatePrecision.DAY)
    assert day_of_year(yearless) == day_of_year(dated) == date(2024, 8, 25).timetuple().tm_yday
    assert day_of_year(DateInterval(date(2022, 8, 20), date(2022, 8, 27), DatePrecision.WEEK)) is None
    assert day_of_year(DateInterval(None, date(2022, 8, 25), DatePrecision.PERIOD)) is None
    assert day_of_year(DateInterval(None, None, DatePrecision.DAY, month_day=(2, 29))) == 60


def test_features_report_day_of_a_captured_post_is_its_own_stamp() -> None:
    # a post captured a year after it was made, filed under the day of its capture: it appeared on its stamp's day
    # (as extraction reads its "today"), so it is not "reported more than a month apart" from that day's reports
    text = "Deir Ezzor 24\nFebruary 22, 2025 · Shared with Public\nSDF forces raided a house in the town at dawn today."
    captured = Document(id="d1", text=text, published=date(2026, 2, 22))
    plain = Document(id="d2", text="Two civilians were killed in the raid.", published=date(2025, 2, 23))
    c1 = claim("d1:0", "d1", text, where="Mayadin", day="2025-02-22")
    c2 = claim("d2:0", "d2", plain.text, where="Mayadin")
    assert report_dates([c1, c2], [captured, plain]) == {"d1": date(2025, 2, 22), "d2": date(2025, 2, 23)}
