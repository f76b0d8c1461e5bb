"""The corpus pass streams (summaries, not documents), and corpus rules plug in like document rules."""

from __future__ import annotations

import gc
import pickle
import weakref

import pytest

import govlint
from govlint.api import lint_file
from govlint.config import Config
from govlint.corpus import CELL_KEYS, Corpus, CorpusPass, lint_corpus, run_corpus_rules, summarise
from govlint.finding import CellAddress
from govlint.plugins import load_registry
from govlint.rule import CorpusRule, Rule, hookimpl

from ..conftest import CORPUS, seed_path

PINGTAN_2025 = CORPUS / "pingtan" / "2025_pingtan_zonghe_shiyanqu.txt"


def test_a_summary_keeps_no_reference_to_its_document():
    doc = govlint.read(PINGTAN_2025)
    alive = weakref.ref(doc)
    summary = summarise(doc)
    del doc
    gc.collect()
    assert alive() is None
    assert summary.value("T2", "R4", "C1") == 4  # 平潭 2025 carried 4 自然人 applications into 2026
    assert summary.value("T2", "R4", "C2") == 2
    assert summary.value("T3", "R1", "A5") == 36
    assert summary.value("T1", "R1.2", "C3") is None  # "5845546" cannot be split: missing, not 0
    assert summary.year == 2025 and summary.identity.key == "平潭综合实验区"


def test_a_summary_is_small_and_crosses_process_boundaries():
    summary = summarise(govlint.read(seed_path("001")))
    data = pickle.dumps(summary)
    assert len(data) < 12_000  # 200-odd cells and section 五, against a document of 300 lines
    copy = pickle.loads(data)
    assert copy == summary
    address = CellAddress("T2", "R4", "C1")
    assert copy.value("T2", "R4", "C1") == 1 and copy.cell_span(address) == summary.cell_span(address)
    assert copy.cell_span(address).line == 250


def test_missing_cells_are_none_never_zero():
    summary = summarise(govlint.read(seed_path("001")))
    assert summary.value("T2", "R3.4.2", "C7") is None  # the blank 总计 cell of seed 001
    assert summary.value("T2", "R3.4.2", "C1") == 0
    assert summary.value("T2", "R3.6", "C1") is None  # a 2019-format row the 2021 report lacks
    assert len(CELL_KEYS) == len(set(CELL_KEYS))


def test_lint_file_returns_a_summary_and_no_document():
    registry = load_registry()
    result = lint_file(seed_path("004"), Config(), registry, summarise=True)
    assert result.document is None
    assert result.summary.identity.kind == "township"
    assert lint_file(seed_path("004"), Config(), registry).summary is None


def test_the_pass_holds_summaries_only():
    registry = load_registry()
    corpus = CorpusPass(Config(), registry)
    for path in (seed_path("000"), seed_path("001")):
        corpus.add(lint_file(path, Config(), registry, summarise=True))
    assert [type(s).__name__ for s in corpus.summaries] == ["ReportSummary", "ReportSummary"]
    assert corpus.finish() == []  # two agencies, one year each: nothing to compare


def test_no_summaries_when_no_corpus_rule_is_selected():
    registry = load_registry()
    assert not CorpusPass(Config(select=("A",)), registry).wanted
    assert not CorpusPass(Config(), registry, enabled=False).wanted
    assert CorpusPass(Config(select=("corpus",)), registry).wanted


def test_many_reports_stay_cheap():
    """Two thousand summaries of distinct agency-years run through every rule (a smoke test of
    the indexes: each rule looks up neighbours, it never compares all pairs)."""
    base = summarise(govlint.read(seed_path("000")))
    import attrs

    reports = [attrs.evolve(base, path=f"r/{i}.txt",
                            identity=attrs.evolve(base.identity, key=f"单位{i // 5}", year=2020 + i % 5))
               for i in range(2_000)]
    findings = run_corpus_rules(Corpus(reports), load_registry(), Config())
    # each agency's five years repeat the same report: carry-over 7 vs 2 (C1) and a 100% section 五
    assert {f.code for f in findings} == {"K801", "K802"}
    assert len(findings) == 400 * 4 * 2


class _EveryReport(CorpusRule):
    """Test rule: one info finding per report with a year."""

    code = "T901"
    name = "every-report"
    severity = "info"

    def check(self, corpus, ctx):
        for report in corpus.reports:
            yield ctx.report(about=report, zh=f"{report.year}", en=f"{report.year}")


class _Crashes(CorpusRule):
    """Test rule that raises."""

    code = "T902"
    name = "crashes"

    def check(self, corpus, ctx):
        raise RuntimeError("boom")


class _Plugin:
    @hookimpl
    def govlint_corpus_rules(self):
        return [_EveryReport, _Crashes]


