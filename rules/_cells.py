"""The cells of a document's tables by address, looked up once per document: the identities
alone ask for some 400 cells of every report, and ``Row.cell`` scans its row."""

from __future__ import annotations

from govlint.rule import Cell, Document

from ._memo import per_document


@per_document
def cells_by_address(doc: Document) -> dict[tuple[str, str, str], Cell]:
    """(table, row, column) → cell, answering as ``doc.table(table).cell(row, column)`` does:
    the first table of an ID, its first row of an ID, that row's first cell of a column."""
    index: dict[tuple[str, str, str], Cell] = {}
    for table in doc.tables:
        if doc.table(table.id) is not table:
            continue
        t = table.id
        for row in table.rows:
            if table.row(row.id) is row:
                r = row.id
                # reversed: where a row repeats a column, its first cell is the one kept
                index.update({(t, r, cell.column): cell for cell in reversed(row.cells)})
    return index
