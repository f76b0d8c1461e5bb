"""The cells of a document's tables by address, looked up once per document: the identities
alone ask for some 400 cells of every report, and ``Row.cell`` scans its row."""

from __future__ import annotations

from govlint.rule import Cell, Document, Table

from ._memo import per_document


@per_document
def cells_by_address(doc: Document) -> dict[tuple[str, str, str], Cell]:
    """(table, row, column) → cell, answering as ``doc.table(table).cell(row, column)`` does:
    the first table of an ID, its first row of an ID, that row's first cell of a column."""
    index: dict[tuple[str, str, str], Cell] = {}
    add = index.setdefault  # some 200 cells a report: the loop is all the work
    tables: set[str] = set()
    for table in doc.tables:
        table_id = table.id
        if table_id in tables:
            continue
        tables.add(table_id)
        rows: set[str] = set()
        for row in table.rows:
            row_id = row.id
            if row_id in rows:
                continue
            rows.add(row_id)
            for cell in row.cells:
                add((table_id, row_id, cell.column), cell)
    return index


@per_document  # A100 reads the blank ones, A105 the others
def odd_cells(doc: Document) -> tuple[tuple[Table, tuple[Cell, ...]], ...]:
    """Every table with its cells that are blank or hold anything but a non-negative int, in
    order: the usual cell, a count, concerns neither rule, and the two walk the cells once."""
    return tuple((table, tuple(c for row in table.rows for c in row.cells
                               if (v := c.value) is None or type(v) is not int or v < 0))
                 for table in doc.tables)
