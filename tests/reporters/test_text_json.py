"""The two original output formats, read back: the text lines name the same findings, at the same
places, as the JSON array, and the caret stands under the right character."""

from __future__ import annotations

import json
import re

from .conftest import FAULTY_FINDINGS, FAULTY_SELECT, SEED_001, SEED_001_SELECT, run

TEXT_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>[A-Z]+\d+) (?P<severity>error|warning|info) "
                       r"(?P<message>.*?)(?: \[(?P<cell>T\d/[^\]]+)\])?$")


def _json(capsys, *args):
    code, out = run(capsys, "--format", "json", *args)
    return code, json.loads(out)


def test_json_parses_back_with_every_field(capsys, faulty):
    code, findings = _json(capsys, "--select", FAULTY_SELECT, str(faulty))
    assert code == 1
    assert [(f["code"], f["severity"], "{table}/{row}/{column}".format(**f["cell"])) for f in findings] == FAULTY_FINDINGS
    balance = findings[2]
    assert balance["rule"] == "table2-balance" and balance["family"] == "arithmetic"
    assert (balance["expected"], balance["actual"]) == (4, 3)
    assert balance["path"] == str(faulty)
    assert balance["location"]["line"] < balance["end_location"]["line"] + 1
    # the slash cell: its position is the "/" itself in the source line
    slash = findings[1]
    line = faulty.read_text(encoding="utf-8").splitlines()[slash["location"]["line"] - 1]
    assert line[slash["location"]["column"] - 1] == "/"
    assert slash["actual"] == "/"


def test_json_of_a_clean_run_is_an_empty_array(capsys, clean):
    code, findings = _json(capsys, "--select", FAULTY_SELECT, str(clean))
    assert (code, findings) == (0, [])


def test_text_names_the_same_findings_as_json(capsys, faulty):
    _, findings = _json(capsys, "--select", FAULTY_SELECT, str(faulty))
    code, out = run(capsys, "--select", FAULTY_SELECT, "--color", "never", str(faulty))
    assert code == 1
    parsed = [m.groupdict() for m in map(TEXT_LINE.match, out.splitlines()) if m]
    assert [(p["path"], int(p["line"]), int(p["column"]), p["code"], p["severity"], p["message"], p["cell"])
            for p in parsed] == [
        (f["path"], f["location"]["line"], f["location"]["column"], f["code"], f["severity"], f["message"],
         "{table}/{row}/{column}".format(**f["cell"]))
        for f in findings
    ]
    assert out.splitlines()[-1] == "共检查 1 个文件，发现 3 个问题（错误 2，警告 1）"


def test_text_caret_stands_under_the_cell_with_full_width_padding(capsys, faulty):
    code, out = run(capsys, "--select", "A100", "--color", "never", str(faulty))
    lines = out.splitlines()
    head = TEXT_LINE.match(lines[0])
    source, caret = lines[1][4:], lines[2][4:]
    assert source == faulty.read_text(encoding="utf-8").splitlines()[int(head["line"]) - 1]
    column = int(head["column"])
    assert source[column - 1] == "/"
    # "2.没有现成信息需要另行制作 | 0 | 0 | /": 2 narrow, 12 wide, 11 narrow characters, then the caret
    assert caret == "  " + "\u3000" * 12 + " " * 11 + "^"


def test_text_summary_in_english(capsys):
    code, out = run(capsys, "--select", SEED_001_SELECT, "--lang", "en", str(SEED_001))
    assert code == 0
    assert out.splitlines()[-1] == "Found 2 finding(s) in 1 file(s) (1 info, 1 warning)"


def test_text_colour_only_when_asked(capsys, faulty):
    _, plain = run(capsys, "--select", FAULTY_SELECT, "--color", "never", str(faulty))
    _, coloured = run(capsys, "--select", FAULTY_SELECT, "--color", "always", str(faulty))
    assert "\033[" not in plain
    assert "\033[31merror\033[0m" in coloured and "\033[33mwarning\033[0m" in coloured
    assert re.sub(r"\033\[\d+m", "", coloured) == plain


def test_a_long_source_line_is_shown_as_a_window_around_the_finding():
    from govlint.reporters.text import caret_line, source_window

    line = "甲" * 200 + "乙" + "丙" * 200
    shown, column = source_window(line, 201)
    assert shown == "…" + "甲" * 30 + "乙" + "丙" * 49 + "…"
    assert shown[column - 1] == "乙"
    assert caret_line(shown, column) == " " + "\u3000" * 30 + "^^"  # a wide character takes two columns
    assert source_window("短行", 2) == ("短行", 2)


def test_carets_cover_the_screen_width_of_what_they_mark():
    from govlint.reporters.text import caret_line

    assert caret_line("标题2024年", 3, 5) == "\u3000\u3000^^^^^^"  # "2024" four narrow, "年" wide
    assert caret_line("| ||", 1) == "^"
