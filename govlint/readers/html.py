"""HTML pages as government CMS sites publish them: the report inside menus, banners and footers.

The article body is the deepest element that holds every report anchor the page holds (section
headings, the table anchors 第二十条第…项 / 本年新收… / 行政复议); menus and "related reports"
lists hold none of them. A page with no anchor at all is read whole, less its navigation, and the
builder then reports it as not a report (P902).

What the page says about the report outside the body is emitted first, as header lines the
shared metadata reader understands: the title (page ``<h1>``, ``<meta name="ArticleTitle">`` or
``<title>``, only when the body does not start with its own title) and the header fields
发布日期 / 公开日期 / 发文日期 / 成文日期 / 发布机构, visible ones first, then ``<meta>`` dates
(``PubDate``, ``firstpublishedtime``, ``article:published_time``).

Each real cell of a table is emitted once, in its row, where it starts: the positions a rowspan or
colspan covers add no cells (see ``layout``); ``&nbsp;`` cells are blank. A table that holds other tables is layout,
not data, and is read as blocks.

Positions are in the HTML source: the line is lxml's ``sourceline`` of the element; the column is
found by searching the text from there on, so it is approximate when the source writes the text
with entities (``&ldquo;``) or across lines, and points at the element's line start when the
text cannot be found. A header line starts at its field label (or title) in the source; a date
inside it is placed by its offset in "公开日期：…", which is only near the date when the value
stands in the next cell.
"""

from __future__ import annotations

import functools

import regex

from ..dates import find_dates
from ..normalize import label_key, norm_text
from .layout import CELL_SEPARATOR, drop_label_debris, squash
from ..source import Place, SourceLine, single

_BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th "
    "thead tr ul".split()
)
_SKIP = frozenset("script style noscript template iframe object embed svg select option button input textarea".split())
_CHROME = frozenset("nav header footer aside".split())  # dropped when the whole page is read
_CONTAINERS = frozenset("div td article section main body form center".split())
# Distinct marks of a report body (on normalised label keys).
_ANCHORS = tuple(
    regex.compile(p)
    for p in (
        r"一总体情况",
        r"二主动公开政府信息",
        r"三收到和处理政府信息公开申请",
        r"四政府信息公开行政复议|四因政府信息公开工作被申请行政复议",
        r"五存在的主要问题|五政府信息公开工作存在",
        r"六其他需要报告的事项",
        r"第二十条第一项",
        r"本年新收政府信息公开申请数量",
        r"未经复议直接起诉",
    )
)
_FIELD = regex.compile(r"(?P<label>发布日期|公开日期|发文日期|成文日期|发布时间|公开时间|发布机构)\s*[:：]?\s*")
_META_DATES = ("pubdate", "publishdate", "firstpublishedtime", "article:published_time", "dc.date", "dcterms.issued")
_META_TITLES = ("articletitle", "title", "og:title")
_TITLE_SUFFIX = regex.compile(r"(?<!\s)\s*[_|｜—–-]+\s*[^_|｜—–-]*$")  # (?<!\s): linear on blank runs
_TITLE_MAX = 70  # a longer line is a sentence that names the report, not its title
_XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*\?>")


@functools.lru_cache(maxsize=1)
def _lxml():
    """lxml's HTML parser and its text-content XPath. A C extension: loaded only for HTML input.
    Plain ``etree`` elements, not ``lxml.html``'s, whose class lookup runs Python code for every
    element the walk touches; the tree is the same."""
    from lxml import etree

    return etree.HTMLParser(), etree.XPath("string()", smart_strings=False)


def _text_content(element) -> str:
    if not len(element):  # a leaf (most table cells): its own text is all of it
        return element.text or ""
    return _lxml()[1](element)


