"""The flattened-row splitter (domain.md §6.4): real rows whose separators were lost, and
generated rows. When the split is unique it is the true one; when it is not, every split that
fits is returned, and the table reader chooses by the table's other identities or reports them
(P905) rather than guessing."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from govlint.flatten import Closest, Group, closest_split, layout, split_run
from govlint.schema import schema_for
from govlint.settle import choose
from govlint.tables import make_token, map_rows

T2 = layout("T2", 7)
T3 = layout("T3", 15)


def cells(run: str, groups) -> list[list[str]]:
    found = split_run(run, groups)
    assert found.complete
    return [[run[a:b] for a, b in candidate] for candidate in found.candidates]


def test_real_table2_rows_split_one_way():
    assert cells("801000081", T2) == [["80", "1", "0", "0", "0", "0", "81"]]  # 平潭 2023 R1
    assert cells("15130000154", T2) == [["151", "3", "0", "0", "0", "0", "154"]]  # 平潭 2025 R1
    assert cells("14710000148", T2) == [["147", "1", "0", "0", "0", "0", "148"]]  # 平潭 2025 R3.7
    assert cells("4200006", T2) == [["4", "2", "0", "0", "0", "0", "6"]]  # 平潭 2025 R4


def test_stray_spaces_are_cell_boundaries():
    assert cells("230 000023", T2) == [["23", "0", "0", "0", "0", "0", "23"]]  # 平潭 2019 R1
    assert cells("0 0 0 0 0 00", T2) == [["0"] * 7]  # 平潭 2019 （六）其他处理
    assert cells("23 0 00 0 023", T2) == [["23", "0", "0", "0", "0", "0", "23"]]  # 平潭 2019 （七）总计


def test_real_table3_rows_split_one_way():
    assert cells("21317000001324019", T3) == [
        ["2", "1", "3", "1", "7", "0", "0", "0", "0", "0", "13", "2", "4", "0", "19"]]  # 平潭 2024
    assert cells("25380363300630003", T3) == [
        ["25", "3", "8", "0", "36", "3", "3", "0", "0", "6", "3", "0", "0", "0", "3"]]  # 平潭 2025
    assert cells("110024001510102", T3) == [
        ["1", "1", "0", "0", "2", "4", "0", "0", "1", "5", "1", "0", "1", "0", "2"]]  # 平潭 2023


def test_ambiguous_rows_return_every_fitting_split():
    assert cells("220000022", T2) == [["2", "20", "0", "0", "0", "0", "22"], ["22", "0", "0", "0", "0", "0", "22"]]
    assert cells("350", layout("T1", 2)) == [["3", "50"], ["35", "0"]]
    assert len(cells("898989", layout("T1", 3))) == 10  # 平潭 2019 规范性文件: no identity to choose by


def test_no_split_when_the_identity_cannot_hold():
    assert cells("1234567", T2) == []
    assert cells("01", layout("T1", 1)) == []  # "01" is not a count


def test_decimals_only_where_nothing_is_summed():
    assert cells("5949.088667", layout("T1", 1)) == [["5949.088667"]]
    assert cells("1.50001.5", T2) == []


def test_closest_split_meets_the_most_targets():
    # 新收 by its balance (R3.7 + R4 - R2, column by column), 12 written for 15: six met, one missed.
    assert closest_split("1223201491394", ((15,), (23,), (20,), (14,), (9,), (13,), (94,))) == Closest(
        5, ((0, 2), (2, 4), (4, 6), (6, 8), (8, 9), (9, 11), (11, 13)))
    assert closest_split("230 000024", ((23,),) + ((0,),) * 5 + ((23,),)) == Closest(
        5, ((0, 2), (2, 3), (4, 5), (5, 6), (6, 7), (7, 8), (8, 10)))  # a space is a cell boundary
    # Nothing required: every cut scores alike, so none is given.
    assert closest_split("1223201491394", ((),) * 7) == Closest(0, None)
    # Seven counts of at most seven digits: a longer run has no cut, found at once.
    started = time.perf_counter()
    assert closest_split("9" * 10_000, ((),) * 7) is None
    assert time.perf_counter() - started < 0.5


def test_column_identities_settle_what_one_row_cannot():
    known = {"R1": (22, 0, 0, 0, 0, 0, 22), "R2": (0,) * 7, "R4": (0,) * 7, "R3.7": (22, 0, 0, 0, 0, 0, 22)}
    run = "220000022"  # 2 | 20 | … or 22 | 0 | …
    fused = {"R3.1": (run, split_run(run, T2))}
    assert choose(known, fused, ("R3.1",), 7) == {"R3.1": ((0, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 9))}
    # Without （七）总计 nothing ties the row down: no choice is made.
    del known["R3.7"]
    assert choose(known, fused, ("R3.1",), 7) == {"R3.1": None}


def test_table_reader_reports_an_ambiguous_row_and_leaves_it_unread():
    spec = schema_for("2021").table("T2")
    place = (1, 1, 1, 10, ())
    tokens = [make_token("（一）予以公开", place), make_token("220000022", place, fused=True)]
    table, problems = map_rows(spec, tokens, exact_labels=False)
    assert table.row("R3.1").cells == ()
    assert [p.code for p in problems] == ["P905"]
    assert problems[0].message_en == (
        "Table row '（一）予以公开': the run '220000022' splits 2 ways "
        "(2 | 20 | 0 | 0 | 0 | 0 | 22；22 | 0 | 0 | 0 | 0 | 0 | 22); not used.")


counts = st.integers(min_value=0, max_value=400)


@st.composite
def table2_rows(draw):
    parts = draw(st.lists(counts, min_size=6, max_size=6))
    return [*parts, sum(parts)]


@st.composite
def table3_rows(draw):
    row = []
    for _ in range(3):
        parts = draw(st.lists(st.integers(min_value=0, max_value=40), min_size=4, max_size=4))
        row += [*parts, sum(parts)]
    return row


def _check(values: list[int], groups, spaces: set[int]) -> str:
    texts = [str(v) for v in values]
    run = "".join(t + (" " if i in spaces else "") for i, t in enumerate(texts)).strip()
    found = split_run(run, groups)
    candidates = [[run[a:b] for a, b in c] for c in found.candidates]
    for candidate in candidates:  # whatever is offered satisfies every identity
        numbers = [float(c) for c in candidate]
        start = 0
        for group in groups:
            chunk = numbers[start:start + group.cells]
            assert not group.total or sum(chunk[:-1]) == chunk[-1]
            start += group.cells
    if found.complete:
        assert texts in candidates  # the truth is never lost
    if found.unique:
        assert candidates == [texts]  # unique means right
    return run


@given(table2_rows(), st.sets(st.integers(min_value=0, max_value=5)))
def test_generated_table2_rows(values, spaces):
    run = _check(values, T2, spaces)
    # Through the table reader: the row is read only when the split is unique, else P905.
    spec = schema_for("2021").table("T2")
    place = (1, 1, 1, len(run) + 1, ())
    table, problems = map_rows(spec, [make_token("（一）予以公开", place), make_token(run, place, fused=True)], False)
    read = [c.value for c in table.row("R3.1").cells]
    if split_run(run, T2).unique:
        assert (read, problems) == (values, [])
    else:
        assert read == [] and [p.code for p in problems] == ["P905"]


@given(table3_rows(), st.sets(st.integers(min_value=0, max_value=13)))
def test_generated_table3_rows(values, spaces):
    _check(values, T3, spaces)


@given(st.lists(counts, min_size=1, max_size=3), st.sets(st.integers(min_value=0, max_value=2)))
def test_generated_table1_rows_without_identity(values, spaces):
    _check(values, (Group(len(values), False),), spaces)


def test_long_runs_are_rejected_fast():
    # The search fixes each total first; a summed cell has at most seven digits.
    started = time.perf_counter()
    for run in ("1" * 40, "12" * 25, "9" * 105, "1234567890" * 4):
        assert split_run(run, T2).candidates == ()
        assert split_run(run, T3).candidates == ()
    assert time.perf_counter() - started < 2.0


def test_a_row_that_no_longer_adds_up_is_not_read_as_another_split_that_does():
    """新收 12|23|20|14|9|13 → 94 (12 was 15: the row total no longer holds) fused as
    "1223201491394" also splits as 1|22|320|1|49|1 → 394, which does add up and is the only split
    the row's own identity allows. Read so, every column of the table would fail its balance
    (A101 on R3.7) and the narrative its figure, away from the one changed cell. The splits are
    chosen by all of the table's identities (govlint.settle): the true split keeps six of the
    seven column balances, the other none, so the true split is read, its own total failing."""
    digits = "1223201491394"
    assert cells(digits, T2) == [["1", "22", "320", "1", "49", "1", "394"]]  # the only split the row allows
    spec = schema_for("2021").table("T2")
    place = (1, 1, 1, 2, ())
    rows = {"R1": digits, "R2": "1002025", "R3.7": "1623201691498", "R4": "0000011"}
    tokens = [t for row_id, run in rows.items()
              for t in (make_token(spec.row(row_id).label, place), make_token(run, place, fused=True))]
    table, _problems = map_rows(spec, tokens, exact_labels=False)
    row = table.row("R1")
    assert row is None or not row.cells or [c.value for c in row.cells] == [12, 23, 20, 14, 9, 13, 94]
