"""Plain text in the layouts scraped reports take: pipe rows, one cell per line, prose."""

from __future__ import annotations

from ..source import SourceLine, text_line


def source_lines(text: str) -> list[SourceLine]:
    return [text_line(raw, number) for number, raw in enumerate(text.splitlines(), start=1)]
