"""The report generator the rule tests build on renders what it promises."""

from govlint.api import lint_text
from govlint.readers import read_text

from .reportgen import render_report


def _doc(text):
    return read_text(text, None)


def test_default_report_is_a_clean_2021_report():
    doc = _doc(render_report())
    assert (doc.format, doc.report_year) == ("2021", 2024)
    assert [s.key for s in doc.sections] == ["一", "二", "三", "四", "五", "六"]
    assert len(list(doc.table("T2").cells())) == 175
    assert doc.table("T2").cell("R3.7", "C7").value == 3
    assert doc.problems == ()
    assert lint_text(render_report()) == []


def test_2019_format_has_the_single_other_row():
    doc = _doc(render_report(2019, "2019"))
    assert doc.format == "2019"
    assert doc.table("T2").row("R3.6") is not None
    assert doc.table("T1").cell("R9.1", "C2").value == 52.15


def test_overrides_reach_their_cells_and_sections():
    text = render_report(t2={("R3.6.2", "C1"): 4, "R4": [1, 0, "", 0, 0, 0, 1]}, t3={"B1": 2},
                         sections={"五": None, "六": "无。"}, headings={"一": None})
    doc = _doc(text)
    t2 = doc.table("T2")
    assert t2.cell("R3.6.2", "C1").value == 4
    assert t2.cell("R4", "C3").missing
    assert doc.table("T3").cell("R1", "B1").value == 2
    assert [s.key for s in doc.sections] == ["二", "三", "四", "六"]
    assert "一、总体情况" not in text and "本机关认真贯彻落实" in text
    assert "五、" not in text and "（一）存在的主要问题" not in text
    assert doc.section("六").text == "无。"
