"""Year rule Y501: sentences that open with another year than the report's."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govlint_rules.year as year_rules

from .reportgen import lint, render_report, where


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_clean_report_has_no_year_finding():
    assert where(lint(render_report(), "Y")) == []


@pytest.mark.parametrize(("section", "body"), [
    ("一", "2023年，本机关认真贯彻落实《条例》，主动公开政府信息120条。"),
    ("五", "2023年度，政府信息公开工作取得一定成效，但仍存在不足。"),
    ("五", "（一）存在的主要问题\n2023年全年信息发布不够及时。"),
    ("一", "（二）依申请公开：2022年共收到申请3件。"),
    ("六", "2026年，本机关未收取信息处理费。"),  # two years ahead, no plan
    ("一", "2023年，本机关在2024年前已完成整改。"),  # the report's year as well
])
def test_y501_sentence_of_another_year(section, body):
    text = render_report(sections={section: body})
    findings = lint(text, "Y")
    year = int(body.split("年")[0][-4:])
    assert [(f.code, f.span.line, f.actual, f.expected) for f in findings] == [
        ("Y501", _line(text, body.splitlines()[-1]), year, 2024)]


@pytest.mark.parametrize(("section", "body"), [
    ("五", "2025年，我们将进一步加强政务公开工作。"),  # next year: a plan
    ("五", "2025年，结转的2件申请将依法办理。"),
    ("一", "2023年以来，本机关持续推进公开平台建设。"),  # earlier: a look back
    ("一", "2023年，本机关收到申请5件；2024年同比减少2件。"),
    ("一", "本机关较2023年多公开信息20条，结转2025年办理1件。"),  # years inside a sentence
    ("一", "2024年，本机关主动公开政府信息120条。"),
])
def test_y501_explained_or_report_years_pass(section, body):
    assert where(lint(render_report(sections={section: body}), "Y")) == []


def test_y501_points_at_the_year_itself():
    text = render_report(sections={"一": "全年工作扎实。2022年，本机关认真贯彻落实《条例》。"})
    (finding,) = lint(text, "Y")
    assert (finding.span.column, finding.span.end_column) == (8, 12)


INTRO = "本报告根据《中华人民共和国政府信息公开条例》编制。"


def test_y502_preamble_speaks_of_another_year():
    text = render_report(preamble=INTRO + "现就2023年度本机关政府信息公开工作情况报告如下。")
    findings = lint(text, "Y")
    assert [(f.code, f.span.line, f.actual) for f in findings] == [("Y502", 3, 2023)]
    assert text.splitlines()[2][findings[0].span.column - 1:findings[0].span.end_column - 1] == "2023"


@pytest.mark.parametrize("preamble", [
    INTRO + "现就2024年度本机关政府信息公开工作情况报告如下。",
    "根据《关于做好2023年度政府信息公开工作年度报告的通知》，现就本年度情况报告如下。",  # a cited title
    "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。",  # dates are D302's
    "2023年，本机关开展了专项整治。",  # no sentence about the report itself
])
def test_y502_passes(preamble):
    assert where(lint(render_report(preamble=preamble), "Y502")) == []


def test_y503_title_left_from_last_year_is_reported_at_its_year_alone():
    from .reportgen import AGENCY

    text = render_report(title=f"{AGENCY}2023年政府信息公开工作年度报告")
    findings = lint(text)
    assert [(f.code, f.span.line, f.expected, f.actual) for f in findings] == [("Y503", 1, 2024, 2023)]
    span = findings[0].span
    assert text.splitlines()[0][span.column - 1:span.end_column - 1] == "2023"


def test_y503_title_agreeing_with_period_and_publication_passes():
    assert where(lint(render_report(), "Y503")) == []


def test_y503_the_title_wins_a_tie():
    """With no publication date, title and period disagree one to one: the period is the odd one out."""
    from .reportgen import AGENCY

    text = render_report(title=f"{AGENCY}2023年政府信息公开工作年度报告", published="")
    assert [f.code for f in lint(text, "Y503", "D302")] == ["D302"]


@given(st.lists(st.sampled_from(["2023年", "2024年", "2024", "2023", "2019", "2020", "19", "20", "年", "年度", "。", "；",
                                 "：", "，", " ", "全年", "以来", "共", "我", "1", "4", "（一）", "工作"]),
                max_size=12).map("".join))
def test_the_year_gate_skips_only_text_with_no_other_year(text):
    """``other_years`` skips a paragraph without 年, or whose every "19"/"20" lies in the report
    year's digits (``_only_year``): the sentence-year pattern must find no other year there."""
    if "年" not in text or year_rules._only_year(text, 2024):
        assert [m["year"] for m in year_rules._SENTENCE_YEAR.finditer(text) if m["year"] != "2024"] == []
