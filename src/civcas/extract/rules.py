"""Load and validate the lexicons and patterns under ``civcas/data``.

Each file is YAML with a header (``schema``, ``version``, ``sources``,
``license``, ``changelog``) and a body whose shape the schema names. Files
are validated with pydantic (``extra="forbid"``) and every problem is
reported at once, naming the file and the entry, so a linguist editing a
lexicon sees all their typos in one run.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from civcas.errors import DataFileError

DATA = Path(__file__).resolve().parent.parent / "data"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChangelogEntry(_Strict):
    version: int
    date: date
    note: str


class Header(_Strict):
    schema_: str = Field(alias="schema")
    name: str
    language: str | None = None
    version: int
    sources: list[str]
    license: str
    changelog: list[ChangelogEntry]


# --- bodies -----------------------------------------------------------------------------------------


class NumberPhrase(_Strict):
    id: str
    text: str
    value: int
    note: str | None = None


class VagueWord(_Strict):
    id: str
    text: str
    low: int | None
    high: int | None
    note: str | None = None


class NumbersFile(Header):
    units: dict[str, int]
    scales: dict[str, int]
    phrases: list[NumberPhrase]
    vague: list[VagueWord]


class QualifierEntry(_Strict):
    id: str
    qualifier: Literal["exact", "at_least", "more_than", "approx", "up_to"]
    phrases: list[str]
    note: str | None = None


class QualifiersFile(Header):
    entries: list[QualifierEntry]


class HarmEntry(_Strict):
    id: str
    category: Literal["killed", "injured", "killed_or_injured"]
    form: Literal["active", "passive", "noun_after", "noun_before", "left"]
    phrases: list[str]
    note: str | None = None


class HarmFile(Header):
    entries: list[HarmEntry]
    left_verbs: list[str]
    attack_nouns: list[str]
    attack_verbs: list[str]
    negations: list[str]


class VictimEntry(_Strict):
    id: str
    category: str | None
    status: Literal["civilian", "combatant", "unspecified"]
    plural: list[str]
    singular: list[str]
    note: str | None = None


class VictimPronouns(_Strict):
    one: list[str]
    many: list[str]


class VictimsFile(Header):
    entries: list[VictimEntry]
    pronouns: VictimPronouns
    category_openers: list[str]


class BelligerentEntry(_Strict):
    id: str
    canonical: str
    names: list[str]
    adjectives: list[str] = []
    valid_from: date | None = None
    valid_to: date | None = None
    #: ISO 3166-1 alpha-2 codes of the only countries the force fights in (a last hint at the event's country)
    operates_in: list[str] = []
    note: str | None = None


class BelligerentsFile(Header):
    military_nouns: list[str]
    #: the attacking nouns after another state's demonym ("the Nigerian Air Force"); none: no state fallback
    state_nouns: list[str] = []
    #: ISO 3166-1 alpha-2 -> the force a bare "occupation" means in that country's reporting
    occupiers: dict[str, str] = {}
    #: ISO 3166-1 alpha-2 -> the coalition a bare "coalition" means there (another than the US-led one)
    coalitions: dict[str, str] = {}
    not_names: list[str] = []
    entries: list[BelligerentEntry]


class Anaphor(_Strict):
    id: str
    words: list[str]
    kinds: list[str]


class ClaimantEntry(_Strict):
    id: str
    kind: str
    phrases: list[str]
    note: str | None = None


class Organisation(_Strict):
    """One source under its several names ("SOHR", "the Syrian Observatory"), so its statements group together."""

    id: str
    name: str
    aliases: list[str]
    note: str | None = None


class ClaimantsFile(Header):
    speech_verbs: list[str]
    source_openers: list[str]
    anaphors: list[Anaphor]
    entries: list[ClaimantEntry]
    organisations: list[Organisation] = []


class RegexEntry(_Strict):
    id: str
    regex: str
    stance: Literal["denies", "disputes", "acknowledges", "estimates"] | None = None
    note: str | None = None

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"regex does not compile: {exc}") from None
        return value


class StanceFile(Header):
    entries: list[RegexEntry]


class AggregateFile(Header):
    entries: list[RegexEntry]
    # What may stand just before a tally cue and makes it date or qualify something else ("the deadliest
    # attack this year", "fighting that erupted late last year"): the cue then marks no tally.
    dating_context: list[RegexEntry] = []


class FeatureEntry(_Strict):
    id: str
    kind: str
    words: list[str]


class RelationEntry(_Strict):
    id: str
    relation: str
    words: list[str]


class PlacesFile(Header):
    features: list[FeatureEntry]
    around: list[str]
    relations: list[RelationEntry]
    prepositions: list[str]
    not_places: list[str]
    person_names: list[str] = []
    origin_people: list[str] = []
    #: ISO2 -> names of admin units only that country's system has ("local government area": Nigeria)
    country_admin_words: dict[str, list[str]] = {}
    #: ISO2 -> armed groups that fight in that country only ("Boko Haram": Nigeria), a weak vote for it
    group_countries: dict[str, list[str]] = {}
    #: Nouns a people's adjective after them makes someone's forces or strikes ("القصف الروسي"): whose, not where
    force_nouns: list[str] = []
    #: Of those, the nouns of strikes from afar and of occupation ("قصف تركي", "الاحتلال التركي"): the adjective's
    #: country is not even a last resort for where the event was
    abroad_nouns: list[str] = []
    #: Adjectives that follow a town's name ("عفرين المحتلة", "أطمة الحدودية"): the name governs no construct
    place_adjectives: list[str] = []


class RelativeDate(_Strict):
    id: str
    phrases: list[str]
    start: int | Literal["weekend", "last_month", "this_month"]
    end: int | Literal["weekend", "last_month", "this_month"]
    precision: Literal["day", "days", "week", "month"]


class IntervalWord(_Strict):
    id: str
    phrases: list[str]
    min: int
    max: int


class DatesFile(Header):
    months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    relative: list[RelativeDate]
    interval_words: list[IntervalWord]


class WordClass(_Strict):
    id: str
    words: list[str]
    note: str | None = None


class TargetsFile(Header):
    targets: list[WordClass]
    weapons: list[WordClass]


# --- Arabic-script bodies (see docs/arabic.md): Arabic marks number on the noun (singular = one,
# dual = two), so harm and victim nouns list those forms apart; forces own targets named before them.


class ArabicHarmEntry(_Strict):
    id: str
    category: Literal["killed", "injured", "killed_or_injured"]
    form: Literal["event", "person"]
    phrases: list[str] = []
    singular: list[str] = []
    dual: list[str] = []
    note: str | None = None


class ArabicSplitEvent(_Strict):
    """A harm verb whose victims stand between it and its object: "فقد شخصان حياتهما" (two people lost their lives)."""

    id: str
    category: Literal["killed", "injured", "killed_or_injured"]
    verbs: list[str]
    objects: list[str]
    max_gap: int = 6
    note: str | None = None


class ArabicHarmFile(Header):
    entries: list[ArabicHarmEntry]
    attack: list[str]
    negations: list[str]
    toll_links: list[str]
    split_events: list[ArabicSplitEvent] = []


class ArabicVictimEntry(_Strict):
    id: str
    category: str | None
    status: Literal["civilian", "combatant", "unspecified"]
    singular: list[str] = []
    dual: list[str] = []
    plural: list[str] = []
    note: str | None = None


class ArabicVictimsFile(Header):
    entries: list[ArabicVictimEntry]
    including: list[str]
    mostly: list[str]
    not_people: list[str]


class ArabicBelligerentsFile(Header):
    military_nouns: list[str]
    noun_modifiers: list[str]
    owned_by: list[str]
    source_markers: list[str]
    not_names: list[str] = []
    entries: list[BelligerentEntry]


SCHEMAS: dict[str, type[Header]] = {
    "civcas.targets/1": TargetsFile,
    "civcas.numbers/1": NumbersFile,
    "civcas.qualifiers/1": QualifiersFile,
    "civcas.harm/1": HarmFile,
    "civcas.victims/1": VictimsFile,
    "civcas.belligerents/1": BelligerentsFile,
    "civcas.claimants/1": ClaimantsFile,
    "civcas.stance/1": StanceFile,
    "civcas.aggregate/1": AggregateFile,
    "civcas.places/1": PlacesFile,
    "civcas.dates/1": DatesFile,
    "civcas.harm_ar/1": ArabicHarmFile,
    "civcas.victims_ar/1": ArabicVictimsFile,
    "civcas.belligerents_ar/1": ArabicBelligerentsFile,
}


def _line_of(path: Path, text: str, loc: tuple[Any, ...], raw: Any) -> int:
    """Best-effort line number of a pydantic error location, for the message."""
    node = raw
    ident = None
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and "id" in node:
            ident = node["id"]
    if ident is not None:
        for n, line in enumerate(text.splitlines(), 1):
            if re.search(rf"\bid:\s*{re.escape(str(ident))}\b", line):
                return n
    key = next((str(p) for p in reversed(loc) if isinstance(p, str)), None)
    if key:
        for n, line in enumerate(text.splitlines(), 1):
            if re.match(rf"\s*-?\s*{re.escape(key)}:", line):
                return n
    return 1


def load_file(path: Path) -> Header:
    """Validate one data file; raises :class:`DataFileError` listing every problem in it."""
    text = path.read_text(encoding="utf-8")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise DataFileError(f"{path}:{line}: not valid YAML ({exc}); expected a mapping") from None
    if not isinstance(raw, dict) or "schema" not in raw:
        raise DataFileError(f"{path}:1: no 'schema' key; expected one of {sorted(SCHEMAS)}")
    model = SCHEMAS.get(str(raw["schema"]))
    if model is None:
        raise DataFileError(f"{path}:1: unknown schema {raw['schema']!r}; expected one of {sorted(SCHEMAS)}")
    try:
        parsed = model.model_validate(raw)
    except ValidationError as exc:
        problems = [
            f"{path}:{_line_of(path, text, tuple(err['loc']), raw)}: "
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"
            for err in exc.errors()
        ]
        raise DataFileError("\n".join(problems)) from None
    ids = [e.id for e in getattr(parsed, "entries", []) if hasattr(e, "id")]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise DataFileError(f"{path}:1: duplicate entry ids {dupes}; ids must be unique within a file")
    stem_version = re.search(r"\.v(\d+)\.yaml$", path.name)
    if stem_version and int(stem_version.group(1)) != parsed.version:
        raise DataFileError(
            f"{path}:1: header version {parsed.version} does not match the file name; expected {stem_version.group(1)}"
        )
    return parsed


@dataclass(frozen=True, slots=True, eq=False)
class RuleFiles:
    """Every lexicon and pattern file extraction uses, with the ``file@version`` tag of each."""

    numbers: NumbersFile
    qualifiers: QualifiersFile
    harm: HarmFile
    victims: VictimsFile
    belligerents: BelligerentsFile
    claimants: ClaimantsFile
    stance: StanceFile
    aggregate: AggregateFile
    places: PlacesFile
    dates: DatesFile
    targets: TargetsFile
    tags: dict[str, str]
    # Arabic-script rules (``civcas.extract.arabic``); defaults keep hand-built RuleFiles valid.
    ar_numbers: NumbersFile | None = None
    ar_qualifiers: QualifiersFile | None = None
    ar_harm: ArabicHarmFile | None = None
    ar_victims: ArabicVictimsFile | None = None
    ar_belligerents: ArabicBelligerentsFile | None = None
    ar_claimants: ClaimantsFile | None = None
    ar_stance: StanceFile | None = None
    ar_aggregate: AggregateFile | None = None
    ar_places: PlacesFile | None = None
    ar_dates: DatesFile | None = None

    def tag(self, kind: str, entry_id: str) -> str:
        """``file@version#id``: the rule reference a claim records for provenance."""
        return f"{self.tags[kind]}#{entry_id}"


