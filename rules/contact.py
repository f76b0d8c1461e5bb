"""Contact details: present, well-formed, and pointing to the place the report is about.

Reports close their preamble with a way to ask questions: "如对本报告有疑问，请与…联系（地址：…，
邮编：223005，电话：0517-83166232，电子邮箱：…）". Phone numbers are checked with ``phonenumbers``
(Google's libphonenumber), e-mail addresses with ``email-validator``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import regex

from govlint.rule import Context, Document, LazyPattern, Paragraph, Rule

from ._memo import per_document
from ._places import Place, area_code_places, named_place, postcode_place

# A count is no number: "接听咨询电话320个", "热线来电1500余次".
_PHONE = LazyPattern(
    r"(?:电话|热线|传真|手机|Tel|TEL|tel)\s*(?:号码)?\s*[:：]?\s*(?P<v>\(?\d[\d\-－—()\s转/、或]*\d)"
    r"(?!\d)(?!\s*[个次件余多条通人起批家万亿%])")
_BARE_LANDLINE = LazyPattern(r"(?<![\d\-])0\d{2,3}-\d{7,8}(?![\d\-])")
# An address has a letter or an @ ("领导邮箱100余封" is a count).
_EMAIL = LazyPattern(r"(?:电子邮箱|电子信箱|电子邮件|邮箱|E-?mail|e-?mail|EMAIL)\s*(?:地址)?\s*[:：]?\s*"
                       r"(?P<v>[A-Za-z0-9](?=[^\s,，;；。()（）、]*[A-Za-z@])[^\s,，;；。()（）、]*)")
_BARE_EMAIL = LazyPattern(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", regex.ASCII)
_POSTCODE = LazyPattern(r"(?:邮编|邮政编码)\s*[:：]?\s*(?P<v>\d[\d\s]*\d|\d)")
_ADDRESS = LazyPattern(r"(?<!网站|网页|网址|邮箱|邮件)(?:通讯|通信|联系|办公|单位)?地址\s*[:：]\s*(?P<v>[^,，;；。()（）]*)")
# Between two numbers: 、 / 或, or a space before a new area code or mobile number ("0517 83166232"
# is one number, "0517-83166232 0517-83166233" two).
_SEPARATOR = LazyPattern(r"[、/或]|(?<!\s)\s+(?=0\d{2,3}-|1[3-9]\d{9}(?!\d))")  # (?<!\s): linear
_EXTENSION = LazyPattern(r"转\d+$")
# Short public service numbers: 12345 (government hotline), 12315, 96xxx, with or without area code.
_SERVICE = LazyPattern(r"(?:0\d{2,3})?(?:1\d{4}|9\d{4})")
_MOBILE = LazyPattern(r"1[3-9]\d{9}")
_LOCAL = LazyPattern(r"[2-9]\d{6,7}")  # a local number without its area code
# Every field pattern above needs one of these: a paragraph without any (most of a report) is
# not searched six times for nothing. A new pattern adds its word here. Words only, so the
# standard ``re``, whose scan of most paragraphs of every report costs ~40 % of the regex module's.
_CONTACT_WORD = re.compile(r"电话|热线|传真|手机|Tel|TEL|tel|mail|MAIL|邮|信箱|@|-|地址")
_DIALLING_MARKS = LazyPattern(r"[\s\-－—()]")
_SPACE = LazyPattern(r"\s")
_HAN = LazyPattern(r"\p{Han}")


class Field(NamedTuple):
    kind: str  # phone, email, postcode, address
    value: str
    paragraph: Paragraph
    start: int
    end: int

    @property
    def span(self):
        return self.paragraph.span_of(self.start, self.end)


@per_document  # C401, C402 and C403 each ask for the same document's
def contact_fields(doc: Document) -> tuple[Field, ...]:
    """Every phone number, e-mail address, postcode and address the report gives."""
    out: list[Field] = []
    for paragraph in doc.paragraphs():
        text = paragraph.text
        if not _CONTACT_WORD.search(text):
            continue
        fields: list[Field] = []
        taken: set[int] = set()
        for m in _PHONE.finditer(text):
            offset = m.start("v")
            for piece in _SEPARATOR.split(m["v"]):
                start = text.index(piece, offset)
                offset = start + len(piece)
                if piece.strip():
                    stripped = piece.strip()
                    begin = text.index(stripped, start)
                    fields.append(Field("phone", stripped, paragraph, begin, begin + len(stripped)))
                    taken.add(begin)
        fields += [Field("phone", m.group(), paragraph, m.start(), m.end())
                   for m in _BARE_LANDLINE.finditer(text) if m.start() not in taken]
        emails = [Field("email", m["v"], paragraph, m.start("v"), m.end("v")) for m in _EMAIL.finditer(text)]
        fields += emails
        if bare_email_possible(text, emails):
            fields += [Field("email", m.group(), paragraph, m.start(), m.end()) for m in _BARE_EMAIL.finditer(text)
                       if not any(e.start <= m.start() < e.end for e in emails)]
        fields += [Field("postcode", m["v"], paragraph, m.start("v"), m.end("v")) for m in _POSTCODE.finditer(text)]
        for m in _ADDRESS.finditer(text):
            value = m["v"].strip()
            start = m.start("v") + (len(m["v"]) - len(m["v"].lstrip()))
            fields.append(Field("address", value, paragraph, start, start + len(value)))
        out += sorted(fields, key=lambda f: f.start)
    return tuple(out)


_ADDRESS_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+-")  # _BARE_EMAIL's


def bare_email_possible(text: str, emails: list[Field]) -> bool:
    """Whether ``_BARE_EMAIL`` can find an address outside the labelled ``emails``. A bare
    address holds one "@" and starts where the run of address characters before it does, so
    when every "@" lies in a labelled address and no labelled one follows an address character,
    each bare one starts inside a labelled one and is dropped: the scan, the costliest of the
    six on the contact line every report has, is skipped."""
    if text.count("@") != sum(e.value.count("@") for e in emails):  # the labelled ones do not overlap
        return True
    return any(e.start and text[e.start - 1] in _ADDRESS_CHARS for e in emails)


@functools.lru_cache(maxsize=256)
def _phone(number: str):
    """The parsed number, or None when it is no valid Chinese phone number."""
    import phonenumbers  # large data tables: loaded on first use

    try:
        parsed = phonenumbers.parse(number, "CN")
    except phonenumbers.NumberParseException:
        return None
    return parsed if phonenumbers.is_valid_number(parsed) else None


def _landline(digits: str) -> bool:
    """An area code libphonenumber knows, then a local number of 7 or 8 digits (8 after a
    two-digit code such as 010 or 021) that does not start with 0 or 1. The length rule, not
    libphonenumber's list of allocated ranges, decides: a new range must not look malformed."""
    for size, lengths in ((3, (8,)), (4, (7, 8))):
        area, local = digits[:size], digits[size:]
        if area_code_places(area) and len(local) in lengths and local[0] not in "01":
            return True
    return False


