"""Shared helpers of the ecosystem tests: run the CLI in a directory and parse its JSON."""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path

from govlint.cli import main
from tests.rules.reportgen import render_report

# A 2021 report whose Table 2 has two arithmetic errors: （一）予以公开 自然人 9 breaks the row
# total (A103 at T2/R3.1/C7) and the column total (A102 at T2/R3.7/C1).
FAULTY = render_report(t2={("R3.1", "C1"): 9})
CLEAN = render_report()


@contextmanager
def chdir(path: Path):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str) -> tuple[int, list[dict]]:
    code, out, err = run(capsys, "check", "--format", "json", *argv)
    assert out, err
    return code, json.loads(out)


def codes_at(findings: list[dict]) -> list[tuple[str, str | None]]:
    """(code, cell address) of each finding, in output order."""
    return [(f["code"], "/".join(f["cell"].values()) if f["cell"] else None) for f in findings]
