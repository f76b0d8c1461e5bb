"""Normalisation keeps positions: a match in normalised text maps back to the source."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from govlint.dates import find_dates, find_impossible_dates, find_period, parse_loose_date
from govlint.model import DateValue, Paragraph, Span
from govlint.normalize import (
    _FULL_WIDTH,
    _GB2312_SUSPECTS,
    _PINYIN,
    _T2S_CHARACTERS,
    _T2S_PHRASES,
    _T2S_SUSPECTS,
    _converter,
    _may_hold_pinyin,
    _nfkc,
    _unchanged,
    label_key,
    norm_text,
    normalize,
    to_simplified,
)

from .conftest import FIXTURES

SAMPLE = FIXTURES.parents[1] / "govlint" / "samples" / "qianjiang_2024.txt"


def test_label_keys_ignore_width_spacing_and_script():
    assert label_key("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == label_key(
        "(二)部分公開(區分處理的,只計這一情形,不計其他情形)")
    assert label_key("商业 企业") == "商业企业"
    assert label_key("第二十条第( 一)项") == "第二十条第一项"


def test_span_of_maps_normalised_positions_to_the_source():
    raw = "制發行政規範性文件１２件。"
    paragraph = Paragraph(raw, normalize(raw), Span(7, 5, 7, 5 + len(raw)))
    start = paragraph.text.index("12")
    assert paragraph.text.startswith("制发行政规范性文件12件")
    assert paragraph.span_of(start, start + 2) == Span(7, 5 + raw.index("１２"), 7, 5 + raw.index("１２") + 2)


def test_span_of_when_normalisation_changes_length():
    raw = "㈠予以公开 ２件"  # ㈠ folds to three characters "(一)"
    paragraph = Paragraph(raw, normalize(raw), Span(1, 1, 1, len(raw) + 1))
    assert paragraph.text == "(一)予以公开 2件"
    start = paragraph.text.index("2")
    span = paragraph.span_of(start, start + 1)
    assert raw[span.column - 1] == "２"


@given(st.text(max_size=40))
def test_every_normalised_character_has_a_source(raw):
    norm = normalize(raw)
    for i in range(len(norm.text)):
        assert 0 <= norm.source_index(i) < max(len(raw), 1)


def test_dates_with_dropped_characters():
    assert find_period("202311日起至20231231日止").value.start == DateValue(2023, 1, 1)
    assert find_period("2025  1  1  日至 2025  12  31  日").value.end == DateValue(2025, 12, 31)
    assert parse_loose_date("2021926") == DateValue(2021, 9, 26)
    assert not DateValue(2024, 2, 30).valid


@given(st.lists(st.tuples(st.integers(1900, 2099), st.integers(0, 99), st.integers(0, 99), st.sampled_from("年-/.")), max_size=4))
def test_impossible_dates_are_the_found_dates_that_do_not_exist(dates):
    text = "，".join(f"{y}{sep}{m}{'月' if sep == '年' else sep}{d}{'日' if sep == '年' else ''}" for y, m, d, sep in dates)
    assert find_impossible_dates(text) == [d for d in find_dates(text) if not d.value.valid]


def test_what_t2s_may_change_is_what_the_installed_opencc_changes():
    """govlint/data/t2s_changed.txt is opencc's data; regenerate it after upgrading opencc:
    ``python govlint/data/make_t2s_changed.py > govlint/data/t2s_changed.txt``."""
    from govlint.data.make_t2s_changed import lines

    shipped = (Path(__file__).parents[1] / "govlint" / "data" / "t2s_changed.txt").read_text(encoding="utf-8")
    assert shipped.splitlines() == lines()


_SAMPLES = [line for path in (*sorted(FIXTURES.rglob("*.txt")), SAMPLE)
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]


def test_text_without_those_characters_is_what_opencc_gives_for_every_fixture_line():
    skipped = [line for line in _SAMPLES if _unchanged(line)]
    assert len(skipped) > len(_SAMPLES) / 2  # the fast path is the usual one
    converter = _converter()
    assert [to_simplified(line) for line in _SAMPLES] == [converter.convert(line) for line in _SAMPLES]


@given(st.text(alphabet=st.sampled_from(sorted(set("".join(_SAMPLES)) | set("乾隆干净深沈回覆答覆批覆重覆著名"))),
               max_size=30))
def test_to_simplified_is_what_opencc_gives(text):
    assert to_simplified(text) == _converter().convert(text)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def test_the_gb2312_suspects_are_every_suspect_gb2312_encodes():
    assert set(_GB2312_SUSPECTS) == {c for c in _T2S_SUSPECTS if _in_gb2312(c)}


# Suspects beyond GB2312 and in it (a few, so that many texts hold none of those), the marks of
# phrases, and other characters in and beyond it (a rare name character, an ideograph beyond the
# BMP, an emoji).
_AROUND_SUSPECTS = sorted("開關著瞭" "乾覆坏沈" "深回答批公开政府" "旻堃\U00020000😀a1，")


@example("", "開" * 60)
@example("", "覆盖" * 30)
@given(st.sampled_from(["", "政府信息公开" * 8]), st.text(alphabet=st.sampled_from(_AROUND_SUSPECTS), max_size=12))
def test_unchanged_is_the_set_test(padding, text):
    """The GB2312 fast path (on long texts) settles only what the set test would."""
    text = padding + text
    reference = _T2S_SUSPECTS.isdisjoint(text) or (
        _T2S_CHARACTERS.isdisjoint(text) and not any(phrase in text for phrase in _T2S_PHRASES))
    assert _unchanged(text) == reference


# Full-width forms (replaced before NFKC) next to what may compose or reorder with their NFKD:
# combining marks, the kana voicing marks, Hangul jamo.
_AROUND_FULL_WIDTH = sorted(set(_FULL_WIDTH) | set("ab1 ,(一文。、“\u0301\u0308\u0323\u3099\u309aかカ\u1100\u1161\uac00"))


@given(st.text(alphabet=st.sampled_from(_AROUND_FULL_WIDTH), max_size=30))
def test_nfkc_is_unicodedatas(text):
    assert _nfkc.__wrapped__(text) == unicodedata.normalize("NFKC", text)


def test_nfkc_of_every_fixture_line_is_unicodedatas():
    assert [_nfkc.__wrapped__(line) for line in _SAMPLES] == [unicodedata.normalize("NFKC", line) for line in _SAMPLES]


# Glosses, what imitates one (capitals, digits, long words, a full-width bracket, no character
# before), and Han text around them.
_AROUND_GLOSSES = st.lists(st.sampled_from(["公(gong)", "開 (kāi)", "信（xìn）", "(lü)", "(Gong)", "(ab1)", "(zhengfu)",
                                            "公", "開", "(", ")", " ", "gong", "a", "(一)", "(2)", "信息", ","]),
                           max_size=12).map("".join)


@example("公(gong)開(kai)")
@given(_AROUND_GLOSSES)
def test_a_text_the_gloss_gate_lets_pass_is_the_only_kind_that_holds_a_gloss(text):
    """``_may_hold_pinyin`` is true of every text ``_PINYIN`` finds a gloss in."""
    if _PINYIN.search(text):
        assert _may_hold_pinyin(text)
    assert normalize(text).text == norm_text(text) == _PINYIN.sub("", to_simplified(_nfkc(text)))