def _digits(phone: str) -> str:
    """A phone number's digits, without its extension."""
    return _DIALLING_MARKS.sub("", _EXTENSION.sub("", phone))


@functools.lru_cache(maxsize=256)  # C402 and C403 ask of every number, and an agency keeps its own
def phone_problem(value: str) -> str | None:
    digits = _digits(value)
    if (_SERVICE.fullmatch(digits) or _MOBILE.fullmatch(digits) or _LOCAL.fullmatch(digits) or _landline(digits)
            or _phone(digits)):
        return None
    return "电话号码格式不正确（应为区号+7或8位号码、11位手机号或12345等服务号码）"


# The plain ASCII address nearly every report gives ("xxgk@163.com"): valid by every rule
# email_validator applies (atext local part, dots between atoms, LDH labels without "--", a
# common TLD, the lengths below), so the library, ~30 ms to import, loads only for the rest.
_PLAIN_EMAIL = LazyPattern(r"[\w+-]+(?:\.[\w+-]+)*@(?:[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*\.)+(?:com|cn|net|org)",
                             regex.ASCII)


def _plain_email(value: str) -> bool:
    local, _, domain = value.partition("@")
    return (_PLAIN_EMAIL.fullmatch(value) is not None and len(value) <= 254 and len(local) <= 64
            and all(len(label) <= 63 for label in domain.split(".")))


@functools.lru_cache(maxsize=256)  # an agency gives the same address every year
def email_problem(value: str) -> str | None:
    if _plain_email(value):
        return None
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return "电子邮箱格式不正确"
    return None


def postcode_problem(value: str) -> str | None:
    digits = _SPACE.sub("", value)
    return None if len(digits) == 6 else f"邮政编码应为6位数字（实为{len(digits)}位）"


def address_problem(value: str) -> str | None:
    return None if _HAN.search(value) else "地址为空或不是地址"


PROBLEMS = {"phone": phone_problem, "email": email_problem, "postcode": postcode_problem, "address": address_problem}
KIND_NAMES = {"phone": ("电话", "phone number"), "email": ("电子邮箱", "e-mail address"),
              "postcode": ("邮编", "postcode"), "address": ("地址", "address")}


class ContactMissing(Rule):
    """The report gives no way to contact the agency: no phone number, e-mail address or postal
    address anywhere in it.

    Readers with questions about the figures need someone to ask; reports usually close their
    preamble with "如对本报告有疑问，请与…联系（地址…，电话…）". The format does not prescribe that
    sentence, so this is a warning (conventions: missing something the format expects). A web
    address alone does not count.

    Example: seeds 001 (重庆市黔江区 2024) and 004 (山海关区南关街道办事处 2024) give none.
    """

    code = "C401"
    name = "contact-missing"
    family = "contact"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        if not any(f.kind != "postcode" for f in contact_fields(doc)):
            yield ctx.report(zh="报告未提供联系方式（电话、电子邮箱或通讯地址），公众无从咨询。",
                             en="The report gives no contact details (phone, e-mail or postal address).",
                             span=doc.title.span if doc.title else None)


