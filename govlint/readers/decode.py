"""Bytes → text for any common Chinese encoding, or a clear ``ReadError``."""

from __future__ import annotations

import codecs

import regex

from ..lazyregex import LazyPattern
from ..source import EmptyInput, ReadError

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
        raise EmptyInput()
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strip_bom(data.decode(encoding, errors="replace")), encoding
    if _looks_binary(data):
        raise ReadError("P901", "文件是二进制数据，不是文本报告。", "The file is binary data, not a text report.")
    for encoding in _guesses(data):
        if encoding:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue  # e.g. a page that lies about its charset (it happens): go on detecting
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


def _guesses(data: bytes):
    """The encodings to try, in order, each worked out only once the one before has failed
    (probing for UTF-16 costs more than decoding UTF-8, which nearly every input is).

    Text never holds NUL, BOM-less UTF-16 with any ASCII does: it is tried before UTF-8, which
    would accept the NULs. CJK-only UTF-16 has no NUL and is tried after UTF-8 (ASCII read as
    UTF-16 looks like CJK, so UTF-8 must go first there)."""
    nul = b"\x00" in data[:8192]
    if nul:
        yield _utf16_order(data)
    yield "utf-8"
    yield _declared_encoding(data)
    if not nul:
        yield _utf16_order(data)


# Control bytes that never occur in text (tab, newlines, form feed and ESC excluded).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    """Control bytes in a sample, when the input is not BOM-less UTF-16 (whose ASCII has NULs)."""
    sample = data[:8192]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > max(2, len(sample) // 100) and _utf16_order(data) is None


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


# GB2312 and GBK pages are decoded as GB18030, their superset: a page labelled gb2312 often holds
# GBK characters. Big5 likewise as its Hong Kong superset.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs"}
_DECLARED = LazyPattern(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_-]+)|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_-]+)""",
                          regex.IGNORECASE)
# What Chinese text in UTF-16 decodes to: CJK, ASCII, CJK punctuation and full-width forms.
_PLAUSIBLE = LazyPattern(r"[\p{Han}\x09\x0a\x0d\x20-\x7e\u3000-\u303f\uff00-\uffef\u2010-\u206f\u00a0-\u00ff]")


def _declared_encoding(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first 4 KB, if Python knows it."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii").lower()
    try:
        name = codecs.lookup(_SUPERSETS.get(name, name)).name
    except LookupError:
        return None
    return None if name.startswith("utf-8") else name


def _utf16_order(data: bytes) -> str | None:
    """The byte order of BOM-less UTF-16, or None. CJK text has no zero bytes to go by, so the
    start is decoded both ways and the order whose text is nearly all CJK, ASCII and punctuation
    wins (GB18030 or Big5 bytes read as UTF-16 scatter over the whole plane instead)."""
    if len(data) % 2 or len(data) < 4:
        return None
    sample = data[:8192]
    for encoding in ("utf-16-le", "utf-16-be"):
        text = sample.decode(encoding, errors="replace")
        if len(_PLAUSIBLE.findall(text)) >= 0.97 * len(text):
            return encoding
    return None
