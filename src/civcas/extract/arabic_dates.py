"""Arabic time expressions resolved to dates: "اليوم", "فجر الخميس", "15 آذار 2022", "2 تشرين الثاني الحالي".

Resolution follows :mod:`civcas.extract.dates`: relative expressions and
weekdays need a reference date (publication, or the date line a page opens
with); without one they come back unresolved, never guessed. A day and month
without a year take the reference's year, or the year the document states
elsewhere.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta
from typing import Any, cast

from civcas.extract.arabic_figures import Scan
from civcas.extract.arabic_lexicon import ArabicLex
from civcas.extract.arabic_text import TokenList, fold, tokens, variants
from civcas.extract.dates import MONTH_PARTS, MONTHS_EN, DateMention, _safe, weekday_year_slip
from civcas.extract.dates import _infer_year as _infer
from civcas.records import DatePrecision

# (a full stop after the date ends the sentence: "بتاريخ 7/3/2021." is a date, "7.3.2021.5" is not)
_DMY = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*((?:19|20)\d\d)(?![\d/\-]|\.\d)")
_YMD = re.compile(r"(?<![\d/.\-])((?:19|20)\d\d)\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?![\d/\-]|\.\d)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


#: relative days counted from the event told before: (days, direction)
_TOLD_BEFORE = {"same_day": (0, 0, "later"), "next_day": (1, 1, "later"), "previous_day": (1, 1, "earlier"),
                "days_after_1": (1, 1, "after"), "days_after_2": (2, 2, "after"), "days_after_3": (3, 3, "after"),
                "week_after": (6, 8, "after")}


def find_dates(sc: Scan, lex: ArabicLex, *, reference: date | None, year_hint: int | None) -> list[DateMention]:
    """Every time expression of the sentence (offsets into it as published), resolved where it can be.

    >>> # "killed today, Sunday": the weekday is the more exact of the two
    """
    toks = sc.toks
    tag = lex.tags["ar_dates"]
    out: list[DateMention] = []
    taken: set[int] = set()

    def add(first: int, last: int, skip: int, s_date: date | None, e_date: date | None, precision: DatePrecision,
            kind: str, rule: str, month_day: tuple[int, int] | None = None) -> None:
        s, e = sc.span(first, last, skip)
        out.append(DateMention(s, e, sc.folded.source[s:e], s_date, e_date, precision, kind, rule,
                               month_day=month_day))
        taken.update(range(first, last + 1))

    text = sc.folded.text
    for rx, order in ((_DMY, "dmy"), (_YMD, "ymd")) if "/" in text or "-" in text or "." in text else ():
        for m in rx.finditer(text):
            a, b, c = (int(x) for x in m.groups())
            d, mo, y = (a, b, c) if order == "dmy" else (c, b, a)
            dt = _safe(y, mo, d)
            if dt is None:
                continue
            first = next((k for k, t in enumerate(toks) if t.start >= m.start()), None)
            last = max((k for k, t in enumerate(toks) if t.end <= m.end()), default=None)
            if first is None or last is None or any(k in taken for k in range(first, last + 1)):
                continue
            add(first, last, 0, dt, dt, DatePrecision.DAY, "absolute", f"{tag}#numeric_{order}")
    _month_ranges(sc, lex, reference, add, taken, tag)
    i = 0
    while i < len(toks):
        t = toks[i].text
        if i in taken or not ((t.isdecimal() and len(t) <= 2) or t in lex.ordinals or t in lex.ordinal_ones
                              or t in lex.months):
            i += 1
            continue
        got = _day_month(sc, i, lex, reference, year_hint, tag)
        if got is not None:
            first, last, s_date, e_date, precision, kind, rule, md = got
            add(first, last, 0, s_date, e_date, precision, kind, rule, md)
            i = last + 1
            continue
        i += 1
    wd_sets = toks.formsets(False) if isinstance(toks, TokenList) else None
    weekday_keys = lex.weekday_keys
    for i, tok in enumerate(toks):
        if i in taken or (wd_sets is not None and weekday_keys.isdisjoint(wd_sets[0][i])):
            continue
        wd = next((lex.weekdays[f] for f, _ in variants(tok.text, article=False) if f in lex.weekdays), None)
        if wd is None:
            continue
        first = i
        while first > 0 and toks[first - 1].text in lex.times_of_day and first - 1 not in taken and i - first < 2:
            first -= 1
        last = i
        back_week = False
        if i + 1 < len(toks) and toks[i + 1].text in lex.past_words:
            last, back_week = i + 1, True
        if i + 1 < len(toks) and i + 1 in taken:
            continue  # "الثلاثاء 2 تشرين الثاني": the full date says it
        dt = None
        if reference is not None:
            back = (reference.weekday() - wd) % 7
            if back_week and back == 0:
                back = 7
            dt = reference - timedelta(days=back)
        skip = 1 if first == i and toks[i].text[0] in "وف" and not toks[i].text.startswith("ال") else 0
        # "ليل الجمعة-السبت", "ليلة الجمعة السبت": a night told by the two days it spans is those two days
        j = i + 2 if i + 2 < len(toks) and toks[i + 1].text in ("-", "–", "/") else i + 1
        wd2 = (next((lex.weekdays[f] for f, _ in variants(toks[j].text, article=False) if f in lex.weekdays), None)
               if j < len(toks) and j not in taken and any(toks[k].text in _NIGHT for k in range(first, i)) else None)
        if wd2 is not None and (wd2 - wd) % 7 == 1:
            night_end = reference - timedelta(days=(reference.weekday() - wd2) % 7) if reference is not None else None
            night_start = night_end - timedelta(days=1) if night_end is not None else None
            add(first, j, skip, night_start, night_end, DatePrecision.DAYS, "weekday", f"{tag}#night_pair")
            continue
        add(first, last, skip, dt, dt, DatePrecision.DAY, "weekday", f"{tag}#weekday")
    for hit in lex.relative.find(toks):
        if any(k in taken for k in range(hit.first, hit.last + 1)):
            continue
        start_off, end_off, prec, rule = cast("tuple[int | str, int | str, str, str]", hit.payload)
        if start_off in _TOLD_BEFORE:
            # "وفي اليوم ذاته قصفت ...", "وفي اليوم التالي": the day of the event told before, or the day after or
            # before it, as in English
            s, e = sc.span(hit.first, hit.last, hit.skip)
            lo, hi, direction = _TOLD_BEFORE[str(start_off)]
            out.append(DateMention(s, e, sc.folded.source[s:e], None, None, DatePrecision.DAY, "offset", rule,
                                   offset=(lo, hi), direction=direction))
            taken.update(range(hit.first, hit.last + 1))
            continue
        s_date = e_date = None
        if reference is not None:
            if start_off == "last_month":
                e_date = reference.replace(day=1) - timedelta(days=1)
                s_date = e_date.replace(day=1)
            elif start_off == "this_month":
                s_date, e_date = reference.replace(day=1), reference
            elif isinstance(start_off, int) and isinstance(end_off, int):
                s_date = reference + timedelta(days=start_off)
                e_date = reference + timedelta(days=end_off)
        add(hit.first, hit.last, hit.skip, s_date, e_date, DatePrecision(prec), "relative", rule)
    out.sort(key=lambda m: m.start)
    return out


def _day_month(
    sc: Scan, i: int, lex: ArabicLex, reference: date | None, year_hint: int | None, tag: str
) -> tuple[int, int, date | None, date | None, DatePrecision, str, str, tuple[int, int] | None] | None:
    """ "15 آذار 2022", "7 تشرين الثاني/ نوفمبر", "الأول من أيار", "آذار 2022" at token ``i``."""
    toks = sc.toks
    tok = toks[i].text
    day = None
    j = i
    if tok.isdecimal() and len(tok) <= 2:
        day = int(tok)
        j = i + 1
    elif tok in lex.ordinals or tok in lex.ordinal_ones:
        day = lex.ordinals.get(tok) or lex.ordinal_ones[tok]
        j = i + 1
        # "الثاني عشر من آذار", "الحادي والعشرين من أيار": a compound ordinal (its units up to nine)
        nxt = toks[j].text if j < len(toks) else ""
        if day < 10 and nxt in lex.ordinal_teens:
            day, j = day + 10, j + 1
        elif day < 10 and nxt in lex.ordinal_tens:
            day, j = day + lex.ordinal_tens[nxt], j + 1
        elif tok not in lex.ordinals:
            return None  # "الحادي" opens only a compound
    if day is not None and j < len(toks) and toks[j].text == "من":
        j += 1
    if day is not None and j + 1 < len(toks) and toks[j].text in ("/", "-") and lex.months.at(toks, j + 1) is not None:
        j += 1  # "19/ أيلول/ 2023": a roundup's date written with slashes around the month's name
    if day is not None and j + 1 < len(toks) and toks[j].text == "شهر" and lex.months.at(toks, j + 1) is not None:
        j += 1  # "الخامس من شهر آذار", "5 من شهر آذار": the word "month" before its name
    if j >= len(toks):
        return None
    which = toks[j + 1].text if j + 1 < len(toks) else ""
    if day is not None and toks[j].text == "الشهر" and (which in lex.current_words or which in lex.past_words):
        # "في الخامس من الشهر الجاري", "العاشر من الشهر الماضي": a day of the month the publication date is in, or
        # of the month before it
        if reference is None or not 1 <= day <= 31:
            return None
        first_of = reference.replace(day=1)
        if which in lex.past_words:
            first_of = (first_of - timedelta(days=1)).replace(day=1)
        dt = _safe(first_of.year, first_of.month, day)
        if dt is None or dt > reference:
            return None
        return i, j + 1, dt, dt, DatePrecision.DAY, "absolute", f"{tag}#day_of_this_month", None
    mh = lex.months.at(toks, j)
    if mh is None or (mh.skip and day is not None):
        return None
    if day is None and (mh.skip or j != i):
        return None
    month: int = mh.payload  # type: ignore[assignment]
    last = mh.last
    # "تشرين الثاني/ نوفمبر": the other calendar's name for the same month.
    if last + 2 < len(toks) and toks[last + 1].text in ("/", "-", "(") and lex.months.at(toks, last + 2):
        last = lex.months.at(toks, last + 2).last  # type: ignore[union-attr]
        if last + 1 < len(toks) and toks[last + 1].text == ")":
            last += 1
    year = None
    k = last + 1
    if (day is not None and k + 1 < len(toks) and toks[k].text in ("/", "-") and toks[k + 1].text.isdecimal()
            and len(toks[k + 1].text) == 4):
        k += 1  # "19/ أيلول/ 2023"
    # "يناير 22, 2023": a site's stamp in the English order, month first, the year after a comma
    if (day is None and k + 2 < len(toks) and toks[k].text.isdecimal() and len(toks[k].text) <= 2
            and toks[k + 1].text in (",", "،") and toks[k + 2].text.isdecimal() and len(toks[k + 2].text) == 4
            and toks[k + 2].text[:2] in ("19", "20")):
        day, year, last = int(toks[k].text), int(toks[k + 2].text), k + 2
        k = last + 1
    if year is None and k < len(toks) and toks[k].text in ("عام", "سنه", "لعام", ",", "،"):
        k += 1
    if year is None and (said := _year_said(toks, k, lex, reference, year_hint)) is not None:
        year, last = said  # "في 12 آذار من العام الماضي": the year before the page's; "... العام الحالي": its own
    if year is not None:
        pass
    elif k < len(toks) and toks[k].text.isdecimal() and len(toks[k].text) == 4 and toks[k].text[:2] in ("19", "20"):
        year = int(toks[k].text)
        last = k
    elif k < len(toks) and toks[k].text in lex.current_words:
        last = k
        year = reference.year if reference is not None else year_hint
    if day is not None:
        if not 1 <= day <= 31:
            return None
        dt = _safe(year, month, day) if year is not None else _infer(month, day, reference, year_hint)
        if dt is not None and year is not None and reference is not None:
            dt = weekday_year_slip(dt, _weekday_before(sc, i, lex), reference)
        if dt is None and year is not None:
            return None
        return i, last, dt, dt, DatePrecision.DAY, "absolute", f"{tag}#day_month", None if dt else (month, day)
    # "أواخر شهر شباط", "منتصف آذار": a part of the month, before it or before "شهر"
    named = i > 0 and toks[i - 1].text in _MONTH_WORD
    at = i - 1 - named
    part = lex.month_parts.get(toks[at].text) if at >= 0 else None
    first = at if part is not None else i - named
    if year is None:
        past = k < len(toks) and toks[k].text in lex.past_words
        # "خلال شهر آب", "في شهر آب الماضي", "في شباط الماضي", "أواخر شباط": a month named as one, the last such month
        # up to the publication; a bare month name is none ("آب" is also "father"), nor after "في" alone
        if reference is None or not (named or past or part is not None):
            return None
        year = reference.year if month < reference.month or (month == reference.month and not past) else (
            reference.year - 1)
        last = k if past else last
        rule = "month_named"
    else:
        rule = "month_year"
    start, end = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if part is not None:
        lo, hi = MONTH_PARTS[part]
        return (first, last, date(year, month, lo), min(end, date(year, month, min(hi, end.day))), DatePrecision.DAYS,
                "month", f"{tag}#month_part", None)
    return first, last, start, end, DatePrecision.MONTH, "month", f"{tag}#{rule}", None


_YEAR_WORDS = frozenset({"العام", "السنه", "عام"})


def _year_said(
    toks: list[Any], k: int, lex: ArabicLex, reference: date | None, year_hint: int | None
) -> tuple[int, int] | None:
    """The year a date's words give after its month, relative to the page's ("من العام الماضي", "العام الحالي"), and
    the token they end at; ``None`` when none follows or the page's year is unknown."""
    j = k + 1 if k < len(toks) and toks[k].text == "من" else k
    if j + 1 >= len(toks) or toks[j].text not in _YEAR_WORDS:
        return None
    base = reference.year if reference is not None else year_hint
    if base is None:
        return None
    word = toks[j + 1].text
    if word in lex.past_words:
        return base - 1, j + 1
    if word in lex.current_words:
        return base, j + 1
    return None


