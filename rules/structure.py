"""Structure: the six sections, their headings and order, the tables they hold, template
placeholders left in, and the numbering of items inside a section (domain.md §2.1–2.5)."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator

import regex

from govlint.model import Block, Paragraph, Section, Span, Table
from govlint.rule import SCHEMAS, Context, Document, LazyPattern, Rule, heading_section, norm_text

from ._memo import per_document

SECTION_KEYS = ("一", "二", "三", "四", "五", "六")
TEMPLATE_HEADINGS = {  # domain.md §2.1, the 2021 format (identical in 2019)
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}
ENGLISH_NAMES = {
    "一": "overview", "二": "proactive disclosure", "三": "applications", "四": "reconsideration and litigation",
    "五": "problems and improvements", "六": "other matters",
}
# The table each of these sections holds.
SECTION_TABLES = {"二": "T1", "三": "T2", "四": "T3"}
TABLE_NAMES = {"T1": "表一（主动公开政府信息情况）", "T2": "表二（收到和处理政府信息公开申请情况）",
               "T3": "表三（政府信息公开行政复议、行政诉讼情况）"}

# Words that show a section's text is there even though its heading is not: the topics F21
# §一 lists for 总体情况, the problems/improvements of 五, the fee and "other matters" of 六.
CONTENT_WORDS = {
    "一": ("主动公开", "依申请", "政府信息管理", "平台建设", "监督保障"),
    "五": ("存在的主要问题", "存在问题", "改进", "下一步"),
    "六": ("信息处理费", "其他需要报告"),
}
# A preamble paragraph introducing the report (basis, period, where to ask) is not section 一.
_INTRO = LazyPattern(r"统计期限|统计期|如对本报告|如对本年报|编制而成|(?:编制|制定)本?报告|本报告[由是根]")
# Header fields and dates between the title and the text are short; prose is not.
_HAN = LazyPattern(r"\p{Han}")
_PROSE_HAN = 10
_CLAUSE_END = LazyPattern(r"[,，。;；:：]")
# A heading's own numeral ("四、"); "(一)" marks a sub-topic, never a section heading.
_LEADING_NUMERAL = regex.compile(r"^\s*[一二三四五六七八九十]+\s*[、.]\s*")
_DIGIT = LazyPattern(r"\d")
# An ASCII digit or "|" of a source line is still there after norm_text, and such a line is no
# heading: looked for first, it spares normalising most lines (prose gives dates, rows "|").
# Standard ``re``: a plain class.
_KEPT_BY_NORM_TEXT = re.compile(r"[0-9|]")

PLACEHOLDER = regex.compile(r"[(]\s*文字描述[^)]*[)]?")


def _where_section_starts(doc: Document, key: str) -> Span | None:
    """The heading of the next section that is there, else the last line of the previous one."""
    index = SECTION_KEYS.index(key)
    for section in doc.sections:
        if SECTION_KEYS.index(section.key) > index:
            return section.span
    blocks = _previous_blocks(doc, key)
    return blocks[-1].span if blocks else None


def _previous_blocks(doc: Document, key: str) -> tuple[Block, ...]:
    """The blocks that stand where section ``key`` should: the preamble for 一, otherwise the
    body of the nearest earlier section present."""
    index = SECTION_KEYS.index(key)
    earlier = [s for s in doc.sections if SECTION_KEYS.index(s.key) < index]
    return earlier[-1].blocks if earlier else doc.preamble


def _misplaced_heading(doc: Document, key: str) -> Span | None:
    """A source line that reads as the heading of ``key`` with another numeral or out of order
    ("四、存在的主要问题及改进情况" after 四, or "五、…" before 四)."""
    for number, line, words in _numbered_lines(doc):
        if heading_section(f"{key}、{words}") == key:
            return Span(number, 1, number, len(line) + 1)
    return None


@per_document  # asked for each missing section by S201, S202 and S203: the lines are read once
def _numbered_lines(doc: Document) -> tuple[tuple[int, str, str], ...]:
    """(line number, line, words after the numeral) of each source line outside the section
    headings that opens with a numeral ("四、") and could be a heading. Source lines, not
    paragraphs, are read: a headless line right after a table may have been taken into the table."""
    headings = {s.heading.span.line for s in doc.sections}
    found = []
    for number, line in enumerate(doc.lines, start=1):
        if number in headings or _KEPT_BY_NORM_TEXT.search(line):
            continue
        text = norm_text(line).strip()
        if len(text) > 46 or "|" in text or _DIGIT.search(text):
            continue
        m = _LEADING_NUMERAL.match(text)
        if m:
            found.append((number, line, text[m.end():]))
    return tuple(found)


def _content_without_heading(doc: Document, key: str) -> Span | None:
    """Where the text or table of section ``key`` stands though its heading is missing."""
    table_id = SECTION_TABLES.get(key)
    if table_id is not None:
        table = doc.table(table_id)
        return table.span if table is not None and table.rows else None
    paragraphs = [b for b in _previous_blocks(doc, key) if isinstance(b, Paragraph)]
    if key == "一":  # the overview starts after the title and the introduction
        title_line = doc.title.span.line if doc.title is not None and doc.title.span else 0
        paragraphs = [p for p in paragraphs if p.span.line > title_line and not _INTRO.search(p.text)
                      and not (doc.title is not None and doc.title.raw in p.raw)
                      and len(_HAN.findall(p.text)) >= _PROSE_HAN]
    for paragraph in paragraphs:
        if any(word in paragraph.text for word in CONTENT_WORDS[key]):
            start = paragraphs[0] if key == "一" else paragraph
            clause = _CLAUSE_END.search(start.text)  # point at the opening words, not the paragraph
            return start.span_of(0, clause.start() if clause and clause.start() else len(start.text))
    return None


class MissingSection(Rule):
    """One of the six statutory sections is missing: neither its heading nor its content is
    in the report.

    Every report has the six sections 一、总体情况 … 六、其他需要报告的事项 (国办公开办函〔2021〕30号
    and the 2019 format, following 条例 第五十条: "不能遗漏"). A section whose heading is missing
    but whose content is there is S202, and one whose heading stands in the wrong place or
    carries the wrong numeral is S203, not this rule. The finding points where the section
    should start.

    Example: a report that goes from "四、政府信息公开行政复议、行政诉讼情况" straight to
    "六、其他需要报告的事项" lacks 五、存在的主要问题及改进情况.
    """

    code = "S201"
    name = "missing-section"
    family = "structure"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        for key, content in _headless(doc):
            if content:
                continue
            yield ctx.report(
                zh=f"缺少第{key}部分“{TEMPLATE_HEADINGS[key]}”：既没有标题，也没有相应内容。",
                en=f"Section {key} ({ENGLISH_NAMES[key]}, '{TEMPLATE_HEADINGS[key]}') is missing: "
                   f"neither its heading nor its content is there.",
                span=_where_section_starts(doc, key), expected=TEMPLATE_HEADINGS[key], anchor=TEMPLATE_HEADINGS[key],
            )


def _absent(doc: Document) -> list[str]:
    present = {s.key for s in doc.sections}
    return [k for k in SECTION_KEYS if k not in present] if doc.sections or doc.tables else []


@per_document  # S201 and S202 each ask of every missing section
def _headless(doc: Document) -> tuple[tuple[str, Span | None], ...]:
    """(key, where its content stands or None) of each missing section whose heading is not
    written elsewhere (S203's)."""
    return tuple((key, _content_without_heading(doc, key)) for key in _absent(doc) if not _misplaced_heading(doc, key))


class MissingHeading(Rule):
    """A section's content is in the report but its heading is missing.

    The format fixes the six headings (国办公开办函〔2021〕30号; accepted variants keep the numeral
    and the core words, e.g. "五、存在问题与改进路径"). When a heading is lost, as happens in PDF
    extraction or careless editing, the text runs on under the previous section, and a reader
    (or a supervisor's checklist) cannot find the section. It is reported as a missing heading,
    not as missing content, at the place where the content starts: for 一, text about 主动公开 /
    依申请公开 / 政府信息管理 / 平台建设 / 监督保障 before section 二; for 二–四, their table; for
    五, text about 问题 and 改进 after section 四; for 六, a 信息处理费 statement after section 五.
    It is a warning: the content is there, only its heading is not.

    Example: seed 004 goes from the title straight to "2024年,我街道认真贯彻落实…"; the heading
    "一、总体情况" is missing.
    """

    code = "S202"
    name = "missing-heading"
    family = "structure"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        for key, span in _headless(doc):
            if span is not None:
                yield ctx.report(
                    zh=f"第{key}部分的内容在此，但缺少标题“{TEMPLATE_HEADINGS[key]}”。",
                    en=f"The content of section {key} ({ENGLISH_NAMES[key]}) is here, but its heading "
                       f"'{TEMPLATE_HEADINGS[key]}' is missing.",
                    span=span, expected=TEMPLATE_HEADINGS[key], anchor=TEMPLATE_HEADINGS[key],
                )


class MisplacedHeading(Rule):
    """A section heading stands out of order or carries the wrong numeral.

    The six sections come in the order of 条例 第五十条 and the format (国办公开办函〔2021〕30号):
    一 总体情况, 二 主动公开, 三 申请, 四 复议诉讼, 五 问题与改进, 六 其他事项. A heading is recognised by
    its core words, not its numeral alone (domain.md §2.1), so "四、存在的主要问题及改进情况" is the
    heading of 五 written with the wrong numeral, and "五、…" placed before "四、…" is out of order.
    It is a warning: the content is there, the reader is only misled.

    Example: "…四、政府信息公开行政复议、行政诉讼情况 … 六、其他需要报告的事项 … 五、存在的主要问题及改进情况".
    """

    code = "S203"
    name = "misplaced-heading"
    family = "structure"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        for section in doc.sections:  # recognised by its words, written with another numeral
            written = section.heading.text.strip()
            m = _LEADING_NUMERAL.match(written)
            if m and written[: m.end()].strip(" 、.") != section.key:
                yield self._report(ctx, section.key, written, section.span)
        for key in _absent(doc):
            span = _misplaced_heading(doc, key)
            if span is not None:
                yield self._report(ctx, key, doc.lines[span.line - 1].strip(), span)

    def _report(self, ctx: Context, key: str, written: str, span: Span):
        return ctx.report(
            zh=f"“{written}”是第{key}部分的标题，但编号或位置不对"
               f"（应为“{TEMPLATE_HEADINGS[key]}”，排在第{key}位）。",
            en=f"'{written}' is the heading of section {key} ({ENGLISH_NAMES[key]}) "
               f"but its numeral or position is wrong (expected '{TEMPLATE_HEADINGS[key]}' in place {key}).",
            span=span, expected=TEMPLATE_HEADINGS[key], actual=written,
        )


class TemplatePlaceholder(Rule):
    """A placeholder of the format template is left in the published report.

    The template (国办公开办函〔2021〕30号) has "（文字描述）" under 一 and 五 and
    "（文字描述，收取信息处理费情况在此处报告。）" under 六: instructions to the author, never text
    for the public. Left in, they show the section was not written.

    Example: "六、其他需要报告的事项" followed by "（文字描述，收取信息处理费情况在此处报告。）".
    """

    code = "S204"
    name = "template-placeholder"
    family = "structure"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        for paragraph in doc.paragraphs():
            if "文字描述" not in paragraph.text:  # in every placeholder: most paragraphs are not scanned
                continue
            for m in PLACEHOLDER.finditer(paragraph.text):
                yield ctx.report(
                    zh=f"模板占位文字“{m[0]}”未删除，应替换为实际内容。",
                    en=f"The template placeholder '{m[0]}' is still there; replace it with the actual text.",
                    span=paragraph.span_of(m.start(), m.end()), actual=m[0],
                )


class MissingTable(Rule):
    """A statistics table is missing from its section.

    Sections 二, 三 and 四 are the three tables of the format (国办公开办函〔2021〕30号 and the 2019
    format): 表一 主动公开 (第二十条 items), 表二 申请的收到和处理, 表三 行政复议和行政诉讼. A section
    with its heading but without its table reports nothing checkable; "本年度未收到申请" in words
    does not replace the table of zeros. (A section missing altogether is S201.)

    Example: "三、收到和处理政府信息公开申请情况" followed only by "本年度未收到政府信息公开申请。".
    """

    code = "S205"
    name = "missing-table"
    family = "structure"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        for key, table_id in SECTION_TABLES.items():
            section = doc.section(key)
            table = doc.table(table_id)
            if section is not None and (table is None or not (table.rows or _explained(doc, table))):
                yield ctx.report(
                    zh=f"第{key}部分缺少{TABLE_NAMES[table_id]}或表中没有可读的数据。",
                    en=f"Section {key} ({ENGLISH_NAMES[key]}) has no {table_id}, or no readable data in it.",
                    span=section.span, expected=table_id,
                )


def _explained(doc: Document, table: Table) -> bool:
    """A table that was found but could not be read has a parse problem inside it saying why
    (P905: digits that split more than one way); that is the finding, not a missing table."""
    span = table.span
    return span is not None and any(
        p.span is not None and span.line <= p.span.line <= span.end_line for p in doc.problems)


@functools.lru_cache(maxsize=8)  # three tables
def _schema_tables(table_id: str) -> tuple[tuple[tuple, frozenset[str]], ...]:
    """(rows, row IDs) of table ``table_id`` in each format, the first format first."""
    specs = [schema.table(table_id) for schema in SCHEMAS.values()]
    return tuple((spec.rows, frozenset(r.id for r in spec.rows)) for spec in specs)


# A table's missing rows follow from its ID and the IDs of its rows alone, and most reports of a
# batch share a few such sets (the complete tables of each format): worked out once per set.
@functools.lru_cache(maxsize=64)
def _missing_rows(table_id: str, ids: frozenset[str]) -> tuple:
    """The rows the schema of the format the table was read with (a hybrid mixes formats per
    table) has and ``ids`` lacks."""
    specs = _schema_tables(table_id)
    rows = max(specs, key=lambda spec: (len(ids & spec[1]), spec is specs[0]))[0]
    return tuple(r for r in rows if r.id not in ids)


class MissingRows(Rule):
    """A statistics table lacks rows the format requires.

    The format fixes every row of the three tables (国办公开办函〔2021〕30号; 2019 format for 2019
    and 2020 reports): for example Table 2 has 25 data rows, from 一、本年新收 to 四、结转下年度继续办理,
    and Table 1 the rows 规章, 行政规范性文件, 行政许可, 行政处罚, 行政强制, 行政事业性收费. A row
    that is left out cannot be checked, and every identity that needs it stays undetermined. One
    finding per table names the missing rows. (A row that is there with too few values is a
    parse finding, P904.)

    Example: a Table 2 without "3.补正后申请内容仍不明确" and "（七）总计".
    """

    code = "S206"
    name = "missing-rows"
    family = "structure"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        for table in doc.tables:
            if not table.rows:
                continue  # S205
            missing = _missing_rows(table.id, frozenset(r.id for r in table.rows))
            if not missing:
                continue
            names = "、".join(f"{r.id} {r.label.split('（区分')[0]}" if r.label else r.id for r in missing)
            yield ctx.report(
                zh=f"{TABLE_NAMES[table.id]}缺少 {len(missing)} 行：{names}。",
                en=f"{table.id} lacks {len(missing)} row(s): {', '.join(r.id for r in missing)}.",
                span=table.span, expected=[r.id for r in missing],
            )


# --- numbering ---------------------------------------------------------------------------

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}
_CN = "[一二三四五六七八九十]{1,3}"
# Item markers, outermost first (the level is the index), each with the name of the group that
# holds its number. Each but the last opens a paragraph or a sentence (text extracted from a
# page may run a whole section into one line); the 一是/二是 enumeration runs inside sentences
# too.
_STYLES = (("一、", "cn"), ("(一)", "cn_paren"), ("1.", "arabic"), ("(1)", "arabic_paren"), ("一是", "cn_is"))
_LEVEL = {group: (level, style) for level, (style, group) in enumerate(_STYLES)}
# The four opening styles are one pattern (a regex call costs more than the alternation): after
# the blanks the next character tells which one it is; the group that took part names the style.
# It is tried only where the paragraph or a sentence opens, not scanned for: a marker holds no
# character that ends a sentence, so none starts inside another.
_OPENING = regex.compile(
    rf"\s*(?:(?P<cn>{_CN})、|\(\s*(?:(?P<cn_paren>{_CN})|(?P<arabic_paren>\d{{1,2}}))\s*\)"
    rf"|(?P<arabic>\d{{1,2}})\s*[.、](?!\d))"
)
_SENTENCE_END = re.compile("[。；;!?！？]")  # standard ``re``: a plain class
_ENUMERATION = regex.compile(rf"(?:^|(?<=[\s,.;:，。；：、]))(?P<cn_is>{_CN})是(?!否)")
# The characters one of which ends every marker of each kind. The search stops one character
# (what the lookahead reads) after the last of them, and a paragraph without any is not
# searched: the text after the last marker (most of a paragraph "(二)依申请公开。…") costs a
# regex as much per character whether or not it can match.
_OPENING_ENDS = (")", "、", ".")
_ENUMERATION_END = "是"


