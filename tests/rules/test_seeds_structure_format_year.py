"""The structure, format and year families (and the value checks A105/A106) on the five seeds:
the exact set of (code, cell or line) each produces, nothing more."""

from __future__ import annotations

import pytest

from govlint.api import lint_path
from govlint.config import Config

from ..conftest import seed_path
from .reportgen import where

FAMILIES = ("structure", "format", "year", "A105", "A106")

EXPECTED = {
    # Table 2 R3.6.2 (fee notice not paid) is 4 while section 六 reads "(无)": the pointed fee finding.
    "000": {("F703", "T2/R3.6.2/C7")},
    # "五、存在问题与改进路径" is accepted; 总体情况 runs to 1,768 字 (> 1,000, 原则上).
    "001": {("F701", 3)},
    "002": set(),
    # 2019 report in the 2019 format: no format finding; 五 lists "1." then "3." (line 329).
    "003": {("S207", 329)},
    # Heading 一 missing before its text (line 5); "(一)改进情况" repeats "(一)" (line 70);
    # 六 reads "无" with no 信息处理费 statement (line 74).
    "004": {("S202", 5), ("S207", 70), ("F702", 74)},
}


def _findings(seed: str):
    return lint_path(seed_path(seed), config=Config(select=FAMILIES))


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_findings_are_exactly_these(seed):
    findings = _findings(seed)
    assert sorted(where(findings)) == sorted(EXPECTED[seed])
    assert len(findings) == len(EXPECTED[seed])  # no duplicates


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seeds_have_no_error_from_these_families(seed):
    assert [f.code for f in _findings(seed) if f.severity == "error"] == []


def test_seed_003_numbering_gap_names_the_missing_item():
    (finding,) = [f for f in _findings("003") if f.code == "S207"]
    assert (finding.expected, finding.actual, finding.span.column) == ("2.", "3.", 1)


def test_seed_004_repeat_and_missing_heading():
    by_code = {f.code: f for f in _findings("004")}
    assert (by_code["S207"].expected, by_code["S207"].actual) == ("(二)", "(一)")
    assert by_code["S202"].expected == "一、总体情况"


def test_english_messages():
    findings = lint_path(seed_path("000"), config=Config(select=FAMILIES, lang="en"))
    assert findings[0].message.startswith("Table 2 R3.6.2 (fee notice not paid) total is 4")