#: what opens a range of months and what joins its ends (folded): "بين آذار وحزيران", "من آذار إلى حزيران"
_RANGE_OPENERS = frozenset({"بين", "من"})
_RANGE_LINKS = frozenset({"الي", "حتي", "لغايه"})


def _month_ranges(sc: Scan, lex: ArabicLex, reference: date | None, add: Any, taken: set[int], tag: str) -> None:
    """A range of months ("بين آذار وحزيران", "من آذار إلى حزيران 2017", "ما بين شهري آذار وحزيران"): the last such
    months up to the publication when no year is told, across the new year when the first month is the later."""
    toks = sc.toks
    for i, tok in enumerate(toks[:-2]):
        if tok.text not in _RANGE_OPENERS or i in taken:
            continue
        j = i + 1 + (toks[i + 1].text in ("شهري", "شهر"))
        m1 = lex.months.at(toks, j) if j < len(toks) else None
        if m1 is None or m1.skip or m1.last + 1 >= len(toks):
            continue
        k = m1.last + 1
        if toks[k].text in _RANGE_LINKS:
            m2 = lex.months.at(toks, k + 1) if k + 1 < len(toks) else None
            if m2 is not None and m2.skip:
                m2 = None
        else:
            m2 = lex.months.at(toks, k)  # "وحزيران": the conjunction written onto the second month
            if m2 is not None and not (m2.skip == 1 and toks[k].text[0] == "و"):
                m2 = None
        if m2 is None or m2.payload == m1.payload or any(n in taken for n in range(j, m2.last + 1)):
            continue
        mo1, mo2 = cast(int, m1.payload), cast(int, m2.payload)
        last, year = m2.last, None
        nxt = toks[last + 1].text if last + 1 < len(toks) else ""
        if nxt.isdecimal() and len(nxt) == 4 and nxt[:2] in ("19", "20"):
            last, year = last + 1, int(nxt)
        elif reference is not None:
            year = reference.year if mo2 <= reference.month else reference.year - 1
        if year is None:
            continue
        start_year = year if mo1 < mo2 else year - 1
        add(j, last, 0, date(start_year, mo1, 1), date(year, mo2, calendar.monthrange(year, mo2)[1]),
            DatePrecision.MONTH, "month", f"{tag}#month_range")


