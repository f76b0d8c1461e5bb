"""Shared inputs of the reporter tests: seed 001 (one blank cell, no publication date) and a
generated report with two arithmetic errors and a "/" cell, each run with a fixed --select so the
expected findings are exact whatever other rules exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.cli import main

from ..conftest import seed_path
from ..rules.reportgen import render_report

SEED_001 = seed_path("001")
SEED_001_SELECT = "A100,D306"  # T2/R3.4.2/C7 blank (warning), no publication date (info, line 1)
FAULTY_SELECT = "A"  # the arithmetic codes

# (code, severity, cell) of the generated faulty report under FAULTY_SELECT, in report order
FAULTY_FINDINGS = [
    ("A103", "error", "T2/R1/C7"),
    ("A100", "warning", "T2/R3.4.2/C3"),
    ("A101", "error", "T2/R3.7/C1"),
]


@pytest.fixture
def faulty(tmp_path: Path) -> Path:
    """新收 自然人 raised to 4 (so R1's total and the C1 balance fail) and a "/" cell."""
    path = tmp_path / "faulty.txt"
    path.write_text(render_report(t2={("R1", "C1"): 4, ("R3.4.2", "C3"): "/"}), encoding="utf-8")
    return path


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.txt"
    path.write_text(render_report(year=2023), encoding="utf-8")
    return path


def run(capsys, *args: str) -> tuple[int, str]:
    """``govlint check ARGS``: the exit code and stdout."""
    code = main(["check", *args])
    return code, capsys.readouterr().out
