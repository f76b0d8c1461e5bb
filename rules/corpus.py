"""Corpus rules: defects that show only side by side, across years and across the units of a
region. They see report summaries (``govlint.corpus.ReportSummary``) grouped by a ``Corpus``:
``corpus.previous(report)`` is the same agency's report for the year before, ``corpus.regions``
come from the mapping file."""

from __future__ import annotations

from collections.abc import Iterable

from govlint.rule import (SCHEMAS, CellAddress, CorpusContext, CorpusRule, Finding, LazyPattern, label_key,
                          t1_column_label)

_APPLICANTS = ("C1", "C2", "C3", "C4", "C5", "C6")
_DIGITS = LazyPattern(r"\d+")


def cell_label(fmt: str, address: CellAddress) -> str:
    """"T2 一、本年新收政府信息公开申请数量 / 自然人" for a message."""
    schema = SCHEMAS.get(fmt) or SCHEMAS["2021"]
    table = schema.table(address.table)
    row = table.row(address.row)
    if address.table == "T1":
        column = t1_column_label(fmt, address.row, address.column)
    else:
        column = table.column_label(address.column)
    if address.table == "T3":
        return f"{address.table} {column}"
    return f"{address.table} {row.label if row else address.row} / {column}"


class CarryOverMismatch(CorpusRule):
    """Table 2 row 二、上年结转政府信息公开申请数量 of one year must equal row
    四、结转下年度继续办理 of the same agency's report for the year before, column by column.

    Applications not finished at the end of a year are carried into the next one, so the two
    rows count the same applications (domain.md §3.4 X-CARRY; the rows are those of the format,
    F21 / F19). It is a warning, not an error: a reorganisation, a merger or a corrected
    last-year report breaks the equality legitimately. Each applicant column (C1 自然人 … C6 其他)
    is compared; 总计 (C7) only when no applicant column differs, since it follows from them. A
    missing cell in either report means the comparison is undetermined: no finding.

    Example: 平潭综合实验区 2023 R4 = 0 → 2024 R2 = 0 → 2025 R2 = 0 holds; a 2025 report with
    R2 自然人 0 after a 2024 report with R4 自然人 1 gets "上年结转 0，上一年度报告结转下年度 1".
    """

    code = "K801"
    name = "carry-over-mismatch"
    severity = "warning"
    compares_reports = True

    def check(self, corpus, ctx: CorpusContext) -> Iterable[Finding]:
        for report in corpus.reports:
            previous = corpus.previous(report)
            if previous is None:
                continue
            differing = [c for c in _APPLICANTS if _differs(report, previous, c)]
            if not differing and _differs(report, previous, "C7"):
                differing = ["C7"]
            for column in differing:
                now, before = report.value("T2", "R2", column), previous.value("T2", "R4", column)
                label = cell_label(report.format, CellAddress("T2", "R2", column)).split(" / ")[-1]
                yield ctx.report(
                    about=report,
                    cell=CellAddress("T2", "R2", column),
                    zh=f"{label}：上年结转 {now}，与 {previous.year} 年度报告“四、结转下年度继续办理” {before} 不一致",
                    en=f"{label}: carried over from last year {now}, but the {previous.year} report carried "
                       f"{before} into this year",
                    expected=before,
                    actual=now,
                    related=(ctx.related(previous, cell=CellAddress("T2", "R4", column),
                                         zh=f"{previous.year} 年度报告结转下年度 {before}",
                                         en=f"{previous.year} report: carried into next year {before}"),),
                )


def _differs(report, previous, column: str) -> bool:
    now, before = report.value("T2", "R2", column), previous.value("T2", "R4", column)
    return now is not None and before is not None and now != before


