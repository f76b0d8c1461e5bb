"""`govlint dump` on the five seeds: every Table 1/2/3 cell exactly as printed, the format, the
report year and the sections. Expected values are transcribed by hand (seed_expectations.py)."""

from __future__ import annotations

import json

import pytest

from govlint.cli import main
from govlint.tables import lexeme_of

from .conftest import SEEDS
from .seed_expectations import SEEDS as EXPECTED

T2_COLUMNS = ("C1", "C2", "C3", "C4", "C5", "C6", "C7")
T3_COLUMNS = tuple(f"{g}{i}" for g in "ABC" for i in range(1, 6))
T1_COLUMNS = ("C1", "C2", "C3")

SECTIONS = {
    "000_d01d2cbab1ffe994.txt": ["一", "二", "三", "四", "五", "六"],
    "001_b06d21084f014798.txt": ["一", "二", "三", "四", "五", "六"],
    "002_9bf3dd1d6b9a4ab2.txt": ["一", "二", "三", "四", "五", "六"],
    "003_15842fbe8c410670.txt": ["一", "二", "三", "四", "五", "六"],
    "004_4d220e2fb02edc16.txt": ["二", "三", "四", "五", "六"],  # "一、总体情况" is missing
}


def dump(name: str, capsys) -> dict:
    assert main(["dump", str(SEEDS / name)]) == 0
    return json.loads(capsys.readouterr().out)


def expected_value(raw: str):
    """What a printed cell means: the number, or None for a blank (missing, never 0)."""
    return lexeme_of(raw).value


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dump_reads_every_cell_as_printed(name, capsys):
    data = dump(name, capsys)
    expected = EXPECTED[name]
    assert data["format"] == expected["format"]
    assert data["year"]["value"] == expected["year"]
    tables = data["tables"]
    for table_id, columns in (("T1", T1_COLUMNS), ("T2", T2_COLUMNS)):
        got = {row: [cell["raw"] for cell in body["cells"].values()] for row, body in tables[table_id].items()}
        assert got == expected[table_id], table_id
        for row, raws in expected[table_id].items():
            cells = tables[table_id][row]["cells"]
            assert list(cells) == list(columns[: len(raws)])
            for column, raw in zip(columns, raws):
                assert cells[column]["value"] == expected_value(raw), (table_id, row, column)
                assert cells[column]["missing"] is (expected_value(raw) is None)
                assert cells[column]["line"] >= 1
    t3 = tables["T3"]["R1"]["cells"]
    assert [t3[c]["raw"] for c in T3_COLUMNS] == expected["T3"]


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_dump_lists_the_sections_found(name, capsys):
    data = dump(name, capsys)
    assert [s["key"] for s in data["sections"]] == SECTIONS[name]
    assert data["problems"] == []


def test_blank_cell_is_missing_with_its_raw_text_and_place(capsys):
    data = dump("001_b06d21084f014798.txt", capsys)
    cell = data["tables"]["T2"]["R3.4.2"]["cells"]["C7"]
    assert cell == {"value": None, "raw": "", "missing": True, "unit": None, "line": 166, "column": 1}


def test_cell_positions_point_at_the_printed_value(capsys):
    data = dump("000_d01d2cbab1ffe994.txt", capsys)
    cell = data["tables"]["T2"]["R1"]["cells"]["C7"]
    line = (SEEDS / "000_d01d2cbab1ffe994.txt").read_text(encoding="utf-8").splitlines()[cell["line"] - 1]
    assert line[cell["column"] - 1: cell["column"] + 1] == "72"


def test_traditional_seed_reads_like_the_others(capsys):
    data = dump("003_15842fbe8c410670.txt", capsys)
    assert data["title"]["value"] == "安康高新区2019年政府信息公开工作年度报告"
    assert data["title"]["raw"] == "安康高新區2019年政府信息公開工作年度報告"
    assert data["tables"]["T1"]["R9.1"]["cells"]["C2"]["value"] == 2191.563
    assert data["tables"]["T1"]["R9.1"]["cells"]["C2"]["unit"] == "万元"
    assert "R3.6" in data["tables"]["T2"] and "R3.6.1" not in data["tables"]["T2"]


@pytest.mark.parametrize(
    ("name", "published", "period"),
    [
        ("000_d01d2cbab1ffe994.txt", "2025-01-22", ("2024-01-01", "2024-12-31")),
        ("001_b06d21084f014798.txt", None, ("2024-01-01", "2024-12-31")),
        ("002_9bf3dd1d6b9a4ab2.txt", "2023-01-31", ("2022-01-01", "2022-12-31")),
        ("003_15842fbe8c410670.txt", "2020-02-13", ("2019-01-01", "2019-12-31")),
        ("004_4d220e2fb02edc16.txt", "2025-01-10", None),
    ],
)
def test_dump_gives_publication_date_and_period(name, published, period, capsys):
    data = dump(name, capsys)
    assert (data["publication_date"] or {}).get("value") == published
    got = (data["period"]["start"], data["period"]["end"]) if data["period"] else None
    assert got == period
