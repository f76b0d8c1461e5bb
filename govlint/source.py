"""What every reader produces: lines of cells, each with its place in the source.

A reader's only job is to turn a file into ``SourceLine`` objects: text lines, table rows with
one text and one place per cell (the place in the reader's own coordinates in its origin).
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


class SourceLine:
    """One line of text, or one table row, and its place. ``texts`` has a single cell's text for
    plain text; a row split on separators has one per cell, trailing empty ones (colspan debris)
    included. ``places`` are the cells' places, one per text: a cell is no object of its own,
    and becomes a table token (``govlint.tables.tokens_of``) only if the builder takes it into a
    table region.

    ``separated`` is True when the line was split on cell separators. ``grid`` is True when the
    cells are a real table grid (HTML, DOCX, PDF): each is a cell, and an empty one is a blank
    value. In pipe text, empty cells at the end of a row are colspan debris."""

    __slots__ = ("texts", "places", "place", "raw", "separated", "grid")

    def __init__(self, texts: tuple[str, ...], places: tuple[Place, ...], place: Place, raw: str,
                 separated: bool = False, grid: bool = False) -> None:
        self.texts = texts
        self.places = places
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


def single(text: str, place: Place, separated: bool = False) -> SourceLine:
    """A line that is one cell, spanning all of it: a paragraph, a header field, a piece of a
    run-on line."""
    return SourceLine((text,), (place,), place, text, separated)


def text_line(raw: str, line_no: int, origin: tuple[tuple[str, int], ...] = ()) -> SourceLine:
    """Split one line of text on "|" into cells, each spanning its stripped text."""
    # SourceLine's arguments are passed by position: keywords cost a class call a dict, and this
    # runs for every line of a report.
    place = (line_no, 1, line_no, len(raw) + 1, origin)
    if "|" not in raw:  # prose, headings, a cell on its own line: one cell, spanning the stripped line
        text = raw.strip()
        start = len(raw) - len(raw.lstrip()) + 1 if text else 1
        return SourceLine((text,), ((line_no, start, line_no, start + len(text), origin),), place, raw)
    texts = []
    places = []
    column = 1  # where the part starts
    for part in raw.split("|"):
        text = part.strip()
        start = column + len(part) - len(part.lstrip()) if text else column
        texts.append(text)
        places.append((line_no, start, line_no, start + len(text), origin))
        column += len(part) + 1
    return SourceLine(tuple(texts), tuple(places), place, raw, True, False)  # separated, no grid
