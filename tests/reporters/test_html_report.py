"""``--format html`` without a browser: the page's structure read back with html.parser. Every
table cell carries its address, the cells findings name carry the finding class, each message
stands in the row of its cell or after its sentence, the summary counts by severity and family,
and nothing is fetched from the network. (tests/reporters/test_browser.py renders it.)"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest

from govlint.api import FileResult, lint_file
from govlint.config import Config
from govlint.finding import CellAddress, Finding, Related
from govlint.model import Document
from govlint.plugins import load_registry
from govlint.reporters import REPORTERS, Reporter, Summary
from govlint.reporters.html import HtmlReporter

from ..rules.reportgen import render_report
from .conftest import FAULTY_SELECT, SEED_001, SEED_001_SELECT, run

VOID = {"meta", "input", "br", "img", "link", "hr"}


class Element:
    def __init__(self, tag: str, attrs: dict, parent: Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element] = []
        self.text = ""

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def ancestor(self, tag: str) -> Element | None:
        node = self.parent
        while node is not None and node.tag != tag:
            node = node.parent
        return node

    def iter(self):
        yield self
        for child in self.children:
            yield from child.iter()

    def all_text(self) -> str:
        return self.text + "".join(c.all_text() for c in self.children)


class Tree(HTMLParser):
    """A minimal DOM: enough to ask where an element stands."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.node = self.root
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.node)
        self.node.children.append(element)
        if tag not in VOID:
            self.node = element

    def handle_endtag(self, tag):
        node = self.node
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None:
            self.node = node.parent

    def handle_data(self, data):
        self.node.text += data

    def find(self, tag: str | None = None, **attrs) -> list[Element]:
        return [e for e in self.root.iter()
                if (tag is None or e.tag == tag) and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]


def page(capsys, *args: str) -> tuple[int, str, Tree]:
    code, out = run(capsys, "--format", "html", *args)
    return code, out, Tree(out)


def test_seed_001_blank_cell_is_highlighted_with_its_message_in_its_row(capsys):
    code, out, tree = page(capsys, "--select", SEED_001_SELECT, str(SEED_001))
    assert code == 0
    [cell] = tree.find("td", data_cell="T2/R3.4.2/C7")
    assert {"cell", "blank", "finding", "finding-warning"} <= cell.classes
    assert cell.text.strip() == "空白"
    highlighted = [e.attrs["data-cell"] for e in tree.root.iter() if "finding" in e.classes and e.tag == "td"]
    assert highlighted == ["T2/R3.4.2/C7"]
    [note] = tree.find("div", data_cell="T2/R3.4.2/C7")
    assert {"note", "finding-warning"} <= note.classes
    assert note.attrs["data-code"] == "A100"
    assert note.ancestor("tr") is cell.parent  # next to the cell: in the same table row
    assert cell.parent.attrs["data-row"] == "R3.4.2"
    assert "2.没有现成信息需要另行制作" in note.all_text()


def test_every_cell_of_the_three_tables_is_drawn_with_its_address(capsys):
    _, _, tree = page(capsys, "--select", SEED_001_SELECT, str(SEED_001))
    cells = [e.attrs["data-cell"] for e in tree.find("td") if "data-cell" in e.attrs]
    by_table = {t: [c for c in cells if c.startswith(t + "/")] for t in ("T1", "T2", "T3")}
    assert len(by_table["T1"]) == 10  # 6 + 1 + 2 + 1 value cells (domain.md §2.3)
    assert len(by_table["T2"]) == 25 * 7  # 25 rows of the 2021 format × C1..C7
    assert by_table["T3"] == [f"T3/R1/{g}{i}" for g in "ABC" for i in range(1, 6)]
    assert len(set(cells)) == len(cells)
    # values as printed in the seed (tests/seed_expectations.py): 新收 自然人 48, 总计 52
    assert tree.find("td", data_cell="T2/R1/C1")[0].text.strip() == "48"
    assert tree.find("td", data_cell="T2/R1/C7")[0].text.strip() == "52"
    groups = [e.all_text().strip() for e in tree.find("tr") if "group" in e.classes]
    assert groups == ["三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"]


def test_a_text_finding_marks_its_words_and_follows_its_paragraph(capsys):
    _, _, tree = page(capsys, "--select", SEED_001_SELECT, str(SEED_001))
    [title] = tree.find("p", data_line="1")
    [mark] = [e for e in title.iter() if e.tag == "mark"]
    assert "finding-info" in mark.classes
    assert mark.text == "重庆市黔江区2024年政府信息公开工作年度报告"  # the span of D306, columns 1–23
    notes = [e for e in tree.find("div") if e.attrs.get("data-code") == "D306"]
    assert len(notes) == 1 and "finding-info" in notes[0].classes
    siblings = title.parent.children
    assert "notes-after" in siblings[siblings.index(title) + 1].classes


def test_summary_counts_by_file_severity_and_family(capsys, faulty, clean):
    code, _, tree = page(capsys, "--select", FAULTY_SELECT, str(faulty), str(clean))
    assert code == 1

    def counts(row):
        return {(k, e.attrs.get(f"data-{k}")): e.text for e in row.iter() if e.tag == "td"
                for k in ("severity", "family") if e.attrs.get(f"data-{k}")}

    [bad] = tree.find("tr", data_file=str(faulty))
    [good] = tree.find("tr", data_file=str(clean))
    assert counts(bad) == {("severity", "error"): "2", ("severity", "warning"): "1", ("severity", "info"): "0",
                           ("family", "arithmetic"): "3"}
    assert set(counts(good).values()) == {"0"}
    [totals] = [e for e in tree.find("tr") if "totals" in e.classes]
    assert counts(totals) == counts(bad)
    # each file is a collapsible part; the clean one starts closed and says so
    reports = {e.attrs["data-path"]: e for e in tree.find("details")}
    assert "open" in reports[str(faulty)].attrs and "open" not in reports[str(clean)].attrs
    assert "未发现问题" in reports[str(clean)].all_text()
    assert [tree.find("td", data_cell=c)[0].classes & {"finding-error", "finding-warning"}
            for c in ("T2/R1/C7", "T2/R3.4.2/C3", "T2/R3.7/C1")] == [{"finding-error"}, {"finding-warning"}, {"finding-error"}]


