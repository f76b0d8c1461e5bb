"""What every reader produces: lines of cells, each with its place in the source.

A reader's only job is to turn a file into ``SourceLine`` objects: text lines, table rows with
one ``SourceCell`` per cell, each with its place (the reader's own coordinates in its origin).
Everything after that, sections, tables, metadata, is shared by all readers
(``govlint.builder``), which is why ``govlint dump`` shows the same cells whatever form a report
arrived in.
"""

from __future__ import annotations

from .model import Place, Span  # Place: where a line or cell stands, as model nodes keep it


class ReadError(Exception):
    """Input that cannot be read as a report at all (empty, binary, undecodable, corrupt)."""

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en


class EmptyInput(ReadError):
    """The input holds nothing but white space."""

    def __init__(self) -> None:
        super().__init__("P901", "文件为空，没有可检查的内容。", "The file is empty: nothing to check.")


class InputTooLarge(ReadError):
    """The file is over the configured ``max-bytes``: skipped, not read."""


def place_of(span: Span) -> Place:
    return (span.line, span.column, span.end_line, span.end_column, span.origin)


class SourceCell:
    """One cell: its text and its place.

    A cell the builder takes into a table region is a token of that table's stream: it is
    classified in place (``govlint.tables.classify`` sets ``key``, ``value``, ``unit``,
    ``is_value``, ``fused`` and ``missing``) rather than copied into another object per cell."""

    __slots__ = ("text", "place", "key", "value", "unit", "is_value", "fused", "missing")

    def __init__(self, text: str, place: Place) -> None:
        self.text = text
        self.place = place

    @property
    def span(self) -> Span:
        return Span(*self.place)


class SourceLine:
    """One line of text, or one table row, and its place. ``cells`` has a single cell for plain
    text; a row split on separators has one per cell, trailing empty ones (colspan debris)
    included. ``texts`` are the cells' texts, which the builder reads line by line: a reader
    that has them at hand passes them rather than have them collected again.

    ``separated`` is True when the line was split on cell separators. ``grid`` is True when the
    cells are a real table grid (HTML, DOCX, PDF): each is a cell, and an empty one is a blank
    value. In pipe text, empty cells at the end of a row are colspan debris."""

    __slots__ = ("cells", "texts", "place", "raw", "separated", "grid")

    def __init__(self, cells: tuple[SourceCell, ...], place: Place, raw: str, separated: bool = False,
                 grid: bool = False, texts: tuple[str, ...] | None = None) -> None:
        self.cells = cells
        self.texts = tuple([cell.text for cell in cells]) if texts is None else texts
        self.place = place
        self.raw = raw
        self.separated = separated
        self.grid = grid

    @property
    def span(self) -> Span:
        return Span(*self.place)

    @property
    def first(self) -> str:
        return self.texts[0] if self.texts else ""


def text_line(raw: str, line_no: int, origin: tuple[tuple[str, int], ...] = ()) -> SourceLine:
    """Split one line of text on "|" into cells, each spanning its stripped text."""
    # SourceLine's arguments are passed by position: keywords cost a class call a dict, and this
    # runs for every line of a report.
    place = (line_no, 1, line_no, len(raw) + 1, origin)
    if "|" not in raw:  # prose, headings, a cell on its own line: one cell, spanning the stripped line
        text = raw.strip()
        start = len(raw) - len(raw.lstrip()) + 1 if text else 1
        cell = SourceCell(text, (line_no, start, line_no, start + len(text), origin))
        return SourceLine((cell,), place, raw, False, False, (text,))  # not separated, no grid
    cells = []
    texts = []
    column = 1  # where the part starts
    for part in raw.split("|"):
        text = part.strip()
        start = column + len(part) - len(part.lstrip()) if text else column
        cells.append(SourceCell(text, (line_no, start, line_no, start + len(text), origin)))
        texts.append(text)
        column += len(part) + 1
    return SourceLine(tuple(cells), place, raw, True, False, tuple(texts))  # separated, no grid
