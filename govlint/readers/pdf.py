"""PDF files with a text layer (pdfplumber): text lines and ruled tables, page by page.

What a PDF loses and this reader puts back:
- **Tables**: a ruled table row with two or more cells becomes a row of cells; merged cells come
  once, where they start (see ``layout``). A row with a single cell (a block title such as
  "第二十条第（一）项" spanning the table, or a page-wide frame drawn around the text) is text.
- **Tables split across pages**: rows simply continue; when the continuation repeats the
  table's header rows at the top of the next page, the repeats are dropped.
- **Hard line breaks**: a line that runs to the right margin is joined with the next one when
  that one is neither indented (Chinese paragraphs start indented) nor a numbered heading, also
  across a page break; a sentence end is no paragraph end ("…得当。" can fill a line in the middle
  of a paragraph). Page numbers ("- 3 -", "第 3 页") are dropped.

Locations: line numbers in reading order (``doc.lines`` holds their text) and ``("page", n)``
(1-based) in ``Span.origin``. An encrypted PDF, a corrupt one and one with no text layer at all
(a scan) raise ``ReadError`` (P901): this reader does no OCR.
"""

from __future__ import annotations

import io

import regex
from attrs import frozen

from .layout import Lines, squash
from ..source import ReadError, SourceLine

_PAGE_NUMBER = regex.compile(r"^[-—–\s]*\d{1,4}[-—–\s]*$|^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$")
_NUMBER = regex.compile(r"^\s*\d+(?:\.\d+)?\s*$")
_LATIN_WORD = regex.compile(r"[\x21-\x7e]+")
_HEADING_START = regex.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十]+\s*[)）]|\d+\s*[.．、](?!\d))")


@frozen
class _Text:
    top: float
    x0: float
    x1: float
    text: str


@frozen
class _Row:
    top: float
    cells: tuple[str, ...]


def source_lines(data: bytes) -> list[SourceLine]:
    pages = _read_pages(data)
    lines = Lines()
    paragraph: list[str] = []
    paragraph_page = 1
    previous: _Text | None = None  # the last text line, while the paragraph is open
    header_rows: list[tuple[str, ...]] = []  # the rows before the first data row of the open table
    table_open = False  # the last thing read was a table row (page numbers aside)

    def close_paragraph() -> None:
        nonlocal paragraph, previous
        if paragraph:
            lines.text("".join(paragraph), (("page", paragraph_page),))
        paragraph, previous = [], None

    for page_no, (items, left, right, char_width) in enumerate(pages, start=1):
        repeated = 0 if table_open else None  # how many header rows this page has repeated so far
        for item in items:
            if isinstance(item, _Row):
                close_paragraph()
                if repeated is not None and repeated < len(header_rows) and item.cells == header_rows[repeated]:
                    repeated += 1
                    continue
                repeated = None
                if not table_open:
                    header_rows, recording = [], True
                if recording and any(_NUMBER.match(cell) for cell in item.cells):
                    recording = False
                if recording:
                    header_rows.append(item.cells)
                table_open = True
                lines.row([(text, (("page", page_no),)) for text in item.cells], (("page", page_no),))
                continue
            repeated, table_open = None, False
            if paragraph and previous is not None and _continues(previous, item, left, right, char_width):
                paragraph.append(item.text)
            else:
                close_paragraph()
                paragraph_page = page_no
                paragraph.append(item.text)
            previous = item
    close_paragraph()
    return lines.lines


def _continues(line: _Text, following: _Text, left: float, right: float, char_width: float) -> bool:
    """Whether ``following`` goes on with the sentence ``line`` broke off."""
    room = right - line.x1
    word = _LATIN_WORD.match(following.text)  # an unbreakable "0517-83166232" wraps early
    wrapped_word = word is not None and room < (len(word.group()) / 2 + 1.5) * char_width  # ASCII: half width
    reaches_margin = room <= 1.5 * char_width or wrapped_word
    indented = following.x0 > left + 1.0 * char_width
    return reaches_margin and not indented and not _HEADING_START.match(following.text)


def _read_pages(data: bytes) -> list[tuple[list[_Text | _Row], float, float, float]]:
    """Per page: its text lines and table rows ordered top to bottom, the text's left and right
    margins and the typical character width."""
    import pdfplumber  # pdfminer.six underneath: loaded only for PDF input
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        try:
            pages = [_page(page) for page in pdf.pages]
        finally:
            pdf.close()
    except Exception as exc:  # pdfminer raises many unrelated types on a damaged file
        # pdfplumber wraps pdfminer's own exception as the first argument of PdfminerException.
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ReadError(
                "P901",
                "PDF 文件已加密，无法读取其内容；请提供未加密的版本。",
                "The PDF is encrypted and its content cannot be read; provide an unencrypted copy.",
            ) from exc
        raise ReadError(
            "P901",
            f"PDF 文件已损坏，无法读取（{type(cause).__name__}）。",
            f"The PDF file is corrupt and cannot be read ({type(cause).__name__}: {cause}).",
        ) from exc
    if not any(items for items, *_ in pages):
        raise ReadError(
            "P901",
            "PDF 没有文字层（可能是扫描图片），无法检查；请先做文字识别（OCR）或提供原始文档。",
            "The PDF has no text layer (probably a scanned image); run OCR first or provide the original document.",
        )
    return pages


def _page(page) -> tuple[list[_Text | _Row], float, float, float]:
    rows: list[_Row] = []
    row_boxes: list[tuple[float, float, float, float]] = []
    for table in page.find_tables():
        grid = [[None if cell is None else squash(text or "") for cell, text in zip(row.cells, texts)]
                for row, texts in zip(table.rows, table.extract())]
        # An empty cell in a column that never holds a number is a label cell the PDF drew split
        # (a merged label); in a value column it is a blank value and is kept.
        value_columns = {j for texts in grid for j, text in enumerate(texts) if text and _NUMBER.match(text)}
        for row, texts in zip(table.rows, grid):
            real = [t for j, t in enumerate(texts) if t is not None and (t or j in value_columns)]
            if len([t for t in texts if t is not None]) < 2:
                continue  # a spanning title or a frame around text: read as text lines
            rows.append(_Row(row.bbox[1], tuple(real)))
            row_boxes.append(row.bbox)
    texts = []
    for line in page.extract_text_lines(return_chars=False):
        middle = (line["top"] + line["bottom"]) / 2
        centre = (line["x0"] + line["x1"]) / 2
        if any(x0 <= centre <= x1 and top <= middle <= bottom for x0, top, x1, bottom in row_boxes):
            continue
        text = line["text"].strip()
        if not text or _PAGE_NUMBER.match(text):
            continue
        texts.append(_Text(line["top"], line["x0"], line["x1"], text))
    if texts:
        left = min(t.x0 for t in texts)
        # Not the maximum: a line may hang its closing punctuation past the margin.
        ends = sorted(t.x1 for t in texts if len(t.text) >= 10) or [max(t.x1 for t in texts)]
        right = ends[len(ends) * 3 // 4]
        widths = sorted((t.x1 - t.x0) / max(len(t.text), 1) for t in texts)
        char_width = widths[len(widths) // 2]
    else:
        left, right, char_width = 0.0, float(page.width), 10.0
    items: list[_Text | _Row] = sorted([*texts, *rows], key=lambda item: item.top)
    return items, left, right, char_width