class ContactMalformed(Rule):
    """A contact detail the report gives is not well-formed: a phone number that is neither an
    area-code landline (0517-83166232: area code, then 7 or 8 digits), a mobile number (11 digits,
    1[3-9]…) nor a service number (12345, 12315, 96xxx); an e-mail address that is not one; a
    postcode that is not six digits; an empty address.

    A wrong number in the only contact line leaves the reader with no way to ask (warning: a
    digit may also have been lost when the page was copied). A landline needs an area code that
    libphonenumber knows and a local number of the right length (libphonenumber's list of
    allocated ranges is not required, so a new range is not flagged); other numbers (400…) pass
    when libphonenumber accepts them. E-mail addresses are checked by email-validator.

    Example: "电话：0517-831662" (6 digits after the area code), "邮编：22300".
    """

    code = "C402"
    name = "contact-malformed"
    family = "contact"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        for field in contact_fields(doc):
            problem = PROBLEMS[field.kind](field.value)
            if problem:
                zh, en = KIND_NAMES[field.kind]
                yield ctx.report(zh=f"{zh}“{field.value}”：{problem}。", en=f"The {en} '{field.value}' is malformed.",
                                 span=field.span, actual=field.value, anchor=field.value or KIND_NAMES[field.kind][0])


class PlaceClaim(NamedTuple):
    what_zh: str
    what_en: str
    places: tuple[Place, ...]
    field: Field | None


def _disagree(a: tuple[Place, ...], b: tuple[Place, ...]) -> bool:
    """True only when both are known and cannot be the same place: different provinces, or
    different cities where both sides name a city."""
    if not a or not b:
        return False
    for x in a:
        for y in b:
            if x.province == y.province and (x.city is None or y.city is None or x.city == y.city):
                return False
    return True


def _show(places: tuple[Place, ...]) -> str:
    return "、".join(str(p) for p in places)


def located_contacts(doc: Document) -> Iterator[PlaceClaim]:
    for field in contact_fields(doc):
        if field.kind == "phone" and phone_problem(field.value) is None:
            digits = _digits(field.value)
            if digits.startswith("0") and not _SERVICE.fullmatch(digits):  # a landline: mobiles move
                area = digits[:3] if digits[1] in "12" else digits[:4]
                places = area_code_places(area)
                if places:
                    yield PlaceClaim(f"电话区号 {area}", f"area code {area}", places, field)
        elif field.kind == "postcode" and postcode_problem(field.value) is None:
            place = postcode_place(_SPACE.sub("", field.value))
            if place:
                yield PlaceClaim(f"邮编 {field.value}", f"postcode {field.value}", (place,), field)
        elif field.kind == "address" and field.value:
            place = named_place(field.value)
            if place:
                yield PlaceClaim(f"地址“{field.value}”", f"address '{field.value}'", (place,), field)


class ContactPlaceMismatch(Rule):
    """The telephone area code, the postcode, the address and the place named in the title or
    agency name point to different places. For example 0517 and 223xxx both point to 淮安, and
    0579 to 金华.

    A contact line copied from another agency's report is a common slip. Only a disagreement
    where both sides are known is reported: different provinces, or different prefecture-level
    cities where both sides name one. Coverage: area codes from libphonenumber (every Chinese
    landline area code); postcodes by their first two digits for every province, and by city
    only for the provincial capitals, 秦皇岛, 淮安, 宿迁, 金华 and 安康 (``data/postcodes.tsv``);
    place names by the prefecture-level cities of that data. It is a warning because postcode
    areas do not always follow city borders.

    Example: a report of 淮安经济技术开发区 with "电话：0579-82178213" (金华).
    """

    code = "C403"
    name = "contact-place-mismatch"
    family = "contact"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        named = None
        for source in (doc.title, doc.agency):
            place = named_place(source.value) if source else None
            if place:
                named = PlaceClaim(f"报告名称中的“{source.value}”", f"'{source.value}' in the title", (place,), None)
                break
        items = list(located_contacts(doc))
        if named:
            pairs = [(item, named) for item in items]
        else:  # no place named: the contact details must at least agree among themselves
            pairs = [(b, a) for i, a in enumerate(items) for b in items[i + 1:]]
        for item, other in pairs:
            if _disagree(item.places, other.places):
                yield ctx.report(
                    zh=f"{item.what_zh}（{_show(item.places)}）与{other.what_zh}（{_show(other.places)}）所指地点不一致。",
                    en=f"The {item.what_en} ({_show(item.places)}) and the {other.what_en} "
                       f"({_show(other.places)}) point to different places.",
                    span=item.field.span, expected=_show(other.places), actual=_show(item.places),
                    anchor=item.field.value,
                )
