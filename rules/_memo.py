"""What several rules of the pack derive from the same document, derived once."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from govlint.rule import Document

T = TypeVar("T")


def per_document(build: Callable[[Document], Iterable[T]]) -> Callable[[Document], Iterator[T]]:
    """Keep ``build``'s items for the last document asked about: the engine runs the rules of one
    document in a row, and several of them ask for the same items. The (document, items) pair
    is swapped whole, so two threads never mix two documents."""
    memo: tuple[Document | None, tuple[T, ...]] = (None, ())

    @functools.wraps(build)
    def cached(doc: Document) -> Iterator[T]:
        nonlocal memo
        current = memo
        if current[0] is not doc:
            current = memo = (doc, tuple(build(doc)))
        return iter(current[1])

    return cached