class Section5Repeated(CorpusRule):
    """Section 五 (存在的主要问题及改进情况) is nearly identical to the same agency's text of the
    year before.

    The 2021 format forbids perfunctory text "including text repeated year after year"
    (不得出现敷衍了事甚至年年雷同现象, F21 §一(五)); §三 lists 内容雷同 among the failures that
    lead to accountability. The texts are compared after removing spaces, punctuation and
    numbers (a copy with the years bumped is still a copy), with an edit-distance similarity
    (RapidFuzz's normalised Indel ratio). Where "nearly identical" begins is a judgement, so
    this is a warning; the option ``corpus-similarity`` (default 90, in percent) sets the
    threshold. Texts shorter than 30 characters are not compared: "无" twice says nothing.

    Example: a 2025 section 五 that repeats the 2024 one with "2024年" changed to "2025年":
    "第五部分与 2024 年度报告相似度 98%".
    """

    code = "K802"
    name = "section5-repeated"
    severity = "warning"
    compares_reports = True

    MIN_LENGTH = 30

    def check(self, corpus, ctx: CorpusContext) -> Iterable[Finding]:
        from rapidfuzz import fuzz  # imported on first use: only corpus runs need it

        threshold = float(ctx.options.get("corpus-similarity", 90))
        for report in corpus.reports:
            previous = corpus.previous(report)
            if previous is None or not report.section5 or not previous.section5:
                continue
            now, before = _comparable(report.section5), _comparable(previous.section5)
            if min(len(now), len(before)) < self.MIN_LENGTH:
                continue
            score = fuzz.ratio(now, before)
            if score >= threshold:
                yield ctx.report(
                    about=report,
                    span=report.section5_span,
                    zh=f"第五部分“存在的主要问题及改进情况”与 {previous.year} 年度报告相似度 {score:.0f}%，"
                       "格式要求不得年年雷同",
                    en=f"Section 五 (main problems and improvements) is {score:.0f}% similar to the "
                       f"{previous.year} report; the format forbids text repeated year after year",
                    expected=f"< {threshold:.0f}%",
                    actual=f"{score:.0f}%",
                    related=(ctx.related(previous, span=previous.section5_span,
                                         zh=f"{previous.year} 年度报告的第五部分",
                                         en=f"section 五 of the {previous.year} report"),),
                )


def _comparable(text: str) -> str:
    return _DIGITS.sub("", label_key(text))


class RegulatoryStockDiscontinuity(CorpusRule):
    """Table 1 行政规范性文件: last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数
    should equal this year's 现行有效件数 (same agency, consecutive years, 2021 format).

    The stock of documents in force moves by what is issued and repealed. This is a heuristic,
    not an identity of the format (domain.md §3.3 T1-STOCK): documents also lapse when their
    validity ends, are amended, or are reclassified after a 清理, so it is a warning at most.
    The 2019 format's columns (本年新制作 / 本年新公开 / 对外公开总数) mean something else and are
    not compared; a missing cell makes the check undetermined.

    Example: 2022 现行有效 119, 2023 制发 10 and 废止 5, 2023 现行有效 150: "上年现行有效 119 +
    本年制发 10 − 本年废止 5 = 124，报告 150".
    """

    code = "K803"
    name = "regulatory-stock-discontinuity"
    severity = "warning"
    compares_reports = True

    def check(self, corpus, ctx: CorpusContext) -> Iterable[Finding]:
        for report in corpus.reports:
            previous = corpus.previous(report)
            if previous is None or report.format != "2021" or previous.format != "2021":
                continue
            before = previous.value("T1", "R1.2", "C3")
            issued, repealed, now = (report.value("T1", "R1.2", c) for c in ("C1", "C2", "C3"))
            if None in (before, issued, repealed, now):
                continue
            expected = before + issued - repealed
            if expected != now:
                yield ctx.report(
                    about=report,
                    cell=CellAddress("T1", "R1.2", "C3"),
                    zh=f"行政规范性文件现行有效件数不连续：上年现行有效 {before} + 本年制发 {issued} − 本年废止 {repealed}"
                       f" = {expected}，报告 {now}（文件也可能因有效期届满、清理而失效，请核实）",
                    en=f"行政规范性文件 in force does not follow from last year: {before} in force + {issued} issued "
                       f"− {repealed} repealed = {expected}, reported {now} (documents may also have lapsed; check)",
                    expected=expected,
                    actual=now,
                    related=(ctx.related(previous, cell=CellAddress("T1", "R1.2", "C3"),
                                         zh=f"{previous.year} 年度报告现行有效 {before}",
                                         en=f"{previous.year} report: {before} in force"),),
                )


