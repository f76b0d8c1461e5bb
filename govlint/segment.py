"""Cut a run-on line back into headings, prose, table labels and runs of numbers.

Page text copied from some portals holds a whole report on one or two lines: headings mid-line
("…电话：0591-23165385。 一、总体情况 2023年，平潭…") and tables with no separators at all
("…申请数量801000081二、上年结转…", domain.md §6.4). The builder works on lines, so such a line
is cut into pieces, each a ``SourceLine`` with its own span on the original line:

- a heading is recognised mid-line only by a full statutory heading phrase (domain.md §2.1), so
  prose that merely starts with "一、" is not cut;
- from a table anchor (第二十条第…项, the 勾稽关系 note, 申请人情况, the Table 3 header) the text
  alternates labels and runs of digits; a label is cut before each enumerator ("（一）",
  "三、") and before a Table 1 row label, and the digit glued in front of "2.其他法律…" goes back
  to its label. A run may still hold several cells; ``govlint.flatten`` splits it later, once
  the row (and so its identity) is known.

Lines that need none of this come back unchanged, so ordinary layouts cost one regex search.
"""

from __future__ import annotations

import regex
from attrs import frozen

from .lazyregex import LazyPattern
from .model import Normalized
from .source import SourceLine, single

# Full statutory headings (short and long forms, domain.md §2.1), by section, on NFKC text.
HEADING_PHRASES = {
    "一": r"总体情况",
    "二": r"(?:行政机关)?主动公开政府信息(?:的)?情况",
    "三": r"(?:行政机关)?收到和处理政府信息公开申请(?:的)?情况",
    "四": r"(?:因)?政府信息公开(?:工作)?(?:被)?(?:申请)?行政复议[、,和及与]?(?:提起)?行政诉讼(?:的)?情况",
    "五": r"(?:政府信息公开工作)?存在的主要问题(?:及|和|与)改进(?:情况|举措|措施)",
    "六": r"其[他它]需要报告的事项",
}
_NUMERAL = r"(?:\(\s*[一二三四五六]\s*\)|[一二三四五六]\s*[、.,:])\s*"
_PHRASES = "|".join(f"(?P<s{i}>{phrase})" for i, phrase in enumerate(HEADING_PHRASES.values()))
# The numeral once, before the alternatives: a third of the pattern to compile on every run, and
# the same matches (at a given start the numeral matches one way only, whatever phrase follows).
_MID_HEADING = regex.compile(f"{_NUMERAL}(?:{_PHRASES})")
_PHRASE_ONLY = regex.compile(_PHRASES)
_KEYS = tuple(HEADING_PHRASES)

_ANCHOR = regex.compile(r"第二十条第|\(?本列数据的勾稽关系|申请人情况|行政复议\s*行政诉讼|一、\s*本年新收")
# A word every heading phrase holds one of, and every anchor: a line holding none is not scanned
# for them (the scans cost more than all else done with a line of prose). In step with the
# patterns above.
_HEADING_WORDS = ("情况", "改进", "事项")
_ANCHOR_WORDS = ("第二十条第", "本列数据的勾稽关系", "申请人情况", "行政复议", "一、")
_VALUE_RUN = LazyPattern(r"\d(?:\d|[ \t]+(?=\d)|[.,](?=\d))*(?:万元|元)?")
_ENUMERATED_LABEL = LazyPattern(r"\s*[.、]\s*\p{Han}")
_ENUMERATOR = LazyPattern(r"(?<!第)(?:[一二三四五六七八九十]、|\([一二三四五六七八九十]\))")
_T1_LABELS = ("行政规范性文件", "其他对外管理服务事项", "行政事业性收费", "政府集中采购", "规范性文件", "行政许可",
              "行政处罚", "行政强制", "规章")
_T1_SUFFIX = LazyPattern("(?:" + "|".join(r"\s*".join(label) for label in _T1_LABELS) + r")\s*$")
_PROSE_LABEL = LazyPattern(r"[。；;]")
_ROW_LINE = regex.compile(r"\d\s*(?:(?:万元|元)\s*)?$")  # one whitespace run per position: linear


@frozen
class Piece:
    line: SourceLine
    fused: bool = False  # a run of digits that may hold several cells


# How every heading phrase ends: a text that ends otherwise is no full heading, and is not matched
# (most short lines of a report are asked, table cells in a cell-per-line layout among them).
_PHRASE_ENDS = ("情况", "举措", "措施", "事项")


