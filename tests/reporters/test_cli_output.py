"""What every output format shares: the exit code (findings and --fail-on decide it, never the
format), ``--statistics``, and the progress bar that only a terminal's stderr ever sees."""

from __future__ import annotations

import io
import json
import re
import shutil
import sys

import pytest

from govlint.cli import main
from govlint.progress import MIN_FILES
from govlint.reporters import REPORTERS

from .conftest import FAULTY_SELECT, SEED_001, run


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_the_exit_code_does_not_depend_on_the_format(capsys, faulty, clean, fmt):
    def code(*args):
        return run(capsys, "--format", fmt, *args)[0]

    assert code("--select", FAULTY_SELECT, str(faulty)) == 1  # errors, default --fail-on error
    assert code("--select", FAULTY_SELECT, "--fail-on", "never", str(faulty)) == 0
    assert code("--select", "A100", str(faulty)) == 0  # a warning only
    assert code("--select", "A100", "--fail-on", "warning", str(faulty)) == 1
    assert code("--select", FAULTY_SELECT, str(clean)) == 0
    assert code("--select", FAULTY_SELECT, str(clean), str(clean.parent / "missing.txt")) == 2


def test_statistics_counts_each_code_most_frequent_first(capsys, faulty):
    code, out = run(capsys, "--statistics", "--select", FAULTY_SELECT, str(SEED_001), str(faulty))
    assert code == 1
    assert out.splitlines() == [
        "2\tA100\twarning\tmissing-cell",
        "1\tA101\terror  \ttable2-balance",
        "1\tA103\terror  \ttable2-row-total",
    ]


def test_statistics_as_json(capsys, faulty):
    code, out = run(capsys, "--statistics", "--format", "json", "--select", FAULTY_SELECT, str(SEED_001), str(faulty))
    assert code == 1
    assert json.loads(out) == [
        {"code": "A100", "name": "missing-cell", "severity": "warning", "count": 2},
        {"code": "A101", "name": "table2-balance", "severity": "error", "count": 1},
        {"code": "A103", "name": "table2-row-total", "severity": "error", "count": 1},
    ]


def test_statistics_of_a_clean_run_is_empty(capsys, clean):
    assert run(capsys, "--statistics", "--select", FAULTY_SELECT, str(clean)) == (0, "")


def test_statistics_refuses_machine_formats_it_cannot_fill(capsys, faulty):
    assert main(["check", "--statistics", "--format", "sarif", str(faulty)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--statistics prints text or json, not 'sarif'" in captured.err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _copies(directory, source, n):
    directory.mkdir()
    for i in range(n):
        shutil.copy(source, directory / f"{i:02d}.txt")
    return directory


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_progress_bar_on_a_terminal_stderr_for_many_files(capsys, monkeypatch, tmp_path, clean, fmt):
    reports = _copies(tmp_path / "many", clean, MIN_FILES)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code, out = run(capsys, "--format", fmt, "--select", FAULTY_SELECT, str(reports))
    assert code == 0
    bar = terminal.getvalue()
    assert f"0/{MIN_FILES}" in bar and "file" in bar
    assert "\r" not in out and "%|" not in out  # results stay clean
    if fmt == "json":
        assert json.loads(out) == []


def test_no_progress_bar_for_a_few_files_or_a_redirected_stderr(capsys, monkeypatch, tmp_path, clean):
    few = _copies(tmp_path / "few", clean, MIN_FILES - 1)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    run(capsys, "--select", FAULTY_SELECT, str(few))
    assert terminal.getvalue() == ""
    many = _copies(tmp_path / "many", clean, MIN_FILES + 1)
    piped = io.StringIO()  # not a terminal: a CI log, a pipe
    monkeypatch.setattr(sys, "stderr", piped)
    run(capsys, "--select", FAULTY_SELECT, str(many))
    assert piped.getvalue() == ""


def test_progress_bar_is_lifted_while_results_print(capsys, monkeypatch, tmp_path, faulty):
    """Text results on a terminal are printed between bar redraws, never inside one."""
    reports = _copies(tmp_path / "many", faulty, MIN_FILES)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code, out = run(capsys, "--select", "A101", "--color", "never", str(reports))
    assert code == 1
    assert [line.split(": ")[1][:4] for line in out.splitlines() if ": A" in line] == ["A101"] * MIN_FILES
    bar = terminal.getvalue()
    clears = re.findall(r"\r {20,}\r", bar)  # the bar line blanked out before each file's results
    assert len(clears) >= MIN_FILES
    assert bar.endswith(clears[-1])  # and gone at the end: the summary line stands alone
