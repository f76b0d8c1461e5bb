"""``--format github``: workflow commands GitHub turns into annotations, parsed back."""

from __future__ import annotations

import io
import re

from govlint.api import FileResult
from govlint.finding import CellAddress, Finding
from govlint.model import Span
from govlint.reporters import Summary
from govlint.reporters.github import GithubReporter, escape_data, escape_property

from .conftest import FAULTY_FINDINGS, FAULTY_SELECT, SEED_001, SEED_001_SELECT, run

COMMAND = re.compile(r"^::(?P<name>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    for escaped, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def parse(out: str) -> list[dict]:
    commands = []
    for line in out.splitlines():
        match = COMMAND.match(line)
        assert match, line
        props = dict(item.split("=", 1) for item in match["props"].split(","))
        commands.append({"name": match["name"], **{k: unescape(v) for k, v in props.items()},
                         "message": unescape(match["message"])})
    return commands


def test_escaping_follows_the_runner_rules():
    assert escape_data("50% 完成\r\n第二行: a, b") == "50%25 完成%0D%0A第二行: a, b"
    assert escape_property("报告,2024:终稿%.txt") == "报告%2C2024%3A终稿%25.txt"


def test_each_finding_is_an_annotation_on_its_cell(capsys, faulty, monkeypatch):
    monkeypatch.chdir(faulty.parent)
    code, out = run(capsys, "--format", "github", "--select", FAULTY_SELECT, "faulty.txt")
    assert code == 1
    commands = parse(out)
    assert [(c["name"], c["title"]) for c in commands] == [
        ("error", "A103"), ("warning", "A100"), ("error", "A101")]
    assert [c["message"].split("]")[0].lstrip("[") for c in commands] == [cell for _, _, cell in FAULTY_FINDINGS]
    slash = commands[1]
    assert slash["file"] == "faulty.txt"
    line = faulty.read_text(encoding="utf-8").splitlines()[int(slash["line"]) - 1]
    assert line[int(slash["col"]) - 1] == "/"
    assert slash["endLine"] == slash["line"]
    assert "endColumn" not in slash  # a one-character span: col alone
    assert slash["message"].endswith("(missing-cell)")


def test_info_is_a_notice_with_an_inclusive_end_column(capsys):
    code, out = run(capsys, "--format", "github", "--select", SEED_001_SELECT, str(SEED_001))
    assert code == 0
    by_title = {c["title"]: c for c in parse(out)}
    notice = by_title["D306"]
    assert notice["name"] == "notice"
    # the title line, 23 characters: the span's exclusive end column 24 is GitHub's inclusive 23
    assert (notice["line"], notice["col"], notice["endColumn"]) == ("1", "1", "23")
    assert by_title["A100"]["name"] == "warning"


def test_special_characters_in_path_and_message_survive_the_round_trip():
    finding = Finding(code="Z999", rule="demo", family="format", severity="error",
                      message="收费 50%\n见第二行", span=Span(3, 2, 5, 1), cell=CellAddress("T1", "R8.1", "C1"),
                      path="reports/a,b:c.txt")
    out = io.StringIO()
    reporter = GithubReporter(out)
    reporter.file(FileResult("reports/a,b:c.txt", (finding,)))
    reporter.file(FileResult("reports/gone.txt", (), "No such file or directory: reports/gone.txt"))
    reporter.finish(Summary(2, 1, {}, {}))
    assert out.getvalue().splitlines()[0] == \
        "::error file=reports/a%2Cb%3Ac.txt,line=3,endLine=5,title=Z999::[T1/R8.1/C1] 收费 50%25%0A见第二行 (demo)"
    [annotation, io_error] = parse(out.getvalue())
    assert annotation["file"] == "reports/a,b:c.txt"
    assert annotation["message"] == "[T1/R8.1/C1] 收费 50%\n见第二行 (demo)"
    assert "col" not in annotation  # columns only for one-line spans
    assert (io_error["name"], io_error["file"]) == ("error", "reports/gone.txt")


def test_a_clean_run_prints_nothing(capsys, clean):
    assert run(capsys, "--format", "github", "--select", FAULTY_SELECT, str(clean)) == (0, "")
