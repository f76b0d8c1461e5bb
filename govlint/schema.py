"""The national table formats (2019 试行 and 2021) as data: labels → stable IDs.

Labels are copied from the formats (domain.md §2.3–2.5, §4.1). Matching uses
``normalize.label_key`` on both sides, so width, spacing and script differences do not matter.
A row may list extra accepted prefixes for labels that real reports shorten.
"""

from __future__ import annotations

import functools

from attrs import frozen

from .model import FORMAT_2019, FORMAT_2021
from .normalize import label_key


@frozen
class RowSpec:
    id: str
    label: str
    columns: tuple[str, ...]  # column IDs, in order
    prefixes: tuple[str, ...] = ()  # shorter label forms also accepted (matched as key prefixes)

    def keys(self) -> tuple[str, ...]:
        return (label_key(self.label), *(label_key(p) for p in self.prefixes))


@frozen
class ColumnSpec:
    id: str
    label: str


@frozen(cache_hash=True)  # a spec keys the row matchers' cache (govlint.tables)
class TableSpec:
    id: str
    title: str
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    groups: tuple[str, ...] = ()  # labels that head a group of rows and carry no values

    def row(self, row_id: str) -> RowSpec | None:
        return next((r for r in self.rows if r.id == row_id), None)

    def column_label(self, column_id: str, row_id: str | None = None) -> str:
        for column in self.columns:
            if column.id == column_id:
                return column.label
        return column_id


# --- Table 1: 主动公开 (第二十条 items) ------------------------------------------------------
# Columns are per block, so a T1 column ID is only meaningful with its row: R1.x C1..C3 etc.

_T1_2021 = TableSpec(
    id="T1",
    title="主动公开政府信息情况",
    columns=(
        ColumnSpec("C1", "本年制发件数 / 本年处理决定数量 / 本年收费金额(单位:万元)"),
        ColumnSpec("C2", "本年废止件数"),
        ColumnSpec("C3", "现行有效件数"),
    ),
    rows=(
        RowSpec("R1.1", "规章", ("C1", "C2", "C3")),
        RowSpec("R1.2", "行政规范性文件", ("C1", "C2", "C3")),
        RowSpec("R5.1", "行政许可", ("C1",)),
        RowSpec("R6.1", "行政处罚", ("C1",)),
        RowSpec("R6.2", "行政强制", ("C1",)),
        RowSpec("R8.1", "行政事业性收费", ("C1",)),
    ),
)

T1_COLUMN_LABELS = {
    FORMAT_2021: {
        "R1": ("本年制发件数", "本年废止件数", "现行有效件数"),
        "R5": ("本年处理决定数量",),
        "R6": ("本年处理决定数量",),
        "R8": ("本年收费金额(单位:万元)",),
    },
    FORMAT_2019: {
        "R1": ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        "R5": ("上一年项目数量", "本年增/减", "处理决定数量"),
        "R6": ("上一年项目数量", "本年增/减", "处理决定数量"),
        "R8": ("上一年项目数量", "本年增/减"),
        "R9": ("采购项目数量", "采购总金额"),
    },
}

_T1_2019 = TableSpec(
    id="T1",
    title="主动公开政府信息情况",
    columns=(
        ColumnSpec("C1", "本年新制作数量 / 上一年项目数量 / 采购项目数量"),
        ColumnSpec("C2", "本年新公开数量 / 本年增/减 / 采购总金额"),
        ColumnSpec("C3", "对外公开总数量 / 处理决定数量"),
    ),
    rows=(
        RowSpec("R1.1", "规章", ("C1", "C2", "C3")),
        RowSpec("R1.2", "规范性文件", ("C1", "C2", "C3")),
        RowSpec("R5.1", "行政许可", ("C1", "C2", "C3")),
        RowSpec("R5.2", "其他对外管理服务事项", ("C1", "C2", "C3")),
        RowSpec("R6.1", "行政处罚", ("C1", "C2", "C3")),
        RowSpec("R6.2", "行政强制", ("C1", "C2", "C3")),
        RowSpec("R8.1", "行政事业性收费", ("C1", "C2")),
        RowSpec("R9.1", "政府集中采购", ("C1", "C2")),
    ),
)

# --- Table 2: 收到和处理政府信息公开申请情况 ----------------------------------------------------

