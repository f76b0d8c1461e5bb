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

import functools
import inspect
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import attrs
import regex

from .dates import FoundDate, FoundPeriod, find_dates, find_impossible_dates, find_period, parse_loose_date
from .finding import FAMILIES, SEVERITIES, CellAddress, Finding, Related
from .hookspecs import hookimpl
from .lazyregex import LazyPattern
from .model import Cell, Document, Paragraph, Section, Span, Table
from .normalize import label_key, norm_text
from .schema import (SCHEMAS, T2_OUTCOME_ROWS, T3_SUMS, SumSpec, schema_for, t1_column_label, t2_outcome_rows,
                     t2_sums)

_CODE = regex.compile(r"^[A-Z]{1,4}\d{2,4}$")
_NAME = regex.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class RuleIdentity:
    """What every rule declares, whatever it looks at: code, name, family, severity, docstring.
    Configuration (select, ignore, severity) and ``govlint explain`` only need this part."""

    code: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    severity: ClassVar[str] = "error"
    aliases: ClassVar[tuple[str, ...]] = ()  # former codes or names, kept when a rule is renamed

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


class Rule(RuleIdentity):
    """Base class of every document rule: it sees one report at a time. Subclasses set the class
    attributes and implement ``check``."""

    def check(self, doc: Document, ctx: "Context") -> Iterable[Finding]:
        raise NotImplementedError


def heading_section(text: str) -> str | None:
    """The section (一 … 六) a line would head, by numeral plus core words, exactly as the
    builder recognises headings (domain.md §2.1), or None."""
    from .builder import heading_section as recognise  # late: rules that never ask skip the builder

    return recognise(text)


class Context:
    """What a rule gets besides the document: the language, the options, and ``report``."""

    def __init__(self, rule: Rule, lang: str = "zh", options: Mapping[str, Any] | None = None) -> None:
        self.rule = rule
        self.lang = lang
        self._run_options = options

    @functools.cached_property
    def options(self) -> dict[str, Any]:
        """The run's options: a copy, made when a rule first asks (few do), that it may change."""
        return dict(self._run_options or {})

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


class CorpusRule(RuleIdentity):
    """Base class of every corpus rule: it sees the summaries of all the reports of a run at once
    (a ``govlint.corpus.Corpus``: the reports of one agency across years, the units of a region),
    after the per-document pass. Plugins provide them through the ``govlint_corpus_rules`` hook.
    Subclasses set the class attributes and implement ``check``."""

    family: ClassVar[str] = "corpus"
    # True for a rule that finds something only by comparing reports with each other or with the
    # regions of a mapping file. A run over one report without a mapping skips the corpus pass,
    # and loading its machinery, when every corpus rule says so (the pre-commit hook on one
    # file). A rule that may report on a report alone keeps the default.
    compares_reports: ClassVar[bool] = False

    def check(self, corpus: Any, ctx: "CorpusContext") -> Iterable[Finding]:
        raise NotImplementedError


class CorpusContext(Context):
    """``Context`` for corpus rules. A corpus finding is about one report (``about``: a
    ``ReportSummary``) and usually points at another one as well (``related``)."""

    def report(  # type: ignore[override]
        self,
        *,
        about: Any,
        zh: str,
        en: str,
        cell: CellAddress | None = None,
        span: Span | None = None,
        related: tuple[Related, ...] = (),
        path: str | None = None,
        **details: Any,
    ) -> Finding:
        """A finding on report ``about``, at ``cell`` (its position comes from the summary) or
        ``span``, else at the report's title. A finding about a report that does not exist has
        ``about=None`` and names the file it is about in ``path`` (e.g. the mapping file)."""
        if span is None and about is not None:
            span = about.cell_span(cell) if cell is not None else about.title_span
        finding = super().report(zh=zh, en=en, span=span, cell=cell, related=related, **details)
        return attrs.evolve(finding, path=about.path if about is not None else path)

    def related(self, other: Any, *, zh: str, en: str, cell: CellAddress | None = None,
                span: Span | None = None) -> Related:
        """The place in report ``other`` a finding refers to: a cell, a span, else its title."""
        if span is None:
            span = other.cell_span(cell) if cell is not None else other.title_span
        return Related(other.path, span, self.text(zh, en), cell)


__all__ = [
    "FAMILIES",
    "SCHEMAS",
    "SEVERITIES",
    "T2_OUTCOME_ROWS",
    "T3_SUMS",
    "Cell",
    "CellAddress",
    "Context",
    "CorpusContext",
    "CorpusRule",
    "Document",
    "Finding",
    "FoundDate",
    "FoundPeriod",
    "Paragraph",
    "Related",
    "Rule",
    "RuleIdentity",
    "Section",
    "Span",
    "SumSpec",
    "Table",
    "find_dates",
    "find_impossible_dates",
    "find_period",
    "heading_section",
    "hookimpl",
    "label_key",
    "norm_text",
    "parse_loose_date",
    "schema_for",
    "t1_column_label",
    "t2_outcome_rows",
    "t2_sums",
]
