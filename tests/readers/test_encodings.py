"""Every common Chinese encoding reads to the same report; what no encoding explains is a P901
finding, never mojibake that other rules would then misreport."""

from __future__ import annotations

import codecs

import opencc
import pytest

import govlint
from govlint.readers import read_bytes
from govlint.readers.decode import decode

from ..conftest import seed_path

TEXT = seed_path("001").read_text(encoding="utf-8")

ENCODINGS = {
    "utf-8": TEXT.encode("utf-8"),
    "utf-8 with BOM": TEXT.encode("utf-8-sig"),
    "utf-16 LE with BOM": codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    "utf-16 BE with BOM": codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    "utf-16 LE without BOM": TEXT.encode("utf-16-le"),
    "utf-16 BE without BOM": TEXT.encode("utf-16-be"),
    "gb18030": TEXT.encode("gb18030"),
    "gbk": TEXT.encode("gbk"),
    "gb2312": TEXT.encode("gb2312"),
}


def _cells(doc):
    return [(str(c.address), c.raw, c.value) for t in doc.tables for c in t.cells()]


@pytest.mark.parametrize("data", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_each_encoding_decodes_to_the_seed_text(data):
    text, _encoding = decode(data)
    assert text == TEXT


@pytest.mark.parametrize("name", ["utf-16 BE without BOM", "gb2312"])
def test_each_encoding_reads_the_same_cells(name):
    assert _cells(read_bytes(ENCODINGS[name], "r.txt")) == _cells(govlint.read(seed_path("001")))


def test_big5_traditional_copy_reads_the_same_cells():
    """A mirror site's traditional-character copy in Big5: labels are normalised back."""
    traditional = opencc.OpenCC("s2tw").convert(TEXT)
    data = traditional.encode("big5")
    text, encoding = decode(data)
    assert text == traditional and encoding.startswith("big5")
    doc = read_bytes(data, "r.txt")
    assert _cells(doc) == _cells(govlint.read(seed_path("001")))
    assert [s.key for s in doc.sections] == ["一", "二", "三", "四", "五", "六"]


def test_html_page_declaring_gb2312_holding_gbk_characters():
    page = "<html><head><meta charset='gb2312'></head><body><p>一、总体情况</p><p>本机关依法公开，镕字不在GB2312。</p></body></html>"
    text, encoding = decode(page.encode("gbk"))
    assert text == page and encoding == "gb18030"


def test_ascii_utf16_without_bom_is_not_read_as_utf8_with_nuls():
    text = "Section 1\nAnnual report 2024\n" * 10
    assert decode(text.encode("utf-16-le")) == (text, "utf-16-le")
    assert decode(text.encode("utf-16-be")) == (text, "utf-16-be")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (bytes(range(128, 256)) * 20, "无法识别文件的字符编码（支持 UTF-8、UTF-16、GB18030/GBK、Big5）。"),
        (b"\x00\x01\x02\x03" * 200, "文件是二进制数据，不是文本报告。"),
    ],
    ids=["undecodable", "binary"],
)
def test_undecodable_input_is_one_p901_finding(tmp_path, data, message):
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    [finding] = govlint.lint_path(path)
    assert (finding.code, finding.message) == ("P901", message)
