"""The 平潭 reports (R-PT): whole pages on one or two lines, headings mid-line, tables with no
separators (domain.md §6.4, §6.5). Every section and every cell is asserted exactly; a row whose
digits split more than one way must be reported (P905), never guessed."""

from __future__ import annotations

import pytest

from govlint.readers import read_path
from tests.conftest import CORPUS

PINGTAN = CORPUS / "pingtan"
ZEROS = "0 0 0 0 0 0 0"


def _t2(**rows: str) -> dict[str, str]:
    """A Table 2 whose unlisted rows are all zeros (2021 format)."""
    ids = ["R1", "R2", "R3.1", "R3.2", *(f"R3.3.{i}" for i in range(1, 9)), *(f"R3.4.{i}" for i in range(1, 4)),
           *(f"R3.5.{i}" for i in range(1, 6)), *(f"R3.6.{i}" for i in range(1, 4)), "R3.7", "R4"]
    return {row: rows.get(row.replace(".", "_"), ZEROS) for row in ids}


EXPECTED = {
    "2019": {
        "format": "2019",
        "T1": {"R1.1": "0 0 0", "R1.2": "", "R5.1": "", "R5.2": "", "R6.1": "", "R6.2": "", "R8.1": "", "R9.1": ""},
        "T2": {
            **{k: v for k, v in _t2(R1="23 0 0 0 0 0 23", R3_1="7 0 0 0 0 0 7", R3_2="1 0 0 0 0 0 1",
                                    R3_4_1="7 0 0 0 0 0 7", R3_4_3="5 0 0 0 0 0 5", R3_5_2="3 0 0 0 0 0 3",
                                    R3_7="23 0 0 0 0 0 23").items() if not k.startswith("R3.6.")},
            "R3.6": ZEROS,
        },
        "T3": "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
    },
    "2023": {
        "format": "2021",
        "T1": {"R1.1": "0 0 0", "R1.2": "", "R5.1": "2629", "R6.1": "1330", "R6.2": "54", "R8.1": "5949.088667"},
        "T2": _t2(R1="80 1 0 0 0 0 81", R3_1="22 0 0 0 0 0 22", R3_2="19 1 0 0 0 0 20", R3_3_4="1 0 0 0 0 0 1",
                  R3_3_6="1 0 0 0 0 0 1", R3_3_7="1 0 0 0 0 0 1", R3_3_8="2 0 0 0 0 0 2", R3_4_1="31 0 0 0 0 0 31",
                  R3_5_2="1 0 0 0 0 0 1", R3_6_1="1 0 0 0 0 0 1", R3_6_3="1 0 0 0 0 0 1", R3_7="80 1 0 0 0 0 81"),
        "T3": "1 1 0 0 2 4 0 0 1 5 1 0 1 0 2",
    },
    "2024": {
        "format": "2021",
        "T1": {"R1.1": "0 0 0", "R1.2": "", "R5.1": "4529", "R6.1": "1100", "R6.2": "65", "R8.1": "18651.06"},
        "T2": _t2(R1="217 1 0 0 0 0 218", R3_1="71 0 0 0 0 0 71", R3_2="29 0 0 0 0 0 29", R3_3_1="4 0 0 0 0 0 4",
                  R3_3_4="3 0 0 0 0 0 3", R3_3_5="32 0 0 0 0 0 32", R3_4_1="75 0 0 0 0 0 75",
                  R3_5_2="1 0 0 0 0 0 1", R3_6_1="1 0 0 0 0 0 1", R3_6_3="1 1 0 0 0 0 2",
                  R3_7="217 1 0 0 0 0 218"),
        "T3": "2 1 3 1 7 0 0 0 0 0 13 2 4 0 19",
    },
    "2025": {
        "format": "2021",
        "T1": {"R1.1": "0 0 0", "R1.2": "", "R5.1": "2418", "R6.1": "644", "R6.2": "64", "R8.1": "4166.241619"},
        "T2": _t2(R1="151 3 0 0 0 0 154", R3_1="33 0 0 0 0 0 33", R3_2="38 0 0 0 0 0 38", R3_3_5="3 0 0 0 0 0 3",
                  R3_3_6="2 0 0 0 0 0 2", R3_3_7="3 0 0 0 0 0 3", R3_3_8="3 0 0 0 0 0 3",
                  R3_4_1="49 1 0 0 0 0 50", R3_4_2="3 0 0 0 0 0 3", R3_5_1="2 0 0 0 0 0 2",
                  R3_6_1="8 0 0 0 0 0 8", R3_6_2="2 0 0 0 0 0 2", R3_6_3="1 0 0 0 0 0 1",
                  R3_7="147 1 0 0 0 0 148", R4="4 2 0 0 0 0 6"),
        "T3": "25 3 8 0 36 3 3 0 0 6 3 0 0 0 3",
    },
}

