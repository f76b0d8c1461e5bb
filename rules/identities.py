"""The arithmetic identities of Tables 2 and 3 (domain.md §3.1–3.2), as data the rules evaluate.

Each ``Identity`` says which cells must add up to which, and answers holds / fails /
undetermined (``sums`` None). A blank cell makes an identity undetermined, never "holds":
missing is not zero. The identities of each format are laid out once (``_Plan``); a document
only brings its cells.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from itertools import repeat
from operator import call, itemgetter, ne
from typing import NamedTuple

from govlint.rule import T2_OUTCOME_ROWS, T3_SUMS, Cell, Document, SumSpec, Table, schema_for, t2_outcome_rows, t2_sums

from ._memo import per_document

COLUMN_NAMES = {"C1": "自然人", "C2": "商业企业", "C3": "科研机构", "C4": "社会公益组织", "C5": "法律服务机构",
                "C6": "其他", "C7": "总计"}
T3_NAMES = {"A": "行政复议", "B": "未经复议直接起诉", "C": "复议后起诉"}
T3_OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def row_name(doc: Document, row_id: str) -> str:
    """A short Chinese name for a Table 2 row: "(七)总计", "1.本机关不掌握相关政府信息"."""
    return _row_name(doc.format, row_id)


@functools.lru_cache(maxsize=256)  # a schema lookup per term of every identity was a hot spot
def _row_name(fmt: str, row_id: str) -> str:
    spec = schema_for(fmt).table("T2").row(row_id)
    label = spec.label if spec else row_id
    for cut in ("（区分处理的", "、行政机关不再处理"):
        label = label.split(cut)[0]
    return label


Address = tuple[str, str, str]  # table, row, column
TermSpec = tuple[str, Address]  # a term as the format defines it: name and address


class Term(NamedTuple):
    name: str
    address: Address
    cell: Cell | None


class Identity:
    """An identity of one document: which cells must add up to which (``left``, ``right``), and
    the answer (``sums``, None when a term is missing), worked out when it is built since every
    identity is asked whether it fails, some by three rules. Its terms are made only when asked
    for: in most reports every identity holds and no rule looks at them."""

    __slots__ = ("id", "sums", "_plan", "_cells", "_target", "_left", "_right", "_missing")

    def __init__(self, id: str, plan: _Plan, cells: list[Cell | None], target: int,
                 left: tuple[int, ...], right: tuple[int, ...], missing: tuple[int, ...],
                 sums: tuple[int | float, int | float] | None) -> None:
        # target, left, right and missing index the plan's terms; ``cells`` are the document's
        # cells at the plan's addresses
        self.id = id  # T2-BAL, T2-TOT, T2-COL, T3-REV, T3-DIR, T3-POST
        self.sums = sums
        self._plan, self._cells = plan, cells
        self._target, self._left, self._right, self._missing = target, left, right, missing

    def _terms(self, indices: tuple[int, ...]) -> tuple[Term, ...]:
        if not indices:
            return ()  # no missing term, the usual answer
        terms, slots, cells = self._plan.terms, self._plan.slots, self._cells
        return tuple(Term(*terms[i], cells[slots[i]]) for i in indices)

    @property
    def target(self) -> Term:
        """The cell a failure is reported at."""
        return self._terms((self._target,))[0]

    @property
    def left(self) -> tuple[Term, ...]:
        return self._terms(self._left)

    @property
    def right(self) -> tuple[Term, ...]:
        return self._terms(self._right)

    @property
    def terms(self) -> tuple[Term, ...]:
        return self._terms(self._left + self._right)

    @property
    def missing(self) -> tuple[Term, ...]:
        """The terms absent or blank."""
        return self._terms(self._missing)

    def fails(self) -> bool:
        return self.sums is not None and self.sums[0] != self.sums[1]


class _Plan(NamedTuple):
    """Identities as a format defines them, ready to meet a document's cells: the distinct
    terms (a cell may be two terms, named as a row and as a column), the distinct cell
    addresses and each term's among them (``slots``), and each identity as (the row it needs
    to be there, or None; id; target, left and right as indices into the terms; the slots of
    its cells; left and right as getters of their values from the values of the addresses
    followed by a 0). The addresses are laid out as a table gives its cells: row by row
    (``row_ids``), each row's columns in order (``columns``, all rows'), so that a table laid
    out so has its values in one pass, and most sums are slices of them. ``lefts`` and
    ``rights`` are the identities' getters again, to sum them all in one pass."""

    terms: tuple[TermSpec, ...]
    slots: tuple[int, ...]
    addresses: tuple[Address, ...]
    row_ids: list[str]
    columns: list[str]
    identities: tuple[tuple[str | None, str, int, tuple[int, ...], tuple[int, ...], frozenset[int],
                            Callable[[list], Iterable], Callable[[list], Iterable]], ...]
    lefts: tuple[Callable[[list], Iterable], ...]
    rights: tuple[Callable[[list], Iterable], ...]


