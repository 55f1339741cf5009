"""Time expressions resolved to intervals: "on Tuesday", "July 23", "a few days ago", "since 2014".

Resolution needs a reference date (the publication date, or a dateline
the text opens with). Without one, a weekday or "yesterday" cannot be
placed and comes back unresolved: no date is better than a wrong one.
A day and month without a year take the year of the reference (or the
year the document states elsewhere), never a guess.

Offsets between events ("a day after", "less than 48 hours after") come
back as :class:`Offset` mentions; the event assembly applies them to the
anchor event's date.
"""

from __future__ import annotations

import calendar
import functools
import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from civcas.extract.rules import RuleFiles, load_rules
from civcas.extract.text import ascii_lower, fold, may_match, phrase_regex, phrase_words
from civcas.records import DatePrecision


@dataclass(frozen=True, slots=True)
class DateMention:
    """A time expression in a sentence (offsets relative to it) and its resolution."""

    start: int
    end: int
    text: str
    start_date: date | None
    end_date: date | None
    precision: DatePrecision
    kind: str
    rule: str
    offset: tuple[int, int] | None = None
    direction: str | None = None
    #: (month, day) of a day and month that no year resolves ("on August 25" in an undated page)
    month_day: tuple[int, int] | None = None

    @property
    def resolved(self) -> bool:
        return self.start_date is not None or self.end_date is not None


@dataclass(frozen=True, slots=True, eq=False)
class _Grammar:
    full_dmy: re.Pattern[str]
    full_mdy: re.Pattern[str]
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    day_range: re.Pattern[str]
    #: "between March 3 and 5": the month first, two days after it
    month_days_between: re.Pattern[str]
    #: "on the 5th of this month", "the 22nd of last month": a day of the publication's month or the one before
    day_of_ref_month: re.Pattern[str]
    dm: re.Pattern[str]
    md: re.Pattern[str]
    month_year: re.Pattern[str]
    month_pair: re.Pattern[str]
    month_range: re.Pattern[str]
    in_month: re.Pattern[str]
    year: re.Pattern[str]
    weekday: re.Pattern[str]
    night_pair: re.Pattern[str]
    relative: re.Pattern[str]
    offset: re.Pattern[str]
    next_day: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    rel_of: Mapping[str, tuple[object, object, str, str]]
    interval_of: dict[str, tuple[int, int, str]]
    tag: str
    # words one of which every match holds, for :func:`may_match`: a month name, a weekday, a relative phrase,
    # an interval phrase
    month_words: tuple[str, ...] | None
    weekday_words: tuple[str, ...] | None
    relative_words: tuple[str, ...] | None
    offset_words: tuple[str, ...] | None


_OFFSET_DIRECTIONS = ("after", "before", "later", "earlier", "prior to", "following")
_OFFSET_DIRECTION_WORDS = phrase_words(_OFFSET_DIRECTIONS)


