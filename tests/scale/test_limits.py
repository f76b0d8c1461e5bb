"""Limits: input size, per-document time budget, hanging or raising plugins, linear regexes."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import signal
import threading
import time

import pytest
import regex

import govlint
import govlint_rules
from govlint import hookimpl
from govlint.api import lint_file
from govlint.config import Config
from govlint.lazyregex import LazyPattern
from govlint.limits import BudgetExceeded, check_deadline, deadline_to_check, time_budget
from govlint.plugins import load_registry
from govlint.rule import Rule
from tests.conftest import seed_path


class _Hangs(Rule):
    """Loops forever in pure Python, catching everything it can."""

    code = "Z901"
    name = "hangs-forever"
    family = "format"
    severity = "error"

    def check(self, doc, ctx):
        while True:
            try:
                time.sleep(60)
            except Exception:  # noqa: BLE001 - a rule that swallows errors must still be stopped
                pass


class _Raises(Rule):
    """Raises on every document."""

    code = "Z902"
    name = "always-raises"
    family = "format"
    severity = "error"

    def check(self, doc, ctx):
        raise RuntimeError("boom")


class _Plugin:
    def __init__(self, *rules):
        self.rules = list(rules)

    @hookimpl
    def govlint_rules(self):
        return self.rules


def _budget(seconds):
    return Config(options={"time-budget": seconds})


def test_a_hanging_rule_becomes_x003_and_the_next_file_is_checked(tmp_path):
    govlint.lint_path(seed_path("000"))  # warm up: the first document loads the rules' data (place tables)
    registry = load_registry([_Plugin(_Hangs)])
    start = time.monotonic()
    first = lint_file(seed_path("000"), _budget(0.5), registry)
    assert time.monotonic() - start < 5
    assert [f.code for f in first.findings] == ["X003"]
    assert first.skipped == "time-budget"
    assert "test_limits.py" in first.findings[0].actual  # names where the rule was stopped
    # the alarm is disarmed: the next file, with no hanging rule, is checked in full
    second = lint_file(seed_path("000"), _budget(5), load_registry())
    assert second.skipped is None and "X003" not in {f.code for f in second.findings}


def test_a_raising_rule_becomes_x001_and_the_other_rules_still_run():
    findings = govlint.lint_path(seed_path("002"), plugins=[_Plugin(_Raises)])
    crashed = [f for f in findings if f.code == "X001"]
    assert len(crashed) == 1 and "Z902" in crashed[0].message and "boom" in crashed[0].message
    assert {f.code for f in findings} - {"X001"} == {f.code for f in govlint.lint_path(seed_path("002"))}


def test_lint_text_has_the_budget_too():
    text = seed_path("000").read_text(encoding="utf-8")
    govlint.lint_text(text)  # warm up
    findings = govlint.lint_text(text, config=_budget(0.3), plugins=[_Plugin(_Hangs)])
    assert [f.code for f in findings] == ["X003"]


def test_without_a_timer_the_deadline_is_checked_between_rules():
    """In a worker thread (Dask threads) no SIGALRM: check_deadline stops the next rule."""
    outcome = []

    def run():
        with time_budget(0.05):
            time.sleep(0.1)
            try:
                check_deadline()
            except BudgetExceeded:
                outcome.append("stopped")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert outcome == ["stopped"]


def test_only_a_budget_no_timer_enforces_is_checked_between_rules():
    """The engine checks the deadline between rules only where no timer interrupts the document."""
    seen = []

    def run():
        with time_budget(5):
            seen.append(deadline_to_check())

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    with time_budget(5):  # the main thread: SIGALRM stops the document wherever it is
        seen.append(deadline_to_check())
    with time_budget(None):
        seen.append(deadline_to_check())
    assert seen == [True, False, False]


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no SIGALRM timer on this platform")
@pytest.mark.parametrize("handler", [signal.SIG_DFL, signal.SIG_IGN, lambda signum, frame: None])
def test_a_budget_gives_back_the_alarm_handler_it_found(handler):
    previous = signal.signal(signal.SIGALRM, handler)
    try:
        with time_budget(5):
            assert signal.getsignal(signal.SIGALRM) is not handler
        assert signal.getsignal(signal.SIGALRM) == handler
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_size_limit_gives_p901_and_marks_the_file_skipped(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(seed_path("000").read_bytes())
    result = lint_file(path, Config(options={"max-bytes": 1000}), load_registry())
    assert [f.code for f in result.findings] == ["P901"]
    assert result.skipped == "max-bytes"
    assert "1000" in result.findings[0].message
    assert lint_file(path, Config(), load_registry()).skipped is None  # the default limit is 50 MiB


def test_a_size_limit_in_the_config_reaches_the_cli(tmp_path, capsys):
    from govlint import cli

    (tmp_path / "govlint.toml").write_text('max-bytes = 1000\n', encoding="utf-8")
    report = tmp_path / "big.txt"
    report.write_bytes(seed_path("000").read_bytes())
    code = cli.main(["check", str(report), "--lang", "en", "--config", str(tmp_path / "govlint.toml")])
    out = capsys.readouterr().out
    assert code == 1
    assert "P901" in out and "size limit (1000 bytes)" in out
    assert "1 file(s) skipped" in out


# --- every regular expression of govlint and the rule pack is linear -----------------------------------

_N = 20_000
_ATTACKS = {
    "spaces": " " * _N + "x",
    "numeral then spaces": "一" + " " * _N + "x",
    "year then spaces": "2024" + " " * _N + "x",
    "date then spaces": "2024年1月1日" + " " * _N + "x",
    "digits": "2024" + "1" * _N + "x",
    "repeated dates": "2024年 " * (_N // 6),
    "cjk": "年" * _N,
    "pipes": "|" * _N,
    "dots and dashes": ".-" * (_N // 2),
    "phone-like": "电话：0" + "-0" * (_N // 2) + "x",
    "email-like": "邮箱：a" + ".a" * (_N // 2) + "@",
    "enumerators": "（一）" * (_N // 3),
    "mixed": "一、总体情况 2024年 | 0 | 电话 010-8 " * (_N // 30),
    "place names": "广西江苏" * (_N // 4),
}


def _patterns():
    modules = ["govlint." + m.name for m in pkgutil.iter_modules(govlint.__path__)]
    modules += ["govlint.readers." + m.name for m in pkgutil.iter_modules(importlib.import_module("govlint.readers").__path__)]
    modules += ["govlint_rules." + m.name for m in pkgutil.iter_modules(govlint_rules.__path__)]
    for name in modules:
        try:
            module = importlib.import_module(name)
        except ImportError:  # a reader whose optional library is absent
            continue
        source = inspect.getsource(module)
        for attr, value in vars(module).items():
            for where, pattern in _held(attr, value):
                methods = set(regex.findall(rf"\b{attr}\.(\w+)\(", source))
                anchored = where == attr and bool(methods) and methods <= {"match", "fullmatch"}
                yield pytest.param(pattern, anchored, id=f"{name}.{where}")
    # patterns a function builds (per year, from a list of names): built here as the rules build them
    from govlint_rules import _places, narrative

    for i, pattern in enumerate(_places._province_patterns()):
        yield pytest.param(pattern, False, id=f"govlint_rules._places._province_patterns[{i}]")
    for year in (None, 2024):
        for i, pattern in enumerate(narrative._carried_out(year)):
            yield pytest.param(pattern, False, id=f"govlint_rules.narrative._carried_out({year})[{i}]")


def _held(attr: str, value, depth: int = 0):
    """(where, pattern) for a str pattern that ``value`` is or holds in a tuple, list or dict (as
    tables of patterns do), two levels down. A LazyPattern is a pattern too: its ``.pattern``
    compiles it. So is a standard ``re`` pattern (the rules' word alternations). (Bytes patterns:
    the only one, decode._DECLARED, reads the first 4 KiB of a file.)"""
    if isinstance(value, (regex.Pattern, re.Pattern, LazyPattern)):
        if isinstance(value.pattern, str):
            yield attr, value
    elif depth < 2 and isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _held(f"{attr}[{i}]", item, depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for key, item in value.items():
            yield from _held(f"{attr}[{key!r}]", item, depth + 1)


@pytest.mark.parametrize(("pattern", "anchored"), list(_patterns()))
def test_pattern_is_linear_on_adversarial_input(pattern, anchored):
    """20,000 characters of the worst input we know: a quadratic pattern takes seconds here
    (the old heading pattern took 0.3 s on 5,000 spaces), a linear one milliseconds. A pattern
    its module only ever calls with ``match``/``fullmatch`` is tried once per text (from its
    start) as it is used; any other is searched through the whole text (``finditer``)."""
    for attack, text in _ATTACKS.items():
        if isinstance(pattern, re.Pattern):  # no timeout in the standard re: timed instead
            start = time.monotonic()
            _ = pattern.match(text) if anchored else list(pattern.finditer(text))
            assert time.monotonic() - start < 1.0, f"{pattern.pattern!r} is superlinear on {attack}"
            continue
        try:
            if anchored:
                pattern.match(text, timeout=1.0)
            else:
                for _ in pattern.finditer(text, timeout=1.0):
                    pass
        except TimeoutError:
            pytest.fail(f"{pattern.pattern!r} is superlinear on {attack}")


def test_a_hanging_plugin_in_pool_workers_does_not_hang_the_batch(tmp_path):
    from concurrent.futures import ProcessPoolExecutor

    for i in range(4):
        (tmp_path / f"r{i}.txt").write_bytes(seed_path("000").read_bytes())
    start = time.monotonic()
    with ProcessPoolExecutor(2) as pool:
        results = list(govlint.lint_many([tmp_path], pool, config=_budget(1), plugins=[_Plugin(_Hangs)], chunk=1))
    assert time.monotonic() - start < 30
    assert [r.skipped for r in results] == ["time-budget"] * 4
    assert all([f.code for f in r.findings] == ["X003"] for r in results)
