"""The engine: run every enabled rule on a document and collect findings.

A rule that raises becomes an ``X001`` finding for that document and the others still run; a
plugin that failed to load becomes ``X002``. Reading errors become ``P901``.
"""

from __future__ import annotations

import attrs

from .config import Config
from .core_rules import PluginFailed, RuleCrashed, TimeBudgetExceeded, UnreadableInput
from .finding import Finding
from .limits import check_deadline, deadline_to_check
from .model import Document
from .plugins import Registry
from .source import ReadError
from .rule import Context, Rule, RuleIdentity
from .fingerprint import anchor_text
from .suppress import unsuppressed


_FAMILIES_FOR_NON_REPORTS = frozenset({"parse", "internal"})


def lint_document(doc: Document, registry: Registry, config: Config) -> list[Finding]:
    findings: list[Finding] = []
    options = config.rule_options()
    for error in registry.errors:
        findings.append(_placed(_core_finding(
            PluginFailed, config, zh=f"规则插件 {error.plugin} 加载失败：{error.error}",
            en=f"Rule plugin {error.plugin} failed to load: {error.error}"), doc))
    # A file with no section and no table is not a report: P902 says so once, instead of every
    # rule reporting its own "missing …" about a news article.
    families = None if doc.sections or doc.tables else _FAMILIES_FOR_NON_REPORTS
    lang = config.lang
    checked = deadline_to_check()  # where no timer can interrupt a rule, stop between rules (govlint.limits)
    for rule_class, severity in _enabled(registry, config):
        if families and rule_class.family not in families:
            continue
        if checked:
            check_deadline()
        rule = rule_class()
        try:
            produced = list(rule.check(doc, Context(rule, lang, options)))
        except Exception as exc:  # noqa: BLE001 - a crashing rule is reported, never fatal
            findings.append(_placed(rule_crashed(rule_class, exc, config), doc))
            continue
        if produced:  # most rules find nothing in most documents
            findings.extend(_placed(f, doc, severity) for f in produced)
    findings = unsuppressed(doc, findings, config, registry)  # inline directives and config ignores
    findings.sort(key=Finding.sort_key)
    return findings


# The rules a configuration enables, with their configured severities, for the last (registry,
# configuration) pair: a run lints every document with the same pair. Swapped whole, so threads
# never see half of one; it holds one pair.
_enabled_memo: tuple[Registry | None, Config | None, tuple[tuple[type[Rule], str], ...]] = (None, None, ())


def _enabled(registry: Registry, config: Config) -> tuple[tuple[type[Rule], str], ...]:
    """(rule class, configured severity or "") of every rule ``config`` enables, in order."""
    global _enabled_memo
    current = _enabled_memo
    if current[0] is not registry or current[1] is not config:
        enabled = tuple((r, config.severity_of(r, "")) for r in registry.rules if config.enabled(r))
        current = _enabled_memo = (registry, config, enabled)
    return current[2]


def _placed(finding: Finding, doc: Document, severity: str = "") -> Finding:
    """``finding`` with the document's path, the configured ``severity`` if any, and the source
    text at its span as anchor (``fingerprint.anchor_text``): one copy of the finding, not three."""
    changes: dict[str, str] = {}
    if finding.path != doc.path:
        changes["path"] = doc.path
    if severity and finding.severity != severity:
        changes["severity"] = severity
    anchor = anchor_text(finding, doc.lines)  # text for fingerprints and text ignores
    if anchor is not None:
        changes["anchor"] = anchor
    return attrs.evolve(finding, **changes) if changes else finding


def rule_crashed(rule_class: type[RuleIdentity], exc: Exception, config: Config) -> Finding:
    """The X001 finding for a rule (document or corpus rule) that raised ``exc``."""
    import traceback  # only when a rule crashed

    where = traceback.extract_tb(exc.__traceback__)[-1]
    return _core_finding(
        RuleCrashed, config,
        zh=f"规则 {rule_class.code}（{rule_class.name}）运行出错：{type(exc).__name__}: {exc}"
           f"（{where.filename}:{where.lineno}）",
        en=f"Rule {rule_class.code} ({rule_class.name}) crashed: {type(exc).__name__}: {exc}"
           f" ({where.filename}:{where.lineno})",
        actual=rule_class.code)


def read_error_finding(error: ReadError, path: str | None, config: Config) -> Finding:
    return attrs.evolve(_core_finding(UnreadableInput, config, zh=error.message_zh, en=error.message_en), path=path)


def time_budget_finding(path: str | None, config: Config, seconds: float, where: str) -> Finding:
    finding = _core_finding(
        TimeBudgetExceeded, config,
        zh=f"检查超过了每个文件的时间上限（{seconds:g} 秒），已停止，未完成检查（停在 {where}）。",
        en=f"Checking exceeded the per-document time budget ({seconds:g} s) and was stopped"
           f" unfinished (at {where}).",
        actual=where)
    return attrs.evolve(finding, path=path)


def _core_finding(rule_class: type[Rule], config: Config, *, zh: str, en: str, actual=None) -> Finding:
    ctx = Context(rule_class(), config.lang)
    finding = ctx.report(zh=zh, en=en, actual=actual)
    severity = config.severity_of(rule_class, "")
    return attrs.evolve(finding, severity=severity) if severity else finding
