"""What the pack and the engine keep between documents: never one document's for another, in
any thread, and never one configuration's rules for another."""

from __future__ import annotations

import sys
import threading

from govlint.config import Config
from govlint.engine import lint_document
from govlint.plugins import load_registry
from govlint.readers import read_text
from govlint_rules._memo import per_document
from govlint_rules.identities import t2_identities

from .reportgen import render_report


def test_per_document_builds_once_per_document():
    built = []

    @per_document
    def title(doc):
        built.append(doc)
        return doc.title.value if doc.title else None

    a, b = read_text(render_report(2023), "a.txt"), read_text(render_report(2024), "b.txt")
    assert [title(a), title(a), title(b)] == ["淮安市人民政府办公室2023年政府信息公开工作年度报告",
                                              "淮安市人民政府办公室2023年政府信息公开工作年度报告",
                                              "淮安市人民政府办公室2024年政府信息公开工作年度报告"]
    assert built == [a, b]  # the last document's only: a again would be built again


def test_threads_never_see_each_others_documents():
    docs = [read_text(render_report(t2={("R1", "C1"): i}), f"{i}.txt") for i in range(4)]
    expected = {id(doc): [(i.id, i.sums) for i in t2_identities.__wrapped__(doc)] for doc in docs}
    wrong = []
    start = threading.Barrier(4)

    def work(offset: int) -> None:
        start.wait()
        for n in range(200):
            doc = docs[(n + offset) % len(docs)]
            if [(i.id, i.sums) for i in t2_identities(doc)] != expected[id(doc)]:
                wrong.append(doc.path)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: a race shows at once
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert wrong == []


def test_engine_follows_the_configuration_it_is_given():
    registry = load_registry()
    doc = read_text(render_report(t2={("R1", "C1"): 9}, published=""), "r.txt")
    everything, dates = Config(), Config(select=("date",), severity={"D306": "error"})
    for _ in range(2):  # alternating: the rules kept for one configuration are not the other's
        assert {f.code for f in lint_document(doc, registry, everything)} >= {"A101", "A103"}
        found = lint_document(doc, registry, dates)
        assert {f.family for f in found} <= {"date"}
        assert [f.severity for f in found if f.code == "D306"] == ["error"]