#: the word "month" before a month's name, with a clitic (folded): "خلال شهر آب" names the month, not a father
_MONTH_WORD = frozenset({"شهر", "لشهر", "بشهر", "وشهر"})

#: how many years after the year a document's other dates name its weekdays may move its days and months
WEEKDAY_YEARS = 7


#: the night, folded (ليل، ليلة): before two weekdays it spans them
_NIGHT = frozenset({"ليل", "ليله"})


def _weekday_before(sc: Scan, i: int, lex: ArabicLex) -> int | None:
    """The weekday named right before token ``i`` ("السبت 17 أيلول", "يوم الثلاثاء، 2 تشرين الثاني")."""
    k = i - 1
    if k >= 0 and sc.toks[k].text in (",", "،", "("):
        k -= 1
    if k < 0:
        return None
    return next((lex.weekdays[f] for f, _ in variants(sc.toks[k].text, article=False) if f in lex.weekdays), None)


def weekday_year(doc_text: str, lex: ArabicLex, year: int) -> int:
    """The year for a page's days without a year, given ``year``, the one its full dates name most often: the first
    year from it on in whose calendar every "السبت 17 أيلول" of the page falls on the weekday it names.

    A page with no date of its own names background dates ("the truce signed on 5 March 2020"), and a post about
    a strike on "Saturday 17 September" after them was written in 2022, when that day was a Saturday, not in 2020.
    ``year`` itself when the page names no weekday with a day, when they agree with it, or when no year within
    :data:`WEEKDAY_YEARS` fits them all.
    """
    days: set[tuple[int, int, int]] = set()  # (weekday, month, day); a window may hold a neighbour's day too
    for m in _DAY_MONTH_HINT.finditer(doc_text):
        f = fold(doc_text[max(0, m.start() - 30) : m.end() + 30])
        sc = Scan(f, tokens(f.text))
        for i, tok in enumerate(sc.toks):
            if tok.text.isdecimal() and len(tok.text) <= 2:
                got = _day_month(sc, i, lex, None, None, "")
                wd = _weekday_before(sc, i, lex)
                if got is not None and got[7] is not None and wd is not None:
                    days.add((wd, *got[7]))
    if not days or all(_weekday_at(year, mo, d) == wd for wd, mo, d in days):
        return year
    for y in range(year + 1, year + WEEKDAY_YEARS + 1):
        if all(_weekday_at(y, mo, d) == wd for wd, mo, d in days):
            return y
    return year


