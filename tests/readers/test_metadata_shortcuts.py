"""Shortcuts in finding a report's title, dates and year give the answers of the long way: a
text is scanned only when it holds what every match holds, the first date is taken without
the others, and the year's votes are counted without a ``Counter``."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlint import dates, metadata
from govlint.dates import find_dates, find_period, first_date, parse_loose_date
from govlint.model import DateValue, Located, Paragraph, Period, Span
from govlint.normalize import normalize

# Dates and periods as reports write them, what breaks them, and prose around them.
_PIECES = st.sampled_from([
    "2023", "2024", "1999", "20", "19", "202311", "20231231", "1", "12", "31", "01", " ", "  ", "\t",
    "年", "年度", "月", "日", "号", "-", "/", ".", "至", "到", "~", "～", "—", "－", "起", "止", "自",
    "本报告所列数据的统计期限", "发布日期", "公开时间", ":", "|", "，", "。", "政府信息公开", "工作", "年度报告",
    "北京市教育局", "重庆市黔江区", "信息公开", "报告", "(", ")", "《", "》", "一、",
])
_TEXTS = st.lists(_PIECES, max_size=24).map("".join)
# A "from … to …" range, each side a year and what follows it, around any separator.
_SEPARATORS = ["至", "到", "~", "～", "—", "－", "-"]
_SIDE = st.tuples(st.sampled_from(["2023", "2024", "1999"]),
                  st.sampled_from(["年1月1日", "年12月31日", "-01-01", ".12.31", "年", "1231", ""]),
                  st.lists(st.sampled_from(["年", "月", "日", "1", "12", " ", "-", "."]), max_size=3).map("".join))
_PERIODS = st.tuples(_TEXTS, _SIDE.map("".join), st.sampled_from(["", "起", "日起"]),
                     st.sampled_from([*_SEPARATORS, "和"]), _SIDE.map("".join),
                     st.sampled_from(["", "止", "日止", "。"]), _TEXTS).map("".join)


def _reference_find_period(text: str):
    """``find_period`` without its gate."""
    for m in dates._PERIOD.finditer(text):
        start = parse_loose_date(m["a"], prefer=(1, 1))
        end = parse_loose_date(m["b"], prefer=(12, 31))
        if start and end:
            return dates.FoundPeriod(m.start(), m.end(), Period(start, end))
    return None


@given(_TEXTS | _PERIODS)
def test_a_period_is_found_as_without_the_gate(text):
    assert find_period(text) == _reference_find_period(text)


@pytest.mark.parametrize("separator", _SEPARATORS)
def test_a_period_is_found_across_every_separator(separator):
    text = f"统计期限自2023年1月1日起{separator}2023年12月31日止。"
    assert find_period(text) == _reference_find_period(text) is not None


@given(_TEXTS)
def test_the_first_date_is_the_first_of_all_dates(text):
    found = find_dates(text)
    assert first_date(text) == (found[0] if found else None)


@given(_TEXTS)
def test_a_date_at_the_start_is_the_first_date(text):
    """The page-header field: the date right after 发布日期, if any."""
    at_start = [d for d in find_dates(text) if d.start == 0]
    first = first_date(text)
    assert (first if first and first.start == 0 else None) == (at_start[0] if at_start else None)


@given(_TEXTS)
def test_a_date_alone_on_a_line_is_told_by_the_first_date(text):
    """The signature line: one date covering all but one character at most."""
    found = find_dates(text)
    alone = len(found) == 1 and found[0].end - found[0].start >= len(text) - 1
    first = first_date(text)
    assert alone == bool(first and first.end - first.start >= len(text) - 1)


@given(_TEXTS)
def test_the_title_and_publication_gates_pass_every_match(text):
    if metadata._TITLE.search(text):
        assert metadata._may_hold_title(text)
    if metadata._PUBLISHED.search(text):
        assert metadata._may_name_published(text)


def _reference_report_year(votes: list[Located]) -> Located | None:
    if not votes:
        return None
    counts = Counter(v.value for v in votes)
    best = max(counts.values())
    return next(v for v in votes if counts[v.value] == best)


_YEARS = st.integers(2019, 2022)


@given(st.none() | _YEARS, st.none() | _YEARS, st.none() | st.tuples(_YEARS, st.integers(1, 12)))
def test_the_report_year_is_the_counted_majority(title, period_end, published):
    title_year = Located(title, "t") if title is not None else None
    period = Located(Period(DateValue(2000, 1, 1), DateValue(period_end, 12, 31)), "p") if period_end else None
    published_on = Located(DateValue(published[0], published[1], 1), "d") if published else None
    votes = [v for v in (title_year,
                         period and Located(period.value.end.year, period.raw, period.span),
                         published_on and published_on.value.month <= 6
                         and Located(published_on.value.year - 1, published_on.raw, published_on.span)) if v]
    assert metadata.report_year(title_year, period, published_on) == _reference_report_year(votes)


def _reference_publication_date(preamble, paragraphs):
    """``metadata._publication_date`` as it read every date of a line."""
    header = preamble[:metadata._HEADER_LINES]
    for paragraph in header:
        for m in metadata._PUBLISHED.finditer(paragraph.text):
            found = [d for d in find_dates(paragraph.text[m.end():]) if d.start == 0]
            if found:
                d = found[0]
                return metadata._located(paragraph, m.end() + d.start, m.end() + d.end, d.value)
    for paragraph in header + paragraphs[-5:]:
        text = paragraph.text.strip().strip("|").strip()
        found = find_dates(text)
        if len(found) == 1 and found[0].end - found[0].start >= len(text) - 1:
            offset = paragraph.text.find(text)
            return metadata._located(paragraph, offset + found[0].start, offset + found[0].end, found[0].value)
    return None


_DATED_LINES = st.lists(st.tuples(st.sampled_from(["", "发布日期:", "公开时间 | ", "成文日期", "|"]), _TEXTS,
                                  st.sampled_from(["", "2024年1月21日", " 2024-01-21 ", "|2023.12.31|"]))
                        .map("".join), min_size=1, max_size=8)


@given(_DATED_LINES, st.integers(0, 8))
def test_the_publication_date_is_found_as_the_long_way_finds_it(lines, in_preamble):
    paragraphs = [Paragraph(line, normalize(line), Span(n, 1, n, len(line) + 1)) for n, line in enumerate(lines, 1)]
    preamble = paragraphs[:in_preamble]
    assert metadata._publication_date(preamble, paragraphs) == _reference_publication_date(preamble, paragraphs)
