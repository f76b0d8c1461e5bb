"""Arithmetic rules A100–A106: a minimal failing and a minimal passing report for each, with
the exact cell each finding points at."""

from __future__ import annotations

import pytest

from govlint.api import read
from govlint.readers import read_text
from govlint_rules.identities import t2_identities

from ..conftest import seed_path
from .reportgen import lint, render_report, where


def test_clean_reports_pass_every_arithmetic_rule():
    assert where(lint(render_report(), "A")) == []
    assert where(lint(render_report(2019, "2019"), "A")) == []


def test_a100_blank_cell_is_missing_not_zero():
    findings = lint(render_report(t2={("R3.2", "C2"): "/"}), "A")
    assert where(findings) == [("A100", "T2/R3.2/C2")]
    assert "T2-TOT" in findings[0].message and "不按 0 计" in findings[0].message


def test_a100_mostly_blank_table_gets_one_finding():
    findings = lint(render_report(t3=["/"] * 14 + [0]), "A100")
    assert [(f.code, f.cell, f.actual) for f in findings] == [("A100", None, 14)]


def test_a101_balance_fails_in_the_applicant_column():
    findings = lint(render_report(t2={"R4": [1, 0, 0, 0, 0, 0, 1]}), "A")
    assert where(findings) == [("A101", "T2/R3.7/C1")]
    assert (findings[0].expected, findings[0].actual) == (3, 4)


def test_a102_outcome_total_fails_and_lists_the_addends():
    findings = lint(render_report(t2={"R3.1": [1, 0, 0, 0, 0, 0, 1]}), "A")
    assert where(findings) == [("A102", "T2/R3.7/C1")]
    assert (findings[0].expected, findings[0].actual) == (2, 3)


def test_a103_row_total_fails():
    findings = lint(render_report(t2={"R1": [3, 0, 0, 0, 0, 0, 4]}), "A")
    assert where(findings) == [("A103", "T2/R1/C7")]


def test_a104_table3_group_total_fails():
    findings = lint(render_report(t3={"A1": 1}), "A")
    assert where(findings) == [("A104", "T3/R1/A5")]
    assert where(lint(render_report(t3={"A1": 1, "A5": 1}), "A")) == []


def test_2019_single_other_row_counts_in_the_outcome_total():
    ok = {"R1": [4, 0, 0, 0, 0, 0, 4], "R3.6": [1, 0, 0, 0, 0, 0, 1], "R3.7": [4, 0, 0, 0, 0, 0, 4]}
    assert where(lint(render_report(2019, "2019", t2=ok), "A")) == []
    wrong = {**ok, "R3.7": [3, 0, 0, 0, 0, 0, 3]}
    assert ("A102", "T2/R3.7/C1") in where(lint(render_report(2019, "2019", t2=wrong), "A"))


def test_seed_003_outcome_total_uses_the_2019_single_row():
    doc = read(seed_path("003"))
    total = next(i for i in t2_identities(doc) if i.id == "T2-TOT" and i.target.address[2] == "C7")
    assert [t.address[1] for t in total.right][-1] == "R3.6"
    assert not total.fails()


@pytest.mark.parametrize(("table", "cell", "raw"), [
    ("t2", ("R3.1", "C1"), -2),
    ("t2", ("R3.1", "C1"), "2.5"),
    ("t3", "B1", -1),
])
def test_a105_counts_are_non_negative_integers(table, cell, raw):
    findings = lint(render_report(**{table: {cell: raw}}), "A105")
    address = f"T2/{cell[0]}/{cell[1]}" if table == "t2" else f"T3/R1/{cell}"
    assert where(findings) == [("A105", address)]


def test_a105_a_count_too_long_for_a_float_is_judged_not_crashed_on():
    findings = lint(render_report(t3={"B1": "9" * 400}))
    assert [f.code for f in findings if f.family == "internal" or f.code == "A105"] == []
    assert where(lint(render_report(t3={"B1": "-" + "9" * 400}), "A105")) == [("A105", "T3/R1/B1")]


def test_a105_fee_may_be_decimal_but_not_negative():
    assert where(lint(render_report(t1={("R8.1", "C1"): "7926.3139"}), "A105")) == []
    assert where(lint(render_report(t1={("R8.1", "C1"): -1}), "A105")) == [("A105", "T1/R8.1/C1")]


