"""Suppression: inline directives, per-file ignores, and ignores by cell address or text anchor."""

from __future__ import annotations

import html

import pytest

from govlint.api import lint_path, lint_text
from govlint.config import Config, Suppression
from govlint.rule import Rule, hookimpl
from govlint.suppress import Directive, directives
from tests.ecosystem.helpers import FAULTY, codes_at, run_json
from tests.rules.reportgen import render_report


class SaysExample(Rule):
    """Test rule: every paragraph that contains 示例 (a text finding without a cell)."""

    code = "TS901"
    name = "says-example"
    family = "format"
    severity = "warning"
    aliases = ("TS900",)

    def check(self, doc, ctx):
        for paragraph in doc.paragraphs():
            if "示例" in paragraph.text:
                yield ctx.report(zh="示例", en="example", span=paragraph.span)


class ExamplePlugin:
    @hookimpl
    def govlint_rules(self):
        return [SaysExample]


def found(text: str, config: Config | None = None) -> list[tuple[str, str | None, int]]:
    findings = lint_text(text, config=config, plugins=[ExamplePlugin()])
    return [(f.code, str(f.cell) if f.cell else None, f.span.line) for f in findings]


# FAULTY's findings, by line: A103 at T2/R3.1/C7 (line 27), A102 at T2/R3.7/C1 (line 48).
BOTH = [("A103", "T2/R3.1/C7", 27), ("A102", "T2/R3.7/C1", 48)]
# 六 keeps a fee statement so that F702 (fee-statement) stays silent: only TS901 is under test.
TWO_EXAMPLES = render_report(sections={"六": "本年度未收取信息处理费。示例段落一。\n示例段落　二。"})


def test_directive_syntax():
    lines = [
        "甲 | 1 | govlint: ignore[A100, F702]",
        "<!-- GOVLINT: ignore-file[P903] -->",
        "乙 govlint: ignore",
        "丙 govlint: ignore[]",  # names nothing
        "丁 govlint: ignored[A100] govlint: ignore-next-line[A100]",  # not directives
    ]
    assert directives(lines) == [
        Directive(1, False, ("A100", "F702")),
        Directive(2, True, ("P903",)),
        Directive(3, False, ()),
    ]


def test_the_report_as_generated_has_both_findings():
    assert found(FAULTY) == BOTH


