"""The comparison spec and trained model: validation, staleness, and Splink's levels as the spec declares them."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from _link_claims import claim, document

from civcas.errors import LinkError
from civcas.link.features import columns
from civcas.link.model import MODEL_FILE, SPEC_FILE, default_model, load_model, load_spec
from civcas.link.scoring import score_pairs
from civcas.records import DateInterval, DatePrecision, Qualifier


def test_model_bundled_files_load_and_cover_every_level() -> None:
    model = default_model()
    assert model.params is not None
    for comp in model.spec.comparisons:
        for level in comp.levels:
            if not level.is_null:
                p = model.params.parameters[comp.id][level.id]
                assert 0 < p.m <= 1 and 0 < p.u <= 1
    assert model.tag == "link/model.v1.json@1"


def test_model_edited_spec_is_refused_until_retrained(tmp_path: Path) -> None:
    spec = tmp_path / SPEC_FILE.name
    spec.write_text(SPEC_FILE.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    with pytest.raises(LinkError, match="changed since training; re-train"):
        load_model(spec, MODEL_FILE)


def test_model_spec_problems_are_listed_together(tmp_path: Path) -> None:
    text = SPEC_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "comparisons.v1.yaml"
    bad.write_text(
        text.replace('{id: different, else: true, label: "different places"}', '{id: different, label: "x"}').replace(
            "order: [[same_day,", "order: [[same_dya,"
        ),
        encoding="utf-8",
    )
    with pytest.raises(LinkError) as err:
        load_spec(bad)
    message = str(err.value)
    assert "place.different: give either 'sql' or 'else: true'" in message
    assert "orders unknown levels ['same_dya']" in message


def test_model_missing_parameters_are_refused(tmp_path: Path) -> None:
    raw = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    del raw["parameters"]["killed"]["far"]
    bad = tmp_path / "model.v1.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    shutil.copy(SPEC_FILE, tmp_path / SPEC_FILE.name)
    with pytest.raises(LinkError, match=r"no parameters for level killed\.far"):
        load_model(tmp_path / SPEC_FILE.name, bad)


def test_model_splink_levels_match_the_spec() -> None:
    """Splink evaluates the spec's SQL; the gamma values map back to the levels the spec names."""
    model = default_model()
    one = claim(
        "a:0",
        "a",
        "Coalition jets killed 56 civilians in the village of Tukhar near Manbij on Tuesday.",
        where="Tukhar",
        day="2016-07-19",
        killed=56,
    )
    two = claim(
        "b:0",
        "b",
        "Coalition jets killed 56 civilians in the village of Tukhar near Manbij on Tuesday.",
        where="Tukhar",
        day="2016-07-19",
        killed=56,
    )
    far = claim(
        "c:0",
        "c",
        "Russian helicopters dropped barrel bombs on Abu Kamal, three died.",
        where="Abu Kamal",
        day="2016-09-30",
        killed=3,
        belligerents=("Russia",),
    )
    open_ended = claim(
        "d:0", "d", "At least three died in Abu Kamal.", where="Abu Kamal", killed=3, qualifier=Qualifier.AT_LEAST
    )
    # "on 19 July" in a page that gives no year
    yearless = dataclasses.replace(
        claim("e:0", "e", "Jets killed 56 civilians in Tukhar on 19 July.", where="Tukhar", killed=56),
        date=DateInterval(None, None, DatePrecision.DAY, month_day=(7, 19)),
    )
    claims = sorted((one, two, far, open_ended, yearless), key=lambda c: c.id)
    published = {c.doc_id: document(c.doc_id, published="2016-10-01").published for c in claims}
    table = score_pairs(columns(claims, model.belligerents, published), model, all_pairs=True)
    pairs = {(p.a, p.b): p for p in table.pairs()}
    levels = model.levels()

    def named(a: str, b: str) -> dict[str, str]:
        p = pairs[(a, b)]
        return {c.id: levels[c.id][g].id for c, g in zip(model.spec.comparisons, p.gammas, strict=True)}

    assert named("a:0", "b:0") == {
        "place": "same_place",
        "date": "same_day",
        "belligerents": "same",
        "killed": "equal_large",
        "injured": "null",
        "weapons": "null",
        "quote": "near_copy",
        "day_of_year": "null",  # both dated: the date comparison says it
    }
    assert named("a:0", "c:0") == {
        "place": "different",
        "date": "apart",
        "belligerents": "different",
        "killed": "far",
        "injured": "null",
        "weapons": "null",
        "quote": "different",
        "day_of_year": "null",
    }
    assert named("a:0", "d:0")["killed"] == "overlap"  # "at least three" does not contradict 56
    assert named("a:0", "e:0")["day_of_year"] == "same"  # 19 July 2016 and a yearless 19 July
    assert named("c:0", "e:0")["day_of_year"] == "apart"  # 30 September and 19 July
    total = model.prior_weight + sum(
        next(info.weight for info in levels[comp].values() if info.id == level)
        for comp, level in named("a:0", "b:0").items()
    )
    assert pairs[("a:0", "b:0")].weight == pytest.approx(total, abs=1e-3)


def test_model_packed_gammas_equal_splinks_own() -> None:
    """Scoring packs gammas with its own SQL (to keep pairs small); Splink's gamma columns must agree."""
    import duckdb
    from splink import DuckDBAPI, Linker

    from civcas.link.scoring import arrow_table, unpack

    model = default_model()
    places = ["Tukhar", "Manbij", "Raqqa", "Tabqa", "Abu Kamal", "Deir ez-Zor province", "Syria", None]
    claims = []
    for i, where in enumerate(places * 2):
        claims.append(
            claim(
                f"{i:02d}:0",
                f"doc{i % 5}",
                f"Strike report {i} on {where} with {i * 7} dead and damage.",
                where=where,
                day=f"2017-06-{1 + i % 3:02d}" if i % 2 else None,
                killed=(i * 7) or None,
                belligerents=(("coalition",), ("US",), ("Russia",), ())[i % 4],
            )
        )
    cols = columns(sorted(claims, key=lambda c: c.id), model.belligerents)
    ids = cols.pop("claim_id")
    mine = score_pairs(dict(cols), model, ids=ids, all_pairs=True)
    settings = {**model.splink_settings(all_pairs=True), "retain_matching_columns": True}
    con = duckdb.connect()
    linker = Linker(DuckDBAPI(connection=con).register(arrow_table(cols)), settings, log_level=None)
    rel = linker.inference.predict(warning_mode="never").as_duckdbpyrelation()
    names = [c.id for c in model.spec.comparisons]
    theirs = {
        (min(r[0], r[1]), max(r[0], r[1])): tuple(r[2:])
        for r in rel.select("unique_id_l", "unique_id_r", *(f"gamma_{n}" for n in names)).fetchall()
    }
    ours = {(mine.a[k], mine.b[k]): unpack(mine.g[k], len(names)) for k in range(len(mine))}
    assert ours == theirs
    assert len(ours) > 50
