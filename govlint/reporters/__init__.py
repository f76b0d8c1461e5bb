"""Reporters render the findings of a run. Each is a class in its own module, loaded on demand.

A reporter receives ``FileResult`` objects as files are checked (so output streams) and a
``Summary`` at the end. It writes results to ``out`` (stdout); diagnostics go to stderr.
"""

from __future__ import annotations

import importlib
from typing import IO

from attrs import frozen

REPORTERS = {
    "text": "govlint.reporters.text:TextReporter",
    "json": "govlint.reporters.json:JsonReporter",
}


@frozen
class Summary:
    files: int
    failed: int  # files that could not be opened or read
    by_severity: dict
    by_code: dict


class Reporter:
    def __init__(self, out: IO[str], *, lang: str = "zh", color: bool = False, **options) -> None:
        self.out = out
        self.lang = lang
        self.color = color
        self.options = options

    def file(self, result) -> None:  # one FileResult
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass


def get_reporter(name: str) -> type[Reporter]:
    if name not in REPORTERS:
        raise KeyError(name)
    module, _, attr = REPORTERS[name].partition(":")
    return getattr(importlib.import_module(module), attr)