@functools.cache
def _grammar(rules: RuleFiles) -> _Grammar:
    d = rules.dates
    month = "|".join(sorted((re.escape(m) for m in d.months), key=len, reverse=True))
    month = rf"(?P<month>{month})\.?"
    wd = "|".join(re.escape(w) for w in d.weekdays)
    ordw = "|".join(re.escape(o) for o in sorted(d.ordinals, key=len, reverse=True))  # "twenty-first" before "first"
    day = rf"(?P<day>\d{{1,2}}|{ordw})(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    sep = r"[\s\u00a0]*[,،]?[\s\u00a0]*"
    flags = re.IGNORECASE
    rel_of = {}
    for r in d.relative:
        for p in r.phrases:
            rel_of[fold(p)] = (r.start, r.end, r.precision, r.id)
    interval_of = {}
    for iw in d.interval_words:
        for p in iw.phrases:
            interval_of[fold(p)] = (iw.min, iw.max, iw.id)
    return _Grammar(
        full_dmy=re.compile(rf"(?<![\w])(?:the\s+)?{day}(?:\s+of)?[\s\u00a0]+{month}{sep}{year}(?![\w])", flags),
        full_mdy=re.compile(rf"(?<![\w]){month}[\s\u00a0]+{day}{sep}{year}(?![\w])", flags),
        iso=re.compile(r"(?<![\w-])(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?![\w])"),
        # "28/02/2021", "28-02-2021", "28.02.2021" (day first, as reporting from the region writes it; month first
        # only when the day-first reading cannot be: "02/28/2021")
        numeric=re.compile(
            r"(?<![\w/.\-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)(?![\w/\-]|\.\d)"
        ),
        # "1-3 March", "between 1 and 3 March 2021", "from the 1st to the 3rd of March", "March 1-3"
        day_range=re.compile(
            rf"(?<![\w])(?:(?:between|from)[\s\u00a0]+(?:the[\s\u00a0]+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?[\s\u00a0]+"
            rf"(?:and|to|until|till|through)[\s\u00a0]+(?:the[\s\u00a0]+)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[\s\u00a0]*[-–—][\s\u00a0]*)"
            rf"{day}(?:\s+of)?[\s\u00a0]+{month}(?:{sep}{year})?(?![\w])"
            rf"|(?<![\w]){month.replace('<month>', '<month2>')}[\s\u00a0]+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"[\s\u00a0]*[-–—][\s\u00a0]*(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:{sep}{year.replace('<year>', '<year2>')})?(?![\w\-–—])",
            flags,
        ),
        month_days_between=re.compile(
            rf"(?<![\w])between[\s\u00a0]+{month}[\s\u00a0]+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?[\s\u00a0]+(?:and|to)"
            rf"[\s\u00a0]+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:{sep}{year})?(?![\w])",
            flags,
        ),
        day_of_ref_month=re.compile(
            rf"(?<![\w])(?:the[\s\u00a0]+)?{day}[\s\u00a0]+of[\s\u00a0]+(?P<which>this|last|the[\s\u00a0]+current|"
            r"the[\s\u00a0]+previous|the[\s\u00a0]+past)[\s\u00a0]+month(?![\w])",
            flags,
        ),
        dm=re.compile(rf"(?<![\w])(?:the\s+)?{day}(?:\s+of)?[\s\u00a0]+{month}(?![\w])", flags),
        md=re.compile(rf"(?<![\w]){month}[\s\u00a0]+{day}(?![\w])", flags),
        month_year=re.compile(rf"(?<![\w]){month}{sep}{year}(?![\w])", flags),
        # "in February and March 2018", "from June to August 2017": both months take the year
        month_pair=re.compile(
            rf"(?<![\w]){month.replace('<month>', '<month1>')}[\s\u00a0]*(?:and|to|through|until|till|-|–|—)"
            rf"[\s\u00a0]*{month}{sep}{year}(?![\w])",
            flags,
        ),
        # "between March and June", "from March to June": a range of months whose year the reference gives
        month_range=re.compile(
            rf"(?<![\w])(?:between|from)[\s\u00a0]+{month.replace('<month>', '<month1>')}[\s\u00a0]+"
            rf"(?:and|to|through|until|till)[\s\u00a0]+{month}(?![\w])",
            flags,
        ),
        in_month=re.compile(
            # "in August", "throughout August", "during the month of August"
            rf"(?<![\w])(?:(?:in|during|throughout)[\s\u00a0]+the[\s\u00a0]+month[\s\u00a0]+of|in|during|throughout|"
            # "early March", "mid-March", "at the end of March": a part of the month
            rf"(?P<part>early|late|mid|(?:at[\s\u00a0]+)?the[\s\u00a0]+(?:end|beginning|start|middle)[\s\u00a0]+of)|"
            rf"since|last|this)(?:[\s\u00a0]+|(?<=mid)-){month}(?![\w])", flags
        ),
        year=re.compile(r"(?<![\w\-])(?P<year>(?:19|20)\d\d)(?![\w\-])"),
        weekday=re.compile(
            rf"(?<![\w])(?:(?P<mod>last|this|past|on|early|late|previous)[\s\u00a0]+)?(?P<wd>{wd})"
            r"(?:'s)?(?:[\s\u00a0]+(?:morning|night|evening|afternoon|dawn))?(?![\w])",
            flags,
        ),
        # "overnight Friday to Saturday", "on the night of Friday to Saturday", "the night between Monday and Tuesday"
        night_pair=re.compile(
            rf"(?<![\w])(?:overnight(?:[\s\u00a0]+(?:from|between))?|(?:on[\s\u00a0]+|during[\s\u00a0]+)?"
            rf"the[\s\u00a0]+night[\s\u00a0]+(?:of|between|from))[\s\u00a0]+(?P<wd1>{wd})[\s\u00a0]*"
            rf"(?:to|and|into|-|–)[\s\u00a0]*(?P<wd2>{wd})(?![\w])",
            flags,
        ),
        relative=phrase_regex(rel_of.keys()),
        offset=re.compile(
            rf"(?:(?:in|within|just|only|barely)[\s\u00a0]+)?(?P<amount>{phrase_regex(interval_of.keys()).pattern})"
            rf"[\s\u00a0]+(?P<dir>{'|'.join(_OFFSET_DIRECTIONS)})(?![\w])",
            flags,
        ),
        next_day=re.compile(
            r"(?<![\w])(?:the[\s\u00a0]+)?(?P<which>next|following|previous|preceding)[\s\u00a0]+(?:day|morning|night)(?![\w])"
            r"|(?<![\w])the[\s\u00a0]+day[\s\u00a0]+(?P<which2>before|after)(?![\w])",
            flags,
        ),
        months={k.lower(): v for k, v in d.months.items()},
        weekdays={k.lower(): v for k, v in d.weekdays.items()},
        ordinals={k.lower(): v for k, v in d.ordinals.items()},
        rel_of=rel_of,
        interval_of=interval_of,
        tag=rules.tags["dates"],
        month_words=phrase_words(d.months),
        weekday_words=phrase_words(d.weekdays),
        relative_words=phrase_words(rel_of.keys()),
        offset_words=phrase_words(interval_of.keys()),
    )


def _day(g: _Grammar, s: str) -> int | None:
    s = s.lower()
    if s.isdigit():
        return int(s)
    return g.ordinals.get(s)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


#: the days of a month its parts span (with a day's slack at each joint): "early", "mid", "late" March; "the
#: beginning", "the middle", "the end" of March
MONTH_PARTS = {"early": (1, 11), "beginning": (1, 11), "start": (1, 11), "mid": (9, 21), "middle": (9, 21),
                "late": (19, 31), "end": (19, 31)}


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


#: "on the 7th" with no month: a day of the publication's month, when what follows cannot make it a floor or a time
_BARE_ORDINAL_DAY = re.compile(
    r"(?<![\w])on[\s\u00a0]+the[\s\u00a0]+(?P<day>\d{1,2})(?:st|nd|rd|th)"
    r"(?=[\s\u00a0]*(?:[,.;:)]|$)|[\s\u00a0]+(?:in|at|when|while|as|after|before|during|near|with|and)\b"
    # (or a harm verb after the day: "a strike on the 14th killed four")
    r"|[\s\u00a0]+(?:killed|killing|wounded|wounding|injured|injuring|left|struck|hit|targeted)\b)",
    re.IGNORECASE,
)
#: a day word after an offset's "the day before": one expression ("the day before yesterday")
_BEFORE_A_DAY_WORD = re.compile(r"[\s\u00a0]+(?:yesterday|today)\b", re.IGNORECASE)


#: the year words after a day or a month name: "March 12 last year", "in August of this year"
_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?(?P<which>last|this|the\s+previous|the\s+current)\s+year\b", re.IGNORECASE)


def _year_after(text: str, end: int, reference: date | None, year_hint: int | None) -> tuple[int, int] | None:
    """The year the words right after a date give, relative to the page's, and where they end."""
    m = _YEAR_AFTER.match(text, end)
    base = reference.year if reference is not None else year_hint
    if m is None or base is None:
        return None
    last = m.group("which").lower() in ("last", "the previous")
    return (base - 1 if last else base), m.end()