def test_directive_in_a_table_row_silences_that_line_only():
    text = FAULTY.replace("（七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "（七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 | govlint: ignore[A102]")
    assert found(text) == BOTH[:1]
    other_code = FAULTY.replace("（七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "（七）总计 | 3 | 0 | 0 | 0 | 0 | 0 | 3 | govlint: ignore[A103]")
    assert found(other_code) == BOTH


def test_ignore_file_by_rule_name_or_prefix():
    text = FAULTY.replace("2024年，本机关未收取信息处理费。", "2024年，本机关未收取信息处理费。govlint: ignore-file[table2-outcome-total]")
    assert found(text) == BOTH[:1]
    text = FAULTY.replace("2024年，本机关未收取信息处理费。", "2024年，本机关未收取信息处理费。govlint: ignore-file[A1]")
    assert found(text) == []


def test_bare_directive_and_alias_on_a_text_line():
    assert found(TWO_EXAMPLES) == [("TS901", None, 61), ("TS901", None, 62)]
    assert found(TWO_EXAMPLES.replace("示例段落一。", "示例段落一。govlint: ignore")) == [("TS901", None, 62)]
    # a former code (alias) still works, as a renamed rule keeps users' directives valid
    assert found(TWO_EXAMPLES.replace("示例段落　二。", "示例段落　二。govlint: ignore[TS900]")) == [("TS901", None, 61)]


def test_per_file_ignores_by_glob(tmp_path):
    for folder in ("drafts", "final"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "r.txt").write_text(FAULTY, encoding="utf-8")
    config = Config(per_file_ignores=(("drafts/*.txt", ("A103",)),), root=str(tmp_path))
    assert [f.code for f in lint_path(tmp_path / "drafts" / "r.txt", config=config)] == ["A102"]
    assert [f.code for f in lint_path(tmp_path / "final" / "r.txt", config=config)] == ["A103", "A102"]
    by_name = Config(per_file_ignores=(("r.txt", ("arithmetic",)),), root=str(tmp_path))  # no "/": the file name
    assert lint_path(tmp_path / "final" / "r.txt", config=by_name) == []


@pytest.mark.parametrize(("entry", "left"), [
    (Suppression(("A102",), cell="T2/R3.7/C1"), BOTH[:1]),
    (Suppression(("A102", "A103"), cell="T2/R3.*/C*"), []),
    (Suppression(("A101",), cell="T2/R3.7/C1"), BOTH),  # another code: kept
    (Suppression(("A102",), cell="T2/R3.7/C2"), BOTH),  # another cell: kept
    (Suppression(("A102",), cell="T2/R3.7/C1", path="other.txt"), BOTH),  # another file: kept
    (Suppression(("A102",), cell="T2/R3.7/C1", path="*.txt"), BOTH[:1]),
])
def test_config_ignore_by_cell_address(tmp_path, entry, left):
    report = tmp_path / "r.txt"
    report.write_text(FAULTY, encoding="utf-8")
    findings = lint_path(report, config=Config(suppressions=(entry,), root=str(tmp_path)))
    assert [(f.code, str(f.cell), f.span.line) for f in findings] == left


def test_config_ignore_by_quoted_text_anchor():
    # matched after normalisation: the full-width space and punctuation do not matter
    config = Config(suppressions=(Suppression(("says-example",), text="示例段落 二"),))
    assert found(TWO_EXAMPLES, config) == [("TS901", None, 61)]
    config = Config(suppressions=(Suppression(("TS901",), text="本机关未收取"),))
    assert found(TWO_EXAMPLES, config) == [("TS901", None, 61), ("TS901", None, 62)]


def test_suppress_entry_in_a_config_file_through_the_cli(tmp_path, capsys):
    (tmp_path / "r.txt").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "govlint.toml").write_text(
        '[[suppress]]\ncode = "A103"\ncell = "T2/R3.1/C7"\npath = "r.txt"\n', encoding="utf-8")
    code, findings = run_json(capsys, str(tmp_path / "r.txt"))
    assert (code, codes_at(findings)) == (1, [("A102", "T2/R3.7/C1")])


def _as_html(text: str, directive_after: str | None = None) -> str:
    """The report as an HTML page, one table row per source line; the directive comment follows
    the ``<tr>`` of the row starting with ``directive_after``, on the same line."""
    out = ["<html><body><div>"]
    in_table = False
    for line in text.splitlines():
        if "|" not in line:
            out.extend(["</table>"] if in_table else [])
            in_table = False
            out.append(f"<p>{html.escape(line)}</p>")
            continue
        out.extend([] if in_table else ["<table>"])
        in_table = True
        cells = [c.strip() for c in line.rstrip("| ").split("|")]
        comment = " <!-- govlint: ignore[A102] -->" if directive_after and line.startswith(directive_after) else ""
        out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>" + comment)
    out.append("</div></body></html>")
    return "\n".join(out)


def test_html_comment_directive(tmp_path):
    pytest.importorskip("govlint.readers.html", reason="the HTML reader is not installed")
    page = tmp_path / "r.html"
    page.write_text(_as_html(FAULTY), encoding="utf-8")
    assert [(f.code, str(f.cell)) for f in lint_path(page)] == [("A103", "T2/R3.1/C7"), ("A102", "T2/R3.7/C1")]
    page.write_text(_as_html(FAULTY, directive_after="（七）总计"), encoding="utf-8")
    assert [(f.code, str(f.cell)) for f in lint_path(page)] == [("A103", "T2/R3.1/C7")]


def test_configuration_ignores_apply_to_findings_across_reports(tmp_path, capsys):
    """Two copies of one report: the corpus rule K804 reports the duplicate. Per-file ignores and
    suppress entries in the configuration silence it like any finding."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(FAULTY, encoding="utf-8")
    (tmp_path / "govlint.toml").write_text('select = ["K804"]\n', encoding="utf-8")
    findings = run_json(capsys, str(tmp_path))[1]
    assert [(f["code"], f["path"]) for f in findings] == [("K804", str(tmp_path / "b.txt"))]
    (tmp_path / "govlint.toml").write_text('select = ["K804"]\n[per-file-ignores]\n"b.txt" = ["corpus"]\n',
                                           encoding="utf-8")
    assert run_json(capsys, str(tmp_path))[1] == []
    (tmp_path / "govlint.toml").write_text('select = ["K804"]\n[[suppress]]\ncode = "K804"\ncell = "T2/*/*"\n',
                                           encoding="utf-8")
    assert len(run_json(capsys, str(tmp_path))[1]) == 1  # a cell entry does not match a finding without a cell
