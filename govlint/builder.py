"""Source lines → ``Document``: sections, tables, format and metadata, the same for every reader.

Sections are found by heading text plus order (domain.md §2.1, decision 6), never by the
numeral alone: a table row such as "二、上年结转政府信息公开申请数量" starts with a numeral too.
Tables are found by their own anchors (第二十条…项, the 勾稽关系 note, 行政复议), not by the section
they should stand in, so a report with a lost heading still has its tables read.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import regex

from . import metadata
from .lazyregex import LazyPattern
from .model import (
    FORMAT_2019,
    FORMAT_2021,
    FORMAT_HYBRID,
    FORMAT_UNKNOWN,
    Block,
    Document,
    Normalized,
    Paragraph,
    Problem,
    Section,
)
from .normalize import key_head, label_key, norm_text, normalize
from .source import SourceLine
from .schema import detection_signals, schema_for
from .segment import cut, heading_by_phrase
from .tables import Token, make_token, map_rows, map_single_row, tokens_of

SECTION_KEYS = ("一", "二", "三", "四", "五", "六")
# Written so no two whitespace runs can split the same spaces (linear time on a line of blanks).
_HEADING = regex.compile(
    r"^\s*(?:[(（]\s*)?(?P<num>[一二三四五六])\s*(?:[)）]\s*)?(?:[、.,，．:：]\s*|(?<=\s))(?P<rest>\S.{1,45})$"
)
# Core words a heading must carry, per section (domain.md §2.1).
_CORE = {
    "一": (("总体",),),
    "二": (("主动公开",),),
    "三": (("申请",),),
    "四": (("复议",), ("诉讼",)),
    "五": (("问题", "改进"), ("问题", "改进"), ("存在", "问题")),
    "六": (("其他", "事项"), ("其它", "事项")),
}
_T1_START = regex.compile(r"^第二十条第[一二三四五六七八九十]+项")
_PROSE_MIN = 60
T3_WIDTH = 15
_MARKDOWN_ROW = LazyPattern(r"^\s*\|.*\|\s*$")
_TABLE_NOTE = LazyPattern(r"^\s*注\s*[:：]")
_MARKDOWN_RULE = regex.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")


@functools.lru_cache(maxsize=1024)  # headings and table labels recur from report to report; a line is at most a few KB
def heading_section(text: str) -> str | None:
    """The section a line heads, from its numeral and core words, or else from a full statutory
    heading phrase under another numeral ("一、主动公开政府信息情况" in a report that numbers its
    own topics first, domain.md §6.15), or None. Markdown heading marks ("## 一、总体情况") are
    layout, not text."""
    text = text.lstrip("#")
    m = _HEADING.match(text)
    if m:
        key = m["num"]
        rest = label_key(m["rest"])
        if any(all(word in rest for word in words) for words in _CORE[key]):
            return key
    return heading_by_phrase(norm_text(text).strip()) if len(text) < 60 else None


def _is_prose(text: str) -> bool:
    """Prose ends a table region; a table's own note ("注：…数量含上年度结转数量。") does not."""
    return (len(text) >= _PROSE_MIN or "。" in text) and not _TABLE_NOTE.match(text)


# Key characters that tell an anchor: the tests below look no further, but for the two that
# look into the rest of the key, which then is keyed whole.
_ANCHOR_HEAD = 24


# What a line must hold to open a table: a letter its anchors begin with (第, 本, 申) or 行
# (行政复议), or a character that NFKC or t2s makes one of them of (``tests/readers/
# test_shortcuts.py`` finds them all). Most rows of values and some prose hold none: not keyed.
_ANCHOR_LETTERS = ("第", "本", "申", "行", "\u2f8f", "\ufa08", "\U0001f238", "\U0001f240")