def find_dates(
    text: str, *, reference: date | None, year_hint: int | None = None, rules: RuleFiles | None = None
) -> list[DateMention]:
    """Every time expression in ``text``, resolved against ``reference`` where it can be.

    >>> [(m.text, str(m.start_date)) for m in find_dates("on Tuesday, killing 12", reference=date(2016, 7, 21))]
    [('on Tuesday', '2016-07-19')]
    """
    g = _grammar(rules or load_rules())
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken)

    def add(m: DateMention) -> None:
        taken.append((m.start, m.end))
        out.append(m)

    # Each grammar below is scanned only when the text holds a word it needs (a month name, a weekday...).
    lowered = ascii_lower(text)
    months = may_match(g.month_words, lowered)
    for m in g.day_range.finditer(text) if months else ():
        first = m.group("d1") or m.group("d2") or m.group("d3")
        last = m.group("day") or m.group("day2")
        mon = g.months.get((m.group("month") or m.group("month2")).lower().rstrip("."))
        d1, d2 = int(first), _day(g, last)
        if mon is None or d2 is None or not 1 <= d1 < d2 <= 31:
            continue
        year = m.group("year") or m.group("year2")
        end_date = _safe(int(year), mon, d2) if year else _infer_year(mon, d2, reference, year_hint)
        start_date = _safe(end_date.year, mon, d1) if end_date else None
        if end_date is None or start_date is None:
            continue
        add(DateMention(m.start(), m.end(), m.group(), start_date, end_date, DatePrecision.DAYS, "absolute",
                        f"{g.tag}#day_range"))
    for m in g.month_days_between.finditer(text) if months else ():
        mon = g.months.get(m.group("month").lower().rstrip("."))
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        if mon is None or not 1 <= d1 < d2 <= 31 or not free(m.start(), m.end()):
            continue
        y = m.group("year")
        end_date = _safe(int(y), mon, d2) if y else _infer_year(mon, d2, reference, year_hint)
        start_date = _safe(end_date.year, mon, d1) if end_date else None
        if end_date is not None and start_date is not None:
            add(DateMention(m.start(), m.end(), m.group(), start_date, end_date, DatePrecision.DAYS, "absolute",
                            f"{g.tag}#day_range"))
    of_month = reference is not None and "month" in (lowered or text.lower())
    for m in g.day_of_ref_month.finditer(text) if of_month else ():
        dd = _day(g, m.group("day"))
        if dd is None or reference is None or not free(m.start(), m.end()):
            continue
        first_of = reference.replace(day=1)
        if not m.group("which").lower().endswith(("this", "current")):
            first_of = (first_of - timedelta(days=1)).replace(day=1)
        dt = _safe(first_of.year, first_of.month, dd)
        if dt is not None and dt <= reference:
            add(DateMention(m.start(), m.end(), m.group(), dt, dt, DatePrecision.DAY, "absolute",
                            f"{g.tag}#day_of_this_month"))
    ordinal_day = reference is not None and "on the" in (lowered or text.lower())
    for m in _BARE_ORDINAL_DAY.finditer(text) if ordinal_day else ():
        # "killed on the 7th": a day of the month the text was published in (of the month before, when later)
        dd = int(m.group("day"))
        if reference is None or not 1 <= dd <= 31 or not free(m.start(), m.end()):
            continue
        first_of = reference.replace(day=1)
        if dd > reference.day:
            first_of = (first_of - timedelta(days=1)).replace(day=1)
        dt = _safe(first_of.year, first_of.month, dd)
        if dt is not None:
            add(DateMention(m.start(), m.end(), m.group(), dt, dt, DatePrecision.DAY, "absolute",
                            f"{g.tag}#day_of_this_month"))
    for m in g.numeric.finditer(text):
        if not free(m.start(), m.end()):
            continue
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("year"))
        dmy, mdy = _safe(y, b, a), _safe(y, a, b)
        dt, kind = (dmy, "numeric_dmy") if dmy is not None else (mdy, "numeric_mdy")
        if dmy is not None and mdy is not None and reference is not None and dmy > reference + timedelta(days=1) >= mdy:
            dt, kind = mdy, "numeric_mdy"  # only the month-first reading is not after the publication
        if dt is not None:
            add(DateMention(m.start(), m.end(), m.group(), dt, dt, DatePrecision.DAY, "absolute", f"{g.tag}#{kind}"))
    full = ((g.full_dmy, "dmy"), (g.full_mdy, "mdy"), (g.iso, "iso")) if months else ((g.iso, "iso"),)
    for regex, kind in full:
        for m in regex.finditer(text):
            if not free(m.start(), m.end()):
                continue
            mon = int(m.group("month")) if kind == "iso" else g.months.get(m.group("month").lower().rstrip("."))
            dd = _day(g, m.group("day"))
            if mon is None or dd is None:
                continue
            dt = _safe(int(m.group("year")), mon, dd)
            if dt and reference is not None and kind != "iso":
                named = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
                if named is not None:
                    dt = weekday_year_slip(dt, g.weekdays.get(named.group("wd").lower()), reference)
            if dt:
                add(
                    DateMention(m.start(), m.end(), m.group(), dt, dt, DatePrecision.DAY, "absolute", f"{g.tag}#{kind}")
                )
    for regex, kind in ((g.dm, "dm"), (g.md, "md")) if months else ():
        for m in regex.finditer(text):
            if not free(m.start(), m.end()):
                continue
            mon = g.months.get(m.group("month").lower().rstrip("."))
            dd = _day(g, m.group("day"))
            if mon is None or dd is None or not 1 <= dd <= 31:
                continue
            if m.group("month").lower() in ("may", "mar") and m.group("month")[0].islower():
                # "may 5 people", "on March 21 may have killed": the verb, not the month (months are capitalised)
                continue
            said = _year_after(text, m.end(), reference, year_hint)
            if said is not None:
                # "on March 12 last year", "on 12 March this year": the year the words after the day give
                y, end = said
                dt = _safe(y, mon, dd)
                add(DateMention(m.start(), end, text[m.start() : end], dt, dt, DatePrecision.DAY, "absolute",
                                f"{g.tag}#{kind}"))
                continue
            dt = _infer_year(mon, dd, reference, year_hint)
            add(DateMention(m.start(), m.end(), m.group(), dt, dt, DatePrecision.DAY, "absolute", f"{g.tag}#{kind}",
                            month_day=None if dt is not None else (mon, dd)))
    for m in g.month_pair.finditer(text) if months else ():
        m1 = g.months.get(m.group("month1").lower().rstrip("."))
        m2 = g.months.get(m.group("month").lower().rstrip("."))
        if m1 is None or m2 is None or m1 > m2 or not free(m.start(), m.end()):
            continue
        y = int(m.group("year"))
        add(
            DateMention(
                m.start(), m.end(), m.group(), date(y, m1, 1), _month_end(y, m2), DatePrecision.MONTH, "month",
                f"{g.tag}#month_pair",
            )
        )
    for m in g.month_range.finditer(text) if months else ():
        m1 = g.months.get(m.group("month1").lower().rstrip("."))
        m2 = g.months.get(m.group("month").lower().rstrip("."))
        s1 = m.start("month1")
        lower_may = m.group("month") == "may"  # "between March and may": the verb
        if m1 is None or m2 is None or m1 == m2 or lower_may or not free(s1, m.end()):
            continue
        y2 = _infer_month_year(m2, reference, year_hint)
        if y2 is None:
            continue
        y1 = y2 if m1 < m2 else y2 - 1  # "from November to February": across the new year
        add(DateMention(s1, m.end(), text[s1 : m.end()], date(y1, m1, 1), _month_end(y2, m2), DatePrecision.MONTH,
                        "month", f"{g.tag}#month_range"))
    for m in g.month_year.finditer(text) if months else ():
        if not free(m.start(), m.end()):
            continue
        mon = g.months.get(m.group("month").lower().rstrip("."))
        if mon is None:
            continue
        y = int(m.group("year"))
        add(
            DateMention(
                m.start(),
                m.end(),
                m.group(),
                date(y, mon, 1),
                _month_end(y, mon),
                DatePrecision.MONTH,
                "month",
                f"{g.tag}#month_year",
            )
        )
    for m in g.in_month.finditer(text) if months else ():
        if not free(m.start(), m.end()) or (m.group("month")[0].islower() and m.group("month").lower() == "may"):
            continue
        mon = g.months.get(m.group("month").lower().rstrip("."))
        if mon is None:
            continue
        iy = _infer_month_year(mon, reference, year_hint)
        said = _year_after(text, m.end(), reference, year_hint)
        m_end = m.end()
        if said is not None:
            iy, m_end = said  # "in August last year"
        s = m.start("month")
        words = (m.group("part") or "").lower().replace("-", " ").split()
        part = MONTH_PARTS.get(words[-2] if words[-1:] == ["of"] else words[0]) if words else None
        if part is not None:
            s = m.start("part")
        if iy is None:
            add(DateMention(s, m.end(), text[s : m.end()], None, None, DatePrecision.MONTH, "month", f"{g.tag}#month"))
        else:
            first, last = date(iy, mon, 1), _month_end(iy, mon)
            if part is not None:
                # "early March" the first ten days or so, "mid-March" the middle, "late March" the last
                first, last = date(iy, mon, part[0]), min(last, date(iy, mon, min(part[1], last.day)))
            add(
                DateMention(
                    s,
                    m_end,
                    text[s:m_end],
                    first,
                    last,
                    DatePrecision.MONTH if part is None else DatePrecision.DAYS,
                    "month",
                    f"{g.tag}#month",
                )
            )
    for m in g.night_pair.finditer(text) if may_match(g.weekday_words, lowered) else ():
        # a night told by the two days it spans: the first day to the second, the second on or before the reference
        wd1, wd2 = g.weekdays[m.group("wd1").lower()], g.weekdays[m.group("wd2").lower()]
        if not free(m.start(), m.end()) or (wd2 - wd1) % 7 != 1:
            continue
        night_end = reference - timedelta(days=(reference.weekday() - wd2) % 7) if reference is not None else None
        night_start = night_end - timedelta(days=1) if night_end is not None else None
        add(DateMention(m.start(), m.end(), m.group(), night_start, night_end, DatePrecision.DAYS, "weekday",
                        f"{g.tag}#night_pair"))
    for m in g.weekday.finditer(text) if may_match(g.weekday_words, lowered) else ():
        if not free(m.start(), m.end()):
            continue
        wd = g.weekdays[m.group("wd").lower()]
        dt = None
        if reference is not None:
            back = (reference.weekday() - wd) % 7
            if (m.group("mod") or "").lower() in ("last", "past", "previous") and back == 0:
                back = 7
            dt = reference - timedelta(days=back)
        add(DateMention(m.start(), m.end(), m.group(), dt, dt, DatePrecision.DAY, "weekday", f"{g.tag}#weekday"))
    offsets = may_match(_OFFSET_DIRECTION_WORDS, lowered) and may_match(g.offset_words, lowered)
    for m in g.offset.finditer(text) if offsets else ():
        if not free(m.start(), m.end()) or _BEFORE_A_DAY_WORD.match(text, m.end()):
            continue  # "the day before yesterday": a day of its own, read with the relative words below
        lo, hi, rid = g.interval_of[fold(m.group("amount"))]
        direction = m.group("dir").lower()
        direction = "after" if direction in ("after", "later", "following") else "before"
        if m.group("dir").lower() in ("later", "earlier"):
            # "two days later": this event is after the one told before it.
            direction = "later" if m.group("dir").lower() == "later" else "earlier"
        add(
            DateMention(
                m.start(),
                m.end(),
                m.group(),
                None,
                None,
                DatePrecision.DAYS,
                "offset",
                f"{g.tag}#{rid}",
                offset=(lo, hi),
                direction=direction,
            )
        )
    for m in g.next_day.finditer(text):
        if not free(m.start(), m.end()) or _BEFORE_A_DAY_WORD.match(text, m.end()):
            continue  # "the day before yesterday": a day of its own, read with the relative words below
        which = (m.group("which") or m.group("which2") or "").lower()
        direction = "later" if which in ("next", "following", "after") else "earlier"
        add(
            DateMention(
                m.start(),
                m.end(),
                m.group(),
                None,
                None,
                DatePrecision.DAY,
                "offset",
                f"{g.tag}#next_day",
                offset=(1, 1),
                direction=direction,
            )
        )
    for m in g.relative.finditer(text) if may_match(g.relative_words, lowered) else ():
        if not free(m.start(), m.end()):
            continue
        start_off, end_off, precision, rid = g.rel_of[fold(m.group())]
        if start_off == "same_day":
            # "On the same day, warplanes struck ...": the day of the event told before, read as a day's offset
            add(DateMention(m.start(), m.end(), m.group(), None, None, DatePrecision.DAY, "offset", f"{g.tag}#{rid}",
                            offset=(0, 0), direction="later"))
            continue
        s_date = e_date = None
        if reference is not None:
            if start_off == "last_month":
                e_date = reference.replace(day=1) - timedelta(days=1)
                s_date = e_date.replace(day=1)
            elif start_off == "this_month":
                s_date, e_date = reference.replace(day=1), reference
            elif start_off == "this_year":
                s_date, e_date = reference.replace(month=1, day=1), reference
            elif start_off == "last_year":
                s_date, e_date = date(reference.year - 1, 1, 1), date(reference.year - 1, 12, 31)
            elif start_off == "weekend":
                back = (reference.weekday() - 5) % 7 or 7
                s_date = reference - timedelta(days=back)
                e_date = s_date + timedelta(days=1)
                if e_date > reference:
                    e_date = reference
            else:
                s_date = reference + timedelta(days=int(start_off))  # type: ignore[call-overload]
                e_date = reference + timedelta(days=int(end_off))  # type: ignore[call-overload]
        # a year so far or the year before is a tally's period or a story's background, as a year's number is, and
        # dates no strike ("in the events of the municipality last year")
        kind = "year" if precision == "year" else "relative"
        add(DateMention(m.start(), m.end(), m.group(), s_date, e_date, DatePrecision(precision), kind,
                        f"{g.tag}#{rid}"))
    for m in g.year.finditer(text):
        if not free(m.start(), m.end()):
            continue
        y = int(m.group("year"))
        add(
            DateMention(
                m.start(),
                m.end(),
                m.group(),
                date(y, 1, 1),
                date(y, 12, 31),
                DatePrecision.YEAR,
                "year",
                f"{g.tag}#year",
            )
        )
    out.sort(key=lambda x: x.start)
    return out


