"""``--format json``: one JSON array of findings (the contract in docs/json.md), streamed."""

from __future__ import annotations

import json

from ..fingerprint import fingerprint
from . import Reporter, Summary


class JsonReporter(Reporter):
    def __init__(self, out, **options) -> None:
        super().__init__(out, **options)
        self.count = 0
        self.out.write("[")

    def file(self, result) -> None:
        for finding in result.findings:
            self.out.write(",\n  " if self.count else "\n  ")
            # the baseline fingerprint, an extra key the contract allows (docs/json.md)
            record = {**finding.to_dict(), "fingerprint": fingerprint(finding, self.options.get("root"), result.source)}
            self.out.write(json.dumps(record, ensure_ascii=False, default=str))
            self.count += 1

    def finish(self, summary: Summary) -> None:
        self.out.write("\n]\n" if self.count else "]\n")
