"""``--format json``: one JSON array of findings (the contract in docs/json.md), streamed."""

from __future__ import annotations

import json

from . import Reporter, Summary


class JsonReporter(Reporter):
    def __init__(self, out, **options) -> None:
        super().__init__(out, **options)
        self.count = 0
        self.out.write("[")

    def file(self, result) -> None:
        for finding in result.findings:
            self.out.write(",\n  " if self.count else "\n  ")
            self.out.write(json.dumps(finding.to_dict(), ensure_ascii=False, default=str))
            self.count += 1

    def finish(self, summary: Summary) -> None:
        self.out.write("\n]\n" if self.count else "]\n")