#: the word right before a full date, a weekday of the dates file or not: "Wednesday, January 8, 2024", "on
#: Wednesday (8 January 2024)"
_WORD_BEFORE = re.compile(r"\b(?P<wd>[A-Za-z]+)[,\s(]*(?:the\s+)?$")
#: how long before the publication a day written with a slipped year may be
_YEAR_SLIP_DAYS = 31


def weekday_year_slip(dt: date, weekday: int | None, reference: date) -> date:
    """``dt``, or the same day in the publication's year (or the one before) when the weekday written with it falls
    on that day and not on ``dt``, within a month before the publication: "today, Wednesday (8 January 2024)" on a
    page of 8 January 2025 is a year written from habit in a new year's first days."""
    if weekday is None or dt.weekday() == weekday:
        return dt
    for y in (reference.year, reference.year - 1):
        alt = _safe(y, dt.month, dt.day)
        if y != dt.year and alt is not None and alt.weekday() == weekday and (
            timedelta(0) <= reference - alt <= timedelta(days=_YEAR_SLIP_DAYS)
        ):
            return alt
    return dt


def _infer_year(month: int, day: int, reference: date | None, year_hint: int | None) -> date | None:
    if reference is not None:
        dt = _safe(reference.year, month, day)
        if dt is not None and dt > reference + timedelta(days=1):
            dt = _safe(reference.year - 1, month, day)
        return dt
    if year_hint is not None:
        return _safe(year_hint, month, day)
    return None


