"""Year: the years a report's sentences tell of agree with the year it reports on (domain.md
§1.3, §3.4 X-YEAR). A copied-over report keeps last year's "2023年，我局…"."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from govlint.model import Paragraph
from govlint.rule import Context, Document, LazyPattern, Rule

# A sentence that opens with its year as the time of what it tells: "2024年，我局…",
# "(二)依申请公开:2024年度共收到…", "2023年全年…". The year must open the sentence (after an
# optional item marker), so years inside a sentence ("较2023年增长", "结转2025年办理") are not read.
_SENTENCE_YEAR = regex.compile(
    r"(?:^|(?<=[。；;！!？?:：]))\s*(?:[(]?[一二三四五六七八九十\d]{1,3}[)、.]\s*[^,，。；:：]{0,12}[:：]\s*)?"
    r"(?P<year>(?:19|20)\d{2})\s*年度?(?=\s*(?:[,，]|全年|以来|上半年|下半年|[我本全该]|共|累计|期间))"
)
# What makes another year right in that sentence: the next year for plans and carry-over, an
# earlier one for a comparison or a history.
_FUTURE = LazyPattern(r"将|计划|拟|下一步|继续|持续|力争|进一步|结转|打算|预计|着力|重点")
_PAST = LazyPattern(r"同比|上年|去年|上一年|较|相比|比上|以来|此前|历年|截至|回顾|分别")
_SENTENCE_END = regex.compile(r"[。！!？?]")  # a clause after "；" still reads with its sentence


def _sentence(text: str, start: int) -> str:
    """The sentence of ``text`` that starts at ``start``."""
    m = _SENTENCE_END.search(text, start)
    return text[start:m.end() if m else len(text)]


def _only_year(text: str, year: int) -> bool:
    """Whether every "19"/"20" of ``text`` lies in an occurrence of the four digits of ``year``:
    then every year a sentence can open with is ``year`` (one starting inside an occurrence
    follows a digit, and a sentence's year never does). Counts cost a fraction of the scan."""
    digits = str(year)
    return (len(digits) == 4 and digits.isdigit()
            and text.count("19") + text.count("20") == text.count(digits) * (digits.count("19") + digits.count("20")))


def other_years(paragraph: Paragraph, report_year: int) -> Iterator[tuple[int, regex.Match]]:
    """(year, match) for every sentence of the paragraph that opens with a year other than
    ``report_year``; the sentence is ``_sentence(paragraph.text, match.start("year"))``."""
    text = paragraph.text
    if "年" not in text or _only_year(text, report_year):  # every year read is followed by 年
        return
    for m in _SENTENCE_YEAR.finditer(text):
        year = int(m["year"])
        if year != report_year:
            yield year, m


def year_is_explained(year: int, report_year: int, sentence: str) -> bool:
    if year == report_year + 1:
        return bool(_FUTURE.search(sentence))
    if year < report_year:
        return bool(_PAST.search(sentence))
    return False


class TextYear(Rule):
    """A sentence of the report tells of another year as if it were the report's.

    A sentence that opens with its year ("2023年，我局…") tells what happened in that year. In a
    report on 2024 that is a sentence copied from last year's report, or a typo. The next year
    is fine where the sentence speaks of plans or carry-over ("2025年，我们将…"), an earlier year
    where it compares or looks back ("2023年以来", "同比"). Only sentence-opening years are read,
    never a year inside a sentence ("较2023年增长", "结转2025年办理"), so a finding is almost
    certainly a wrong year (conventions: a wrong year is an error). The report year is the year
    in the title, or the statistical period's. Authority: the report covers the calendar year
    before its publication (条例 第四十九条; 国办公开办函〔2021〕30号 §一(二), data as at 12月31日
    of the report year).

    The statistical period against the report year is D302 (period-not-report-year), the
    publication date against it D305.

    Example: a 2024 report whose section 五 begins "2023年，我局政府信息公开工作取得一定成效".
    """

    code = "Y501"
    name = "text-year"
    family = "year"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        report_year = doc.report_year
        if report_year is None:
            return
        title_line = doc.title.span.line if doc.title is not None and doc.title.span else None
        for paragraph in doc.paragraphs():
            if paragraph.span.line == title_line:
                continue
            for year, m in other_years(paragraph, report_year):
                sentence = _sentence(paragraph.text, m.start("year"))
                if year_is_explained(year, report_year, sentence):
                    continue
                yield ctx.report(
                    zh=f"本报告为{report_year}年度报告，此句却以“{m['year']}年”开头叙述当年工作："
                       f"“{sentence[:40]}{'…' if len(sentence) > 40 else ''}”。",
                    en=f"This is the {report_year} report, but this sentence tells of {m['year']}: "
                       f"'{sentence[:40]}{'…' if len(sentence) > 40 else ''}'.",
                    span=paragraph.span_of(m.start("year"), m.end("year")),
                    expected=report_year, actual=year,
                )



# The preamble's sentences that say what the report is: "现就2024年度…工作情况报告如下",
# "本报告…2024年度政府信息公开工作…". A year there that is not followed by a month is the year
# the report says it covers; titles of cited documents (《…》) do not count.
_SAYS_WHAT = LazyPattern(r"本报告|本年报|现就|报告如下|向社会公布|予以公布|特此报告")
_YEAR_NOT_DATE = LazyPattern(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年度?(?!\s*\d{1,2}\s*月)")
_CITED = LazyPattern(r"《[^》]*》")


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield start, text[start:m.end()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


class PreambleYear(Rule):
    """The introduction says the report covers another year than its title.

    The preamble tells what the report is ("现就2024年度政府信息公开工作情况报告如下",
    "本报告由…编制…2024年度…"). A year there that differs from the title's is left over from an
    earlier report (or the title is wrong). Only sentences that describe the report itself are
    read, dates (a year followed by a month) and titles of cited documents (《…》) are not: the
    statistical period is D302's, and a cited notice may well be of another year. Authority:
    the report covers one calendar year (条例 第四十九条; 国办公开办函〔2021〕30号 §一(二)).

    Example: title "…2024年政府信息公开工作年度报告", preamble "现就2023年度本机关政府信息公开工作情况
    报告如下".
    """

    code = "Y502"
    name = "preamble-year"
    family = "year"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        if doc.title is None or doc.year is None:
            return
        report_year = doc.year.value
        title_line = doc.title.span.line if doc.title.span else 0
        for block in doc.preamble:
            if not isinstance(block, Paragraph) or block.span.line <= title_line:
                continue
            for start, sentence in _sentences(block.text):
                if "年" not in sentence or not _SAYS_WHAT.search(sentence):  # every year read has its 年
                    continue
                cited = _CITED.sub(lambda m: " " * len(m[0]), sentence) if "《" in sentence else sentence  # keep offsets
                for m in _YEAR_NOT_DATE.finditer(cited):
                    year = int(m["year"])
                    if year == report_year:
                        continue
                    yield ctx.report(
                        zh=f"标题为{report_year}年度报告，导言却称本报告涉及“{m[0].strip()}”。",
                        en=f"The title names the {report_year} report, but the introduction speaks of {year}.",
                        span=block.span_of(start + m.start("year"), start + m.end("year")),
                        expected=report_year, actual=year,
                    )


class TitleYear(Rule):
    """The title names another year than the one the report is about.

    The report year is what most of the title, the statistical period and the publication date
    say (a report is published early in the year after the one it covers). When the title is
    the odd one out, it is most likely last year's title left in place, and the finding points at
    its year. Authority: the report covers one calendar year (条例 第四十九条; 国办公开办函〔2021〕30号
    §一(二)).

    Example: title "…2023年政府信息公开工作年度报告", period "2024年1月1日至2024年12月31日",
    published 2025-01-20.
    """

    code = "Y503"
    name = "title-year"
    family = "year"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        if doc.title_year is None or doc.year is None or doc.title_year.value == doc.year.value:
            return
        title_year, report_year = doc.title_year.value, doc.year.value
        yield ctx.report(
            zh=f"标题写的是{title_year}年，但统计期限和发布日期表明本报告是{report_year}年度报告。",
            en=f"The title names {title_year}, but the statistical period and publication date show a {report_year} report.",
            span=doc.title_year.span, expected=report_year, actual=title_year,
        )
