"""``--format sarif``: one SARIF 2.1.0 log per run, for GitHub code scanning, VS Code's SARIF
viewer and other tools that read static-analysis results.

Columns count Unicode code points (``columnKind: unicodeCodePoints``) and end columns are
exclusive, exactly as govlint's spans are. Paths are relative to the project root
(``uriBaseId: %SRCROOT%``). A table finding carries its cell address in ``properties.cell``;
every result carries the line-independent fingerprint of ``govlint.fingerprint`` in
``partialFingerprints``, so code-scanning services track it across edits.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from . import Reporter, Summary

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}  # docs/conventions.md
ROOT_ID = "%SRCROOT%"


class SarifReporter(Reporter):
    def __init__(self, out, **options) -> None:
        super().__init__(out, **options)
        self.root = Path(options.get("root") or Path.cwd()).resolve()
        rules = options.get("rules")
        if rules is None:
            from ..plugins import load_registry

            rules = load_registry().rules
        self.descriptors = [_descriptor(rule) for rule in rules]
        self.rule_index = {rule.code: i for i, rule in enumerate(rules)}
        self.results: list[dict] = []
        self.notifications: list[dict] = []

    def file(self, result) -> None:
        from ..fingerprint import VERSION, fingerprint

        if result.error:
            self.notifications.append({
                "level": "error",
                "message": {"text": result.error},
                "locations": [{"physicalLocation": {"artifactLocation": self._artifact(result.path)}}],
            })
        for finding in result.findings:
            out = {
                "ruleId": finding.code,
                "ruleIndex": self._index(finding),
                "level": LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [self._location(finding.path, finding.span)] if finding.path else [],
                "partialFingerprints": {VERSION: fingerprint(finding, self.root, result.source)},
                "properties": _properties(finding),
            }
            if finding.related:
                out["relatedLocations"] = [
                    {"id": i, **self._location(r.path, r.span), "message": {"text": r.message}}
                    for i, r in enumerate(finding.related, start=1)
                    if r.path
                ]
            self.results.append(out)

    def finish(self, summary: Summary) -> None:
        from .. import __version__

        run = {
            "tool": {"driver": {"name": "govlint", "version": __version__, "rules": self.descriptors}},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {ROOT_ID: {"uri": self.root.as_uri() + "/"}},
            "invocations": [{
                "executionSuccessful": not self.notifications,
                "toolExecutionNotifications": self.notifications,
            }],
            "results": self.results,
        }
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        self.out.write(json.dumps(log, ensure_ascii=False, indent=2, default=str) + "\n")

    def _index(self, finding) -> int:
        """The finding's rule in ``tool.driver.rules``; a code no loaded rule declares (a
        finding made outside the registry) gets a minimal descriptor of its own."""
        if finding.code not in self.rule_index:
            self.rule_index[finding.code] = len(self.descriptors)
            self.descriptors.append({"id": finding.code, "name": finding.rule,
                                     "properties": {"family": finding.family}})
        return self.rule_index[finding.code]

    def _artifact(self, path: str) -> dict:
        """A URI relative to the project root, or an absolute file URI for a file outside it."""
        absolute = Path(path).resolve()
        try:
            return {"uri": quote(absolute.relative_to(self.root).as_posix()), "uriBaseId": ROOT_ID}
        except ValueError:
            return {"uri": absolute.as_uri()}

    def _location(self, path: str, span) -> dict:
        physical: dict = {"artifactLocation": self._artifact(path)}
        if span is not None:
            physical["region"] = {
                "startLine": span.line,
                "startColumn": span.column,
                "endLine": span.end_line,
                "endColumn": span.end_column,
            }
            if span.origin:  # a DOCX table/row/cell or a PDF page
                physical["properties"] = {"origin": dict(span.origin)}
        return {"physicalLocation": physical}


def _descriptor(rule) -> dict:
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": rule.documentation()},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"family": rule.family, "tags": [rule.family]},
    }
    if rule.aliases:
        descriptor["deprecatedIds"] = list(rule.aliases)
    return descriptor


def _properties(finding) -> dict:
    props: dict = {"rule": finding.rule, "family": finding.family, "severity": finding.severity}
    if finding.cell is not None:
        props["cell"] = finding.cell.to_dict()
    if finding.expected is not None:
        props["expected"] = finding.expected
    if finding.actual is not None:
        props["actual"] = finding.actual
    return props
