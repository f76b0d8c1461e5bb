"""Arithmetic: the identities that make the statistics tables add up (domain.md §3)."""

from __future__ import annotations

from collections.abc import Iterable

from govlint.model import FORMAT_2019, FORMAT_2021
from govlint.rule import Cell, Context, Document, Rule, schema_for, t1_column_label

from ._cells import odd_cells
from .identities import (COLUMN_NAMES, T3_NAMES, T3_OUTCOMES, Identity, all_problems, describe, describe_en,
                         row_name, t2_problems, t3_problems)

# A table with more blank cells than this share gets one finding, not one per cell.
MOSTLY_BLANK = 0.5


class MissingCell(Rule):
    """A table cell is blank, "/", "—" or "无": the data is missing.

    A missing cell is never read as 0 (domain.md, decision 1): every identity that needs it is
    left undetermined, and this finding names them, so a supervisor knows what could not be
    checked. When most of a table is blank, one finding covers the table instead of one per cell.

    Authority: the format (国办公开办函〔2021〕30号) asks for data that is "应报尽报，全面准确"; it
    never allows a blank. It is a warning because the value may well be 0.

    Example: seed 001, ``2.没有现成信息需要另行制作`` has ``| ||`` in its 总计 column.
    """

    code = "A100"
    name = "missing-cell"
    family = "arithmetic"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        blanks = []
        for table, odd in odd_cells(doc):
            blank = [c for c in odd if c.value is None]
            if blank:
                blanks.append((table, sum(len(row.cells) for row in table.rows), blank))
        if not blanks:
            return  # the usual report: no identity is undetermined either
        needs: dict[tuple[str, str, str], list[str]] = {}
        for identity in all_problems(doc):  # those that hold have no missing term
            for term in identity.missing:
                if term.cell is not None:
                    needs.setdefault(term.address, []).append(identity.id)
        for table, n, blank in blanks:
            if n >= 4 and len(blank) > n * MOSTLY_BLANK:
                undetermined = sorted({i for c in blank for i in needs.get((c.table, c.row, c.column), ())})
                yield ctx.report(
                    zh=f"表{table.id[1]}共 {n} 个单元格，其中 {len(blank)} 个为空或“/”，"
                       f"无法核对：{'、'.join(undetermined) or '无'}。",
                    en=f"Table {table.id[1]}: {len(blank)} of {n} cells are blank or '/'; "
                       f"cannot check: {', '.join(undetermined) or 'none'}.",
                    span=table.span, actual=len(blank), expected=0,
                )
                continue
            for cell in blank:
                identities = sorted(set(needs.get((cell.table, cell.row, cell.column), ())))
                label = row_name(doc, cell.row) if cell.table == "T2" else cell.row
                raw = cell.raw.strip() or "空白"  # an HTML &nbsp; cell holds a no-break space
                yield ctx.report(
                    zh=f"{label} {COLUMN_NAMES.get(cell.column, cell.column) if cell.table == 'T2' else cell.column}"
                       f"：单元格为“{raw}”，数据缺失（不按 0 计）"
                       + (f"，无法核对 {'、'.join(identities)}。" if identities else "。"),
                    en=f"{cell.table}/{cell.row}/{cell.column}: the cell is '{cell.raw}', missing data (not read as 0)"
                       + (f"; cannot check {', '.join(identities)}." if identities else "."),
                    cell=cell, actual=cell.raw, expected="a number",
                )


def _column_name(column: str) -> str:
    return f"{column} {COLUMN_NAMES.get(column, '')}".strip()


def _failing(identities: list[Identity], kind: str) -> list[Identity]:
    return [i for i in identities if i.id == kind and i.fails()]


def _column_failures(identities: list[Identity], kind: str) -> list[Identity]:
    """The failing per-column identities of ``kind``; the 总计 column (C7) only when it fails
    alone and every row total holds, since otherwise its failure repeats the others'."""
    failing = _failing(identities, kind)
    if len(failing) > 1 or _failing(identities, "T2-COL"):
        failing = [i for i in failing if i.target.address[2] != "C7"]
    return failing


class Table2Balance(Rule):
    """Table 2 must balance in every applicant column: 新收 + 上年结转 = 办理结果总计 + 结转下年度
    (T2-BAL: R1 + R2 = R3.7 + R4).

    Authority: the note in the Table 2 header, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加
    第四项之和）" (国办公开办函〔2021〕30号 and the 2019 format). The finding names the column and
    gives both sums. The 总计 column is only reported when the six applicant columns balance,
    since otherwise its failure repeats theirs.

    Example: "C3 科研机构: 新收+结转=5, 总计+结转下年度=4".
    """

    code = "A101"
    name = "table2-balance"
    family = "arithmetic"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        identities = list(t2_problems(doc))
        for identity in _column_failures(identities, "T2-BAL"):
            column = identity.target.address[2]
            left, right = identity.sums
            r1, r2, r37, r4 = (t.cell.raw for t in identity.terms)
            yield ctx.report(
                zh=f"{_column_name(column)}：新收+上年结转={left}（{r1}+{r2}），"
                   f"办理结果总计+结转下年度={right}（{r37}+{r4}），两者应相等。",
                en=f"{column} {COLUMN_NAMES[column]}: received + carried over = {left} ({r1}+{r2}), "
                   f"total handled + carried forward = {right} ({r37}+{r4}); they must be equal.",
                cell=identity.target.cell, expected=left, actual=right,
            )


