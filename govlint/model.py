"""The document model: one immutable tree whatever form a report arrived in.

Document → Section → Paragraph / Table → Row → Cell. Every node carries the span of the source
text it came from (``span``; rows and cells keep it as a ``Place`` tuple and make the ``Span``
when asked), so a finding can point at the exact cell or sentence. This module imports nothing
of govlint: readers build these objects, rules and reporters only look at them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any

import attrs
from attrs import frozen

FORMAT_2019 = "2019"
FORMAT_2021 = "2021"
FORMAT_HYBRID = "hybrid"
FORMAT_UNKNOWN = "unknown"


def quick_init(cls: type) -> type:
    """Build a frozen slotted attrs class's instances the fast way: the same object as attrs' own
    ``__init__`` builds, in under half the time. Readers build several per table cell.

    A frozen class's ``__setattr__`` refuses every store, so attrs stores each field through
    ``object.__setattr__``, a call per field. Here ``__new__`` fills a plain twin of the class
    (the same slots, no ``__setattr__`` of its own: the interpreter stores into its slots
    directly), then makes the object the frozen class's (``__class__``, allowed between classes of
    one layout). ``__reduce__`` pickles and copies through the same constructor.

    Only for plain fields (no validator, converter, factory default or post-init hook), with
    ``weakref_slot=False`` (a weakref slot after the fields makes CPython refuse the swap), and
    for a class nobody subclasses."""
    fields = attrs.fields(cls)
    plain = all(f.init and f.validator is None and f.converter is None and not isinstance(f.default, attrs.Factory)
                for f in fields)
    if not plain or hasattr(cls, "__attrs_post_init__"):
        raise TypeError(f"quick_init: {cls.__qualname__} has fields or hooks only attrs' own __init__ handles")
    twin = type(f"{cls.__name__}Twin", (), {"__slots__": cls.__slots__, "__module__": cls.__module__})
    namespace: dict[str, Any] = {"_twin": twin, "_new": object.__new__}
    params = []
    for f in fields:
        if f.default is attrs.NOTHING:
            params.append(f.alias)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.alias}=_default_{f.name}")
    stores = "".join(f"\n    self.{f.name} = {f.alias}" for f in fields)
    exec(f"def __new__(cls, {', '.join(params)}):"
         f"\n    self = _new(_twin){stores}"
         "\n    self.__class__ = cls"
         "\n    return self", namespace)
    new = namespace["__new__"]
    new.__qualname__ = f"{cls.__qualname__}.__new__"
    cls.__new__ = new  # type: ignore[method-assign]
    del cls.__init__  # object's: __new__ has filled the object
    names = tuple(f.name for f in fields)
    cls.__reduce__ = lambda self: (type(self), tuple(getattr(self, name) for name in names))  # type: ignore[method-assign]
    cls.__init_subclass__ = classmethod(_final)  # type: ignore[method-assign]  # a subclass's object is not its twin's
    try:
        object.__new__(twin).__class__ = cls
    except TypeError as exc:
        raise TypeError(f"quick_init: {cls.__qualname__} and its twin differ in layout ({exc});"
                        " is weakref_slot=False set?") from None
    return cls


def _final(subclass: type, **_kwargs: Any) -> None:
    raise TypeError(f"{subclass.__mro__[1].__qualname__} is built by quick_init and cannot be subclassed")


# Where a node stands, a ``Span``'s fields as a plain tuple: (line, column, end line, end column,
# origin). Cells and rows keep it and make their ``Span`` when asked: they are most of a report's
# nodes, and a ``Span`` costs four times a tuple to build.
Place = tuple[int, int, int, int, tuple[tuple[str, int], ...]]


@quick_init
@frozen(weakref_slot=False)
class Span:
    """A stretch of source text. Lines and columns are 1-based and count Unicode code points;
    the end column is exclusive. ``origin`` holds the reader's own coordinates for inputs that
    are not plain text, e.g. ``(("page", 3),)`` for a PDF or ``(("table", 2), ("row", 5), ("cell", 3))``
    for a DOCX."""

    line: int
    column: int
    end_line: int
    end_column: int
    origin: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }
        if self.origin:
            out["origin"] = dict(self.origin)
        return out


@quick_init
@frozen(weakref_slot=False)
class Normalized:
    """Text after normalisation (NFKC, traditional → simplified) with, for every character, the
    index of the source character it came from, so positions found in ``text`` map back.
    Empty ``offsets`` means the identity map (the usual case, kept cheap)."""

    text: str
    offsets: tuple[int, ...] = ()

    def source_index(self, index: int) -> int:
        if not self.offsets:
            return index
        if index >= len(self.offsets):
            return self.offsets[-1] + 1
        return self.offsets[index]


@quick_init
@frozen(weakref_slot=False)
class Paragraph:
    """A run of text: a heading, a sentence group, a header field. ``raw`` is the source text,
    ``norm`` the normalised text that rules match against."""

    raw: str
    norm: Normalized
    span: Span

    @property
    def text(self) -> str:
        return self.norm.text

    def span_of(self, start: int, end: int) -> Span:
        """The source span of ``text[start:end]`` (indices into the normalised text)."""
        raw_start = self.norm.source_index(start)
        raw_end = self.norm.source_index(end - 1) + 1 if end > start else raw_start
        line, col = _advance(self.span.line, self.span.column, self.raw[:raw_start])
        end_line, end_col = _advance(line, col, self.raw[raw_start:raw_end])
        return Span(line, col, end_line, end_col, self.span.origin)


def _span_of_place(node: Cell | Row) -> Span | None:
    """The ``span`` of a cell or row: made from its ``place`` when asked."""
    return Span(*node.place) if node.place is not None else None


def _advance(line: int, column: int, text: str) -> tuple[int, int]:
    breaks = text.count("\n")
    if breaks:
        return line + breaks, len(text) - text.rfind("\n")
    return line, column + len(text)


@quick_init
@frozen(weakref_slot=False)
class Cell:
    """One table cell addressed by stable IDs (``T2``/``R3.4.2``/``C7``). A blank, "/" or "—"
    cell has ``value`` None and keeps its ``raw`` text: missing data is never zero.

    ``place`` is where the cell stands (a ``Place``), and ``span`` makes the ``Span`` when asked:
    only the few cells a finding points at need one."""

    table: str
    row: str
    column: str
    raw: str
    value: int | float | None
    unit: str | None = None
    place: Place | None = None
    span = property(_span_of_place)

    @property
    def missing(self) -> bool:
        return self.value is None

    @property
    def address(self) -> dict[str, str]:
        return {"table": self.table, "row": self.row, "column": self.column}


@quick_init
@frozen(weakref_slot=False)
class Row:
    """A table row: its schema ID, its label as written, its cells, and where it stands (a
    ``Place``; ``span`` makes the ``Span`` when asked)."""

    id: str
    label: str
    cells: tuple[Cell, ...]
    place: Place | None = None
    span = property(_span_of_place)

    def cell(self, column: str) -> Cell | None:
        for cell in self.cells:
            if cell.column == column:
                return cell
        return None


@frozen
class Table:
    """A statistics table mapped onto the format schema. Rows the schema expects but the source
    lacks are simply absent; rules decide whether that is a defect."""

    id: str
    rows: tuple[Row, ...]
    span: Span | None = None
    # rows by ID: rules look cells up tens of thousands of times per second (first row wins)
    _by_id: dict = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Row] = {}
        for row in self.rows:
            by_id.setdefault(row.id, row)
        object.__setattr__(self, "_by_id", by_id)

    def row(self, row_id: str) -> Row | None:
        return self._by_id.get(row_id)

    def cell(self, row_id: str, column: str) -> Cell | None:
        row = self.row(row_id)
        return row.cell(column) if row else None

    def cells(self) -> Iterator[Cell]:
        for row in self.rows:
            yield from row.cells


Block = Paragraph | Table


@frozen
class Section:
    """One of the six statutory sections. ``key`` is its canonical numeral (一 … 六); ``heading``
    is the heading paragraph as written."""

    key: str
    heading: Paragraph
    blocks: tuple[Block, ...] = ()
    # the blocks by kind, sorted once: every rule asks for them
    paragraphs: tuple[Paragraph, ...] = attrs.field(init=False, eq=False, repr=False)
    tables: tuple[Table, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "paragraphs", tuple(b for b in self.blocks if isinstance(b, Paragraph)))
        object.__setattr__(self, "tables", tuple(b for b in self.blocks if isinstance(b, Table)))

    @property
    def span(self) -> Span:
        return self.heading.span

    @property
    def text(self) -> str:
        """The normalised body text, one paragraph a line."""
        return "\n".join(p.text for p in self.paragraphs)


@quick_init
@frozen(weakref_slot=False)
class DateValue:
    """A calendar date as written. It may be impossible (2月30日), so it is not a ``datetime.date``."""

    year: int
    month: int
    day: int

    @property
    def date(self) -> _dt.date | None:
        try:
            return _dt.date(self.year, self.month, self.day)
        except ValueError:
            return None

    @property
    def valid(self) -> bool:
        return self.date is not None

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@frozen
class Period:
    """The statistical period a report states: start and end as written."""

    start: DateValue
    end: DateValue


@frozen
class Located:
    """A value the reader found in the text (a date, a year, a name) with where it was found."""

    value: Any
    raw: str
    span: Span | None = None


@frozen
class Problem:
    """Something a reader could not understand. The engine turns each into a ``parse`` finding."""

    code: str
    message_zh: str
    message_en: str
    span: Span | None = None


@frozen
class Document:
    """A whole report. ``preamble`` holds what precedes the first recognised section (page header,
    title, introduction); ``tables`` lists every mapped table wherever it stood."""

    path: str | None
    reader: str
    format: str
    lines: tuple[str, ...]
    preamble: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    title: Located | None = None
    agency: Located | None = None
    year: Located | None = None  # the report year, decided by the evidence (metadata.report_year)
    title_year: Located | None = None  # the year the title names, which may be the wrong one
    publication_date: Located | None = None
    period: Located | None = None
    format_signals: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()

    # every mapped table wherever it stood, and the first of each ID: derived once, asked for often
    tables: tuple[Table, ...] = attrs.field(init=False, eq=False, repr=False)
    _table_by_id: dict = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        found = [b for b in self.preamble if isinstance(b, Table)]
        for section in self.sections:
            found.extend(section.tables)
        by_id: dict[str, Table] = {}
        for table in found:
            by_id.setdefault(table.id, table)
        object.__setattr__(self, "tables", tuple(found))
        object.__setattr__(self, "_table_by_id", by_id)

    def section(self, key: str) -> Section | None:
        for section in self.sections:
            if section.key == key:
                return section
        return None

    def table(self, table_id: str) -> Table | None:
        return self._table_by_id.get(table_id)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph in reading order, preamble first."""
        for block in self.preamble:
            if isinstance(block, Paragraph):
                yield block
        for section in self.sections:
            yield section.heading
            yield from section.paragraphs

    @property
    def report_year(self) -> int | None:
        return self.year.value if self.year else None

    def evolve(self, **changes: Any) -> Document:
        return attrs.evolve(self, **changes)

