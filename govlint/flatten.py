"""Split a run of digits that lost its cell separators back into cells, by the table identities.

Flattened page text glues a row's numbers together: "一、本年新收政府信息公开申请数量801000081",
Table 3 as "21317000001324019" (domain.md §6.4). Digit splitting alone is ambiguous, so a split
must satisfy the row's identity (a Table 2 row: C1+…+C6 = C7; each Table 3 group of five:
维持+纠正+其他+尚未审结 = 总计). Every split that fits is returned; the caller reads the row
only when exactly one fits, or when the table's other identities choose one (``govlint.settle``),
and reports the candidates otherwise, never guessing. A row that no longer adds up (a changed
cell) has no such split, or a wrong one; ``closest_split`` gives the cut its columns point to.

Stray spaces ("230 000023", "0 0 0 0 0 00") are taken as cell boundaries when some split
honours all of them: a number is never written with a space inside it. Cells have no leading
zeros ("023" is not a count); a decimal is allowed only where no identity sums the cell (the
Table 1 fee in 万元, the 2019 采购总金额); a summed cell has at most seven digits, which keeps the
search linear in practice (a 100-digit run is rejected in milliseconds).
"""

from __future__ import annotations

import functools

from attrs import frozen

from .lazyregex import LazyPattern

LIMIT = 50  # candidates kept; past this the split is reported as ambiguous without listing all
_MAX_DIGITS = 16  # longest cell considered, decimal point included (采购总金额 in 元: 11 digits)
_MAX_COUNT_DIGITS = 7  # a summed cell counts applications or cases: never ten million in one row
_RUN = LazyPattern(r"^\d[\d\s.,]*$")


@frozen
class Group:
    """``cells`` consecutive cells; with ``total``, the last one is the sum of the others."""

    cells: int
    total: bool


@frozen
class Split:
    candidates: tuple[tuple[tuple[int, int], ...], ...]  # each: (start, end) per cell, in the run
    complete: bool  # False when enumeration stopped at LIMIT

    @property
    def unique(self) -> bool:
        return self.complete and len(self.candidates) == 1


def is_run(text: str) -> bool:
    return bool(_RUN.match(text))


def layout(table_id: str, width: int) -> tuple[Group, ...]:
    """The identity structure of one row: Table 2 rows sum to C7, Table 3 in three groups of
    five; any other row (Table 1) has only its column count."""
    if table_id == "T2" and width == 7:
        return (Group(7, True),)
    if table_id == "T3" and width == 15:
        return (Group(5, True),) * 3
    return (Group(width, False),)


@functools.lru_cache(maxsize=4096)  # rows of zeros and other short runs recur across reports
def split_run(run: str, groups: tuple[Group, ...]) -> Split:
    """Every way to cut ``run`` into cells that satisfies ``groups``; spaces honoured if possible."""
    text, positions, spaced = _strip(run)
    found = _Splitter(text, groups, spaced).solve()
    if spaced and not found.candidates:
        found = _Splitter(text, groups, set()).solve()
    return Split(tuple(_in_run(positions, candidate) for candidate in found.candidates), found.complete)


@frozen
class Closest:
    score: int  # targets met less targets missed
    spans: tuple[tuple[int, int], ...] | None  # (start, end) per cell, in the run; None: several score as well


def closest_split(run: str, targets: tuple[tuple[int, ...], ...]) -> Closest | None:
    """The cut of ``run`` into ``len(targets)`` counts that best meets ``targets``, the values the
    table's other identities require of each cell (+1 for each met, -1 for each missed); spaces
    honoured if possible. None when no cut into that many counts exists.

    The row's own identity plays no part: this reads a row that no longer adds up (one cell
    changed) by what its columns say. A dynamic programme over (position, cell): at most seven
    digits a cell, so linear in the number of cells whatever the run's length."""
    text, positions, spaced = _strip(run)
    found = _closest(text, spaced, targets)
    if spaced and found is None:
        found = _closest(text, set(), targets)
    if found is None:
        return None
    score, spans = found
    return Closest(score, None if spans is None else _in_run(positions, spans))


