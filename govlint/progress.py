"""The progress bar of ``govlint check`` on stderr, for runs over many files.

Shown only when stderr is a terminal and the run has at least ``MIN_FILES`` files: a pipe, a
CI log or a redirected stderr never sees it, and results on stdout are never mixed with it
(stdout writes go through ``Progress.writing``, which lifts the bar while they print).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import IO

MIN_FILES = 5  # below this a run is over before a bar says anything useful


class Progress:
    """A file counter; a no-op unless ``start`` decides the bar should show."""

    def __init__(self, bar=None) -> None:
        self.bar = bar

    @classmethod
    def start(cls, total: int, stream: IO[str] | None = None, *, label: str = "govlint") -> Progress:
        stream = stream if stream is not None else sys.stderr
        if total < MIN_FILES or not _is_terminal(stream):
            return cls()
        from tqdm import tqdm  # imported only when a bar shows: keeps startup light

        return cls(tqdm(total=total, file=stream, unit="file", desc=label, leave=False, dynamic_ncols=True))

    def iterate(self, items: list) -> Iterator:
        """``items``, counting each one on the bar once the loop body is done with it."""
        if self.bar is None:
            yield from items
            return
        for item in items:
            yield item
            self.bar.update()

    @contextlib.contextmanager
    def writing(self, out: IO[str]) -> Iterator[None]:
        """Around a write to ``out``: clear the bar first when both share the terminal."""
        if self.bar is None:
            yield
            return
        with self.bar.external_write_mode(file=out):
            yield

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _is_terminal(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