def test_the_page_is_self_contained(capsys, faulty):
    _, out, tree = page(capsys, "--select", FAULTY_SELECT, str(faulty))
    assert out.startswith("<!DOCTYPE html>")
    assert not tree.find("link") and not tree.find("img")
    assert all("src" not in e.attrs for e in tree.root.iter())
    assert all(e.attrs["href"].startswith("#") for e in tree.root.iter() if "href" in e.attrs)
    assert not re.search(r"url\(|@import|https?://", out.split("</style>")[0])
    assert len(tree.find("style")) == 1 and len(tree.find("script")) == 1
    assert "src" not in tree.find("script")[0].attrs


def test_english_interface(capsys, faulty):
    _, _, tree = page(capsys, "--select", FAULTY_SELECT, "--lang", "en", str(faulty))
    [html] = tree.find("html")
    assert html.attrs["lang"] == "en"
    assert tree.find("h2")[0].text == "Summary"
    [note] = [e for e in tree.find("div") if e.attrs.get("data-code") == "A101"]
    [severity] = [e for e in note.iter() if "sev" in e.classes]
    assert severity.text == "error"
    assert "they must be equal" in note.all_text()
    assert "Findings" in [e.all_text() for e in tree.find("th")]


def test_a_file_without_a_document_lists_its_findings_at_the_top(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, tree = page(capsys, str(empty))
    assert code == 1
    [report] = tree.find("details")
    [whole] = [e for e in report.iter() if "whole-report" in e.classes]
    assert [e.attrs["data-code"] for e in whole.iter() if "note" in e.classes] == ["P901"]


def test_later_findings_about_a_shown_file_join_it():
    """The corpus pass reports after every file was read: one part per file, numbers unique."""
    registry = load_registry()
    first = lint_file(SEED_001, Config(select=("A100",)), registry, keep_document=True)
    other = Related("reports/copy.txt", None, "另一份报告", CellAddress("T2", "R1", "C1"))
    later = Finding(code="K805", rule="conflicting-reports", family="corpus", severity="warning",
                    message="同一单位同一年度有两份不同的报告", path=first.path, related=(other,))
    out = io.StringIO()
    reporter = HtmlReporter(out)
    reporter.file(first)
    reporter.file(FileResult(first.path, (later,)))
    reporter.finish(Summary(1, 0, {}, {}))
    tree = Tree(out.getvalue())
    [report] = tree.find("details")
    numbers = [e.attrs["id"] for e in report.iter() if "note" in e.classes]
    assert numbers == ["f1-1", "f1-2"]
    assert "警告 2" in report.all_text()
    [related] = [e for e in report.iter() if "related" in e.classes]
    assert related.text == "↔ reports/copy.txt T2/R1/C1：另一份报告"
    assert [e.text for e in tree.find("td") if e.attrs.get("data-family") == "corpus"] == ["1", "1"]


class Spy(Reporter):
    seen: list = []

    def file(self, result) -> None:
        Spy.seen.append(result.document)


class DocumentSpy(Spy):
    wants_document = True


@pytest.mark.parametrize(("spy", "kept"), [("Spy", False), ("DocumentSpy", True)])
def test_documents_are_kept_only_for_reporters_that_ask(capsys, monkeypatch, spy, kept):
    monkeypatch.setitem(REPORTERS, "spy", f"{__name__}:{spy}")
    Spy.seen = []
    run(capsys, "--format", "spy", "--select", FAULTY_SELECT, str(SEED_001))
    assert len(Spy.seen) == 1
    assert isinstance(Spy.seen[0], Document) is kept


def test_a_2019_report_is_drawn_in_the_2019_layout(capsys, tmp_path):
    path = tmp_path / "2019.txt"
    path.write_text(render_report(year=2019, fmt="2019"), encoding="utf-8")
    _, _, tree = page(capsys, "--select", FAULTY_SELECT, str(path))
    cells = [e.attrs["data-cell"] for e in tree.find("td") if "data-cell" in e.attrs]
    t1 = [c for c in cells if c.startswith("T1/")]
    assert len(t1) == 6 * 3 + 2 * 2  # （一）（五）（六） three columns; （八）（九） two (domain.md §4.1)
    assert [c for c in t1 if c.startswith("T1/R9.1/")] == ["T1/R9.1/C1", "T1/R9.1/C2"]
    assert [tree.find("td", data_cell=f"T1/R8.1/C{i}")[0].attrs.get("colspan") for i in (1, 2)] == [None, "2"]
    assert len([c for c in cells if c.startswith("T2/")]) == 23 * 7  # 25 rows in 2021; R3.6 is one row in 2019
    assert tree.find("tr", data_row="R3.6") and not tree.find("tr", data_row="R3.6.1")
    groups = [e.all_text().strip() for e in tree.find("tr") if "group" in e.classes]
    assert groups == ["三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理"]
    blocks = [e.children[0].text for e in tree.find("tr") if "block" in e.classes]
    assert blocks == [f"第二十条第（{n}）项" for n in "一五六八九"]
