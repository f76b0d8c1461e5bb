"""``govlint dump``: the parsed document as JSON, every cell by ID with value, raw text and place."""

from __future__ import annotations

from typing import Any

from .model import Document, Located, Span, Table


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "reader": doc.reader,
        "format": doc.format,
        "format_signals": list(doc.format_signals),
        "year": _located(doc.year),
        "title": _located(doc.title),
        "title_year": _located(doc.title_year),
        "agency": _located(doc.agency),
        "publication_date": _located(doc.publication_date),
        "period": _period(doc.period),
        "sections": [
            {
                "key": s.key,
                "heading": s.heading.raw.strip(),
                "line": s.heading.span.line,
                "paragraphs": len(s.paragraphs),
                "tables": [t.id for t in s.tables],
            }
            for s in doc.sections
        ],
        "tables": {t.id: table_to_dict(t) for t in doc.tables},
        "problems": [
            {"code": p.code, "message": p.message_en, "line": p.span.line if p.span else None} for p in doc.problems
        ],
    }


def table_to_dict(table: Table) -> dict[str, Any]:
    return {
        row.id: {
            "label": row.label,
            "cells": {
                cell.column: {
                    "value": cell.value,
                    "raw": cell.raw,
                    "missing": cell.missing,
                    "unit": cell.unit,
                    **_position(cell.span),
                }
                for cell in row.cells
            },
        }
        for row in table.rows
    }


def _position(span: Span | None) -> dict[str, Any]:
    if span is None:
        return {"line": None, "column": None}
    out: dict[str, Any] = {"line": span.line, "column": span.column}
    if span.origin:
        out["origin"] = dict(span.origin)
    return out


def _located(found: Located | None) -> dict[str, Any] | None:
    if found is None:
        return None
    value = found.value
    return {"value": value if isinstance(value, (int, str)) else str(value), "raw": found.raw, **_position(found.span)}


def _period(found: Located | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {"start": str(found.value.start), "end": str(found.value.end), "raw": found.raw, **_position(found.span)}

