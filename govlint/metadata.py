"""What a report says about itself: title, agency, report year, publication date, period.

Each value is ``Located`` (value, raw text, span) so a rule can point at it. Only what the text
gives is set; nothing is guessed (a missing publication date stays None and a rule says so).
"""

from __future__ import annotations

import regex

from .dates import first_date, find_period
from .lazyregex import LazyPattern
from .model import Block, Located, Paragraph, Section

_TITLE = regex.compile(
    r"(?P<title>(?P<agency>[^\s|:《》“”,。;]{2,40}?)\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:政府)?信息公开工作?年度?报告)"
)
_PUBLISHED = regex.compile(r"(?:发布|公开|发文|成文|印发)(?:日期|时间)\s*[:|]?\s*\|?\s*")
_CONTACT_AGENCY = LazyPattern(r"请与(?P<agency>[^,。;:()]{2,30}?)联系")
_ISSUER = LazyPattern(r"发布机构\s*[:|]?\s*\|?\s*(?P<agency>[^|\s]{2,30})")
_YEAR_DU = LazyPattern(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年度?")
_HEADER_LINES = 12
_TITLE_MAX = 70


def describe(preamble: tuple[Block, ...], sections: tuple[Section, ...]) -> dict[str, Located | None]:
    """The ``Document`` fields a report's text gives about itself, from its preamble and sections
    (found before the document is built, so that it is built once)."""
    preamble_paragraphs = [b for b in preamble if isinstance(b, Paragraph)]
    paragraphs = preamble_paragraphs + [p for s in sections for p in (s.heading, *s.paragraphs)]  # reading order
    named = _title(paragraphs)
    # The preamble first, then the rest: the preamble's paragraphs open ``paragraphs``.
    period = _period(preamble_paragraphs) or _period(paragraphs[len(preamble_paragraphs):])
    title, agency, title_year = named if named else (None, _agency(preamble_paragraphs), None)
    published = _publication_date(preamble_paragraphs, paragraphs)
    year = report_year(title_year, period, published)
    if year is None:
        year = _first_year(preamble_paragraphs + [p for s in sections[:1] for p in s.paragraphs])
    return {"title": title, "agency": agency, "year": year, "title_year": title_year,
            "publication_date": published, "period": period}


def report_year(title_year: Located | None, period: Located | None, published: Located | None) -> Located | None:
    """The year a report is about: what most of the title, the statistical period and the
    publication date (published in the first half of the next year) say; the title on a tie.

    One wrong year (a title copied from last year's report) is then reported where it is wrong,
    instead of making every other date of the report look wrong."""
    votes: list[Located] = []
    if title_year:
        votes.append(title_year)
    if period:
        votes.append(Located(period.value.end.year, period.raw, period.span))
    if published and published.value.month <= 6:
        votes.append(Located(published.value.year - 1, published.raw, published.span))
    if not votes:
        return None
    years = [v.value for v in votes]  # at most three: counted without a Counter
    best = max(map(years.count, years))
    return next(v for v in votes if years.count(v.value) == best)


def _title(paragraphs: list[Paragraph]) -> tuple[Located, Located, Located] | None:
    """A short line or header cell naming the report: "重庆市黔江区2024年政府信息公开工作年度报告".
    Returns the title, the agency it names and the year it names."""
    for paragraph in paragraphs[: _HEADER_LINES * 2]:
        if not _may_hold_title(paragraph.text):
            continue
        for offset, text in _cells(paragraph):
            if len(text) > _TITLE_MAX:
                continue
            m = _TITLE.search(text)
            if m:
                title = _located(paragraph, offset + m.start("title"), offset + m.end("title"), m["title"])
                agency = _located(paragraph, offset + m.start("agency"), offset + m.end("agency"), m["agency"])
                year = _located(paragraph, offset + m.start("year"), offset + m.end("year"), int(m["year"]))
                return title, agency, year
    return None


def _may_hold_title(text: str) -> bool:
    """Whether ``text`` holds the words every ``_TITLE`` match does (most lines hold neither)."""
    return "报告" in text and "信息公开" in text


def _cells(paragraph: Paragraph) -> list[tuple[int, str]]:
    """(offset, text) of each "|"-separated part of a paragraph's normalised text."""
    out = []
    offset = 0
    for piece in paragraph.text.split("|"):
        out.append((offset, piece))
        offset += len(piece) + 1
    return out


def _period(paragraphs: list[Paragraph]) -> Located | None:
    for paragraph in paragraphs:
        found = find_period(paragraph.text)
        if found:
            return _located(paragraph, found.start, found.end, found.value)
    return None


def _publication_date(preamble: list[Paragraph], paragraphs: list[Paragraph]) -> Located | None:
    """From a page-header field (发布日期 / 公开日期 / 发文日期 / 成文日期), a bare date line in the
    page header, or a date alone on one of the last lines (the signature)."""
    header = preamble[:_HEADER_LINES]
    for paragraph in header:
        if not _may_name_published(paragraph.text):
            continue
        for m in _PUBLISHED.finditer(paragraph.text):
            d = first_date(paragraph.text[m.end():])
            if d and d.start == 0:  # the first date is the one at the start, if any is
                return _located(paragraph, m.end() + d.start, m.end() + d.end, d.value)
    for paragraph in header + paragraphs[-5:]:
        text = paragraph.text.strip().strip("|").strip()
        # A date alone on its line: the first date covers all but one character at most (then
        # no second one fits), so the dates after it are not looked for.
        d = first_date(text)
        if d and d.end - d.start >= len(text) - 1:
            offset = paragraph.text.find(text)
            return _located(paragraph, offset + d.start, offset + d.end, d.value)
    return None


def _may_name_published(text: str) -> bool:
    """Whether ``text`` holds a word every ``_PUBLISHED`` match ends with."""
    return "日期" in text or "时间" in text


def _first_year(paragraphs: list[Paragraph]) -> Located | None:
    for paragraph in paragraphs:
        m = _YEAR_DU.search(paragraph.text)
        if m:
            return _located(paragraph, m.start("year"), m.end("year"), int(m["year"]))
    return None


def _agency(preamble: list[Paragraph]) -> Located | None:
    for pattern in (_CONTACT_AGENCY, _ISSUER):
        for paragraph in preamble:
            m = pattern.search(paragraph.text)
            if m:
                return _located(paragraph, m.start("agency"), m.end("agency"), m["agency"])
    return None


def _located(paragraph: Paragraph, start: int, end: int, value: object) -> Located:
    raw_start = paragraph.norm.source_index(start)
    raw_end = paragraph.norm.source_index(end - 1) + 1
    return Located(value, paragraph.raw[raw_start:raw_end], paragraph.span_of(start, end))

