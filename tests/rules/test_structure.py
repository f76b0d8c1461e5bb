"""Structure rules S201–S207: a minimal failing and a minimal passing report for each."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import govlint_rules.structure as structure_rules
from govlint.normalize import _FULL_WIDTH, _T2S_CHARACTERS, _T2S_PHRASES, norm_text
from govlint_rules.structure import cn_number

from .reportgen import lint, render_report, where


def _lines(text: str, needle: str) -> int:
    """The 1-based line number of the first line containing ``needle``."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_clean_reports_have_no_structure_finding():
    assert where(lint(render_report(), "S")) == []
    assert where(lint(render_report(2019, "2019"), "S")) == []
    assert where(lint(render_report(headings={"五": "五、存在问题与改进路径"}), "S")) == []


def test_s201_missing_section_points_where_it_should_start():
    text = render_report(sections={"五": None})
    findings = lint(text, "S")
    assert where(findings) == [("S201", _lines(text, "六、其他需要报告的事项"))]
    assert "五、存在的主要问题及改进情况" in findings[0].message


def test_s202_content_without_heading_is_a_missing_heading():
    text = render_report(headings={"一": None})
    findings = lint(text, "S")
    assert where(findings) == [("S202", _lines(text, "本机关认真贯彻落实"))]
    assert findings[0].severity == "warning"


def test_s202_a_table_without_its_heading():
    text = render_report(headings={"三": None})
    assert where(lint(text, "S")) == [("S202", _lines(text, "本列数据的勾稽关系"))]


def test_s203_heading_with_the_wrong_numeral():
    text = render_report(headings={"五": "四、存在的主要问题及改进情况"})
    assert where(lint(text, "S")) == [("S203", _lines(text, "四、存在的主要问题及改进情况"))]


@pytest.mark.parametrize("placeholder", ["（文字描述）", "（文字描述，收取信息处理费情况在此处报告。）"])
def test_s204_template_placeholder(placeholder):
    text = render_report(sections={"六": placeholder})
    findings = lint(text, "S")
    assert where(findings) == [("S204", _lines(text, "文字描述"))]
    assert findings[0].span.column == 1


def test_s205_section_without_its_table():
    text = render_report()
    lines = text.splitlines()
    start = lines.index("三、收到和处理政府信息公开申请情况")
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    text = "\n".join(lines[:start + 1] + ["本年度未收到政府信息公开申请。"] + lines[end:])
    assert where(lint(text, "S")) == [("S205", start + 1)]


def test_s206_missing_rows_are_named():
    text = "\n".join(line for line in render_report().splitlines()
                     if not line.startswith(("3.补正后申请内容仍不明确", "（七）总计")))
    findings = lint(text, "S")
    assert where(findings) == [("S206", _lines(text, "本列数据的勾稽关系"))]
    assert findings[0].expected == ["R3.4.3", "R3.7"]
    assert "3.补正后申请内容仍不明确" in findings[0].message


def test_s206_2019_table_is_complete_with_its_single_other_row():
    assert where(lint(render_report(2019, "2019"), "S206")) == []


@pytest.mark.parametrize(("body", "needle", "expected"), [
    ("（一）问题\n1.甲。\n2.乙。\n（二）改进\n1.丙。\n3.丁。", "3.丁", "2."),
    ("（一）存在的主要问题\n1、甲。\n（一）改进情况\n1、乙。", "（一）改进情况", "(二)"),
    ("存在以下问题：一是甲；三是乙。", "一是甲", "二是"),
    ("一是甲。二是乙。三是丙。四是丁。六是戊。", "一是甲", "五是"),
])
def test_s207_numbering_gap_or_repeat(body, needle, expected):
    text = render_report(sections={"五": body})
    findings = lint(text, "S")
    assert [(f.code, f.span.line, f.expected) for f in findings] == [("S207", _lines(text, needle), expected)]


@pytest.mark.parametrize("body", [
    "（一）问题\n1.甲。\n2.乙。\n（二）改进\n1.丙。\n2.丁。",
    "问题：一是甲；二是乙。\n下一步：一是丙；二是丁。",  # a new list starts again at 一是
    "统一是基础。唯一是目标。",  # 一是 inside a word is no item
    "1.甲。2.乙。3.丙。",
])
def test_s207_continuous_numbering_passes(body):
    assert where(lint(render_report(sections={"五": body}), "S207")) == []


def test_chinese_numbers():
    assert [cn_number(t) for t in ("一", "九", "十", "十二", "二十", "二十三")] == [1, 9, 10, 12, 20, 23]


