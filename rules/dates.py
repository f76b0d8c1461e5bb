"""Dates: the statistical period, calendar validity, and publication against the deadline
(domain.md §1.1, §1.3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from govlint.rule import Context, Document, LazyPattern, Rule, find_impossible_dates

from ._places import government_level

# Deadlines (month, day) in the year after the report year, by kind of report (domain.md
# decision 3; F21 §二). An aggregate whose level cannot be told gets the statutory limit.
DEADLINES = {"agency": "01-31", "township": "01-31", "county": "02-20", "prefecture": "03-10",
             "province": "03-31", "vertical": "03-31"}
STATUTORY_LIMIT = "03-31"
AGGREGATES = ("county", "prefecture", "province", "vertical")
# F21 (2021年9月26日) introduced the 2月20日 and 3月10日 steps; before it, 条例 第四十九条 alone
# applied: 1月31日 for agencies, 3月31日 for every 本级政府 aggregate.
FIRST_F21_REPORT_YEAR = 2021
KIND_NAMES = {"agency": ("部门报告", "an agency report"), "township": ("乡镇（街道）报告", "a township report"),
              "county": ("县级汇总报告", "a county-level aggregate report"),
              "prefecture": ("地市级汇总报告", "a prefecture-level aggregate report"),
              "province": ("省级汇总报告", "a provincial aggregate report"),
              "vertical": ("垂直管理系统汇总报告", "a vertical system's aggregate report"),
              "aggregate": ("级别不明的汇总报告", "an aggregate report of unknown level")}

# "本报告…汇总…编制而成", "…情况汇总报告如下": the report says it aggregates others.
_AGGREGATE = LazyPattern(r"汇总[^。;]{0,60}?(?:编制|报告如下|形成本报告)|本报告[^。;]{0,60}?汇总")
_TOWNSHIP = LazyPattern(r"(?:乡|镇|街道)(?:人民政府|办事处)?$")
_MONTH_DAY = LazyPattern(r"(\d{1,2})-(\d{1,2})")


def _anchor(doc: Document):
    return doc.title.span if doc.title else None


class PeriodMissing(Rule):
    """The report states no statistical period (统计期限).

    A reader needs to know which year the figures cover; reports state it in the preamble, e.g.
    "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止". The format fixes every figure
    at 12月31日 of the reporting year (国办公开办函〔2021〕30号 §一(二)) but does not prescribe the
    sentence, so this is a warning. Forms with characters lost in extraction
    ("202311日起至20231231日止", "2025  1  1  日至 2025  12  31  日") count as stated.

    Example: seed 004 (山海关区南关街道办事处 2024) never says which period its figures cover.
    """

    code = "D301"
    name = "period-missing"
    family = "date"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        if doc.period is None:
            yield ctx.report(zh="报告未说明数据统计期限（如“统计期限自×年1月1日起至×年12月31日止”）。",
                             en="The report does not state its statistical period (1 January to 31 December).",
                             span=_anchor(doc))


class PeriodNotReportYear(Rule):
    """The statistical period is not the whole calendar year of the report: it must run from
    1月1日 to 12月31日 of the report year.

    Authority: 条例 第四十九条 asks for the report on the 上一年度 (the calendar year), and the
    format fixes the data at 12月31日 of the reporting year (国办公开办函〔2021〕30号 §一(二)).

    Example: a 2024 report saying "统计期限为2024年1月1日至2024年11月30日" (expected 2024-01-01 to
    2024-12-31).
    """

    code = "D302"
    name = "period-not-report-year"
    family = "date"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        if doc.period is None:
            return
        period = doc.period.value
        year = doc.report_year or period.end.year
        expected = f"{year}-01-01 — {year}-12-31"
        actual = f"{period.start} — {period.end}"
        if actual != expected:
            yield ctx.report(
                zh=f"统计期限为 {actual}，应为报告年度 {year} 年全年（{expected}）。",
                en=f"The statistical period is {actual}; it must be the whole report year {year} ({expected}).",
                span=doc.period.span, expected=expected, actual=actual, anchor=doc.period.raw,
            )


class InvalidDate(Rule):
    """A date in the text does not exist in the calendar (2月30日, 2023年2月29日, 4月31日).

    Such a date is a typing error, and when it is the statistical period or the publication date
    the report's own timing cannot be checked. Dates with separators (年月日, -, /, .) are read
    wherever they stand; a number that only looks like a date (month above 12 written with - or
    .) is not taken for one.

    Example: "统计期限自2023年1月1日起至2023年2月30日止" (2023-02-30 does not exist).
    """

    code = "D303"
    name = "invalid-date"
    family = "date"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        reported = set()
        for paragraph in doc.paragraphs():
            for found in find_impossible_dates(paragraph.text):
                value = found.value
                written = paragraph.text[found.start:found.end]
                plausible = 1 <= value.month <= 12 and 1 <= value.day <= 31
                if not (plausible or ("年" in written and "月" in written)):
                    continue
                span = paragraph.span_of(found.start, found.end)
                reported.add((span.line, str(value)))
                yield self._report(ctx, str(value), written.strip(), span)
        if doc.period is not None:
            for value in (doc.period.value.start, doc.period.value.end):
                span = doc.period.span
                if not value.valid and (span and span.line, str(value)) not in reported:
                    yield self._report(ctx, str(value), doc.period.raw, span)

    @staticmethod
    def _report(ctx: Context, value: str, written: str, span):
        return ctx.report(zh=f"日期“{written}”不存在（{value}）。", en=f"The date '{written}' does not exist ({value}).",
                          span=span, actual=value, anchor=written)


class Deadline(NamedTuple):
    kind: str  # a key of KIND_NAMES
    date: dt.date
    basis_zh: str
    basis_en: str


def report_kind(doc: Document, options: Mapping) -> tuple[str, str, str]:
    """(kind, why in Chinese, why in English): configured, or told from the agency's name and
    the text. ``aggregate`` is an aggregate whose level cannot be told."""
    configured = options.get("report_kind")
    if configured:
        if configured not in DEADLINES:
            raise ValueError(f"report_kind {configured!r} is not one of {', '.join(DEADLINES)}")
        return configured, "配置指定", "set in the configuration"
    name = doc.agency.value if doc.agency else ""
    level = government_level(name) if name else None
    if level in AGGREGATES:
        return level, f"报告主体“{name}”为本级政府", f"the report is by the government '{name}'"
    if any("汇总" in p.text and _AGGREGATE.search(p.text) for p in doc.paragraphs()):  # `in`: scan only where it may match
        return "aggregate", "正文称汇总编制，级别无法判断", "the text says it aggregates other reports, level unknown"
    if level == "unknown":
        return "aggregate", f"报告主体“{name}”为本级政府，级别无法判断", f"the report is by the government '{name}', level unknown"
    if name and _TOWNSHIP.search(name):
        return "township", f"报告主体“{name}”为乡镇（街道）", f"the report is by the township '{name}'"
    return "agency", "未发现汇总或本级政府字样", "no sign of an aggregate or government report"


def _month_day(value, where: str) -> tuple[int, int]:
    """A configured deadline: (month, day) as the configuration file gives it, or "MM-DD"."""
    if isinstance(value, (tuple, list)) and len(value) == 2 and all(isinstance(v, int) for v in value):
        month, day = value
    else:
        m = _MONTH_DAY.fullmatch(str(value).strip())
        if not m:
            raise ValueError(f"deadline {where} = {value!r} is not a month-day such as '01-31'")
        month, day = int(m[1]), int(m[2])
    try:
        dt.date(2000, month, day)  # a leap year: 02-29 is a day of the year
    except ValueError:
        raise ValueError(f"deadline {where} = {value!r} is not a calendar day") from None
    return month, day


def _due(year: int, month: int, day: int) -> dt.date:
    """The deadline in ``year``; 02-29 falls on 02-28 in a common year."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, day - 1)


