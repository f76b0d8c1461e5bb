"""Fingerprints: stable across line shifts, distinct across codes, places and files."""

from __future__ import annotations

import attrs

from govlint.finding import CellAddress, Finding
from govlint.fingerprint import fingerprint, location_key, relative_path
from govlint.model import Span


def _finding(**changes) -> Finding:
    base = Finding(code="A100", rule="table2-balance", family="arithmetic", severity="error",
                   message="m", span=Span(166, 5, 166, 9), cell=CellAddress("T2", "R3.4.2", "C7"),
                   path="/proj/reports/a.txt")
    return attrs.evolve(base, **changes)


def test_cell_finding_ignores_line_and_message():
    moved = _finding(span=Span(300, 1, 300, 2), message="other words")
    assert fingerprint(_finding(), "/proj") == fingerprint(moved, "/proj")
    assert location_key(_finding()) == "cell:T2/R3.4.2/C7"


def test_code_cell_and_path_each_change_the_fingerprint():
    base = fingerprint(_finding(), "/proj")
    assert fingerprint(_finding(code="A101"), "/proj") != base
    assert fingerprint(_finding(cell=CellAddress("T2", "R3.4.2", "C6")), "/proj") != base
    assert fingerprint(_finding(path="/proj/reports/b.txt"), "/proj") != base


def test_path_is_relative_to_the_root():
    assert relative_path("/proj/reports/a.txt", "/proj") == "reports/a.txt"
    assert fingerprint(_finding(), "/proj") == fingerprint(_finding(path="/other/reports/a.txt"), "/other")


def test_text_finding_uses_normalised_anchor_or_span_text():
    anchored = _finding(cell=None, anchor="本机关2024年主动公开 文件12件。")
    assert location_key(anchored) == "text:本机关2024年主动公开文件12件"
    # no anchor: the text at the span, wherever the line now is
    a = _finding(cell=None, span=Span(10, 3, 10, 7))
    b = _finding(cell=None, span=Span(42, 3, 42, 7))
    assert location_key(a, {10: "xx缺少日期yy"}) == "text:缺少日期"
    assert fingerprint(a, "/proj", {10: "xx缺少日期yy"}) == fingerprint(b, "/proj", {42: "xx缺少日期yy"})


def test_whole_document_finding():
    assert location_key(_finding(cell=None, span=None)) == "document"
    assert len(fingerprint(_finding(cell=None, span=None), "/proj")) == 32


def test_anchor_text_is_the_text_at_the_span_only_when_needed():
    from govlint.fingerprint import anchor_text

    lines = ["标题", "xx缺少日期yy"]
    text_finding = _finding(cell=None, span=Span(2, 3, 2, 7))
    assert anchor_text(text_finding, lines) == "缺少日期"
    assert anchor_text(_finding(), lines) is None  # a cell finding keys on its cell
    assert anchor_text(_finding(cell=None, anchor="原有"), lines) is None  # its own anchor stays
    assert anchor_text(_finding(cell=None, span=Span(9, 1, 9, 2)), lines) is None  # no such line
