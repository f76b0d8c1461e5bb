"""``govlint check --statistics``: instead of every finding, how many there are of each code,
most frequent first, like ``ruff check --statistics``. ``--format json`` gives the same counts
as a JSON array."""

from __future__ import annotations

import json
from collections import Counter

from . import Reporter, Summary

FORMATS = ("text", "json")  # the --format values --statistics can be combined with


class StatisticsReporter(Reporter):
    def __init__(self, out, *, format: str = "text", **options) -> None:
        super().__init__(out, **options)
        self.format = format
        self.counts: Counter[str] = Counter()
        self.rules: dict[str, tuple[str, str]] = {}  # code -> (rule name, severity)

    def file(self, result) -> None:
        for finding in result.findings:
            self.counts[finding.code] += 1
            self.rules.setdefault(finding.code, (finding.rule, finding.severity))

    def rows(self) -> list[dict]:
        ordered = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
        return [
            {"code": code, "name": self.rules[code][0], "severity": self.rules[code][1], "count": count}
            for code, count in ordered
        ]

    def finish(self, summary: Summary) -> None:
        rows = self.rows()
        if self.format == "json":
            self.out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            return
        width = max((len(str(row["count"])) for row in rows), default=1)
        code_width = max((len(row["code"]) for row in rows), default=4)
        for row in rows:
            self.out.write(f"{row['count']:>{width}}\t{row['code']:<{code_width}}\t{row['severity']:<7}\t{row['name']}\n")
