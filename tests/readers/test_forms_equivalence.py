"""The same report in every form reads the same: for seeds 000 and 001 as a CMS web page, a Word
draft, a PDF (Table 2 split over two pages) and in GB18030 and UTF-16, ``govlint dump`` gives the
text seed's cell values and ``govlint check`` the text seed's findings (codes and cells).

The fixtures come from ``tests/fixtures/forms/make_forms.py``; their table values from the hand
transcription in ``seed_expectations.py``, so a reader that misplaces a value fails twice: against
the seed's dump and against the transcription.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from govlint.cli import main

from ..conftest import FIXTURES, seed_path
from ..seed_expectations import SEEDS as EXPECTED

FORMS = FIXTURES / "forms"
CASES = [
    (seed, form)
    for seed in ("000", "001")
    for form in ("html", "docx", "pdf", "gb18030.txt", "utf16.txt")
]
T3_COLUMNS = tuple(f"{g}{i}" for g in "ABC" for i in range(1, 6))


def _run(capsys, *argv: str):
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out)


def _cells(dump: dict) -> dict[tuple[str, str, str], tuple[object, bool, str]]:
    """(table, row, column) → (value, missing, raw without white space): a blank cell is "" as
    text and a no-break space as an HTML &nbsp;, both blank."""
    return {
        (table, row, column): (cell["value"], cell["missing"], cell["raw"].strip())
        for table, rows in dump["tables"].items()
        for row, content in rows.items()
        for column, cell in content["cells"].items()
    }


def _transcribed(seed: str) -> dict[tuple[str, str, str], str]:
    expected = EXPECTED[seed_path(seed).name]
    out = {}
    for table in ("T1", "T2"):
        for row, values in expected[table].items():
            for index, raw in enumerate(values, start=1):
                out[(table, row, f"C{index}")] = raw
    for column, raw in zip(T3_COLUMNS, expected["T3"]):
        out[("T3", "R1", column)] = raw
    return out


@pytest.mark.parametrize(("seed", "form"), CASES, ids=[f"{s}.{f}" for s, f in CASES])
def test_dump_gives_the_text_seeds_cells(capsys, seed, form):
    path = FORMS / f"{seed}.{form}"
    _, text_dump = _run(capsys, "dump", str(seed_path(seed)))
    _, form_dump = _run(capsys, "dump", str(path))
    assert _cells(form_dump) == _cells(text_dump)
    assert {key: raw for key, (_, _, raw) in _cells(form_dump).items()} == _transcribed(seed)
    for field in ("format", "year", "title", "agency", "publication_date"):
        text_value = text_dump[field]["value"] if isinstance(text_dump[field], dict) else text_dump[field]
        form_value = form_dump[field]["value"] if isinstance(form_dump[field], dict) else form_dump[field]
        assert form_value == text_value, field
    assert (form_dump["period"] or {}).get("start") == (text_dump["period"] or {}).get("start")
    assert (form_dump["period"] or {}).get("end") == (text_dump["period"] or {}).get("end")
    assert [s["key"] for s in form_dump["sections"]] == [s["key"] for s in text_dump["sections"]]
    assert [s["tables"] for s in form_dump["sections"]] == [s["tables"] for s in text_dump["sections"]]
    assert form_dump["problems"] == [] and text_dump["problems"] == []


@pytest.mark.parametrize(("seed", "form"), CASES, ids=[f"{s}.{f}" for s, f in CASES])
def test_check_gives_the_text_seeds_findings(capsys, seed, form):
    path = FORMS / f"{seed}.{form}"
    text_code, text_findings = _run(capsys, "check", "--format", "json", "--fail-on", "warning", str(seed_path(seed)))
    form_code, form_findings = _run(capsys, "check", "--format", "json", "--fail-on", "warning", str(path))

    def key(finding: dict) -> tuple[str, str]:
        cell = finding["cell"]
        return finding["code"], f"{cell['table']}/{cell['row']}/{cell['column']}" if cell else ""

    assert Counter(map(key, form_findings)) == Counter(map(key, text_findings))
    assert form_code == text_code


def test_seed_001_blank_cell_is_found_in_every_form(capsys):
    """The one defect of seed 001 (a blank 总计 cell, T2 R3.4.2 C7) survives each form as missing data."""
    for form in ("html", "docx", "pdf", "gb18030.txt", "utf16.txt"):
        _, findings = _run(capsys, "check", "--format", "json", str(FORMS / f"001.{form}"))
        blank = [f for f in findings if f["code"] == "A100"]
        assert [(f["cell"], f["actual"].strip()) for f in blank] == [
            ({"table": "T2", "row": "R3.4.2", "column": "C7"}, "")
        ], form
        assert "单元格为“空白”" in blank[0]["message"], form


def test_every_form_fixture_is_covered():
    made = sorted(p.name for p in Path(FORMS).iterdir() if p.is_file() and p.suffix != ".py")
    assert made == sorted(f"{seed}.{form}" for seed, form in CASES)
