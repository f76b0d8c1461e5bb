"""Bytes → text for any common Chinese encoding, or a clear ``ReadError``."""

from __future__ import annotations

import codecs

from .source import ReadError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). UTF-8 and BOM-marked input take a fast path; anything else is
    detected with charset-normalizer. Binary or undecodable input raises ``ReadError``."""
    if not data.strip():
        raise ReadError("P901", "文件为空，没有可检查的内容。", "The file is empty: nothing to check.")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strip_bom(data.decode(encoding, errors="replace")), encoding
    if _looks_binary(data):
        raise ReadError("P901", "文件是二进制数据，不是文本报告。", "The file is binary data, not a text report.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_utf16(data):
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
    if b"\x00" in data:
        raise ReadError("P901", "文件是二进制数据，不是文本报告。", "The file is binary data, not a text report.")
    from charset_normalizer import from_bytes  # only for non-UTF-8 input

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "gbk", "gb2312", "big5hkscs"]).best()
    if best is None:
        raise ReadError(
            "P901",
            "无法识别文件的字符编码（支持 UTF-8、UTF-16、GB18030/GBK、Big5）。",
            "Cannot determine the file's character encoding (UTF-8, UTF-16, GB18030/GBK and Big5 are supported).",
        )
    return str(best), best.encoding


# Control bytes that never occur in text (tab, newlines, form feed and ESC excluded).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    """Control bytes in a sample, when the input is not BOM-less UTF-16 (whose ASCII has NULs)."""
    sample = data[:8192]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > max(2, len(sample) // 100) and not _looks_utf16(data)


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _looks_utf16(data: bytes) -> bool:
    """BOM-less UTF-16: about half the bytes of CJK/ASCII text are zero on one side."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even, odd) > half * 0.3 and min(even, odd) < half * 0.05
