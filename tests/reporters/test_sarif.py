"""``--format sarif``: valid SARIF 2.1.0 (the official schema, draft-04), with code-point columns,
the rules' own documentation, levels per docs/conventions.md, cell addresses and the
line-independent fingerprints."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from functools import cache

import jsonschema

from govlint.plugins import load_registry

from ..conftest import FIXTURES, SEEDS
from .conftest import FAULTY_FINDINGS, FAULTY_SELECT, SEED_001, SEED_001_SELECT, run


@cache
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    return jsonschema.Draft4Validator(schema)


def sarif(capsys, *args: str) -> tuple[int, dict]:
    code, out = run(capsys, "--format", "sarif", *args)
    log = json.loads(out)
    validator().validate(log)
    return code, log


def test_the_seeds_validate_against_the_official_schema_from_the_command_line():
    """The acceptance test of issue 6, through the installed entry point and every rule."""
    done = subprocess.run([sys.executable, "-m", "govlint.cli", "check", str(SEEDS), "--format", "sarif"],
                          capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode in (0, 1), done.stderr
    log = json.loads(done.stdout)
    errors = sorted(validator().iter_errors(log), key=str)
    assert not errors, errors[0].message
    run_ = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run_["columnKind"] == "unicodeCodePoints"
    blank = [r for r in run_["results"] if r["properties"].get("cell") == {"table": "T2", "row": "R3.4.2", "column": "C7"}]
    assert [r["ruleId"] for r in blank] == ["A100"]


def test_every_rule_is_described_by_its_own_metadata(capsys):
    _, log = sarif(capsys, "--select", SEED_001_SELECT, str(SEED_001))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    registry = load_registry()
    assert [r["id"] for r in rules] == [rule.code for rule in registry.every_rule]
    by_id = {r["id"]: r for r in rules}
    for rule in registry.every_rule:
        descriptor = by_id[rule.code]
        assert descriptor["name"] == rule.name
        assert descriptor["fullDescription"]["text"] == rule.documentation()
        assert descriptor["shortDescription"]["text"] == rule.summary()
        assert descriptor["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[rule.severity]
        assert descriptor["properties"]["family"] == rule.family


def test_results_carry_level_region_cell_and_rule_index(capsys, faulty, monkeypatch):
    monkeypatch.chdir(faulty.parent)
    code, log = sarif(capsys, "--select", FAULTY_SELECT, "faulty.txt")
    assert code == 1
    run_ = log["runs"][0]
    results = run_["results"]
    cells = ["{table}/{row}/{column}".format(**r["properties"]["cell"]) for r in results]
    assert [(r["ruleId"], r["level"], c) for r, c in zip(results, cells)] == FAULTY_FINDINGS
    rules = run_["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    slash = results[1]
    location = slash["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "faulty.txt", "uriBaseId": "%SRCROOT%"}
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == faulty.parent.resolve().as_uri() + "/"
    region = location["region"]
    line = faulty.read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    # code-point columns, end exclusive: exactly the "/" after a run of Chinese characters
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "/"
    assert region["endLine"] == region["startLine"]
    assert slash["properties"]["actual"] == "/"
    balance = results[2]
    assert (balance["properties"]["expected"], balance["properties"]["actual"]) == (4, 3)
    assert run_["invocations"][0]["executionSuccessful"] is True


def test_info_is_a_note_and_a_text_finding_has_no_cell(capsys):
    _, log = sarif(capsys, "--select", SEED_001_SELECT, str(SEED_001))
    results = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    assert results["D306"]["level"] == "note"
    assert "cell" not in results["D306"]["properties"]
    assert results["D306"]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert results["A100"]["level"] == "warning"


def test_partial_fingerprints_match_the_json_ones_and_survive_a_shifted_line(capsys, faulty, monkeypatch):
    monkeypatch.chdir(faulty.parent)
    _, before = sarif(capsys, "--select", FAULTY_SELECT, "faulty.txt")
    _, out = run(capsys, "--format", "json", "--select", FAULTY_SELECT, "faulty.txt")
    assert [r["partialFingerprints"]["govlint/v1"] for r in before["runs"][0]["results"]] == \
        [f["fingerprint"] for f in json.loads(out)]
    faulty.write_text("\n\n" + faulty.read_text(encoding="utf-8"), encoding="utf-8")
    _, after = sarif(capsys, "--select", FAULTY_SELECT, "faulty.txt")
    old, new = before["runs"][0]["results"], after["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in old] == [r["partialFingerprints"] for r in new]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] + 2 for r in old] == \
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in new]


def test_an_unreadable_file_is_a_parse_result_and_a_clean_run_has_no_results(capsys, tmp_path, clean):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, log = sarif(capsys, str(empty))
    assert code == 1
    assert [(r["ruleId"], r["level"]) for r in log["runs"][0]["results"]] == [("P901", "error")]
    code, log = sarif(capsys, "--select", FAULTY_SELECT, str(clean))
    assert (code, log["runs"][0]["results"]) == (0, [])


def test_a_file_that_could_not_be_opened_is_a_tool_notification():
    """Files whose I/O failed reach reporters as results with an ``error`` (e.g. from
    ``lint_paths``): the log says the run was not fully successful and stays valid."""
    from govlint.api import FileResult
    from govlint.reporters import Summary
    from govlint.reporters.sarif import SarifReporter

    out = io.StringIO()
    reporter = SarifReporter(out, rules=load_registry().every_rule)
    reporter.file(FileResult("reports/locked.txt", (), "Permission denied: reports/locked.txt"))
    reporter.finish(Summary(1, 1, {}, {}))
    log = json.loads(out.getvalue())
    validator().validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"] == "Permission denied: reports/locked.txt"
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "reports/locked.txt"