def _infer_month_year(month: int, reference: date | None, year_hint: int | None) -> int | None:
    if reference is not None:
        return reference.year if month <= reference.month else reference.year - 1
    return year_hint


#: how long before a page's filed date the stamp of the post it captures may be (older: another post's stamp)
_CAPTURE_GAP_MAX = 800
_DATELINE = re.compile(r"^\W*(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})[,،\s]+\d{4}")


def captured_post_day(text: str, published: date) -> date | None:
    """The day a captured post was made, when the page was filed under a later day (its archiving).

    "February 22, 2025 · Shared with Public" on a page dated a year later, its comments "1y" old: the post's
    "today" is the day it was made, and so is the day the report appeared. ``None`` when the page carries no
    post stamp, or one that cannot be this page's own (later than its filed day, or years before it).
    """
    from civcas.extract.arabic_dates import post_stamp

    stamp = post_stamp(text)
    if stamp is not None and published - timedelta(days=_CAPTURE_GAP_MAX) <= stamp < published - timedelta(days=1):
        return stamp
    return None


def reference_date(text: str, published: date | None, *, rules: RuleFiles | None = None) -> tuple[date | None, str]:
    """The date relative expressions resolve against: publication, else a dateline the text opens with.

    Returns the date and where it came from (``published``, ``post_stamp``, ``dateline`` or ``none``).
    """
    if published is not None:
        stamp = captured_post_day(text, published)
        if stamp is not None:
            return stamp, "post_stamp"
        return published, "published"
    from civcas.extract import arabic

    if arabic.is_arabic(text[:600]) or re.search(r"[\u0600-\u06FF]", text[:600]):
        from civcas.extract.arabic_dates import dateline, post_stamp
        from civcas.extract.arabic_lexicon import arabic_lex

        found_ar = dateline(text, arabic_lex(rules or load_rules()))
        if found_ar is not None:
            # a captured post's own stamp says when the report appeared, as a publication date does; a page's date
            # line may be the day it was captured
            return found_ar, "post_stamp" if found_ar == post_stamp(text) else "dateline"
    head = text[:400].split("\n")
    for line in head[:6]:
        line = line.strip()
        if not line or len(line) > 60:
            continue
        if _DATELINE.match(line) or re.match(r"^\W*\d{4}-\d\d-\d\d", line):
            found = [m for m in find_dates(line, reference=None, rules=rules) if m.kind == "absolute" and m.start_date]
            if found:
                return found[0].start_date, "dateline"
    return None, "none"


