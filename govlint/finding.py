"""Findings: what a rule reports, as frozen values that reporters render."""

from __future__ import annotations

from typing import Any

from attrs import frozen

from .model import Span

SEVERITIES = ("info", "warning", "error")  # ascending
FAMILIES = (
    "arithmetic",
    "structure",
    "date",
    "contact",
    "year",
    "narrative",
    "format",
    "parse",
    "internal",
    "corpus",
)


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@frozen
class CellAddress:
    table: str
    row: str
    column: str

    def to_dict(self) -> dict[str, str]:
        return {"table": self.table, "row": self.row, "column": self.column}

    def __str__(self) -> str:
        return f"{self.table}/{self.row}/{self.column}"


@frozen
class Related:
    """A second place a finding is about (the other report of a cross-year comparison)."""

    path: str | None
    span: Span | None
    message: str = ""
    cell: CellAddress | None = None


@frozen
class Finding:
    """One defect. ``span`` is None for whole-document findings; ``anchor`` is the text the
    finding is about (a sentence, a heading), used for fingerprints that survive line shifts."""

    code: str
    rule: str
    family: str
    severity: str
    message: str
    span: Span | None = None
    cell: CellAddress | None = None
    expected: Any = None
    actual: Any = None
    path: str | None = None
    anchor: str | None = None
    related: tuple[Related, ...] = ()

    def sort_key(self) -> tuple:
        line = self.span.line if self.span else 0
        column = self.span.column if self.span else 0
        return (self.path or "", line, column, self.code)

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of ``govlint check --format json`` (docs/json.md)."""
        span = self.span
        out: dict[str, Any] = {
            "path": self.path,
            "code": self.code,
            "rule": self.rule,
            "family": self.family,
            "severity": self.severity,
            "message": self.message,
            "location": {"line": span.line, "column": span.column} if span else None,
            "end_location": {"line": span.end_line, "column": span.end_column} if span else None,
            "cell": self.cell.to_dict() if self.cell else None,
            "expected": self.expected,
            "actual": self.actual,
        }
        if span and span.origin:
            out["origin"] = dict(span.origin)
        if self.related:
            out["related"] = [
                {
                    "path": r.path,
                    "location": {"line": r.span.line, "column": r.span.column} if r.span else None,
                    "cell": r.cell.to_dict() if r.cell else None,
                    "message": r.message,
                }
                for r in self.related
            ]
        return out
