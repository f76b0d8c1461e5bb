"""Render small, valid report texts for rule tests, in the pipe layout real web pages give
("行政许可 | 58998 | ||", domain.md §6.1–6.2).

``render_report()`` with no arguments is a clean 2021-format report for 2024 (no rule of the
built-in pack should fire on it). Override what a test is about and nothing else::

    render_report(t2={("R3.6.2", "C1"): 4, ("R3.6.2", "C7"): 4})   # one cell (keep the sums right yourself)
    render_report(t2={"R1": [3, 0, 0, 0, 0, 0, 3]})                 # a whole row, C1..C7
    render_report(sections={"六": "无。"})                           # a section's body text
    render_report(sections={"一": None})                            # drop a section: heading and body
    render_report(headings={"一": None})                            # drop a heading, keep its body
    render_report(headings={"五": "五、存在问题与改进路径"})          # another heading text
    render_report(year=2019, fmt="2019")                            # the 2019 (试行) format

``lint(text, "F", "S207")`` runs the named rules (codes, prefixes, families) on a text and
``where(findings)`` gives their (code, "T2/R3.6.2/C7" or line) pairs to compare.

Cell values are written as given: an int, or a string such as "" (blank), "/", "12元". (A blank
in a row's last column is dropped by the table reader like any trailing empty cell: use "/".)
For sections 二, 三 and 四 the body text stands before the table. The API is shared by every
rule family's tests: extend it with new keyword arguments, never change what existing ones do.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

AGENCY = "淮安市人民政府办公室"
HEADINGS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}

T2_ROWS_2021 = (
    ("R1", "一、本年新收政府信息公开申请数量"),
    ("R2", "二、上年结转政府信息公开申请数量"),
    ("R3.1", "三、本年度办理结果 | （一）予以公开"),
    ("R3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("R3.3.1", "（三）不予公开 | 1.属于国家秘密"),
    ("R3.3.2", "2.其他法律行政法规禁止公开"),
    ("R3.3.3", "3.危及“三安全一稳定”"),
    ("R3.3.4", "4.保护第三方合法权益"),
    ("R3.3.5", "5.属于三类内部事务信息"),
    ("R3.3.6", "6.属于四类过程性信息"),
    ("R3.3.7", "7.属于行政执法案卷"),
    ("R3.3.8", "8.属于行政查询事项"),
    ("R3.4.1", "（四）无法提供 | 1.本机关不掌握相关政府信息"),
    ("R3.4.2", "2.没有现成信息需要另行制作"),
    ("R3.4.3", "3.补正后申请内容仍不明确"),
    ("R3.5.1", "（五）不予处理 | 1.信访举报投诉类申请"),
    ("R3.5.2", "2.重复申请"),
    ("R3.5.3", "3.要求提供公开出版物"),
    ("R3.5.4", "4.无正当理由大量反复申请"),
    ("R3.5.5", "5.要求行政机关确认或重新出具已获取信息"),
    ("R3.6.1", "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("R3.6.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("R3.6.3", "3.其他"),
    ("R3.7", "（七）总计"),
    ("R4", "四、结转下年度继续办理"),
)
# The 2019 format has the single row （六）其他处理 in place of the three R3.6.x rows.
T2_ROWS_2019 = (*T2_ROWS_2021[:20], ("R3.6", "（六）其他处理"), *T2_ROWS_2021[23:])
T2_COLUMNS = ("C1", "C2", "C3", "C4", "C5", "C6", "C7")
T3_COLUMNS = tuple(f"{g}{i}" for g in "ABC" for i in range(1, 6))

# Defaults: 3 applications from 自然人, 2 disclosed, 1 not held; nothing carried over.
DEFAULT_T2 = {
    "R1": (3, 0, 0, 0, 0, 0, 3),
    "R3.1": (2, 0, 0, 0, 0, 0, 2),
    "R3.4.1": (1, 0, 0, 0, 0, 0, 1),
    "R3.7": (3, 0, 0, 0, 0, 0, 3),
}
DEFAULT_T1 = {
    "2021": {("R1.1", "C1"): 0, ("R1.1", "C2"): 0, ("R1.1", "C3"): 0,
             ("R1.2", "C1"): 2, ("R1.2", "C2"): 1, ("R1.2", "C3"): 15,
             ("R5.1", "C1"): 120, ("R6.1", "C1"): 8, ("R6.2", "C1"): 0, ("R8.1", "C1"): 0},
    "2019": {("R1.1", "C1"): 0, ("R1.1", "C2"): 0, ("R1.1", "C3"): 0,
             ("R1.2", "C1"): 2, ("R1.2", "C2"): 2, ("R1.2", "C3"): 15,
             ("R5.1", "C1"): 100, ("R5.1", "C2"): 20, ("R5.1", "C3"): 120,
             ("R5.2", "C1"): 0, ("R5.2", "C2"): 0, ("R5.2", "C3"): 0,
             ("R6.1", "C1"): 8, ("R6.1", "C2"): 0, ("R6.1", "C3"): 8,
             ("R6.2", "C1"): 0, ("R6.2", "C2"): 0, ("R6.2", "C3"): 0,
             ("R8.1", "C1"): 1, ("R8.1", "C2"): 0,
             ("R9.1", "C1"): 3, ("R9.1", "C2"): 52.15},
}


def default_sections(year: int, fmt: str = "2021") -> dict[str, str]:
    """The body texts of a clean report (sections 二–四 have only their table)."""
    fee = "" if fmt == "2019" else f"{year}年，本机关未收取信息处理费。"
    return {
        "一": f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息120条，"
              f"收到政府信息公开申请3件，均已按时答复。",
        "二": "",
        "三": "",
        "四": "",
        "五": "（一）存在的主要问题\n主动公开的深度和广度还不够。\n（二）改进情况\n"
              "一是拓展公开内容。二是加强业务培训。",
        "六": fee or "无其他需要报告的事项。",
    }


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _row(label: str, values: Sequence[object]) -> str:
    return " | ".join([label, *(_cell(v) for v in values)]) + " |"


def _merge_rows(defaults: Mapping, overrides: Mapping | None, columns: Sequence[str]) -> dict[str, list]:
    """Row ID → list of values by column, from the defaults then the overrides (row lists or
    (row, column) cells)."""
    rows: dict[str, list] = {}
    for key, value in defaults.items():
        if isinstance(key, tuple):
            rows.setdefault(key[0], [0] * len(columns))[columns.index(key[1])] = value
        else:
            rows[key] = list(value)
    for key, value in (overrides or {}).items():
        if isinstance(key, tuple):
            rows.setdefault(key[0], [0] * len(columns))[columns.index(key[1])] = value
        else:
            rows[key] = list(value)
    return rows


def table1(fmt: str = "2021", t1: Mapping | None = None) -> str:
    """Table 1 in the pipe layout; ``t1`` maps (row ID, column ID) to a value."""
    cells = {**DEFAULT_T1[fmt], **(t1 or {})}
    v = lambda row, *cols: [cells.get((row, c), 0) for c in cols]  # noqa: E731
    if fmt == "2019":
        lines = [
            "第二十条第（一）项 | |||", "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
            _row("规章", v("R1.1", "C1", "C2", "C3")), _row("规范性文件", v("R1.2", "C1", "C2", "C3")),
            "第二十条第（五）项 | |||", "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
            _row("行政许可", v("R5.1", "C1", "C2", "C3")), _row("其他对外管理服务事项", v("R5.2", "C1", "C2", "C3")),
            "第二十条第（六）项 | |||", "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
            _row("行政处罚", v("R6.1", "C1", "C2", "C3")), _row("行政强制", v("R6.2", "C1", "C2", "C3")),
            "第二十条第（八）项 | |||", "信息内容 | 上一年项目数量 | 本年增/减 | |",
            _row("行政事业性收费", v("R8.1", "C1", "C2")),
            "第二十条第（九）项 | |||", "信息内容 | 采购项目数量 | 采购总金额 | |",
            _row("政府集中采购", v("R9.1", "C1", "C2")),
        ]
    else:
        lines = [
            "第二十条第（一）项 | |||", "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
            _row("规章", v("R1.1", "C1", "C2", "C3")), _row("行政规范性文件", v("R1.2", "C1", "C2", "C3")),
            "第二十条第（五）项 | |||", "信息内容 | 本年处理决定数量 | ||",
            _row("行政许可", v("R5.1", "C1")) + "|",
            "第二十条第（六）项 | |||", "信息内容 | 本年处理决定数量 | ||",
            _row("行政处罚", v("R6.1", "C1")) + "|", _row("行政强制", v("R6.2", "C1")) + "|",
            "第二十条第（八）项 | |||", "信息内容 | 本年收费金额（单位：万元） | ||",
            _row("行政事业性收费", v("R8.1", "C1")) + "|",
        ]
    return "\n".join(lines)


def table2(fmt: str = "2021", t2: Mapping | None = None) -> str:
    """Table 2 in the pipe layout; ``t2`` maps a row ID to 7 values or (row, column) to one.
    Rows not given are all 0."""
    rows = _merge_rows(DEFAULT_T2, t2, T2_COLUMNS)
    lines = [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | ||||||||",
        "自然人 | 法人或其他组织 | 总计 | |||||||",
        "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||",
    ]
    for row_id, label in T2_ROWS_2019 if fmt == "2019" else T2_ROWS_2021:
        lines.append(_row(label, rows.get(row_id, [0] * 7)))
    return "\n".join(lines)


def table3(t3: Mapping | Sequence | None = None) -> str:
    """Table 3 in the pipe layout; ``t3`` is 15 values (A1..C5) or a mapping column → value."""
    if t3 is None or isinstance(t3, Mapping):
        values = [(t3 or {}).get(c, 0) for c in T3_COLUMNS]
    else:
        values = list(t3)
    return "\n".join([
        "行政复议 | 行政诉讼 | |||||||||||||",
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||",
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | |||||",
        " | ".join(_cell(v) for v in values) + " |",
    ])


def default_preamble(year: int) -> str:
    return (
        f"本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自{year}年1月1日起至"
        f"{year}年12月31日止。如对本报告有疑问，请与{AGENCY}联系（地址：淮安市清江浦区健康东路1号，"
        f"邮编：223001，电话：0517-83606000）。"
    )


def render_report(
    year: int = 2024,
    fmt: str = "2021",
    *,
    t1: Mapping | None = None,
    t2: Mapping | None = None,
    t3: Mapping | Sequence | None = None,
    sections: Mapping[str, str | None] | None = None,
    headings: Mapping[str, str | None] | None = None,
    preamble: str | None = None,
    title: str | None = None,
    published: str | None = None,
) -> str:
    """A whole report text. ``published`` is the page-header date (default: 20 January of the
    next year); ``title`` and ``preamble`` replace the defaults ("" drops them)."""
    body = {**default_sections(year, fmt), **(sections or {})}
    heads = {**HEADINGS, **(headings or {})}
    tables = {"二": table1(fmt, t1), "三": table2(fmt, t2), "四": table3(t3)}
    out = [
        f"{AGENCY}{year}年政府信息公开工作年度报告" if title is None else title,
        f"{year + 1}-01-20" if published is None else published,
        default_preamble(year) if preamble is None else preamble,
    ]
    for key in HEADINGS:
        if key in body and body[key] is None:
            continue
        if heads[key] is not None:
            out.append(heads[key])
        if body.get(key):
            out.append(body[key])
        if key in tables:
            out.append(tables[key])
    return "\n".join(line for line in out if line) + "\n"


def lint(text: str, *select: str) -> list:
    """The findings of the rules ``select`` names (codes, prefixes or families) on a report text."""
    from govlint.api import lint_text
    from govlint.config import Config

    return lint_text(text, config=Config(select=select))


def where(findings: list) -> list[tuple]:
    """(code, cell address or line) of each finding: what seed and rule tests compare."""
    return [(f.code, str(f.cell) if f.cell else (f.span.line if f.span else None)) for f in findings]
