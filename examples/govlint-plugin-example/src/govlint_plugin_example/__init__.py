"""govlint-plugin-example: the ``govlint.rules`` entry point of this package points here.

govlint loads the module and calls its ``govlint_rules`` hook, which returns the rule classes.
"""

from __future__ import annotations

from govlint.rule import hookimpl

from .title import TitleNamesAgency


@hookimpl
def govlint_rules():
    return [TitleNamesAgency]
