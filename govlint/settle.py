"""Choose how Table 2's fused rows are read, by all the table's identities, not only each row's own.

``govlint.flatten`` splits a fused row by its own identity (C1+…+C6 = C7). Rows also meet in
columns (F21 Table 2: the outcome rows sum to （七）总计, and 新收 + 结转 = 总计 + 结转下年度, column
by column), and a row's own identity can mislead: 12|23|20|14|9|13 → 94, with 12 written for 15,
no longer adds up, yet its run "1223201491394" splits one way that does, 1|22|320|1|49|1 → 394.
So a reading of the table (a split, or nothing, for each fused row) is scored by every identity:
+1 for each that holds, -1 for each that fails, 0 for each that a blank or unread cell leaves
open. The best reading is taken; a row on which the best readings differ is left unread.

Two steps keep the search bounded:

1. the splits each row's identity allows, in every combination (at most ``_MAX_COMBINATIONS``):
   a row is settled when every combination under which the identities it is in hold gives it
   the same split. A table whose identities across rows then hold (or are open), and whose
   every row has a split, ends here: when each row splits one way only (the common case),
   after one check of those identities;
2. otherwise one row at a time is read another way, the others as step 1 left them: by another
   split its identity allows, by the cut that best meets what the other identities require of
   each of its cells (``flatten.closest_split``, linear in the run), or not at all. A table has
   a few dozen rows, and one changed cell needs one row read anew.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Mapping

from attrs import frozen

from .flatten import Split, closest_split
from .schema import T2_COLUMNS, t2_sums

_MAX_COMBINATIONS = 10_000  # combinations of several rows' splits tried together in step 1

Spans = tuple[tuple[int, int], ...]  # (start, end) per cell, in the row's run
Address = tuple[str, int]  # row ID, column index
Values = Mapping[str, tuple | None]  # each row's cell values; None for a fused row left unread


@frozen
class Sum:
    """An identity: the cells at ``left`` add up to those at ``right``."""

    left: tuple[Address, ...]
    right: tuple[Address, ...]

    def verdict(self, values: Values) -> int:
        """1 when the sum holds, -1 when it fails, 0 when a cell is absent, blank or unread."""
        left = _total(values, self.left)
        right = None if left is None else _total(values, self.right)
        if right is None:
            return 0
        return 1 if left == right else -1

    def required(self, values: Values, at: Address) -> int | None:
        """The value the cell ``at`` must have for the sum to hold, the other cells as they are
        in ``values``; None when one of them is open."""
        left, right = _total(values, self.left, at), _total(values, self.right, at)
        if left is None or right is None:
            return None
        return right - left if at in self.left else left - right


def _total(values: Values, addresses: tuple[Address, ...], skip: Address | None = None) -> int | None:
    total = 0
    for address in addresses:
        if skip is not None and address == skip:
            continue
        row, column = address
        try:
            value = values[row][column]
        except (KeyError, TypeError, IndexError):
            return None  # absent, unread, or a short row
        if not isinstance(value, int):
            return None  # blank, or no count
        total += value
    return total


@frozen
class _Identities:
    """The identities of a Table 2 that has ``rows`` (``schema.t2_sums``), by cell position: each
    row's total, and those across rows; for each row, the identities it is in."""

    totals: dict[str, Sum]
    across: tuple[Sum, ...]
    touching: dict[str, tuple[Sum, ...]]


@functools.lru_cache(maxsize=64)  # the same few sets of rows in report after report
def _identities(rows: tuple[str, ...], outcome_rows: tuple[str, ...]) -> _Identities:
    position = {c.id: i for i, c in enumerate(T2_COLUMNS)}

    def at(address: tuple[str, str, str]) -> Address:
        _table, row, column = address
        return row, position[column]

    totals, across = {}, []
    for spec in t2_sums(tuple(r for r in outcome_rows if r in rows)):
        if spec.id == "T2-COL":
            if spec.row in rows:
                totals[spec.row] = Sum(tuple(map(at, spec.right)), tuple(map(at, spec.left)))
        elif spec.id != "T2-TOT" or len(spec.right):  # outcomes sum only where an outcome row is read
            across.append(Sum(tuple(map(at, spec.left)), tuple(map(at, spec.right))))
    touching = {row: (totals[row], *(s for s in across if any(r == row for r, _ in s.left + s.right))) for row in rows}
    return _Identities(totals, tuple(across), touching)


def choose(known: Mapping[str, tuple], fused: Mapping[str, tuple[str, Split]], outcome_rows: tuple[str, ...],
           width: int) -> dict[str, Spans | None]:
    """The split to read each fused row by, None to leave it unread. ``known`` holds the values of
    the rows read cell by cell, ``fused`` each fused row's run and the splits its identity allows."""
    chooser = _Chooser(known, fused, _identities(tuple(sorted({*known, *fused})), outcome_rows), width)
    chooser.by_own_identities()
    chooser.one_row_at_a_time()
    return chooser.reading