class Table2OutcomeTotal(Rule):
    """Table 2 （七）总计 must equal the sum of the outcome rows above it, in every column
    (T2-TOT: R3.7 = R3.1 + R3.2 + R3.3.1…8 + R3.4.1…3 + R3.5.1…5 + R3.6.1…3; in the 2019 format
    （六）其他处理 is the single row R3.6).

    Authority: the row is labelled 总计, and each application lands in exactly one outcome
    (partial disclosure counts only as 部分公开, 国办公开办函〔2021〕30号 §一(三)). The finding lists
    every non-zero addend with its label and value.

    Example: "（七）总计 自然人: 报告 3, 各项之和 2 = （一）予以公开 1 + 1.本机关不掌握相关政府信息 1".
    """

    code = "A102"
    name = "table2-outcome-total"
    family = "arithmetic"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        identities = list(t2_problems(doc))
        for identity in _column_failures(identities, "T2-TOT"):
            column = identity.target.address[2]
            reported, computed = identity.sums
            yield ctx.report(
                zh=f"{row_name(doc, 'R3.7')} {COLUMN_NAMES[column]}：报告 {reported}，各项之和 {computed} = "
                   f"{describe(identity.right)}。",
                en=f"R3.7 total, {column} {COLUMN_NAMES[column]}: reported {reported}, sum of outcomes {computed} = "
                   f"{describe_en(identity.right)}.",
                cell=identity.target.cell, expected=computed, actual=reported,
            )


class Table2RowTotal(Rule):
    """In every Table 2 row the 总计 column must equal the sum of the six applicant columns
    (T2-COL: C7 = C1 + … + C6; 法人或其他组织 is only a group header, not a subtotal column).

    Authority: the column is labelled 总计 in the format (国办公开办函〔2021〕30号).

    Example: "一、本年新收政府信息公开申请数量 总计: 报告 52, 各列之和 51 = 自然人 48 + 商业企业 3".
    """

    code = "A103"
    name = "table2-row-total"
    family = "arithmetic"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        for identity in _failing(list(t2_problems(doc)), "T2-COL"):
            reported, computed = identity.sums
            row = identity.target.address[1]
            yield ctx.report(
                zh=f"{row_name(doc, row)} 总计：报告 {reported}，各列之和 {computed} = {describe(identity.right)}。",
                en=f"{row} total (C7): reported {reported}, sum of the applicant columns {computed} = "
                   f"{describe_en(identity.right)}.",
                cell=identity.target.cell, expected=computed, actual=reported,
            )


class Table3Totals(Rule):
    """In Table 3 each group's 总计 must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结, for 行政复议
    (T3-REV: A5 = A1+…+A4), 未经复议直接起诉 (T3-DIR: B5) and 复议后起诉 (T3-POST: C5).

    Authority: the columns are labelled 总计 in both formats. There is no overall 行政诉讼 total.

    Example: "行政复议 总计: 报告 2, 各项之和 3 = 结果维持 2 + 尚未审结 1".
    """

    code = "A104"
    name = "table3-totals"
    family = "arithmetic"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        for identity in t3_problems(doc):
            if not identity.fails():
                continue
            reported, computed = identity.sums
            group = identity.target.name.removesuffix("总计")
            yield ctx.report(
                zh=f"{group} 总计：报告 {reported}，各项之和 {computed} = {describe(identity.right)}。",
                en=f"Table 3 {identity.target.address[2]} ({identity.id}): reported {reported}, "
                   f"sum {computed} = {describe_en(identity.right)}.",
                cell=identity.target.cell, expected=computed, actual=reported,
            )


# --- the values themselves -------------------------------------------------------------------

# A fee above this many 万元 (1,000亿元) is beyond any one agency's fee revenue: more likely a sum
# in 元 written in the 万元 column (domain.md §3.3 T1-UNIT).
FEE_IMPLAUSIBLE = 10**7


def t1_format(doc: Document) -> str:
    """The format Table 1 was read with: the document's, or, for a hybrid, the one its rows show."""
    if doc.format in (FORMAT_2019, FORMAT_2021):
        return doc.format
    table = doc.table("T1")
    rows = {r.id for r in table.rows} if table else set()
    return FORMAT_2019 if rows & {"R5.2", "R9.1"} else FORMAT_2021


def _amount_cells(fmt: str) -> set[tuple[str, str]]:
    """Table 1 cells that hold an amount of money, not a count: they may be decimal."""
    return {("R8.1", "C1")} if fmt == FORMAT_2021 else {("R9.1", "C2")}


