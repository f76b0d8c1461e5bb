"""Normalisation before matching: NFKC, traditional → simplified, and label keys.

Real reports arrive with full- and half-width brackets, spaces inside labels ("商业 企业") and
traditional characters from mirror sites, including wrong over-conversions ("法定製度"). Matching
happens on normalised text; every normalised character remembers its source index, so a
position found after normalisation still points into the original text.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata

import regex

from .model import Normalized

# Characters that only carry layout, dropped from label keys: everything but letters and digits.
_NOT_KEY = regex.compile(r"[^\p{L}\p{N}]+")
# A lowercase pinyin syllable (tone marks allowed) in brackets right after a Chinese character.
_SYLLABLE = r"\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})\)"
_PINYIN = regex.compile(r"(?<=\p{Han})\s?" + _SYLLABLE)
# The bracketed syllable alone, which every gloss holds, in the standard ``re``: it finds the
# bracket by its literal where ``regex`` tries the look-behind at every position, so a text
# with brackets but no gloss (most that have any) is not scanned by ``_PINYIN``.
_BRACKETED_SYLLABLE = re.compile(_SYLLABLE)


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc  # a C++ library: imported on first use so `govlint --help` stays instant

    return opencc.OpenCC("t2s")


def _t2s_changes() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """What a text t2s changes holds (``data/make_t2s_changed.py``): one of the characters, or
    one of the phrases, which each hold one of the marks. Returned as (characters and marks,
    characters, phrases, the characters and marks GB2312 encodes: 21 of ~5,100, 乾, 後, 覆, ...)."""
    with open(os.path.join(os.path.dirname(__file__), "data", "t2s_changed.txt"), encoding="utf-8") as file:
        characters, marks, phrases, in_gb2312 = file.read().split("\n")[:4]
    return frozenset(characters + marks), frozenset(characters), tuple(phrases.split()), tuple(in_gb2312)


_T2S_SUSPECTS, _T2S_CHARACTERS, _T2S_PHRASES, _GB2312_SUSPECTS = _t2s_changes()


_LONG = 48  # characters from which the GB2312 test is the quicker (21 substring tests cost a set test of ~40)


def _unchanged(text: str) -> bool:
    """Whether t2s leaves ``text`` as it is, without asking opencc: most lines hold no suspect.

    A simplified report is nearly all GB2312, and GB2312 holds few suspects: a text the codec
    encodes that holds none of those holds no suspect at all. Both tests run in C over the
    text's own code units, which settles a long line many times faster than the set test, which
    makes a string of each character it meets; on a short text the set test is the quicker."""
    if len(text) >= _LONG:
        try:
            text.encode("gb2312")
        except UnicodeEncodeError:  # a character beyond GB2312: traditional, or a rare one in a name
            pass
        else:
            if not any(map(text.__contains__, _GB2312_SUSPECTS)):
                return True
    return _T2S_SUSPECTS.isdisjoint(text) or (
        _T2S_CHARACTERS.isdisjoint(text) and not any(phrase in text for phrase in _T2S_PHRASES))


# A line of prose is normalised twice, once whole for its paragraph (``normalize``) and once as
# its cell's text for its table anchors (``norm_text``): NFKC and t2s of a long line cost more
# than everything else done with it, so the last few of each are kept.
@functools.lru_cache(maxsize=16)
def _nfkc(text: str) -> str:
    """NFKC. CPython's costs ~1,800 instructions a character on a text it changes, and Chinese
    text it changes for its full-width punctuation alone ("，（）：" are ",():"): those forms are
    replaced first by their NFKD, after which it mostly finds nothing left to do. The same text
    comes out: NFKC of a text is NFKC of that text with any character replaced by its NFKD."""
    if unicodedata.is_normalized("NFKC", text):  # most short texts (numbers, most labels): nothing to find
        return text
    for char in set(_FULL_WIDTH_FORM.findall(text)):
        text = text.replace(char, _FULL_WIDTH[char])
    return unicodedata.normalize("NFKC", text)


# The ideographic space and the halfwidth and fullwidth forms block, each to its NFKD.
_FULL_WIDTH = {
    char: folded
    for char in map(chr, (0x3000, *range(0xFF00, 0xFFF0)))
    if (folded := unicodedata.normalize("NFKD", char)) != char
}
# Stdlib ``re``: it finds a class of characters many times faster than ``regex``.
_FULL_WIDTH_FORM = re.compile("[" + "".join(_FULL_WIDTH) + "]")


@functools.lru_cache(maxsize=16)
def to_simplified(text: str) -> str:
    if _unchanged(text):  # most reports are simplified: opencc (~5 ms to load) need not load
        return text
    return _converter().convert(text)


@functools.lru_cache(maxsize=1024)  # header lines and table rows recur from report to report; a line is at most a few KB
def normalize(raw: str) -> Normalized:
    """NFKC then traditional → simplified, keeping a map from each output character to its source."""
    text = _nfkc(raw)
    if len(text) == len(raw):  # the common case: every character folds to exactly one
        offsets: list[int] = []  # empty means identity
    else:
        pieces = [unicodedata.normalize("NFKC", char) for char in raw]
        text = "".join(pieces)
        offsets = [index for index, piece in enumerate(pieces) for _ in piece]
    if not text.isascii():
        simplified = to_simplified(text)
        if len(simplified) == len(text):
            text = simplified
        else:  # a phrase conversion changed the length: convert character by character instead
            text = "".join(c if len(s := to_simplified(c)) != 1 else s for c in text)
        if _may_hold_pinyin(text):
            text, offsets = _drop_pinyin(text, offsets)
    return Normalized(text, tuple(offsets))


def _may_hold_pinyin(text: str) -> bool:
    return "(" in text and _BRACKETED_SYLLABLE.search(text) is not None


def _drop_pinyin(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Remove pinyin glosses some mirror sites insert after characters ("公(gong)開(kai)",
    domain.md §6.10), keeping every remaining character's source index."""
    spans = [m.span() for m in _PINYIN.finditer(text)]
    if not spans:
        return text, offsets
    source = offsets or list(range(len(text)))
    kept_text: list[str] = []
    kept: list[int] = []
    position = 0
    for start, end in spans + [(len(text), len(text))]:
        kept_text.append(text[position:start])
        kept.extend(source[position:start])
        position = end
    return "".join(kept_text), kept


@functools.lru_cache(maxsize=8192)  # labels and values repeat across lines and reports
def norm_text(raw: str) -> str:
    """The normalised text alone, for callers that need no positions."""
    text = _nfkc(raw)
    if text.isascii():
        return text
    text = to_simplified(text)
    return _PINYIN.sub("", text) if _may_hold_pinyin(text) else text


@functools.lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """The key a table label or heading is matched by: normalised, letters and digits only.

    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" and "(二)部分公开(区分处理的,只计..." give
    the same key; so do "商业 企业" and "商业企业"."""
    return _NOT_KEY.sub("", norm_text(text))


def key_head(text: str, length: int) -> str:
    """``label_key(text)[:length]``, without keying the whole of a long text: a line of prose is
    asked whether it opens a table by its first few key characters. Dropping what is not a letter
    or digit works character by character, so the key of the normalised text's head is the head
    of its key."""
    norm = norm_text(text)
    end = 4 * length
    if len(norm) <= end:  # the whole key: cached, and shared with the label the text may be
        return label_key(text)[:length]
    while True:
        head = _NOT_KEY.sub("", norm[:end])
        if len(head) >= length or end >= len(norm):
            return head[:length]
        end *= 4
