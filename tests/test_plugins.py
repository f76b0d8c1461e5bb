"""Rules are plugins: a third-party rule registered from outside `rules/` runs; one that raises
becomes an internal finding while the other rules still run."""

from __future__ import annotations

import sys
import textwrap

import pytest

import govlint
from govlint.plugins import load_registry
from govlint.rule import Rule, hookimpl

from .conftest import seed_path


class TitleNamesAgency(Rule):
    """Test rule: reports the title it found."""

    code = "ZZ101"
    name = "zz-title"
    family = "structure"
    severity = "info"

    def check(self, doc, ctx):
        if doc.title:
            yield ctx.report(zh=f"标题：{doc.title.value}", en=f"title: {doc.title.value}", span=doc.title.span)


class Crashes(Rule):
    """Test rule that always raises."""

    code = "ZZ102"
    name = "zz-crash"
    family = "structure"
    severity = "error"

    def check(self, doc, ctx):
        raise RuntimeError("boom")


class Plugin:
    def __init__(self, *rules):
        self.rules = rules

    @hookimpl
    def govlint_rules(self):
        return list(self.rules)


def test_a_third_party_rule_runs_and_reports():
    findings = govlint.lint_path(seed_path("001"), plugins=[Plugin(TitleNamesAgency)])
    mine = [f for f in findings if f.code == "ZZ101"]
    assert [(f.message, f.span.line, f.span.column) for f in mine] == [("标题：重庆市黔江区2024年政府信息公开工作年度报告", 1, 1)]


def test_a_crashing_rule_becomes_an_internal_finding_and_others_still_run():
    findings = govlint.lint_path(seed_path("001"), plugins=[Plugin(Crashes, TitleNamesAgency)])
    codes = [f.code for f in findings]
    [internal] = [f for f in findings if f.code == "X001"]
    assert internal.family == "internal" and internal.severity == "error"
    assert "ZZ102" in internal.message and "RuntimeError: boom" in internal.message
    assert "ZZ101" in codes and "A100" in codes  # the third-party rule and the built-in pack both ran


class ChangesOptions(Rule):
    """Test rule: changes its options and reports what it was given."""

    code = "ZZ103"
    name = "zz-options"
    family = "structure"
    severity = "info"

    def check(self, doc, ctx):
        given = sorted(ctx.options.items())
        ctx.options["report_kind"] = "township"
        ctx.options["added"] = True
        yield ctx.report(zh=str(given), en=str(given))


def test_a_rule_changes_only_its_own_copy_of_the_options():
    config = govlint.Config(options={"time-budget": 0})
    first, second = (govlint.lint_path(seed_path("001"), config=config, plugins=[Plugin(ChangesOptions)])
                     for _ in range(2))
    said = [f.message for findings in (first, second) for f in findings if f.code == "ZZ103"]
    assert said == ["[('report_kind', None), ('time-budget', 0)]"] * 2
    assert config.options == {"time-budget": 0}
    assert {f.code for f in first} - {"ZZ103"} == {f.code for f in govlint.lint_path(seed_path("001"), config=config)}


def test_a_plugin_from_an_entry_point_is_loaded(tmp_path, monkeypatch):
    """Install a throwaway distribution with a `govlint.rules` entry point and see its rule."""
    package = tmp_path / "thirdparty_rules.py"
    package.write_text(textwrap.dedent('''
        from govlint.rule import Rule, hookimpl

        class Always(Rule):
            """Reports every document once."""
            code = "TP900"
            name = "tp-always"
            family = "structure"
            severity = "info"
            def check(self, doc, ctx):
                yield ctx.report(zh="第三方规则", en="third-party rule")

        @hookimpl
        def govlint_rules():
            return [Always]
    '''), encoding="utf-8")
    dist = tmp_path / "thirdparty_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: thirdparty-rules\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[govlint.rules]\nthirdparty = thirdparty_rules\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = load_registry(plugins=[object()])  # bypass the cached default registry
    assert registry.find("TP900") is not None
    assert registry.find("A101") is not None  # the built-in pack came through the same group
    findings = govlint.lint_path(seed_path("002"), plugins=[object()])
    assert [f.message for f in findings if f.code == "TP900"] == ["第三方规则"]
    sys.modules.pop("thirdparty_rules", None)


def test_a_plugin_that_fails_to_load_is_reported(tmp_path, monkeypatch):
    expected_others = govlint.lint_path(seed_path("001"))  # before the broken plugin is importable
    (tmp_path / "broken_rules.py").write_text("raise ImportError('missing dependency')\n", encoding="utf-8")
    dist = tmp_path / "broken_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-rules\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[govlint.rules]\nbroken = broken_rules\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    findings = govlint.lint_path(seed_path("001"), plugins=[object()])
    [failed] = [f for f in findings if f.code == "X002"]
    assert "broken" in failed.message and "missing dependency" in failed.message
    assert failed.severity == "error"
    others = [f for f in findings if f.code != "X002"]
    assert others == expected_others  # every other rule still ran


@pytest.mark.parametrize(
    ("attrs", "error"),
    [
        ({"code": "bad"}, "is not like 'A101'"),
        ({"name": "Not Kebab"}, "is not kebab-case"),
        ({"severity": "fatal"}, "severity 'fatal'"),
    ],
)
def test_invalid_rule_declarations_are_rejected(attrs, error):
    declared = {"code": "ZZ103", "name": "zz-ok", "family": "structure", "severity": "info",
                "__doc__": "Documented.", "check": lambda self, doc, ctx: ()}
    declared.update(attrs)
    rule = type("Invalid", (Rule,), declared)
    registry = load_registry(plugins=[Plugin(rule)])
    assert registry.find("ZZ103") is None
    assert any(error in e.error for e in registry.errors)
