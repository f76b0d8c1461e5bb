"""Places behind a report: which province and prefecture-level city a telephone area code, a
postcode or a name in the title points to, and what level of government a name is.

Area codes come from the geocoding data of ``phonenumbers`` (Google's libphonenumber: every
Chinese landline area code with the city it serves, in Chinese). Postcodes come from
``data/postcodes.tsv``: every province by its two-digit prefix, and a curated list of city
prefixes (provincial capitals and the places of the seeds and corpus). A ``Place`` with
``city`` None only tells the province. Helper module (leading underscore): no rules here.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

import regex

from govlint.rule import LazyPattern

PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州",
    "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
)
MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
_PROVINCE_SUFFIX = LazyPattern(r"^(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)")
_ETHNIC = "朝鲜|土家|苗|侗|布依|彝|藏|羌|傣|景颇|傈僳|白|哈尼|壮|回|蒙古|哈萨克|柯尔克孜|怒"
_CITY_SUFFIX = LazyPattern(rf"(?:(?:{_ETHNIC})族?)*(?:自治州|地区|市|盟)$")  # 伊犁哈萨克自治州: no 族
# A development zone or new area is no level of government of its own: its level is unknown.
_ZONE = LazyPattern(r"(?:高新|开发|新|实验|试验|示范|合作|保税|园)区$|管委会$|管理委员会$")
_GOVERNMENT = LazyPattern(r"(?:人民)?政府$")
_PREFECTURE = LazyPattern(r"(?:自治州|地区|盟)$")
_COUNTY = LazyPattern(r"(?:县|旗|区|特区|林区)$")


class Place(NamedTuple):
    province: str
    city: str | None = None

    def __str__(self) -> str:
        if self.city is None or self.city == self.province:
            return self.province
        return f"{self.province}{self.city}"


def short_city(name: str) -> str:
    """"淮安市" → "淮安", "恩施土家族苗族自治州" → "恩施", "哈密地区" → "哈密"."""
    short = _CITY_SUFFIX.sub("", name)
    return short if len(short) >= 2 else name  # "芒市" stays whole


def parse_description(text: str) -> list[Place]:
    """Places in a geocoder description: "江苏省淮安市", "陕西省西安市、咸阳市", "北京市". Run by
    ``data/make_area_codes.py``, so that ``area_codes.tsv`` holds the places already parsed."""
    province = next((p for p in PROVINCES if text.startswith(p)), None)
    if province is None:
        return []
    rest = _PROVINCE_SUFFIX.sub("", text[len(province):])
    if not rest:
        return [Place(province, province)]
    return [Place(province, short_city(part)) for part in rest.split("、") if part]


def _data(name: str) -> str:
    # The pack is installed as files (package data next to this module); importlib.resources,
    # which would also read it from a zip, costs ~3 ms to set up on every run.
    return (Path(__file__).parent / "data" / name).read_text("utf-8")


@functools.lru_cache(maxsize=1)
def _area_codes() -> dict[str, tuple[Place, ...]]:
    """Area code without the leading 0 ("517") → the places it serves."""
    # phonenumbers' Chinese geocoding data, extracted and parsed by data/make_area_codes.py:
    # importing the whole geodata package took half a second of every run, and parsing its
    # descriptions 3 ms of every run that checks a landline
    text = _data("area_codes.tsv")
    out = {}
    for line in text.splitlines():
        code, province, cities = line.split("\t")
        out[code] = tuple(Place(province, city) for city in cities.split("、"))
    return out


@functools.lru_cache(maxsize=1)
def cities() -> dict[str, str]:
    """Every prefecture-level city the area-code data names (short name → province)."""
    return {p.city: p.province for places in _area_codes().values() for p in places if p.city}


@functools.lru_cache(maxsize=1)
def _city_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(name) for name in cities()}, reverse=True))


def area_code_places(area_code: str) -> tuple[Place, ...]:
    """The places a landline area code ("0517") serves; empty when unknown."""
    return _area_codes().get(area_code.lstrip("0"), ())


@functools.lru_cache(maxsize=1)
def _postcodes() -> dict[str, Place]:
    text = _data("postcodes.tsv")
    out = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        prefix, province, city = (line.split("\t") + [""])[:3]
        out[prefix] = Place(province, city or None)
    return out


def postcode_place(postcode: str) -> Place | None:
    """The place a six-digit postcode belongs to, by its longest listed prefix."""
    table = _postcodes()
    for length in range(len(postcode), 1, -1):
        place = table.get(postcode[:length])
        if place:
            return place
    return None


def named_place(text: str) -> Place | None:
    """The city (or, failing that, the province) a name such as "淮安经济技术开发区" or
    "陕西省安康市人民政府" names. A city name directly followed by 区 or 县 is a district of
    another city ("西安区"), not the city, and is skipped; so is one followed by 省 (海南州 of
    青海 and the province 海南)."""
    names = cities()
    for start in range(len(text)):  # the first city named, the longest at a tie
        for length in _city_lengths():
            name = text[start:start + length]
            if name in names and len(name) == length and text[start + length:start + length + 1] not in ("区", "县", "省"):
                return Place(names[name], name)
    province = next((p for p in PROVINCES if p in text), None)
    return Place(province) if province else None


@functools.lru_cache(maxsize=1)  # a millisecond to compile: on first use, not at every import
def _province_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """A province's own name ("江苏省", "广西壮族自治区"), and a province in front of a name."""
    provinces = "|".join(PROVINCES)
    return regex.compile(rf"(?:{provinces})(?:省|.*自治区)"), regex.compile(rf"^(?:{provinces})(?:省|.{{0,4}}自治区)?")


def government_level(name: str) -> str | None:
    """The level of the government ``name`` names: province, prefecture, county, "unknown" (a
    市 the data does not list as prefecture-level may be a county-level city), or None when the
    name is not a government's (a department, a 街道, a development zone)."""
    name = _GOVERNMENT.sub("", name.strip())
    if _ZONE.search(name):
        return None
    province_name, province_prefix = _province_patterns()
    if name in (f"{m}市" for m in MUNICIPALITIES) or province_name.fullmatch(name):
        return "province"
    if _PREFECTURE.search(name):
        return "prefecture"
    if name.endswith("市"):
        city = province_prefix.sub("", name)
        return "prefecture" if short_city(city) in cities() else "unknown"
    if _COUNTY.search(name):
        return "county"
    return None