def _openings(text: str, end: int) -> Iterator[regex.Match]:
    """The opening markers of ``text[:end]``: at its start and after each sentence end."""
    for start in (0, *(m.end() for m in _SENTENCE_END.finditer(text, 0, end))):
        m = _OPENING.match(text, start, end)
        if m:
            yield m


def cn_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23; 0 for what is no number ("十一十", "一二"),
    which the marker patterns admit and no list numbers with."""
    if "十" not in text:
        return _CN_DIGITS.get(text, 0) if len(text) == 1 else 0
    tens, _, ones = text.partition("十")
    tens_value = _CN_DIGITS.get(tens, 0) if tens else 1
    ones_value = _CN_DIGITS.get(ones, -1) if ones else 0
    return tens_value * 10 + ones_value if tens_value and ones_value >= 0 else 0


def _number(value: str) -> int:
    return int(value) if value.isdigit() else cn_number(value)


def _markers(paragraph: Paragraph) -> Iterator[tuple[int, str, int, regex.Match]]:
    """(level, style, number, match) for each item marker of the paragraph, in text order."""
    text = paragraph.text
    found = []
    last = max(map(text.rfind, _OPENING_ENDS))
    openings = _openings(text, last + 2) if last >= 0 else ()
    last = text.rfind(_ENUMERATION_END)
    enumerations = _ENUMERATION.finditer(text, 0, last + 2) if last >= 0 else ()
    for m in itertools.chain(openings, enumerations):
        level, style = _LEVEL[m.lastgroup]
        found.append((m.start(), level, style, _number(m[m.lastgroup]), m))
    for _, level, style, number, m in sorted(found, key=lambda f: f[0]):
        if number:
            yield level, style, number, m


def _format_marker(style: str, number: int) -> str:
    if style in ("1.", "(1)"):
        return style.replace("1", str(number))
    cn = "零一二三四五六七八九"
    text = cn[number] if number < 10 else ("十" if number < 20 else cn[number // 10] + "十") + (cn[number % 10] if number % 10 else "")
    return style.replace("一", text)


class Numbering(Rule):
    """The numbered items inside a section skip a number or repeat one.

    Sections number their items "(一)(二)(三)", "1. 2. 3.", "一、二、" or "一是、二是"; a sub-list
    restarts when its parent item changes. A gap ("1." then "3.") shows an item was lost or
    moved; a repeat ("(一)存在的主要问题 … (一)改进情况") shows a numbering slip that confuses
    readers. A list that starts again at 1 after other items is taken as a new list, not as an
    error. It is a warning: the text is incomplete or careless, not wrong (conventions: numbering).

    Example: seed 003, section 五 lists "1. 2." then under "(二)下步工作努力方向" "1. 3. 4.":
    item 2 is missing (it stands after the table debris at the end of the file).
    """

    code = "S207"
    name = "numbering"
    family = "structure"
    severity = "warning"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        for section in doc.sections:
            yield from self._check_section(section, ctx)

    def _check_section(self, section: Section, ctx: Context) -> Iterator:
        last: dict[int, int] = {}  # level -> last number seen since its parent changed
        for paragraph in section.paragraphs:
            for level, style, number, m in _markers(paragraph):
                for deeper in [k for k in last if k > level]:
                    del last[deeper]
                previous = last.get(level)
                last[level] = number
                if previous is None or number == previous + 1 or (number == 1 and previous != 1):
                    continue
                expected = _format_marker(style, previous + 1)
                written = m[0].strip()
                if number == previous:
                    zh = f"第{section.key}部分编号重复：“{written}”紧接在同级的“{_format_marker(style, previous)}”之后，应为“{expected}”。"
                    en = (f"Section {section.key}: the numbering repeats: '{written}' follows "
                          f"'{_format_marker(style, previous)}' at the same level; expected '{expected}'.")
                else:
                    zh = f"第{section.key}部分编号不连续：同级上一项为“{_format_marker(style, previous)}”，此处为“{written}”，应为“{expected}”。"
                    en = (f"Section {section.key}: the numbering is not continuous: the previous item at this "
                          f"level is '{_format_marker(style, previous)}', this one '{written}'; expected '{expected}'.")
                yield ctx.report(zh=zh, en=en, span=paragraph.span_of(m.start(), m.end()),
                                 expected=expected, actual=written)
