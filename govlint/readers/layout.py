"""Shared by the structured readers (HTML, DOCX, PDF): cell text clean-up, and lines in reading
order for inputs that have no text lines of their own.

Merged cells: a table row is emitted with one cell (text and place) per *real* cell, at the grid
position where the cell starts. The positions a colspan or rowspan covers are not emitted: the
builder reads a table as a stream of labels and values, so an empty cell there would read as a
blank (missing) value and shift every value after it. A row-group label ("三、本年度办理结果",
rowspan=22) therefore appears once, on its first row, exactly as in a pipe-rendered copy of the
page (domain.md §6.1–6.2), and a genuinely blank value cell (``&nbsp;``) stays an empty cell.
"""

from __future__ import annotations

import functools

import regex

from ..source import SourceLine, single

_CJK = r"\p{Han}\p{InCJK_Symbols_and_Punctuation}\p{InHalfwidth_and_Fullwidth_Forms}"
# A line break between two CJK characters or digits is layout (a narrow cell wraps "商业\n企业" and
# "1132080078\n33785008"), not a word boundary.
_CJK_BREAK = regex.compile(rf"(?<=[{_CJK}\d])[ \t]*\n\s*(?=[{_CJK}\d])")
_SPACES = regex.compile(r"\s+")
CELL_SEPARATOR = " | "


@functools.lru_cache(maxsize=4096)  # table cells ("0", the row labels) recur from report to report
def squash(text: str) -> str:
    """One line of clean text: ``&nbsp;`` is a space, breaks inside CJK text vanish, other runs
    of white space become one space."""
    text = text.replace("\xa0", " ").replace("\u3000", " ").replace("\r", "")
    text = _CJK_BREAK.sub("", text)
    return _SPACES.sub(" ", text).strip()


class Lines:
    """Builds ``SourceLine`` objects numbered in reading order (line N is ``doc.lines[N-1]``, the
    ``raw`` text), each cell spanning its place in that raw text; ``origin`` keeps the reader's
    own coordinates (page, paragraph, table/row/cell)."""

    def __init__(self) -> None:
        self.lines: list[SourceLine] = []

    def text(self, text: str, origin: tuple[tuple[str, int], ...]) -> None:
        text = squash(text)
        if not text:
            return
        number = len(self.lines) + 1
        place = (number, 1, number, len(text) + 1, origin)
        self.lines.append(single(text, place))

    def row(self, cells: list[tuple[str, tuple[tuple[str, int], ...]]], origin: tuple[tuple[str, int], ...]) -> None:
        """A table row: ``cells`` are (text, origin) of each real cell in order."""
        cells = cells[drop_label_debris([text for text, _ in cells]):]
        if not cells:
            return
        number = len(self.lines) + 1
        texts = []
        places = []
        column = 1
        for text, cell_origin in cells:
            text = squash(text)
            texts.append(text)
            places.append((number, column, number, column + len(text), cell_origin))
            column += len(text) + len(CELL_SEPARATOR)
        raw = CELL_SEPARATOR.join(texts)
        place = (number, 1, number, len(raw) + 1, origin)
        self.lines.append(SourceLine(tuple(texts), tuple(places), place, raw, True, True))  # separated, a grid


_LABEL = regex.compile(r"[\p{L}]")


def drop_label_debris(texts: list[str]) -> int:
    """How many leading empty cells to drop: empty cells before a row's first label are what is
    left of a row-group label cell split by a page break or a merge, not blank values."""
    for index, text in enumerate(texts):
        if text.strip():
            return index if _LABEL.search(text) else 0
    return 0