class DuplicateReport(CorpusRule):
    """The same agency has two copies of the same report for one year (same body text and
    numbers; page headers may differ).

    Usually harmless: the report was published on two platforms, or collected twice. It is
    worth knowing, since the CASS evaluations criticise 多平台发布 with differing versions, and
    each copy is checked and counted separately. Info only.

    Example: ``portal/2024_nanguan.txt`` and ``mirror/2024_nanguan.txt`` with the same content.
    """

    code = "K804"
    name = "duplicate-report"
    severity = "info"
    compares_reports = True

    def check(self, corpus, ctx: CorpusContext) -> Iterable[Finding]:
        for first, other in _same_agency_year(corpus):
            if other.digest == first.digest:
                yield ctx.report(
                    about=other,
                    zh=f"与 {first.path} 是同一单位同一年度的相同报告（重复）",
                    en=f"The same report of the same agency and year as {first.path} (a duplicate)",
                    anchor=_file_name(first.path),  # a fingerprint per pair, not per report
                    related=(ctx.related(first, zh="相同的另一份报告", en="the other copy"),),
                )


class ConflictingVersions(CorpusRule):
    """The same agency has two different reports for one year: conflicting versions.

    An agency publishes one annual report a year (条例 第四十九条; F21 §二). Two reports whose
    text or numbers differ mean a corrected version, a draft published by mistake, or two
    agencies given the same name; a supervisor must know which one is valid, and 发布后有变动
    (changed after publication) is a defect the CASS evaluations name. The message lists the
    first table cells that differ. A warning: the mapping file can tell two agencies apart.

    Example: two 2024 reports of 南关街道 where Table 2 R1 自然人 is 0 in one and 1 in the other.
    """

    code = "K805"
    name = "conflicting-versions"
    severity = "warning"
    compares_reports = True

    SHOWN = 5  # differing cells named in the message

    def check(self, corpus, ctx: CorpusContext) -> Iterable[Finding]:
        for first, other in _same_agency_year(corpus):
            if other.digest == first.digest:
                continue
            differing = [(a, v, first.value(a.table, a.row, a.column)) for table in ("T1", "T2", "T3")
                         for a, v in other.present(table) if v != first.value(a.table, a.row, a.column)]
            if differing:
                shown = "；".join(f"{cell_label(other.format, a)}: {v} ≠ {w}" for a, v, w in differing[: self.SHOWN])
                more = len(differing) - self.SHOWN
                detail_zh = f"{len(differing)} 个表格数值不同：{shown}" + (f"；另有 {more} 处" if more > 0 else "")
                detail_en = f"{len(differing)} table value(s) differ: {shown}" + (f"; {more} more" if more > 0 else "")
            else:
                detail_zh, detail_en = "表格数值相同，正文不同", "the same table values, different text"
            cell = differing[0][0] if differing else None
            yield ctx.report(
                about=other,
                cell=cell,
                zh=f"同一单位同一年度有两份不同的报告（与 {first.path}）：{detail_zh}",
                en=f"The same agency has two different reports for one year (see {first.path}): {detail_en}",
                anchor=_file_name(first.path),
                related=(ctx.related(first, cell=cell, zh="同年度的另一版本", en="the other version"),),
            )


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _same_agency_year(corpus):
    """(first, other) for every report that is not the first (by path) of its agency and year."""
    for key in corpus.agencies():
        for year in corpus.years(key):
            reports = corpus.reports_for(key, year)
            for other in reports[1:]:
                yield reports[0], other


