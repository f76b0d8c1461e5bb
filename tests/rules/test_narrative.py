"""Narrative rules (N6xx): figures of the text against the tables, failing and passing."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govlint_rules.narrative as narrative_rules
from govlint import lint_text
from govlint.config import Config

from .reportgen import default_sections, render_report

BODY_ONE = default_sections(2024)["一"]  # "…收到政府信息公开申请3件，均已按时答复。"


def narrative(text: str, lang: str = "zh"):
    found = lint_text(text, config=Config(select=("narrative",), lang=lang))
    return [(f.code, str(f.cell) if f.cell else None, f.span.line, f.expected, f.actual) for f in found]


def with_one(extra: str, **kwargs) -> str:
    """A report whose section 一 (line 5) ends with ``extra``."""
    return render_report(sections={"一": BODY_ONE + extra}, **kwargs)


def test_clean_report_has_no_narrative_finding():
    assert narrative(render_report()) == []


# N601 narrative-applications
def test_received_contradicts_table2():
    text = render_report(sections={"一": "2024年，本机关共收到政府信息公开申请4件。"})
    assert narrative(text) == [("N601", "T2/R1/C7", 5, 3, 4)]


def test_finding_points_at_the_number():
    text = render_report(sections={"一": "2024年，本机关共收到政府信息公开申请4件。"})
    (finding,) = lint_text(text, config=Config(select=("N601",)))
    assert (finding.span.column, finding.span.end_column) == (21, 22)  # "4" is the 21st character
    assert "4 件" in finding.message and "T2 R1 C7" in finding.message


# Seed 000's sentence: 72 new applications, 70 answered and 2 carried forward; the table's
# total of 77 includes 7 carried over from the year before. Nothing contradicts.
SEED_000_T2 = {"R1": [70, 2, 0, 0, 0, 0, 72], "R2": [7, 0, 0, 0, 0, 0, 7], "R3.1": [75, 2, 0, 0, 0, 0, 77],
               "R3.4.1": [0] * 7, "R3.7": [75, 2, 0, 0, 0, 0, 77], "R4": [2, 0, 0, 0, 0, 0, 2]}


def test_new_applications_with_answered_and_carried_forward_agree():
    text = render_report(t2=SEED_000_T2, sections={"一": "2024年办理依申请公开件72件,其中已答复70件、2件结转2025年办理。"})
    assert narrative(text) == []


def test_carried_forward_contradicts_r4():
    text = render_report(t2=SEED_000_T2, sections={"一": "2024年办理依申请公开件72件,其中已答复69件、3件结转2025年办理。"})
    assert narrative(text) == [("N601", "T2/R4/C7", 5, 2, 3)]


@pytest.mark.parametrize("sentence, found", [
    ("上一年度结转3件。", [("N601", "T2/R2/C7", 5, 0, 3)]),
    ("目前已办结4件。", [("N601", "T2/R3.7/C7", 5, 3, 4)]),
    ("予以公开2件，无法提供1件。", []),
    ("予以公开3件。", [("N601", "T2/R3.1/C7", 5, 2, 3)]),
    ("无法提供2件。", [("N601", None, 5, 1, 2)]),  # a group of rows: no single cell
    ("予以公开及部分公开2件。", []),
    ("结转下年度继续办理1件。", [("N601", "T2/R4/C7", 5, 0, 1)]),
])
def test_application_figures(sentence, found):
    assert narrative(with_one(sentence)) == found


def test_blank_cell_leaves_the_figure_unchecked():
    text = with_one("无法提供5件。", t2={("R3.4.2", "C7"): "/"})
    assert narrative(text) == []


def test_all_done_contradicts_carried_forward():
    t2 = {"R1": [4, 0, 0, 0, 0, 0, 4], "R4": [1, 0, 0, 0, 0, 0, 1]}
    text = render_report(t2=t2, sections={"一": "所有申请均已按要求办理完成。"})
    assert narrative(text) == [("N601", "T2/R4/C7", 5, 1, 0)]
    assert narrative(with_one("所有申请均已按要求办理完成。")) == []


def test_done_is_read_only_about_applications():
    # 办结 of mailbox messages in a paragraph that says nothing of 申请 is not a Table 2 figure.
    text = render_report(sections={"一": "领导信箱留言办结160件，办结率100%。"})
    assert narrative(text) == []


# N602 narrative-review-litigation
def test_review_count_contradicts_a5():
    assert narrative(with_one("因政府信息公开被申请行政复议3件。", t3={"A1": 2, "A5": 2})) == [
        ("N602", "T3/R1/A5", 5, 2, 3)]
    assert narrative(with_one("因政府信息公开被申请行政复议2件。", t3={"A1": 2, "A5": 2})) == []


def test_lawsuit_after_review_is_not_a_review():
    # Seed 001: the figure after 诉讼 belongs to C5, not to 行政复议 nor to all lawsuits.
    t3 = {"A1": 3, "A5": 3, "B1": 2, "B5": 2, "C4": 1, "C5": 1}
    text = with_one("提起行政复议3件。由申请人不满行政复议结果后提起行政诉讼1件。未经复议直接起诉2件。", t3=t3)
    assert narrative(text) == []
    text = with_one("提起行政复议3件。行政诉讼1件。", t3=t3)
    assert narrative(text) == [("N602", "T3/R1/B5", 5, 3, 1)]


def test_none_happened_contradicts_lawsuits():
    sentence = "未发生有关政府信息公开事务的行政复议和诉讼案件。"
    assert narrative(with_one(sentence, t3={"B1": 2, "B4": 1, "B5": 3})) == [("N602", "T3/R1/B5", 5, 3, 0)]
    assert narrative(with_one(sentence)) == []
    assert narrative(with_one(sentence, t3={"A1": 1, "A5": 1})) == [("N602", "T3/R1/A5", 5, 1, 0)]


def test_unreviewed_lawsuit_wording_is_no_negation():
    assert narrative(with_one("未经复议直接起诉1件。", t3={"B1": 1, "B5": 1})) == []


# N603 narrative-table1
def test_normative_documents_contradict_table1():
    assert narrative(with_one("全年制发行政规范性文件3件。")) == [("N603", "T1/R1.2/C1", 5, 2, 3)]
    assert narrative(with_one("全年制发行政规范性文件2件。")) == []


def test_decisions_and_items():
    assert narrative(with_one("全年作出行政许可决定121件。")) == [("N603", "T1/R5.1/C1", 5, 120, 121)]
    assert narrative(with_one("全年办理行政许可事项121件。")) == []  # items, not decisions


def test_2019_format_decisions_are_in_c3():
    text = render_report(year=2019, fmt="2019", sections={"一": "2019年作出行政处罚决定9件。"})
    assert narrative(text) == [("N603", "T1/R6.1/C3", 5, 8, 9)]


def test_english_message():
    text = render_report(sections={"一": "2024年，本机关共收到政府信息公开申请4件。"})
    (finding,) = lint_text(text, config=Config(select=("N601",), lang="en"))
    assert finding.message.startswith("The text says 4") and "T2 R1 C7" in finding.message


def test_received_may_include_the_carried_over():
    # 沭阳县 2025: "共受理政府信息公开申请749件" = 713 new + 36 carried over (R1 + R2).
    t2 = {"R1": [3, 0, 0, 0, 0, 0, 3], "R2": [1, 0, 0, 0, 0, 0, 1], "R3.1": [3, 0, 0, 0, 0, 0, 3],
          "R3.7": [4, 0, 0, 0, 0, 0, 4]}
    assert narrative(render_report(t2=t2, sections={"一": "全年共受理政府信息公开申请4件。"})) == []
    assert narrative(render_report(t2=t2, sections={"一": "全年共受理政府信息公开申请5件。"})) == [
        ("N601", "T2/R1/C7", 5, 3, 5)]


def test_review_and_lawsuit_listed_together():
    # 平潭 2023: "行政复议案件2件、行政诉讼案件7件" with B5 = 5 and C5 = 2: the 复议 of the first
    # item does not make the lawsuits "after review".
    t3 = {"A1": 2, "A5": 2, "B1": 5, "B5": 5, "C1": 2, "C5": 2}
    assert narrative(with_one("因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。", t3=t3)) == []
    assert narrative(with_one("因政府信息公开引起的行政复议案件2件、行政诉讼案件6件。", t3=t3)) == [
        ("N602", "T3/R1/B5", 5, 7, 6)]


def test_parts_of_a_total_are_not_compared():
    # An aggregate report breaks its figures down by unit: 其中 … and several figures for the
    # same cell in one sentence are parts, not the total.
    assert narrative(with_one("全区共收到申请3件，其中区政府办公室收到申请2件。")) == []
    assert narrative(with_one("区本级收到申请1件，各乡镇收到申请2件。")) == []


def test_reviews_are_read_only_where_the_text_is_about_disclosure():
    # A 司法局 also reports the reviews it decides as the review body.
    text = render_report(sections={"一": "全年办理行政复议案件120件，行政诉讼案件30件。"})
    assert narrative(text) == []
    text = render_report(sections={"一": "因政府信息公开被申请行政复议1件。"})
    assert narrative(text) == [("N602", "T3/R1/A5", 5, 0, 1)]


def test_words_that_are_no_negation():
    text = with_one("无论是信息公开行政复议还是诉讼，均依法应对。", t3={"B1": 1, "B5": 1})
    assert narrative(text) == []


def test_a_row_that_contradicts_itself_is_not_compared():
    # 总计 0 although 自然人 is 1 (A103's finding): the text's 其他处理 figure is not judged on it.
    text = with_one("其他处理2件。", t2={"R3.6.2": [1, 0, 0, 0, 0, 0, 0]})
    assert narrative(text) == []
    assert narrative(with_one("其他处理2件。")) == [("N601", None, 5, 0, 2)]


def test_denied_outcome_is_no_denied_review():
    text = with_one("全年未发生因依申请公开被行政复议纠错的情况。", t3={"A1": 2, "A5": 2})
    assert narrative(text) == []


def test_no_application_received():
    sentence = "本年度未收到政府信息公开申请。"
    assert narrative(render_report(sections={"一": sentence})) == [("N601", "T2/R1/C7", 5, 3, 0)]
    empty = {"R1": [0] * 7, "R3.1": [0] * 7, "R3.4.1": [0] * 7, "R3.7": [0] * 7}
    assert narrative(render_report(t2=empty, sections={"一": sentence})) == []
    # a review application is no disclosure application
    assert narrative(render_report(sections={"一": "本年度未收到行政复议申请。" + BODY_ONE})) == []


def test_one_figure_for_reviews_and_lawsuits():
    sentence = "本年度政府信息公开行政复议和行政诉讼均为0件。"
    assert narrative(with_one(sentence)) == []
    assert sorted(narrative(with_one(sentence, t3={"A1": 1, "A5": 1, "C1": 1, "C5": 1}))) == [
        ("N602", "T3/R1/A5", 5, 1, 0), ("N602", "T3/R1/C5", 5, 1, 0)]  # C5: the lawsuits are B5 + C5


def test_every_claim_pattern_needs_a_claim_word():
    """A sentence without a claim word is skipped unsearched (narrative._CLAIM_WORD): each
    pattern must name one of those words."""
    from govlint_rules import narrative

    words = narrative._CLAIM_WORD.pattern.split("|")
    patterns = [narrative._RECEIVED, narrative._CARRIED_IN, narrative._DONE, narrative._OUTCOME, narrative._REVIEW,
                narrative._LAWSUIT, narrative._BOTH, narrative._NONE_HAPPENED, narrative._NONE_RECEIVED,
                narrative._ALL_DONE, narrative._NORMATIVE, narrative._T1_DECISIONS, *narrative._carried_out(2024)]
    for pattern in patterns:
        assert any(word in pattern.pattern for word in words), pattern.pattern


# The words the claim patterns are made of and pieces of them, numbers, units and clause marks.
_CLAIM_PIECES = ["收到", "接收", "受理", "新收", "共收", "申请", "信息公开", "上年", "去年", "结转", "转入", "转", "至",
                 "下年度", "下一年度", "2025年度", "办结", "办理完成", "行政复议", "行政诉讼", "起诉", "复议", "诉讼",
                 "案件", "和", "及", "、", "均", "为", "予以公开", "部分公开", "不予处理", "其他处理", "制发", "印发",
                 "行政规范性文件", "规范性文件", "行政许可", "行政处罚", "决定", "未发生", "没有", "无", "未", "所有",
                 "全部", "被", "了", "共", "0", "1", "23", "件", "起", "个", "，", "。", " "]
_NARRATIVE = narrative_rules
# Each scan of _sentence_claims outside the figure-pattern table, with the gate it runs behind
# there (the digit gate ``figures`` on those that read a figure).
_INLINE_GATES = [
    (_NARRATIVE._OUTCOME, lambda t: any(w in t for w in _NARRATIVE.OUTCOMES) and _NARRATIVE._DIGIT.search(t)),
    (_NARRATIVE._LAWSUIT, lambda t: "诉" in t and _NARRATIVE._DIGIT.search(t)),
    (_NARRATIVE._BOTH, lambda t: "行政诉讼" in t and _NARRATIVE._DIGIT.search(t)),
    (_NARRATIVE._T1_DECISIONS, lambda t: any(w in t for w in _NARRATIVE._T1_KINDS) and _NARRATIVE._DIGIT.search(t)),
    (_NARRATIVE._NONE_HAPPENED, lambda t: ("未" in t or "没有" in t or "无" in t) and ("复议" in t or "诉讼" in t)),
    (_NARRATIVE._NONE_RECEIVED, lambda t: ("未" in t or "没有" in t or "无" in t) and "申请" in t),
    (_NARRATIVE._ALL_DONE, lambda t: "申请" in t and ("所有" in t or "全部" in t)),
]


_SCANS = [(pattern, lambda t, w=word: w in t and _NARRATIVE._DIGIT.search(t))
          for fmt in ("2019", "2021") for year in (None, 2024)
          for pattern, word, _target in _NARRATIVE._figure_patterns(fmt, year, True)] + _INLINE_GATES
# Text each pattern matches (as the standard re reads it, which comes close), and text of pieces.
_CLAIM_TEXT = st.one_of(*(st.from_regex(re.compile(p.pattern)) for p in dict.fromkeys(p for p, _ in _SCANS)),
                        st.lists(st.sampled_from(_CLAIM_PIECES), max_size=16).map("".join))


@given(_CLAIM_TEXT)
def test_the_claim_word_gates_let_through_every_match_of_their_patterns(text):
    """The narrative rules scan a paragraph only where ``_CLAIM_WORD`` finds a word, and each
    pattern only where its own gate holds: a match that a gate would turn away is a claim the
    rules silently miss. Every match must therefore satisfy its pattern's gate and the paragraph's."""
    for pattern, gate in _SCANS:
        for m in pattern.finditer(text):
            assert gate(m.group()), (pattern.pattern, m.group())
            assert _NARRATIVE._CLAIM_WORD.search(m.group()), (pattern.pattern, m.group())
