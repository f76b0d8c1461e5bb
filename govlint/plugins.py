"""Loading rule plugins through pluggy and the ``govlint.rules`` entry-point group."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

import pluggy
from attrs import frozen

from . import core_rules, entrypoints, hookspecs
from .rule import CorpusRule, Rule, RuleIdentity


@frozen
class LoadError:
    plugin: str
    error: str


@frozen
class Registry:
    """Every rule class that loaded (document rules, then corpus rules), and the plugins that
    failed to."""

    rules: tuple[type[Rule], ...]
    errors: tuple[LoadError, ...] = ()
    corpus_rules: tuple[type[CorpusRule], ...] = ()

    @property
    def every_rule(self) -> tuple[type[RuleIdentity], ...]:
        """Document and corpus rules together, by code: what `govlint rules` lists and
        configuration may name."""
        return tuple(sorted((*self.rules, *self.corpus_rules), key=lambda r: r.code))

    def find(self, ref: str) -> type[RuleIdentity] | None:
        """A rule by code, name or alias."""
        for rule in self.every_rule:
            if ref in (rule.code, rule.name) or ref in rule.aliases:
                return rule
        return None


def make_manager(plugins: Sequence[object] = (), entry_points: bool = True) -> tuple[pluggy.PluginManager, list[LoadError]]:
    pm = pluggy.PluginManager("govlint")
    pm.add_hookspecs(hookspecs)
    pm.register(core_rules, name="govlint.core")
    errors: list[LoadError] = []
    if entry_points:
        _load_entry_points(pm, errors)
    for plugin in plugins:
        pm.register(plugin)
    return pm, errors


def _load_entry_points(pm: pluggy.PluginManager, errors: list[LoadError]) -> None:
    """Like ``pm.load_setuptools_entrypoints`` but a plugin whose import fails is recorded, not
    fatal, and the group is looked up through govlint's cache (``govlint.entrypoints``)."""
    for name, value in entrypoints.entry_points(hookspecs.ENTRY_POINT_GROUP):
        if pm.get_plugin(name) or pm.is_blocked(name):
            continue
        try:
            plugin = entrypoints.load(value)
        except Exception as exc:  # a broken third-party package must not take the run down
            errors.append(LoadError(name, f"{type(exc).__name__}: {exc}"))
            continue
        pm.register(plugin, name=name)


def collect(pm: pluggy.PluginManager, errors: list[LoadError]) -> Registry:
    seen: dict[str, type[RuleIdentity]] = {}  # codes and names are unique across both kinds
    rules = _collect_hook(pm.hook.govlint_rules, Rule, seen, errors)
    corpus_rules = _collect_hook(pm.hook.govlint_corpus_rules, CorpusRule, seen, errors)
    return Registry(tuple(rules), tuple(errors), tuple(corpus_rules))


def _collect_hook(hook, base: type, seen: dict[str, type[RuleIdentity]], errors: list[LoadError]) -> list:
    rules: list = []
    for impl in hook.get_hookimpls():
        try:
            provided = impl.function()
        except Exception as exc:
            errors.append(LoadError(impl.plugin_name, f"{type(exc).__name__}: {exc}"))
            continue
        for rule in provided or ():
            try:
                if not (isinstance(rule, type) and issubclass(rule, base)):
                    raise ValueError(f"{rule!r} is not a govlint.rule.{base.__name__} subclass")
                rule.validate()
                for ref in (rule.code, rule.name, *rule.aliases):
                    if ref in seen and seen[ref] is not rule:
                        raise ValueError(f"{ref} is already used by {seen[ref].__qualname__}")
            except ValueError as exc:
                errors.append(LoadError(impl.plugin_name, str(exc)))
                continue
            for ref in (rule.code, rule.name, *rule.aliases):
                seen[ref] = rule
            rules.append(rule)
    rules.sort(key=lambda r: r.code)
    return rules


@functools.lru_cache(maxsize=8)
def _default_registry() -> Registry:
    pm, errors = make_manager()
    return collect(pm, errors)


def load_registry(plugins: Iterable[object] = (), entry_points: bool = True) -> Registry:
    """The rules of every installed plugin (entry points) plus ``plugins`` given directly."""
    plugins = tuple(plugins)
    if not plugins and entry_points:
        return _default_registry()
    pm, errors = make_manager(plugins, entry_points)
    return collect(pm, errors)
