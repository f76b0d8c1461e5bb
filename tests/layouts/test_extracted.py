"""PDF text extraction and OCR (R-PEER, domain.md §6.7, §6.8, §6.15): Markdown tables with
"|---|" rules, labels broken over lines, a missing "五、" heading that must stay missing, a
report that numbers its own topics 一…六 before the statutory sections 一…五, and an OCR copy."""

from __future__ import annotations

import functools

from govlint.readers import read_path
from tests.conftest import CORPUS

EXTRACTED = CORPUS / "extracted"


@functools.cache
def doc(name: str):
    return read_path(next(EXTRACTED.glob(f"{name}*.md")))


def rows(table) -> dict[str, str]:
    return {row.id: " ".join(cell.raw for cell in row.cells) for row in table.rows}


def zeros(value: str = "0") -> str:
    return " ".join([value] * 7)


def test_ocr_copy_read_completely_without_problems():
    d = doc("2025_shuyangxian")
    assert [(s.key, s.heading.raw) for s in d.sections] == [
        ("一", "## 一、总体情况"),
        ("二", "## 二、主动公开政府信息情况"),
        ("三", "## 三、收到和处理政府信息公开申请情况"),
        ("四", "## 四、政府信息公开行政复议、行政诉讼情况"),
        ("五", "## 五、政府信息公开工作存在的主要问题及改进情况"),
        ("六", "六、其他需要报告的事项"),
    ]
    assert rows(d.table("T1")) == {"R1.1": "0 0 0", "R1.2": "6 1 32", "R5.1": "517645", "R6.1": "693957",
                                   "R6.2": "2154", "R8.1": "4068.208"}
    assert rows(d.table("T2")) == {
        "R1": "705 3 0 0 5 0 713", "R2": "36 0 0 0 0 0 36", "R3.1": "290 1 0 0 3 0 294",
        "R3.2": "99 0 0 0 2 0 101", "R3.3.1": zeros(), "R3.3.2": zeros(), "R3.3.3": "2 0 0 0 0 0 2",
        "R3.3.4": "2 0 0 0 0 0 2", "R3.3.5": "13 0 0 0 0 0 13", "R3.3.6": "2 0 0 0 0 0 2",
        "R3.3.7": "4 0 0 0 0 0 4", "R3.3.8": "9 0 0 0 0 0 9", "R3.4.1": "111 0 0 0 0 0 111",
        "R3.4.2": "2 0 0 0 0 0 2", "R3.4.3": zeros(), "R3.5.1": "12 0 0 0 0 0 12", "R3.5.2": "6 1 0 0 0 0 7",
        "R3.5.3": zeros(), "R3.5.4": zeros(), "R3.5.5": zeros(), "R3.6.1": "9 0 0 0 0 0 9",
        "R3.6.2": "7 0 0 0 0 0 7", "R3.6.3": "142 1 0 0 0 0 143", "R3.7": "710 3 0 0 5 0 718",
        "R4": "31 0 0 0 0 0 31",
    }
    # Table 3 printed as three small tables, one per group.
    assert rows(d.table("T3")) == {"R1": "27 10 9 15 61 3 0 0 0 3 8 0 1 1 10"}
    assert d.problems == ()


def test_missing_heading_five_stays_missing():
    d = doc("2025_shanghai_shizhengfu")
    assert [s.key for s in d.sections] == ["一", "二", "三", "四", "六"]
    # Its text ("（一）2024 年工作中存在问题的改进情况…") stays in section 四, after Table 3.
    four = d.sections[3]
    assert [t.id for t in four.tables] == ["T3"]
    assert any(p.raw.startswith("（一）2024 年工作中存在问题的改进情况") for p in four.paragraphs)


def test_shanghai_office_tables_as_far_as_the_extraction_allows():
    d = doc("2025_shanghai_shizhengfu")
    t2 = rows(d.table("T2"))
    assert {k: t2[k] for k in ("R1", "R2", "R3.1", "R3.2", "R3.4.1", "R3.6.3", "R3.7", "R4")} == {
        "R1": "1259 36 0 0 0 0 1295", "R2": "170 15 0 0 4 0 189", "R3.1": "201 5 0 0 0 0 206",
        "R3.2": "2 0 0 0 0 0 2",  # its label broken over two lines, its values on a third
        "R3.4.1": "484 28 0 0 1 0 513", "R3.6.3": "264 12 0 0 0 0 276", "R3.7": "1139 48 0 0 4 0 1191",
        "R4": "290 3 0 0 0 0 293",
    }
    # Rows whose label and values the extraction tore apart are unread and reported, not guessed.
    assert (t2["R3.5.5"], t2["R3.6.1"]) == ("", "")
    assert "R3.6.2" not in t2
    assert rows(d.table("T3")) == {"R1": "40 0 10 5 55 2 0 4 6 12 6 0 9 7 22"}  # after a "注：" line
    assert [(p.code, p.span.line) for p in d.problems] == [
        ("P903", 78), ("P903", 80), ("P904", 97), ("P904", 100), ("P904", 154), ("P903", 156), ("P903", 164),
        ("P904", 142), ("P904", 144),
    ]


def test_two_numbering_systems_sections_by_heading_text():
    d = doc("2024_shanghai_kewei")
    # 一…六 for its own topics, then 一…五 for the statutory sections (its "四、" is absent).
    assert [(s.key, s.heading.raw) for s in d.sections] == [
        ("一", "一、总体情况"),
        ("二", "一、主动公开政府信息情况"),
        ("三", "二、收到和处理政府信息公开申请情况"),
        ("四", "三、政府信息公开行政复议、行政诉讼情况"),
        ("六", "五、其他需要报告的事项"),
    ]
    own_topics = [p.raw for p in d.sections[0].paragraphs if p.raw[:2] in ("二、", "三、", "四、", "五、", "六、")]
    assert own_topics == ["二、工作机制保障", "三、主动公开工作情况", "四、政府信息公开申请情况", "五、政府信息管理",
                          "六、政府信息公开平台建设"]


def test_kewei_tables_where_the_extraction_kept_rows_whole():
    d = doc("2024_shanghai_kewei")
    t2 = rows(d.table("T2"))
    assert {k: t2[k] for k in ("R1", "R2", "R3.1", "R3.3.6", "R3.6.3", "R3.7")} == {
        "R1": "32 2 0 0 0 0 34", "R2": "2 0 0 0 0 0 2", "R3.1": "9 0 0 0 0 0 9", "R3.3.6": "1 0 0 0 0 0 1",
        "R3.6.3": "4 0 0 0 0 0 4", "R3.7": "33 2 0 0 0 0 35",
    }
    assert t2["R4"] == "1 0 0 0 0 0"  # its 总计 cell is blank in the extraction: short, and reported
    assert rows(d.table("T3")) == {"R1": "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0"}
    assert rows(d.table("T1"))["R5.1"] == "97"
    codes = [p.code for p in d.problems]
    assert codes.count("P904") == 11 and codes.count("P903") == 1 and codes.count("P906") == 1
