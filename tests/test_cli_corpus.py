"""When ``govlint check`` runs the corpus pass: always when it can find something, never when it
cannot (one report, no mapping file, only the built-in corpus rules: the pre-commit hook on one
file, which should not pay for the corpus machinery)."""

from __future__ import annotations

import json

import pytest

from govlint.cli import main
from govlint.config import Config
from govlint.corpus import Corpus, run_corpus_rules, summarise
from govlint.plugins import load_registry
from govlint.readers import read_path
from govlint.rule import CorpusRule, hookimpl

from .conftest import FIXTURES, SEEDS, seed_path

CORPUS = FIXTURES / "corpus_multi"
REPORTS = [*sorted(SEEDS.glob("*.txt")), *sorted(CORPUS.glob("*/*.txt"))]


def test_the_builtin_corpus_rules_all_compare_reports():
    assert [r.code for r in load_registry().corpus_rules if not r.compares_reports] == []


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)  # each report a corpus of its own
def test_no_rule_that_compares_reports_finds_anything_in_one_report_without_a_mapping(path):
    """What ``CorpusRule.compares_reports`` promises and ``cli._corpus_pass`` relies on to skip
    the pass: a rule that reports on a report alone must not say it compares reports."""
    corpus = Corpus([summarise(read_path(path), str(path))])
    assert run_corpus_rules(corpus, load_registry(), Config()) == []


class _EveryReport(CorpusRule):
    """Test rule: one finding per report, so it fires on a corpus of one (``compares_reports``
    keeps its default, False)."""

    code = "T911"
    name = "every-report-once"
    severity = "warning"

    def check(self, corpus, ctx):
        for report in corpus.reports:
            yield ctx.report(about=report, zh="报告", en="a report")


class _Plugin:
    @hookimpl
    def govlint_corpus_rules(self):
        return [_EveryReport]


def test_a_plugin_corpus_rule_still_runs_on_one_file(monkeypatch, capsys):
    registry = load_registry([_Plugin()])
    monkeypatch.setattr("govlint.plugins.load_registry", lambda: registry)
    main(["check", "--isolated", "--format", "json", str(seed_path("000"))])
    assert [f["code"] for f in json.loads(capsys.readouterr().out) if f["family"] == "corpus"] == ["T911"]


def test_one_file_with_a_mapping_file_still_gets_the_mapping_rules(capsys):
    """K812: the mapping's other units have no report."""
    main(["check", "--isolated", "--format", "json", "--select", "K812", "--corpus-map",
          str(CORPUS / "mapping.toml"), str(CORPUS / "pingtan_units" / "2024_permits.txt")])
    assert {f["code"] for f in json.loads(capsys.readouterr().out)} == {"K812"}


def test_a_bad_mapping_file_is_an_error_even_with_no_corpus(tmp_path, capsys):
    bad = tmp_path / "map.toml"
    bad.write_text('[regionz]\n"x" = ["y"]\n', encoding="utf-8")
    assert main(["check", "--no-corpus", "--corpus-map", str(bad), str(seed_path("000"))]) == 2
    assert "unknown table(s) regionz" in capsys.readouterr().err
