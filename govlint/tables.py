"""Turn the cells of a table region into a schema-mapped ``Table``.

Whatever the layout (a row per line, a cell per line, a group label sharing a line with its
first sub-row, vertical headers broken into characters), a table region is read as one stream
of tokens: labels and values. A label that matches a schema row opens that row; the values after
it fill the row's columns in order. Header words, group labels and debris are labels that open
nothing. What cannot be placed becomes a ``Problem`` that names it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import regex
from attrs import frozen

from .lazyregex import LazyPattern
from .model import Cell, Problem, Row, Span, Table
from .normalize import label_key, norm_text
from .schema import TableSpec, t2_outcome_rows
from .source import Place

# The splitter of runs of digits and the settling of fused rows are imported where a report has a
# run to split: most never do, and a single-file check need not load them (~10 M instructions).
if TYPE_CHECKING:
    from . import settle
    from .flatten import Split

MISSING_MARKS = frozenset({"", "/", "\\", "-", "--", "—", "——", "–", "无", "空", "none", "n/a"})
_NUMBER = regex.compile(
    r"^(?P<sign>[减增+\-−])?\s*(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>万元|元|件|条|个|项|次|人)?$"
)
_ENUMERATOR = regex.compile(r"^(?:[一二三四五六七八九十]+|\d+)")
_SHOWN = 5  # candidate splits listed in a P905 message
_APPROXIMATE_MIN = 4  # shortest label key matched by edit distance
_UNIT_SUFFIX = LazyPattern(r"(?<!\s)\s*(?:万元|元)$")  # starts where a blank run starts: linear


class Lexeme:
    """What a cell's text reads as in a table: a label (``key``) or a value (``value``, ``unit``;
    ``missing`` for a blank, ``fused`` for a run of digits still to split). It depends on the
    text alone, so one is made per text (cached) and shared by every cell of that text."""

    __slots__ = ("text", "key", "value", "unit", "is_value", "fused", "missing")

    def __init__(self, text: str, key: str, value: int | float | None, unit: str | None, is_value: bool,
                 fused: bool, missing: bool) -> None:
        self.text = text
        self.key = key
        self.value = value
        self.unit = unit
        self.is_value = is_value
        self.fused = fused
        self.missing = missing


# A token of a table's stream: a cell's lexeme and its place. A plain pair, which ``zip`` makes in
# C: an object per cell (~1,800 instructions to build) cost more than reading the cell.
Token = tuple[Lexeme, Place]


def tokens_of(texts: Sequence[str], places: Sequence[Place], fused: bool = False) -> Iterator[Token]:
    """The tokens of cells, given by their texts and places. With ``fused``, a run of digits
    ("801000081", "0 0 0 0 0 00") is marked for ``govlint.flatten`` to split once its row is known."""
    return zip(map(_fused_lexeme if fused else _lexeme, texts), places)


def lexeme_of(text: str, fused: bool = False) -> Lexeme:
    """What ``text`` reads as in a table (cached)."""
    return _fused_lexeme(text) if fused else _lexeme(text)


def make_token(text: str, place: Place, fused: bool = False) -> Token:
    """One token of ``text`` at ``place``."""
    return lexeme_of(text, fused), place


def _classify(text: str, fused: bool) -> Lexeme:
    """The lexeme of a token's text (key "" for values; missing: a value that is blank, not a run
    still to split)."""
    norm = norm_text(text).strip()
    if norm.lower() in MISSING_MARKS:
        return Lexeme(text, "", None, None, True, False, True)
    m = _NUMBER.match(norm)
    fused = fused and bool(norm) and norm[0].isdigit()
    if m:
        number = m["num"].replace(",", "")
        value: int | float = float(number) if "." in number else int(number)
        if m["sign"] in ("减", "-", "−"):
            value = -value
        return Lexeme(text, "", value, m["unit"], True, fused and not m["sign"], False)
    if fused:
        from .flatten import is_run

        if is_run(norm):
            return Lexeme(text, "", None, None, True, True, False)
    return Lexeme(text, label_key(text), None, None, False, False, False)


# Cached by text, one cache per mode: the same labels and small numbers come in every report, and a
# cache of one argument keys by the text itself (no key tuple to build and hash per cell).
_lexeme = functools.lru_cache(maxsize=8192)(lambda text: _classify(text, False))
_fused_lexeme = functools.lru_cache(maxsize=1024)(lambda text: _classify(text, True))


def _label(text: str, key: str, place: Place) -> Token:
    """A label token made of others (a label broken over two cells)."""
    return Lexeme(text, key, None, None, False, False, False), place


def _span(token: Token) -> Span:
    return Span(*token[1])


@frozen
class Fused:
    """A row whose numbers arrived as one run of digits: the splits its identity allows, for the
    reader to take, or to choose among by the table's other identities, or to report."""

    label: str
    token: Token
    run: str  # the token's text without a unit: what the spans of a split cut
    split: Split
    width: int

    def cells(self, spans: settle.Spans) -> list[Token]:
        spans = list(spans)
        spans[-1] = (spans[-1][0], len(self.token[0].text))  # "13575394432.52元": the unit stays on the last cell
        return [_sub_token(self.token, start, end) for start, end in spans]

    def problem(self) -> Problem:
        text, found, width, span = self.token[0].text, self.split, self.width, _span(self.token)
        if not found.candidates:
            zh = f"表格行“{self.label}”的数字“{text}”没有分隔，无法拆成 {width} 个满足表内勾稽关系的数值，未采用。"
            en = f"Table row '{self.label}': the run '{text}' cannot be split into {width} values that satisfy the row's identity; not used."
            return _problem("P905", zh, en, span)
        shown = [" | ".join(text[a:b] for a, b in candidate) for candidate in found.candidates[:_SHOWN]]
        if found.unique:  # overruled by the table's other identities (govlint.settle)
            zh = (f"表格行“{self.label}”的数字“{text}”没有分隔，按本行勾稽关系只能拆为 {shown[0]}，"
                  "但与表内其他勾稽关系不符，又无其他拆分方式明显更符，未采用。")
            en = (f"Table row '{self.label}': the run '{text}' splits one way by the row's identity ({shown[0]}), "
                  "but the table's other identities do not bear it out and no other split stands out; not used.")
            return _problem("P905", zh, en, span)
        listed = "；".join(shown) + ("；…" if len(found.candidates) > len(shown) or not found.complete else "")
        count_zh = f"共 {len(found.candidates)} 种" if found.complete else f"超过 {len(found.candidates)} 种"
        count_en = f"{len(found.candidates)}" if found.complete else f"more than {len(found.candidates)}"
        zh = f"表格行“{self.label}”的数字“{text}”没有分隔，可拆分方式不唯一（{count_zh}：{listed}），未采用。"
        en = f"Table row '{self.label}': the run '{text}' splits {count_en} ways ({listed}); not used."
        return _problem("P905", zh, en, span)


