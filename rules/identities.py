"""The arithmetic identities of Tables 2 and 3 (domain.md §3.1–3.2), as data the rules evaluate.

Each ``Identity`` says which cells must add up to which; ``evaluate`` answers holds / fails /
undetermined. A blank cell makes an identity undetermined, never "holds": missing is not zero.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

from attrs import frozen

from govlint.rule import T2_OUTCOME_ROWS, Cell, Document, Table, schema_for

from ._memo import per_document

T2_COLUMNS = ("C1", "C2", "C3", "C4", "C5", "C6")
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


@frozen
class Term:
    name: str
    address: tuple[str, str, str]  # table, row, column
    cell: Cell | None


@frozen
class Identity:
    id: str  # T2-BAL, T2-TOT, T2-COL, T3-REV, T3-DIR, T3-POST
    target: Term  # the cell a failure is reported at
    left: tuple[Term, ...]
    right: tuple[Term, ...]

    @property
    def terms(self) -> tuple[Term, ...]:
        return self.left + self.right

    def missing(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.cell is None or t.cell.missing)

    def sums(self) -> tuple[int | float, int | float] | None:
        """(left sum, right sum), or None when a term is missing (undetermined)."""
        if self.missing():
            return None
        return sum(t.cell.value for t in self.left), sum(t.cell.value for t in self.right)

    def fails(self) -> bool:
        sums = self.sums()
        return sums is not None and sums[0] != sums[1]


def _term(table: Table | None, table_id: str, row: str, column: str, name: str) -> Term:
    return Term(name, (table_id, row, column), table.cell(row, column) if table else None)


@per_document  # four arithmetic rules and the narrative ask for the same document's
def t2_identities(doc: Document) -> Iterator[Identity]:
    table = doc.table("T2")
    if table is None:
        return
    outcome_rows = T2_OUTCOME_ROWS.get(doc.format, T2_OUTCOME_ROWS["2021"])
    if doc.format not in T2_OUTCOME_ROWS:  # unknown or hybrid: follow the rows actually read
        outcome_rows = tuple(r.id for r in table.rows if r.id.startswith("R3.") and r.id != "R3.7")

    def term(row: str, column: str) -> Term:
        return _term(table, "T2", row, column, row_name(doc, row))

    for column in (*T2_COLUMNS, "C7"):
        yield Identity("T2-BAL", term("R3.7", column), (term("R1", column), term("R2", column)),
                       (term("R3.7", column), term("R4", column)))
    for column in (*T2_COLUMNS, "C7"):
        yield Identity("T2-TOT", term("R3.7", column), (term("R3.7", column),),
                       tuple(term(r, column) for r in outcome_rows))
    for row in ("R1", "R2", *outcome_rows, "R3.7", "R4"):
        if table.row(row) is None:
            continue
        yield Identity("T2-COL", term(row, "C7"), (term(row, "C7"),),
                       tuple(_term(table, "T2", row, c, COLUMN_NAMES[c]) for c in T2_COLUMNS))


def t3_identities(doc: Document) -> Iterator[Identity]:
    table = doc.table("T3")
    if table is None or not table.rows:
        return
    for prefix, identity in (("A", "T3-REV"), ("B", "T3-DIR"), ("C", "T3-POST")):
        terms = [_term(table, "T3", "R1", f"{prefix}{i}", f"{T3_NAMES[prefix]}{T3_OUTCOMES[i - 1]}") for i in range(1, 6)]
        yield Identity(identity, terms[4], (terms[4],), tuple(terms[:4]))


def all_identities(doc: Document) -> list[Identity]:
    return [*t2_identities(doc), *t3_identities(doc)]


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
