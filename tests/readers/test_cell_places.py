"""A cell keeps its place as a tuple and makes its ``Span`` only when asked (model.Cell)."""

from __future__ import annotations

import pytest

import govlint
from govlint.model import Cell, Span
from tests.conftest import SEEDS


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_cell_s_span_is_its_place_and_points_at_its_text(path):
    doc = govlint.read(path)
    cells = [cell for table in doc.tables for cell in table.cells()]
    assert cells
    for cell in cells:
        assert cell.span == Span(*cell.place)
        if cell.raw:  # a blank grid cell has no text to point at
            line = doc.lines[cell.span.line - 1]
            assert line[cell.span.column - 1:cell.span.end_column - 1] == cell.raw


def test_a_cell_without_a_place_has_no_span_and_cells_compare_by_place():
    assert Cell("T2", "R1", "C1", "0", 0).span is None
    place = (3, 5, 3, 6, ())
    assert Cell("T2", "R1", "C1", "0", 0, None, place) == Cell("T2", "R1", "C1", "0", 0, None, (3, 5, 3, 6, ()))
    assert Cell("T2", "R1", "C1", "0", 0, None, place) != Cell("T2", "R1", "C1", "0", 0, None, (4, 5, 4, 6, ()))
