"""Baselines: accept today's findings, report only new ones from now on.

``govlint check reports/ --write-baseline govlint-baseline.json`` records every finding by its
fingerprint (``govlint.fingerprint``: code, path relative to the project root, and a location
key without line numbers), counting repeats. ``--baseline govlint-baseline.json`` later drops
findings that match a recorded fingerprint, as many times as it was recorded: a finding that is
new, or one more instance of a baselined one, is still reported. Lines shifting (a paragraph
added at the top) do not resurface baselined findings.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from typing import Any

import attrs

from .fingerprint import fingerprint, relative_path

FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a govlint baseline (the CLI exits 2)."""


class Baseline:
    """Recorded fingerprints with counts. ``root`` is the project root paths are relative to."""

    def __init__(self, root: str | os.PathLike[str] | None = None, entries: dict[str, dict[str, Any]] | None = None):
        self.root = root
        self.entries = entries if entries is not None else {}  # fingerprint -> {code, path, message, count}
        self._remaining: Counter[str] | None = None

    def record(self, result) -> None:
        """Add the findings of one ``FileResult``."""
        for finding in result.findings:
            key = fingerprint(finding, self.root, result.source)
            entry = self.entries.setdefault(key, {"code": finding.code, "path": relative_path(finding.path, self.root),
                                                  "message": finding.message, "count": 0})
            entry["count"] += 1

    def filter(self, result):
        """The ``FileResult`` without the findings this baseline accounts for."""
        if self._remaining is None:
            self._remaining = Counter({key: entry["count"] for key, entry in self.entries.items()})
        kept = []
        for finding in result.findings:
            key = fingerprint(finding, self.root, result.source)
            if self._remaining[key] > 0:
                self._remaining[key] -= 1
            else:
                kept.append(finding)
        return attrs.evolve(result, findings=tuple(kept))

    def save(self, path: str | os.PathLike[str]) -> None:
        ordered = sorted(self.entries.items(), key=lambda item: (item[1]["path"], item[1]["code"], item[0]))
        data = {"govlint-baseline": FORMAT_VERSION,
                "findings": [{"fingerprint": key, **entry} for key, entry in ordered]}
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.write("\n")

    @classmethod
    def load(cls, path: str | os.PathLike[str], root: str | os.PathLike[str] | None = None) -> Baseline:
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except OSError as exc:
            raise BaselineError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
        except ValueError as exc:
            raise BaselineError(f"baseline {path} is not valid JSON: {exc}") from None
        if not isinstance(data, dict) or data.get("govlint-baseline") != FORMAT_VERSION:
            raise BaselineError(f"{path} is not a govlint baseline (version {FORMAT_VERSION}); "
                                "write one with --write-baseline")
        try:
            entries = {item["fingerprint"]: {k: v for k, v in item.items() if k != "fingerprint"}
                       for item in data["findings"]}
            if not all(isinstance(entry["count"], int) and entry["count"] > 0 for entry in entries.values()):
                raise ValueError
        except (KeyError, TypeError, ValueError):
            raise BaselineError(f"baseline {path} is malformed: every finding needs a fingerprint and a count") from None
        return cls(root, entries)
