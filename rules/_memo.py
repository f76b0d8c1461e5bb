"""What several rules of the pack derive from the same document, derived once."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from govlint.rule import Document

T = TypeVar("T")


def per_document(build: Callable[[Document], T]) -> Callable[[Document], T]:
    """Keep what ``build`` returns for the last document asked about: the engine runs the rules
    of one document in a row, and several of them ask for the same thing. The value is shared,
    so ``build`` returns something nobody changes (a tuple, a dict only read). The (document,
    value) pair is swapped whole, so two threads never mix two documents; one document's value
    is all the memory it holds."""
    memo: tuple[Document | None, T | None] = (None, None)

    @functools.wraps(build)
    def cached(doc: Document) -> T:
        nonlocal memo
        current = memo
        if current[0] is not doc:
            current = memo = (doc, build(doc))
        return current[1]

    return cached