_SEVERAL = ()  # a reading of a row that several cuts give as well: the row is left unread


class _Chooser:
    def __init__(self, known: Mapping[str, tuple], fused: Mapping[str, tuple[str, Split]], identities: _Identities,
                 width: int) -> None:
        self.totals, self.across, self.touching = identities.totals, identities.across, identities.touching
        self.width = width
        self.runs = {row: run for row, (run, _split) in fused.items()}
        # Rows whose every split by their own identity is known: the others stay unread.
        self.splits = {row: split.candidates for row, (_run, split) in fused.items() if split.complete}
        self.values: dict[str, tuple | None] = {**known, **{row: None for row in fused}}
        self.reading: dict[str, Spans | None] = {row: None for row in fused}

    def read(self, row: str, spans: Spans | None) -> None:
        self.reading[row] = spans
        self.values[row] = None if spans is None else self._counts(row, spans)

    def _counts(self, row: str, spans: Spans) -> tuple[int | None, ...]:
        return _counts(self.runs[row], spans)

    def by_own_identities(self) -> None:
        """Step 1: rows that split one way by their identity are read so; rows that split several
        ways by the combinations of their splits under which the identities they are in hold."""
        several = {}
        for row, candidates in self.splits.items():
            if len(candidates) == 1:
                self.read(row, candidates[0])
            elif candidates:
                several[row] = [(spans, self._counts(row, spans)) for spans in candidates]
        if not several or math.prod(len(c) for c in several.values()) > _MAX_COMBINATIONS:
            return
        # Across rows only: each split holds its own row's total.
        touched = {s for row in several for s in self.touching[row] if s is not self.totals[row]}
        agreed: dict[str, set[Spans]] = {row: set() for row in several}
        for combination in itertools.product(*several.values()):
            for row, (_spans, cells) in zip(several, combination):
                self.values[row] = cells
            if all(s.verdict(self.values) >= 0 for s in touched):
                for row, (spans, _cells) in zip(several, combination):
                    agreed[row].add(spans)
        for row, found in agreed.items():
            self.read(row, next(iter(found)) if len(found) == 1 else None)

    def one_row_at_a_time(self) -> None:
        """Step 2, when an identity fails or a row has no split by its own: the one change of one
        row's reading that gains the table most, if any gains and no other gains as much; the
        rows of changes that tie are left unread."""
        # Nothing to gain while every identity across rows holds (or is open) and every row has a
        # split of its own: another reading of a row holds no more of them, nor its total better.
        if all(s.verdict(self.values) >= 0 for s in self.across) and all(self.splits.values()):
            return
        best, changes = 0, []
        for row in self.splits:
            current, now = self.reading[row], self._score(row)
            for spans, score in self._alternatives(row):
                if spans == current:
                    continue
                gain = score - now
                if gain > best:
                    best, changes = gain, [(row, spans)]
                elif gain == best:
                    changes.append((row, spans))
        if best > 0 and len(changes) == 1:
            row, spans = changes[0]
            self.read(row, None if spans == _SEVERAL else spans)
            return
        for row, _spans in changes:  # ties, with each other or with the reading as it is
            self.read(row, None)

    def _alternatives(self, row: str):
        """(reading, score of the identities ``row`` is in) for each way to read ``row``."""
        saved = self.reading[row]
        found: dict[Spans | None, int] = {}
        for spans in (None, *self.splits[row]):
            self.read(row, spans)
            found[spans] = self._score(row)
        self.read(row, None)
        closest = closest_split(self.runs[row], self._targets(row))
        if closest is not None and closest.spans is None:
            # scored as cuts that break the row's own total: a split of its own among them is above
            found.setdefault(_SEVERAL, closest.score - 1)
        elif closest is not None and closest.spans not in found:
            self.read(row, closest.spans)
            found[closest.spans] = self._score(row)
        self.read(row, saved)
        return found.items()

    def _targets(self, row: str) -> tuple[tuple[int, ...], ...]:
        """For each cell of ``row`` (unread), the values the identities across rows require of it."""
        targets: list[list[int]] = [[] for _ in range(self.width)]
        for s in self.touching[row]:
            if s is self.totals[row]:
                continue
            (at,) = [(r, column) for r, column in s.left + s.right if r == row]
            if (value := s.required(self.values, at)) is not None:
                targets[at[1]].append(value)
        return tuple(map(tuple, targets))

    def _score(self, row: str) -> int:
        return sum(s.verdict(self.values) for s in self.touching[row])


@functools.lru_cache(maxsize=4096)  # rows of zeros and other short runs recur across reports
def _counts(run: str, spans: Spans) -> tuple[int | None, ...]:
    return tuple(int(run[a:b]) if run[a:b].isdigit() else None for a, b in spans)  # "2 3" is no count
