"""govlint: lint Chinese government information-disclosure annual reports.

    >>> import govlint
    >>> findings = govlint.lint_path("report.txt")
    >>> doc = govlint.read("report.txt")

Names are imported on first use so that ``import govlint`` stays instant.
"""

from __future__ import annotations

__version__ = "0.1.0"

_LAZY = {
    "lint_text": "govlint.api",
    "lint_path": "govlint.api",
    "lint_paths": "govlint.api",
    "lint_corpus": "govlint.corpus",
    "lint_many": "govlint.api",
    "read": "govlint.api",
    "FileResult": "govlint.api",
    "Config": "govlint.config",
    "Finding": "govlint.finding",
    "Document": "govlint.model",
    "Rule": "govlint.rule",
    "Context": "govlint.rule",
    "hookimpl": "govlint.hookspecs",
    "ReadError": "govlint.source",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'govlint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
