"""The corpus pass: rules that see every report of a run at once, after the per-document pass.

A supervisor compares reports side by side: this year's carry-over against last year's, a
region's aggregate against its members. Holding tens of thousands of parsed documents for that
is out of the question, so the per-document pass turns each document into a ``ReportSummary``
(identity, the table values with their positions in compact arrays, the text of section 五, a
content digest) and drops the document. The corpus rules only ever see summaries, grouped by a
``Corpus`` index (agency series across years, regions from the mapping file).
"""

from __future__ import annotations

import hashlib
import math
import os
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
from attrs import field, frozen

from .config import Config
from .finding import CellAddress, Finding
from .identity import AgencyMapping, ReportIdentity, identify, load_mapping
from .model import Document, Span
from .plugins import Registry, load_registry
from .rule import CorpusContext
from .schema import SCHEMAS

if TYPE_CHECKING:  # as in govlint.api: concurrent.futures only where executors are made
    from concurrent.futures import Executor

# Every cell of Tables 1-3 in either format, in a fixed order: a summary stores one slot each.
CELL_KEYS: tuple[CellAddress, ...] = tuple(dict.fromkeys(
    CellAddress(table.id, row.id, column)
    for schema in SCHEMAS.values()
    for table in schema.tables
    for row in table.rows
    for column in row.columns
))
# Keyed by plain (table, row, column) tuples: summaries and the corpus rules look slots up hundreds
# of thousands of times in a run, and a tuple hashes without a call into attrs.
_SLOT = {(a.table, a.row, a.column): index for index, a in enumerate(CELL_KEYS)}
_MISSING = math.nan
SECTION5_LIMIT = 6000  # characters of section 五 kept: longer texts are compared on their start


@frozen
class ReportSummary:
    """What the corpus rules need of one report, small enough to keep for every report of a run.

    ``values`` has one float per ``CELL_KEYS`` slot (NaN: the cell is absent or missing, never 0);
    ``spans`` four ints per slot (line, column, end line, end column; 0 when unknown). Both are
    ``array`` objects: a few kilobytes per report instead of a tree of objects."""

    path: str
    identity: ReportIdentity
    format: str
    digest: str  # hash of the body text and table values: equal digests mean the same report
    title_span: Span | None = None
    section5: str | None = None
    section5_span: Span | None = None
    values: array = field(factory=lambda: array("d"), eq=False)
    spans: array = field(factory=lambda: array("i"), eq=False)
    origins: Mapping[int, tuple[tuple[str, int], ...]] = field(factory=dict, eq=False)

    @property
    def year(self) -> int | None:
        return self.identity.year

    def value(self, table: str, row: str, column: str) -> int | float | None:
        slot = _SLOT.get((table, row, column))
        if slot is None or not self.values:
            return None
        value = self.values[slot]
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value

    def cell_span(self, address: CellAddress) -> Span | None:
        slot = _SLOT.get((address.table, address.row, address.column))
        if slot is None or not self.spans or not self.spans[4 * slot]:
            return None
        line, column, end_line, end_column = self.spans[4 * slot: 4 * slot + 4]
        return Span(line, column, end_line, end_column, self.origins.get(slot, ()))

    def present(self, table: str) -> Iterator[tuple[CellAddress, int | float]]:
        """The cells of ``table`` that hold a value."""
        for address in CELL_KEYS:
            if address.table == table:
                value = self.value(address.table, address.row, address.column)
                if value is not None:
                    yield address, value


def summarise(doc: Document, path: str | None = None, kind: str | None = None) -> ReportSummary:
    """The summary of a parsed report. Keeps nothing that refers back to ``doc``."""
    values = array("d", [_MISSING]) * len(CELL_KEYS)
    spans = array("i", [0]) * (4 * len(CELL_KEYS))
    origins: dict[int, tuple] = {}
    for table in doc.tables:
        for cell in table.cells():
            slot = _SLOT.get((cell.table, cell.row, cell.column))
            if slot is None or not math.isnan(values[slot]):
                continue  # unknown to the schema, or a repeated table: the first one counts
            if cell.value is not None:
                values[slot] = float(cell.value)
            place = cell.place
            if place:
                at = 4 * slot
                spans[at], spans[at + 1], spans[at + 2], spans[at + 3], origin = place
                if origin:
                    origins[slot] = origin
    section5 = doc.section("五")
    return ReportSummary(
        path=path if path is not None else (doc.path or ""),
        identity=identify(doc, kind),
        format=doc.format,
        digest=_digest(doc),
        title_span=doc.title.span if doc.title else (doc.agency.span if doc.agency else None),
        section5="".join(section5.text.split())[:SECTION5_LIMIT] if section5 else None,
        section5_span=section5.span if section5 else None,
        values=values,
        spans=spans,
        origins=origins,
    )


def _digest(doc: Document) -> str:
    """Same body and same numbers, same digest: page headers (index numbers, dates of the
    portal copy) and spacing do not count."""
    hasher = hashlib.blake2b(digest_size=12)
    body = [p.text for s in doc.sections for p in (s.heading, *s.paragraphs)] or list(doc.lines)
    hasher.update("".join("".join(body).split()).encode("utf-8"))
    # one update of the joined cells: the same digest as an update per cell, in far fewer calls
    hasher.update("".join([f"|{c.table}{c.row}{c.column}={c.value}" for t in doc.tables for c in t.cells()]).encode())
    return hasher.hexdigest()


