"""govlint's built-in rule pack, registered through the ``govlint.rules`` entry point exactly as
a third-party plugin is. One module per rule family; every ``Rule`` subclass with a ``code``
defined in a family module is part of the pack, and so is every ``CorpusRule`` subclass (given
to the corpus hook, not the document one)."""

from __future__ import annotations

import importlib
import pkgutil

from govlint.rule import CorpusRule, Rule, RuleIdentity, hookimpl

# Modules that hold shared helpers, not rules.
_HELPERS = {"identities"}


def _family_modules():
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_") and info.name not in _HELPERS:
            yield importlib.import_module(f"{__name__}.{info.name}")


def _defined(base: type[RuleIdentity]) -> list:
    """The classes deriving from ``base`` that a family module defines with their own ``code``."""
    found = []
    for module in _family_modules():
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, base) and value.__module__ == module.__name__
                    and "code" in vars(value)):
                found.append(value)
    return found


@hookimpl
def govlint_rules() -> list[type[Rule]]:
    return _defined(Rule)


@hookimpl
def govlint_corpus_rules() -> list[type[CorpusRule]]:
    return _defined(CorpusRule)