def _closest(text: str, spaced: set[int], targets: tuple[tuple[int, ...], ...]):
    """(best score, spans in ``text`` or None when several cuts reach it), or None: no cut."""
    cells = len(targets)
    memo: dict[tuple[int, int], tuple[int, int, int] | None] = {}  # (score, ways capped at 2, end)

    def best(pos: int, index: int):
        key = (pos, index)
        if key not in memo:
            memo[key] = _best_from(pos, index)
        return memo[key]

    def _best_from(pos: int, index: int):
        if index == cells:
            return (0, 1, pos) if pos == len(text) else None
        if not cells - index <= len(text) - pos <= (cells - index) * _MAX_COUNT_DIGITS:
            return None
        found = None
        for end in _cell_ends(text, spaced, pos, decimal=False):
            if end - pos > _MAX_COUNT_DIGITS:
                break
            tail = best(end, index + 1)
            if tail is None:
                continue
            value = int(text[pos:end])
            score = tail[0] + sum(1 if value == target else -1 for target in targets[index])
            if found is None or score > found[0]:
                found = (score, tail[1], end)
            elif score == found[0]:
                found = (score, 2, end)
        return found

    top = best(0, 0)
    if top is None:
        return None
    if top[1] > 1:
        return top[0], None
    spans, pos = [], 0
    for index in range(cells):
        end = memo[pos, index][2]
        spans.append((pos, end))
        pos = end
    return top[0], tuple(spans)


def _strip(run: str) -> tuple[str, list[int], set[int]]:
    """The run's digits (and decimal points), the index in ``run`` of each, and the indices
    before which the run had a space or a comma."""
    chars: list[str] = []
    positions: list[int] = []
    spaced: set[int] = set()
    for index, char in enumerate(run):
        if char.isspace() or char == ",":
            if chars:
                spaced.add(len(chars))
            continue
        chars.append(char)
        positions.append(index)
    return "".join(chars), positions, spaced


def _in_run(positions: list[int], spans) -> tuple[tuple[int, int], ...]:
    return tuple((positions[a], positions[b - 1] + 1) for a, b in spans)


def _cell_ends(text: str, spaced: set[int], start: int, decimal: bool):
    """End indices of every well-formed number starting at ``start``."""
    if start >= len(text) or not text[start].isdigit():
        return
    leading_zero = text[start] == "0"
    dots = 0
    for end in range(start + 1, min(len(text), start + _MAX_DIGITS) + 1):
        char = text[end - 1]
        if end - 1 > start and end - 1 in spaced:
            return  # a space inside the cell
        if char == ".":
            dots += 1
            continue
        if not char.isdigit() or dots > 1 or (dots and not decimal):
            return
        if leading_zero and end - start > 1 and text[start + 1] != ".":
            return  # a leading zero: "0" is a cell, "01" is not
        yield end


def _count_ends(text: str, spaced: set[int]) -> list[int]:
    """For each start in ``text``, the furthest end of a count starting there (the start itself
    when none does): the ends ``_cell_ends`` gives without decimals, in one pass for all starts."""
    count_end = [0] * len(text)
    stretch = len(text)  # where the digits from the current start stop
    for start in range(len(text) - 1, -1, -1):
        if not text[start].isdigit():
            count_end[start] = stretch = start
            continue
        if start + 1 in spaced:
            stretch = start + 1
        count_end[start] = start + 1 if text[start] == "0" else min(stretch, start + _MAX_DIGITS)
    return count_end


