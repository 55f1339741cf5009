"""The linkage model: comparison levels (a hand-edited spec) plus trained parameters (a JSON file).

``data/link/comparisons.v1.yaml`` declares the columns, blocking rules and
comparison levels, the splink way: each level is a SQL condition over
``<column>_l``/``<column>_r``, written once and compiled by Splink for DuckDB
or Spark. ``data/link/model.v1.json`` holds what training estimated for that
spec: ``m`` and ``u`` per level, the prior match probability and the match
weight threshold. Runs load both and never re-estimate anything; ``civcas
link train`` rewrites the JSON (see docs/linking.md).

The model file names the spec file and its SHA-256, so a spec edited without
re-training is refused instead of silently mis-weighted.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from civcas import datayaml
from civcas.errors import LinkError
from civcas.link.features import Belligerents

DATA = Path(__file__).resolve().parent.parent / "data" / "link"
SPEC_FILE = DATA / "comparisons.v1.yaml"
MODEL_FILE = DATA / "model.v1.json"

#: Canonical belligerents, in bit order (../shared/eval/README.md plus the Airwars codes).
CANONICAL_BELLIGERENTS = (
    "coalition",
    "US",
    "UK",
    "France",
    "Russia",
    "Syria",
    "Turkey",
    "Iraq",
    "Israel",
    "SDF",
    "Iran",
    "Jordan",
    "other",
)
IGNORED_BELLIGERENTS = ("unknown",)

_KM_SQL = (
    "(6371.0 * 2 * asin(sqrt(power(sin(radians(lat_r - lat_l) / 2), 2) + "
    "cos(radians(lat_l)) * cos(radians(lat_r)) * power(sin(radians(lon_r - lon_l) / 2), 2))))"
)
_MH_SQL = "(" + " + ".join(f"(CASE WHEN h{i}_l = h{i}_r THEN 1 ELSE 0 END)" for i in range(8)) + ")"
_MACROS = {"{km}": _KM_SQL, "{mh}": _MH_SQL}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ChangelogEntry(_Strict):
    version: int
    date: date
    note: str


class Column(_Strict):
    id: str
    note: str


class Family(_Strict):
    id: str
    belligerent: str
    family: str
    note: str | None = None


class WeaponFamily(_Strict):
    id: str
    weapon: str
    family: str
    note: str | None = None


class Blocking(_Strict):
    id: str
    sql: str
    note: str | None = None


class Level(_Strict):
    id: str
    label: str
    sql: str | None = None
    is_null: bool = False
    else_: bool = Field(False, alias="else")
    note: str | None = None


class Comparison(_Strict):
    id: str
    note: str
    order: list[list[str]] = []
    levels: list[Level]


class Spec(_Strict):
    schema_: str = Field(alias="schema")
    name: str
    version: int
    sources: list[str]
    license: str
    changelog: list[ChangelogEntry]
    columns: list[Column]
    belligerent_families: list[Family]
    weapon_families: list[WeaponFamily]
    quote_stopwords: list[str]
    block_cap: int = Field(gt=1)
    refine_from: int = Field(gt=1)
    blocking: list[Blocking]
    comparisons: list[Comparison]


class LevelParameters(_Strict):
    m: float = Field(gt=0, le=1)
    u: float = Field(gt=0, le=1)
    matches: int = Field(0, description="labelled matching pairs at this level")
    note: str | None = None


class Training(_Strict):
    date: date
    command: str
    data: list[str]
    labelled_claims: int
    matching_pairs: int
    compared_pairs: int
    u_pairs: int
    smoothing: float
    note: str | None = None


class ModelFile(_Strict):
    schema_: str = Field(alias="schema")
    name: str
    version: int
    spec: str
    spec_sha256: str
    sources: list[str]
    license: str
    changelog: list[ChangelogEntry]
    prior: float = Field(gt=0, lt=1, description="probability that two random claims describe one incident")
    threshold: float = Field(description="match weight (log2 Bayes factor incl. prior) at which a link is drawn")
    merge_threshold: float = Field(description="mean match weight two groups of claims need to be merged")
    unscored_weight: float | None = Field(
        default=None,
        description="the weight a pair of reports counts as in the mean between two clusters when blocking never "
        "compared it (default: the model's own weight of two places apart with nothing else known)",
    )
    training: Training
    parameters: dict[str, dict[str, LevelParameters]]


def _validation_problems(path: Path, exc: ValidationError) -> str:
    return "\n".join(f"{path}: {'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors())


def load_spec(path: Path = SPEC_FILE) -> Spec:
    """Read and validate the comparison spec; raises :class:`LinkError` listing every problem."""
    try:
        raw = datayaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LinkError(f"{path}: cannot read the comparison spec ({exc}); expected YAML") from None
    try:
        spec = Spec.model_validate(raw)
    except ValidationError as exc:
        raise LinkError(_validation_problems(path, exc)) from None
    problems: list[str] = []
    stem = re.search(r"\.v(\d+)\.yaml$", path.name)
    if stem and int(stem.group(1)) != spec.version:
        problems.append(f"{path}: header version {spec.version} does not match the file name")
    for comp in spec.comparisons:
        ids = [lv.id for lv in comp.levels]
        if len(set(ids)) != len(ids):
            problems.append(f"{path}: comparison {comp.id!r} repeats a level id; ids must be unique")
        for lv in comp.levels:
            if lv.else_ == (lv.sql is not None):
                problems.append(f"{path}: {comp.id}.{lv.id}: give either 'sql' or 'else: true'")
        if not comp.levels or not comp.levels[-1].else_:
            problems.append(f"{path}: comparison {comp.id!r} must end with an 'else' level")
        for chain in comp.order:
            unknown = [lv for lv in chain if lv not in ids]
            if unknown:
                problems.append(f"{path}: comparison {comp.id!r} orders unknown levels {unknown}; expected {ids}")
    if problems:
        raise LinkError("\n".join(problems))
    return spec


def spec_sha256(path: Path = SPEC_FILE) -> str:
    """SHA-256 of the spec file's bytes, recorded in the model so a stale model is refused."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def expand(sql: str) -> str:
    """Expand the spec's macros (``{km}``, ``{mh}``) into portable SQL."""
    for macro, text in _MACROS.items():
        sql = sql.replace(macro, text)
    return sql


