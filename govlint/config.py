"""Run configuration: which rules run, how severe they are, language and report kind.

``Config`` is a frozen value; ``govlint.configfile`` builds one from ``pyproject.toml`` /
``govlint.toml`` and the command line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
from attrs import frozen

from .finding import FAMILIES, SEVERITIES
from .rule import Rule

REPORT_KINDS = ("agency", "township", "county", "prefecture", "province", "vertical")


@frozen
class Suppression:
    """An ignore in the configuration for inputs that cannot hold a comment (PDF, DOCX): the
    findings of ``codes`` at a cell address (a glob such as ``T2/R3.4.*/C7``) or at the text
    ``text`` (a quoted anchor, matched after normalisation), optionally only in files ``path``."""

    codes: tuple[str, ...]
    cell: str | None = None
    text: str | None = None
    path: str | None = None


@frozen
class Config:
    select: tuple[str, ...] = ()  # codes, code prefixes, names or families; empty means all
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = attrs.field(factory=dict)  # code or name -> severity
    fail_on: str = "error"
    lang: str = "zh"
    report_kind: str | None = None  # None: detect from the text
    options: Mapping[str, Any] = attrs.field(factory=dict)  # rule options (deadlines, limits)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, refs), see govlint.suppress
    suppressions: tuple[Suppression, ...] = ()  # ignores by cell address or text anchor
    root: str | None = None  # the project root: paths in globs and fingerprints are relative to it

    def enabled(self, rule: type[Rule]) -> bool:
        selected = not self.select or matches(rule, self.select)
        if self.extend_select and matches(rule, self.extend_select):
            selected = True
        return selected and not matches(rule, self.ignore)

    def severity_of(self, rule: type[Rule], default: str) -> str:
        for ref in (rule.code, rule.name, *rule.aliases):
            if ref in self.severity:
                return self.severity[ref]
        return default

    def rule_options(self) -> dict[str, Any]:
        return {"report_kind": self.report_kind, **self.options}


def matches(rule: type[Rule], refs: tuple[str, ...]) -> bool:
    """Whether any of ``refs`` (codes, code prefixes, names, aliases, families, ALL) names ``rule``."""
    for ref in refs:
        if ref in ("ALL", rule.family, rule.name) or ref in rule.aliases:
            return True
        if rule.code.startswith(ref) and ref[:1].isupper():
            return True
    return False


def validate_refs(refs: tuple[str, ...], known: list[type[Rule]]) -> list[str]:
    """Refs that match no rule, family or code prefix (for 'unknown code' errors)."""
    unknown = []
    for ref in refs:
        if ref == "ALL" or ref in FAMILIES:
            continue
        if any(matches(rule, (ref,)) for rule in known):
            continue
        unknown.append(ref)
    return unknown


def check_severity(value: str) -> str:
    if value not in SEVERITIES:
        raise ValueError(f"unknown severity {value!r}; use one of {', '.join(SEVERITIES)}")
    return value