def page_date(text: str, *, rules: RuleFiles | None = None) -> date | None:
    """The date a page gives itself below its opening lines, for a page with neither a publication date, a
    dateline nor a dated address: a line labelled as its publication, a short line that holds only a date,
    else the latest post it embeds (:func:`post_signature`)."""
    if re.search(r"[\u0600-\u06FF]", text[:600]):
        from civcas.extract.arabic_dates import PUBLISHED_LABEL, STAMP_REST, line_dates
        from civcas.extract.arabic_lexicon import arabic_lex

        lex = arabic_lex(rules or load_rules())
        found = page_stamp(text, lambda line: line_dates(line, lex), PUBLISHED_LABEL, STAMP_REST)
    else:
        found = page_stamp(text, lambda line: find_dates(line, reference=None, rules=rules), _PUBLISHED_LABEL,
                           _STAMP_REST)
    return found if found is not None else post_signature(text)


#: a weekday right before a day's number or a month's name, in English or Arabic: where :func:`weekday_dated` looks
_WEEKDAY_DATE_HINT = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|"
    r"Dec)))|(?:(?:الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|الجمعه|السبت|الأحد|الاحد)[،,]?\s+[0-9٠-٩])",
    re.IGNORECASE,
)


def weekday_dated(text: str, *, rules: RuleFiles | None = None) -> date | None:
    """The one full date a page writes with its weekday, the weekday right ("on the morning of Friday, Apr. 22,
    2022" in a photo's caption), for a page that says nothing else of when it was written.

    Its "on Friday" is that day: a news page names the weekday of the day it reports. Only when the page's other
    weekdays all name that one, and one at least does: "the truce signed on Thursday, March 5, 2020" is background
    to a strike "on Friday" years later. ``None`` when the page writes no such date, or several different ones, or
    a weekday its date does not fall on. Arabic pages: "الجمعة 22 نيسان 2022".
    """
    head = text[:20_000]
    arabic_page = re.search(r"[\u0600-\u06FF]", head[:600]) is not None
    # a title line that dates the page with its weekday ("حصاد شام ... ليوم الثلاثاء 19/ أيلول/ 2023", a roundup of
    # that day's events): that day, whatever other weekdays the page goes on to name
    # (the title may follow a photo's caption or a site's name: the first three lines; a title is a line of its own
    # that ends without a full stop, not a sentence: "The strike on Friday, Apr. 22, 2022 killed two." is an event's)
    lines = [line.strip() for line in head[:1500].split("\n") if line.strip()]
    for title in lines[:3] if len(lines) > 1 else ():
        if re.search(r"\d", title) and len(title) <= 200 and not re.search(r"[.!?؟]$", title) and (
            titled := _title_day(title, arabic_page, rules)
        ) is not None:
            return titled
    if not _WEEKDAY_DATE_HINT.search(head):
        return None  # no weekday right before a day or a month anywhere: the full reading is skipped
    found, weekdays = _weekday_dates(head, arabic_page, rules)
    if len(found) != 1:
        return None
    day = next(iter(found))
    return day if len(weekdays) >= 2 and set(weekdays) == {day.weekday()} else None


def _weekday_named(m: DateMention, g: _Grammar) -> int | None:
    """The weekday (0 Monday) an English weekday mention names ("on Friday"), or None."""
    return next((g.weekdays[w] for w in re.findall(r"\w+", m.text.lower()) if w in g.weekdays), None)


def _title_day(title: str, arabic_page: bool, rules: RuleFiles | None) -> date | None:
    """The one full date of a title line that also names that date's weekday apart from it ("نشرة حصاد يوم الاثنين
    لجميع الأحداث الميدانية في سوريا 16-08-2021": a Monday)."""
    if arabic_page:
        from civcas.extract.arabic_dates import line_dates, named_weekdays
        from civcas.extract.arabic_lexicon import arabic_lex

        lex = arabic_lex(rules or load_rules())
        mentions = line_dates(title, lex)
        weekdays = set(named_weekdays(title, lex))
    else:
        mentions = find_dates(title, reference=None, rules=rules)
        g = _grammar(rules or load_rules())
        weekdays = {wd for m in mentions if m.kind == "weekday" and (wd := _weekday_named(m, g)) is not None}
    days = {m.start_date for m in mentions if m.kind == "absolute" and m.precision is DatePrecision.DAY
            and m.start_date is not None and m.start_date == m.end_date}
    if len(days) != 1:
        return None
    day = next(iter(days))
    return day if weekdays == {day.weekday()} else None


def _weekday_dates(head: str, arabic_page: bool, rules: RuleFiles | None) -> tuple[set[date], list[int]]:
    """The full dates ``head`` writes right after their weekday, the weekday right, and every weekday it names
    (:func:`weekday_dated`)."""
    found: set[date] = set()
    weekdays: list[int] = []  # every weekday the page names, the dated ones included
    if arabic_page:
        from civcas.extract.arabic_dates import named_weekdays, weekday_dates
        from civcas.extract.arabic_lexicon import arabic_lex

        lex = arabic_lex(rules or load_rules())
        found = weekday_dates(head, lex)
        weekdays = named_weekdays(head, lex) if found else []
    else:
        mentions = find_dates(head, reference=None, rules=rules)
        g = _grammar(rules or load_rules())
        weekdays = [wd for m in mentions if m.kind == "weekday" and (wd := _weekday_named(m, g)) is not None]
        for wd_m, m in itertools.pairwise(mentions):
            if wd_m.kind != "weekday" or m.kind != "absolute" or m.start_date is None or m.start_date != m.end_date:
                continue
            if m.precision is not DatePrecision.DAY or not re.fullmatch(r"[\s,]{0,3}", head[wd_m.end : m.start]):
                continue
            if _weekday_named(wd_m, g) == m.start_date.weekday():
                found.add(m.start_date)
    return found, weekdays


