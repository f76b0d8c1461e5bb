"""Stable fingerprints of findings, for baselines and SARIF ``partialFingerprints``.

A fingerprint must survive edits elsewhere in the report (docs/conventions.md): it hashes the
code, the file's path relative to the project root, and a location key that never contains a
line number: the cell address for a table finding, the normalised text of the sentence or
heading (``Finding.anchor``, else the source text at the span) for a text finding, and nothing
more for a finding about the whole document. The engine gives a text finding without anchor
the text at its span (``anchor_text``), so this holds for DOCX and PDF too. Two findings of the same code at the same place
share a fingerprint; baselines count them (``govlint.baseline``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from .finding import Finding
from .normalize import label_key

VERSION = "govlint/v1"  # the SARIF partialFingerprints key; bump it when the recipe changes


def fingerprint(
    finding: Finding,
    root: str | os.PathLike[str] | None = None,
    source: Mapping[int, str] | None = None,
) -> str:
    """The fingerprint of ``finding``: 32 hex digits.

    ``root`` is the project root the path is made relative to (default: the current directory);
    ``source`` maps line numbers to source text (``FileResult.source``) and is used for text
    findings that carry no ``anchor``."""
    import hashlib  # OpenSSL's start-up, ~2.5 ms: only the JSON and SARIF outputs and baselines hash

    parts = (finding.code, relative_path(finding.path, root), location_key(finding, source))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def relative_path(path: str | None, root: str | os.PathLike[str] | None = None) -> str:
    """``path`` relative to ``root`` with forward slashes, so a baseline written on one machine
    (or from another working directory) matches on another."""
    if path is None:
        return ""
    base = os.path.abspath(root if root is not None else os.getcwd())
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def location_key(finding: Finding, source: Mapping[int, str] | None = None) -> str:
    """Where the finding is, without line numbers."""
    if finding.cell is not None:
        return f"cell:{finding.cell}"
    text = finding.anchor
    if text is None and finding.span is not None and source:
        text = span_text(finding, source)
    if text:
        return "text:" + label_key(text)
    return "document"


def span_text(finding: Finding, source: Mapping[int, str]) -> str | None:
    """The source text a finding's span covers on its first line (the whole line when the span
    runs on), or None when that line is not available."""
    span = finding.span
    line = source.get(span.line) if span is not None else None
    if line is None:
        return None
    end = span.end_column - 1 if span.end_line == span.line and span.end_column > span.column else len(line)
    return line[span.column - 1 : end] or line


def anchor_text(finding: Finding, lines: Sequence[str]) -> str | None:
    """The source text at the span of a finding that has neither cell nor anchor, else None: the
    engine makes it the finding's ``anchor`` while the document's lines are at hand, so
    fingerprints and text suppressions of DOCX and PDF findings (whose lines no
    ``FileResult.source`` keeps) have text to key on."""
    if finding.cell is not None or finding.anchor or finding.span is None:
        return None
    line = finding.span.line
    text = span_text(finding, {line: lines[line - 1]}) if 0 < line <= len(lines) else None
    return text if text and text.strip() else None
