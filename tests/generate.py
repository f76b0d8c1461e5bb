"""A generator of valid annual reports, and renderers into every layout govlint reads.

``generate(rng)`` draws one correct report (2019 or 2021 format, balanced tables, a narrative
whose numbers match the tables, a publication date before the deadline, valid contact details)
as a ``Report`` value; ``render(report, layout)`` writes it as pipe text, one cell per line,
HTML (with the template's rowspan/colspan) or DOCX. The property tests draw ``rng`` from
hypothesis (``st.randoms()``), the benchmark from ``random.Random(seed)``; the fault-injection
mutators (``tests/scale/mutate.py``) edit a ``Report`` and re-render it, so the defect lands in
every layout the same way.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from govlint.model import FORMAT_2019, FORMAT_2021
from govlint.schema import T2_COLUMNS, schema_for
from govlint_rules.format import OTHER_MIN

LAYOUTS = ("pipe", "cell", "flat", "html", "docx")
TEXT_LAYOUTS = ("pipe", "cell", "flat")
SECTION_HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")
T2_COLS = tuple(c.id for c in T2_COLUMNS)
T3_COLS = tuple(f"{g}{i}" for g in "ABC" for i in range(1, 6))
# Real cities with their telephone area code and postcode prefix, so contact details agree.
_CITIES = (("北京市", "010", "100"), ("上海市", "021", "200"), ("重庆市", "023", "400"), ("南京市", "025", "210"),
           ("杭州市", "0571", "310"), ("福州市", "0591", "350"), ("长沙市", "0731", "410"), ("武汉市", "027", "430"),
           ("广州市", "020", "510"), ("成都市", "028", "610"), ("西安市", "029", "710"))
_BODIES = ("发展和改革委员会", "生态环境局", "教育局", "司法局", "自然资源和规划局", "交通运输局", "人民政府办公厅")
_TOPICS = ("主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障")

# Table 1 row groups: (第二十条 item, column labels, [(row ID, label)]), per format.
T1_LAYOUT = {
    FORMAT_2021: (
        ("（一）", ("本年制发件数", "本年废止件数", "现行有效件数"), (("R1.1", "规章"), ("R1.2", "行政规范性文件"))),
        ("（五）", ("本年处理决定数量",), (("R5.1", "行政许可"),)),
        ("（六）", ("本年处理决定数量",), (("R6.1", "行政处罚"), ("R6.2", "行政强制"))),
        ("（八）", ("本年收费金额（单位：万元）",), (("R8.1", "行政事业性收费"),)),
    ),
    FORMAT_2019: (
        ("（一）", ("本年新制作数量", "本年新公开数量", "对外公开总数量"), (("R1.1", "规章"), ("R1.2", "规范性文件"))),
        ("（五）", ("上一年项目数量", "本年增/减", "处理决定数量"),
         (("R5.1", "行政许可"), ("R5.2", "其他对外管理服务事项"))),
        ("（六）", ("上一年项目数量", "本年增/减", "处理决定数量"), (("R6.1", "行政处罚"), ("R6.2", "行政强制"))),
        ("（八）", ("上一年项目数量", "本年增/减"), (("R8.1", "行政事业性收费"),)),
        ("（九）", ("采购项目数量", "采购总金额"), (("R9.1", "政府集中采购"),)),
    ),
}
_T2_GROUP_OF = {"R3.1": "三、本年度办理结果", "R3.3.1": "（三）不予公开", "R3.4.1": "（四）无法提供",
                "R3.5.1": "（五）不予处理", "R3.6.1": "（六）其他处理"}


@dataclass(frozen=True)
class Report:
    """One report as data. Cell values are ints/floats, or ``None`` for a blank cell."""

    fmt: str
    year: int
    agency: str
    published: dt.date
    t1: dict[str, tuple]
    t2: dict[str, tuple]
    t3: tuple
    phone: str
    email: str
    postcode: str
    headings: tuple[str, ...] = SECTION_HEADINGS
    topics: tuple[str, ...] = _TOPICS  # the numbered sub-topics of 总体情况: （一）…（五）
    numerals: tuple[str, ...] = ("一", "二", "三", "四", "五")
    title_year: int | None = None  # a title naming another year (a planted defect); None = year
    period_year: int | None = None
    narrative: dict[str, int] = field(default_factory=dict)  # overrides of narrated numbers
    published_text: str | None = None  # the date as written, when it is no calendar date (a planted defect)

    def cells(self) -> Iterator[tuple[str, str, str, object]]:
        """(table, row, column, value) of every cell."""
        for row_id, values in self.t1.items():
            for i, value in enumerate(values, start=1):
                yield "T1", row_id, f"C{i}", value
        for row_id, values in self.t2.items():
            for column, value in zip(T2_COLS, values):
                yield "T2", row_id, column, value
        for column, value in zip(T3_COLS, self.t3):
            yield "T3", "R1", column, value

    def with_cell(self, table: str, row: str, column: str, value: object) -> Report:
        if table == "T3":
            t3 = list(self.t3)
            t3[T3_COLS.index(column)] = value
            return replace(self, t3=tuple(t3))
        rows = dict(self.t1 if table == "T1" else self.t2)
        values = list(rows[row])
        values[(T2_COLS.index(column)) if table == "T2" else int(column[1:]) - 1] = value
        rows[row] = tuple(values)
        return replace(self, **{table.lower(): rows})

    def narrated(self) -> dict[str, int]:
        """The numbers the narrative states (they agree with the tables unless overridden)."""
        t2 = self.t2
        base = {
            "received": t2["R1"][6], "carried": t2["R2"][6], "closed": t2["R3.7"][6], "pending": t2["R4"][6],
            "review": self.t3[4], "litigation": self.t3[9] + self.t3[14],
        }
        return {**base, **self.narrative}


# --- drawing a report -------------------------------------------------------------------------------


def _small(rng: random.Random, high: int = 6) -> int:
    """A count: mostly zero, like real tables."""
    return rng.randint(0, high) if rng.random() < 0.35 else 0


def generate(rng: random.Random) -> Report:
    fmt = rng.choice((FORMAT_2019, FORMAT_2021))
    year = rng.randint(2020, 2025) if fmt == FORMAT_2021 else 2019 + rng.randint(0, 1)
    if fmt == FORMAT_2021:
        year = max(year, 2021)
    city, area_code, postcode = rng.choice(_CITIES)
    agency = city + rng.choice(_BODIES)
    published = dt.date(year + 1, 1, rng.randint(5, 28))
    return Report(
        fmt=fmt, year=year, agency=agency, published=published,
        t1=_t1(rng, fmt), t2=_t2(rng, fmt), t3=_t3(rng),
        phone=f"{area_code}-8{rng.randint(0, 9999999):07d}",  # eight-digit local numbers, valid in every city here
        email=f"xxgk{rng.randint(1, 999)}@{rng.choice(('163.com', 'qq.com', 'gov.cn'))}",
        postcode=postcode + "".join(str(rng.randint(0, 9)) for _ in range(6 - len(postcode))),
    )


def _t1(rng: random.Random, fmt: str) -> dict[str, tuple]:
    out = {}
    for _item, columns, rows in T1_LAYOUT[fmt]:
        for row_id, _label in rows:
            values = [rng.randint(0, 400) for _ in columns]
            if row_id == "R8.1" and fmt == FORMAT_2021:
                values = [round(rng.uniform(0, 900), 2)]
            out[row_id] = tuple(values)
    return out


def _t2(rng: random.Random, fmt: str) -> dict[str, tuple]:
    spec = schema_for(fmt).table("T2")
    outcomes = [r.id for r in spec.rows if r.id.startswith("R3.") and r.id != "R3.7"]
    rows: dict[str, list[int]] = {}
    by_column = {c: [_small(rng, 9 if c == "C1" else 3) for _ in outcomes] for c in T2_COLS[:6]}
    # A valid report gives (almost) every application a statutory outcome: keep 其他处理 under
    # the count at which F704 starts to judge its share.
    other = outcomes.index("R3.6.3" if "R3.6.3" in outcomes else "R3.6")
    if sum(by_column[c][other] for c in by_column) >= OTHER_MIN:
        for c in by_column:
            by_column[c][other] = 0
    for i, row_id in enumerate(outcomes):
        rows[row_id] = [by_column[c][i] for c in T2_COLS[:6]]
    total = [sum(by_column[c]) for c in T2_COLS[:6]]
    pending = [_small(rng, 3) for _ in T2_COLS[:6]]
    carried = [rng.randint(0, min(2, t + p)) for t, p in zip(total, pending)]
    received = [t + p - c for t, p, c in zip(total, pending, carried)]
    ordered = {"R1": received, "R2": carried, **rows, "R3.7": total, "R4": pending}
    return {row_id: (*values, sum(values)) for row_id, values in ordered.items()}


def _t3(rng: random.Random) -> tuple:
    out: list[int] = []
    for _group in "ABC":
        parts = [_small(rng, 3) for _ in range(4)]
        out += [*parts, sum(parts)]
    return tuple(out)


# --- the lines of a report ----------------------------------------------------------------------------


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _prose(report: Report) -> dict[str, list[str]]:
    """The paragraphs of each section, and the preamble."""
    n = report.narrated()
    year = report.year
    period_year = report.period_year or year
    doc_no = "国办公开办函〔2021〕30号" if report.fmt == FORMAT_2021 else "国办公开办函〔2019〕60号"
    preamble = [
        f"本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（{doc_no}）编制。"
        f"本报告所列数据的统计期限自{period_year}年1月1日起至{period_year}年12月31日止。"
        f"如对本报告有疑问，请与{report.agency}联系（地址：{report.agency[:3]}人民路{year % 97 + 1}号，"
        f"邮编：{report.postcode}，电话：{report.phone}，电子邮箱：{report.email}）。",
    ]
    topics = []
    for numeral, topic in zip(report.numerals, report.topics):
        if topic == "依申请公开":
            body = (f"{year}年，本机关新收政府信息公开申请{n['received']}件，上年结转{n['carried']}件，"
                    f"办结{n['closed']}件，结转下年度继续办理{n['pending']}件。"
                    f"因政府信息公开工作被申请行政复议{n['review']}件，被提起行政诉讼{n['litigation']}件。")
        else:
            body = f"{year}年，本机关持续做好{topic}工作，完善工作机制，规范工作流程，及时回应社会关切。"
        topics.append(f"（{numeral}）{topic}。{body}")
    return {
        "preamble": preamble,
        "一": [f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。", *topics],
        "五": [f"{year}年，本机关政府信息公开工作仍存在公开内容不够全面等问题。下一步将加强培训，提升公开质量。"],
        "六": [f"{year}年，本机关未收取信息处理费，无其他需要报告的事项。"],
    }


def _t1_rows(report: Report) -> list[list[str]]:
    rows = []
    for item, columns, labelled in T1_LAYOUT[report.fmt]:
        rows.append([f"第二十条第{item}项"])
        rows.append(["信息内容", *columns])
        for row_id, label in labelled:
            rows.append([label, *(_fmt(v) for v in report.t1[row_id])])
    return rows


def _t2_rows(report: Report) -> list[list[str]]:
    spec = schema_for(report.fmt).table("T2")
    rows = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
        ["自然人", "法人或其他组织", "总计"],
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    ]
    for row in spec.rows:
        values = [_fmt(v) for v in report.t2[row.id]]
        label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" if row.id == "R3.2" else row.label
        group = _T2_GROUP_OF.get(row.id)  # a group label shares a line with its first sub-row
        rows.append([group, label, *values] if group else [label, *values])
    return rows


def _t3_rows(report: Report) -> list[list[str]]:
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [["行政复议", "行政诉讼"], [*outcomes, "未经复议直接起诉", "复议后起诉"], outcomes * 2,
            [_fmt(v) for v in report.t3]]


def _date_text(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def blocks(report: Report) -> list[tuple[str, object]]:
    """The report as ("p", text) paragraphs and ("t", rows) tables, in order."""
    prose = _prose(report)
    title_year = report.title_year or report.year
    out: list[tuple[str, object]] = [
        ("p", f"{report.agency}{title_year}年政府信息公开工作年度报告"),
        ("p", f"发布日期：{report.published_text or _date_text(report.published)}"),
        *(("p", text) for text in prose["preamble"]),
    ]
    tables = {"二": _t1_rows(report), "三": _t2_rows(report), "四": _t3_rows(report)}
    for key, heading in zip(("一", "二", "三", "四", "五", "六"), report.headings):
        if heading:
            out.append(("p", heading))
        if key in tables:
            out.append(("t", tables[key]))
        out += [("p", text) for text in prose.get(key, ())]
    return out


# --- layouts --------------------------------------------------------------------------------------------


def render(report: Report, layout: str) -> bytes:
    if layout == "docx":
        return _docx(report)
    text = {"pipe": _pipe, "cell": _cell_per_line, "flat": _flat, "html": _html}[layout](report)
    return text.encode("utf-8")


def _pipe(report: Report) -> str:
    lines = []
    for kind, content in blocks(report):
        if kind == "p":
            lines.append(content)
        else:
            lines += [" | ".join(row) + " |" for row in content]
    return "\n".join(lines) + "\n"


def _cell_per_line(report: Report) -> str:
    lines = []
    for kind, content in blocks(report):
        if kind == "p":
            lines.append(content)
        else:
            lines += [f"{cell} |" for row in content for cell in row]
    return "\n".join(lines) + "\n"


def _flat(report: Report) -> str:
    """Tables whose separators were lost in extraction: "一、本年新收政府信息公开申请数量801000081".
    Table 2 and 3 rows can be split again by their identities; a Table 1 row of several numbers
    cannot (no identity), and govlint reports it (P905) instead of guessing."""
    lines = []
    for kind, content in blocks(report):
        lines += [content] if kind == "p" else ["".join(row) for row in content]
    return "\n".join(lines) + "\n"


def _html(report: Report) -> str:
    parts = ["<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>"]
    for kind, content in blocks(report):
        if kind == "p":
            parts.append(f"<p>{html.escape(content)}</p>")
            continue
        parts.append("<table border=\"1\">")
        width = max(len(row) for row in content)
        spans = _rowspans(report)
        for row in content:
            cells = []
            for i, text in enumerate(row):
                attrs = ""
                if i == 0 and len(row) > 8 and text in spans:  # a T2 group label beside its rows
                    attrs += f' rowspan="{spans[text]}"'
                if i == len(row) - 1 and len(row) < width and len(row) != 8:  # the template's merged cells
                    attrs += f' colspan="{width - len(row) + 1}"'
                cells.append(f"<td{attrs}>{html.escape(text)}</td>")
            parts.append(f"<tr>{''.join(cells)}</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _rowspans(report: Report) -> dict[str, int]:
    """How many rows each Table 2 group label spans (三 spans every outcome row and （七）总计)."""
    rows = [r.id for r in schema_for(report.fmt).table("T2").rows]
    spans = {"三、本年度办理结果": sum(1 for r in rows if r.startswith("R3."))}
    for first, label in _T2_GROUP_OF.items():
        prefix = first.rsplit(".", 1)[0] + "."
        if first != "R3.1" and first in rows:
            spans[label] = sum(1 for r in rows if r.startswith(prefix))
    return spans


def _docx(report: Report) -> bytes:
    import docx  # python-docx, only for this layout

    document = docx.Document()
    for kind, content in blocks(report):
        if kind == "p":
            document.add_paragraph(content)
            continue
        width = max(len(row) for row in content)
        table = document.add_table(rows=len(content), cols=width)
        for row, cells in zip(content, table.rows):  # row by row: table.cell(r, c) is quadratic
            cells = cells.cells
            for text, cell in zip(row, cells):
                cell.text = text
            if len(row) < width:  # the last cell spans the rest, as the template's merged cells do
                cells[len(row) - 1].merge(cells[width - 1])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
