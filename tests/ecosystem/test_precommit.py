"""The pre-commit hook (.pre-commit-hooks.yaml) run by pre-commit itself, on a temporary repository
of report drafts holding a clean and a faulty report.

pre-commit builds the hook's environment with ``pip install`` of this repository (``language:
python``), which needs PyPI for govlint's dependencies, and nothing else. It installs what is
committed: the test clones HEAD first, so uncommitted work in the checkout never leaks into it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.ecosystem.helpers import CLEAN, FAULTY

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow  # the first run builds a virtualenv with govlint in it


def test_hook_definition():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["entry"], h["language"], h["files"]) for h in hooks] == [
        ("govlint", "govlint check", "python", r"\.(docx|html?|txt|pdf)$")]


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    """(a clone of this repository at HEAD, a git repository of drafts, the environment)."""
    work = tmp_path_factory.mktemp("precommit")
    clone = work / "govlint"
    _git("clone", "--quiet", str(ROOT), str(clone), cwd=work)
    repo = work / "drafts"
    repo.mkdir()
    _git("init", "--quiet", cwd=repo)
    (repo / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (repo / "faulty.txt").write_text(FAULTY, encoding="utf-8")
    (repo / "notes.md").write_text("# not a report: the hook's `files` pattern skips it\n", encoding="utf-8")
    _git("add", ".", cwd=repo)
    env = {**os.environ, "PRE_COMMIT_HOME": str(work / "cache"), "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTHONPATH", None)
    return clone, repo, env


def try_repo(drafts, *files: str) -> subprocess.CompletedProcess:
    clone, repo, env = drafts
    executable = Path(sys.executable).with_name("pre-commit")
    command = [str(executable)] if executable.exists() else [shutil.which("pre-commit") or "pre-commit"]
    return subprocess.run([*command, "try-repo", str(clone), "govlint", "--verbose", "--files", *files],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def test_clean_report_passes(drafts):
    run = try_repo(drafts, "clean.txt", "notes.md")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "govlint" in run.stdout and "Passed" in run.stdout


def test_faulty_report_fails_with_its_findings(drafts):
    run = try_repo(drafts, "clean.txt", "faulty.txt")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Failed" in run.stdout
    assert "faulty.txt:27:47: A103 error （一）予以公开 总计：报告 2，各列之和 9 = 自然人 9（其余 5 项为 0）。 [T2/R3.1/C7]" in run.stdout
    assert "faulty.txt:48:9: A102 error" in run.stdout
    # no finding about the clean report (a cross-report finding on faulty.txt may name it)
    assert not [line for line in run.stdout.splitlines() if line.startswith("clean.txt:")]
