"""The command line: check, rules, explain, dump; output formats text and json; exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from govlint.cli import main

from .conftest import SEEDS, seed_path

JSON_KEYS = {"path", "code", "rule", "family", "severity", "message", "location", "end_location", "cell",
             "expected", "actual"}


def run_json(capsys, *args: str) -> tuple[int, list[dict]]:
    code = main(["check", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_json_contract_for_the_blank_cell_of_seed_001(capsys):
    code, findings = run_json(capsys, "--select", "A100", str(seed_path("001")))
    assert code == 0  # a warning does not fail the default --fail-on error
    assert len(findings) == 1
    finding = findings[0]
    assert JSON_KEYS <= set(finding)
    assert finding["code"] == "A100"
    assert finding["rule"] == "missing-cell"
    assert finding["family"] == "arithmetic"
    assert finding["severity"] == "warning"
    assert finding["cell"] == {"table": "T2", "row": "R3.4.2", "column": "C7"}
    assert finding["location"] == {"line": 166, "column": 1}
    assert finding["path"].endswith("001_b06d21084f014798.txt")
    assert "2.没有现成信息需要另行制作" in finding["message"]
    assert "T2-COL" in finding["message"] and "T2-TOT" in finding["message"]


def test_no_arithmetic_finding_where_the_seeds_balance(capsys):
    code, findings = run_json(capsys, "--select", "arithmetic", str(SEEDS))
    assert [(f["code"], f["cell"]) for f in findings] == [
        ("A100", {"table": "T2", "row": "R3.4.2", "column": "C7"})
    ]


def test_fail_on_warning_turns_the_warning_into_exit_1(capsys):
    assert main(["check", "--select", "A100", "--fail-on", "warning", str(seed_path("001"))]) == 1
    assert "A100" in capsys.readouterr().out


def test_english_messages_on_request(capsys):
    code, findings = run_json(capsys, "--select", "A100", "--lang", "en", str(seed_path("001")))
    assert findings[0]["message"].startswith("T2/R3.4.2/C7: the cell is '', missing data")


def test_text_output_has_position_code_and_caret_under_the_cell(capsys):
    main(["check", "--select", "A100", str(seed_path("001"))])
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{seed_path('001')}:166:1: A100 warning ")
    assert out[0].endswith("[T2/R3.4.2/C7]")
    assert out[1] == "    | ||"
    assert out[2] == "    ^"
    assert out[-1] == "共检查 1 个文件，发现 1 个问题（警告 1）"


def test_an_arithmetic_error_exits_1_and_names_every_addend(tmp_path, capsys):
    text = seed_path("000").read_text(encoding="utf-8").replace(
        "(七)总计 | 75 | 2 |", "(七)总计 | 74 | 2 |")
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    code, findings = run_json(capsys, "--select", "A101,A102,A103", str(report))
    assert code == 1
    got = {(f["code"], f["cell"]["row"], f["cell"]["column"]): f for f in findings}
    assert set(got) == {("A101", "R3.7", "C1"), ("A102", "R3.7", "C1"), ("A103", "R3.7", "C7")}
    balance = got[("A101", "R3.7", "C1")]
    assert (balance["expected"], balance["actual"]) == (77, 76)
    assert balance["message"] == "C1 自然人：新收+上年结转=77（70+7），办理结果总计+结转下年度=76（74+2），两者应相等。"
    total = got[("A102", "R3.7", "C1")]
    assert (total["expected"], total["actual"]) == (75, 74)
    assert "（一）予以公开 23" in total["message"] and "3.其他 16" in total["message"]
    row = got[("A103", "R3.7", "C7")]
    assert (row["expected"], row["actual"]) == (76, 77)


def test_rules_lists_codes_families_and_severities(capsys):
    assert main(["rules", "--format", "json"]) == 0
    rules = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    assert rules["A101"]["name"] == "table2-balance"
    assert rules["A101"]["family"] == "arithmetic"
    assert rules["A101"]["severity"] == "error"
    assert rules["P903"]["family"] == "parse"
    assert list(rules) == sorted(rules)


def test_explain_prints_the_rule_documentation(capsys):
    assert main(["explain", "table2-balance"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("A101 table2-balance\nfamily: arithmetic    default severity: error\n")
    assert "第一项加第二项之和" in out and "T2-BAL: R1 + R2 = R3.7 + R4" in out


def test_explain_unknown_code_suggests_and_exits_2(capsys):
    assert main(["explain", "A11"]) == 2
    assert "unknown rule 'A11'" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["check"], ["check", "--format", "yaml", "x"], ["check", "--select", "Q999", "x"]])
def test_usage_errors_exit_2(args, capsys, tmp_path):
    args = [str(tmp_path / "r.txt") if a == "x" else a for a in args]
    (tmp_path / "r.txt").write_text("一、总体情况\n", encoding="utf-8")
    assert main(args) == 2


def test_missing_file_is_an_io_error_exit_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_the_installed_command_runs_on_the_bundled_sample():
    proc = subprocess.run([sys.executable, "-m", "govlint.cli", "check", "govlint/samples/qianjiang_2024.txt",
                           "--select", "A100"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "A100" in proc.stdout and proc.stderr == ""
