"""Plain text in the layouts scraped reports take: pipe rows, one cell per line, prose."""

from __future__ import annotations

from collections.abc import Iterator

from ..source import SourceLine, text_line


def source_lines(text: str) -> Iterator[SourceLine]:
    """The lines one by one, as the builder takes them: a line's cells are freed once it is read,
    instead of the whole report's living through the build (where the garbage collector, which
    they would keep busy, costs more than reading them)."""
    return (text_line(raw, number) for number, raw in enumerate(text.splitlines(), start=1))
