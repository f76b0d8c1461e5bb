"""The public rule API: everything a rule, built-in or third-party, may import.

A rule is a small class whose docstring is its documentation::

    class FeeStatement(Rule):
        \"\"\"Section 六 must state the 信息处理费 ...\"\"\"

        code = "F702"
        name = "fee-statement"
        family = "format"
        severity = "warning"

        def check(self, doc, ctx):
            if ...:
                yield ctx.report(zh="…", en="…", span=section.span)
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import regex

from .dates import FoundDate, FoundPeriod, find_dates, find_period, parse_loose_date
from .finding import FAMILIES, SEVERITIES, CellAddress, Finding, Related
from .hookspecs import hookimpl
from .model import Cell, Document, Paragraph, Section, Span, Table
from .normalize import label_key, norm_text
from .schema import SCHEMAS, T2_OUTCOME_ROWS, schema_for, t1_column_label

_CODE = regex.compile(r"^[A-Z]{1,4}\d{2,4}$")
_NAME = regex.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    severity: ClassVar[str] = "error"
    aliases: ClassVar[tuple[str, ...]] = ()  # former codes or names, kept when a rule is renamed

    def check(self, doc: Document, ctx: "Context") -> Iterable[Finding]:
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""

    @classmethod
    def summary(cls) -> str:
        paragraph = " ".join(cls.documentation().split("\n\n", 1)[0].split())
        return regex.split(r"(?<=[.。])\s", paragraph, maxsplit=1)[0]

    @classmethod
    def validate(cls) -> None:
        """Raise ``ValueError`` when the class does not declare a usable identity."""
        for attr in ("code", "name", "family", "severity"):
            if not isinstance(getattr(cls, attr, None), str):
                raise ValueError(f"rule {cls.__qualname__} does not declare `{attr}`")
        if not _CODE.match(cls.code):
            raise ValueError(f"rule {cls.__qualname__}: code {cls.code!r} is not like 'A101'")
        if not _NAME.match(cls.name):
            raise ValueError(f"rule {cls.__qualname__}: name {cls.name!r} is not kebab-case")
        if cls.severity not in SEVERITIES:
            raise ValueError(f"rule {cls.__qualname__}: severity {cls.severity!r} not in {SEVERITIES}")
        if not cls.documentation():
            raise ValueError(f"rule {cls.__qualname__} has no docstring")



def heading_section(text: str) -> str | None:
    """The section (一 … 六) a line would head, by numeral plus core words, exactly as the
    builder recognises headings (domain.md §2.1), or None."""
    # Imported late and through the readers package: builder and readers import each other.
    from . import readers  # noqa: F401
    from .builder import heading_section as recognise

    return recognise(text)


class Context:
    """What a rule gets besides the document: the language, the options, and ``report``."""

    def __init__(self, rule: Rule, lang: str = "zh", options: Mapping[str, Any] | None = None) -> None:
        self.rule = rule
        self.lang = lang
        self.options = dict(options or {})

    def text(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh

    def report(
        self,
        *,
        zh: str,
        en: str,
        span: Span | None = None,
        cell: Cell | CellAddress | None = None,
        expected: Any = None,
        actual: Any = None,
        severity: str | None = None,
        anchor: str | None = None,
        related: tuple[Related, ...] = (),
    ) -> Finding:
        """Build a finding of this rule. A ``Cell`` gives both the address and, unless ``span``
        is given, the position."""
        address = None
        if isinstance(cell, Cell):
            address = CellAddress(cell.table, cell.row, cell.column)
            span = span or cell.span
        elif isinstance(cell, CellAddress):
            address = cell
        rule = self.rule
        return Finding(
            code=rule.code,
            rule=rule.name,
            family=rule.family,
            severity=severity or rule.severity,
            message=self.text(zh, en),
            span=span,
            cell=address,
            expected=expected,
            actual=actual,
            anchor=anchor,
            related=related,
        )


__all__ = [
    "FAMILIES",
    "SCHEMAS",
    "SEVERITIES",
    "T2_OUTCOME_ROWS",
    "Cell",
    "CellAddress",
    "Context",
    "Document",
    "Finding",
    "FoundDate",
    "FoundPeriod",
    "Paragraph",
    "Related",
    "Rule",
    "Section",
    "Span",
    "Table",
    "find_dates",
    "find_period",
    "heading_section",
    "hookimpl",
    "label_key",
    "norm_text",
    "parse_loose_date",
    "schema_for",
    "t1_column_label",
]
