"""Suppression: findings a user has decided to accept, dropped before they are reported.

Three sources, all applied by the engine to each document's findings:

- inline directives in the report itself, where the format can hold a comment (a text line, an
  HTML comment): ``govlint: ignore[A100,F702]`` silences those codes on that line,
  ``govlint: ignore-file[P903]`` in the whole file; without ``[...]`` they silence every code;
- ``per-file-ignores`` in the configuration: codes by file glob;
- ``suppress`` entries in the configuration, for inputs that cannot hold a comment (PDF, DOCX):
  codes at a cell address (``T2/R3.4.2/C7``, globs allowed) or at a quoted text anchor.

Findings of the rules across reports come after the documents are gone: only the configuration's
ignores apply to them (``unsuppressed_across``).

Codes are matched like ``select``: a code, code prefix, rule name, former code (alias) or family.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence

import regex
from attrs import frozen

from .config import Config, Suppression, matches
from .finding import Finding
from .fingerprint import relative_path
from .lazyregex import LazyPattern
from .model import Document
from .normalize import label_key
from .plugins import Registry

_DIRECTIVE = LazyPattern(r"govlint:\s*(ignore-file|ignore)(?![\w-])(?:\[([^\]]*)\])?", regex.IGNORECASE)


@frozen
class Directive:
    line: int
    whole_file: bool
    refs: tuple[str, ...]  # empty: every code


def directives(lines: Sequence[str]) -> list[Directive]:
    """The inline directives of a document's lines (1-based line numbers). A sequence: the lines
    are read twice, once joined to find whether any line names govlint at all."""
    if "govlint" not in "\n".join(lines).lower():  # the usual case, in one pass over the text
        return []
    found = []
    for number, line in enumerate(lines, 1):
        if "govlint" not in line.lower():
            continue
        for match in _DIRECTIVE.finditer(line):
            refs = tuple(r for r in regex.split(r"[\s,]+", match.group(2) or "") if r)
            if match.group(2) is not None and not refs:
                continue  # "ignore[]" names nothing
            found.append(Directive(number, match.group(1).lower() == "ignore-file", refs))
    return found


def path_matches(path: str | None, glob: str, root: str | None) -> bool:
    """A glob against the path relative to the project root; a glob without "/" also matches
    the bare file name (``"*.pdf"``), as in ruff's per-file-ignores."""
    if path is None:
        return False
    relative = relative_path(path, root)
    return fnmatch.fnmatchcase(relative, glob) or ("/" not in glob and fnmatch.fnmatchcase(relative.rsplit("/", 1)[-1], glob))


class Suppressor:
    """Decides, for one file, which findings its directives and the configuration silence.
    ``lines`` is the document's text (``Document.lines``); empty when it is not at hand."""

    def __init__(self, path: str | None, lines: Sequence[str], config: Config, registry: Registry) -> None:
        self.lines = lines
        self.config = config
        self.registry = registry
        self.directives = directives(lines)
        self.file_ignores = tuple(ref for glob, refs in config.per_file_ignores
                                  if path_matches(path, glob, config.root) for ref in refs)
        self.entries = tuple(s for s in config.suppressions
                             if s.path is None or path_matches(path, s.path, config.root))

    def suppressed(self, finding: Finding) -> bool:
        if self.file_ignores and self._names(finding, self.file_ignores):
            return True
        line = finding.span.line if finding.span else None
        for directive in self.directives:
            if (directive.whole_file or directive.line == line) and (
                    not directive.refs or self._names(finding, directive.refs)):
                return True
        return any(self._entry_matches(entry, finding) for entry in self.entries)

    def _names(self, finding: Finding, refs: tuple[str, ...]) -> bool:
        rule = self.registry.find(finding.code)
        if rule is not None:
            return matches(rule, refs)
        return finding.code in refs or finding.rule in refs or finding.family in refs

    def _entry_matches(self, entry: Suppression, finding: Finding) -> bool:
        if not self._names(finding, entry.codes):
            return False
        if entry.cell is not None:
            return finding.cell is not None and fnmatch.fnmatchcase(str(finding.cell), entry.cell)
        wanted = label_key(entry.text or "")
        return bool(wanted) and wanted in label_key(self._text_of(finding))

    def _text_of(self, finding: Finding) -> str:
        """The text a finding is about: its anchor, else the source line it points at."""
        if finding.anchor:
            return finding.anchor
        if finding.span and 0 < finding.span.line <= len(self.lines):
            return self.lines[finding.span.line - 1]
        return ""


def unsuppressed(doc: Document, findings: list[Finding], config: Config, registry: Registry) -> list[Finding]:
    """``findings`` without the suppressed ones."""
    if not findings:  # most documents of a batch: no need to read their lines for directives
        return findings
    suppressor = Suppressor(doc.path, doc.lines, config, registry)
    if not (suppressor.directives or suppressor.file_ignores or suppressor.entries):
        return findings
    return [f for f in findings if not suppressor.suppressed(f)]


def unsuppressed_across(findings: list[Finding], config: Config, registry: Registry) -> list[Finding]:
    """Findings of the rules across reports (``govlint.corpus``), which come after the documents
    are gone: the configuration's ignores apply (``per-file-ignores``, ``suppress`` entries, a
    text entry matching the finding's anchor), inline directives cannot."""
    if not (config.per_file_ignores or config.suppressions):
        return findings
    suppressors: dict[str | None, Suppressor] = {}
    kept = []
    for finding in findings:
        if finding.path not in suppressors:
            suppressors[finding.path] = Suppressor(finding.path, (), config, registry)
        if not suppressors[finding.path].suppressed(finding):
            kept.append(finding)
    return kept