def weekday_dates(doc_text: str, lex: ArabicLex) -> set[date]:
    """The full dates (day, month, year) a page writes with their weekday, the weekday right: "الجمعة 22 نيسان 2022"."""
    out: set[date] = set()
    for m in _DAY_MONTH_HINT.finditer(doc_text):
        f = fold(doc_text[max(0, m.start() - 30) : m.end() + 30])
        sc = Scan(f, tokens(f.text))
        for i, tok in enumerate(sc.toks):
            if not (tok.text.isdecimal() and len(tok.text) <= 2):
                continue
            wd = _weekday_before(sc, i, lex)
            if wd is None:
                continue
            for d in line_dates(f.text[sc.toks[i].start :], lex)[:1]:
                if d.start == 0 and d.start_date is not None and d.start_date == d.end_date and (
                    d.start_date.weekday() == wd
                ):
                    out.add(d.start_date)
    return out


def named_weekdays(doc_text: str, lex: ArabicLex) -> list[int]:
    """Every weekday a page names (الجمعة، يوم السبت), in order."""
    f = fold(doc_text)
    out: list[int] = []
    for tok in tokens(f.text):
        wd = next((lex.weekdays[v] for v, _ in variants(tok.text, article=False) if v in lex.weekdays), None)
        if wd is not None:
            out.append(wd)
    return out


