"""govlint's built-in rule pack, registered through the ``govlint.rules`` entry point exactly as
a third-party plugin is. One module per rule family."""

from __future__ import annotations

from govlint.rule import hookimpl

from . import arithmetic


@hookimpl
def govlint_rules() -> list[type]:
    return [
        arithmetic.MissingCell,
        arithmetic.Table2Balance,
        arithmetic.Table2OutcomeTotal,
        arithmetic.Table2RowTotal,
        arithmetic.Table3Totals,
    ]
