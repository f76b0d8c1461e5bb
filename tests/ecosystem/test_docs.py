"""The documentation cannot drift: the rule reference is generated, the configuration reference
lists exactly the keys the loader knows, the JSON contract lists exactly the keys findings have,
and the Python examples run."""

from __future__ import annotations

import importlib.util
import os
import re
import tomllib
from pathlib import Path

import pytest

from govlint.cli import main
from govlint.config import Config
from govlint.configfile import KEYS, config_from_mapping
from govlint.plugins import load_registry
from tests.ecosystem.helpers import FAULTY, chdir, run_json

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
EXAMPLE = ROOT / "examples" / "govlint-plugin-example"


def _doc(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.S | re.M)


def _table_keys(text: str, heading: str) -> list[str]:
    """The backticked first column of the first table after ``heading``."""
    section = text.split(heading, 1)[1]
    table = re.search(r"^\|.*?(?=^\s*$)", section, flags=re.S | re.M).group(0)
    return re.findall(r"^\| `([^`]+)` \|", table, flags=re.M)


def test_every_document_exists():
    for name in ("getting-started.md", "configuration.md", "rules.md", "plugins.md", "python-api.md", "json.md"):
        assert (DOCS / name).stat().st_size > 1000, name


def test_rules_md_is_generated_from_the_rules():
    spec = importlib.util.spec_from_file_location("generate_rules", DOCS / "generate_rules.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    expected = generator.builtin_markdown()
    assert _doc("rules.md") == expected, "docs/rules.md is out of date: run `python docs/generate_rules.py`"
    import govlint_rules

    for rule in load_registry([govlint_rules], entry_points=False).every_rule:
        assert f"\n### {rule.code} {rule.name}\n" in expected
        assert rule.documentation() in expected


def test_rules_markdown_from_the_cli_covers_every_installed_rule(capsys):
    assert main(["rules", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Rule reference\n")
    headings = re.findall(r"^### (\S+) (\S+)$", out, flags=re.M)
    assert headings and sorted(headings) == sorted((r.code, r.name) for r in load_registry().every_rule)


def test_configuration_reference_lists_exactly_the_known_keys():
    assert sorted(_table_keys(_doc("configuration.md"), "## Keys")) == sorted(KEYS)


def test_configuration_examples_are_valid(tmp_path):
    rules = list(load_registry().every_rule)
    blocks = _blocks(_doc("configuration.md"), "toml")
    assert len(blocks) >= 2
    for block in blocks:
        config_from_mapping(tomllib.loads(block), rules, where="docs/configuration.md")


def test_the_first_configuration_example_works_through_the_cli(tmp_path, capsys):
    (tmp_path / "govlint.toml").write_text(_blocks(_doc("configuration.md"), "toml")[0], encoding="utf-8")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "r.txt").write_text(FAULTY, encoding="utf-8")
    code, findings = run_json(capsys, str(tmp_path / "archive" / "r.txt"))
    assert [f["code"] for f in findings] == ["A103", "A102"]  # D/C4 ignored there; arithmetic kept


def test_json_contract_lists_exactly_the_keys_of_a_finding(capsys):
    text = _doc("json.md")
    always, optional = _table_keys(text, "## Keys"), _table_keys(text, "Present only when they apply:")
    code, findings = run_json(capsys, str(ROOT / "govlint" / "samples" / "qianjiang_2024.txt"), "--isolated")
    assert findings
    for finding in findings:
        assert set(always) <= set(finding) <= set(always) | set(optional)
    assert sorted(optional) == ["origin", "related"]


def _printed(block: str) -> list[str]:
    """The output an example promises: the comment after a ``print(...)`` on its line, or on the
    line right after it."""
    lines = block.splitlines()
    expected = []
    for i, line in enumerate(lines):
        if re.search(r"\bprint\(", line) and "  # " in line:
            expected.append(line.split("  # ", 1)[1].strip())
        elif line.startswith("# ") and i and re.search(r"\bprint\(", lines[i - 1]):
            expected.append(line[2:].strip())
    return expected


@pytest.mark.parametrize("index", range(len(_blocks((DOCS / "python-api.md").read_text(encoding="utf-8"), "python"))))
def test_python_api_examples_run(index, capsys):
    block = _blocks(_doc("python-api.md"), "python")[index]
    with chdir(ROOT):
        exec(compile(block, f"docs/python-api.md[{index}]", "exec"), {})
    out = capsys.readouterr().out
    for expected in _printed(block):
        assert expected in out


def test_plugin_walkthrough_quotes_the_example():
    text = _doc("plugins.md")
    hook = _blocks(text, "python")[0]
    assert hook.strip() in (EXAMPLE / "src" / "govlint_plugin_example" / "__init__.py").read_text(encoding="utf-8")
    pyproject = (EXAMPLE / "pyproject.toml").read_text(encoding="utf-8")
    for line in _blocks(text, "toml")[0].strip().splitlines():
        assert line in pyproject
    rule_source = (EXAMPLE / "src" / "govlint_plugin_example" / "title.py").read_text(encoding="utf-8")
    for line in ('    code = "EX101"', '    name = "title-names-agency"', '    family = "example"',
                 '    severity = "warning"'):
        assert line in _blocks(text, "python")[1] and line in rule_source
    assert os.path.isfile(EXAMPLE / "tests" / "test_title_names_agency.py")


def test_the_suppress_example_silences_the_samples_narrative_finding():
    """configuration.md's [[suppress]] example, on the sample report: the N603 sentence anchor
    matches; the A100 entry is limited to 2024/*.pdf, so the sample's A100 stays."""
    from govlint.api import lint_path

    block = next(b for b in _blocks(_doc("configuration.md"), "toml") if "[[suppress]]" in b)
    config = config_from_mapping(tomllib.loads(block), list(load_registry().every_rule), root=str(ROOT))
    sample = ROOT / "govlint" / "samples" / "qianjiang_2024.txt"
    before = [f.code for f in lint_path(sample, config=Config(root=str(ROOT)))]
    after = [f.code for f in lint_path(sample, config=config)]
    assert "N603" in before and "A100" in before
    assert after == [code for code in before if code != "N603"]
