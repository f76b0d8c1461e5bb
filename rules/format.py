"""Format: what the format in force requires beyond the tables' arithmetic, and whether the
report uses the format of its year (domain.md §2.2, §3.4, §4)."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from govlint.model import FORMAT_2019, FORMAT_2021, FORMAT_HYBRID
from govlint.rule import Context, Document, Related, Rule

# The 2021 format (国办公开办函〔2021〕30号) first applied to the reports on 2021.
FIRST_2021_YEAR = 2021
OVERVIEW_LIMIT = 1000  # "篇幅原则上不超过一千字"
# A 信息处理费 statement: "未收取信息处理费", "不存在收取信息处理费的情况", "未发出收费通知".
FEE_STATEMENT = regex.compile(r"处理费|收费通知|收取[^。；]{0,10}费")
# 其他处理 is "a large share" above this fraction of （七）总计, counted only from this many
# applications up (1 of 3 says nothing).
OTHER_SHARE = 0.25
OTHER_MIN = 5


def under_2021_format(doc: Document) -> bool:
    """Whether the 2021 format's text requirements apply: by the report year, or, when no year
    is known, by the template in use."""
    year = doc.report_year
    if year is not None:
        return year >= FIRST_2021_YEAR
    return doc.format in (FORMAT_2021, FORMAT_HYBRID)


_HAN_RUN = regex.compile(r"\p{Han}+")  # runs, not characters: five times faster to count
_WORD = regex.compile(r"[\p{Latin}\d][\p{Latin}\d.%]*")


def count_zi(text: str) -> int:
    """字数 as word processors count it for Chinese text: each Chinese character, plus each run
    of Latin letters or digits as one word ("41000余条" is 4); punctuation is not counted."""
    return sum(map(len, _HAN_RUN.findall(text))) + len(_WORD.findall(text))


class OverviewLength(Rule):
    """Section 一 总体情况 is longer than 1,000 characters.

    The 2021 format (国办公开办函〔2021〕30号 §一(一)) says the overview should be concise, "篇幅原则上
    不超过一千字". "原则上" makes it a judgement, so this is a warning. Characters are counted as
    a word processor counts 字数 for Chinese text: each Chinese character, plus each run of Latin
    letters or digits as one word; punctuation does not count. The 2019 format has no such limit, so reports on 2019 and 2020 are not checked.

    Example: a 2024 report whose 总体情况 runs to 1,450 characters.
    """

    code = "F701"
    name = "overview-length"
    family = "format"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        section = doc.section("一")
        if section is None or not under_2021_format(doc):
            return
        text = section.text
        if len(text) <= OVERVIEW_LIMIT:
            return  # no more 字 than characters: not counted
        length = count_zi(text)
        if length > OVERVIEW_LIMIT:
            yield ctx.report(
                zh=f"“总体情况”共 {length} 字，格式要求篇幅原则上不超过一千字（国办公开办函〔2021〕30号）。",
                en=f"Section 一 (overview) has {length} characters; the 2021 format asks for at most 1,000 "
                   f"in principle (国办公开办函〔2021〕30号).",
                span=section.span, expected=OVERVIEW_LIMIT, actual=length,
            )


def _fee_notice_cell(doc: Document):
    """Table 2 "2.申请人逾期未按收费通知要求缴纳费用…" 总计, when it is a positive number."""
    table = doc.table("T2")
    cell = table.cell("R3.6.2", "C7") if table is not None else None
    return cell if cell is not None and not cell.missing and cell.value > 0 else None


def _lacks_fee_statement(doc: Document):
    """Section 六, when it is there and says nothing about the 信息处理费."""
    section = doc.section("六")
    if section is None or not under_2021_format(doc) or FEE_STATEMENT.search(section.text):
        return None
    return section


def _quoted(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


class FeeStatement(Rule):
    """Section 六 does not report the 信息处理费 (information processing fee).

    The 2021 format (国办公开办函〔2021〕30号 §一(六)) says the fee collected must be reported in
    section 六 ("收取信息处理费情况在此处报告"), so a report states it even when nothing was
    collected ("本年度未收取信息处理费"). A bare "无" does not say it. It is a warning
    (conventions: a fee statement the format expects). When Table 2 shows fee notices that went
    unpaid, F703 reports instead, with that evidence. The fee rules date from 2020-11
    (国办函〔2020〕109号), so reports on 2019 and 2020 are not checked.

    Example: seed 004, "六、其他需要报告的事项" followed only by "无".
    """

    code = "F702"
    name = "fee-statement"
    family = "format"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        section = _lacks_fee_statement(doc)
        if section is None or _fee_notice_cell(doc) is not None:
            return
        yield ctx.report(
            zh=f"第六部分未报告信息处理费收取情况（现为“{_quoted(section.text) or '空白'}”）；"
               f"即使未收取也应写明（国办公开办函〔2021〕30号）。",
            en=f"Section 六 does not report the information processing fee (it reads '{_quoted(section.text)}'); "
               f"the 2021 format asks for a statement even when none was collected.",
            span=section.span, actual=section.text,
        )


class FeeNoticesUnreported(Rule):
    """Table 2 shows fee notices, but section 六 says nothing about the 信息处理费.

    Row "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" counts applications
    dropped because the applicant did not pay a fee notice: the agency did send fee notices that
    year. The format (国办公开办函〔2021〕30号 §一(六)) asks for the fee to be reported in 六, so a
    六 that reads only "(无)" leaves out something the table proves happened. The finding
    points at the Table 2 cell and names section 六. It is a warning, like F702 (the table shows
    notices, not the amount collected), but a pointed one: the statement is certainly missing
    something.

    Example: seed 000, R3.6.2 总计 = 4 while 六 reads "(无)".
    """

    code = "F703"
    name = "fee-notices-unreported"
    family = "format"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        section = _lacks_fee_statement(doc)
        cell = _fee_notice_cell(doc)
        if section is None or cell is None:
            return
        yield ctx.report(
            zh=f"表二“申请人逾期未按收费通知要求缴纳费用”总计为 {cell.raw}，说明本年发出过收费通知，"
               f"但第六部分（“{_quoted(section.text) or '空白'}”）未报告信息处理费情况（国办公开办函〔2021〕30号）。",
            en=f"Table 2 R3.6.2 (fee notice not paid) total is {cell.raw}, so fee notices were sent, but section 六 "
               f"('{_quoted(section.text)}') does not report the information processing fee.",
            cell=cell, actual=section.text,
            related=(Related(doc.path, section.span, ctx.text("第六部分", "section 六")),),
        )


class OtherProcessingShare(Rule):
    """A large share of applications ended as （六）其他处理.

    Every application should get one of the statutory outcomes (公开, 部分公开, 不予公开, 无法提供,
    不予处理). The 2019 format (国办公开办函〔2019〕60号 §一(三)) says 其他处理 exists mainly for the
    transition between the old and new 条例 and rare cases, and that 主管部门 should look into
    agencies where it is high; the 2021 format keeps the row, split into three. "High" is not
    defined, so this is a warning with a documented threshold: more than a quarter of （七）总计,
    and at least 5 applications.

    Example: 上海市科委 2024: 14 of 35 applications under 其他处理 (40%).
    """

    code = "F704"
    name = "other-processing-share"
    family = "format"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        table = doc.table("T2")
        total = table.cell("R3.7", "C7") if table is not None else None
        if total is None or total.missing or not total.value:
            return
        cell = table.cell("R3.6.3", "C7") or table.cell("R3.6", "C7")
        if cell is None or cell.missing:
            return
        other = cell.value
        if other < OTHER_MIN or other <= total.value * OTHER_SHARE:
            return
        yield ctx.report(
            zh=f"“其他处理”共 {other} 件，占办理结果总计 {total.raw} 件的 {other / total.value:.0%}，"
               f"超过四分之一；原则上每件申请都应有法定处理结果（国办公开办函〔2019〕60号）。",
            en=f"'Other handling' accounts for {other} of {total.raw} applications ({other / total.value:.0%}), "
               f"more than a quarter; every application should in principle get a statutory outcome.",
            cell=cell, expected=f"<= {OTHER_SHARE:.0%}", actual=f"{other}/{total.value}",
        )


def _format_anchor(doc: Document):
    table = doc.table("T1") or next(iter(doc.tables), None)
    return table.span if table is not None else None


class OldTemplate(Rule):
    """A report on 2021 or later uses the 2019 format (使用旧模板).

    The 2021 format (国办公开办函〔2021〕30号) replaced the 2019 trial format for the reports on
    2021 onwards; the tables differ (Table 1 columns 本年制发件数 / 本年废止件数 / 现行有效件数, no
    政府集中采购 row; Table 2 （六）其他处理 split into three rows). The format is recognised from
    the table labels (domain.md §4.2), not from a cited document number.

    Example: a 2023 report whose Table 1 has the columns 本年新制作数量 / 本年新公开数量 / 对外公开总数量.
    """

    code = "F705"
    name = "old-template"
    family = "format"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        year = doc.report_year
        if doc.format == FORMAT_2019 and year is not None and year >= FIRST_2021_YEAR:
            yield ctx.report(
                zh=f"{year}年度报告使用了2019年的旧格式（试行）表格；{FIRST_2021_YEAR}年度起应使用国办公开办函〔2021〕30号格式。",
                en=f"The {year} report uses the 2019 (trial) format's tables; reports on {FIRST_2021_YEAR} onwards "
                   f"use the 2021 format (国办公开办函〔2021〕30号).",
                span=_format_anchor(doc), expected=FORMAT_2021, actual=FORMAT_2019,
            )


class HybridTemplate(Rule):
    """The tables mix labels of the 2019 and the 2021 formats.

    A report follows one format: the 2019 trial format (国办公开办函〔2019〕60号) for the reports on
    2019 and 2020, the 2021 format (国办公开办函〔2021〕30号) from 2021 on. Labels of both (for
    example 本年制发件数 next to 政府集中采购) mean a half-updated template, and tables that do not
    fit either format's checks. The finding lists the labels of each format that were found.

    Example: Table 1 with 本年制发件数 / 本年废止件数 / 现行有效件数 and a 第二十条第（九）项 政府集中采购 block.
    """

    code = "F706"
    name = "hybrid-template"
    family = "format"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        if doc.format != FORMAT_HYBRID:
            return
        by_format: dict[str, list[str]] = {}
        for signal in doc.format_signals:
            fmt, _, label = signal.partition(":")
            by_format.setdefault(fmt, []).append(label)
        old = "、".join(by_format.get(FORMAT_2019, ())) or "?"
        new = "、".join(by_format.get(FORMAT_2021, ())) or "?"
        yield ctx.report(
            zh=f"表格混用了两种格式：2019年格式的“{old}”与2021年格式的“{new}”。",
            en=f"The tables mix both formats: 2019-format labels ({old}) and 2021-format labels ({new}).",
            span=_format_anchor(doc), actual=list(doc.format_signals),
        )


class NewTemplateTooEarly(Rule):
    """A report on 2020 or earlier uses the 2021 format.

    The 2021 format (国办公开办函〔2021〕30号, notice of 2021年9月26日) did not exist when the reports
    on 2020 and earlier were due (by 31 March 2021 at the latest), so either the report year is
    wrong or the report was written long after the fact. Check the year in the title first.

    Example: a report titled "2019年政府信息公开工作年度报告" whose Table 1 has 本年制发件数.
    """

    code = "F707"
    name = "new-template-too-early"
    family = "format"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        year = doc.report_year
        if doc.format == FORMAT_2021 and year is not None and year < FIRST_2021_YEAR:
            yield ctx.report(
                zh=f"{year}年度报告使用了2021年格式（国办公开办函〔2021〕30号），该格式适用于2021年度起的报告；"
                   f"请核对报告年度。",
                en=f"The {year} report uses the 2021 format (国办公开办函〔2021〕30号), which applies from the "
                   f"2021 reports on; check the report year.",
                span=doc.year.span if doc.year else _format_anchor(doc), expected=FORMAT_2019, actual=FORMAT_2021,
            )