def _change_cells(fmt: str) -> set[tuple[str, str]]:
    """Table 1 cells that hold a change (2019 format 本年增/减): they may be negative."""
    return {(row, "C2") for row in ("R5.1", "R5.2", "R6.1", "R6.2", "R8.1")} if fmt == FORMAT_2019 else set()


def _cell_name(doc: Document, cell: Cell, fmt: str) -> tuple[str, str]:
    """(Chinese, English) names of a cell for messages."""
    if cell.table == "T2":
        return f"{row_name(doc, cell.row)} {COLUMN_NAMES[cell.column]}", f"T2 {cell.row}/{cell.column}"
    if cell.table == "T3":
        prefix, index = cell.column[0], int(cell.column[1:])
        return f"表三 {T3_NAMES[prefix]}{T3_OUTCOMES[index - 1]}", f"T3 {cell.column}"
    spec = schema_for(fmt).table("T1").row(cell.row)
    label = spec.label if spec else cell.row
    return f"表一 {label} {t1_column_label(fmt, cell.row, cell.column)}", f"T1 {cell.row}/{cell.column}"


class CountValue(Rule):
    """A table cell that counts something is negative or not a whole number.

    Tables 1–3 count documents, decisions, applications and cases, so every such cell is a
    non-negative integer (domain.md §3, T2-NONNEG, T3-NONNEG, T1-NONNEG; the formats
    国办公开办函〔2021〕30号 and 〔2019〕60号 label them 件数 / 数量). The exceptions follow the
    format: the 2021 Table 1 fee (本年收费金额, 万元) and the 2019 采购总金额 may be decimal; the
    2019 本年增/减 column may be negative ("减4"). A fee cannot be negative either.

    Example: Table 2 "（一）予以公开 自然人" written as "-2", or "2.5".
    """

    code = "A105"
    name = "count-value"
    family = "arithmetic"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        fmt = t1_format(doc)
        amounts, changes = _amount_cells(fmt), _change_cells(fmt)
        # the usual count, a non-negative int, is right whatever the cell
        for cell in (c for _table, odd in odd_cells(doc) for c in odd):
            value = cell.value
            if value is None:
                continue  # A100
            if value >= 0 and _whole(value):
                continue  # a whole float
            place = (cell.row, cell.column) if cell.table == "T1" else None
            negative_ok = place in changes
            decimal_ok = place in amounts
            if (value >= 0 or negative_ok) and (_whole(value) or decimal_ok):
                continue
            zh_name, en_name = _cell_name(doc, cell, fmt)
            what_zh = "非负数" if decimal_ok else "非负整数"
            what_en = "a non-negative number" if decimal_ok else "a non-negative whole number"
            yield ctx.report(
                zh=f"{zh_name}：“{cell.raw}”应为{what_zh}。",
                en=f"{en_name}: '{cell.raw}' must be {what_en}.",
                cell=cell, expected=what_en, actual=cell.raw,
            )


def _whole(value: int | float) -> bool:
    # Not float(value).is_integer(): an int of 309 digits or more does not fit a float.
    return isinstance(value, int) or value.is_integer()


class FeeUnit(Rule):
    """The Table 1 fee (第二十条第（八）项 本年收费金额) is not plausibly in 万元.

    The 2021 format (国办公开办函〔2021〕30号) gives the fee column as "本年收费金额（单位：万元）".
    A value written with 元 ("251000元") is in the wrong unit, and a value above 10,000,000 万元
    (1,000亿元) is beyond any agency's fee revenue, most likely 元 typed into the 万元 column. The
    magnitude test is a heuristic, so this is a warning (domain.md §3.3 T1-UNIT). The 2019
    format has no fee amount (its （八） block counts items), so only 2021-format tables are read.

    Example: "行政事业性收费 | 75394432.52元".
    """

    code = "A106"
    name = "fee-unit"
    family = "arithmetic"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        table = doc.table("T1")
        if table is None or t1_format(doc) != FORMAT_2021:
            return
        cell = table.cell("R8.1", "C1")
        if cell is None or cell.missing:
            return
        if cell.unit == "元":
            yield ctx.report(
                zh=f"表一 行政事业性收费 本年收费金额：“{cell.raw}”以元为单位，格式规定单位为万元"
                   f"（即 {cell.value / 10000:g} 万元）。",
                en=f"T1 fee (R8.1/C1): '{cell.raw}' is in 元; the format's unit is 万元 ({cell.value / 10000:g} 万元).",
                cell=cell, expected="万元", actual=cell.raw,
            )
        elif cell.value > FEE_IMPLAUSIBLE:
            yield ctx.report(
                zh=f"表一 行政事业性收费 本年收费金额 {cell.raw} 万元（{cell.value / 10000:g} 亿元）不合常理，"
                   f"可能误按元填写；格式规定单位为万元。",
                en=f"T1 fee (R8.1/C1) of {cell.raw} 万元 is implausibly large; it may be a sum in 元 "
                   f"written in the 万元 column.",
                cell=cell, expected=f"<= {FEE_IMPLAUSIBLE} 万元", actual=cell.raw,
            )
