"""The HTML reader: article body found among menus and footers, rowspan/colspan expanded so
each value lands in its row, &nbsp; read as blank, header fields read, spans in the HTML source."""

from __future__ import annotations

import govlint
from govlint.readers import read_bytes, sniff
from govlint.readers.html import source_lines

from ..conftest import FIXTURES

FORMS = FIXTURES / "forms"


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_article_body_leaves_out_menus_sidebar_and_footer():
    doc = govlint.read(FORMS / "000.html")
    texts = [p.text for p in doc.paragraphs()]
    for chrome in ("首页", "互动交流", "2023年政府信息公开工作年度报告", "打印本页", "主办单位", "网站标识码"):
        assert not any(chrome in t for t in texts), chrome
    assert texts[:2] == ["发布机构:党政办公室", "公开日期:2025-01-22"]  # header fields, normalised
    assert texts[2].startswith("本次报告由淮安经济技术开发区党政办公室")
    assert [s.key for s in doc.sections] == ["一", "二", "三", "四", "五", "六"]


def test_header_fields_give_publication_date_and_title():
    doc = govlint.read(FORMS / "000.html")
    assert str(doc.publication_date.value) == "2025-01-22"
    source = (FORMS / "000.html").read_text(encoding="utf-8").splitlines()
    assert "公开日期" in source[doc.publication_date.span.line - 1]
    doc = govlint.read(FORMS / "001.html")
    assert doc.title.value == "重庆市黔江区2024年政府信息公开工作年度报告"
    line = (FORMS / "001.html").read_text(encoding="utf-8").splitlines()[doc.title.span.line - 1]
    assert line.startswith('<h1 class="article-title">')
    assert line[doc.title.span.column - 1 : doc.title.span.end_column - 1] == doc.title.value


def test_meta_publication_date_when_the_page_shows_none():
    html = _page(
        "<div><p>一、总体情况</p><p>本机关2024年认真落实条例。</p><p>六、其他需要报告的事项</p><p>无。</p></div>",
        head='<meta name="PubDate" content="2025-01-20 09:30"><title>某局2024年政府信息公开工作年度报告_某市</title>',
    )
    doc = read_bytes(html.encode(), "page.html")
    assert str(doc.publication_date.value) == "2025-01-20"
    assert doc.title.value == "某局2024年政府信息公开工作年度报告"  # the site name after "_" dropped


def test_rowspan_and_colspan_rows_come_once_with_values_in_place():
    lines = source_lines((FORMS / "000.html").read_text(encoding="utf-8"))
    rows = [list(line.texts) for line in lines if line.separated]
    assert ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"] in rows
    assert ["第二十条第（一）项"] in rows  # colspan=4: one cell, no blank debris
    assert ["行政许可", "0"] in rows  # the value cell spans 3 columns
    assert ["三、本年度办理结果", "（一）予以公开", "23", "0", "0", "0", "0", "0", "23"] in rows
    assert ["2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"] in rows  # under rowspans
    assert ["（四）无法提供", "1.本机关不掌握相关政府信息", "6", "0", "0", "0", "0", "0", "6"] in rows
    assert sum(row.count("三、本年度办理结果") for row in rows) == 1  # rowspan=22: not repeated
    assert ["2", "0", "0", "0", "2"] + ["0"] * 10 in rows


def test_grid_places_cells_after_rowspans_from_above():
    html = _page(
        "<table><tr><td rowspan='2'>A</td><td colspan='2'>B</td><td rowspan='2'>C</td></tr>"
        "<tr><td>d</td><td>e</td></tr><tr><td>1</td><td>&nbsp;</td><td>3</td><td>&nbsp;</td></tr></table>"
    )
    rows = [list(line.texts) for line in source_lines(html)]
    assert rows == [["A", "B", "C"], ["d", "e"], ["1", "", "3", ""]]


def test_nbsp_cell_is_missing_data_not_zero():
    doc = govlint.read(FORMS / "001.html")
    cell = doc.table("T2").cell("R3.4.2", "C7")
    assert (cell.value, cell.missing, cell.raw) == (None, True, "")
    [finding] = [f for f in govlint.lint_path(FORMS / "001.html") if f.code == "A100"]
    assert str(finding.cell) == "T2/R3.4.2/C7"


def test_cell_spans_point_at_the_text_in_the_html_source():
    source = (FORMS / "000.html").read_text(encoding="utf-8").splitlines()
    table = govlint.read(FORMS / "000.html").table("T2")
    checked = 0
    for cell in table.cells():
        line = source[cell.span.line - 1]
        assert line[cell.span.column - 1 : cell.span.end_column - 1] == cell.raw, str(cell.address)
        checked += 1
    assert checked == 175


def test_a_table_holding_tables_is_layout_not_data():
    html = _page(
        "<table><tr><td><p>一、总体情况</p><table><tr><td>行政复议</td><td>行政诉讼</td></tr></table></td></tr></table>"
    )
    lines = source_lines(html)
    assert [(line.separated, list(line.texts)) for line in lines] == [
        (False, ["一、总体情况"]),
        (True, ["行政复议", "行政诉讼"]),
    ]


def test_page_without_a_report_is_not_a_report():
    findings = govlint.lint_path(FORMS / "bad" / "no_report.html")
    codes = [f.code for f in findings]
    assert "P902" in codes
    assert not any(code.startswith("X") for code in codes)


def test_markup_with_no_element_reads_as_empty():
    assert source_lines("") == []
    assert source_lines("<!-- nothing -->") == []


def test_sniffed_by_content_not_extension():
    data = (FORMS / "000.html").read_bytes()
    assert sniff(data, "report.txt") == "html"
    assert read_bytes(data, "report.txt").reader == "html"


def test_gbk_page_with_declared_charset_reads_the_same():
    page = (FORMS / "000.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="gb2312">')
    doc = read_bytes(page.encode("gbk"), "page.html")
    utf8 = govlint.read(FORMS / "000.html")
    assert [(c.address, c.raw) for c in doc.table("T2").cells()] == [(c.address, c.raw) for c in utf8.table("T2").cells()]


def test_unmerged_empty_cells_after_a_full_row_are_layout_not_values():
    """A CMS that writes the three cells of a colspan out as separate empty <td>s."""
    rows = "".join(
        f"<tr><td>{label}</td><td>{value}</td><td></td><td></td></tr>"
        for label, value in (("行政许可", 3), ("行政处罚", 0), ("行政强制", 1))
    )
    page = _page("<h1>某区2024年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p>"
                 "<table><tr><td colspan='4'>第二十条第（五）项</td></tr>"
                 "<tr><td>信息内容</td><td>本年处理决定数量</td><td></td><td></td></tr>"
                 f"{rows}</table>")
    doc = read_bytes(page.encode("utf-8"), "page.html")
    t1 = doc.table("T1")
    assert [(r.id, [c.value for c in r.cells]) for r in t1.rows] == [("R5.1", [3]), ("R6.1", [0]), ("R6.2", [1])]
    assert doc.problems == ()