def unfuse(table_id: str, label: str, values: list[Token], width: int) -> list[Token] | Fused:
    """A row's values as they are, or, when its numbers arrived as one run without separators,
    the splits of the run by the row's identity (``govlint.flatten``)."""
    if len(values) != 1:
        return values
    token = values[0]
    lexeme = token[0]
    if not lexeme.fused or (width == 1 and lexeme.value is not None):
        return values
    run = _UNIT_SUFFIX.sub("", lexeme.text)
    from .flatten import layout, split_run

    return Fused(label, token, run, split_run(run, layout(table_id, width)), width)


def _sub_token(token: Token, start: int, end: int) -> Token:
    lexeme, (line, column, _end_line, _end_column, origin) = token
    return make_token(lexeme.text[start:end], (line, column + start, line, column + end, origin))


def _strip_enumerator(key: str) -> str:
    return _ENUMERATOR.sub("", key, count=1)


_KEYS_CACHED = 2048  # per matcher: the label keys of a table recur in report after report


class _RowMatcher:
    """Finds the schema row a label opens: by exact key, by an accepted prefix, and, for labels
    written without their enumerator ("属于国家秘密"), by the key without it when that is unique.

    Built once per table spec (``_matcher``), with its answers cached per key: a key's row never
    depends on the report it came from."""

    def __init__(self, spec: TableSpec, exact_only: bool) -> None:
        self.exact_only = exact_only
        self.keys = [(key, row) for row in spec.rows for key in row.keys() if key]
        bare: dict[str, list] = {}
        for row in spec.rows:
            bare.setdefault(_strip_enumerator(label_key(row.label)), []).append(row)
        self.bare = {k: rows[0] for k, rows in bare.items() if len(rows) == 1 and len(k) >= 4}
        self.groups = {label_key(g) for g in spec.groups}
        # Every form a label may take, for approximate matching, with its characters, by length:
        # a form whose length is further from a key's than the edit limit is never measured; a
        # group label opens no row.
        self.forms_by_length: dict[int, list[tuple[str, object, frozenset[str]]]] = {}
        for form, row in (*self.keys, *self.bare.items(), *((g, None) for g in self.groups)):
            self.forms_by_length.setdefault(len(form), []).append((form, row, frozenset(form)))
        self.match = functools.lru_cache(maxsize=_KEYS_CACHED)(self._match)
        self.approximate = functools.lru_cache(maxsize=_KEYS_CACHED)(self._approximate)
        self.continues = functools.lru_cache(maxsize=_KEYS_CACHED)(self._continues)

    def find(self, key: str):
        """(the row ``key`` opens or None, whether it was found only approximately)."""
        row = self.match(key)
        return (row, False) if row is not None else (self.approximate(key), True)

    def _match(self, key: str):
        for candidate, row in self.keys:
            if key == candidate or (not self.exact_only and key.startswith(candidate)):
                return row
        if not self.exact_only:
            return self.bare.get(key)
        return None

    def _approximate(self, key: str):
        """The one row whose label is within a small edit distance of ``key`` (OCR and wrong
        conversions change a character or two: "属于国家秘蜜"), or None when no row, or more than
        one, is that close, or the closest is a group label. Short keys never match: "规章" and
        "其他" are one character away from too much."""
        if len(key) < _APPROXIMATE_MIN or key in self.groups:
            return None
        limit = 1 if len(key) <= 8 else 2
        # Lower bounds of the edit distance rule out nearly every form (a header word shares
        # few characters with any row label): the length difference, and the characters one
        # has and the other lacks, each of which some edit must touch. Only the forms left are
        # measured, so rapidfuzz loads only when a label is close to one.
        chars = frozenset(key)
        close = [(form, row) for length in range(len(key) - limit, len(key) + limit + 1)
                 for form, row, form_chars in self.forms_by_length.get(length, ())
                 if len(chars - form_chars) <= limit and len(form_chars - chars) <= limit]
        if not close:
            return None
        from rapidfuzz.distance import Levenshtein  # a C extension: loaded only when a label needs it

        best, found = limit + 1, set()
        for form, row in close:
            distance = Levenshtein.distance(key, form, score_cutoff=limit)
            if distance > limit:
                continue
            if distance < best:
                best, found = distance, {row}
            elif distance == best:
                found.add(row)
        return next(iter(found)) if len(found) == 1 else None

    def _continues(self, key: str) -> bool:
        """A label fragment that goes on the label before it (a cell broken over lines): it opens
        nothing itself and carries no enumerator of its own."""
        return (
            bool(key)
            and not _ENUMERATOR.match(key)
            and key not in self.groups
            and self.match(key) is None
            and self.approximate(key) is None
        )


