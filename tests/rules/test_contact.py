"""Contact rules (C4xx): present, well-formed, in the place the report is about."""

from __future__ import annotations

import re

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import assume, given
from hypothesis import strategies as st

import govlint_rules.contact as contact_rules
from govlint import lint_text
from govlint.config import Config

from .reportgen import render_report

PERIOD = "本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。"


def contact(text: str, select: str = "contact"):
    found = lint_text(text, config=Config(select=(select,)))
    return [(f.code, f.span.line if f.span else None, f.actual) for f in found]


def with_contact(details: str, **kwargs) -> str:
    return render_report(preamble=f"{PERIOD}如对本报告有疑问，请与本机关联系（{details}）。", **kwargs)


def test_clean_report_has_no_contact_finding():
    assert contact(render_report()) == []  # 淮安: 0517, 223001, 淮安市… address


# C401 contact-missing
def test_no_contact_details():
    assert contact(render_report(preamble=PERIOD)) == [("C401", 1, None)]


@pytest.mark.parametrize("details", ["电话：0517-83606000", "电子邮箱：gk@example.gov.cn", "地址：淮安市健康东路1号"])
def test_any_one_way_of_contact_is_enough(details):
    assert contact(with_contact(details), "C401") == []


def test_a_postcode_alone_is_no_way_of_contact():
    assert contact(with_contact("邮编：223001"), "C401") == [("C401", 1, None)]


# C402 contact-malformed
@pytest.mark.parametrize("details, actual", [
    ("电话：0517-831662", "0517-831662"),  # 6 digits after the area code
    ("电话：010-8208267", "010-8208267"),  # 7 digits after a two-digit area code
    ("电话：0001-83166232", "0001-83166232"),  # no such area code
    ("联系电话：1381234567", "1381234567"),  # a mobile number one digit short
    ("电子邮箱：gk@163", "gk@163"),
    ("邮编：22300", "22300"),
    ("地址：，电话：0517-83606000", ""),
])
def test_malformed_contact_details(details, actual):
    assert contact(with_contact(details), "C402") == [("C402", 3, actual)]


@pytest.mark.parametrize("details", [
    "电话：0517-83166232", "电话：0915-3321003", "电话：010-82345678", "电话：13812345678",
    "电话：010-80082672",  # a range libphonenumber does not list: the length rule decides
    "电话：19212345678", "电话：83166232", "电话：400-810-1234",
    "服务热线：12345", "电话：0517-83166232转8001", "电话：0517-83166232、0517-83166233",
    "电话：0517-83166232 0517-83166233", "电话：0517 83166232", "电话：(0517)83166232",
    "电子邮箱：hakfqzwgkb@163.com", "邮编：223005", "地址：淮安市迎宾大道8号",
])
def test_well_formed_contact_details(details):
    assert contact(with_contact(details), "C402") == []


def test_words_that_are_no_contact_field():
    # "通过电话访问" (a survey method) and "网站地址" are no contact fields.
    text = render_report(sections={"一": "通过电话访问、问卷评议等方式开展社会评价。网站地址：www.example.gov.cn。"
                                         "接听咨询电话320个，热线来电1500余次，领导邮箱来信100余封。"})
    assert contact(text, "C402") == []


# C403 contact-place-mismatch
def test_area_code_of_another_city():
    found = lint_text(with_contact("电话：0579-82178213"), config=Config(select=("C403",)))
    assert [(f.span.line, f.actual, f.expected) for f in found] == [(3, "浙江金华", "江苏淮安")]
    assert found[0].anchor == "0579-82178213"  # the fingerprint keys on the number, not the line


def test_postcode_of_another_province():
    assert contact(with_contact("邮编：100010，电话：0517-83606000"), "C403") == [("C403", 3, "北京")]


def test_consistent_contact_details():
    # Seed 000: 淮安经济技术开发区, 0517 and 223005 all point to 淮安.
    text = with_contact("地址：淮安市迎宾大道8号，邮编：223005，电话：0517-83166232",
                        title="淮安经济技术开发区2024年政府信息公开工作年度报告")
    assert contact(text, "C403") == []


def test_unknown_side_is_not_a_disagreement():
    # 金东区 is named in no data table; a postcode known only by province agrees with any city
    # of that province: 0579 (金华) and 315000 (浙江, city not listed) do not disagree.
    text = with_contact("邮编：315000，电话：0579-82178213", title="金东区2024年政府信息公开工作年度报告")
    assert contact(text, "C403") == []


def test_contact_details_disagree_among_themselves_when_no_place_is_named():
    text = with_contact("邮编：321000，电话：0517-83166232", title="某某局2024年政府信息公开工作年度报告")
    assert contact(text, "C403") == [("C403", 3, "江苏淮安")]