@functools.lru_cache(maxsize=4096)  # rows of the same cells recur (in a cell-per-line layout, most rows)
def _table_start(texts: tuple[str, ...]) -> str | None:
    """The table a line of cells (their texts) opens, by its anchor, or None."""
    joined = "".join(texts)
    if not any(map(joined.__contains__, _ANCHOR_LETTERS)):
        return None
    anchors = set(map(_anchor, texts))
    if "T1" in anchors:
        return "T1"
    first = next(filter(None, map(_head, texts)), "")
    if "T2" in anchors or first.startswith("一本年新收政府信息公开申请数量"):
        return "T2"
    if first in ("行政复议", "行政复议行政诉讼"):
        return "T3"
    if first.startswith("行政复议行政诉讼") and "结果维持" in label_key(next(filter(_head, texts))):
        return "T3"
    return None


@functools.lru_cache(maxsize=8192)  # cached: the same labels and numbers come in every report
def _head(text: str) -> str:
    """The head of the key of a cell's text, as far as it tells an anchor (a line of prose is
    never keyed whole here)."""
    return key_head(text, _ANCHOR_HEAD)


@functools.lru_cache(maxsize=8192)
def _anchor(text: str) -> str | None:
    """The table a cell anchors wherever it stands in its line."""
    key = _head(text)
    if key.startswith("第二十条第") and _T1_START.match(label_key(text)):
        return "T1"
    if key.startswith("本列数据的勾稽关系") or key == "申请人情况":
        return "T2"
    return None


def build_document(
    lines: Iterable[SourceLine], *, path: str | None, reader: str, source_text: tuple[str, ...]
) -> Document:
    problems: list[Problem] = []
    # (section key or None, heading Paragraph or None, blocks)
    parts: list[tuple[str | None, Paragraph | None, list[Block]]] = [(None, None, [])]
    regions: dict[str, list[Token]] = {}
    region: str | None = None
    region_tokens: list[Token] = []
    region_part: list[Block] | None = None
    last_order = -1
    previous_plain_text = False

    def close_region() -> None:
        nonlocal region, region_tokens
        if region is not None and region_tokens:
            if region in regions:
                regions[region].extend(region_tokens)
            else:
                regions[region] = region_tokens
                assert region_part is not None
                region_part.append(_Pending(region))  # placeholder, replaced once mapped
        region, region_tokens = None, []

    def take(line: SourceLine, fused: bool, norm: Normalized | None) -> None:
        """One line (or one piece of a run-on line) into the current section or table region."""
        nonlocal region, region_part, last_order, previous_plain_text
        texts = line.texts
        filled = len(texts) - texts.count("")
        if not filled:
            if region is not None and line.separated:  # a row of separators only: one blank cell
                region_tokens.append(_blank(line))
            return
        # Normalised only where it is read (a heading, prose, a paragraph): a row of values needs none.
        if norm is None and (filled == 1 or not line.separated):
            norm = normalize(line.raw)
        key = heading_section(norm.text.strip().strip("| ")) if filled == 1 else None
        if key is not None and SECTION_KEYS.index(key) > last_order:
            close_region()
            last_order = SECTION_KEYS.index(key)
            heading = Paragraph(line.raw, norm, line.span)
            parts.append((key, heading, []))
            previous_plain_text = False
            return
        if region == "T3" and not line.separated and _values_in(region_tokens) >= T3_WIDTH:
            close_region()  # Table 3 has one data row: once it is complete, text after it is text
        start = _table_start(texts)
        if start is not None and start != region:
            close_region()
            region, region_part = start, parts[-1][2]
        elif region is not None and not line.separated and _is_prose(norm.text.strip()):
            close_region()
        if region is None:
            parts[-1][2].append(Paragraph(line.raw, norm or normalize(line.raw), line.span))
            previous_plain_text = False
            return
        # A cell that continued onto the next line: "总计" then "| ||||" ends that same cell; and a
        # Markdown row "| 规章 | 0 |" opens with a pipe that starts no cell.
        first = 1 if line.separated and not texts[0] and (previous_plain_text or _MARKDOWN_ROW.match(line.raw)) else 0
        end = len(texts)
        if not line.grid:
            while end > first and not texts[end - 1]:
                end -= 1
        if end == first:
            region_tokens.append(_blank(line))
        else:
            region_tokens.extend(tokens_of(texts[first:end], line.places[first:end], fused))
        previous_plain_text = not line.separated

    for line in lines:
        if line.separated or len(line.texts) != 1 or not line.raw.strip():
            if "---" not in line.raw or not _MARKDOWN_RULE.match(line.raw):  # "|---|---|" under a Markdown header row
                take(line, False, None)
            continue
        norm = normalize(line.raw)
        whole = heading_section(norm.text.strip()) is not None
        found = cut(line, norm, in_table=region is not None, whole_heading=whole)
        for piece in found:
            take(piece.line, piece.fused, norm if piece.line is line else None)
    close_region()

    formats, signals = _detect_format(regions)
    fmt = formats.pop() if len(formats) == 1 else (FORMAT_HYBRID if formats else FORMAT_UNKNOWN)
    tables = {}
    for table_id, tokens in regions.items():
        table_fmt = _table_format(table_id, tokens, fmt)
        spec = schema_for(table_fmt).table(table_id)
        if table_id == "T3":
            table, found = map_single_row(spec, tokens)
        else:
            table, found = map_rows(spec, tokens, exact_labels=table_id == "T1")
        tables[table_id] = table
        problems.extend(found)

    def resolve(blocks: list[Block]) -> tuple[Block, ...]:
        return tuple(tables[b.table_id] if isinstance(b, _Pending) else b for b in blocks)

    preamble = resolve(parts[0][2])
    sections = tuple(Section(k, h, resolve(b)) for k, h, b in parts[1:] if k is not None and h is not None)
    return Document(
        path=path,
        reader=reader,
        format=fmt,
        lines=source_text,
        preamble=preamble,
        sections=sections,
        format_signals=signals,
        problems=tuple(problems),
        **metadata.describe(preamble, sections),
    )