def deadline(doc: Document, year: int, options: Mapping) -> Deadline:
    kind, why_zh, why_en = report_kind(doc, options)
    configured = options.get("deadlines") or {}
    if not isinstance(configured, Mapping):
        raise ValueError(f"deadlines must map a report kind to 'MM-DD', not {configured!r}")
    if kind in configured:
        value, source_zh, source_en = configured[kind], "配置", "configuration"
    elif kind == "aggregate" or (kind in AGGREGATES and year < FIRST_F21_REPORT_YEAR):
        value, source_zh, source_en = STATUTORY_LIMIT, "《条例》第四十九条法定时限", "the statutory limit (条例 art. 49)"
    else:
        value = DEADLINES[kind]
        if kind in AGGREGATES:
            source_zh, source_en = "国办公开办函〔2021〕30号", "the format notice 国办公开办函〔2021〕30号"
        else:
            source_zh, source_en = "《条例》第四十九条", "条例 art. 49"
    month, day = _month_day(value, kind)
    name_zh, name_en = KIND_NAMES[kind]
    return Deadline(kind, _due(year + 1, month, day),
                    f"{name_zh}（{why_zh}），依{source_zh}应于{year + 1}年{month}月{day}日前发布",
                    f"{name_en} ({why_en}); due by {year + 1}-{month:02d}-{day:02d} under {source_en}")