def test_a105_2019_change_column_may_be_negative_but_counts_may_not():
    assert where(lint(render_report(2019, "2019", t1={("R5.1", "C2"): "减4"}), "A105")) == []
    assert where(lint(render_report(2019, "2019", t1={("R5.1", "C3"): "减4"}), "A105")) == [("A105", "T1/R5.1/C3")]


@pytest.mark.parametrize(("raw", "expected"), [
    ("251000元", [("A106", "T1/R8.1/C1")]),
    ("20000000", [("A106", "T1/R8.1/C1")]),
    ("7926.3139", []),
    ("6201万元", []),
])
def test_a106_fee_is_in_wan_yuan(raw, expected):
    assert where(lint(render_report(t1={("R8.1", "C1"): raw}), "A106")) == expected


def test_a106_ignores_the_2019_format():
    assert where(lint(render_report(2019, "2019", t1={("R9.1", "C2"): "75394432.52元"}), "A106")) == []


def test_the_schema_states_each_format_s_identities_as_domain_md_counts_them():
    """domain.md §3.1–3.2: T2-BAL and T2-TOT once per column (7 each), T2-COL once per row (25
    rows in the 2021 format; the 2019 format's single （六）其他处理 row makes 23), three Table 3
    groups of four outcomes and a total."""
    from govlint.rule import T2_OUTCOME_ROWS, T3_SUMS, t2_sums

    for fmt, rows in (("2021", 25), ("2019", 23)):
        sums = t2_sums(T2_OUTCOME_ROWS[fmt])
        assert [s.id for s in sums].count("T2-BAL") == 7 and [s.id for s in sums].count("T2-TOT") == 7
        assert [s.id for s in sums].count("T2-COL") == rows
    balance = t2_sums(T2_OUTCOME_ROWS["2021"])[0]
    assert (balance.left, balance.right) == ((("T2", "R1", "C1"), ("T2", "R2", "C1")),
                                             (("T2", "R3.7", "C1"), ("T2", "R4", "C1")))
    assert [(s.id, s.target, len(s.right)) for s in T3_SUMS] == [
        ("T3-REV", ("T3", "R1", "A5"), 4), ("T3-DIR", ("T3", "R1", "B5"), 4), ("T3-POST", ("T3", "R1", "C5"), 4)]


def _shuffled(doc, table_id):
    """``doc`` with the rows of ``table_id`` in reverse order and each row's cells too: the same
    cells at the same addresses, in no order the identities' plan lays them out in."""
    import attrs

    def shuffled(table):
        rows = tuple(attrs.evolve(r, cells=r.cells[::-1]) for r in reversed(table.rows))
        return attrs.evolve(table, rows=rows)

    def blocks(blocks):
        return tuple(shuffled(b) if getattr(b, "id", None) == table_id else b for b in blocks)

    return doc.evolve(preamble=blocks(doc.preamble),
                      sections=tuple(attrs.evolve(s, blocks=blocks(s.blocks)) for s in doc.sections))


@pytest.mark.parametrize("changes", [
    {},
    {"t2": {"R4": [1, 0, 0, 0, 0, 0, 1], "R1": [3, 0, 0, 0, 0, 0, 4]}},
    {"t2": {("R3.2", "C2"): "/", ("R3.1", "C1"): "2.5"}},
    {"t3": {"A1": 1, "B2": "/"}},
])
def test_identities_read_a_table_in_any_order_as_in_the_plan_s(changes):
    """The identities take a table whose rows and cells come in the plan's order in one pass,
    any other through its addresses: both give the same identities, sums and terms."""
    from govlint_rules.identities import t2_problems, t3_problems

    def seen(doc):
        return [(i.id, i.sums, i.target, i.terms, i.missing) for i in (*t2_identities(doc), *t2_problems(doc),
                                                                      *t3_problems(doc))]

    doc = read_text(render_report(**changes), "r.txt")
    expected = seen(doc)
    assert expected and all(i.target.cell is not None for i in t2_identities(doc))
    assert seen(_shuffled(_shuffled(doc, "T2"), "T3")) == expected
