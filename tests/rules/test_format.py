"""Format rules F701–F707: a minimal failing and a minimal passing report for each."""

from __future__ import annotations

import pytest

from govlint_rules.format import count_zi

from .reportgen import lint, render_report, where

NO_FEE = {"六": "无。"}


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_clean_reports_have_no_format_finding():
    assert where(lint(render_report(), "F")) == []
    assert where(lint(render_report(2019, "2019"), "F")) == []
    assert where(lint(render_report(2020, "2019"), "F")) == []


def test_count_zi_counts_characters_and_latin_words_not_punctuation():
    assert count_zi("2024年，公开41000余条，网站www.example.gov.cn。") == 1 + 1 + 2 + 1 + 2 + 2 + 1  # 2024 年 公开 41000 余条 网站 www…
    assert count_zi("，。；：") == 0


def test_f701_overview_over_a_thousand_characters():
    long = "本机关" + "认真做好政府信息公开工作" * 84 + "。"  # 3 + 12 * 84 = 1011 characters
    text = render_report(sections={"一": long})
    findings = lint(text, "F")
    assert [(f.code, f.span.line, f.actual, f.severity) for f in findings] == [
        ("F701", _line(text, "一、总体情况"), 1011, "warning")]
    assert where(lint(render_report(sections={"一": long[:1000]}), "F")) == []


def test_f701_not_for_the_2019_format_years():
    long = "认真做好政府信息公开工作" * 100 + "。"
    assert where(lint(render_report(2019, "2019", sections={"一": long}), "F")) == []


@pytest.mark.parametrize("statement", ["本年度未收取信息处理费。", "不存在收取信息处理费的情况。",
                                       "本年度未发出收费通知。"])
def test_f702_any_fee_statement_passes(statement):
    assert where(lint(render_report(sections={"六": statement}), "F")) == []


def test_f702_section_six_without_fee_statement():
    text = render_report(sections=NO_FEE)
    findings = lint(text, "F")
    assert where(findings) == [("F702", _line(text, "六、其他需要报告的事项"))]
    assert findings[0].severity == "warning"


def test_f702_not_before_the_fee_rules():
    assert where(lint(render_report(2020, "2019", sections=NO_FEE), "F")) == []


FEE_NOTICES = {"R1": [7, 0, 0, 0, 0, 0, 7], "R3.6.2": [4, 0, 0, 0, 0, 0, 4], "R3.7": [7, 0, 0, 0, 0, 0, 7]}


def test_f703_fee_notices_in_table_two_but_no_statement():
    findings = lint(render_report(t2=FEE_NOTICES, sections=NO_FEE), "F")
    assert where(findings) == [("F703", "T2/R3.6.2/C7")]
    assert findings[0].severity == "warning"
    assert "4" in findings[0].message and findings[0].related[0].span.line > 0


def test_f703_fee_notices_with_a_statement_pass():
    assert where(lint(render_report(t2=FEE_NOTICES, sections={"六": "本年度发出收费通知4件，均未缴费。"}), "F")) == []


def test_f704_large_share_of_other_handling():
    many = {"R1": [10, 0, 0, 0, 0, 0, 10], "R3.1": [4, 0, 0, 0, 0, 0, 4], "R3.6.3": [6, 0, 0, 0, 0, 0, 6],
            "R3.7": [10, 0, 0, 0, 0, 0, 10]}
    findings = lint(render_report(t2=many), "F")
    assert where(findings) == [("F704", "T2/R3.6.3/C7")]
    assert findings[0].actual == "6/10"


def test_f704_small_counts_and_small_shares_pass():
    few = {"R3.1": [1, 0, 0, 0, 0, 0, 1], "R3.6.3": [2, 0, 0, 0, 0, 0, 2]}  # 2 of 3: under the minimum
    assert where(lint(render_report(t2=few), "F704")) == []
    share = {"R1": [30, 0, 0, 0, 0, 0, 30], "R3.1": [24, 0, 0, 0, 0, 0, 24], "R3.6.3": [6, 0, 0, 0, 0, 0, 6],
             "R3.7": [30, 0, 0, 0, 0, 0, 30]}  # 20 %
    assert where(lint(render_report(t2=share), "F704")) == []


def test_f704_counts_the_2019_single_row():
    many = {"R1": [10, 0, 0, 0, 0, 0, 10], "R3.1": [4, 0, 0, 0, 0, 0, 4], "R3.6": [6, 0, 0, 0, 0, 0, 6],
            "R3.7": [10, 0, 0, 0, 0, 0, 10]}
    assert where(lint(render_report(2019, "2019", t2=many), "F")) == [("F704", "T2/R3.6/C7")]


def test_f705_old_template_for_a_2021_or_later_report():
    text = render_report(2023, "2019", sections={"六": "本年度未收取信息处理费。"})
    assert where(lint(text, "F")) == [("F705", _line(text, "第二十条第（一）项"))]
    assert where(lint(render_report(2020, "2019"), "F705")) == []


def test_f706_hybrid_template():
    text = render_report().replace("规章 | 0 | 0 | 0 |", "规章 | 0 | 0 | 0 |\n第二十条第（九）项 | |||\n"
                                   "信息内容 | 采购项目数量 | 采购总金额 | |\n政府集中采购 | 3 | 52 |")
    findings = lint(text, "F")
    assert where(findings) == [("F706", _line(text, "第二十条第（一）项"))]
    assert "政府集中采购" in findings[0].message and "本年制发件数" in findings[0].message


def test_f707_2021_template_for_a_2020_report():
    text = render_report(2020, "2021", sections={"六": "无。"})
    assert where(lint(text, "F")) == [("F707", 1)]
    assert where(lint(render_report(2021, "2021"), "F707")) == []