def source_lines(text: str) -> list[SourceLine]:
    text = _XML_DECLARATION.sub(lambda m: " " * len(m.group()), text, count=1)  # lxml refuses it in str
    from lxml import etree

    try:
        root = etree.fromstring(text, _lxml()[0])
    except Exception:  # lxml raises ParserError/ValueError on markup with no element at all
        return []
    if root is None:  # no element at all
        return []
    locator = _Locator(text)
    body = root.find("body")
    if body is None:
        body = root
    article = _article(body)
    walker = _Walker(locator, skip_chrome=article is None)
    walker.walk(article if article is not None else body)
    header = _header_lines(root, article, walker.lines, locator)
    return header + walker.lines


def _anchors(element) -> frozenset[int]:
    key = label_key(_text_content(element))
    return frozenset(i for i, pattern in enumerate(_ANCHORS) if pattern.search(key))


def _article(body):
    """The deepest container holding every report anchor found on the page and no other, or None."""
    wanted = _anchors(body)
    if not wanted:
        return None
    from lxml import etree

    best, best_depth = body, 0
    depth = -1  # below body, counted as the walk goes (body itself is depth 0)
    walk = etree.iterwalk(body, events=("start", "end"))
    for event, element in walk:
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if not len(element) and element.tag not in _CONTAINERS:
            continue  # a leaf that cannot be the body (most paragraphs): nothing hangs on its key
        key = label_key(_text_content(element))
        if not all(_ANCHORS[i].search(key) for i in wanted):
            walk.skip_subtree()  # an anchor an element lacks, everything inside it lacks too
            continue
        if depth > best_depth and element.tag in _CONTAINERS and not any(
                pattern.search(key) for i, pattern in enumerate(_ANCHORS) if i not in wanted):
            best, best_depth = element, depth
    return best


class _Locator:
    """Finds where a piece of text stands in the HTML source, moving forward through the page."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines() or [""]
        self.line, self.column = 1, 0  # cursor: 1-based line, 0-based column

    def place(self, text: str, line: int | None) -> Place:
        if line is not None and line > self.line:
            self.line, self.column = line, 0
        needle = text.split(" ")[0][:12]
        for number in range(self.line, min(self.line + 6, len(self.lines) + 1)):
            start = self.column if number == self.line else 0
            found = self.lines[number - 1].find(needle, start) if needle else -1
            if found >= 0:
                self.line, self.column = number, found + len(needle)
                return (number, found + 1, number, found + 1 + len(text), ())
        return (self.line, 1, self.line, 1, ())


class _Walker:
    """Block elements → text lines, tables → rows of cells, in document order."""

    def __init__(self, locator: _Locator, skip_chrome: bool) -> None:
        self.locator = locator
        self.skip = _SKIP | (_CHROME if skip_chrome else frozenset())
        self.lines: list[SourceLine] = []
        self.pending: list[tuple[str, int | None]] = []

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in self.skip:
            return
        if tag == "br":
            self.flush()
            return
        if tag == "table" and element.find(".//table") is None:
            self.flush()
            self.table(element)
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        if element.text:
            self.pending.append((element.text, element.sourceline))
        for child in element:
            self.walk(child)
            if child.tail:
                self.pending.append((child.tail, child.sourceline))
        if block:
            self.flush()

    def flush(self) -> None:
        text = squash("".join(piece for piece, _ in self.pending))
        line = next((number for _, number in self.pending if number), None)
        self.pending = []
        if text:
            place = self.locator.place(text, line)
            self.lines.append(single(text, place))

    def table(self, table) -> None:
        for tr in _rows(table):
            texts = []
            places = []
            for td in tr:
                if td.tag not in ("td", "th"):
                    continue
                text = _cell_text(td)
                texts.append(text)
                places.append(self.locator.place(text, td.sourceline) if text else _blank_place(self.locator, td))
            debris = drop_label_debris(texts)
            texts, places = texts[debris:], places[debris:]
            if texts:
                raw = CELL_SEPARATOR.join(texts)
                first, last = places[0], places[-1]
                place = (first[0], first[1], last[2], last[3], ())
                self.lines.append(SourceLine(tuple(texts), tuple(places), place, raw, True, True))  # separated, a grid


def _rows(table):
    """The table's own rows (not those of a nested table), thead/tbody/tfoot included."""
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (tr for tr in child if tr.tag == "tr")