def test_a_plugin_corpus_rule_runs_and_a_crash_is_x001_not_fatal():
    results = list(lint_corpus([seed_path("000"), seed_path("004")], plugins=[_Plugin()], documents=False,
                               config=Config(select=("T9",))))
    findings = [f for r in results for f in r.findings]
    assert sorted((f.code, f.message) for f in findings if f.code == "T901") == [("T901", "2024"), ("T901", "2024")]
    [crash] = [f for f in findings if f.code == "X001"]
    assert "T902" in crash.message and "RuntimeError: boom" in crash.message


class _WrongHook:
    @hookimpl
    def govlint_rules(self):
        return [_EveryReport]  # a corpus rule offered as a document rule

    @hookimpl
    def govlint_corpus_rules(self):
        return [_DocumentRule]


class _DocumentRule(Rule):
    """Test document rule."""

    code = "T903"
    name = "document-rule"
    family = "format"

    def check(self, doc, ctx):
        return ()


def test_each_hook_accepts_only_its_own_kind_of_rule():
    registry = load_registry([_WrongHook()])
    assert "T901" not in {r.code for r in registry.rules}
    assert "T903" not in {r.code for r in registry.corpus_rules}
    errors = " ".join(e.error for e in registry.errors)
    assert "is not a govlint.rule.Rule subclass" in errors
    assert "is not a govlint.rule.CorpusRule subclass" in errors


def test_builtin_corpus_rules_are_listed_and_explained(capsys):
    from govlint.cli import main

    registry = load_registry()
    assert [r.code for r in registry.corpus_rules] == ["K801", "K802", "K803", "K804", "K805", "K811", "K812"]
    assert all(r.family == "corpus" for r in registry.corpus_rules)
    assert not {r.code for r in registry.rules} & {r.code for r in registry.corpus_rules}
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "K801   corpus      warning  carry-over-mismatch" in listing
    assert main(["explain", "section5-repeated"]) == 0
    assert "不得出现敷衍了事甚至年年雷同现象" in capsys.readouterr().out


@pytest.mark.parametrize("ref", ["K8", "corpus", "carry-over-mismatch"])
def test_corpus_codes_are_valid_in_select(ref, capsys):
    from govlint.cli import main

    assert main(["check", "--select", ref, str(seed_path("000"))]) == 0
    assert "unknown" not in capsys.readouterr().err


def test_lint_corpus_in_a_process_pool_finds_the_same():
    from concurrent.futures import ProcessPoolExecutor

    from ..conftest import FIXTURES

    corpus_multi = FIXTURES / "corpus_multi"
    serial = [f for r in lint_corpus([corpus_multi], documents=False) for f in r.findings]
    with ProcessPoolExecutor(max_workers=2) as pool:
        parallel = [f for r in lint_corpus([corpus_multi], pool, documents=False) for f in r.findings]
    assert parallel == serial
    assert {f.code for f in serial} == {"K801", "K802", "K803", "K804"}  # no mapping: no region, no alias


def _with(summary, year: int, path: str, cells: dict):
    """``summary`` as another year's report with some cells changed (None: missing)."""
    import math
    from array import array

    import attrs

    from govlint.corpus import _SLOT

    values = array("d", summary.values)
    for (table, row, column), value in cells.items():
        values[_SLOT[(table, row, column)]] = math.nan if value is None else value
    return attrs.evolve(summary, path=path, values=values, identity=attrs.evolve(summary.identity, year=year))


@pytest.mark.parametrize(("r2", "expected"), [
    ({}, []),  # R2 of 2025 = R4 of 2024 in every column
    ({("T2", "R2", "C1"): None, ("T2", "R2", "C7"): None}, []),  # missing: undetermined, not 0
    ({("T2", "R2", "C1"): 0, ("T2", "R2", "C7"): 0}, [("C1", 2, 0)]),  # C7 follows from C1: not repeated
    ({("T2", "R2", "C1"): None, ("T2", "R2", "C7"): 5}, [("C7", 2, 5)]),  # only the total to compare
])
def test_carry_over_columns(r2, expected):
    base = summarise(govlint.read(seed_path("000")))  # R4 = (2, 0, 0, 0, 0, 0, 2)
    carried = {("T2", "R2", c): base.value("T2", "R4", c) for c in ("C1", "C2", "C3", "C4", "C5", "C6", "C7")}
    this_year = _with(base, 2025, "b.txt", {**carried, **r2})
    registry = load_registry()
    findings = run_corpus_rules(Corpus([base, this_year]), registry, Config(select=("K801",)))
    assert [(f.cell.column, f.expected, f.actual) for f in findings] == expected
    assert all(f.path == "b.txt" and f.related[0].cell.row == "R4" for f in findings)
