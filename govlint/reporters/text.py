"""The default output, like ruff's: ``path:line:col: CODE severity message`` with the source line
and a caret under the exact character (one full-width space per wide character before it)."""

from __future__ import annotations

import unicodedata

from . import Reporter, Summary

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def caret_line(source: str, column: int, width: int = 1) -> str:
    """Padding that puts a caret under ``column`` (1-based, code points) of ``source``: a
    full-width space for each wide character, a plain space (or the tab itself) otherwise; then
    one caret per column the ``width`` characters take on screen (two under a wide one)."""
    pad = []
    for char in source[: max(column - 1, 0)]:
        if char == "\t":
            pad.append("\t")
        elif _wide(char):
            pad.append("\u3000")
        else:
            pad.append(" ")
    marked = source[max(column - 1, 0): max(column - 1, 0) + max(width, 1)]
    carets = "".join("^^" if _wide(char) else "^" for char in marked) or "^"
    return "".join(pad) + carets


# Scraped reports can hold a whole page on one line: show a window of it around the finding.
_BEFORE, _AFTER = 30, 50


def source_window(source: str, column: int) -> tuple[str, int]:
    """The part of ``source`` shown under a finding and the finding's column within it."""
    start = max(column - 1 - _BEFORE, 0)
    end = column - 1 + _AFTER
    if start == 0 and end >= len(source):
        return source, column
    head = "…" if start else ""
    tail = "…" if end < len(source) else ""
    return head + source[start:end] + tail, column - start + len(head)


class TextReporter(Reporter):
    def _paint(self, text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if self.color else text

    def file(self, result) -> None:
        if result.error:
            self.out.write(f"{result.path}: {result.error}\n")
        for f in result.findings:
            where = f"{f.path}:{f.span.line}:{f.span.column}" if f.span else f"{f.path}"
            cell = f" [{f.cell}]" if f.cell else ""
            severity = self._paint(f.severity, _COLORS.get(f.severity, ""))
            self.out.write(f"{self._paint(where, _BOLD)}: {self._paint(f.code, _BOLD)} {severity} {f.message}{cell}\n")
            source = result.source.get(f.span.line) if f.span else None
            if source is not None and not self.options.get("no_source"):
                width = f.span.end_column - f.span.column if f.span.end_line == f.span.line else 1
                shown, column = source_window(source, f.span.column)
                width = min(width, len(shown) - column + 1)
                caret = self._paint(caret_line(shown, column, width), _COLORS.get(f.severity, ""))
                self.out.write(f"    {shown}\n    {caret}\n")
            for related in f.related:  # the other report of a corpus finding, like a compiler's "note:"
                at = f"{related.path}:{related.span.line}:{related.span.column}" if related.span else f"{related.path}"
                cell = f" [{related.cell}]" if related.cell else ""
                self.out.write(f"    = {at}: {related.message}{cell}\n")

    def finish(self, summary: Summary) -> None:
        total = sum(summary.by_severity.values())
        if self.lang == "en":
            counts = ", ".join(f"{n} {s}" for s, n in sorted(summary.by_severity.items()))
            line = f"Found {total} finding(s) in {summary.files} file(s)" + (f" ({counts})" if counts else "")
            if summary.failed:
                line += f"; {summary.failed} file(s) could not be read"
            if summary.skipped:
                line += f"; {summary.skipped} file(s) skipped (size or time limit)"
        else:
            names = {"error": "错误", "warning": "警告", "info": "提示"}
            counts = "，".join(f"{names.get(s, s)} {n}" for s, n in sorted(summary.by_severity.items()))
            line = f"共检查 {summary.files} 个文件，发现 {total} 个问题" + (f"（{counts}）" if counts else "")
            if summary.failed:
                line += f"；{summary.failed} 个文件无法读取"
            if summary.skipped:
                line += f"；{summary.skipped} 个文件超出大小或时间上限，已跳过"
        self.out.write(self._paint(line, _DIM) + "\n")