_FILES = {
    "numbers": "lexicons/numbers.en.v1.yaml",
    "qualifiers": "lexicons/qualifiers.en.v1.yaml",
    "harm": "lexicons/harm.en.v1.yaml",
    "victims": "lexicons/victims.en.v1.yaml",
    "belligerents": "lexicons/belligerents.v1.yaml",
    "claimants": "lexicons/claimants.en.v1.yaml",
    "stance": "patterns/stance.en.v1.yaml",
    "aggregate": "patterns/aggregate.en.v1.yaml",
    "places": "patterns/places.en.v1.yaml",
    "dates": "patterns/dates.en.v1.yaml",
    "targets": "lexicons/targets.en.v1.yaml",
    "ar_numbers": "lexicons/numbers.ar.v1.yaml",
    "ar_qualifiers": "lexicons/qualifiers.ar.v1.yaml",
    "ar_harm": "lexicons/harm.ar.v1.yaml",
    "ar_victims": "lexicons/victims.ar.v1.yaml",
    "ar_belligerents": "lexicons/belligerents.ar.v1.yaml",
    "ar_claimants": "lexicons/claimants.ar.v1.yaml",
    "ar_stance": "patterns/stance.ar.v1.yaml",
    "ar_aggregate": "patterns/aggregate.ar.v1.yaml",
    "ar_places": "patterns/places.ar.v1.yaml",
    "ar_dates": "patterns/dates.ar.v1.yaml",
}


def data_files() -> dict[str, Path]:
    """The data files extraction loads, by kind."""
    return {kind: DATA / rel for kind, rel in _FILES.items()}


@functools.cache
def load_rules(root: Path | None = None) -> RuleFiles:
    """Load every rule file once per process; raises one error listing all bad files."""
    base = root or DATA
    loaded: dict[str, Any] = {}
    problems: list[str] = []
    tags: dict[str, str] = {}
    for kind, rel in _FILES.items():
        path = base / rel
        try:
            loaded[kind] = load_file(path)
        except DataFileError as exc:
            problems.append(str(exc))
            continue
        except OSError as exc:
            problems.append(f"{path}:1: cannot read ({exc.strerror})")
            continue
        name = re.sub(r"\.v\d+\.yaml$", "", Path(rel).name)
        tags[kind] = f"{Path(rel).parent.name}/{name}@v{loaded[kind].version}"
    if problems:
        raise DataFileError("\n".join(problems))
    return RuleFiles(tags=tags, **loaded)
