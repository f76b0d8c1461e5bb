"""Readers: a file of any supported form → ``SourceLine`` objects → one ``Document``.

Each reader module exposes ``source_lines``; which one runs is decided by sniffing the content
(``sniff``), not the file extension alone, and ``reader=`` forces one. Reader modules are imported
only when used, so a run over text files never loads an HTML, DOCX or PDF library.
"""

from __future__ import annotations

import importlib
import os

from ..builder import build_document
from ..model import Document
from ..source import InputTooLarge, ReadError
from .decode import decode
from . import text as text_reader

# name → module holding `source_lines(...)`; binary readers take bytes and return a list (their lines
# are the document's text), text readers take str and may return the lines as an iterator.
READERS = {
    "text": ("govlint.readers.text", "text"),
    "html": ("govlint.readers.html", "text"),  # decoded first: its spans are lines of the HTML source
    "docx": ("govlint.readers.docx", "bytes"),
    "pdf": ("govlint.readers.pdf", "bytes"),
}
BINARY_READERS: set[str] = {"docx", "pdf"}


def register_reader(name: str, module: str, *, binary: bool) -> None:
    READERS[name] = (module, "bytes" if binary else "text")
    if binary:
        BINARY_READERS.add(name)


def sniff(data: bytes, path: str | None = None) -> str:
    """Pick a reader from the content; the extension only breaks ties."""
    head = data[:2048].lstrip()
    if head.startswith(b"PK\x03\x04") and "docx" in READERS:
        return "docx"
    if head.startswith(b"%PDF") and "pdf" in READERS:
        return "pdf"
    lowered = head.lower()
    if "html" in READERS and (
        lowered.startswith((b"<!doctype html", b"<html", b"<?xml"))
        or b"<body" in lowered
        or b"<table" in lowered
        or (path or "").lower().endswith((".html", ".htm"))
    ):
        return "html"
    return "text"


def read_bytes(data: bytes, path: str | None = None, reader: str | None = None) -> Document:
    """Read a report from bytes. Raises ``ReadError`` when the input is not readable at all."""
    name = reader or sniff(data, path)
    if name not in READERS:
        raise ReadError("P901", f"未知的读取器：{name}", f"Unknown reader: {name}")
    module_name, kind = READERS[name]
    module = importlib.import_module(module_name)
    if kind == "bytes":
        lines = module.source_lines(data)
        source_text: tuple[str, ...] = tuple(line.raw for line in lines)
    else:
        text, _encoding = decode(data)
        source_text = tuple(text.splitlines())
        # The text reader's lines are the document's: the text is split once.
        lines = text_reader.split_lines(source_text) if module is text_reader else module.source_lines(text)
    return build_document(lines, path=path, reader=name, source_text=source_text)


def read_text(text: str, path: str | None = None) -> Document:
    source_text = tuple(text.splitlines())
    return build_document(text_reader.split_lines(source_text), path=path, reader="text", source_text=source_text)


def read_path(path: str | os.PathLike[str], reader: str | None = None, max_bytes: int | None = None) -> Document:
    """Read a report file. ``OSError`` propagates (an I/O error, not a finding)."""
    with open(path, "rb") as handle:
        data = handle.read(max_bytes + 1) if max_bytes else handle.read()
    if max_bytes and len(data) > max_bytes:
        raise InputTooLarge(
            "P901",
            f"文件超过大小上限（{max_bytes} 字节），未检查。",
            f"The file exceeds the size limit ({max_bytes} bytes) and was not checked.",
        )
    return read_bytes(data, os.fspath(path), reader)
