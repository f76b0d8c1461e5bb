"""The example third-party plugin (examples/govlint-plugin-example) installed and run for real.

It is installed the way a user installs a plugin, with pip, but into a private directory
(``pip install --target``) that only the subprocesses of these tests see through PYTHONPATH: the
rest of the suite keeps running without EX101, and the README's one-line test command needs
nothing more (pip builds the package offline with the setuptools of the test extras).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ecosystem.helpers import FAULTY

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "govlint-plugin-example"


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory) -> Path:
    """A directory holding the installed example plugin (package and dist-info with its entry point)."""
    work = tmp_path_factory.mktemp("example-plugin")
    source = work / "source"  # build from a copy so the checkout gets no build/ or egg-info debris
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    site = work / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--disable-pip-version-check", "--target", str(site), str(source)],
                   check=True, capture_output=True, text=True)
    assert (site / "govlint_plugin_example" / "title.py").is_file()
    return site


def govlint(site: Path | None, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if site is not None:
        env["PYTHONPATH"] = str(site)
    return subprocess.run([sys.executable, "-m", "govlint.cli", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=120)


def test_the_installed_plugin_is_listed_and_explained(plugin_site):
    rules = govlint(plugin_site, "rules")
    assert rules.returncode == 0, rules.stderr
    listed = [line.split()[:4] for line in rules.stdout.splitlines()]
    assert ["EX101", "example", "warning", "title-names-agency"] in listed
    explain = govlint(plugin_site, "explain", "title-names-agency")
    assert explain.returncode == 0
    assert explain.stdout.splitlines()[:2] == ["EX101 title-names-agency",
                                              "family: example    default severity: warning"]
    assert "F21 §二(一)" in explain.stdout


def test_its_finding_appears_in_govlint_check_next_to_the_built_in_ones(plugin_site, tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(FAULTY.replace("淮安市人民政府办公室2024年", "本局2024年", 1), encoding="utf-8")
    run = govlint(plugin_site, "check", "--format", "json", str(report))
    assert run.returncode == 1, run.stderr
    findings = [(f["code"], f["severity"], f["location"]["line"], f["message"]) for f in json.loads(run.stdout)
                if f["code"] in ("EX101", "A102", "A103")]
    assert findings == [
        ("EX101", "warning", 1, "标题中的发布机关写成了代称“本局”，应写明机关全称。"),
        ("A103", "error", 27, "（一）予以公开 总计：报告 2，各列之和 9 = 自然人 9（其余 5 项为 0）。"),
        ("A102", "error", 48, "（七）总计 自然人：报告 3，各项之和 10 = （一）予以公开 9 + 1.本机关不掌握相关政府信息 1（其余 19 项为 0）。"),
    ]
    # configuration treats the plugin's code like any other: ignore it by code or by its family
    (tmp_path / "govlint.toml").write_text('ignore = ["example"]\n', encoding="utf-8")
    run = govlint(plugin_site, "check", "--format", "json", str(report))
    assert "EX101" not in {f["code"] for f in json.loads(run.stdout)}


def test_without_the_plugin_there_is_no_ex101(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(FAULTY.replace("淮安市人民政府办公室2024年", "本局2024年", 1), encoding="utf-8")
    run = govlint(None, "check", "--format", "json", "--isolated", str(report))
    assert "EX101" not in {f["code"] for f in json.loads(run.stdout)}
    assert govlint(None, "check", str(report), "--select", "EX101").returncode == 2  # unknown code


def test_the_plugins_own_tests_pass(plugin_site):
    env = {**os.environ, "PYTHONPATH": str(plugin_site)}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests")],
                         capture_output=True, text=True, env=env, cwd=EXAMPLE, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "5 passed" in run.stdout
