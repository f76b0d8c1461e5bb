"""The exact findings of the date, contact and narrative families on the five seeds: (code, cell)
for a table finding, (code, line) otherwise. Every other figure of the seeds' narratives agrees
with its table, and that silence is asserted too."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint import lint_path, lint_text, read
from govlint.config import Config

from ..conftest import seed_path
from govlint_rules.dates import deadline
from govlint_rules.narrative import claims, table_value

FAMILIES = ("date", "contact", "narrative")

EXPECTED = {
    # 淮安经济技术开发区 2024: agency report published 2025-01-22; 0517 / 223005 / 淮安 agree;
    # "办理72件，其中已答复70件、2件结转" is consistent with the table (77 includes 7 carried over).
    "000": set(),
    # 重庆市黔江区 2024: no publication date (info), no contact details, 12 vs 11 规范性文件.
    "001": {("D306", 1), ("C401", 1), ("N603", "T1/R1.2/C1")},
    # 金东区 2022, published 2023-01-31: on time (the deadline day itself); 0579 / 321000 金华.
    "002": set(),
    # 安康高新区 2019 (traditional characters): says no review or lawsuit, Table 3 has 3 lawsuits.
    "003": {("N602", "T3/R1/B5")},
    # 山海关区南关街道办事处 2024: no statistical period, no contact details.
    "004": {("D301", 3), ("C401", 3)},
}


def where(finding):
    return (finding.code, str(finding.cell) if finding.cell else finding.span.line)


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_findings(seed):
    found = lint_path(seed_path(seed), config=Config(select=FAMILIES))
    assert {where(f) for f in found} == EXPECTED[seed]
    assert len(found) == len(EXPECTED[seed])  # no finding twice


def test_seed_001_normative_documents_finding():
    (finding,) = lint_path(seed_path("001"), config=Config(select=("N603",)))
    assert (finding.span.line, finding.expected, finding.actual) == (5, 11, 12)
    assert "制发行政规范性文件12件" in finding.message


def test_seed_001_other_narrative_figures_agree():
    doc = read(seed_path("001"))
    checked = []
    for claim in claims(doc):
        found = table_value(doc, claim.target)
        cells = claim.target.cells
        key = cells[0][0] + "/" + cells[0][1] if len(cells) == 1 else f"{cells[0][0]}..{cells[-1][0]}"
        checked.append((key, claim.value, found and found[0]))
    assert sorted(checked) == sorted([
        ("R1.2/C1", 12, 11),  # 制发行政规范性文件 12 vs 11: the one contradiction
        ("R1/C7", 52, 52), ("R3.1/C7", 19, 19), ("R3.2/C7", 9, 9), ("R3.3.1..R3.3.8", 11, 11),
        ("R3.4.1..R3.4.3", 9, None),  # 无法提供 9: R3.4.2 总计 is blank, so it stays unchecked
        ("R3.6.1..R3.6.3", 3, 3), ("R4/C7", 1, 1),
        ("R1/A5", 3, 3), ("R1/C5", 1, 1), ("R1/B5", 2, 2),  # 复议 3; 复议后起诉 1; 直接起诉 2
    ])


def test_seed_003_lawsuit_statement():
    (finding,) = lint_path(seed_path("003"), config=Config(select=("N602",)))
    assert (finding.span.line, finding.expected, finding.actual) == (7, 3, 0)
    assert "未发生有关政府信息公开事务的行政复议和诉讼案件" in finding.message


def test_seed_003_is_an_aggregate_of_unknown_level_due_march_31():
    # "现就2019年度安康高新区政府信息公开工作情况汇总报告如下": an aggregate, but a 高新区 has no
    # level of its own, and for a 2019 report only the statutory limit 3月31日 applied.
    doc = read(seed_path("003"))
    due = deadline(doc, doc.report_year, {})
    assert (due.kind, str(due.date), str(doc.publication_date.value)) == ("aggregate", "2020-03-31", "2020-02-13")
    assert lint_path(seed_path("003"), config=Config(select=("D304",))) == []
    # Had it been an agency report, 2020-02-13 would be late.
    late = lint_path(seed_path("003"), config=Config(select=("D304",), report_kind="agency"))
    assert [f.expected for f in late] == ["2020-01-31"]


def test_seed_002_published_on_the_deadline_day():
    doc = read(seed_path("002"))
    assert str(doc.publication_date.value) == "2023-01-31"
    assert str(deadline(doc, doc.report_year, {}).date) == "2023-01-31"


# Fragments the date, contact and narrative patterns look for, in any order and number: the
# rules must never crash (X001) whatever they are given, and never report outside the text.
FRAGMENTS = ["2024年", "2月30日", "1月1日", "至", "12月31日", "202411日起至20241231日止", "收到申请", "12件",
             "0件", "其中", "行政复议", "行政诉讼", "未发生", "和", "、", "，", "。", "结转下年度", "2025年",
             "所有申请均已办结", "予以公开", "及", "部分公开", "电话：", "0517-8316623", "邮编：", "22300",
             "电子邮箱：", "a@b", "地址：", "淮安市", "发布日期：2025-02-30", "汇总", "制发行政规范性文件",
             "行政许可决定", "\n", "|", "９９９９９９９９９９９９件", "(", ")"]


@settings(max_examples=60)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_families_never_crash(parts):
    text = "".join(parts)
    if not text.strip():
        return
    lines = text.count("\n") + 1
    for finding in lint_text(text, config=Config(select=FAMILIES)):
        assert finding.code[0] in "DCN", finding.message
        assert finding.span is None or 1 <= finding.span.line <= lines