@functools.lru_cache(maxsize=16)  # one per table spec and mode; the schemas hold five specs
def _matcher(spec: TableSpec, exact_only: bool) -> _RowMatcher:
    return _RowMatcher(spec, exact_only)


def map_rows(spec: TableSpec, tokens: list[Token], exact_labels: bool) -> tuple[Table, list[Problem]]:
    """Map a T1 or T2 token stream: each matched label opens a row, values fill it in order."""
    matcher = _matcher(spec, exact_labels)
    problems: list[Problem] = []
    rows: dict[str, Row] = {}
    fused: dict[str, Fused] = {}  # rows read once the table is: Table 2's fused rows, others' ambiguous ones
    empty: dict[str, Token] = {}  # rows whose label came with no values (so far)
    current = None  # (RowSpec, label Token, [value Tokens], matched approximately)
    stray: tuple[Token, list[Token]] | None = None  # an unknown label that values followed

    def flush() -> None:
        nonlocal current
        if current is None:
            return
        row_spec, label, values, approximate = current
        current = None
        text = label[0].text
        if approximate and values:
            problems.append(_problem("P906", f"表格行标签“{text}”与格式中的“{row_spec.label}”近似，按其读取。",
                                     f"Table label '{text}' matched approximately: read as '{row_spec.label}'.",
                                     _span(label)))
        if row_spec.id in rows and not values:
            return  # a label repeated without values (a header reprinted after a page break)
        if row_spec.id in empty:
            del empty[row_spec.id]  # the label came first on its own, its values later: take them
        elif row_spec.id in rows:
            problems.append(_problem("P903", f"表格行“{text}”重复出现，只采用第一次的数值。",
                                     f"Table row '{text}' appears twice; the first one is used.", _span(label)))
            return
        unfused = unfuse(spec.id, text, values, len(row_spec.columns))
        if isinstance(unfused, Fused):
            if spec.id == "T2" or not unfused.split.unique:  # Table 2: its identities across rows choose
                fused[row_spec.id] = unfused
                rows[row_spec.id] = Row(row_spec.id, text, (), label[1])
                return
            unfused = unfused.cells(unfused.split.candidates[0])
        values = unfused
        while len(values) > len(row_spec.columns) and values[-1][0].missing:
            values = values[:-1]  # empty grid cells after a full row are layout (a cell not merged), not data
        if len(values) > len(row_spec.columns):
            extra = " ".join(v.text or "(空)" for v, _place in values[len(row_spec.columns):])
            problems.append(_problem("P904", f"表格行“{text}”多出 {len(values) - len(row_spec.columns)} 个数值（{extra}），已忽略。",
                                     f"Table row '{text}' has {len(values) - len(row_spec.columns)} extra value(s) ({extra}); ignored.",
                                     _span(values[len(row_spec.columns)])))
        elif not values:
            empty[row_spec.id] = label  # reported at the end unless the row comes again with values
        elif len(values) < len(row_spec.columns):
            problems.append(_problem("P904", f"表格行“{text}”只有 {len(values)} 个数值，应有 {len(row_spec.columns)} 个。",
                                     f"Table row '{text}' has {len(values)} value(s); {len(row_spec.columns)} expected.",
                                     _span(label)))
        rows[row_spec.id] = _row(spec.id, row_spec, label, values)

    def flush_stray() -> None:
        nonlocal stray
        if stray and any(not v.missing for v, _place in stray[1]):  # a row of blanks loses no data
            label, values = stray
            text = label[0].text
            problems.append(_problem("P903", f"无法识别的表格行“{text}”（{len(values)} 个数值未采用）。",
                                     f"Unrecognised table row '{text}' ({len(values)} value(s) not used).", _span(label)))
        stray = None

    def flush_orphans() -> None:
        """Values with no label before them (a label lost by extraction): one problem per run."""
        if orphans:
            shown = " ".join(v.text for v, _place in orphans)
            if len(orphans) == 1:
                zh = f"数值“{shown}”前没有可识别的行标签，未采用。"
                en = f"Value '{shown}' has no recognisable row label before it; not used."
            else:
                zh = f"{len(orphans)} 个数值（{shown}）前没有可识别的行标签，未采用。"
                en = f"{len(orphans)} values ({shown}) have no recognisable row label before them; not used."
            problems.append(_problem("P903", zh, en, _join(orphans[0][1], orphans[-1][1])))
            orphans.clear()

    orphans: list[Token] = []
    for token in tokens:
        lexeme, place = token
        if lexeme.is_value:
            if current is not None:
                current[2].append(token)
            elif stray is not None:
                stray[1].append(token)
            elif not lexeme.missing:
                orphans.append(token)
            continue
        if current is not None and not current[2] and matcher.continues(lexeme.key):
            continue  # "（二）部分公开（区分处理的，只计这一情" then "形，不计其他情形）": one label
        if stray is not None and not stray[1] and matcher.continues(lexeme.key):
            # "5.要求行政机关确认或重新出具" then "已获取信息": the two halves make the label.
            (first, first_place), _values = stray
            label = _label(first.text + lexeme.text, first.key + lexeme.key, _joined(first_place, place))
            row_spec, approximate = matcher.find(label[0].key)
            if row_spec is not None:
                stray, current = None, (row_spec, label, [], approximate)
            else:
                stray = (label, [])
            continue
        flush_orphans()
        flush()
        flush_stray()
        row_spec, approximate = matcher.find(lexeme.key)
        if row_spec is not None:
            current = (row_spec, token, [], approximate)
        elif lexeme.key not in matcher.groups and len(lexeme.key) > 2:
            stray = (token, [])
    flush_orphans()
    flush()
    flush_stray()
    for row_id, label in empty.items():
        width = len(spec.row(row_id).columns)
        text = label[0].text
        problems.append(_problem("P904", f"表格行“{text}”只有 0 个数值，应有 {width} 个。",
                                 f"Table row '{text}' has 0 value(s); {width} expected.", _span(label)))
    if fused:
        chosen = _choose(spec, rows, fused)
        for row_id, pending in fused.items():
            if chosen.get(row_id) is None:
                problems.append(pending.problem())
                continue
            label = _label(pending.label, "", rows[row_id].place)
            rows[row_id] = _row(spec.id, spec.row(row_id), label, pending.cells(chosen[row_id]))
    ordered = tuple(rows[r.id] for r in spec.rows if r.id in rows)
    return Table(spec.id, ordered, _table_span(tokens)), problems


