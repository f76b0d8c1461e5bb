"""LazyPattern: compiled on first use, then the compiled pattern's own methods."""

from __future__ import annotations

import copy

import regex

from govlint.lazyregex import LazyPattern


def test_it_compiles_once_on_first_use_and_answers_as_the_pattern_does():
    lazy = LazyPattern(r"(?P<n>\d+)件", regex.IGNORECASE)
    assert lazy._compiled is None
    compiled = regex.compile(r"(?P<n>\d+)件", regex.IGNORECASE)
    assert lazy.search("共12件")["n"] == compiled.search("共12件")["n"] == "12"
    first = lazy._compiled
    assert [m.span() for m in lazy.finditer("1件 22件")] == [m.span() for m in compiled.finditer("1件 22件")]
    assert lazy.sub("", "3件") == "" and lazy.pattern == compiled.pattern and lazy.groupindex == compiled.groupindex
    assert lazy._compiled is first
    assert "search" in vars(lazy)  # later calls find the bound method on the instance


def test_a_pattern_never_used_is_never_compiled_and_copies_as_it_is():
    lazy = LazyPattern(r"(unbalanced")  # would raise if compiled
    assert "unbalanced" in repr(lazy)
    assert copy.copy(lazy)._compiled is None