class AggregateSumMismatch(CorpusRule):
    """Each Table 2 and Table 3 cell of a region's aggregated report should equal the sum of
    the same cell over the reports of its member units (mapping file: ``[regions]``).

    The 本级政府 aggregate covers the government's departments and lower governments
    (F21 §二(二): 县级 aggregates cover 本级部门 and 乡镇, 地市级 ones 本级部门 and 县级政府), so
    its application and litigation counts are their sum. It is a warning: the mapping may not
    list every member, and some members publish no report. When the sum is short, the message
    names the members with no report for that year. A cell missing in any report leaves that
    cell undetermined.

    Example: 2025 aggregate T2 R1 自然人 151, members' sum 146 with 平潭综合实验区行政审批局
    missing: "汇总报告 151，2 家成员单位之和 146；未找到以下成员单位的本年度报告：…".
    """

    code = "K811"
    name = "aggregate-sum-mismatch"
    severity = "warning"
    compares_reports = True

    RELATED = 20  # member cells listed as related locations

    def check(self, corpus, ctx: CorpusContext) -> Iterable[Finding]:
        for region in corpus.regions:
            for year in corpus.years(region.key):
                aggregates = corpus.reports_for(region.key, year)
                members = {m: corpus.reports_for(m, year) for m in region.members if m != region.key}
                present = {m: found[0] for m, found in members.items() if found}
                if not aggregates or not present:
                    continue
                missing = [region.names.get(m, m) for m, found in members.items() if not found]
                yield from self._compare(ctx, aggregates[0], present, missing, corpus)

    def _compare(self, ctx, aggregate, present, missing, corpus):
        for table in ("T2", "T3"):
            for address, total in aggregate.present(table):
                values = {m: r.value(address.table, address.row, address.column) for m, r in present.items()}
                if any(v is None for v in values.values()):
                    continue
                summed = sum(values.values())
                if summed == total:
                    continue
                label = cell_label(aggregate.format, address)
                zh = f"{label}：汇总报告 {total}，{len(present)} 家成员单位之和 {summed}"
                en = f"{label}: aggregate {total}, sum over {len(present)} member unit(s) {summed}"
                if summed < total and missing:
                    zh += f"；未找到以下成员单位的本年度报告：{'、'.join(missing)}"
                    en += f"; no report this year from: {', '.join(missing)}"
                elif summed > total:
                    zh += "；成员单位之和大于汇总数"
                    en += "; the members add up to more than the aggregate"
                related = tuple(
                    ctx.related(present[m], cell=address, zh=f"{corpus.name(m)}：{v}", en=f"{corpus.name(m)}: {v}")
                    for m, v in values.items() if v
                )[: self.RELATED]
                yield ctx.report(about=aggregate, cell=address, zh=zh, en=en, expected=summed, actual=total,
                                 related=related)


class MissingUnitReport(CorpusRule):
    """A unit the mapping file lists under a region (or the region itself) has no report for a
    year in which the region has reports.

    Every 县级以上人民政府部门, 乡镇 and 本级政府 must publish a report each year (条例 第四十九条;
    F21 §二), and a supervisor's first question is who published nothing. The years checked are
    the region's ``years`` in the mapping, else every year in which any of its units has a
    report. The finding points at the region's aggregate report for that year (or, without
    one, at the first member report), with the unit's report of another year as the related
    location when there is one. A warning: the report may exist under a name the mapping does
    not know.

    Example: ``[regions."平潭综合实验区"]`` lists 平潭综合实验区行政审批局, which has a 2024 report
    but none for 2025: "平潭综合实验区行政审批局 没有 2025 年度报告".
    """

    code = "K812"
    name = "missing-unit-report"
    severity = "warning"
    compares_reports = True

    def check(self, corpus, ctx: CorpusContext) -> Iterable[Finding]:
        for region in corpus.regions:
            units = (region.key, *(m for m in region.members if m != region.key))
            years = region.years or sorted({y for unit in units for y in corpus.years(unit)})
            for year in years:
                published = [r for unit in units for r in corpus.reports_for(unit, year)]
                anchor = (corpus.reports_for(region.key, year) or published or [None])[0]
                for unit in units:
                    if corpus.reports_for(unit, year):
                        continue
                    name = region.names.get(unit, corpus.name(unit)) if unit != region.key else region.name
                    other_years = corpus.years(unit)
                    related = ()
                    if other_years and anchor is not None:
                        nearest = min(other_years, key=lambda y: abs(y - year))
                        other = corpus.reports_for(unit, nearest)[0]
                        related = (ctx.related(other, zh=f"该单位的 {nearest} 年度报告",
                                               en=f"the unit's {nearest} report"),)
                    if unit == region.key:
                        zh, en = f"{name} 没有 {year} 年度汇总报告", f"{name} has no aggregate report for {year}"
                    else:
                        zh = f"{region.name} 的成员单位 {name} 没有 {year} 年度报告"
                        en = f"{name}, a unit of {region.name}, has no report for {year}"
                    where = f"{name} {year}"  # one fingerprint per missing unit and year
                    if anchor is None:  # no unit of the region published for this year
                        yield ctx.report(about=None, path=corpus.mapping.source, zh=zh, en=en, expected=name,
                                         anchor=where)
                    else:
                        yield ctx.report(about=anchor, zh=zh, en=en, expected=name, related=related, anchor=where)