@dataclass(frozen=True, slots=True)
class LevelInfo:
    """One comparison level as the runtime needs it: its gamma value, label and weight."""

    comparison: str
    id: str
    label: str
    gamma: int
    is_null: bool
    weight: float
    m: float | None
    u: float | None


@dataclass(frozen=True, slots=True, eq=False)
class LinkModel:
    """A spec with its trained parameters: everything scoring and explaining need."""

    spec: Spec
    params: ModelFile | None
    spec_path: Path
    belligerents: Belligerents

    @property
    def prior(self) -> float:
        return self.params.prior if self.params else 1e-4

    @property
    def prior_weight(self) -> float:
        """log2 of the prior odds: the starting weight of every pair."""
        return math.log2(self.prior / (1 - self.prior))

    @property
    def threshold(self) -> float:
        return self.params.threshold if self.params else 0.0

    @property
    def merge_threshold(self) -> float:
        return self.params.merge_threshold if self.params else 0.0

    @property
    def unscored_weight(self) -> float | None:
        """What a pair blocking never compared weighs in average linkage: the prior plus the place comparison's
        least alike level (two different places, nothing else known), unless the model file sets it."""
        if self.params is None:
            return None
        if self.params.unscored_weight is not None:
            return self.params.unscored_weight
        place = self.spec.comparisons[0]
        last = place.order[0][-1] if place.order else None
        p = self.params.parameters.get(place.id, {}).get(last) if last else None
        return self.prior_weight + math.log2(p.m / p.u) if p is not None else None

    @property
    def tag(self) -> str:
        """``file@version`` of the parameters, recorded in every incident's reasons."""
        if self.params is None:
            return f"link/{self.spec_path.name}@untrained"
        return f"link/{MODEL_FILE.name}@{self.params.version}"

    def levels(self) -> dict[str, dict[int, LevelInfo]]:
        """Per comparison, gamma value -> level (Splink numbers levels: null -1, the rest counting down to 0)."""
        out: dict[str, dict[int, LevelInfo]] = {}
        for comp in self.spec.comparisons:
            non_null = [lv for lv in comp.levels if not lv.is_null]
            counter = len(non_null) - 1
            table: dict[int, LevelInfo] = {}
            for lv in comp.levels:
                if lv.is_null:
                    gamma = -1
                else:
                    gamma = counter
                    counter -= 1
                p = self.params.parameters.get(comp.id, {}).get(lv.id) if self.params else None
                weight = 0.0 if lv.is_null or p is None else math.log2(p.m / p.u)
                table[gamma] = LevelInfo(
                    comparison=comp.id,
                    id=lv.id,
                    label=lv.label,
                    gamma=gamma,
                    is_null=lv.is_null,
                    weight=weight,
                    m=None if p is None else p.m,
                    u=None if p is None else p.u,
                )
            out[comp.id] = table
        return out

    def gamma_sql(self) -> str:
        """One SQL expression packing every comparison's gamma (4 bits each) over ``<column>_l``/``_r``.

        The same conditions, in the same order, as the Splink settings: a
        test checks both give the same levels.
        """
        parts = []
        for k, comp in enumerate(self.spec.comparisons):
            table = {info.id: info.gamma for info in self.levels()[comp.id].values()}
            whens = [f"WHEN {expand(lv.sql or '')} THEN {table[lv.id]}" for lv in comp.levels if not lv.else_]
            parts.append(f"(CASE {' '.join(whens)} ELSE 0 END + 1) * {1 << (4 * k)}")
        return " + ".join(parts)

    def splink_settings(
        self, *, trained: bool = True, extra_condition: str | None = None, all_pairs: bool = False
    ) -> dict[str, Any]:
        """A Splink settings dict (DuckDB dialect; Splink translates for Spark) for this model.

        ``extra_condition`` is ANDed to every blocking rule (e.g. "one side is new");
        ``all_pairs`` compares every cross-document pair (for explaining a few claims).
        """
        rules = ["1 = 1"] if all_pairs else [b.sql for b in self.spec.blocking]
        tail = " and l.doc_id <> r.doc_id" + (f" and ({extra_condition})" if extra_condition else "")
        comparisons = []
        for comp in self.spec.comparisons:
            levels = []
            for lv in comp.levels:
                level: dict[str, Any] = {
                    "sql_condition": "ELSE" if lv.else_ else expand(lv.sql or ""),
                    "label_for_charts": lv.label,
                }
                if lv.is_null:
                    level["is_null_level"] = True
                elif trained and self.params is not None:
                    p = self.params.parameters[comp.id][lv.id]
                    level["m_probability"] = p.m
                    level["u_probability"] = p.u
                levels.append(level)
            comparisons.append(
                {"output_column_name": comp.id, "comparison_description": comp.note, "comparison_levels": levels}
            )
        return {
            "link_type": "dedupe_only",
            "unique_id_column_name": "unique_id",
            "probability_two_random_records_match": self.prior,
            "comparisons": comparisons,
            "blocking_rules_to_generate_predictions": [
                {"blocking_rule": f"({sql}){tail}", "sql_dialect": "duckdb"} for sql in rules
            ],
            # Splink would keep every compared column of both claims to show the gammas: ~70 columns per pair.
            # Scoring computes the packed gammas itself from the same conditions (gamma_sql) instead.
            "retain_matching_columns": False,
            "retain_intermediate_calculation_columns": False,
        }