def _row(table_id: str, row_spec, label: Token, values: list[Token]) -> Row:
    cells = _cells(table_id, row_spec.id, row_spec.columns, values)
    lexeme, label_place = label
    return Row(row_spec.id, lexeme.text, cells, _joined(label_place, values[-1][1] if values else label_place))


# ``Cell.__new__`` builds the whole cell (``model.quick_init``): called as a function, it skips
# the class call's machinery (~1,200 instructions of ~4,000 a cell).
_new_cell = Cell.__new__


def _cells(table_id: str, row_id: str, columns, values: list[Token]) -> tuple[Cell, ...]:
    # A loop, not a comprehension: on CPython 3.11 a comprehension's function costs more than
    # the appends of a row's few cells.
    cells = []
    for column, (lexeme, place) in zip(columns, values):
        cells.append(_new_cell(Cell, table_id, row_id, column, lexeme.text, lexeme.value, lexeme.unit, place))
    return tuple(cells)


def _choose(spec: TableSpec, rows: dict[str, Row], fused: dict[str, Fused]) -> dict[str, settle.Spans | None]:
    """The split each fused row is read by (None: unread). Table 2's by all its identities
    (``govlint.settle``); another table's fused rows are here only when their split is ambiguous."""
    if spec.id != "T2":
        return {}
    known = {row_id: tuple(c.value for c in row.cells) for row_id, row in rows.items() if row_id not in fused}
    runs = {row_id: (f.run, f.split) for row_id, f in fused.items()}
    from . import settle

    return settle.choose(known, runs, t2_outcome_rows(spec.rows), len(spec.columns))


