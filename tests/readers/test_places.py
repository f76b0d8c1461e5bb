"""Cells and rows keep their place as a tuple and make their ``Span`` only when asked
(model.Cell, model.Row)."""

from __future__ import annotations

import pytest

import govlint
from govlint.model import Cell, Row, Span
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


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_row_s_span_is_its_place_from_its_label_to_its_last_cell(path):
    doc = govlint.read(path)
    rows = [row for table in doc.tables for row in table.rows if row.cells and row.label]
    assert rows
    for row in rows:
        assert row.span == Span(*row.place)
        last = row.cells[-1].span
        assert (row.span.end_line, row.span.end_column) == (last.end_line, last.end_column)
        assert doc.lines[row.span.line - 1][row.span.column - 1:].startswith(row.label[:2])


def test_a_node_without_a_place_has_no_span_and_cells_compare_by_place():
    assert Cell("T2", "R1", "C1", "0", 0).span is None
    place = (3, 5, 3, 6, ())
    assert Cell("T2", "R1", "C1", "0", 0, None, place) == Cell("T2", "R1", "C1", "0", 0, None, (3, 5, 3, 6, ()))
    assert Cell("T2", "R1", "C1", "0", 0, None, place) != Cell("T2", "R1", "C1", "0", 0, None, (4, 5, 4, 6, ()))
    assert Row("R1", "规章", ()).span is None
    assert Row("R1", "规章", (), place).span == Span(3, 5, 3, 6)
