"""Dates as real reports write them, including the forms extraction leaves behind.

"2024年1月1日", "2024-01-22", "2025  1  1  日" (年/月 dropped), "202311日起至20231231日止" (digits run
together). Dates are returned as ``DateValue`` so an impossible date (2月30日) is kept and can be
reported rather than silently dropped. Used by the readers (metadata) and, through the rule API,
by rules.
"""

from __future__ import annotations

import regex
from attrs import frozen

from .model import DateValue, Period, quick_init

# A date with explicit separators between year, month and day.
_DATE = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:年|[-/.])\s*(?P<m>\d{1,2})\s*(?:月|[-/.])\s*(?P<d>\d{1,2})(?!\d)\s*(?:日|号)?"
)
# One side of a period: a year followed by digits, spaces and date characters (some maybe lost).
_LOOSE = r"(?:19|20)\d{2}[\d年月日号\s./-]{1,16}"
_PERIOD = regex.compile(
    rf"(?<!\d)(?P<a>{_LOOSE})\s*(?:(?:日|号)\s*)?(?:起\s*)?(?:至|到|~|～|—|－|-)\s*(?P<b>{_LOOSE})\s*(?:日|号)?(?=\s*止|[^\d年月日号./-]|$)"
)
# What stands between the two sides of every ``_PERIOD`` match, one of them.
_PERIOD_MARKS = ("至", "到", "~", "～", "—", "－", "-")
_DIGITS = regex.compile(r"\d+")


@quick_init
@frozen(weakref_slot=False)
class FoundDate:
    start: int
    end: int
    value: DateValue


@quick_init
@frozen(weakref_slot=False)
class FoundPeriod:
    start: int
    end: int
    value: Period


def _may_hold_date(text: str) -> bool:
    """Whether ``_DATE`` can match: its month and day are parted by 月 or one of -/., and a text
    with none of them (most paragraphs) is not scanned."""
    return "月" in text or "-" in text or "/" in text or "." in text


def _date_matches(text: str):
    """``_DATE``'s matches."""
    return _DATE.finditer(text) if _may_hold_date(text) else ()


def find_dates(text: str) -> list[FoundDate]:
    """Every date written with separators (年月日, -, /, .) in ``text``, valid or not."""
    return [FoundDate(*m.span(), DateValue(*map(int, m.groups()))) for m in _date_matches(text)]


def first_date(text: str) -> FoundDate | None:
    """The first of ``find_dates``, without reading on for the others."""
    m = _DATE.search(text) if _may_hold_date(text) else None
    return FoundDate(*m.span(), DateValue(*map(int, m.groups()))) if m else None


def find_impossible_dates(text: str) -> list[FoundDate]:
    """The dates of ``find_dates`` that do not exist (2月30日). Most dates are possible on their
    face (month 1–12, day 1–28) and no objects are made for them: they cost more than the scan."""
    found = []
    for m in _date_matches(text):
        year, month, day = map(int, m.groups())
        if 1 <= month <= 12 and 1 <= day <= 28:
            continue
        value = DateValue(year, month, day)
        if not value.valid:
            found.append(FoundDate(*m.span(), value))
    return found


def parse_loose_date(text: str, prefer: tuple[int, int] | None = None) -> DateValue | None:
    """Read a date whose separators may be missing ("202311", "20231231", "2025  1  1").

    When the digits split more than one way, a valid split is taken, ``prefer``'s (month, day)
    first."""
    groups = _DIGITS.findall(text)
    if not groups or len(groups[0]) < 4:
        return None
    year = int(groups[0][:4])
    rest = ([groups[0][4:]] if len(groups[0]) > 4 else []) + groups[1:]
    if len(rest) >= 2:
        return DateValue(year, int(rest[0]), int(rest[1]))
    if len(rest) != 1:
        return None
    run = rest[0]
    candidates = [DateValue(year, int(run[:i]), int(run[i:])) for i in (1, 2) if 0 < i < len(run) <= i + 2]
    if not candidates:
        return None
    valid = [c for c in candidates if c.valid]
    if prefer:
        for c in valid:
            if (c.month, c.day) == prefer:
                return c
    return (valid or candidates)[0]


def find_period(text: str) -> FoundPeriod | None:
    """The first "from … to …" date range in ``text`` (the statistical period)."""
    if not any(map(text.__contains__, _PERIOD_MARKS)):  # most paragraphs: not scanned
        return None
    for m in _PERIOD.finditer(text):
        start = parse_loose_date(m["a"], prefer=(1, 1))
        end = parse_loose_date(m["b"], prefer=(12, 31))
        if start and end:
            return FoundPeriod(m.start(), m.end(), Period(start, end))
    return None