# Table 1 rows of 2-3 columns have no identity: their runs stay unread, with every candidate listed.
AMBIGUOUS = {
    "2019": [("规范性文件", "898989", 10), ("行政许可", "3960181", 11), ("其他对外管理服务事项", "100153", 4),
             ("行政处罚", "26480430", 16), ("行政强制", "126025", 7), ("行政事业性收费", "350", 2),
             ("政府集中采购", "13575394432.52元", 11)],
    "2023": [("行政规范性文件", "77132470", 21)],
    "2024": [("行政规范性文件", "6233440", 15)],
    "2025": [("行政规范性文件", "5845546", 15)],
}


def _doc(year: str):
    return read_path(next(PINGTAN.glob(f"{year}_*.txt")))


def _raw(row) -> str:
    return " ".join(cell.raw for cell in row.cells)


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_sections_found_mid_line_in_order(year):
    doc = _doc(year)
    assert [s.key for s in doc.sections] == ["一", "二", "三", "四", "五", "六"]
    assert [[t.id for t in s.tables] for s in doc.sections] == [[], ["T1"], ["T2"], ["T3"], [], []]
    assert doc.format == EXPECTED[year]["format"]
    assert doc.report_year == int(year)


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_every_cell_read_exactly(year):
    doc = _doc(year)
    expected = EXPECTED[year]
    for table_id in ("T1", "T2"):
        table = doc.table(table_id)
        assert {row.id: _raw(row) for row in table.rows} == expected[table_id], table_id
    assert _raw(doc.table("T3").row("R1")) == expected["T3"]


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_cell_spans_point_at_their_digits(year):
    doc = _doc(year)
    for table in doc.tables:
        for cell in table.cells():
            line = doc.lines[cell.span.line - 1]
            assert line[cell.span.column - 1:cell.span.end_column - 1] == cell.raw


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_ambiguous_runs_reported_not_guessed(year):
    doc = _doc(year)
    found = [p for p in doc.problems]
    assert [p.code for p in found] == ["P905"] * len(AMBIGUOUS[year])
    for problem, (label, run, count) in zip(found, AMBIGUOUS[year]):
        assert problem.message_en.startswith(f"Table row '{label}': the run '{run}' splits {count} ways (")
        assert problem.message_zh.startswith(f"表格行“{label}”的数字“{run}”没有分隔，可拆分方式不唯一（共 {count} 种：")


def test_the_2019_fee_message_lists_the_true_split():
    problems = {p.message_en.split("'")[1]: p for p in _doc("2019").problems}
    assert "135 | 75394432.52" in problems["政府集中采购"].message_en
    assert problems["行政事业性收费"].message_en.endswith("(3 | 50；35 | 0); not used.")


def test_group_label_repeated_across_a_page_break_loses_nothing():
    # 平潭 2019 prints "三、本年度办理结果（四）无法提供…" a second time: a group label, not a row.
    doc = _doc("2019")
    assert doc.lines[0].count("三、本年度办理结果") == 2
    assert not [p for p in doc.problems if p.code in ("P903", "P904")]
    assert _raw(doc.table("T2").row("R3.4.1")) == "7 0 0 0 0 0 7"


def test_heading_paragraph_split_keeps_the_body():
    doc = _doc("2023")
    general = doc.sections[0]
    assert general.heading.raw == "一、总体情况"
    assert general.paragraphs[0].raw.startswith("2023年，平潭综合实验区坚持")
    assert doc.sections[5].paragraphs[0].raw == "2023年，无收取信息处理费情况。"