def heading_by_phrase(text: str) -> str | None:
    """The section a full statutory heading phrase names, whatever numeral precedes it (a report
    that renumbers its sections, domain.md §6.15)."""
    if not text.endswith(_PHRASE_ENDS):
        return None
    m = _MID_HEADING.fullmatch(text) or _PHRASE_ONLY.fullmatch(text)
    return _KEYS[int(m.lastgroup[1:])] if m else None


def cut(line: SourceLine, norm: Normalized, *, in_table: bool, whole_heading: bool) -> list[Piece]:
    """The pieces of an unseparated ``line`` (``norm`` is its normalised text)."""
    text = norm.text
    if in_table:  # a cell of values on its own line (one per line in some layouts): one run, as _body finds
        stripped = text.strip()
        if stripped and _VALUE_RUN.fullmatch(stripped):
            return [_piece(line, norm, 0, len(text), "run")]  # _piece trims the blanks
    bounds: list[tuple[int, int, str]] = []  # (start, end, kind) in ``text``
    position = 0
    if not whole_heading and _holds(text, _HEADING_WORDS):
        for m in _MID_HEADING.finditer(text):
            if text[position:m.start()].strip():
                bounds.extend(_body(text, position, m.start(), in_table))
            bounds.append((m.start(), m.end(), "heading"))
            position = m.end()
            in_table = False
    if position == 0:
        body = _body(text, 0, len(text), in_table)
        if len(body) <= 1:
            fused = bool(body) and body[0][2] == "run"
            return [Piece(line, fused)]
        bounds = body
    elif position < len(text) and text[position:].strip():
        bounds.extend(_body(text, position, len(text), in_table))
    return [_piece(line, norm, start, end, kind) for start, end, kind in bounds if text[start:end].strip()]


def _body(text: str, start: int, end: int, in_table: bool) -> list[tuple[int, int, str]]:
    """Prose up to a table anchor, then labels and value runs until prose resumes."""
    anchor = _ANCHOR.search(text, start, end) if _holds(text, _ANCHOR_WORDS) else None
    if anchor is None and not (in_table and _ROW_LINE.search(text, start, end) and not _PROSE_LABEL.search(text, start, end)):
        return [(start, end, "text")]  # inside a table only a line ending in its values is a row
    table_start = anchor.start() if anchor is not None else start
    out: list[tuple[int, int, str]] = [(start, table_start, "text")] if table_start > start else []
    position = table_start
    for m in _VALUE_RUN.finditer(text, table_start, end):
        if _PROSE_LABEL.search(text, position, m.start()):
            break
        run_end = m.end()
        # "…00000002.其他法律…": the last digit numbers the next label.
        if _ENUMERATED_LABEL.match(text, run_end) and text[run_end - 1].isdigit():
            run_end -= 1
        out.extend(_labels(text, position, m.start()))
        if run_end > m.start() and text[m.start():run_end].strip():
            out.append((m.start(), run_end, "run"))
        position = run_end
    else:
        if not _PROSE_LABEL.search(text, position, end):
            out.extend(_labels(text, position, end))
            return out
    if position < end:
        out.append((position, end, "text"))
    return out


def _holds(text: str, words: tuple[str, ...]) -> bool:
    return any(map(text.__contains__, words))


def _labels(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """A stretch of label text cut before each enumerator and before a trailing Table 1 label."""
    cuts = [start] + [m.start() for m in _ENUMERATOR.finditer(text, start, end) if m.start() > start] + [end]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        suffix = _T1_SUFFIX.search(text, a, b)
        if suffix and suffix.start() > a and text[a:suffix.start()].strip():
            out.append((a, suffix.start(), "label"))
            a = suffix.start()
        out.append((a, b, "label"))
    return out


def _piece(line: SourceLine, norm: Normalized, start: int, end: int, kind: str) -> Piece:
    text = norm.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    raw_start = norm.source_index(start)
    raw_end = norm.source_index(end - 1) + 1
    raw = line.raw[raw_start:raw_end]
    row, _column, _end_line, _end_column, origin = line.place
    place = (row, raw_start + 1, row, raw_end + 1, origin)
    table_piece = kind in ("label", "run")
    return Piece(single(raw, place, table_piece), kind == "run")