def _cell_text(td) -> str:
    """A cell's text; <br> and paragraphs inside a narrow header cell are only line breaks."""
    if not len(td):  # text only, the usual cell
        return squash(td.text or "")
    parts: list[str] = []

    def collect(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP:
            return
        if tag in ("br", "p", "div"):
            parts.append("\n")
        if element.text and tag:
            parts.append(element.text)
        for child in element:
            collect(child)
            if child.tail:
                parts.append(child.tail)

    collect(td)
    return squash("".join(parts))


def _blank_place(locator: _Locator, td) -> Place:
    line = td.sourceline or locator.line
    return (line, 1, line, 1, ())


def _header_lines(root, article, body_lines: list[SourceLine], locator: _Locator) -> list[SourceLine]:
    """Title and header fields found outside the article body, as "公开日期：2025-01-22" lines."""
    out: list[SourceLine] = []
    if not any("年度报告" in line.raw and len(line.raw) <= _TITLE_MAX for line in body_lines[:3]):
        title = _page_title(root, article)
        if title and "报告" in title[0]:
            out.append(_header(title[0], title[1], title[0], locator))
    pieces = _outside_texts(root, article)
    fields: dict[str, tuple[str, int | None]] = {}
    for i, (text, line) in enumerate(pieces):
        for m in _FIELD.finditer(text):
            value = squash(text[m.end():]) or (squash(pieces[i + 1][0]) if i + 1 < len(pieces) else "")
            label = m["label"]
            if label == "发布机构":
                value = regex.split(r"\s|[:：]", value)[0]
            elif not find_dates(norm_text(value)):
                continue
            else:
                value = norm_text(value)[: find_dates(norm_text(value))[0].end].strip()
            if value and label not in fields:
                fields[label] = (value, line)
    if not any("日期" in label or "时间" in label for label in fields):
        for element in root.iter("meta"):
            name = (element.get("name") or element.get("property") or "").lower()
            content = element.get("content") or ""
            if name in _META_DATES and find_dates(content):
                fields["发布日期"] = (content[: find_dates(content)[0].end].strip(), element.sourceline)
                break
    for label, (value, line) in fields.items():
        out.append(_header(f"{label}：{value}", line, label, locator))
    return out


def _header(text: str, line: int | None, needle: str, locator: _Locator) -> SourceLine:
    """A header line made from a field; its span starts where ``needle`` (the field's label or the
    title) stands on the element's source line, or at the line start when it is not found there."""
    number = line or 1
    source = locator.lines[number - 1] if 0 < number <= len(locator.lines) else ""
    column = max(source.find(needle), 0) + 1
    place = (number, column, number, column + len(text), ())
    return single(text, place)


def _page_title(root, article) -> tuple[str, int | None] | None:
    for h1 in root.iter("h1"):
        if article is None or article not in h1.iterancestors():
            text = squash(_text_content(h1))
            if text:
                return text, h1.sourceline
    for element in root.iter("meta"):
        if (element.get("name") or element.get("property") or "").lower() in _META_TITLES and element.get("content"):
            return squash(element.get("content")), element.sourceline
    title = root.find(".//title")
    text = _TITLE_SUFFIX.sub("", squash(_text_content(title))) if title is not None else ""
    return (text, title.sourceline) if text else None


def _outside_texts(root, article) -> list[tuple[str, int | None]]:
    """Text pieces of the page body outside the article, in order, one per element text/tail."""
    body = root.find("body")
    if body is None:
        return []
    inside = set(article.iter()) if article is not None else set()
    out: list[tuple[str, int | None]] = []
    for element in body.iter():
        if element in inside or not isinstance(element.tag, str) or element.tag in _SKIP:
            continue
        if element.text and element.text.strip():
            out.append((element.text, element.sourceline))
        if element.tail and element.tail.strip() and element.getparent() not in inside:
            out.append((element.tail, element.sourceline))
    return out