T2_COLUMNS = (
    ColumnSpec("C1", "自然人"),
    ColumnSpec("C2", "商业企业"),
    ColumnSpec("C3", "科研机构"),
    ColumnSpec("C4", "社会公益组织"),
    ColumnSpec("C5", "法律服务机构"),
    ColumnSpec("C6", "其他"),
    ColumnSpec("C7", "总计"),
)
_C = tuple(c.id for c in T2_COLUMNS)

_T2_HEAD = (
    RowSpec("R1", "一、本年新收政府信息公开申请数量", _C),
    RowSpec("R2", "二、上年结转政府信息公开申请数量", _C),
    RowSpec("R3.1", "（一）予以公开", _C),
    RowSpec("R3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", _C, ("（二）部分公开",)),
    RowSpec("R3.3.1", "1.属于国家秘密", _C),
    RowSpec("R3.3.2", "2.其他法律行政法规禁止公开", _C),
    RowSpec("R3.3.3", "3.危及“三安全一稳定”", _C),
    RowSpec("R3.3.4", "4.保护第三方合法权益", _C),
    RowSpec("R3.3.5", "5.属于三类内部事务信息", _C),
    RowSpec("R3.3.6", "6.属于四类过程性信息", _C),
    RowSpec("R3.3.7", "7.属于行政执法案卷", _C),
    RowSpec("R3.3.8", "8.属于行政查询事项", _C),
    RowSpec("R3.4.1", "1.本机关不掌握相关政府信息", _C),
    RowSpec("R3.4.2", "2.没有现成信息需要另行制作", _C),
    RowSpec("R3.4.3", "3.补正后申请内容仍不明确", _C),
    RowSpec("R3.5.1", "1.信访举报投诉类申请", _C),
    RowSpec("R3.5.2", "2.重复申请", _C),
    RowSpec("R3.5.3", "3.要求提供公开出版物", _C),
    RowSpec("R3.5.4", "4.无正当理由大量反复申请", _C),
    RowSpec("R3.5.5", "5.要求行政机关确认或重新出具已获取信息", _C),
)
_T2_TAIL = (
    RowSpec("R3.7", "（七）总计", _C),
    RowSpec("R4", "四、结转下年度继续办理", _C),
)
_T2_GROUPS = ("三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理")

_T2_2021 = TableSpec(
    id="T2",
    title="收到和处理政府信息公开申请情况",
    columns=T2_COLUMNS,
    rows=_T2_HEAD
    + (
        RowSpec(
            "R3.6.1",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            _C,
            ("1.申请人无正当理由逾期不补正",),
        ),
        RowSpec(
            "R3.6.2",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            _C,
            ("2.申请人逾期未按收费通知要求缴纳费用",),
        ),
        RowSpec("R3.6.3", "3.其他", _C),
    )
    + _T2_TAIL,
    groups=_T2_GROUPS,
)

_T2_2019 = TableSpec(
    id="T2",
    title="收到和处理政府信息公开申请情况",
    columns=T2_COLUMNS,
    rows=_T2_HEAD + (RowSpec("R3.6", "（六）其他处理", _C),) + _T2_TAIL,
    groups=_T2_GROUPS[:-1],
)


def t2_outcome_rows(rows) -> tuple[str, ...]:
    """The IDs of the Table 2 outcome rows among ``rows`` (anything with an ``id``): those whose
    sum is （七）总计 (R3.7)."""
    return tuple(r.id for r in rows if r.id.startswith("R3.") and r.id != "R3.7")


# The outcome rows whose sum is （七）总计, per format.
T2_OUTCOME_ROWS = {FORMAT_2021: t2_outcome_rows(_T2_2021.rows), FORMAT_2019: t2_outcome_rows(_T2_2019.rows)}

# --- Table 3: 行政复议、行政诉讼 ----------------------------------------------------------------

_OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
T3_GROUPS = (("A", "行政复议"), ("B", "未经复议直接起诉"), ("C", "复议后起诉"))
T3_COLUMNS = tuple(
    ColumnSpec(f"{prefix}{i}", f"{group} {outcome}")
    for prefix, group in T3_GROUPS
    for i, outcome in enumerate(_OUTCOMES, start=1)
)
_T3 = TableSpec(
    id="T3",
    title="政府信息公开行政复议、行政诉讼情况",
    columns=T3_COLUMNS,
    rows=(RowSpec("R1", "", tuple(c.id for c in T3_COLUMNS)),),
)


