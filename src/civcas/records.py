"""Core records that flow between the stages.

Every stage is a pure function over these frozen, slotted dataclasses, so the
same code runs in one process, behind the store-backed CLI and inside Spark
tasks. Anything read from text carries a :class:`Span` into
``Document.text``; anything derived (links, grades) carries ``reasons`` and
the ids of its inputs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from civcas.errors import ExtractionError


class ClaimKind(StrEnum):
    """An incident claim is about one strike; an aggregate is a tally over a period or area."""

    INCIDENT = "incident"
    AGGREGATE = "aggregate"


class Qualifier(StrEnum):
    """How a figure is hedged, in the vocabulary of ``../shared/eval/README.md``.

    ``MENTIONED`` and ``MOSTLY`` only qualify victim categories ("including
    children", "most of them women").
    """

    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    APPROX = "approx"
    UP_TO = "up_to"
    RANGE = "range"
    VAGUE = "vague"
    MENTIONED = "mentioned"
    MOSTLY = "mostly"


class Stance(StrEnum):
    """What the claimant does with the claim."""

    ALLEGES = "alleges"
    DENIES = "denies"
    DISPUTES = "disputes"
    ACKNOWLEDGES = "acknowledges"
    ESTIMATES = "estimates"


class ClaimantKind(StrEnum):
    """Who stands behind a claim; drives source independence and grading."""

    OUTLET = "outlet"
    GOVERNMENT = "government"
    MILITARY = "military"
    BELLIGERENT = "belligerent"
    MONITOR = "monitor"
    MEDICAL = "medical"
    LOCAL = "local"
    ACTIVISTS = "activists"
    WITNESS = "witness"
    INTERNATIONAL = "international"
    MEDIA = "media"
    OTHER = "other"


class PlacePrecision(StrEnum):
    """How tightly a resolved place pins the event down, finest first."""

    NEIGHBOURHOOD = "neighbourhood"
    SETTLEMENT = "settlement"
    NEAR = "near"
    DISTRICT = "district"
    GOVERNORATE = "governorate"
    COUNTRY = "country"
    REGION = "region"
    UNRESOLVED = "unresolved"


class DatePrecision(StrEnum):
    """How tightly a date interval was stated."""

    DAY = "day"
    DAYS = "days"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    PERIOD = "period"


class Grade(StrEnum):
    """Airwars' grading vocabulary for an incident."""

    CONFIRMED = "confirmed"
    FAIR = "fair"
    WEAK = "weak"
    CONTESTED = "contested"
    DISCOUNTED = "discounted"


class VictimStatus(StrEnum):
    """Whether the harmed were said to be civilians."""

    CIVILIAN = "civilian"
    COMBATANT = "combatant"
    UNSPECIFIED = "unspecified"


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open code-point offsets into ``Document.text`` and the text they cover.

    Invariant: ``document.text[start:end] == text``; :meth:`of` enforces it, so
    a span can never be widened or trimmed after the fact.
    """

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start or self.end - self.start != len(self.text):
            raise ExtractionError(f"span[{self.start}:{self.end}]: length does not match its text {self.text!r}")

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """Cut a span out of ``source``; raises when the offsets fall outside it.

        >>> Span.of("killing 120 civilians", 8, 11).text
        '120'
        """
        if not 0 <= start <= end <= len(source):
            raise ExtractionError(f"span[{start}:{end}]: outside a text of {len(source)} characters")
        return cls(start, end, source[start:end])

    def check(self, source: str, where: str = "") -> None:
        """Raise when this span does not cover ``text`` in ``source``."""
        if source[self.start : self.end] != self.text:
            raise ExtractionError(f"{where}[{self.start}:{self.end}]: span text {self.text!r} is stale")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One extracted value's grounds: the field, its span, and the rule that fired."""

    field: str
    span: Span
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned, Unicode-normalised text; every offset in civcas refers to ``text``.

    ``raw`` keeps what was read, for audit. ``source`` names where it came
    from (``path:line``) so errors and duplicates can point back at it.
    """

    id: str
    text: str
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    title: str | None = None
    raw: str | None = None
    source: str | None = None
    content_hash: str | None = None
    duplicate_of: str | None = None
    author: str | None = None  # byline as the source gives it (HTML metadata, feed entry, CSV column)

    def publication_bound(self) -> tuple[date, str] | None:
        """The last day this document can report on: its publication date, else the date its address carries.

        Returns ``(date, where)`` with ``where`` one of ``published``, ``url`` (a day) or ``url_month`` (the
        month's last day). Most archived posts and pages come without a publication date, but their address
        often says when they were published (see :func:`url_date`). ``None`` when neither says.
        """
        if self.published is not None:
            return self.published, "published"
        found = url_date(self.url)
        if found is None:
            return None
        day, precision = found
        return day, "url" if precision == "day" else "url_month"


_TWEET = re.compile(r"(?:twitter|x)\.com/(?:[A-Za-z0-9_]+|i/web)/status(?:es)?/(\d{15,20})")
_URL_YMD = re.compile(r"(?<![\d])((?:19|20)\d\d)[/_\-.]([01]?\d)[/_\-.]([0-3]?\d)(?![\d])")
_URL_COMPACT = re.compile(r"(?<![\d])((?:19|20)\d\d)([01]\d)([0-3]\d)(?![\d])")
_URL_YM = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/")
_TWITTER_EPOCH_MS = 1288834974657  # Twitter's snowflake epoch (2010-11-04T01:42:54.657Z)


def url_date(url: str | None) -> tuple[date, str] | None:
    """The publication date an address carries, with its precision (``day`` or ``month``), or ``None``.

    A post's status id on Twitter/X encodes when it was posted (the "snowflake" id: milliseconds since
    Twitter's epoch in its high bits); news sites file articles under ``/2022/01/26/`` or ``/20250615-``,
    as date-extraction tools such as htmldate read them. Only a real calendar day from 2000 on counts (a
    status id from 2010 on); no clock is read, so a date in an address is never checked against today.

    >>> url_date("https://twitter.com/user/status/1457359374272303113")
    (datetime.date(2021, 11, 7), 'day')
    >>> url_date("https://www.example.com/world/2022/01/26/prison-siege/")
    (datetime.date(2022, 1, 26), 'day')
    """
    if not url:
        return None
    m = _TWEET.search(url)
    if m:
        ms = (int(m.group(1)) >> 22) + _TWITTER_EPOCH_MS
        if ms > _TWITTER_EPOCH_MS + 86_400_000:
            day = datetime.fromtimestamp(ms / 1000, tz=UTC).date()
            return (day, "day") if 2010 <= day.year <= 2100 else None
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for rx in (_URL_YMD, _URL_COMPACT):
        for m in rx.finditer(path):
            try:
                day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            if day.year >= 2000:
                return day, "day"
    m = _URL_YM.search(path)
    if m and 1 <= int(m.group(2)) <= 12:
        y, mo = int(m.group(1)), int(m.group(2))
        last = (date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1)) if y >= 2000 else None
        if last is not None:
            return last, "month"
    return None


@dataclass(frozen=True, slots=True)
class Figure:
    """A stated count with its hedge.

    ``value`` is the stated number (``None`` for vague words such as
    "dozens"); ``max`` closes a range. ``low``/``high`` are the bounds a tally
    uses, under the documented convention in ``docs/figures.md``; ``None``
    means unbounded.
    """

    value: int | None
    qualifier: Qualifier
    max: int | None = None
    text: str = ""
    span: Span | None = None
    low: int | None = None
    high: int | None = None
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place in a gazetteer, with its admin hierarchy (names, not codes)."""

    id: str
    name: str
    lat: float
    lon: float
    country: str | None
    kind: str
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    names: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place as the text names it, with the context that helps resolve it.

    ``relation`` is how the event relates to the place ("in", "near",
    "east_of", "countryside", "km_from"); ``within`` holds enclosing areas
    named alongside ("in Deir ez-Zor province"); ``kind_hint`` is the
    feature word the text used ("village", "city", "neighbourhood",
    "province").
    """

    text: str
    span: Span
    relation: str = "in"
    kind_hint: str | None = None
    within: tuple[str, ...] = ()
    distance_km: float | None = None
    rule: str | None = None
    #: the name with the feature word the text names it by ("قرية الشاهر"), where one stands with it
    phrase: str | None = None
    #: the place named in the possessive before it ("Quetta's Satellite Town"): the name is a part of that place
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A mention resolved (or honestly not) against the gazetteer."""

    name: str | None
    mention: str | None = None
    span: Span | None = None
    gazetteer_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    precision: PlacePrecision = PlacePrecision.UNRESOLVED
    confidence: float = 0.0
    kind: str | None = None
    relation: str = "in"
    reasons: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # the gazetteer's other spellings (Latin and Arabic script), for matching sources
    phrase: str | None = None  # the mention with the feature word the text names it by ("قرية الشاهر")


@dataclass(frozen=True, slots=True)
class DateInterval:
    """The interval in which an event happened, with how precisely it was stated."""

    start: date | None
    end: date | None
    precision: DatePrecision = DatePrecision.DAY
    span: Span | None = None
    rule: str | None = None
    #: the month and day the text gives when nothing says the year ("on Thursday 25 August" in a page with no
    #: date): ``start``/``end`` stay null, and the linker compares the day of the year
    month_day: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """One source's statement about civilian harm.

    ``victims`` maps a category ("children", "women", "refugees") to a
    figure. ``evidence`` lists a span for every value read from the text and
    ``rules`` the ``file@version#id`` of every rule that fired.
    """

    id: str
    doc_id: str
    kind: ClaimKind
    quote: str
    quote_span: Span
    stance: Stance = Stance.ALLEGES
    claimant: str | None = "outlet"
    claimant_kind: ClaimantKind = ClaimantKind.OUTLET
    date: DateInterval | None = None
    place: Place | None = None
    places: tuple[Place, ...] = ()
    belligerents: tuple[str, ...] = ()
    killed: Figure | None = None
    injured: Figure | None = None
    killed_or_injured: Figure | None = None
    victims: tuple[tuple[str, Figure], ...] = ()
    victim_status: VictimStatus = VictimStatus.UNSPECIFIED
    targets: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    rules: tuple[str, ...] = ()
    incident: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """Why two claims were judged to be about one event."""

    a: str
    b: str
    weight: float
    probability: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Incident:
    """Claims from one or many documents about one event."""

    id: str
    claim_ids: tuple[str, ...]
    date: DateInterval | None = None
    place: Place | None = None
    belligerents: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    reasons: tuple[str, ...] = ()
    review: tuple[Decision, ...] = ()  # analyst decisions that touched it, oldest first (its audit trail)


@dataclass(frozen=True, slots=True)
class FigureRange:
    """Reconciled bounds for one figure over credible claims (``None`` = unknown)."""

    low: int | None
    best: int | None
    high: int | None
    claim_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Assessment:
    """An incident's ranges, sources and grade, each with the reasons behind it."""

    incident_id: str
    grade: Grade
    reasons: tuple[str, ...]
    killed: FigureRange | None = None
    injured: FigureRange | None = None
    children: FigureRange | None = None
    women: FigureRange | None = None
    per_claimant: tuple[tuple[str, FigureRange], ...] = ()
    original_sources: tuple[str, ...] = ()
    relays: tuple[str, ...] = ()
    admitted: FigureRange | None = None
    admission_assessment: str | None = None


class DecisionAction(StrEnum):
    """What an analyst did to the machine's incidents."""

    MERGE = "merge"
    SPLIT = "split"
    MOVE_CLAIM = "move_claim"
    DISCOUNT = "discount"
    RESTORE = "restore"


@dataclass(frozen=True, slots=True)
class Decision:
    """An analyst's decision: kept in the audit table and respected by every later run.

    ``incident_ids`` and ``claim_ids`` name what it applies to (merge: the
    incidents; split and move: the claims, with the target incident in
    ``target``); ``actor`` is the account, ``at`` an ISO 8601 timestamp.
    """

    action: DecisionAction
    incident_ids: tuple[str, ...] = ()
    claim_ids: tuple[str, ...] = ()
    target: str | None = None
    reason: str = ""
    actor: str = ""
    at: str = ""
