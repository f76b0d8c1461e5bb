"""The cells of a document's tables that are not a count, found once per document."""

from __future__ import annotations

from govlint.rule import Cell, Document, Table

from ._memo import per_document


@per_document  # A100 reads the blank ones, A105 the others
def odd_cells(doc: Document) -> tuple[tuple[Table, tuple[Cell, ...]], ...]:
    """Every table with its cells that are blank or hold anything but a non-negative int, in
    order: the usual cell, a count, concerns neither rule, and the two walk the cells once."""
    return tuple((table, tuple(c for row in table.rows for c in row.cells
                               if (v := c.value) is None or type(v) is not int or v < 0))
                 for table in doc.tables)