def _order(cell_id: str) -> tuple:
    """"R3.4.2" → ("R", 3, 4, 2), "C7" → ("C", 7): rows and columns in the order tables give them."""
    return cell_id[0], *map(int, cell_id[1:].split("."))


def _plan(specs: tuple[SumSpec, ...], name: Callable[[SumSpec, Address, bool], str]) -> _Plan:
    """The plan of ``specs`` (all of one table), each term named by ``name(identity, address, on
    the right)``."""
    used = {address for spec in specs for address in (spec.target, *spec.left, *spec.right)}
    addresses = sorted(used, key=lambda a: (_order(a[1]), _order(a[2])))
    slot_of = {address: slot for slot, address in enumerate(addresses)}
    index: dict[TermSpec, int] = {}
    slots: list[int] = []

    def at(spec: SumSpec, address: Address, right: bool = False) -> int:
        term = (name(spec, address, right), address)
        if term not in index:
            index[term] = len(index)
            slots.append(slot_of[address])
        return index[term]

    laid_out = [(s.row, s.id, at(s, s.target), tuple(at(s, a) for a in s.left), tuple(at(s, a, True) for a in s.right))
                for s in specs]
    zero = len(addresses)  # the index of the 0 that follows the values

    def values(terms: tuple[int, ...]) -> Callable[[list], Iterable]:
        """A getter of the terms' values, in their order: a slice where their slots are evenly
        spaced (a row's columns, a column's rows), else the values followed by the 0, which
        makes every answer something to sum."""
        at = [slots[i] for i in terms]
        step = at[1] - at[0] if len(at) > 1 else 1
        if step > 0 and at == list(range(at[0], at[-1] + 1, step)):
            return itemgetter(slice(at[0], at[-1] + 1, step))
        return itemgetter(*at, zero)

    identities = tuple((row, id, target, left, right, frozenset(slots[i] for i in left + right), values(left),
                        values(right)) for row, id, target, left, right in laid_out)
    row_ids = list(dict.fromkeys(row for _table, row, _column in addresses))
    return _Plan(tuple(index), tuple(slots), tuple(addresses), row_ids, [column for _t, _r, column in addresses],
                 identities, tuple(i[6] for i in identities), tuple(i[7] for i in identities))


@functools.lru_cache(maxsize=32)  # two formats, and the few row sets of unknown or hybrid tables
def _t2_plan(fmt: str, outcome_rows: tuple[str, ...]) -> _Plan:
    def name(spec: SumSpec, address: Address, right: bool) -> str:
        _table, row, column = address
        # a row's total adds up its columns, named as such; elsewhere a term is its row
        return COLUMN_NAMES[column] if spec.id == "T2-COL" and right else _row_name(fmt, row)

    return _plan(t2_sums(outcome_rows), name)


_T3_PLAN = _plan(T3_SUMS, lambda _spec, address, _right: (f"{T3_NAMES[address[2][0]]}"
                                                              f"{T3_OUTCOMES[int(address[2][1:]) - 1]}"))


