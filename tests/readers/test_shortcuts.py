"""Shortcuts in reading give the answers of the long way: a line is asked whether it opens a
table only when its normalised text holds a letter an anchor needs, and then by the head of
each text's key, never by the whole key of a line of prose."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import unicodedata

from govlint.builder import _ANCHOR_LETTERS, _T1_START, _anchor, _table_start
from govlint.data.make_t2s_changed import entries
from govlint.normalize import key_head, label_key

# Anchors and what breaks or imitates them: full-width and traditional forms, punctuation that
# keys drop, pinyin glosses, numerals, and prose around them.
_PIECES = st.sampled_from([
    "第二十条第", "第二十條第", "（一）", "一", "二十", "项", "項", "本列数据的勾稽关系", "申请人情况", "申請人情況",
    "一、本年新收政府信息公开申请数量", "行政复议", "行政複議", "行政诉讼", "结果维持", "结果纠正", "公(gong)开(kai)",
    "⾏政复议", "\ufa08政复议", "🈸请人情况", "🉀列数据的勾稽关系",  # what NFKC makes 行, 申 and 〔本〕 of
    "，", "。", " ", "｜", "……——", "（ ）、" * 8, " " * 40, "１２", "3", "根据《中华人民共和国政府信息公开条例》规定", "本年度", "\u3000",
])
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)


# What keys drop, in runs long enough that the head is looked for further along.
_LEADS = st.text(alphabet="，。 …—（）、\u3000|", max_size=200)


@given(_LEADS, _TEXTS, st.integers(1, 40))
def test_key_head_is_the_head_of_the_key(lead, text, length):
    assert key_head(lead + text, length) == label_key(lead + text)[:length]


def _reference_anchor(text: str) -> str | None:
    key = label_key(text)
    if _T1_START.match(key):
        return "T1"
    if key.startswith("本列数据的勾稽关系") or key == "申请人情况":
        return "T2"
    return None


def _reference_table_start(texts: tuple[str, ...]) -> str | None:
    """What ``_table_start`` answered when it keyed every text whole."""
    anchors = set(map(_reference_anchor, texts))
    if "T1" in anchors:
        return "T1"
    first = next(filter(None, map(label_key, texts)), "")
    if "T2" in anchors or first.startswith("一本年新收政府信息公开申请数量"):
        return "T2"
    if first in ("行政复议", "行政复议行政诉讼") or (first.startswith("行政复议行政诉讼") and "结果维持" in first):
        return "T3"
    return None


@given(st.lists(_TEXTS, min_size=1, max_size=4).map(tuple))
def test_a_table_starts_where_whole_keys_say(texts):
    assert _anchor(texts[0]) == _reference_anchor(texts[0])
    assert _table_start(texts) == _reference_table_start(texts)


def test_an_anchor_past_the_head_of_a_long_key_is_still_found():
    """Tests that look beyond the head key the text whole: a Table 1 anchor with a long
    numeral, a Table 3 header with 结果维持 far along."""
    assert _anchor("第二十条第" + "十" * 30 + "项") == "T1"
    assert _table_start(("行政复议行政诉讼" + "其他" * 20 + "结果维持",)) == "T3"


def test_letters_an_anchor_needs_are_looked_for_after_normalisation():
    """NFKC makes 申, 〔本〕 and 行 of compatibility characters, which the gate lets through."""
    assert _anchor("🈸请人情况") == _table_start(("🈸请人情况",)) == "T2"
    assert _anchor("🉀列数据的勾稽关系") == "T2"
    assert _table_start(("⾏政复议",)) == _table_start(("\ufa08政复议",)) == "T3"


def test_the_anchor_letters_are_every_character_normalised_into_one():
    """Every character NFKC or t2s turns into text holding 第, 本, 申 or 行 is one of
    ``_ANCHOR_LETTERS``: a line without them cannot open a table."""
    letters = set("第本申行")
    by_nfkc = {c for c in map(chr, range(0x80, 0x110000))
               if not 0xD800 <= ord(c) <= 0xDFFF and letters & set(unicodedata.normalize("NFKC", c))}
    assert letters | by_nfkc == set(_ANCHOR_LETTERS)
    assert not any(letters & set(value) and set(key).isdisjoint(_ANCHOR_LETTERS) for key, value in entries())