class Corpus:
    """The summaries of a run, indexed: by canonical agency and year, and by region."""

    def __init__(self, reports: Iterable[ReportSummary], mapping: AgencyMapping | None = None) -> None:
        self.mapping = mapping or AgencyMapping()
        self.reports: list[ReportSummary] = []
        self._agency: dict[int, str | None] = {}
        self._series: dict[str, dict[int, list[ReportSummary]]] = defaultdict(lambda: defaultdict(list))
        self._names: dict[str, str] = dict(self.mapping.display)
        for report in sorted(reports, key=lambda r: r.path):
            key = self.mapping.canonical(report.path, report.identity.key)
            kind = self.mapping.kinds.get(key) if key else None
            if kind and kind != report.identity.kind:
                report = attrs.evolve(report, identity=attrs.evolve(report.identity, kind=kind))
            self.reports.append(report)
            self._agency[id(report)] = key
            if key and report.year is not None:
                self._series[key][report.year].append(report)
                self._names.setdefault(key, report.identity.name or key)

    @property
    def regions(self):
        return self.mapping.regions

    def agency(self, report: ReportSummary) -> str | None:
        """The canonical agency key of a report (after the mapping)."""
        return self._agency.get(id(report))

    def name(self, key: str) -> str:
        """An agency's name for messages: as the mapping writes it, else as its first report does."""
        return self._names.get(key, key)

    def agencies(self) -> list[str]:
        return sorted(self._series)

    def years(self, key: str) -> list[int]:
        return sorted(self._series.get(key, {}))

    def reports_for(self, key: str, year: int) -> list[ReportSummary]:
        """The reports of one agency for one year, by path (more than one is itself a finding)."""
        return list(self._series.get(key, {}).get(year, ()))

    def previous(self, report: ReportSummary) -> ReportSummary | None:
        """The agency's report for the year before, the first by path if there are several."""
        key = self.agency(report)
        if key is None or report.year is None:
            return None
        earlier = self.reports_for(key, report.year - 1)
        return earlier[0] if earlier else None


def run_corpus_rules(corpus: Corpus, registry: Registry, config: Config) -> list[Finding]:
    """Every enabled corpus rule on the corpus; a rule that raises becomes one X001 finding."""
    from .engine import rule_crashed
    from .suppress import unsuppressed_across

    findings: list[Finding] = []
    options = config.rule_options()
    for rule_class in registry.corpus_rules:
        if not config.enabled(rule_class):
            continue
        rule = rule_class()
        try:
            produced = list(rule.check(corpus, CorpusContext(rule, config.lang, options)))
        except Exception as exc:  # noqa: BLE001 - a crashing rule is reported, never fatal
            findings.append(rule_crashed(rule_class, exc, config))
            continue
        severity = config.severity_of(rule_class, "")
        findings.extend(attrs.evolve(f, severity=severity) if severity else f for f in produced)
    findings = unsuppressed_across(findings, config, registry)  # per-file-ignores and suppress entries
    findings.sort(key=Finding.sort_key)
    return findings


class CorpusPass:
    """Collects summaries while the per-document pass runs, then runs the corpus rules::

        corpus = CorpusPass(config, registry, mapping)
        for path in files:
            result = lint_file(path, config, registry, summarise=corpus.wanted)
            corpus.add(result)
        for result in corpus.finish():   # one FileResult per report with corpus findings
            ...
    """

    def __init__(self, config: Config, registry: Registry, mapping: AgencyMapping | None = None,
                 enabled: bool = True) -> None:
        self.config = config
        self.registry = registry
        self.mapping = mapping
        self.summaries: list[ReportSummary] = []
        # False when no corpus rule would run: then no summary is even made
        self.wanted = enabled and any(config.enabled(rule) for rule in registry.corpus_rules)

    def add(self, result: Any) -> None:
        """Keep the summary of a ``FileResult`` (lint_file with ``summarise=True``)."""
        summary = getattr(result, "summary", None)
        if summary is not None:
            self.summaries.append(summary)

    def finish(self) -> list:
        from .api import FileResult

        if not self.wanted:
            return []
        findings = run_corpus_rules(Corpus(self.summaries, self.mapping), self.registry, self.config)
        by_path: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_path[finding.path or ""].append(finding)
        return [FileResult(path, tuple(found)) for path, found in by_path.items()]


def configured_mapping(config: Config) -> AgencyMapping | None:
    """The mapping file the configuration names (``corpus-map``, relative to the configuration
    file's directory), loaded; None when it names none. Raises ``MappingError``."""
    name = config.options.get("corpus-map")
    return load_mapping(os.path.join(config.root or ".", name)) if name else None


def lint_corpus(
    paths: Iterable[str | os.PathLike[str]],
    executor: Executor | None = None,
    *,
    config: Config | None = None,
    plugins: Sequence[object] = (),
    reader: str | None = None,
    mapping: AgencyMapping | str | os.PathLike[str] | None = None,
    documents: bool = True,
) -> Iterator[Any]:
    """Lint every report under ``paths`` and then the corpus they form, streamed: one
    ``FileResult`` per file of the per-document pass (left out when ``documents`` is false),
    then one per report that has corpus findings. The per-document pass runs in ``executor``
    when one is given (as ``govlint.lint_many``); only summaries come back. ``mapping`` is an
    ``AgencyMapping`` or the path of a mapping file (TOML or CSV); it defaults to the
    ``corpus-map`` option."""
    from .api import lint_many

    config = config or Config()
    if mapping is None:
        mapping = configured_mapping(config)
    elif not isinstance(mapping, AgencyMapping):
        mapping = load_mapping(mapping)
    corpus = CorpusPass(config, load_registry(plugins), mapping)
    for result in lint_many(paths, executor, config=config, plugins=plugins, reader=reader,
                            summarise=corpus.wanted):
        corpus.add(result)
        if documents:
            yield result
    yield from corpus.finish()
