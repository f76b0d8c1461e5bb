"""The Python API: read a report, lint it, lint many. The CLI is a thin layer over this."""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from .config import Config
from .engine import lint_document, read_error_finding, time_budget_finding
from .finding import Finding
from .model import Document
from .plugins import Registry, load_registry
from .readers import read_bytes, read_path, read_text
from .limits import BudgetExceeded, max_bytes, time_budget, time_budget_of
from .source import EmptyInput, InputTooLarge, ReadError

if TYPE_CHECKING:  # concurrent.futures (and logging with it) loads only where executors are made
    from concurrent.futures import Executor

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
    # Why the file was not checked (fully): "max-bytes" (over the size limit) or "time-budget".
    skipped: str | None = None
    # The few facts the corpus pass needs (govlint.corpus.ReportSummary), when asked for: small
    # and picklable, so it crosses process boundaries where a Document should not.
    summary: Any = None


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
        return [read_error_finding(EmptyInput(), path, config)]
    budget = time_budget_of(config.options)
    try:
        with time_budget(budget):
            return lint_document(read_text(text, path), registry, config)
    except BudgetExceeded as stop:
        return [time_budget_finding(path, config, budget, _where(stop))]


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
    summarise: bool = False,
) -> FileResult:
    """Lint one file into a ``FileResult`` holding the source lines its findings point at, and
    the parsed ``Document`` too when ``keep_document`` is set, its corpus summary when
    ``summarise`` is."""
    name = os.fspath(path)
    budget = time_budget_of(config.options)
    try:
        with time_budget(budget):
            doc = read_path(path, reader, max_bytes(config.options))
            findings = lint_document(doc, registry, config)
    except ReadError as error:
        skipped = "max-bytes" if isinstance(error, InputTooLarge) else None
        return FileResult(name, (read_error_finding(error, name, config),), skipped=skipped)
    except BudgetExceeded as stop:
        return FileResult(name, (time_budget_finding(name, config, budget, _where(stop)),), skipped="time-budget")
    wanted = {f.span.line for f in findings if f.span and not f.span.origin}
    source = {n: doc.lines[n - 1] for n in sorted(wanted) if 0 < n <= len(doc.lines)}
    summary = None
    if summarise:
        from .corpus import summarise as summarise_document

        summary = summarise_document(doc, name)
    return FileResult(name, tuple(findings), source=source, document=doc if keep_document else None,
                      summary=summary)


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
    summarise: bool = False,
) -> Iterator[FileResult]:
    """Lint every report file under ``paths``, one result per file, streamed. With ``summarise``
    each result carries the report's corpus summary, for a corpus pass (``govlint.corpus``)."""
    config = config or Config()
    registry = load_registry(plugins)
    with fewer_collections():
        for path in iter_report_files(paths):
            yield lint_one(path, config, registry, reader, summarise=summarise)


def lint_many(
    paths: Iterable[str | os.PathLike[str]],
    executor: Executor | None = None,
    *,
    config: Config | None = None,
    plugins: Sequence[object] = (),
    reader: str | None = None,
    chunk: int = 16,
    window: int = 64,
    summarise: bool = False,
) -> Iterator[FileResult]:
    """Lint every report file under ``paths`` in the workers of ``executor``: any
    ``concurrent.futures.Executor`` (a ``ProcessPoolExecutor``, a Dask client's
    ``get_executor()``). Results stream in input order; files go out in chunks of ``chunk`` and at
    most ``window`` chunks are in flight, so memory stays flat however many files there are.
    Workers must see the same paths (a shared filesystem on a cluster) and ``plugins`` must be
    picklable (installed entry-point plugins load in each worker by themselves). Without an
    executor this is ``lint_paths``. A chunk whose worker died yields an ``error`` result per file.
    ``summarise`` as in ``lint_paths``: summaries are small and picklable, so they come back from
    any worker.
    """
    if executor is None:
        yield from lint_paths(paths, config=config, plugins=plugins, reader=reader, summarise=summarise)
        return
    config = config or Config()
    pending: deque = deque()

    def submit(batch: list[str]) -> None:
        pending.append((batch, executor.submit(_lint_batch, batch, config, tuple(plugins), reader, summarise)))

    batch: list[str] = []
    for path in iter_report_files(paths):
        batch.append(os.fspath(path))
        if len(batch) == chunk:
            submit(batch)
            batch = []
            if len(pending) >= window:
                yield from _results(*pending.popleft())
    if batch:
        submit(batch)
    while pending:
        yield from _results(*pending.popleft())


def _lint_batch(paths: list[str], config: Config, plugins: tuple, reader: str | None,
                summarise: bool = False) -> list[FileResult]:
    """What a worker runs: a chunk of files, each to a ``FileResult`` (never an exception)."""
    registry = load_registry(plugins)
    with fewer_collections():
        return [lint_one(path, config, registry, reader, summarise=summarise) for path in paths]


_BATCH_THRESHOLD = 20_000
_batches = {"running": 0, "previous": (700, 10, 10)}  # batches now running, the threshold before them
_batches_lock = threading.Lock()


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """While batches are checked, a young-generation collection every 20,000 allocations instead
    of 700: a document is a tree of thousands of small objects that reference counting frees once
    its result is made, and the collector walked them several times a report to find nothing (4%
    of a report's instructions). The threshold from before comes back when the last batch running
    (threads, nested calls) ends."""
    with _batches_lock:
        if not _batches["running"]:
            _batches["previous"] = gc.get_threshold()
            gc.set_threshold(max(_BATCH_THRESHOLD, _batches["previous"][0]), *_batches["previous"][1:])
        _batches["running"] += 1
    try:
        yield
    finally:
        with _batches_lock:
            _batches["running"] -= 1
            if not _batches["running"]:
                gc.set_threshold(*_batches["previous"])


def _results(paths: list[str], future) -> list[FileResult]:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a dead worker loses its chunk, never the run
        return [FileResult(path, (), f"worker failed: {type(exc).__name__}: {exc}") for path in paths]


def lint_one(path, config: Config, registry: Registry, reader: str | None = None, **options) -> FileResult:
    """``lint_file``, but a file that cannot be opened gives a result with ``error`` set (its
    reason) instead of raising, so a batch never stops at one file."""
    try:
        return lint_file(path, config, registry, reader, **options)
    except OSError as exc:
        return FileResult(os.fspath(path), (), exc.strerror or str(exc))


def _where(stop: BudgetExceeded) -> str:
    """file:line where a document was stopped: which rule or stage was running."""
    import traceback

    frames = [f for f in traceback.extract_tb(stop.__traceback__) if Path(f.filename).name != "limits.py"]
    if not frames:
        return "?"
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno}"
