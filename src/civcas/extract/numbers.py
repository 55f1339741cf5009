"""Numbers as reporting writes them: "3,100", "forty-five", "a dozen", "1.5 million", "dozens".

The word lists live in ``data/lexicons/numbers.en.v1.yaml``; this module
turns them into one scanner that returns every number in a text with its
offsets, value and, for vague words, the tally bounds of the convention.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from civcas.extract.rules import RuleFiles, load_rules
from civcas.extract.text import phrase_regex


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number in text. ``value`` is ``None`` for vague words, which carry ``low``/``high`` instead."""

    start: int
    end: int
    text: str
    value: int | None
    low: int | None
    high: int | None
    rule: str


@dataclass(frozen=True, slots=True)
class _Scanner:
    regex: re.Pattern[str]
    units: dict[str, int]
    scales: dict[str, int]
    phrases: dict[str, tuple[int, str]]
    vague: dict[str, tuple[int | None, int | None, str]]
    tag: str


#: a count with its thousands marked ("23,357"), a comma after it being punctuation ("rose to 23,357, officials
#: said"; not "1,2345" or "1,234,5"), or plain digits
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d+(?:\.\d+)?"


@functools.cache
def _scanner(rules: RuleFiles) -> _Scanner:
    nums = rules.numbers
    words = sorted([*nums.units, *nums.scales], key=len, reverse=True)
    word = "|".join(re.escape(w) for w in words)
    wordnum = rf"(?:{word})(?:(?:[\s\u00a0]+|-|[\s\u00a0]+and[\s\u00a0]+)(?:{word}))*"
    scale = "|".join(re.escape(w) for w in nums.scales)
    phrases = {p.text.lower(): (p.value, p.id) for p in nums.phrases}
    vague = {v.text.lower(): (v.low, v.high, v.id) for v in nums.vague}
    fixed = phrase_regex([*phrases, *vague]).pattern
    digits = rf"(?:{_DIGITS})(?:[\s\u00a0]*(?:{scale}|m\b|bn\b))?"
    # (a number word glued by a hyphen to a capitalised agency's dateline counts: "Damascus, SANA-Two citizens")
    regex = re.compile(
        rf"(?P<fixed>{fixed})|(?<![\w.,:/])(?P<digits>{digits})(?![\w]|[:/]\d)|(?:(?<![\w-])|(?<=(?-i:[A-Z][A-Z])-))(?P<words>{wordnum})(?![\w])",
        re.IGNORECASE,
    )
    return _Scanner(regex, dict(nums.units), dict(nums.scales), phrases, vague, rules.tags["numbers"])


def words_value(text: str, units: dict[str, int], scales: dict[str, int]) -> int | None:
    """Value of a run of number words ("two hundred and fifty" -> 250); ``None`` if it is not one."""
    total = current = 0
    seen = False
    for w in re.split(r"[\s\u00a0\-]+", text.lower()):
        if not w or w == "and":
            continue
        if w in units:
            current += units[w]
            seen = True
        elif w in scales:
            mult = scales[w]
            if mult == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * mult
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _digits_value(text: str) -> int | None:
    m = re.match(r"([\d,.]+)[\s\u00a0]*([a-z]*)", text.lower())
    if not m:
        return None
    raw, scale = m.group(1), m.group(2)
    mult = {"thousand": 1000, "million": 1_000_000, "m": 1_000_000, "bn": 1_000_000_000, "hundred": 100}.get(scale, 1)
    try:
        value = float(raw.replace(",", "")) if "." in raw else int(raw.replace(",", ""))
    except ValueError:
        return None
    if isinstance(value, float) and mult == 1:
        return None
    return round(value * mult)


def find_numbers(text: str, *, rules: RuleFiles | None = None) -> list[NumberMatch]:
    """Every number in ``text``, left to right, with offsets.

    >>> [(n.text, n.value) for n in find_numbers("killing 3,100 and forty-five, dozens more")]
    [('3,100', 3100), ('forty-five', 45), ('dozens', None)]
    """
    sc = _scanner(rules or load_rules())
    out: list[NumberMatch] = []
    for m in sc.regex.finditer(text):
        s = m.group()
        if m.group("fixed") is not None:
            key = re.sub(r"[\s\u00a0]+", " ", s.lower()).replace("-", "-")
            if key in sc.phrases:
                value, rid = sc.phrases[key]
                out.append(NumberMatch(m.start(), m.end(), s, value, value, value, f"{sc.tag}#{rid}"))
                continue
            hit = sc.vague.get(key) or sc.vague.get(key.replace("-", " "))
            if hit is None:  # hyphen/space variants of a phrase
                hit = next((v for k, v in sc.vague.items() if re.sub(r"\W", "", k) == re.sub(r"\W", "", key)), None)
            if hit is None:
                continue
            low, high, rid = hit
            out.append(NumberMatch(m.start(), m.end(), s, None, low, high, f"{sc.tag}#{rid}"))
        elif m.group("digits") is not None:
            dv = _digits_value(s)
            if dv is not None:
                out.append(NumberMatch(m.start(), m.end(), s, dv, dv, dv, f"{sc.tag}#digits"))
        else:
            for a, b in _and_parts(s, sc.scales):
                part = s[a:b]
                wv = words_value(part, sc.units, sc.scales)
                if wv is not None:
                    out.append(NumberMatch(m.start() + a, m.start() + b, part, wv, wv, wv, f"{sc.tag}#words"))
    return out


_AND = re.compile(r"[\s\u00a0]+and[\s\u00a0]+", re.IGNORECASE)


def _and_parts(run: str, scales: dict[str, int]) -> list[tuple[int, int]]:
    """A run of number words cut at each "and" that follows no scale word: "two hundred and fifty" is one number,
    "between five and seven" and "three and four" are two."""
    parts: list[tuple[int, int]] = []
    start = 0
    for m in _AND.finditer(run):
        before = run[start : m.start()].split()
        if before and before[-1].lower().split("-")[-1] not in scales:
            parts.append((start, m.start()))
            start = m.end()
    parts.append((start, len(run)))
    return parts