@given(st.text(alphabet="一二三四五六七八九十", min_size=1, max_size=3))
def test_a_malformed_chinese_number_is_no_number(text):
    """What the marker pattern admits includes non-numbers ("十一十", "十十"): they read as 0, an
    item number no list has, never as a crash of S207."""
    value = cn_number(text)
    assert 0 <= value <= 99
    if value == 0:
        assert len(text) > 1


def test_s207_passes_over_a_marker_that_is_no_number():
    text = render_report(sections={"五": "（一）问题\n1.甲。\n（十一十）乙。\n（二）改进\n1.丙。"})
    assert where(lint(text, "S207", "X")) == []


def test_s203_heading_out_of_order():
    lines = render_report().splitlines()
    five, six = lines.index("五、存在的主要问题及改进情况"), lines.index("六、其他需要报告的事项")
    text = "\n".join(lines[:five] + lines[six:] + lines[five:six])
    findings = lint(text, "S")
    assert where(findings) == [("S203", _lines(text, "五、存在的主要问题及改进情况"))]


# Pieces of source lines around what the numbered-line gate looks for: what norm_text changes
# (characters and phrases of t2s, full-width forms, combining marks, a pinyin gloss, which it
# drops) next to ASCII digits and "|".
_AROUND_KEPT = st.lists(st.one_of(
    st.sampled_from(sorted(set("0123456789|一四十、. 　（）(gong)\u0301\u0338\u20e3") | set(_FULL_WIDTH))),
    st.sampled_from(sorted(_T2S_CHARACTERS)), st.sampled_from(_T2S_PHRASES)), max_size=12).map("".join)


@given(_AROUND_KEPT)
def test_the_numbered_line_gate_skips_only_lines_the_filter_drops(line):
    """``_numbered_lines`` skips a source line holding an ASCII digit or "|" without normalising
    it: what norm_text makes of such a line must hold a digit or a "|", for which the filter
    drops it anyway. Otherwise a misplaced heading would go unseen."""
    if structure_rules._KEPT_BY_NORM_TEXT.search(line):
        text = norm_text(line).strip()
        assert "|" in text or structure_rules._DIGIT.search(text)


_STYLES = {"(一)": "（{}）", "1.": "{}.", "一是": "{}是"}
_CN = "一二三四五六七八九"


def _item(style: str, n: int) -> str:
    number = str(n) if style == "1." else _CN[n - 1]
    return _STYLES[style].format(number)


@given(style=st.sampled_from(sorted(_STYLES)), count=st.integers(3, 9), data=st.data())
def test_s207_property_one_dropped_item_is_one_gap(style, count, data):
    items = [f"{_item(style, n)}做好第{n}项工作。" for n in range(1, count + 1)]
    assert where(lint(render_report(sections={"五": "\n".join(items)}), "S207")) == []
    dropped = data.draw(st.integers(2, count - 1))  # not the last: nothing would follow it
    text = render_report(sections={"五": "\n".join(items[:dropped - 1] + items[dropped:])})
    findings = lint(text, "S207")
    assert [(f.expected, f.actual) for f in findings] == [
        (_item(style, dropped).replace("（", "(").replace("）", ")"),
         _item(style, dropped + 1).replace("（", "(").replace("）", ")"))]


# The opening markers as a scan of the whole paragraph finds them.
_OPENING_SCAN = regex.compile(r"(?:^|(?<=[。；;!?！？]))" + structure_rules._OPENING.pattern)


@given(st.lists(st.sampled_from(["1.", "2.", "(3)", "（二）", "(十二)", "一、", "3.5", "一是", "是否", "。", "；", "，", " ", "依申请公开",
                                 "7", ")", "、", ".", "(", "十", "!", "？", ";", "\n"]), max_size=14).map("".join))
def test_the_numbering_searches_find_what_full_scans_find(text):
    """``_markers`` tries the opening markers only where the paragraph or a sentence opens, up to
    one character past the last of the characters that end one (``_OPENING_ENDS``), and scans
    for enumerations up to one past the last 是, and not at all without one: each must find what a
    scan of the whole paragraph finds."""
    last = max(map(text.rfind, structure_rules._OPENING_ENDS))
    tried = [(m.span(), m.lastgroup) for m in structure_rules._openings(text, last + 2)] if last >= 0 else []
    assert tried == [(m.span(), m.lastgroup) for m in _OPENING_SCAN.finditer(text)]
    last = text.rfind(structure_rules._ENUMERATION_END)
    pattern = structure_rules._ENUMERATION
    gated = [(m.span(), m.lastgroup) for m in pattern.finditer(text, 0, last + 2)] if last >= 0 else []
    assert gated == [(m.span(), m.lastgroup) for m in pattern.finditer(text)]