def map_single_row(spec: TableSpec, tokens: list[Token]) -> tuple[Table, list[Problem]]:
    """Map Table 3: one data row of 15 values after the (possibly broken-up) header."""
    row_spec = spec.rows[0]
    width = len(row_spec.columns)
    values = _table3_values(tokens, width)
    unfused = unfuse(spec.id, "表三", values, width)
    if isinstance(unfused, Fused):
        if not unfused.split.unique:  # Table 3's identities are all within its one row
            return Table(spec.id, (), _table_span(tokens)), [unfused.problem()]
        unfused = unfused.cells(unfused.split.candidates[0])
    values, problems = unfused, []
    if len(values) > width:
        # Blank debris between header and data (a split header cell) comes first; data comes last.
        leading = values[: len(values) - width]
        if any(not lexeme.missing for lexeme, _place in leading):
            problems.append(_problem("P904", f"表三有 {len(values)} 个数值，应为 {width} 个；采用最后 {width} 个。",
                                     f"Table 3 has {len(values)} values, {width} expected; the last {width} are used.",
                                     _span(values[0])))
        values = values[-width:]
    elif len(values) < width:
        anchor = _span(values[0]) if values else _table_span(tokens)
        problems.append(_problem("P904", f"表三只有 {len(values)} 个数值，应为 {width} 个。",
                                 f"Table 3 has {len(values)} value(s); {width} expected.", anchor))
    cells = _cells(spec.id, row_spec.id, row_spec.columns, values)
    rows = (Row(row_spec.id, "", cells, _joined(values[0][1], values[-1][1])),) if values else ()
    return Table(spec.id, rows, _table_span(tokens)), problems


def _table3_values(tokens: list[Token], width: int) -> list[Token]:
    """The value tokens that make up Table 3's data row.

    The values come after the (possibly broken-up) header, in one run or in three (one table per
    group, as some PDF extractions print it); text after them (a sub-heading of section 五 read
    into the region) is not data. So runs of values are taken in order, from the first that holds
    a number, until ``width`` values are in hand. A table of blanks only keeps the run after the
    last label."""
    runs: list[list[Token]] = [[]]
    for token in tokens:
        if token[0].is_value:
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    first = next((i for i, run in enumerate(runs) if any(not lexeme.missing for lexeme, _place in run)), None)
    if first is None:
        return runs[-1]
    values: list[Token] = []
    for run in runs[first:]:
        if len(values) >= width:
            break
        values.extend(run)
    return values


def _problem(code: str, zh: str, en: str, span: Span | None) -> Problem:
    return Problem(code, zh, en, span)


def _joined(first: Place, last: Place) -> Place:
    """The place from the start of ``first`` to the end of ``last``."""
    line, column, _end_line, _end_column, origin = first
    return (line, column, last[2], last[3], origin)


def _join(first: Place, last: Place) -> Span:
    return Span(*_joined(first, last))


def _table_span(tokens: list[Token]) -> Span | None:
    if not tokens:
        return None
    return _join(tokens[0][1], tokens[-1][1])