def weekday_of(word: str, lex: ArabicLex) -> int:
    """The weekday a folded word names, its clitics aside ("والسبت"), or -1."""
    return next((lex.weekdays[f] for f, _ in variants(word, article=False) if f in lex.weekdays), -1)


def _weekday_at(year: int, month: int, day: int) -> int | None:
    dt = _safe(year, month, day)
    return dt.weekday() if dt is not None else None


#: where a page may name a day and a month (a number of one or two digits): the places weekday_year reads
_DAY_MONTH_HINT = re.compile(r"(?<![0-9])[0-9٠-٩]{1,2}(?![0-9٠-٩])")


# The time stamp of a captured post: "November 30, 2024 · Shared with Public", "4:52 PM · Dec 1, 2024".
_POST_STAMP = re.compile(
    r"(?:(?P<m1>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d1>\d{1,2}),\s+(?P<y1>(?:19|20)\d\d)"
    r"\s*·)|(?:[AP]M\s*·\s*(?P<m2>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d2>\d{1,2}),\s+"
    r"(?P<y2>(?:19|20)\d\d))"
)


@functools.lru_cache(maxsize=8)
def dateline(doc_text: str, lex: ArabicLex) -> date | None:
    """The date a page was published on: a full date it opens with ("07 تشرين الثاني 2021", "2021-11-07"),
    else the time stamp of a captured post ("November 30, 2024 · Shared with Public").

    Only short lines among the first six count, as for English datelines.
    """
    for line in doc_text[:600].split("\n")[:8]:
        line = line.strip()
        if not line or len(line) > 60:
            continue
        f = fold(line)
        sc = Scan(f, tokens(f.text))
        for m in find_dates(sc, lex, reference=None, year_hint=None):
            if m.kind == "absolute" and m.start_date is not None:
                return m.start_date
    return post_stamp(doc_text)


