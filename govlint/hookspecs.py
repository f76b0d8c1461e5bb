"""The hooks a govlint plugin implements. The built-in rule pack uses exactly these.

A plugin is a module or object with ``@hookimpl`` functions, registered through the
``govlint.rules`` entry-point group::

    [project.entry-points."govlint.rules"]
    my_rules = "my_package.plugin"
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("govlint")
hookimpl = pluggy.HookimplMarker("govlint")

ENTRY_POINT_GROUP = "govlint.rules"


@hookspec
def govlint_rules() -> list[type]:
    """Return the document rule classes (subclasses of ``govlint.rule.Rule``) this plugin provides.

    Each class declares ``code``, ``name``, ``family`` and ``severity`` and documents itself in
    its docstring (what it checks, why, the authority, an example): ``govlint explain CODE``
    prints it. Rules see one ``Document`` at a time and yield ``Finding`` objects through
    ``ctx.report(...)``.
    """


@hookspec
def govlint_corpus_rules() -> list[type]:
    """Return the corpus rule classes (subclasses of ``govlint.rule.CorpusRule``) this plugin
    provides.

    Corpus rules run once per run, after every document has been checked, on the summaries of
    all the reports (``govlint.corpus.Corpus``): the same agency across years, the units of a
    region. They declare themselves like document rules and yield findings through
    ``ctx.report(about=report, ...)``, with ``ctx.related(other, ...)`` for the other report.
    """
