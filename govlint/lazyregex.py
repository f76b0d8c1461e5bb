"""Regular expressions compiled on first use.

The ``regex`` module compiles in Python, ~0.1–1 ms a pattern, and a module-level pattern is
compiled by every process that imports its module: a single-file check compiles ~100. Patterns
that only some reports need (contact details, run-on lines, HTML charsets, suppression comments)
are made with ``LazyPattern`` instead, so a check pays for the ones its report uses.
"""

from __future__ import annotations

import regex


class LazyPattern:
    """Stands for ``regex.compile(pattern, flags)``, compiled when an attribute is first asked
    for. Each attribute (``search``, ``finditer``, ...) is then kept on the instance, so later
    uses are one attribute lookup, as on the compiled pattern itself."""

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self._source = (pattern, flags)
        self._compiled: regex.Pattern | None = None

    def __getattr__(self, name: str):
        if name.startswith("__"):  # copy, pickle and the like probe for protocol methods
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = regex.compile(*self._source)
        value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r}, {self._source[1]!r})"