def _identities(plan: _Plan, table: Table, holding: bool) -> tuple[Identity, ...]:
    """The plan's identities with the cells of ``table``, those that need a row only where
    ``table`` has it; without those that hold unless ``holding``."""
    rows = table.rows
    # Nearly every table has exactly the plan's rows and columns, in its order: its values are
    # then read in one pass, and its cells gathered only if an identity is to be made.
    in_order = [r.id for r in rows] == plan.row_ids and [c.column for r in rows for c in r.cells] == plan.columns
    if in_order:
        found = None
        values = [c.value for r in rows for c in r.cells]
    else:
        found = _cells_at(plan, table)
        values = [c.value if c is not None else None for c in found]
    values.append(0)
    if not holding:  # the usual report: every identity holds, found without a step per identity
        try:
            if not any(map(ne, map(sum, map(call, plan.lefts, repeat(values))),
                           map(sum, map(call, plan.rights, repeat(values))))):
                return ()
        except TypeError:  # a blank cell (None) among the terms
            pass
    blank = {i for i, v in enumerate(values) if v is None} if None in values else None
    if found is None:
        found = [c for r in rows for c in r.cells]
    slots = plan.slots
    identities = []
    for row, id, target, left, right, cells, left_values, right_values in plan.identities:
        if row is not None and table.row(row) is None:
            continue
        if blank and not blank.isdisjoint(cells):
            missing = tuple(i for i in left + right if slots[i] in blank)
            identities.append(Identity(id, plan, found, target, left, right, missing, None))
            continue
        sums = sum(left_values(values)), sum(right_values(values))
        if holding or sums[0] != sums[1]:
            identities.append(Identity(id, plan, found, target, left, right, (), sums))
    return tuple(identities)


def _cells_at(plan: _Plan, table: Table) -> list[Cell | None]:
    """The cells of ``table`` at the plan's addresses, as ``table.cell(row, column)`` answers:
    the first row of an ID, its first cell of a column, None for one absent."""
    return [table.cell(row, column) for _table, row, column in plan.addresses]


def _t2(doc: Document, holding: bool) -> tuple[Identity, ...]:
    table = doc.table("T2")
    if table is None:
        return ()
    outcome_rows = T2_OUTCOME_ROWS.get(doc.format, T2_OUTCOME_ROWS["2021"])
    if doc.format not in T2_OUTCOME_ROWS:  # unknown or hybrid: follow the rows actually read
        outcome_rows = t2_outcome_rows(table.rows)
    return _identities(_t2_plan(doc.format, outcome_rows), table, holding)


def _t3(doc: Document, holding: bool) -> tuple[Identity, ...]:
    table = doc.table("T3")
    if table is None or not table.rows:
        return ()
    return _identities(_T3_PLAN, table, holding)


@per_document
def t2_identities(doc: Document) -> tuple[Identity, ...]:
    """Every identity of Table 2, in the schema's order, those that hold too (the rules need
    only ``t2_problems``)."""
    return _t2(doc, True)


# What the rules report on: the identities that fail or cannot be checked, in the same order.
# Most reports have none, and an identity that holds is then not even made.
@per_document  # A100 to A103
def t2_problems(doc: Document) -> tuple[Identity, ...]:
    return _t2(doc, False)


@per_document  # A100 and A104
def t3_problems(doc: Document) -> tuple[Identity, ...]:
    return _t3(doc, False)


def all_problems(doc: Document) -> list[Identity]:
    return [*t2_problems(doc), *t3_problems(doc)]


def _describe(terms: tuple[Term, ...], name: Callable[[Term], str], rest: Callable[[int], str]) -> str:
    """Every non-zero term with its name and value; zero terms are summarised by ``rest``, except
    in a sum of two, which reads better whole."""
    shown = [t for t in terms if t.cell is not None and t.cell.value not in (0, None)]
    zeros = len(terms) - len(shown)
    if zeros and len(terms) <= 2:
        shown, zeros = list(terms), 0
    text = " + ".join(f"{name(t)} {t.cell.raw if t.cell else '?'}" for t in shown) or "0"
    return text + rest(zeros) if zeros else text


def describe(terms: tuple[Term, ...]) -> str:
    """"予以公开 1 + 本机关不掌握 1（其余 20 项为 0）"."""
    return _describe(terms, lambda t: t.name, lambda n: f"（其余 {n} 项为 0）")


def describe_en(terms: tuple[Term, ...]) -> str:
    """"R3.1/C1 1 + R3.4.1/C1 1 (the other 20 are 0)"."""
    return _describe(terms, lambda t: f"{t.address[1]}/{t.address[2]}", lambda n: f" (the other {n} are 0)")