def post_stamp(doc_text: str) -> date | None:
    """The time stamp of a captured post near the top of a page ("November 30, 2024 · Shared with Public",
    "4:52 PM · Dec 1, 2024"): when the post was made, whatever date the capture was filed under."""
    stamp = _POST_STAMP.search(doc_text, 0, 3000)
    if stamp is None:
        return None
    mon, day, year = (stamp.group("m1"), stamp.group("d1"), stamp.group("y1")) if stamp.group("m1") else (
        stamp.group("m2"), stamp.group("d2"), stamp.group("y2"))
    return _safe(int(year), MONTHS_EN.index(mon.lower()) + 1, int(day))


# A page's own label for when it was published: "تاريخ النشر: 12.10.2021 | 10:34 GMT", "نشر بتاريخ ...".
PUBLISHED_LABEL = re.compile(r"(?:^|\|)\s*(?:تاريخ\s+(?:ال)?نشر|نشر\s+(?:بتاريخ|في)|نُشر\s+(?:بتاريخ|في))\s*[:：]?")
# What a line that only stamps a date may hold besides the date: a weekday, a time of day, a zone, punctuation.
STAMP_REST = re.compile(r"[\s\d:.,،|/\-–—()]+|GMT|UTC|[AaPp]\.?[Mm]\.?|ص|م|مساء|صباحا|صباحاً|بتوقيت\s+\S+")


def line_dates(line: str, lex: ArabicLex) -> list[DateMention]:
    """The dates of one line of Arabic text, unresolved relative ones included (for :func:`dates.page_stamp`)."""
    f = fold(line)
    return find_dates(Scan(f, tokens(f.text)), lex, reference=None, year_hint=None)


@functools.lru_cache(maxsize=8)
def doc_year(doc_text: str, lex: ArabicLex) -> int | None:
    """The year a document's full Arabic dates name most often (for a bare "15 آذار")."""
    counts: dict[int, int] = {}
    for m in _YEAR.finditer(doc_text):
        lo = max(0, m.start() - 40)
        f = fold(doc_text[lo : m.end()])
        sc = Scan(f, tokens(f.text))
        for d in find_dates(sc, lex, reference=None, year_hint=None):
            if d.kind == "absolute" and d.start_date is not None and d.start_date.year == int(m.group()):
                counts[d.start_date.year] = counts.get(d.start_date.year, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))
