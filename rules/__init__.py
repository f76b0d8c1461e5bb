"""govlint's built-in rule pack, registered through the ``govlint.rules`` entry point exactly as
a third-party plugin is. One module per rule family; every ``Rule`` subclass with a ``code``
defined in a family module is part of the pack."""

from __future__ import annotations

import importlib
import pkgutil

from govlint.rule import Rule, hookimpl

# Modules that hold shared helpers, not rules.
_HELPERS = {"identities"}


def _family_modules():
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_") and info.name not in _HELPERS:
            yield importlib.import_module(f"{__name__}.{info.name}")


@hookimpl
def govlint_rules() -> list[type[Rule]]:
    found = []
    for module in _family_modules():
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module.__name__
                    and "code" in vars(value)):
                found.append(value)
    return found
