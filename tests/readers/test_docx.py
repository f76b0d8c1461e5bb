"""The DOCX reader: paragraphs and tables in document order, merged cells (gridSpan / vMerge)
once where they start, headings numbered by Word rebuilt, locations as paragraph / table / row /
cell ordinals, and a broken file as a P901 finding."""

from __future__ import annotations

import io
import zipfile

import pytest

import govlint
from govlint.readers import read_bytes, sniff
from govlint.readers.docx import source_lines

from ..conftest import FIXTURES

FORMS = FIXTURES / "forms"


def test_headings_numbered_by_word_read_with_their_number():
    from docx import Document

    draft = Document(str(FORMS / "000.docx"))
    typed = [p.text for p in draft.paragraphs if p.text.endswith(("总体情况", "其他需要报告的事项"))]
    assert typed == ["总体情况", "其他需要报告的事项"]  # the numbers are not in the text
    doc = govlint.read(FORMS / "000.docx")
    assert [s.heading.raw for s in doc.sections] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert [len(s.paragraphs) for s in doc.sections] == [6, 0, 0, 0, 5, 1]
    assert [[t.id for t in s.tables] for s in doc.sections] == [[], ["T1"], ["T2"], ["T3"], [], []]


def test_locations_are_paragraph_and_table_row_cell_ordinals():
    doc = govlint.read(FORMS / "000.docx")
    # Three header-field tables come first, then T1, T2, T3 (tables 4, 5, 6).
    assert dict(doc.table("T2").cell("R1", "C1").span.origin) == {"table": 5, "row": 4, "cell": 4}
    assert dict(doc.table("T2").cell("R3.1", "C7").span.origin) == {"table": 5, "row": 6, "cell": 10}
    assert dict(doc.table("T2").cell("R3.3.2", "C1").span.origin) == {"table": 5, "row": 9, "cell": 4}
    assert dict(doc.table("T1").cell("R5.1", "C1").span.origin) == {"table": 4, "row": 7, "cell": 2}
    assert dict(doc.table("T3").cell("R1", "C5").span.origin) == {"table": 6, "row": 4, "cell": 15}
    assert dict(doc.section("一").heading.span.origin) == {"paragraph": 2}
    line = doc.table("T2").cell("R3.1", "C7").span.line
    assert doc.lines[line - 1] == "三、本年度办理结果 | （一）予以公开 | 23 | 0 | 0 | 0 | 0 | 0 | 23"


def test_merged_cells_come_once_where_they_start():
    lines = source_lines((FORMS / "000.docx").read_bytes())
    rows = [list(line.texts) for line in lines if line.separated]
    assert ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"] in rows
    assert ["自然人", "法人或其他组织", "总计"] in rows  # vMerge restart cells; continuations skipped
    assert ["行政许可", "0"] in rows  # gridSpan=3
    assert ["（三）不予公开", "1.属于国家秘密"] + ["0"] * 7 in rows
    assert ["8.属于行政查询事项"] + ["0"] * 7 in rows
    assert sum(row.count("三、本年度办理结果") for row in rows) == 1


def test_blank_word_cell_is_missing():
    cell = govlint.read(FORMS / "001.docx").table("T2").cell("R3.4.2", "C7")
    assert (cell.value, cell.missing) == (None, True)


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        (FORMS / "000.docx").read_bytes()[:20000],  # truncated download
        b"PK\x03\x04" + b"\x00" * 100,  # a ZIP header and nothing else
        _zip({"hello.txt": b"not a word file"}),  # a ZIP that is no Word file
        _zip({"[Content_Types].xml": b"<Types", "word/document.xml": b"<broken"}),  # broken XML
    ],
    ids=["truncated", "header-only", "other-zip", "broken-xml"],
)
def test_broken_docx_is_a_p901_finding(tmp_path, data):
    path = tmp_path / "draft.docx"
    path.write_bytes(data)
    [finding] = govlint.lint_path(path)
    assert finding.code == "P901"
    assert finding.message.startswith("DOCX 文件")


def test_sniffed_by_content_not_extension():
    data = (FORMS / "000.docx").read_bytes()
    assert sniff(data, "draft.txt") == "docx"
    assert read_bytes(data, "draft.txt").table("T2").cell("R1", "C7").value == 72
