"""Fault injection: plant one defect of each kind the rule pack covers in a correct generated
report, in every layout, and check it is found by the right family at the right place, and
that nothing else is reported.

Recall (planted defects found) and precision (runs with nothing but the planted defect) per
family are printed at the end of the module (``pytest -s``) and written to
``.pytest_cache/d/govlint/fault-recall.txt`` when the cache is on. A family with no rules
installed has its faults marked ``xfail(strict=True)``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest

import govlint
from govlint.api import lint_file
from govlint.config import Config
from govlint.plugins import load_registry
from tests.conftest import PROFILE
from tests.generate import SECTION_HEADINGS, Report, generate, render
from tests.scale.test_properties import READABLE, _suffix

# Reports each fault is planted in, per layout: the profiles' lengths (tests/conftest.py) apply here too.
SEEDS_PER_FAULT = {"ci": 3, "dev": 10, "fuzz": 100}.get(PROFILE, 3)


@dataclass(frozen=True)
class Fault:
    kind: str
    family: str
    plant: Callable[[Report], Report]
    cell: tuple[str, str, str] | None = None  # the finding must be at this cell (or its row/column)
    exact_cell: bool = False  # only this very cell (a blank cell), not its row or column
    needle: Callable[[Report], str] | None = None  # text of the line the finding must point at


def _headings(report: Report, index: int, heading: str) -> Report:
    headings = list(report.headings)
    headings[index] = heading
    return replace(report, headings=tuple(headings))


def _narrative_line(report: Report) -> str:
    return f"新收政府信息公开申请{report.narrated()['received']}件"


FAULTS = [
    Fault("changed cell", "arithmetic", lambda r: r.with_cell("T2", "R3.1", "C1", r.t2["R3.1"][0] + 1),
          cell=("T2", "R3.1", "C1")),
    Fault("changed table-3 cell", "arithmetic", lambda r: r.with_cell("T3", "R1", "B2", r.t3[6] + 2),
          cell=("T3", "R1", "B2")),
    Fault("blank cell", "arithmetic", lambda r: r.with_cell("T2", "R3.5.2", "C3", None),
          cell=("T2", "R3.5.2", "C3"), exact_cell=True),
    Fault("dropped heading", "structure", lambda r: _headings(r, 0, "")),
    Fault("renumbered heading", "structure", lambda r: _headings(r, 3, "五" + SECTION_HEADINGS[3][1:]),
          needle=lambda r: "五、政府信息公开行政复议"),
    Fault("wrong year in title", "year", lambda r: replace(r, title_year=r.year - 1),
          needle=lambda r: "政府信息公开工作年度报告"),
    Fault("wrong year in period", "date", lambda r: replace(r, period_year=r.year - 1),
          needle=lambda r: "统计期限"),
    Fault("invalid date", "date", lambda r: replace(r, published_text=f"{r.year + 1}年2月30日"),
          needle=lambda r: "发布日期"),
    Fault("late date", "date", lambda r: replace(r, published=dt.date(r.year + 1, 4, 20)),
          needle=lambda r: "发布日期"),
    Fault("broken phone", "contact", lambda r: replace(r, phone=r.phone.split("-")[0] + "-123"),
          needle=lambda r: "电话"),
    Fault("broken e-mail", "contact", lambda r: replace(r, email=r.email.replace("@", "@@")),
          needle=lambda r: "电子邮箱"),
    Fault("broken postcode", "contact", lambda r: replace(r, postcode=r.postcode[:5]),
          needle=lambda r: "邮编"),
    # Off by more than R2: a figure for 收到申请 equal to R1 + R2 counts the carried-over ones too
    # and is rightly not reported (N601's other reading), which "+ 3" hit whenever R2 was 3.
    Fault("narrative number changed", "narrative",
          lambda r: replace(r, narrative={"received": r.t2["R1"][6] + r.t2["R2"][6] + 3}), needle=_narrative_line),
    Fault("numbering gap", "structure", lambda r: replace(r, numerals=("一", "二", "四", "五", "六")),
          needle=lambda r: "（四）"),
]

_planted: dict[str, int] = defaultdict(int)
_found: dict[str, int] = defaultdict(int)
_clean: dict[str, int] = defaultdict(int)


def _cases():
    for fault in FAULTS:
        for layout in READABLE:
            if layout == "flat" and fault.exact_cell:
                continue  # a blank cell leaves no trace in a row of fused digits
            yield pytest.param(fault, layout, id=f"{fault.kind}-{layout}")


def _misplaced(fault: Fault, finding, doc, report: Report, layout: str) -> str | None:
    """Why ``finding`` is not at the planted defect, or None when it is."""
    if layout == "flat" and fault.cell and not fault.exact_cell and finding.code == "P905":
        # a flattened row that no longer adds up is read by its columns when one split stands out
        # (govlint.settle), and otherwise reported unread, on its line
        return None if finding.span else "P905 without a location"
    if finding.family != fault.family:
        return f"wrong family {finding.family}"
    if fault.cell:
        table, row, column = fault.cell
        at = finding.cell
        if at is None or at.table != table:
            return f"not at a {table} cell: {at}"
        if fault.exact_cell and (at.row, at.column) != (row, column):
            return f"at {at}, not {table}/{row}/{column}"
        if at.row != row and at.column != column:
            return f"at {at}, outside row {row} and column {column}"
    if fault.needle:
        needle = fault.needle(report)
        if finding.span is None:
            return f"no location (expected the line with {needle!r})"
        line = doc.lines[finding.span.line - 1] if 0 < finding.span.line <= len(doc.lines) else ""
        if needle not in line:
            return f"points at line {finding.span.line} {line[:60]!r}, not the line with {needle!r}"
    return None


@pytest.mark.parametrize(("fault", "layout"), list(_cases()))
def test_planted_fault_is_found_at_its_place_and_alone(fault, layout, tmp_path):
    registry = load_registry()
    problems = []
    for seed in range(SEEDS_PER_FAULT):
        report = fault.plant(generate(random.Random(1000 + seed)))
        data = render(report, layout)
        path = tmp_path / f"report{seed}{_suffix(layout)}"
        # what the valid report already gives in this layout (flattened Table 1 rows: P905)
        path.write_bytes(render(generate(random.Random(1000 + seed)), layout))
        expected = {(f.code, f.message) for f in lint_file(path, Config(), registry).findings}
        path.write_bytes(data)
        findings = [f for f in lint_file(path, Config(), registry).findings if (f.code, f.message) not in expected]
        doc = govlint.read(path)
        _planted[fault.family] += 1
        placed = [f for f in findings if _misplaced(fault, f, doc, report, layout) is None]
        _found[fault.family] += bool(placed)
        others = [f"{f.code} {f.message} ({_misplaced(fault, f, doc, report, layout)})"
                  for f in findings if f not in placed]
        _clean[fault.family] += bool(placed) and not others
        if not placed:
            problems.append(f"seed {seed}: not found; findings: {[f'{f.code} {f.message}' for f in findings]}")
        elif others:
            problems.append(f"seed {seed}: also reported {others}")
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module", autouse=True)
def recall_report(request):
    yield
    lines = ["family       planted  found  recall  alone"]
    for family in sorted(_planted):
        planted, found = _planted[family], _found[family]
        lines.append(f"{family:<12} {planted:>7} {found:>6} {found / planted:>7.0%} {_clean[family]:>6}")
    text = "\n".join(lines)
    print("\n" + text)
    cache = getattr(request.config, "cache", None)
    if cache is not None:
        (cache.mkdir("govlint") / "fault-recall.txt").write_text(text + "\n", encoding="utf-8")
