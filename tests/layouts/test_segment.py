"""Cutting a run-on line (domain.md §6.4, §6.15): headings mid-line only by their full statutory
phrase, glued table rows into labels and runs, each piece with its span on the original line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govlint.readers  # noqa: F401  (the readers package must load before the builder)
from govlint.builder import heading_section
from govlint.normalize import normalize
from govlint.source import text_line
from govlint.segment import _MID_HEADING, _PHRASE_ENDS, _PHRASE_ONLY, Piece, _body, _piece, cut


def pieces(raw: str, in_table: bool = False) -> list[tuple[str, bool]]:
    line = text_line(raw, 7)
    found = cut(line, normalize(raw), in_table=in_table, whole_heading=heading_section(raw) is not None)
    for piece in found:  # every piece's span points at its own text on line 7
        span = piece.line.span
        assert span.line == 7 and raw[span.column - 1:span.end_column - 1] == piece.line.raw
    return [(p.line.raw, p.fused) for p in found]


def test_heading_mid_line_is_cut_out():
    assert pieces("电话：0591-23165385。 一、总体情况 2023年，平潭综合实验区坚持") == [
        ("电话：0591-23165385。", False), ("一、总体情况", False), ("2023年，平潭综合实验区坚持", False)]


def test_prose_listing_the_sections_is_not_cut():
    raw = "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个部分。"
    assert pieces(raw) == [(raw, False)]


def test_glued_table_rows_become_labels_and_runs():
    raw = "（六）其他处理1.申请人无正当理由逾期不补正 10000012.申请人逾期未按收费通知要求缴纳费用 0 0 0 0 0 00"
    assert pieces(raw, in_table=True) == [
        ("（六）其他处理", False),
        ("1.申请人无正当理由逾期不补正", False),
        ("1000001", True),
        ("2.申请人逾期未按收费通知要求缴纳费用", False),
        ("0 0 0 0 0 00", True),
    ]


def test_table1_label_cut_from_the_header_before_it():
    raw = "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费5949.088667"
    assert pieces(raw) == [("第二十条第（八）项信息内容本年收费金额（单位：万元）", False), ("行政事业性收费", False),
                           ("5949.088667", True)]


def test_a_line_inside_a_table_that_does_not_end_in_values_is_left_alone():
    raw = "（一）2024 年工作中存在问题的改进情况"
    assert pieces(raw, in_table=True) == [(raw, False)]


def test_renumbered_statutory_heading_is_found_by_its_text():
    assert heading_section("一、主动公开政府信息情况") == "二"
    assert heading_section("## 三、政府信息公开行政复议、行政诉讼情况") == "四"
    assert heading_section("二、工作机制保障") is None


def test_the_word_gates_are_in_step_with_their_patterns():
    """``cut`` scans a line for mid-line headings and table anchors only when it holds one of
    their words: each heading phrase, without its optional parts, and each anchor alternative
    must hold one, or the gate would hide what the pattern finds."""
    import regex

    from govlint.segment import _ANCHOR, _ANCHOR_WORDS, _HEADING_WORDS, HEADING_PHRASES

    def required(pattern: str) -> str:  # what every match holds: optional groups and blanks dropped
        while (shorter := regex.sub(r"\((?:\?:)?[^()]*\)\?|\\s\*|\\\(\?", "", pattern)) != pattern:
            pattern = shorter
        return pattern

    for key, phrase in HEADING_PHRASES.items():
        assert any(word in required(phrase) for word in _HEADING_WORDS), key
    for alternative in _ANCHOR.pattern.split("|"):
        assert any(word in required(alternative) for word in _ANCHOR_WORDS), alternative


@given(st.from_regex(_MID_HEADING.pattern, fullmatch=True) | st.from_regex(_PHRASE_ONLY.pattern, fullmatch=True))
def test_every_full_heading_ends_as_the_gate_expects(text):
    """``heading_by_phrase`` matches only texts that end with one of ``_PHRASE_ENDS``: a heading
    the patterns match in full ends so, or the gate would hide it."""
    assert text.endswith(_PHRASE_ENDS)


def _fields(piece):
    return piece.fused, piece.line.texts, piece.line.places, piece.line.place, piece.line.raw, piece.line.separated


@given(st.lists(st.sampled_from([*"0123456789", " ", "  ", "\t", ".", ",", "万元", "元", "、", "。", "十", "(一)", "１２", "\u3000"]),
                max_size=12).map("".join))
def test_a_line_of_values_in_a_table_is_cut_as_body_cuts_it(raw):
    """``cut`` takes a line that is one run of values inside a table straight to its piece: the
    pieces are those of ``_body``, the way ``cut`` takes them for a line with no heading word."""
    line = text_line(raw, 7)
    norm = normalize(line.raw)
    text = norm.text
    body = _body(text, 0, len(text), True)
    if len(body) <= 1:
        slow = [Piece(line, bool(body) and body[0][2] == "run")]
    else:
        slow = [_piece(line, norm, start, end, kind) for start, end, kind in body if text[start:end].strip()]
    assert [_fields(p) for p in cut(line, norm, in_table=True, whole_heading=False)] == [_fields(p) for p in slow]
