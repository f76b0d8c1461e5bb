"""Date rules (D3xx): each with a minimal failing and a minimal passing report."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlint import dates, lint_text
from govlint.config import Config

from .reportgen import default_preamble, render_report


def date_findings(text: str, **config) -> list[tuple[str, int | None]]:
    found = lint_text(text, config=Config(select=("date",), **config))
    return [(f.code, f.span.line if f.span else None) for f in found]


def findings_of(text: str, code: str, **config):
    return [f for f in lint_text(text, config=Config(select=(code,), **config))]


def test_clean_report_has_no_date_finding():
    assert date_findings(render_report()) == []


# D301 period-missing
def test_period_missing():
    preamble = default_preamble(2024).replace("本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。", "")
    assert date_findings(render_report(preamble=preamble)) == [("D301", 1)]  # at the title


@pytest.mark.parametrize("period", [
    "202411日起至20241231日止",  # 年/月 lost in extraction (domain.md §6.11)
    "2024  1  1  日至 2024  12  31  日",
    "2024年1月1日至2024年12月31日",
])
def test_period_with_dropped_characters_is_stated(period):
    preamble = f"本报告所列数据统计期限为{period}。如有疑问请与淮安市人民政府办公室联系（电话：0517-83606000）。"
    assert date_findings(render_report(preamble=preamble)) == []


# D302 period-not-report-year
@pytest.mark.parametrize("period, actual", [
    ("2024年1月1日至2024年11月30日", "2024-01-01 — 2024-11-30"),
    ("2023年1月1日至2023年12月31日", "2023-01-01 — 2023-12-31"),
    ("2023年7月1日至2024年6月30日", "2023-07-01 — 2024-06-30"),
])
def test_period_not_the_report_year(period, actual):
    text = render_report(preamble=f"本报告数据统计期限为{period}。电话：0517-83606000。")
    found = findings_of(text, "D302")
    assert [(f.code, f.span.line, f.expected, f.actual) for f in found] == [
        ("D302", 3, "2024-01-01 — 2024-12-31", actual)]


# D303 invalid-date
def test_invalid_calendar_date():
    text = render_report(sections={"一": "2024年2月30日，本机关召开政务公开工作会议。2024年2月29日印发通知。"})
    found = findings_of(text, "D303")
    assert [(f.span.line, f.span.column, f.actual) for f in found] == [(5, 1, "2024-02-30")]


def test_invalid_date_in_period_is_reported_once():
    text = render_report(preamble="本报告数据统计期限为2023年1月1日至2023年2月30日。电话：0517-83606000。", year=2023)
    assert [f.actual for f in findings_of(text, "D303")] == ["2023-02-30"]


def test_numbers_that_only_look_like_dates_are_not_dates():
    text = render_report(sections={"一": "索引号2024-13-45，版本2024.12.30，2023年2月28日印发通知。"})
    assert findings_of(text, "D303") == []


# D304 publication-late
def test_agency_report_on_deadline_day_is_on_time():
    assert findings_of(render_report(published="2025-01-31"), "D304") == []


def test_agency_report_late():
    found = findings_of(render_report(published="2025-02-01"), "D304")
    assert [(f.span.line, f.expected, f.actual, f.anchor) for f in found] == [
        (2, "2025-01-31", "2025-02-01", "2025-02-01")]
    assert "部门报告" in found[0].message and "1 天" in found[0].message


@pytest.mark.parametrize("title, published, late", [
    ("淮安市淮安区2024年政府信息公开工作年度报告", "2025-02-20", False),  # county aggregate: 2月20日
    ("淮安市淮安区2024年政府信息公开工作年度报告", "2025-02-21", True),
    ("淮安市2024年政府信息公开工作年度报告", "2025-03-10", False),  # prefecture: 3月10日
    ("淮安市2024年政府信息公开工作年度报告", "2025-03-11", True),
    ("江苏省2024年政府信息公开工作年度报告", "2025-03-31", False),  # province: 3月31日
    ("某某市2024年政府信息公开工作年度报告", "2025-03-31", False),  # a 市 of unknown level: statutory limit
    ("某某市2024年政府信息公开工作年度报告", "2025-04-01", True),
])
def test_government_report_deadline_by_level(title, published, late):
    found = findings_of(render_report(title=title, published=published), "D304")
    assert bool(found) is late


def test_aggregate_stated_in_text_gets_the_statutory_limit():
    preamble = default_preamble(2024) + "本报告由淮安高新区管委会汇总各部门政府信息公开工作情况编制而成。"
    title = "淮安高新区2024年政府信息公开工作年度报告"
    assert findings_of(render_report(title=title, preamble=preamble, published="2025-03-31"), "D304") == []
    late = findings_of(render_report(title=title, preamble=preamble, published="2025-04-01"), "D304")
    assert [f.expected for f in late] == ["2025-03-31"]
    assert "级别不明" in late[0].message


def test_configured_kind_and_deadline():
    text = render_report(published="2025-02-15")
    assert findings_of(text, "D304", report_kind="county") == []
    assert [f.expected for f in findings_of(text, "D304", report_kind="county",
                                            options={"deadlines": {"county": "02-10"}})] == ["2025-02-10"]


@pytest.mark.parametrize("deadlines, says", [
    ({"agency": "02-30"}, "'02-30' is not a calendar day"),
    ({"agency": "Jan 31"}, "'Jan 31' is not a month-day such as '01-31'"),
    ("01-31", "deadlines must map a report kind to 'MM-DD'"),
])
def test_bad_configured_deadline_is_a_clear_error(deadlines, says):
    found = lint_text(render_report(), config=Config(select=("D304",), options={"deadlines": deadlines}))
    assert [f.code for f in found] == ["X001"]
    assert says in found[0].message


def test_deadlines_from_the_configuration_file():
    # govlint.configfile parses `deadlines = {county = "02-10"}` into (month, day) pairs.
    text = render_report(published="2025-02-15")
    assert [f.expected for f in findings_of(text, "D304", report_kind="county",
                                            options={"deadlines": {"county": (2, 10)}})] == ["2025-02-10"]


def test_february_29_deadline_falls_on_the_28th_in_a_common_year():
    text = render_report(published="2025-03-01")
    assert [f.expected for f in findings_of(text, "D304", options={"deadlines": {"agency": "02-29"}})] == [
        "2025-02-28"]


def test_2019_aggregate_has_until_march_31():
    text = render_report(year=2019, fmt="2019", title="淮安市淮安区2019年政府信息公开工作年度报告",
                         published="2020-03-20")
    assert findings_of(text, "D304") == []


# D305 publication-before-year-end
def test_publication_before_year_end():
    found = findings_of(render_report(published="2024-12-20"), "D305")
    assert [(f.span.line, f.actual) for f in found] == [(2, "2024-12-20")]
    assert findings_of(render_report(published="2025-01-02"), "D305") == []


# D306 publication-date-missing
def test_publication_date_missing_is_info():
    found = findings_of(render_report(published=""), "D306")
    assert [(f.severity, f.span.line) for f in found] == [("info", 1)]
    assert findings_of(render_report(), "D306") == []


@given(st.from_regex(re.compile(dates._DATE.pattern)) | st.text("2024年月日号-/. 0123456789", max_size=16))
def test_the_date_gate_lets_every_date_through(text):
    """``dates._date_matches`` scans only a text holding 月 or one of -/. (the characters that
    part a date's month from its day): every date the pattern finds holds one."""
    for m in dates._DATE.finditer(text):
        assert set("月-/.") & set(m.group()), m.group()
    assert [m.span() for m in dates._date_matches(text)] == [m.span() for m in dates._DATE.finditer(text)]
