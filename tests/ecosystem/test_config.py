"""Configuration files: discovery, every key, command-line overrides, and errors for typos."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.config import Suppression
from govlint.configfile import ConfigError, config_from_mapping, discover, find_config_file, load_config_file
from govlint.plugins import load_registry
from tests.ecosystem.helpers import CLEAN, FAULTY, chdir, codes_at, run, run_json
from tests.rules.reportgen import render_report

RULES = list(load_registry().rules)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with a faulty report in a subdirectory."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "faulty.txt").write_text(FAULTY, encoding="utf-8")
    return tmp_path


def parse(**keys):
    return config_from_mapping(keys, RULES, where="test")


# --- discovery -------------------------------------------------------------------------------

def test_found_by_walking_up_from_the_checked_file(project):
    (project / "govlint.toml").write_text('ignore = ["A103"]\n', encoding="utf-8")
    assert find_config_file(project / "reports" / "faulty.txt") == project / "govlint.toml"
    config = discover([project / "reports" / "faulty.txt"], RULES)
    assert config.ignore == ("A103",)
    assert config.root == str(project.resolve())


def test_pyproject_without_a_govlint_table_is_skipped(project):
    (project / "govlint.toml").write_text('lang = "en"\n', encoding="utf-8")
    (project / "reports" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config_file(project / "reports") == project / "govlint.toml"
    (project / "reports" / "pyproject.toml").write_text('[tool.govlint]\nlang = "zh"\n', encoding="utf-8")
    assert find_config_file(project / "reports") == project / "reports" / "pyproject.toml"
    assert load_config_file(project / "reports" / "pyproject.toml", RULES).lang == "zh"


def test_a_pyproject_that_never_names_govlint_is_passed_over_unparsed(project):
    """Not govlint's file: even invalid TOML there is no error, and the search goes on upward."""
    (project / "reports" / "pyproject.toml").write_text('[project\nname = "x"\n', encoding="utf-8")
    assert find_config_file(project / "reports") is None
    (project / "reports" / "pyproject.toml").write_text('[tool.govlint\nlang = "zh"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        find_config_file(project / "reports")


def test_govlint_toml_wins_over_pyproject_in_the_same_directory(project):
    (project / "govlint.toml").write_text('lang = "en"\n', encoding="utf-8")
    (project / "pyproject.toml").write_text('[tool.govlint]\nlang = "zh"\n', encoding="utf-8")
    assert discover([project / "reports"], RULES).lang == "en"


def test_falls_back_to_the_working_directory_then_defaults(tmp_path, project):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "govlint.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    with chdir(elsewhere):
        assert discover([project / "reports" / "faulty.txt"], RULES).fail_on == "warning"
    assert discover([], RULES, isolated=True).fail_on == "error"


# --- every key -------------------------------------------------------------------------------

def test_every_key_is_parsed_into_the_config():
    config = parse(**{
        "select": ["A1", "structure"], "extend-select": ["P9"], "ignore": ["A100", "table2-row-total"],
        "per-file-ignores": {"drafts/*.txt": ["A"]}, "severity": {"A102": "warning", "missing-cell": "info"},
        "fail-on": "warning", "lang": "en", "report-kind": "county",
        "deadlines": {"agency": "01-26", "county": "02-20", "aggregate": "03-20"}, "max-bytes": 1000, "time-budget": 2.5,
        "suppress": [{"code": "A100", "cell": "T2/R3.4.2/C7", "path": "a.pdf"},
                     {"codes": ["A101", "A102"], "text": "本机关不掌握"}],
    })
    assert config.select == ("A1", "structure")
    assert config.extend_select == ("P9",)
    assert config.ignore == ("A100", "table2-row-total")
    assert config.per_file_ignores == (("drafts/*.txt", ("A",)),)
    assert dict(config.severity) == {"A102": "warning", "missing-cell": "info"}
    assert (config.fail_on, config.lang, config.report_kind) == ("warning", "en", "county")
    assert config.options == {"deadlines": {"agency": (1, 26), "county": (2, 20), "aggregate": (3, 20)}, "max-bytes": 1000,
                              "time-budget": 2.5}
    assert config.suppressions == (Suppression(("A100",), cell="T2/R3.4.2/C7", path="a.pdf"),
                                   Suppression(("A101", "A102"), text="本机关不掌握"))
    by_code = {r.code: r for r in RULES}
    assert not config.enabled(by_code["A100"]) and not config.enabled(by_code["A103"])
    assert config.enabled(by_code["A101"]) and config.enabled(by_code["P901"])
    assert config.severity_of(by_code["A100"], "warning") == "info"


@pytest.mark.parametrize(("keys", "message"), [
    ({"selct": ["A1"]}, "test: unknown key 'selct'; did you mean 'select'?"),
    ({"ignore": ["a101"]}, "test: ignore: unknown rule code, name or family 'a101'; did you mean 'A101'?"),
    ({"ignore": ["A10O"]}, "unknown rule code, name or family 'A10O'; did you mean 'A10"),
    ({"ignore": "A100"}, "test: ignore: expected a list of strings, got 'A100'"),
    ({"extend-select": ["table2-balanse"]}, "did you mean 'table2-balance'?"),
    ({"per-file-ignores": {"*.pdf": ["Q1"]}}, "unknown rule code, name or family 'Q1'"),
    ({"severity": {"A"}}, "expected a table"),
    ({"severity": {"A1": "warning"}}, "unknown rule 'A1'"),
    ({"severity": {"A102": "warn"}}, "'warn' is not one of info, warning, error; did you mean 'warning'?"),
    ({"fail-on": "errors"}, "'errors' is not one of info, warning, error, never; did you mean 'error'?"),
    ({"lang": "cn"}, "'cn' is not one of zh, en"),
    ({"report-kind": "city"}, "'city' is not one of agency, township, county, prefecture, province, vertical"),
    ({"deadlines": {"agency": "02-30"}}, "agency: '02-30' is not a month and day like \"01-31\""),
    ({"deadlines": {"agencies": "01-31"}}, "did you mean 'agency'?"),
    ({"max-bytes": -1}, "max-bytes: expected a whole number >= 0 (0: no limit), got -1"),
    ({"time-budget": "10s"}, "time-budget: expected a number >= 0"),
    ({"suppress": [{"code": "A100"}]}, "exactly one of `cell`"),
    ({"suppress": [{"code": "A100", "cell": "R3.4.2"}]}, "is not an address like \"T2/R3.4.2/C7\""),
    ({"suppress": [{"cell": "T2/R1/C1"}]}, "each entry needs `code` or `codes`"),
    ({"suppress": [{"code": "A100", "text": "x", "paht": "a"}]}, "unknown key 'paht'; did you mean 'path'?"),
])
def test_bad_values_are_errors_with_a_suggestion(keys, message):
    with pytest.raises(ConfigError) as info:
        parse(**keys)
    assert message in str(info.value)


def test_invalid_toml_is_an_error(tmp_path):
    (tmp_path / "govlint.toml").write_text("select = [A1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config_file(tmp_path / "govlint.toml", RULES)


# --- through the command line ----------------------------------------------------------------

def test_cli_reads_the_file_and_flags_override_it(project, capsys):
    (project / "govlint.toml").write_text('ignore = ["A103"]\nlang = "en"\n', encoding="utf-8")
    report = str(project / "reports" / "faulty.txt")
    code, findings = run_json(capsys, report)
    assert (code, codes_at(findings)) == (1, [("A102", "T2/R3.7/C1")])
    assert findings[0]["message"].startswith("R3.7 total, C1 自然人: reported 3, sum of outcomes 10")  # lang = "en"
    code, findings = run_json(capsys, report, "--isolated")
    assert codes_at(findings) == [("A103", "T2/R3.1/C7"), ("A102", "T2/R3.7/C1")]
    assert findings[0]["message"].startswith("（一）予以公开 总计：报告 2")
    # --ignore adds to the file's list; --select replaces the file's select
    code, findings = run_json(capsys, report, "--ignore", "A102")
    assert (code, findings) == (0, [])
    code, findings = run_json(capsys, report, "--select", "A103")
    assert codes_at(findings) == []  # A103 selected but still ignored by the file


def test_cli_config_flag_names_the_file(project, capsys):
    other = project / "strict.toml"
    other.write_text('severity = { A102 = "info", A103 = "info" }\n', encoding="utf-8")
    report = str(project / "reports" / "faulty.txt")
    code, findings = run_json(capsys, report, "--config", str(other))
    assert code == 0  # both findings downgraded below fail-on = error
    assert [f["severity"] for f in findings] == ["info", "info"]
    other.write_text('fail-on = "info"\nseverity = { A102 = "info", A103 = "info" }\n', encoding="utf-8")
    assert run_json(capsys, report, "--config", str(other))[0] == 1
    assert run_json(capsys, report, "--config", str(other), "--fail-on", "never")[0] == 0


def test_cli_config_errors_exit_2_with_the_suggestion(project, capsys):
    (project / "govlint.toml").write_text('ignor = ["A103"]\n', encoding="utf-8")
    code, out, err = run(capsys, "check", str(project / "reports"))
    assert code == 2 and out == ""
    assert err == f"govlint: {project / 'govlint.toml'}: unknown key 'ignor'; did you mean 'ignore'?\n"
    code, out, err = run(capsys, "check", str(project / "reports"), "--config", str(project / "missing.toml"))
    assert code == 2 and "cannot read" in err
    code, out, err = run(capsys, "check", str(project / "reports"), "--isolated", "--ignore", "a100")
    assert code == 2 and "did you mean 'A100'?" in err


def test_max_bytes_from_the_file_limits_input(project, capsys):
    (project / "govlint.toml").write_text("max-bytes = 100\n", encoding="utf-8")
    code, findings = run_json(capsys, str(project / "reports"))
    assert (code, [f["code"] for f in findings]) == (1, ["P901"])
    (project / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (project / "govlint.toml").write_text("max-bytes = 0\n", encoding="utf-8")
    assert run_json(capsys, str(project / "clean.txt"))[1] == []


def test_deadlines_and_report_kind_reach_the_date_rule(tmp_path, capsys):
    """An agency report published 2025-01-28 is on time nationally (1月31日) but late under a
    local deadline of 01-26; as a county aggregate (due 02-20) it is on time again."""
    (tmp_path / "r.txt").write_text(render_report(published="2025-01-28"), encoding="utf-8")
    assert run_json(capsys, str(tmp_path / "r.txt"))[1] == []
    (tmp_path / "govlint.toml").write_text('[deadlines]\nagency = "01-26"\n', encoding="utf-8")
    findings = run_json(capsys, str(tmp_path / "r.txt"))[1]
    assert [(f["code"], f["message"]) for f in findings] == [
        ("D304", "发布日期 2025-01-28 晚于截止日期 2 天：部门报告（未发现汇总或本级政府字样），依配置应于2025年1月26日前发布。")]
    (tmp_path / "govlint.toml").write_text('report-kind = "county"\n[deadlines]\nagency = "01-26"\n', encoding="utf-8")
    assert run_json(capsys, str(tmp_path / "r.txt"))[1] == []
