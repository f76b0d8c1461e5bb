"""Noise that mirror sites, OCR and extraction put into report text (domain.md §6.6–6.11):
traditional characters and wrong over-conversions, pinyin glosses, spam lines before the title,
vertical headers broken into characters, OCR-damaged labels, dropped date characters. Each
noisy copy of a seed must give exactly the seed's hand-transcribed cells and sections."""

from __future__ import annotations

import functools

import opencc
import pytest

from govlint.readers import read_text
from tests.conftest import seed_path
from tests.seed_expectations import SEEDS as EXPECTED

SEED = "000"
SECTIONS = ["一", "二", "三", "四", "五", "六"]


@functools.cache
def seed_text() -> str:
    return seed_path(SEED).read_text(encoding="utf-8")


def cells(doc) -> dict:
    return {
        table.id: {row.id: [cell.raw for cell in row.cells] for row in table.rows} for table in doc.tables
    }


def expected() -> dict:
    seed = EXPECTED[seed_path(SEED).name]
    return {"T1": seed["T1"], "T2": seed["T2"], "T3": {"R1": seed["T3"]}}


def assert_same_as_seed(text: str) -> None:
    doc = read_text(text)
    assert [s.key for s in doc.sections] == SECTIONS
    assert cells(doc) == expected()
    assert doc.format == "2021"
    assert doc.report_year == 2024


def test_the_seed_itself():
    assert_same_as_seed(seed_text())


def test_traditional_characters():
    text = opencc.OpenCC("s2t").convert(seed_text())
    assert "總體情況" in text and "予以公開" in text
    assert_same_as_seed(text)


def test_wrong_over_conversions():
    # shangkeht.com: "法定製度", "全麵", "治理體係"; labels and headings too.
    text = (seed_text().replace("总体情况", "總體情況").replace("制度", "製度").replace("全面", "全麵")
            .replace("本年制发件数", "本年製發件數").replace("不予公开", "不予公開"))
    assert "全麵加强" in text
    assert_same_as_seed(text)


def test_pinyin_glosses_inserted_after_characters():
    text = seed_text().replace("公开", "公(gong)开(kāi)").replace("总体", "总(zǒng)体")
    assert "一、总(zǒng)体情况" in text
    doc = read_text(text)
    assert cells(doc) == expected()
    assert [s.key for s in doc.sections] == SECTIONS
    heading = doc.sections[0].heading
    assert (heading.text, heading.raw) == ("一、总体情况", "一、总(zǒng)体情况")


def test_spam_banner_lines_before_the_title():
    spam = "\n".join(["热门推荐：最新小说免费阅读", "好色21 | 首页 | 登录 | 注册", "广告：点击领取红包 8 8 8"] * 3)
    assert_same_as_seed(spam + "\n" + seed_text())


def test_vertical_table3_header_broken_into_characters():
    # A flipbook page spells 结果维持/结果纠正/其他结果/尚未审结 down the columns.
    lines = seed_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("行政复议"))
    values = next(i for i in range(start, len(lines)) if lines[i].split("|")[0].strip().isdigit())
    vertical = ["行政复议 | 行政诉讼", "结 结 其 尚", "果 果 他 未", "维 纠 结 审", "持 正 果 结", "总 | 计"]
    text = "\n".join(lines[:start] + vertical + lines[values:])
    assert_same_as_seed(text)


def test_ocr_damaged_label_read_approximately_and_said_so():
    text = seed_text().replace("5.属于三类内部事务信息", "5.属于三类内部事务倍息").replace(
        "1.本机关不掌握相关政府信息", "1.本机关不掌提相关政府信息")
    doc = read_text(text)
    assert cells(doc) == expected()
    notes = [(p.code, p.message_en) for p in doc.problems if p.code == "P906"]
    assert notes == [
        ("P906", "Table label '5.属于三类内部事务倍息' matched approximately: read as '5.属于三类内部事务信息'."),
        ("P906", "Table label '1.本机关不掌提相关政府信息' matched approximately: read as '1.本机关不掌握相关政府信息'."),
    ]


@pytest.mark.parametrize("label", ["1.属于国家", "3.其它", "予以"])
def test_labels_too_far_or_too_short_are_not_matched(label):
    # A two-character slip in a short label is not a match: it stays unrecognised (P903).
    original = {"1.属于国家": "1.属于国家秘密", "3.其它": "3.其他", "予以": "(一)予以公开"}[label]
    assert original in seed_text()
    text = seed_text().replace(original, label, 1)
    doc = read_text(text)
    assert not [p for p in doc.problems if p.code == "P906"]
    assert [p.code for p in doc.problems if p.code == "P903"] == ["P903"]


def test_dropped_date_characters_in_the_period():
    # rfb.sc.gov.cn: "202211日起至20221231日止"; 年/月 lost in their own spans.
    text = seed_text().replace("2024年1月1日至2024年12月31日", "202411日起至20241231日止")
    doc = read_text(text)
    period = doc.period.value
    assert (period.start.year, period.start.month, period.start.day) == (2024, 1, 1)
    assert (period.end.year, period.end.month, period.end.day) == (2024, 12, 31)
    assert cells(doc) == expected()