def load_model(spec_path: Path = SPEC_FILE, model_path: Path | None = MODEL_FILE) -> LinkModel:
    """Load the spec and its trained parameters; raises :class:`LinkError` when they do not fit together.

    ``model_path=None`` loads the spec alone (for training).
    """
    spec = load_spec(spec_path)
    params: ModelFile | None = None
    if model_path is not None:
        try:
            raw = json.loads(model_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise LinkError(
                f"{model_path}: cannot read the link model ({exc}); re-train with `civcas link train`"
            ) from None
        try:
            params = ModelFile.model_validate(raw)
        except ValidationError as exc:
            raise LinkError(_validation_problems(model_path, exc)) from None
        problems = []
        if params.spec != spec_path.name:
            problems.append(f"{model_path}: trained for spec {params.spec!r}, not {spec_path.name!r}")
        elif params.spec_sha256 != spec_sha256(spec_path):
            problems.append(f"{model_path}: {spec_path.name} changed since training; re-train with `civcas link train`")
        for comp in spec.comparisons:
            for lv in comp.levels:
                if not lv.is_null and lv.id not in params.parameters.get(comp.id, {}):
                    problems.append(f"{model_path}: no parameters for level {comp.id}.{lv.id}")
        if problems:
            raise LinkError("\n".join(problems))
    families = {f.belligerent: f.family for f in spec.belligerent_families}
    weapons = {w.weapon: w.family for w in spec.weapon_families}
    return LinkModel(
        spec=spec,
        params=params,
        spec_path=spec_path,
        belligerents=Belligerents(
            CANONICAL_BELLIGERENTS, families, IGNORED_BELLIGERENTS, spec.quote_stopwords, weapon_families=weapons
        ),
    )


@functools.cache
def default_model() -> LinkModel:
    """The bundled model, loaded once per process."""
    return load_model()
