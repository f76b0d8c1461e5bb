"""Reporters render the findings of a run. Each is a class in its own module, loaded on demand.

A reporter receives ``FileResult`` objects as files are checked (so output streams) and a
``Summary`` at the end. It writes results to ``out`` (stdout); diagnostics go to stderr.
Options the CLI passes to every reporter: ``rules`` (the rule classes of the run, for formats
that describe them, e.g. SARIF) and ``root`` (the project root paths are made relative to).
"""

from __future__ import annotations

import importlib
from typing import IO, ClassVar

from attrs import frozen

REPORTERS = {
    "text": "govlint.reporters.text:TextReporter",
    "json": "govlint.reporters.json:JsonReporter",
    "sarif": "govlint.reporters.sarif:SarifReporter",
    "github": "govlint.reporters.github:GithubReporter",
    "junit": "govlint.reporters.junit:JunitReporter",
    "html": "govlint.reporters.html:HtmlReporter",
}


@frozen
class Summary:
    files: int
    failed: int  # files that could not be opened or read
    by_severity: dict
    by_code: dict
    skipped: int = 0  # files not checked (fully): over max-bytes or the time budget


class Reporter:
    # True when ``file`` needs ``FileResult.document`` (the parsed report), which is otherwise
    # dropped as soon as the file is linted.
    wants_document: ClassVar[bool] = False

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
