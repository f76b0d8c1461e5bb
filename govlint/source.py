"""What every reader produces: lines of cells with source spans.

A reader's only job is to turn a file into ``SourceLine`` objects: text lines, table rows with
one ``SourceCell`` per cell, each with its span (and the reader's own coordinates in
``Span.origin``). Everything after that, sections, tables, metadata, is shared by all readers
(``govlint.builder``), which is why ``govlint dump`` shows the same cells whatever form a report
arrived in.
"""

from __future__ import annotations

from attrs import frozen

from .model import Span, quick_init


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


@quick_init
@frozen
class SourceCell:
    text: str
    span: Span


@quick_init
@frozen
class SourceLine:
    """One line of text, or one table row. ``cells`` has a single cell for plain text; a row
    split on separators has one per cell, trailing empty ones (colspan debris) included."""

    cells: tuple[SourceCell, ...]
    span: Span
    raw: str
    separated: bool = False  # True when the line was split on cell separators
    # True when the cells are a real table grid (HTML, DOCX, PDF): each is a cell, and an empty one
    # is a blank value. In pipe text, empty cells at the end of a row are colspan debris.
    grid: bool = False

    @property
    def first(self) -> str:
        return self.cells[0].text if self.cells else ""


def text_line(raw: str, line_no: int, origin: tuple[tuple[str, int], ...] = ()) -> SourceLine:
    """Split one line of text on "|" into cells, keeping each cell's stripped span."""
    span = Span(line_no, 1, line_no, len(raw) + 1, origin)
    if "|" not in raw:
        return SourceLine((_cell(raw, 0, line_no, origin),), span, raw)
    cells = []
    start = 0
    for part in raw.split("|"):
        cells.append(_cell(part, start, line_no, origin))
        start += len(part) + 1
    return SourceLine(tuple(cells), span, raw, separated=True)


def _cell(part: str, start: int, line_no: int, origin: tuple[tuple[str, int], ...]) -> SourceCell:
    stripped = part.strip()
    if not stripped:
        return SourceCell("", Span(line_no, start + 1, line_no, start + 1, origin))
    lead = len(part) - len(part.lstrip())
    col = start + lead + 1
    return SourceCell(stripped, Span(line_no, col, line_no, col + len(stripped), origin))