# A page's own label for its date of publication: "Published: 4 August 2022", "Posted on July 3, 2023".
_PUBLISHED_LABEL = re.compile(r"(?:^|\|)\s*(?:Published|Posted|First published)(?:\s+(?:on|at))?\s*[:\-–]?\s*", re.I)
# What a line that only stamps a date may hold besides the date: a weekday, a time, a zone, punctuation.
_STAMP_REST = re.compile(
    r"[\s\d:.,|/\-–—()]+|\b(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,4}|at|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
)
# The signature of an embedded post: "— Civil Defence (@SyriaCivilDefe) January 3, 2022".
_POST_SIGNATURE = re.compile(
    r"\(@\w{1,15}\)\s+((?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+(?:19|20)\d\d)"
)


def page_stamp(
    text: str, dates_of: Callable[[str], list[DateMention]], label: re.Pattern[str], rest_words: re.Pattern[str]
) -> date | None:
    """A page's date further down than its opening lines, in any language: a line ``label`` marks as its
    publication anywhere on the page ("Published: 4 August 2022", "تاريخ النشر:12.10.2021 | 10:34 GMT"), else a
    short line among its first forty that holds nothing but one date and ``rest_words`` (a weekday, a time, a
    zone: "Thursday, 4 Aug 2022, 15:01", "الأحد, 23 يناير 2022, 09:36") — the stamp a news site prints under its
    headline and byline. A date inside a sentence is an event's, never the page's. ``dates_of`` finds a line's
    dates (offsets into the line).
    """
    lines = text[:20_000].split("\n")
    for line in lines:
        m = label.search(line)
        if m is None or not any(ch.isdigit() for ch in line):
            continue
        found = [d for d in dates_of(line[m.end() : m.end() + 60]) if d.kind == "absolute" and d.start_date]
        if found:
            return found[0].start_date
    for line in lines[:40]:
        line = line.strip()
        if not line or len(line) > 40 or not any(ch.isdigit() for ch in line):
            continue
        found = [d for d in dates_of(line) if d.kind in ("absolute", "weekday")]
        days = [d for d in found if d.kind == "absolute" and d.start_date and d.start_date.year >= 1990]
        if len(days) != 1:
            continue
        rest = line
        for d in sorted(found, key=lambda d: -d.start):
            rest = rest[: d.start] + " " + rest[d.end :]
        if not rest_words.sub("", rest).strip():
            return days[0].start_date
    return None


def post_signature(text: str) -> date | None:
    """The date of the latest post a page embeds ("— Name (@handle) July 24, 2022"), or ``None``.

    The page appeared that day or after and most often reports what the post told, so its "today" and its
    weekdays resolve against it. The embed prints the date where it was rendered, often hours behind the
    Middle East: a post of early Saturday in Idlib may read Friday, and the day after was measured worse on
    the dev sets (pages appear the day they embed a post more often than the next day).
    """
    best = None
    for m in _POST_SIGNATURE.finditer(text, 0, 50_000):
        mon, day, year = m.group(1).replace(",", "").split()
        got = _safe(int(year), MONTHS_EN.index(mon[:3].lower()) + 1, int(day))
        if got is not None and (best is None or got > best):
            best = got
    return best


#: "today, Saturday", "اليوم السبت": the word the page says its weekday after; not before a day's number ("اليوم
#: الجمعة 17 أيلول", the full date an embedded post gives its own day by)
_TODAY_WORD = re.compile(
    r"(?:\btoday|(?<![\w])[وف]?اليوم)[،,\s]+(?:يوم\s+)?(?P<wd>\w+)(?![،,\s]*[0-9٠-٩])", re.IGNORECASE
)


def day_after_post(text: str, posted: date, *, rules: RuleFiles | None = None) -> date:
    """The page's own day, from the latest post it embeds (``posted``, the day the page appeared by) and the one
    weekday it says is today ("اليوم السبت"; the weekdays of the dates files): the first such day on or after the post.
    ``posted`` itself when the page names no such weekday or several."""
    from civcas.extract.arabic_dates import weekday_of
    from civcas.extract.arabic_lexicon import arabic_lex
    from civcas.extract.arabic_text import fold

    rules = rules or load_rules()
    english = _grammar(rules).weekdays
    lex = arabic_lex(rules)
    days: set[int] = set()
    for page in (text[:50_000], fold(text[:50_000]).text):
        for m in _TODAY_WORD.finditer(page):
            wd = english.get(m.group("wd").lower())
            days.add(wd if wd is not None else weekday_of(m.group("wd"), lex))
    days.discard(-1)
    if len(days) != 1:
        return posted
    return posted + timedelta(days=(days.pop() - posted.weekday()) % 7)


#: how many years before the reading day (``ExtractConfig.as_of``) an undated page's day written with its weekday is
#: looked for: a monitor reads current reporting; a day and weekday that fit two of those years stay without a year
WEEKDAY_YEAR_WINDOW = 10
#: the last word before a day and month, after a comma or bracket: where a weekday stands ("Monday, 27 September",
#: "اليوم الاثنين 27 أيلول", "يوم الثلاثاء، 2 تشرين الثاني")
_LAST_WORD = re.compile(r"(\w+)[\s,،(]*$")


