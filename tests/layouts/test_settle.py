"""Fused Table 2 rows read by all of the table's identities (govlint.settle): the split the
columns bear out, a row left unread (P905) when no split stands out, and a search that stays
bounded however many rows split several ways."""

from __future__ import annotations

import time

from govlint.flatten import layout, split_run
from govlint.schema import schema_for
from govlint.tables import make_token, map_rows

T2 = layout("T2", 7)
SPEC = schema_for("2021").table("T2")
OUTCOMES = [r.id for r in SPEC.rows if r.id.startswith("R3.") and r.id != "R3.7"]


def _run(values) -> str:
    return "".join(map(str, values))


def _read(rows: dict[str, str]):
    """Table 2 with each row's numbers fused into one run, as flattened page text has it."""
    place = (1, 1, 1, 2, ())
    tokens = [t for row_id, run in rows.items()
              for t in (make_token(SPEC.row(row_id).label, place), make_token(run, place, fused=True))]
    table, problems = map_rows(SPEC, tokens, exact_labels=False)
    return {row.id: [c.value for c in row.cells] for row in table.rows}, problems


def test_the_columns_pick_the_true_split_of_an_outcome_row_that_no_longer_adds_up():
    # （一）予以公开 15|12|15|8|0|21 → 71 with 17 written for 15: its run splits one way that adds
    # up, 1|71|2|15|80|2 → 171, and the outcome rows no longer sum to （七）总计 in two columns
    # read so, but in all seven. Its columns bear out the true split, its own total failing.
    changed = (17, 12, 15, 8, 0, 21, 71)
    assert split_run(_run(changed), T2).candidates == (((0, 1), (1, 3), (3, 4), (4, 6), (6, 8), (8, 9), (9, 12)),)
    rows = {"R1": (19, 16, 12, 12, 4, 24, 87), "R2": (0, 2, 3, 0, 0, 3, 8), "R3.1": changed,
            "R3.2": (4, 2, 0, 0, 0, 2, 8), "R3.7": (19, 14, 15, 8, 0, 23, 79), "R4": (0, 4, 0, 4, 4, 4, 16)}
    read, problems = _read({row_id: _run(values) for row_id, values in rows.items()})
    assert read == {row_id: list(values) for row_id, values in rows.items()}
    assert problems == []


def test_a_row_with_no_split_of_its_own_is_read_by_its_columns():
    # 新收 221|0|0|0|0|0 → 220 (221 written for 220) has no split that adds up; the balance
    # (R3.7 + R4 - R2) asks for 220|0|0|0|0|0|220, which the run meets in six cells of seven.
    read, problems = _read({"R1": "22100000220", "R2": "0000000", "R3.1": "22000000220",
                            "R3.7": "22000000220", "R4": "0000000"})
    assert read["R1"] == [221, 0, 0, 0, 0, 0, 220]
    assert read["R3.1"] == [220, 0, 0, 0, 0, 0, 220]
    assert problems == []


def test_a_row_that_no_longer_adds_up_and_fits_two_cuts_as_well_is_left_unread():
    # 新收 10|11|14|9|43|11 → 58, 43 written for 3: the balance asks for 10|11|14|9|3|11|58, and
    # both 10|11|14|9|43|11|58 and 10|11|14|94|3|11|58 meet six cells of it. Neither stands out,
    # nor does the one split that adds up (1|0|1|1149|4|3|1158, against every column): unread.
    read, problems = _read({"R1": "1011149431158", "R2": "0000000", "R3.1": "101114931158",
                            "R3.7": "101114931158", "R4": "0000000"})
    assert read == {"R1": [], "R2": [0] * 7, "R3.1": [10, 11, 14, 9, 3, 11, 58],
                    "R3.7": [10, 11, 14, 9, 3, 11, 58], "R4": [0] * 7}
    assert [(p.code, p.message_en) for p in problems] == [(
        "P905", "Table row '一、本年新收政府信息公开申请数量': the run '1011149431158' splits one way by the "
        "row's identity (1 | 0 | 1 | 1149 | 4 | 3 | 1158), but the table's other identities do not bear it "
        "out and no other split stands out; not used.")]


def test_many_rows_that_split_several_ways_are_left_unread_quickly():
    # Every outcome row 22|0|…|22 or 2|20|…|22: 2**21 combinations, past the bound, so none is
    # tried and each row is reported; 新收, 463 written for 462, is still read by its balance.
    rows = {"R1": "46300000462", "R2": "0000000", **{row_id: "220000022" for row_id in OUTCOMES},
            "R3.7": "46200000462", "R4": "0000000"}
    started = time.process_time()
    read, problems = _read(rows)
    assert time.process_time() - started < 1.0
    assert read["R1"] == [463, 0, 0, 0, 0, 0, 462]
    assert [row_id for row_id, values in read.items() if not values] == OUTCOMES
    assert [p.code for p in problems] == ["P905"] * len(OUTCOMES)
    assert problems[0].message_en == (
        "Table row '（一）予以公开': the run '220000022' splits 2 ways "
        "(2 | 20 | 0 | 0 | 0 | 0 | 22；22 | 0 | 0 | 0 | 0 | 0 | 22); not used.")