# --- Identities: which cells add up to which (domain.md §3.1–3.2) ---------------------------------

Address = tuple[str, str, str]  # table, row, column


@frozen
class SumSpec:
    """An identity as the formats define it: the cells at ``left`` add up to those at ``right``,
    and a failure is reported at ``target``. ``row`` is the row it needs to be there (a row's
    total), None for one that always applies. The rules check these; the reader chooses how to
    split a fused row by them (``govlint.settle``)."""

    id: str  # T2-BAL, T2-TOT, T2-COL, T3-REV, T3-DIR, T3-POST
    target: Address
    left: tuple[Address, ...]
    right: tuple[Address, ...]
    row: str | None = None


@functools.lru_cache(maxsize=16)  # one per set of outcome rows: the formats' two, and what hybrids read
def t2_sums(outcome_rows: tuple[str, ...]) -> tuple[SumSpec, ...]:
    """Table 2's identities when ``outcome_rows`` are the rows that sum to （七）总计: per column
    the balance (T2-BAL) and the outcomes' sum (T2-TOT), per row its total (T2-COL)."""
    columns = tuple(c.id for c in T2_COLUMNS)
    parts, total = columns[:-1], columns[-1]

    def at(row: str, column: str) -> Address:
        return ("T2", row, column)

    balances = [SumSpec("T2-BAL", at("R3.7", c), (at("R1", c), at("R2", c)), (at("R3.7", c), at("R4", c)))
                for c in columns]
    outcomes = [SumSpec("T2-TOT", at("R3.7", c), (at("R3.7", c),), tuple(at(r, c) for r in outcome_rows))
                for c in columns]
    totals = [SumSpec("T2-COL", at(row, total), (at(row, total),), tuple(at(row, c) for c in parts), row)
              for row in ("R1", "R2", *outcome_rows, "R3.7", "R4")]
    return (*balances, *outcomes, *totals)


# Table 3, per group (行政复议, 未经复议直接起诉, 复议后起诉): the four outcomes sum to the group's 总计.
T3_SUMS = tuple(
    SumSpec(identity, ("T3", "R1", f"{prefix}5"), (("T3", "R1", f"{prefix}5"),),
            tuple(("T3", "R1", f"{prefix}{i}") for i in range(1, 5)))
    for (prefix, _group), identity in zip(T3_GROUPS, ("T3-REV", "T3-DIR", "T3-POST"))
)


@frozen
class FormatSchema:
    format: str
    tables: tuple[TableSpec, ...]

    def table(self, table_id: str) -> TableSpec:
        return next(t for t in self.tables if t.id == table_id)


SCHEMAS = {
    FORMAT_2021: FormatSchema(FORMAT_2021, (_T1_2021, _T2_2021, _T3)),
    FORMAT_2019: FormatSchema(FORMAT_2019, (_T1_2019, _T2_2019, _T3)),
}

@functools.lru_cache(maxsize=1)
def detection_signals() -> dict[str, tuple[str, ...]]:
    """Format detection signals (domain.md §4.2), as label keys. Made on first use, not at import:
    a label key needs the traditional → simplified converter, which takes milliseconds to load."""
    return {
        FORMAT_2019: tuple(
            label_key(s)
            for s in (
                "本年新制作数量",
                "本年新公开数量",
                "对外公开总数量",
                "上一年项目数量",
                "本年增/减",
                "其他对外管理服务事项",
                "政府集中采购",
                "第二十条第（九）项",
            )
        ),
        FORMAT_2021: tuple(
            label_key(s)
            for s in (
                "本年制发件数",
                "本年废止件数",
                "现行有效件数",
                "本年收费金额（单位：万元）",
                "逾期未按收费通知要求缴纳费用",
                "逾期不补正",
            )
        ),
    }


def t1_column_label(fmt: str, row_id: str, column_id: str) -> str:
    block = row_id.split(".")[0]
    labels = T1_COLUMN_LABELS.get(fmt, T1_COLUMN_LABELS[FORMAT_2021]).get(block, ())
    index = int(column_id[1:]) - 1
    return labels[index] if 0 <= index < len(labels) else column_id


def schema_for(fmt: str) -> FormatSchema:
    """The schema to map tables with; unknown and hybrid documents are read with the 2021 one."""
    return SCHEMAS.get(fmt, SCHEMAS[FORMAT_2021])