def _blank(line: SourceLine) -> Token:
    """A line of empty cells as one blank value: its first cell."""
    return make_token(line.texts[0], line.places[0])


def _values_in(tokens: list[Token]) -> int:
    return sum(1 for lexeme, _place in tokens if lexeme.is_value and not lexeme.missing)


class _Pending:
    """Where a table stands among a section's blocks, until the table is mapped."""

    __slots__ = ("table_id",)

    def __init__(self, table_id: str) -> None:
        self.table_id = table_id


def _detect_format(regions: dict[str, list[Token]]) -> tuple[set[str], tuple[str, ...]]:
    """Formats whose table labels appear (domain.md §4.2): tables decide, not citations."""
    # Keys hold letters and digits only, so a mark is in some key exactly when it is in their join.
    keys = "|".join([lexeme.key for tokens in regions.values() for lexeme, _place in tokens if lexeme.key])
    found: set[str] = set()
    signals: list[str] = []
    for fmt, marks in detection_signals().items():
        for mark in marks:
            if mark in keys:
                found.add(fmt)
                signals.append(f"{fmt}:{mark}")
    return found, tuple(signals)


def _table_format(table_id: str, tokens: list[Token], doc_format: str) -> str:
    """The schema a table is read with: its own signals first (a hybrid mixes tables of both)."""
    if doc_format in (FORMAT_2019, FORMAT_2021):
        return doc_format
    keys = [lexeme.key for lexeme, _place in tokens if lexeme.key]
    for fmt in (FORMAT_2021, FORMAT_2019):
        if any(mark in k for mark in detection_signals()[fmt] for k in keys):
            return fmt
    if table_id == "T2":  # "(六)其他处理" followed directly by values is the 2019 single row
        for (lexeme, _place), (after, _after_place) in zip(tokens, tokens[1:]):
            if lexeme.key == "六其他处理" and after.is_value:
                return FORMAT_2019
    return FORMAT_2021
