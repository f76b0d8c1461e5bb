"""The codes the core itself reports: input it could not parse, and its own failures.

They are rules like any other so that ``govlint rules`` lists them, ``govlint explain`` documents
them and configuration can select, ignore or re-grade them. The core registers this module as a
plugin; it knows no rule of any rule pack.
"""

from __future__ import annotations

from collections.abc import Iterable

from .hookspecs import hookimpl
from .model import Document
from .rule import Context, Rule


class _ProblemRule(Rule):
    """Base: reports the reader's ``Problem`` objects that carry this rule's code."""

    def check(self, doc: Document, ctx: Context) -> Iterable:
        for problem in doc.problems:
            if problem.code == self.code:
                yield ctx.report(zh=problem.message_zh, en=problem.message_en, span=problem.span)


class UnreadableInput(Rule):
    """The file cannot be read as a report at all: it is empty, binary, in an undecodable
    encoding, corrupt (a truncated DOCX or PDF), encrypted, or over the size limit.

    Nothing else is checked in such a file, so this is an error: a run must never look clean
    because the input was not understood.

    Example: an empty ``report.txt`` gives ``P901 文件为空，没有可检查的内容。``
    """

    code = "P901"
    name = "unreadable-input"
    family = "parse"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        return ()  # raised by the readers before a Document exists; see engine.read_error_finding


class NotAReport(Rule):
    """Neither the six statutory section headings nor any of the three statistics tables were
    found: the file is probably not a 政府信息公开工作年度报告, or its text is too damaged to read.

    Example: a news article, or a page whose report body was an image.
    """

    code = "P902"
    name = "not-a-report"
    family = "parse"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        if not doc.sections and not doc.tables:
            yield ctx.report(
                zh="未识别出年度报告的任何章节标题或统计表格，文件可能不是政府信息公开工作年度报告。",
                en="No section heading or statistics table of an annual report was found; "
                "the file may not be a government information disclosure annual report.",
            )


class UnrecognisedTableContent(_ProblemRule):
    """A table held something the format schema does not know: a row label that matches no
    row of the 2019 or 2021 format, values with no label, or a row that appears twice.

    Its values are not used, so identities that need them are not checked; read the message
    to see which label was not understood (domain.md §2.3–2.5 lists the labels).

    Example: ``(八)其他处理 | 1 | 0 | …`` in Table 2.
    """

    code = "P903"
    name = "unrecognised-table-content"
    family = "parse"
    severity = "warning"


class WrongCellCount(_ProblemRule):
    """A table row has more or fewer values than its columns: a Table 2 row needs 7
    (six applicant types and 总计), Table 3 needs 15.

    Missing values are not read as 0; extra ones are ignored. Either way the row is suspect.

    Example: ``一、本年新收政府信息公开申请数量 | 3 | 0 | 3 |`` (3 values, 7 expected).
    """

    code = "P904"
    name = "wrong-cell-count"
    family = "parse"
    severity = "warning"


class AmbiguousFlattenedRow(_ProblemRule):
    """A table row whose numbers lost their separators ("一、本年新收政府信息公开申请数量801000081",
    domain.md §6.4) could not be split into cells with certainty, so its values are not used.

    Such a run is split by the row's identities: a Table 2 row must satisfy C1+…+C6 = C7 (F21
    Table 2, 总计 column) and each Table 3 group 维持+纠正+其他+尚未审结 = 总计 (F21 Table 3); a
    Table 1 row has only its column count. Table 2 rows also meet in columns (the outcome rows
    sum to （七）总计, 新收 + 结转 = 总计 + 结转下年度), so its fused rows are read as all of the
    table's identities bear out: a row whose own arithmetic is wrong is read by the split its
    columns point to, and a row that splits one way by its own identity is not read so when the
    columns contradict it. When several splits fit as well (or none does), govlint lists the
    candidates instead of guessing. A warning: the row is unread, so the identities that need it
    are not checked.

    Example: ``行政事业性收费350`` in a 2019 Table 1 row of two columns reads as 3 | 50 or 35 | 0.
    """

    code = "P905"
    name = "ambiguous-flattened-row"
    family = "parse"
    severity = "warning"


class ApproximateLabel(_ProblemRule):
    """A table row label was not found verbatim in the format and was matched to the closest
    label of the 2019/2021 format schema (domain.md §2.3–2.5) within an edit distance of one
    character (two for labels longer than eight), because OCR and bad traditional→simplified
    conversions change single characters (domain.md §6.8, §6.9).

    The row is read, so its values are checked; this note only says which label was assumed so
    that a wrong match can be spotted. Info, not a warning: the report itself may be fine, only
    its copy is damaged.

    Example: ``1.属于国家秘蜜 | 0 | …`` is read as ``1.属于国家秘密``.
    """

    code = "P906"
    name = "approximate-label"
    family = "parse"
    severity = "info"


class RuleCrashed(Rule):
    """A rule raised an exception on this document. The other rules still ran; this finding
    names the rule and the exception so the rule's author can fix it.

    It is an error because the document was not fully checked.
    """

    code = "X001"
    name = "rule-crashed"
    family = "internal"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        return ()  # reported by the engine


class PluginFailed(Rule):
    """A rule plugin could not be loaded (its import raised, or it declared an invalid rule),
    so its rules did not run on this document."""

    code = "X002"
    name = "plugin-failed"
    family = "internal"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        return ()  # reported by the engine


class TimeBudgetExceeded(Rule):
    """Checking this document took longer than the per-document time budget, so it was stopped
    and the batch went on. Raise ``time-budget`` in the configuration for very large reports."""

    code = "X003"
    name = "time-budget-exceeded"
    family = "internal"
    severity = "error"

    def check(self, doc: Document, ctx: Context) -> Iterable:
        return ()  # reported by the engine


@hookimpl
def govlint_rules() -> list[type[Rule]]:
    return [UnreadableInput, NotAReport, UnrecognisedTableContent, WrongCellCount, AmbiguousFlattenedRow,
            ApproximateLabel, RuleCrashed, PluginFailed, TimeBudgetExceeded]
