"""Word .docx files (the drafts a pre-publish check sees): paragraphs and tables in document order.

Locations: every line gets a synthetic line number in reading order (``doc.lines`` holds its text)
and ``Span.origin`` says where it is in the draft, as 1-based ordinals a person counts in Word:
``(("paragraph", 12),)`` for the 12th body paragraph, ``(("table", 2), ("row", 5), ("cell", 3))``
for a table cell (the cell is the grid column where the cell starts).

Merged cells: a horizontally merged cell (``gridSpan``) is emitted once at its first grid column; a
vertically merged one (``vMerge``) once on its first row, its continuation cells are skipped (see
``layout`` for why spanned positions are not emitted as blanks).

Numbered headings: when Word's automatic numbering supplies a paragraph's number ("一、" from
numbering.xml, not typed), the number is rebuilt from the level's format and text pattern
(``chineseCounting`` → 一二三, ``decimal`` → 1 2 3, lvlText "%1、") and counted through the
document, so "总体情况" numbered by Word reads "一、总体情况". Limitations: ``lvlOverride`` /
``startOverride`` and formats other than Chinese counting and decimal numbers are read as decimal
numbers; headers, footers, footnotes and text boxes are not read.
"""

from __future__ import annotations

import io
import zipfile

from .layout import Lines
from ..source import ReadError, SourceLine

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Qualified tag names, built once: a table walk looks up several per cell.
_P, _TBL, _TR, _TC, _TC_PR, _GRID_SPAN, _V_MERGE, _VAL = (
    _W + name for name in ("p", "tbl", "tr", "tc", "tcPr", "gridSpan", "vMerge", "val")
)
_T, _TAB, _BR, _CR = (_W + name for name in ("t", "tab", "br", "cr"))
_CHINESE_DIGITS = "零一二三四五六七八九"
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
                    "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting"}


def source_lines(data: bytes) -> list[SourceLine]:
    document = _open(data)
    numbering = _Numbering(document)
    lines = Lines()
    paragraph_no = table_no = 0
    for child in _body_blocks(document.element.body):
        if child.tag == _P:
            paragraph_no += 1
            text = numbering.prefix(child, document) + _paragraph_text(child)
            lines.text(text, (("paragraph", paragraph_no),))
        elif child.tag == _TBL:
            table_no += 1
            _table(child, table_no, lines)
    return lines.lines


def _open(data: bytes):
    from docx import Document  # python-docx (lxml): loaded only for .docx input
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, EOFError, OSError) as exc:
        raise ReadError(
            "P901",
            f"DOCX 文件已损坏或不完整，无法读取（{type(exc).__name__}）。",
            f"The DOCX file is corrupt or truncated and cannot be read ({type(exc).__name__}: {exc}).",
        ) from exc
    except Exception as exc:  # malformed XML inside a valid ZIP: lxml's XMLSyntaxError and kin
        raise ReadError(
            "P901",
            f"DOCX 文件内容无法解析（{type(exc).__name__}）。",
            f"The DOCX file's content cannot be parsed ({type(exc).__name__}: {exc}).",
        ) from exc


def _body_blocks(body):
    """Paragraphs and tables in order, looking inside content controls (w:sdt)."""
    for child in body.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_blocks(content)


def _paragraph_text(p) -> str:
    """Text of runs, hyperlinks and fields; tabs and breaks are white space."""
    parts = []
    for node in p.iter(_T, _TAB, _BR, _CR):
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        else:
            parts.append(" " if tag == _TAB else "\n")
    return "".join(parts)


def _table(tbl, table_no: int, lines: Lines) -> None:
    for row_no, tr in enumerate(tbl.iterchildren(_TR), start=1):
        column = _int_val(tr.find(f"{_W}trPr/{_W}gridBefore"), 0)
        cells = []
        for tc in tr.iterchildren(_TC):
            # iterchildren, not find: the same first child, without an ElementPath lookup per cell
            props = next(tc.iterchildren(_TC_PR), None)
            span = _int_val(next(props.iterchildren(_GRID_SPAN), None) if props is not None else None, 1)
            merge = next(props.iterchildren(_V_MERGE), None) if props is not None else None
            continued = merge is not None and merge.get(_VAL, "continue") == "continue"
            if not continued:
                text = "\n".join([_paragraph_text(p) for p in tc.iterchildren(_P)])
                cells.append((text, (("table", table_no), ("row", row_no), ("cell", column + 1))))
            column += span
        lines.row(cells, (("table", table_no), ("row", row_no)))


def _int_val(element, default: int) -> int:
    if element is None:
        return default
    try:
        return max(int(element.get(f"{_W}val", default)), 0)
    except ValueError:
        return default


class _Numbering:
    """Rebuilds the text of Word's automatic list numbers, counting per list and level."""

    def __init__(self, document) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (numId, ilvl) → (fmt, lvlText, start)
        self.counters: dict[str, list[int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(f"{_W}abstractNumId"): a for a in numbering.iterchildren(f"{_W}abstractNum")}
        for num in numbering.iterchildren(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            definition = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
            if definition is None:
                continue
            for lvl in definition.iterchildren(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                self.levels[(num.get(f"{_W}numId"), _int_val_attr(lvl, "ilvl"))] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    _int_val(lvl.find(f"{_W}start"), 1),
                )
        self.styles = document.styles

    def prefix(self, p, document) -> str:
        if not self.levels:
            return ""
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        if num_pr is None:
            num_pr = self._style_num_pr(p)
        if num_pr is None:
            return ""
        num_id_el = num_pr.find(f"{_W}numId")
        if num_id_el is None:
            return ""
        num_id = num_id_el.get(f"{_W}val")
        level = _int_val(num_pr.find(f"{_W}ilvl"), 0)
        if (num_id, level) not in self.levels:
            return ""
        counters = self.counters.setdefault(num_id, [])
        while len(counters) <= level:
            counters.append(self.levels.get((num_id, len(counters)), ("", "", 1))[2] - 1)
        counters[level] += 1
        del counters[level + 1:]
        fmt, pattern, _start = self.levels[(num_id, level)]
        if fmt in ("none", "bullet"):
            return ""
        text = pattern
        for index, value in enumerate(counters):
            level_fmt = self.levels.get((num_id, index), (fmt, "", 1))[0]
            text = text.replace(f"%{index + 1}", _format_number(value, level_fmt))
        return text

    def _style_num_pr(self, p):
        style_el = p.find(f"{_W}pPr/{_W}pStyle")
        if style_el is None:
            return None
        try:
            style = self.styles[style_el.get(f"{_W}val")]
        except KeyError:
            style = next((s for s in self.styles if s.style_id == style_el.get(f"{_W}val")), None)
        if style is None:
            return None
        return style.element.find(f"{_W}pPr/{_W}numPr")


def _int_val_attr(element, name: str) -> int:
    try:
        return int(element.get(f"{_W}{name}", "0"))
    except ValueError:
        return 0


def _format_number(value: int, fmt: str) -> str:
    if fmt in _CHINESE_FORMATS and 0 < value < 100:
        tens, ones = divmod(value, 10)
        if tens == 0:
            return _CHINESE_DIGITS[ones]
        return ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" + (_CHINESE_DIGITS[ones] if ones else "")
    return str(value)
