"""What every reader produces: lines of cells with source spans.

A reader's only job is to turn a file into ``SourceLine`` objects: text lines, table rows with
one ``SourceCell`` per cell, each with its span (and the reader's own coordinates in
``Span.origin``). Everything after that, sections, tables, metadata, is shared by all readers
(``govlint.builder``), which is why ``govlint dump`` shows the same cells whatever form a report
arrived in.
"""

from __future__ import annotations

import functools

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
    cells = tuple([SourceCell(text, Span(line_no, start, line_no, end, origin)) for text, start, end in _cells(raw)])
    return SourceLine(cells, span, raw, separated=len(cells) > 1)


@functools.lru_cache(maxsize=1024)  # header lines and table rows recur from report to report; a line is at most a few KB
def _cells(raw: str) -> tuple[tuple[str, int, int], ...]:
    """(stripped text, start column, end column) of each "|"-separated part of ``raw``; an empty
    part is an empty span where it starts."""
    out = []
    start = 1
    for part in raw.split("|"):
        stripped = part.strip()
        column = start + len(part) - len(part.lstrip()) if stripped else start
        out.append((stripped, column, column + len(stripped)))
        start += len(part) + 1
    return tuple(out)