class PublicationLate(Rule):
    """The report was published after the deadline for its kind.

    Deadlines (domain.md decision 3, F21 §二; the deadline day itself is on time): an agency's or
    a 乡镇's report by 1月31日; a 本级政府 aggregate by 2月20日 (县级), 3月10日 (地市级), 3月31日
    (省级, and a vertical system). Before the 2021 format (report years up to 2020) every
    aggregate had until 3月31日 (条例 第四十九条). The kind is taken from the configuration
    (``report-kind``; ``deadlines`` maps a kind to "MM-DD" to set local deadlines) or told from
    the text: a report by a government ("重庆市黔江区") is its aggregate, at the level of its
    name; a report that says it was compiled by 汇总 of other units is an aggregate too; when its
    level cannot be told (a 高新区, a 市 that may be county-level) the statutory limit 3月31日
    applies. It is a warning because the kind is often only implied by the text.

    Example: seed 003, a 2019 汇总 report of 安康高新区 published 2020-02-13: an aggregate of
    unknown level, due 2020-03-31 under the statutory limit: on time. An agency report for 2024
    published 2025-02-01 is late.
    """

    code = "D304"
    name = "publication-late"
    family = "date"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        published = doc.publication_date
        if published is None or published.value.date is None or doc.report_year is None:
            return
        due = deadline(doc, doc.report_year, ctx.options)
        if published.value.date > due.date:
            days = (published.value.date - due.date).days
            yield ctx.report(
                zh=f"发布日期 {published.value} 晚于截止日期 {days} 天：{due.basis_zh}。",
                en=f"Published {published.value}, {days} days after the deadline: {due.basis_en}.",
                span=published.span, expected=str(due.date), actual=str(published.value), anchor=published.raw,
            )


class PublicationBeforeYearEnd(Rule):
    """The publication date lies before the end of the reporting year: a report on a year cannot
    be published before that year is over (条例 第四十九条: the report on the 上一年度; the data
    are fixed at 12月31日, 国办公开办函〔2021〕30号 §一(二)). Either the date or the year is wrong.

    Example: a 2024 report with "发布日期：2024-12-20".
    """

    code = "D305"
    name = "publication-before-year-end"
    family = "date"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        published = doc.publication_date
        if published is None or published.value.date is None or doc.report_year is None:
            return
        if published.value.date.year <= doc.report_year:
            yield ctx.report(
                zh=f"发布日期 {published.value} 早于报告年度 {doc.report_year} 年结束，日期或年度有误。",
                en=f"Published {published.value}, before the report year {doc.report_year} ended: "
                   "the date or the year is wrong.",
                span=published.span, expected=f"> {doc.report_year}-12-31", actual=str(published.value),
                anchor=published.raw,
            )


class PublicationDateMissing(Rule):
    """Neither the page header nor the signature gives a publication date, so the deadline
    cannot be checked.

    The format does not require the report text to carry its date (the portal shows it beside
    the report, and a copy often loses it), so the absence is no defect of the report: this is
    information, saying that PublicationLate (D304) could not run.

    Example: seed 001 (重庆市黔江区 2024) has no date in its text.
    """

    code = "D306"
    name = "publication-date-missing"
    family = "date"
    severity = "info"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        if doc.publication_date is None:
            yield ctx.report(zh="正文未给出发布日期（页眉“发布日期”或落款日期），无法核对是否按期发布。",
                             en="No publication date (page header or signature): the deadline cannot be checked.",
                             span=_anchor(doc))