def test_mobile_numbers_are_not_placed():
    assert contact(with_contact("电话：13812345678"), "C403") == []


@pytest.mark.parametrize("name, place", [
    ("淮安经济技术开发区", "江苏淮安"), ("陕西省安康市人民政府", "陕西安康"), ("海南省海口市人民政府", "海南海口"),
    ("伊犁哈萨克自治州人民政府", "新疆伊犁"), ("西安区人民政府", None), ("金东区人民政府办公室", None),
])
def test_places_named_in_a_title(name, place):
    from govlint_rules._places import named_place

    found = named_place(name)
    assert (str(found) if found else None) == place


def test_every_field_pattern_needs_a_contact_word():
    """A paragraph without a contact word is skipped unsearched (contact._CONTACT_WORD): each
    field pattern must name one of those words."""
    from govlint_rules import contact

    words = contact._CONTACT_WORD.pattern.split("|")
    for pattern in (contact._PHONE, contact._BARE_LANDLINE, contact._EMAIL, contact._BARE_EMAIL, contact._POSTCODE,
                    contact._ADDRESS):
        assert any(word in pattern.pattern for word in words), pattern.pattern


# The plain-address fast path of C402 must never accept what email_validator rejects.
@given(st.from_regex(re.compile(contact_rules._PLAIN_EMAIL.pattern, re.ASCII), fullmatch=True))
def test_a_plain_email_address_is_one_email_validator_accepts(value):
    assume(contact_rules._plain_email(value))
    validate_email(value, check_deliverability=False)  # raises EmailNotValidError if not


@pytest.mark.parametrize("value", ["a..b@qq.com", ".a@qq.com", "a.@qq.com", "a@-x.com", "a@x-.com", "a@x--y.com",
                                   "a@xn--fiqs8s.cn", "a@qq.c", "A@QQ.COM", "x" * 65 + "@qq.com",
                                   "a@" + "x" * 64 + ".com", "中文@qq.com", "a@localhost.test"])
def test_email_addresses_off_the_fast_path_are_judged_by_email_validator(value):
    assert not contact_rules._plain_email(value)
    try:
        validate_email(value, check_deliverability=False)
        expected = None
    except EmailNotValidError:
        expected = "电子邮箱格式不正确"
    assert contact_rules.email_problem(value) == expected


@given(st.lists(st.sampled_from(["邮箱：", "电子邮箱", "E-mail:", "Email", "mail", "@", "a", "Z", "9", "_", ".", "+",
                                 "-", "gov.cn", "xxgk@163.com", " ", "，", "（", "）", "、", "联系", "电话"]), max_size=12))
def test_the_bare_e_mail_scan_is_skipped_only_where_it_finds_nothing_new(parts):
    """``bare_email_possible`` false means every bare address the scan finds starts inside a
    labelled one, where contact_fields drops it."""
    text = "".join(parts)
    emails = [(m.start("v"), m.end("v"), m["v"]) for m in contact_rules._EMAIL.finditer(text)]
    fields = [contact_rules.Field("email", v, None, start, end) for start, end, v in emails]
    new = [m for m in contact_rules._BARE_EMAIL.finditer(text) if not any(s <= m.start() < e for s, e, _ in emails)]
    if not contact_rules.bare_email_possible(text, fields):
        assert new == []


_FIELD_PATTERNS = ("_PHONE", "_BARE_LANDLINE", "_EMAIL", "_BARE_EMAIL", "_POSTCODE", "_ADDRESS")
# The patterns' own words and pieces of them, with what a contact line holds around them.
_CONTACT_PIECES = ["电话", "电", "话", "热线", "传真", "手机", "Tel", "TEL", "tel", "号码", "电子邮箱", "电子信箱", "电子邮件",
                   "邮箱", "邮", "箱", "信箱", "E-mail", "Email", "e-mail", "EMAIL", "mail", "邮编", "邮政编码", "编码",
                   "地址", "通讯", "联系", "办公", "网址", ":", "：", " ", "0", "1", "5", "8", "023", "-", "－", "@", "a",
                   "gov", ".", "cn", "转", "、", "，", "。"]


@given(st.lists(st.sampled_from(_CONTACT_PIECES), max_size=14))
def test_the_contact_word_gate_lets_through_every_text_a_field_pattern_matches(parts):
    """contact_fields searches a paragraph for its six field patterns only when ``_CONTACT_WORD``
    finds one of its words there: a pattern that can match without one would be hidden."""
    text = "".join(parts)
    if any(getattr(contact_rules, name).search(text) for name in _FIELD_PATTERNS):
        assert contact_rules._CONTACT_WORD.search(text), text
