"""The Python API: read a report, lint it, lint many. The CLI is a thin layer over this."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs
from attrs import frozen

from .config import Config
from .engine import lint_document, read_error_finding
from .finding import Finding
from .model import Document
from .plugins import Registry, load_registry
from .readers import read_bytes, read_path, read_text
from .readers.source import ReadError

REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


@frozen
class FileResult:
    path: str
    findings: tuple[Finding, ...]
    error: str | None = None  # an I/O error: the file could not be opened at all
    source: Mapping[int, str] = attrs.field(factory=dict)  # line number -> text, for lines findings cite
    # The parsed report, kept only when asked for (the HTML reporter draws its tables), so runs
    # in other formats hold one document at a time.
    document: Document | None = None


def read(source: str | os.PathLike[str] | bytes, *, reader: str | None = None) -> Document:
    """The parsed ``Document`` of a path or of raw bytes. Raises ``ReadError`` on unreadable input."""
    if isinstance(source, bytes):
        return read_bytes(source, None, reader)
    return read_path(source, reader)


def lint_text(
    text: str,
    *,
    path: str | None = None,
    config: Config | None = None,
    plugins: Sequence[object] = (),
) -> list[Finding]:
    """Lint a report given as text."""
    config = config or Config()
    registry = load_registry(plugins)
    if not text.strip():
        return [read_error_finding(ReadError("P901", "文件为空，没有可检查的内容。", "The file is empty: nothing to check."), path, config)]
    return lint_document(read_text(text, path), registry, config)


def lint_path(
    path: str | os.PathLike[str],
    *,
    config: Config | None = None,
    plugins: Sequence[object] = (),
    reader: str | None = None,
    registry: Registry | None = None,
) -> list[Finding]:
    """Lint one file. ``OSError`` (missing file, no permission) propagates: it is not a finding."""
    config = config or Config()
    return list(lint_file(path, config, registry or load_registry(plugins), reader).findings)


def lint_file(
    path: str | os.PathLike[str],
    config: Config,
    registry: Registry,
    reader: str | None = None,
    *,
    keep_document: bool = False,
) -> FileResult:
    """Lint one file into a ``FileResult`` holding the source lines its findings point at, and
    the parsed ``Document`` too when ``keep_document`` is set."""
    name = os.fspath(path)
    try:
        doc = read_path(path, reader, config.options.get("max-bytes"))
    except ReadError as error:
        return FileResult(name, (read_error_finding(error, name, config),))
    findings = lint_document(doc, registry, config)
    wanted = {f.span.line for f in findings if f.span and not f.span.origin}
    source = {n: doc.lines[n - 1] for n in sorted(wanted) if 0 < n <= len(doc.lines)}
    return FileResult(name, tuple(findings), source=source, document=doc if keep_document else None)


def iter_report_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named directly, and report files found under directories (sorted, hidden skipped)."""
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.lower().endswith(REPORT_SUFFIXES) and not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


def lint_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    config: Config | None = None,
    plugins: Sequence[object] = (),
    reader: str | None = None,
) -> Iterator[FileResult]:
    """Lint every report file under ``paths``, one result per file, streamed."""
    config = config or Config()
    registry = load_registry(plugins)
    for path in iter_report_files(paths):
        try:
            yield lint_file(path, config, registry, reader)
        except OSError as exc:
            yield FileResult(str(path), (), f"{exc.strerror or exc}: {path}")