def weekday_before(text: str, start: int, *, rules: RuleFiles | None = None) -> int | None:
    """The weekday (0 Monday) written right before ``start``, in English or Arabic, else None."""
    from civcas.extract.arabic_dates import weekday_of
    from civcas.extract.arabic_lexicon import arabic_lex
    from civcas.extract.arabic_text import fold

    m = _LAST_WORD.search(text, max(0, start - 24), start)
    if m is None:
        return None
    rules = rules or load_rules()
    word = m.group(1)
    wd = _grammar(rules).weekdays.get(word.lower())
    if wd is None and not word.isascii():
        wd = weekday_of(fold(word).text, arabic_lex(rules))
    return wd if wd is not None and wd >= 0 else None


def weekday_year(month: int, day: int, weekday: int, as_of: date) -> int | None:
    """The one year of the ``WEEKDAY_YEAR_WINDOW`` years up to ``as_of`` whose ``day`` of ``month`` fell on
    ``weekday`` (not after ``as_of``), else None: "Monday 27 September" read in December 2026 is 2021 (2010 and 2027
    are the neighbours), "Tuesday 22 February" stays without a year only if two years of the window fit."""
    years = [
        y for y in range(as_of.year - WEEKDAY_YEAR_WINDOW + 1, as_of.year + 1)
        if (d := _safe(y, month, day)) is not None and d <= as_of and d.weekday() == weekday
    ]
    return years[0] if len(years) == 1 else None


#: English month abbreviations, as post stamps and embeds print them
MONTHS_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def year_hint(text: str, *, rules: RuleFiles | None = None) -> int | None:
    """The year a document's full dates name most often: the year for a bare "July 23" when nothing else says."""
    counts: dict[int, int] = {}
    for m in find_dates(text, reference=None, rules=rules):
        if m.kind == "absolute" and m.start_date is not None:
            counts[m.start_date.year] = counts.get(m.start_date.year, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


#: how far into a page a phrase naming the year of writing counts: later come other stories' sidebars
WRITING_YEAR_CHARS = 5000
_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def writing_year(text: str, *, rules: RuleFiles | None = None) -> tuple[int, int, int] | None:
    """The year a text says it is written in ("since the start of the current year 2023", "العام الحالي 2023"; a
    pattern's ``last_year`` group names the year before it, "العام الفائت 2022"): ``(year, start, end)`` of the first
    such phrase, or None when none is found, or the phrases disagree.

    Only the head of a page counts (:data:`WRITING_YEAR_CHARS`): a page captured later shows other stories of later
    years beside it. The phrases are the ``writing_year`` patterns of the dates files, English and Arabic.
    """
    rules = rules or load_rules()
    patterns = [*rules.dates.writing_year, *(rules.ar_dates.writing_year if rules.ar_dates else [])]
    if not patterns:
        return None
    head = text[:WRITING_YEAR_CHARS].translate(_INDIC_DIGITS)  # one character for one: offsets hold
    found: list[tuple[int, int, int]] = []
    for pattern in patterns:
        for m in re.finditer(pattern, head, re.IGNORECASE):
            groups = m.groupdict()
            if groups.get("last_year"):
                # "العام الفائت 2020" (last year, 2020): written the year after
                found.append((int(groups["last_year"]) + 1, m.start(), m.end()))
            elif groups.get("year"):
                found.append((int(groups["year"]), m.start(), m.end()))
    if not found or len({y for y, _, _ in found}) > 1:
        return None
    return min(found, key=lambda f: f[1])


#: "since the start of ..." before a date of any kind: the date opens the period
_SINCE_START = re.compile(
    r"(?:\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|launch)\b|(?<!\w)منذ\s+(?:بدء|بداية|بدايه|اندلاع|انطلاق)(?!\w))"
    r"[^.;،]{0,50}$",
    re.I,
)


def period(text: str, mentions: list[DateMention], reference: date | None) -> tuple[date | None, date | None] | None:
    """A tally's period: "since September 2014", "from August 2014 to March 2017", "in 2016"."""
    for m in mentions:
        before = text[max(0, m.start - 12) : m.start].lower()
        if m.rule.endswith(("#this_year", "#last_year", "#past_week", "#past_two_weeks", "#past_month")) and (
            m.start_date
        ):
            # "so far this year", "killed by Russian strikes this year to 120", "over the past two weeks"
            return m.start_date, m.end_date
        # ... and Arabic "منذ" ("منذ آذار 2011")
        if re.search(r"(?:\bsince|(?<!\w)منذ)\s*$", before) and m.start_date:
            return m.start_date, reference
        # "since the start of its campaign in 2014", "منذ بداية الثورة في آذار 2011"
        lead = text[max(0, m.start - 60) : m.start]
        if m.kind in ("year", "month") and m.start_date and re.search(
            r"(?:\bsince\b|(?<!\w)منذ(?!\w))[^.;،]{0,50}$", lead, re.I
        ):
            return m.start_date, reference  # "since the start of the intervention in September 2015"
        if m.start_date and _SINCE_START.search(lead):
            # "منذ بدء العدوان الإسرائيلي على قطاع غزة يوم السبت الماضي", "since the start of the offensive on June 1"
            return m.start_date, reference
        if m.kind in ("year", "month") and m.start_date and re.search(r"\b(?:in|during|throughout)\s*$", before):
            return m.start_date, m.end_date  # "in 2017 alone, strikes killed ..."
    return told_range(text, mentions)


def told_range(text: str, mentions: list[DateMention]) -> tuple[date, date] | None:
    """Dates told as a range: "from August 2014 to March 2017", "between March and June", "من آذار إلى حزيران"."""
    for m in mentions:
        if m.rule.endswith(("#month_pair", "#month_range")) and m.start_date and m.end_date:
            return m.start_date, m.end_date
    for i, m in enumerate(mentions[:-1]):
        before = text[max(0, m.start - 12) : m.start].lower()
        if re.search(r"(?:\b(?:from|between)|(?<!\w)(?:من|بين))\s*$", before) and m.start_date:
            nxt = mentions[i + 1]
            mid = text[m.end : nxt.start].lower()
            if re.fullmatch(r"\s*(?:to|until|till|through|and|-|–|إلى|الى|حتى|و)\s*", mid) and nxt.end_date and (
                nxt.end_date >= m.start_date
            ):
                return m.start_date, nxt.end_date
    return None