class _Splitter:
    def __init__(self, text: str, groups: tuple[Group, ...], spaced: set[int]) -> None:
        self.text = text
        self.groups = groups
        self.spaced = spaced
        self.cells_after = [sum(g.cells for g in groups[i:]) for i in range(len(groups) + 1)]
        self.memo: dict[tuple[int, int], tuple[list[tuple[tuple[int, int], ...]], bool]] = {}
        self.count_end = _count_ends(text, spaced)
        self.decimal_ends: dict[int, tuple[int, ...]] = {}  # by start

    def _decimal_ends(self, start: int) -> tuple[int, ...]:
        """``_cell_ends`` with decimals, once per start: ``_plain`` tries each start again and again."""
        ends = self.decimal_ends.get(start)
        if ends is None:
            ends = self.decimal_ends[start] = tuple(_cell_ends(self.text, self.spaced, start, decimal=True))
        return ends

    def solve(self) -> Split:
        tails, complete = self._from(0, 0)
        return Split(tuple(tails), complete)

    def _from(self, pos: int, group_index: int):
        key = (pos, group_index)
        if key in self.memo:
            return self.memo[key]
        if group_index == len(self.groups):
            result = ([()], True) if pos == len(self.text) else ([], True)
            self.memo[key] = result
            return result
        group = self.groups[group_index]
        out: list[tuple[tuple[int, int], ...]] = []
        complete = True
        for cells in self._group(pos, group, self.cells_after[group_index + 1]):
            end = cells[-1][1]
            tails, tails_complete = self._from(end, group_index + 1)
            complete = complete and tails_complete
            for tail in tails:
                if len(out) >= LIMIT:
                    self.memo[key] = (out, False)
                    return out, False
                out.append(cells + tail)
        self.memo[key] = (out, complete)
        return out, complete

    def _group(self, pos: int, group: Group, cells_after: int):
        """Cell spans for one group starting at ``pos``, ``cells_after`` cells still to follow."""
        if group.total:
            yield from self._summed(pos, group.cells - 1, cells_after)
        else:
            yield from self._plain(pos, group.cells, cells_after)

    def _fits_after(self, end: int, cells_after: int) -> bool:
        rest = len(self.text) - end
        return cells_after <= rest <= cells_after * _MAX_DIGITS

    def _plain(self, pos: int, cells: int, cells_after: int):
        def walk(start: int, left: int, acc: tuple[tuple[int, int], ...]):
            if left == 0:
                if self._fits_after(start, cells_after):
                    yield acc
                return
            if len(self.text) - start > (left + cells_after) * _MAX_DIGITS:
                return  # too much text left for the cells that remain
            for end in self._decimal_ends(start):
                if len(self.text) - end < left - 1 + cells_after:
                    return  # too little text left for the cells that remain, and less at each end
                if left > 1:
                    yield from walk(end, left - 1, acc + ((start, end),))
                elif self._fits_after(end, cells_after):  # the last cell: no call to learn it
                    yield acc + ((start, end),)

        yield from walk(pos, cells, ())

    def _summed(self, pos: int, addends: int, cells_after: int):
        """Addends then their total. The total is fixed first (its length and place), so the
        addends are searched with a known target: each has at most as many digits as the total,
        one of them at least one digit fewer, and their running sum never passes it."""
        text, count_end = self.text, self.count_end
        for width in range(1, _MAX_COUNT_DIGITS + 1):
            if pos + addends + width > len(text) - cells_after:
                break  # no room for a total this wide, nor for a wider one
            # Only the ends that leave the cells after room (``_fits_after``) and leave no addend
            # wider than the total.
            first = max(pos + addends + width, len(text) - cells_after * _MAX_DIGITS)
            last = min(len(text) - cells_after, pos + (addends + 1) * width)
            for end in range(first, last + 1):
                start = end - width
                if count_end[start] < end:
                    continue  # the total is no count
                for cells in self._addends(pos, start, addends, int(text[start:end]), width):
                    yield cells + ((start, end),)

    def _addends(self, pos: int, stop: int, count: int, total: int, width: int) -> list[tuple[tuple[int, int], ...]]:
        # A list, not a generator: a level of generators per addend cost more than the search.
        text, count_end = self.text, self.count_end
        found = []

        def walk(start: int, left: int, acc: tuple[tuple[int, int], ...], running: int, longest: int) -> None:
            room = stop - start
            if left == 0:
                if room == 0 and running == total and longest >= width - 1:
                    found.append(acc)
                return
            if not left <= room <= left * width or (longest < width - 1 and room < width - 1):
                return
            for end in range(start + 1, min(count_end[start], start + width, stop) + 1):
                value = running + int(text[start:end])
                if value > total:
                    return
                if left > 1:
                    walk(end, left - 1, acc + ((start, end),), value, max(longest, end - start))
                elif end == stop and value == total and max(longest, end - start) >= width - 1:
                    found.append(acc + ((start, end),))  # the last addend: no call to learn it

        walk(pos, count, (), 0, 0)
        return found
