"""Baselines: today's findings are accepted, new ones are still reported, line shifts don't matter."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from govlint.api import lint_file
from govlint.baseline import Baseline, BaselineError
from govlint.config import Config
from govlint.plugins import load_registry
from tests.ecosystem.helpers import FAULTY, chdir, codes_at, run, run_json
from tests.ecosystem.test_suppress import ExamplePlugin
from tests.rules.reportgen import render_report

ROW_R36 = "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "govlint.toml").write_text("", encoding="utf-8")  # marks the project root
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.txt").write_text(FAULTY, encoding="utf-8")
    return tmp_path


def test_round_trip(project, capsys):
    report = project / "reports" / "r.txt"
    baseline = project / "baseline.json"
    code, out, err = run(capsys, "check", str(report), "--write-baseline", str(baseline))
    assert code == 0 and "A103" in out and err == f"govlint: recorded 2 finding(s) in {baseline}\n"
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["govlint-baseline"] == 1
    assert [(e["code"], e["path"], e["count"]) for e in data["findings"]] == [
        ("A102", "reports/r.txt", 1), ("A103", "reports/r.txt", 1)]  # sorted by path and code: stable diffs
    assert all(len(e["fingerprint"]) == 32 for e in data["findings"])

    # the baselined findings are gone
    assert run_json(capsys, str(report), "--baseline", str(baseline)) == (0, [])

    # a line inserted at the top shifts every line: still nothing resurfaces
    report.write_text("（征求意见稿）\n" + FAULTY, encoding="utf-8")
    assert codes_at(run_json(capsys, str(report), "--isolated")[1]) == [("A103", "T2/R3.1/C7"), ("A102", "T2/R3.7/C1")]
    assert run_json(capsys, str(report), "--baseline", str(baseline)) == (0, [])

    # a new defect is reported, the old ones are not
    report.write_text("（征求意见稿）\n" + FAULTY.replace(ROW_R36, "3.其他 | 0 | 0 | 0 | 0 | 0 | 1 | 0 |"), encoding="utf-8")
    code, findings = run_json(capsys, str(report), "--baseline", str(baseline))
    assert (code, codes_at(findings)) == (1, [("A103", "T2/R3.6.3/C7"), ("A102", "T2/R3.7/C6")])
    assert findings[0]["location"]["line"] == 48  # the new finding keeps its real position


def test_paths_are_relative_to_the_project_root_not_the_working_directory(project, capsys, tmp_path_factory):
    baseline = project / "baseline.json"
    with chdir(project):
        assert run(capsys, "check", "reports/r.txt", "--write-baseline", "baseline.json")[0] == 0
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    with chdir(elsewhere):
        assert run_json(capsys, str(project / "reports" / "r.txt"), "--baseline", str(baseline)) == (0, [])
    # the same report at another path in the project is another file
    (project / "reports" / "copy.txt").write_text(FAULTY, encoding="utf-8")
    findings = run_json(capsys, str(project / "reports"), "--baseline", str(baseline), "--select", "A1")[1]
    assert [(f["path"], f["code"]) for f in findings] == [(str(project / "reports" / "copy.txt"), "A103"),
                                                          (str(project / "reports" / "copy.txt"), "A102")]


def test_a_second_instance_of_a_baselined_finding_is_reported(tmp_path):
    """Count-aware: two identical sentences give one fingerprint; a baseline holding one of them
    lets exactly one through."""
    registry = load_registry([ExamplePlugin()])
    config = Config(select=("TS901",))
    report = tmp_path / "r.txt"
    report.write_text(render_report(sections={"六": "示例。"}), encoding="utf-8")
    baseline = Baseline(tmp_path)
    baseline.record(lint_file(report, config, registry))
    assert [e["count"] for e in baseline.entries.values()] == [1]
    baseline.save(tmp_path / "b.json")

    report.write_text(render_report(sections={"六": "示例。\n示例。"}), encoding="utf-8")
    result = lint_file(report, config, registry)
    assert [f.span.line for f in result.findings] == [61, 62]
    kept = Baseline.load(tmp_path / "b.json", tmp_path).filter(result)
    assert [(f.code, f.span.line) for f in kept.findings] == [("TS901", 62)]

    # recorded twice, both are accepted
    twice = Baseline(tmp_path)
    twice.record(result)
    assert [e["count"] for e in twice.entries.values()] == [2]
    assert twice.filter(result).findings == ()


@pytest.mark.parametrize(("content", "message"), [
    ("not json", "is not valid JSON"),
    ('{"findings": []}', "is not a govlint baseline (version 1)"),
    ('{"govlint-baseline": 1, "findings": [{"code": "A100"}]}', "is malformed"),
    ('{"govlint-baseline": 1, "findings": [{"fingerprint": "x", "count": 0}]}', "is malformed"),
])
def test_bad_baseline_files_exit_2(project, capsys, content, message):
    bad = project / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=re.escape(message)):
        Baseline.load(bad)
    code, out, err = run(capsys, "check", str(project / "reports"), "--baseline", str(bad))
    assert (code, out) == (2, "") and message in err


def test_missing_baseline_and_both_flags_are_usage_errors(project, capsys):
    code, out, err = run(capsys, "check", str(project), "--baseline", str(project / "none.json"))
    assert code == 2 and "cannot read baseline" in err
    code, out, err = run(capsys, "check", str(project), "--baseline", "a.json", "--write-baseline", "b.json")
    assert code == 2 and "not allowed with argument" in err


def test_json_output_carries_the_fingerprint(project, capsys):
    report = project / "reports" / "r.txt"
    before = [f["fingerprint"] for f in run_json(capsys, str(report))[1]]
    report.write_text("（征求意见稿）\n" + FAULTY, encoding="utf-8")
    after = run_json(capsys, str(report))[1]
    assert [f["location"]["line"] for f in after] == [28, 49]
    assert [f["fingerprint"] for f in after] == before
    run(capsys, "check", str(report), "--write-baseline", str(project / "b.json"))
    recorded = json.loads((project / "b.json").read_text(encoding="utf-8"))["findings"]
    assert sorted(e["fingerprint"] for e in recorded) == sorted(before)  # the same key in both files


def _docx(path: Path, paragraphs: list[str]) -> None:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)


def test_docx_text_findings_keep_their_fingerprint_when_paragraphs_move(tmp_path):
    """A DOCX cannot hold a comment and its findings point at paragraph ordinals: the engine
    anchors a text finding to its text, so a paragraph inserted above changes neither the
    fingerprint nor what a text suppression matches."""
    from govlint.config import Suppression
    from govlint.fingerprint import fingerprint

    registry = load_registry([ExamplePlugin()])
    config = Config(select=("TS901",))
    report = tmp_path / "r.docx"
    _docx(report, ["淮安市人民政府办公室2024年政府信息公开工作年度报告", "一、总体情况", "示例段落甲。", "示例段落乙。"])
    before = lint_file(report, config, registry)
    assert [(f.anchor, dict(f.span.origin)) for f in before.findings] == [
        ("示例段落甲。", {"paragraph": 3}), ("示例段落乙。", {"paragraph": 4})]
    _docx(report, ["淮安市人民政府办公室2024年政府信息公开工作年度报告", "一、总体情况", "新增一段。", "示例段落甲。", "示例段落乙。"])
    after = lint_file(report, config, registry)
    assert [dict(f.span.origin) for f in after.findings] == [{"paragraph": 4}, {"paragraph": 5}]
    assert [fingerprint(f, tmp_path) for f in after.findings] == [fingerprint(f, tmp_path) for f in before.findings]
    quiet = Config(select=("TS901",), suppressions=(Suppression(("TS901",), text="示例段落乙"),))
    assert [f.anchor for f in lint_file(report, quiet, registry).findings] == ["示例段落甲。"]
