"""Narrative: figures and statements in the text that contradict the tables (domain.md §3.4,
X-NARR-APP, X-NARR-LIT).

Precision first. A figure is read only where the sentence says what it counts: the number must
follow its keyword inside the same clause with no other topic in between ("不满行政复议结果后提起
行政诉讼1件" is a lawsuit, not a review), and must carry a counting unit (件/起). Verbs that do not
say which applications they count ("办理72件", "已答复70件") are not read. A figure is compared
only when every table cell it needs is present: a blank cell leaves the comparison undetermined.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import regex

from govlint.rule import CellAddress, Context, Document, LazyPattern, Paragraph, Rule, T2_OUTCOME_ROWS, Table

from ._memo import per_document

_STOP = r"\d,，。;；:：、!?！？"  # a gap never crosses a number or a clause boundary
_CLAUSE_MARKS = ",，。;；:："
_CLAUSE_START = regex.compile(f"[{_CLAUSE_MARKS}]")
_LIST_ITEM = regex.compile(r"[,，。;；:：、\d]")
_UNIT = r"\s*(?:件|起|宗|例)"
_DIGIT = regex.compile(r"\d")  # every pattern that reads a figure needs one
# Plain alternations of words and a plain character class, which mean the same to the standard
# ``re``, whose scan costs ~40 % of the regex module's: these are asked of most paragraphs of
# every report.
_ABOUT_DISCLOSURE = re.compile("信息公开|依申请|政务公开")
_SENTENCE = re.compile(r"[^。;；!?！？\n]+")


def _gap(limit: int, blocked: str = "") -> str:
    """Up to ``limit`` characters inside the clause, none of them starting a ``blocked`` word."""
    guard = f"(?!{blocked})" if blocked else ""
    return rf"(?:{guard}[^{_STOP}]){{0,{limit}}}?"


class Target(NamedTuple):
    """What a figure is compared with: the sum of some cells of one table."""

    table: str
    cells: tuple[tuple[str, str], ...]  # (row ID, column ID)
    zh: str
    en: str
    address: bool = True  # point the finding at a cell (False for a group of rows)
    also: tuple[tuple[tuple[str, str], ...], ...] = ()  # other readings the figure may have


class Claim(NamedTuple):
    target: Target
    value: int
    paragraph: Paragraph
    start: int
    end: int
    sentence: str
    statement: str | None = None  # "未发生…" / "所有申请均已办结": said in words, not as a number


OUTCOMES = {"予以公开": "R3.1", "部分公开": "R3.2", "不予公开": "R3.3", "无法提供": "R3.4", "不予处理": "R3.5",
            "其他处理": "R3.6"}
_OUTCOME_WORD = "|".join(OUTCOMES)
_OUTCOME_WORDS = regex.compile(_OUTCOME_WORD)
_OUTCOME_EN = {"R3.1": "disclosed", "R3.2": "partly disclosed", "R3.3": "withheld", "R3.4": "cannot be provided",
               "R3.5": "not processed", "R3.6": "otherwise handled"}

_RECEIVED = regex.compile(
    rf"(?:收到|接收|受理|新收|共收){_gap(20, '复议|诉讼|起诉|结转|上年|上一年|去年|同比|较')}申请"
    rf"{_gap(8, '复议|诉讼')}(?P<n>\d+){_UNIT}")
_CARRIED_IN = regex.compile(rf"(?:上年|上一年度?|上年度|去年)结转{_gap(12)}(?P<n>\d+){_UNIT}")
_DONE = regex.compile(rf"办结{_gap(10, '率')}(?P<n>\d+){_UNIT}")
_OUTCOME = regex.compile(
    rf"(?P<names>(?:{_OUTCOME_WORD})(?:(?:及|和|与|、|或)(?:{_OUTCOME_WORD}))*){_gap(8)}(?P<n>\d+){_UNIT}")
_REVIEW = regex.compile(rf"行政复议(?:案件|申请)?{_gap(10, '诉讼|起诉')}(?P<n>\d+){_UNIT}")
_LAWSUIT = regex.compile(rf"(?:行政诉讼|起诉)(?:案件)?{_gap(10, '复议')}(?P<n>\d+){_UNIT}")
_BOTH = regex.compile(rf"行政复议(?:案件)?(?:和|及|与|、)行政诉讼(?:案件)?{_gap(4)}(?:均|都)为?(?P<n>\d+){_UNIT}")
_NONE_HAPPENED = regex.compile(
    rf"(?:未发生|没有发生|未出现|没有出现|未收到|未产生|未涉及|未被|没有被|无)[^{_STOP}]{{0,25}}?(?:复议|诉讼)"
    rf"[^{_STOP.replace('、', '')}]*")
_NONE_RECEIVED = regex.compile(
    rf"(?:未|没有)(?:收到|接到|受理){_gap(16, '复议|诉讼|起诉|上年|上一年|去年')}申请(?![^{_STOP}]{{0,6}}\d)")
_ALL_DONE = regex.compile(
    rf"(?:所有|全部)[^{_STOP}]{{0,10}}?申请[^{_STOP}]{{0,12}}?(?:办结|办理完成|办理完毕|答复完毕)")
_NORMATIVE = regex.compile(  # "制发规范性文件3件" or "规范性文件制发3件": the figure is stated once
    rf"(?:(?:制发|印发|出台|制定)了?(?:行政)?规范性文件{_gap(6, '废止|现行|有效|清理')}"
    rf"|(?:行政)?规范性文件(?:制发|印发|出台|制定){_gap(4)})(?P<n>\d+)\s*(?:件|个|份)")
_T1_KINDS = {"行政许可": "R5.1", "行政处罚": "R6.1", "行政强制": "R6.2"}  # and their Table 1 rows
_T1_DECISIONS = regex.compile(
    rf"(?P<kind>行政许可|行政处罚|行政强制)(?:决定|案件)?{_gap(6, '事项|项目|受理|申请|同比|较')}(?P<n>\d+)\s*(?:件|个)")


def _carried_out(year: int | None) -> list[regex.Pattern]:
    """结转下年度: "结转下年度继续办理1件", "2件结转2025年办理", "转下一年度办理答复的有1件"."""
    nxt = rf"(?:下一?年度?|{year + 1}年度?)" if year else r"下一?年度?"
    return [regex.compile(rf"(?:结转|转入|转)(?:至|到)?{nxt}{_gap(12)}(?P<n>\d+){_UNIT}"),
            # (?<!\d): from a number's start only, not its every digit (quadratic on a long run)
            regex.compile(rf"(?<!\d)(?P<n>\d+){_UNIT}{_gap(4)}(?:结转|转入|转)(?:至|到)?{nxt}")]


@functools.lru_cache(maxsize=64)  # a handful of formats times ten keys
def _t2(fmt: str, key: str) -> Target:
    """Table 2 总计 column of one row ("R1") or of a group of outcome rows ("R3.3")."""
    rows = T2_OUTCOME_ROWS.get(fmt, T2_OUTCOME_ROWS["2021"])
    group = [r for r in rows if r == key or r.startswith(key + ".")]
    labels = {"R1": ("一、本年新收政府信息公开申请数量", "R1 new applications"),
              "R2": ("二、上年结转政府信息公开申请数量", "R2 carried over from last year"),
              "R3.7": ("（七）总计", "R3.7 total handled"),
              "R4": ("四、结转下年度继续办理", "R4 carried forward")}
    if key in labels:
        zh, en = labels[key]
        # "受理/收到申请749件" sometimes counts the applications carried over too (R1 + R2).
        also = ((("R1", "C7"), ("R2", "C7")),) if key == "R1" else ()
        return Target("T2", ((key, "C7"),), f"表二“{zh}”总计（T2 {key} C7）", f"Table 2 {en} (T2 {key} C7)",
                      also=also)
    name = next(word for word, row in OUTCOMES.items() if row == key)
    if len(group) == 1:
        return Target("T2", ((key, "C7"),), f"表二“{name}”总计（T2 {key} C7）",
                      f"Table 2 {_OUTCOME_EN[key]} (T2 {key} C7)")
    return Target("T2", tuple((r, "C7") for r in group), f"表二“{name}”各项总计之和（T2 {group[0]}–{group[-1]} C7）",
                  f"Table 2 {_OUTCOME_EN[key]}, sum of T2 {group[0]}–{group[-1]} C7", address=False)


_REVIEW_TARGET = Target("T3", (("R1", "A5"),), "表三“行政复议 总计”（T3 A5）", "Table 3 reviews total (T3 A5)")
_LAWSUIT_TARGETS = {
    "direct": Target("T3", (("R1", "B5"),), "表三“未经复议直接起诉 总计”（T3 B5）",
                     "Table 3 direct lawsuits total (T3 B5)"),
    "after": Target("T3", (("R1", "C5"),), "表三“复议后起诉 总计”（T3 C5）",
                    "Table 3 lawsuits after review total (T3 C5)"),
    "all": Target("T3", (("R1", "B5"), ("R1", "C5")), "表三行政诉讼总数（T3 B5 未经复议直接起诉 + C5 复议后起诉）",
                  "Table 3 lawsuits (T3 B5 direct + C5 after review)"),
}


@functools.lru_cache(maxsize=32)  # a handful of formats times four rows
def _t1(fmt: str, row: str, name: str) -> Target:
    # 2021: C1 is 本年制发件数 / 本年处理决定数量; 2019: C1 本年新制作数量 for 规范性文件 and C3
    # 处理决定数量 for 许可/处罚/强制.
    column = "C3" if fmt == "2019" and row != "R1.2" else "C1"
    return Target("T1", ((row, column),), f"表一“{name}”（T1 {row} {column}）", f"Table 1 {name} (T1 {row} {column})")


# The figure patterns and their targets depend only on the format, the year and whether the
# paragraph is about disclosure: built (and the year's patterns compiled) once, not per sentence.
# Four formats, two kinds of paragraph and the dozen years a corpus spans: 128 entries. Each
# comes with a word every match of it holds: a sentence without the word is not scanned.
@functools.lru_cache(maxsize=128)
def _figure_patterns(fmt: str, year: int | None,
                     about_disclosure: bool) -> tuple[tuple[regex.Pattern, str, Target], ...]:
    numeric = [(_RECEIVED, "申请", _t2(fmt, "R1")), (_CARRIED_IN, "结转", _t2(fmt, "R2"))]
    numeric += [(p, "转", _t2(fmt, "R4")) for p in _carried_out(year)]
    if about_disclosure:
        numeric += [(_DONE, "办结", _t2(fmt, "R3.7")), (_REVIEW, "行政复议", _REVIEW_TARGET)]
    numeric.append((_NORMATIVE, "规范性文件", _t1(fmt, "R1.2", "行政规范性文件 本年制发件数")))
    return tuple(numeric)


# Every pattern above needs one of these words: a sentence without any (most of a report) is
# not searched a dozen times for nothing. A new pattern adds its word here. Words only: ``re``
# (see _ABOUT_DISCLOSURE).
_CLAIM_WORD = re.compile(f"申请|转|办结|复议|诉讼|起诉|规范性文件|行政许可|行政处罚|行政强制|{_OUTCOME_WORD}")
_AFTER_REVIEW = regex.compile(r"复议[^和及与、]{0,6}后|(?:不服|不满)[^和及与、]{0,12}复议")
# A denial of an outcome or a phrase that only looks like one, not a denial of the cases.
_NOT_A_DENIAL = LazyPattern(r"^(?:无论|无法|无正当)|未经复议|尚未|审结|纠错|纠正|败诉|撤销|违法")
_LITIGATION = LazyPattern("诉讼|起诉")


def _lawsuit_kind(clause_before: str) -> str:
    if "未经复议" in clause_before or clause_before.endswith("直接"):
        return "direct"
    # "不满行政复议结果后提起", "复议后", "不服复议决定": not "行政复议和行政诉讼".
    if _AFTER_REVIEW.search(clause_before):
        return "after"
    return "all"


def _paragraphs(doc: Document) -> Iterator[tuple[str | None, Paragraph]]:
    """(section key or None for the preamble, paragraph) in reading order."""
    for block in doc.preamble:
        if isinstance(block, Paragraph):
            yield None, block
    for section in doc.sections:
        yield section.key, section.heading
        for paragraph in section.paragraphs:
            yield section.key, paragraph


@per_document  # N601, N602 and N603 each ask for the same document's
def claims(doc: Document) -> tuple[Claim, ...]:
    """Every figure and statement of the narrative that a table can confirm. Within a sentence,
    several different figures for the same cell describe parts ("市本级收到申请300件，各县区收到
    申请700件") or other years: none of them is taken."""
    return tuple(_claims(doc))


def _claims(doc: Document) -> Iterator[Claim]:
    for key, paragraph in _paragraphs(doc):
        text = paragraph.text
        if text.count("|") >= 2:  # a table row read as text: its numbers are not narrative
            continue
        if not _CLAIM_WORD.search(text):
            continue
        # 办结, 复议 and 诉讼 are read only where the paragraph is about disclosure: a 司法局 also
        # reports the reviews it decides as the review body.
        about_disclosure = key == "四" or _ABOUT_DISCLOSURE.search(text) is not None
        for sentence in _SENTENCE.finditer(text):
            if not _CLAIM_WORD.search(sentence.group()):
                continue
            found = list(_sentence_claims(doc, paragraph, sentence, about_disclosure))
            values: dict[Target, list[Claim]] = {}
            for claim in found:
                values.setdefault(claim.target, []).append(claim)
            for same in values.values():
                if len({c.value for c in same}) == 1:
                    yield same[0]  # one fact, however many patterns read it


def _sentence_claims(doc, paragraph, sentence, about_disclosure) -> Iterator[Claim]:
    s, base = sentence.group(), sentence.start()
    fmt = doc.format
    figures = _DIGIT.search(s) is not None

    def claim(target: Target, m: regex.Match, value: int | None = None, statement: str | None = None) -> Claim:
        group = "n" if statement is None else 0
        return Claim(target, int(m["n"]) if value is None else value, paragraph, base + m.start(group),
                     base + m.end(group), s.strip(), statement)

    def part_of_a_total(m: regex.Match) -> bool:
        """"共收到申请100件，其中市政府办公室收到申请50件": a figure after 其中 counts a part."""
        return s[_clause_start(s, m.start()):m.start()].lstrip().startswith("其中")

    # Each pattern is tried only where the sentence holds a word all its matches hold.
    for pattern, word, target in _figure_patterns(fmt, doc.report_year, about_disclosure) if figures else ():
        if word not in s:
            continue
        for m in pattern.finditer(s):
            # "其中…2件结转下年度" is the carried forward of the whole: 其中 only splits counts
            # that a sentence gives in parts.
            if target.cells == (("R4", "C7"),) or not part_of_a_total(m):
                yield claim(target, m)
    for m in _OUTCOME.finditer(s) if figures and any(map(s.__contains__, OUTCOMES)) else ():
        targets = [_t2(fmt, OUTCOMES[w]) for w in _OUTCOME_WORDS.findall(m["names"])]
        if len(targets) == 1:
            yield claim(targets[0], m)
        else:  # "予以公开及部分公开42件": one figure for several outcomes
            yield claim(Target("T2", tuple(c for t in targets for c in t.cells), "、".join(t.zh for t in targets),
                               " + ".join(t.en for t in targets), address=False), m)
    for m in _LAWSUIT.finditer(s) if figures and about_disclosure and "诉" in s else ():  # 行政诉讼, 起诉
        if part_of_a_total(m):
            continue
        # The clause before the keyword, back to the previous figure or list item: in "行政复议案件
        # 2件、行政诉讼案件7件" the 复议 belongs to the previous item, not to the lawsuits.
        clause_start = max((c.end() for c in _LIST_ITEM.finditer(s, 0, m.start())), default=0)
        yield claim(_LAWSUIT_TARGETS[_lawsuit_kind(s[clause_start:m.start()])], m)
    for m in _BOTH.finditer(s) if figures and about_disclosure and "行政诉讼" in s else ():  # "行政复议和行政诉讼均为0件"
        yield claim(_REVIEW_TARGET, m)
        yield claim(_LAWSUIT_TARGETS["all"], m)
    for m in _T1_DECISIONS.finditer(s) if figures and any(map(s.__contains__, _T1_KINDS)) else ():
        row = _T1_KINDS[m["kind"]]
        yield claim(_t1(fmt, row, f"{m['kind']} 本年处理决定数量"), m)
    denies = "未" in s or "没有" in s or "无" in s  # the two denials below open with one of these
    for m in _NONE_HAPPENED.finditer(s) if about_disclosure and denies and ("复议" in s or "诉讼" in s) else ():
        # "未发生被行政复议纠错的情况" denies an outcome, not the reviews themselves.
        if _NOT_A_DENIAL.search(m.group()):
            continue
        if "复议" in m.group():
            yield claim(_REVIEW_TARGET, m, 0, m.group())
        if _LITIGATION.search(m.group()):
            yield claim(_LAWSUIT_TARGETS["all"], m, 0, m.group())
    for m in _NONE_RECEIVED.finditer(s) if denies and "申请" in s else ():
        yield claim(_t2(fmt, "R1"), m, 0, m.group())
    for m in _ALL_DONE.finditer(s) if "申请" in s and ("所有" in s or "全部" in s) else ():
        yield claim(_t2(fmt, "R4"), m, 0, m.group())


def table_value(doc: Document, target: Target, cells=None) -> tuple[int | float, list] | None:
    """The sum of the target's cells (or of ``cells``) and the cells, or None when a cell is
    absent or blank."""
    table = doc.table(target.table)
    if table is None:
        return None
    found = [table.cell(row, column) for row, column in cells or target.cells]
    if any(c is None or c.missing for c in found):
        return None
    if target.table == "T2" and not all(_row_adds_up(table, c.row) for c in found):
        return None
    return sum(c.value for c in found), found


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` starts: after the last clause mark before it, or 0."""
    return max(map(text[:position].rfind, _CLAUSE_MARKS)) + 1


def _clause(claim: Claim) -> str:
    """The clause around a figure, to quote in the message (the sentence may be long)."""
    text = claim.paragraph.text
    end = _CLAUSE_START.search(text, claim.end)
    return text[_clause_start(text, claim.start):end.start() if end else len(text)].strip()


_T2_COLUMNS = tuple(f"C{i}" for i in range(1, 8))


def _row_adds_up(table: Table, row_id: str) -> bool:
    """A Table 2 row whose 总计 is not the sum of its six columns contradicts itself (A103 says
    so); which of its numbers the text should match is then unknown."""
    by_column = {c.column: c.value for c in reversed(table.row(row_id).cells)}  # a column's first cell wins
    values = [by_column[column] for column in _T2_COLUMNS if column in by_column]
    if len(values) < len(_T2_COLUMNS) or None in values:  # a cell absent or blank
        return False
    return sum(values[:6]) == values[6]


class _NarrativeRule(Rule):
    table: str

    def check(self, doc: Document, ctx: Context) -> Iterable:
        for claim in claims(doc):
            if claim.target.table != self.table:
                continue
            found = table_value(doc, claim.target)
            if found is None or found[0] == claim.value:
                continue
            if any((other := table_value(doc, claim.target, also)) and other[0] == claim.value
                   for also in claim.target.also):
                continue
            total, cells = found
            cell = None
            if claim.target.address:
                cell = next((c for c in cells if c.value), cells[0])
                cell = CellAddress(cell.table, cell.row, cell.column)
            clause = _clause(claim)
            said_zh = f"“{claim.statement}”" if claim.statement else f"{claim.value} 件（“{clause}”）"
            said_en = f"'{claim.statement}'" if claim.statement else f"{claim.value} ('{clause}')"
            yield ctx.report(
                zh=f"正文称 {said_zh}，但{claim.target.zh}为 {total}。",
                en=f"The text says {said_en}, but {claim.target.en} is {total}.",
                span=claim.paragraph.span_of(claim.start, claim.end), cell=cell,
                expected=total, actual=claim.value, anchor=claim.sentence,
            )


class NarrativeApplications(_NarrativeRule):
    """A figure the text gives for applications contradicts Table 2 (总计 column): 新收/收到
    (R1), 上年结转 (R2), 办结 (R3.7), 结转下年度 (R4), and the outcomes 予以公开 (R3.1), 部分公开
    (R3.2), 不予公开 (sum of R3.3.*), 无法提供 (R3.4.*), 不予处理 (R3.5.*), 其他处理 (R3.6.*, the
    single R3.6 in the 2019 format); "所有申请均已办结" says R4 is 0, "未收到政府信息公开申请" that
    R1 is 0.

    Authority: the text and Table 2 report the same applications (国办公开办函〔2021〕30号 asks for
    accurate data); one of them is wrong. Only figures whose sentence says what they count are
    read ("办理72件，其中已答复70件、2件结转" reads only the 2 carried forward); a figure after 其中,
    or one of several figures for the same cell in a sentence, counts a part and is not read; a
    blank cell, or a row whose 总计 is not the sum of its columns, leaves the figure unchecked.

    Example: "全区共接收政府信息公开申请52件" with T2 R1 C7 = 51.
    """

    code = "N601"
    name = "narrative-applications"
    family = "narrative"
    severity = "error"
    table = "T2"


class NarrativeReviewLitigation(_NarrativeRule):
    """A figure or statement of the text on 行政复议 or 行政诉讼 contradicts Table 3: 行政复议 N件
    against A5, 行政诉讼 N件 against B5 + C5 (未经复议直接起诉 against B5; 复议后起诉 or
    "不满复议结果后提起诉讼" against C5), and "未发生行政复议和诉讼" against 0.

    Authority: section 四 and the text report the same cases (国办公开办函〔2021〕30号 and the 2019
    format; the table has no overall 行政诉讼 column, so the narrative total is B5 + C5).

    Example: seed 003 says "未发生有关政府信息公开事务的行政复议和诉讼案件" while Table 3 shows 3
    lawsuits filed directly (B5 = 3).
    """

    code = "N602"
    name = "narrative-review-litigation"
    family = "narrative"
    severity = "error"
    table = "T3"


class NarrativeTable1(_NarrativeRule):
    """A figure of the text contradicts Table 1: 制发/印发 (行政)规范性文件 N件 against 本年制发件数
    (2019 format: 本年新制作数量), and 行政许可 / 行政处罚 / 行政强制 N件 against the 本年处理决定数量.

    Authority: Table 1 and the text report the same year (国办公开办函〔2021〕30号 §一(二)); counts
    of 事项 (items) are not decisions and are not compared.

    Example: seed 001 says "制发行政规范性文件12件" while T1 R1.2 C1 (行政规范性文件 本年制发件数) is 11.
    """

    code = "N603"
    name = "narrative-table1"
    family = "narrative"
    severity = "error"
    table = "T1"
