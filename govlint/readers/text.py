"""Plain text in the layouts scraped reports take: pipe rows, one cell per line, prose."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..source import SourceLine, text_line


def source_lines(text: str) -> Iterator[SourceLine]:
    """The reader's lines of ``text`` (the readers' common entry, ``govlint.readers``; its own
    ``read_bytes`` and ``read_text`` call ``split_lines`` with the lines they keep)."""
    return split_lines(text.splitlines())


def split_lines(raws: Iterable[str]) -> Iterator[SourceLine]:
    """The lines of a text already split into lines (the Document keeps them too: split once),
    one by one, as the builder takes them: a line's cells are freed once it is read, instead of
    the whole report's living through the build (where the garbage collector, which they would
    keep busy, costs more than reading them)."""
    return (text_line(raw, number) for number, raw in enumerate(raws, start=1))
