"""Configuration files: ``govlint.toml`` (top level) or ``[tool.govlint]`` in ``pyproject.toml``.

The file is found by walking up from the checked paths, then from the working directory; its
directory is the project root (per-file-ignore globs, suppression paths and baseline
fingerprints are relative to it). ``--config FILE`` names one, ``--isolated`` ignores them all;
command-line flags override what the file says. Unknown keys, codes and values are errors with a
suggestion, because a misspelt ``ignore`` that silently does nothing is worse than no config.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from .config import REPORT_KINDS, Config, Suppression, validate_refs
from .finding import FAMILIES, SEVERITIES
from .rule import Rule

CONFIG_NAMES = ("govlint.toml", "pyproject.toml")  # looked for in this order in each directory
FAIL_ON = (*SEVERITIES, "never")
LANGS = ("zh", "en")
# deadlines may also set the one for an aggregate report whose level cannot be told (D304)
DEADLINE_KINDS = (*REPORT_KINDS, "aggregate")


class ConfigError(Exception):
    """A configuration file that cannot be used: the CLI prints it and exits 2."""


def find_config_file(start: str | os.PathLike[str]) -> Path | None:
    """The nearest ``govlint.toml``, or ``pyproject.toml`` with a ``[tool.govlint]`` table, in
    ``start`` or a parent directory."""
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _configures_govlint(candidate)):
                return candidate
    return None


def _configures_govlint(pyproject: Path) -> bool:
    """Whether a ``pyproject.toml`` has a ``[tool.govlint]`` table. One without the word anywhere
    (most: a project's own) is passed over unparsed, and so is not an error if it is invalid:
    it is not govlint's file."""
    try:
        if b"govlint" not in pyproject.read_bytes():
            return False
    except OSError:
        pass  # _read says why it cannot be read
    return "govlint" in _read(pyproject).get("tool", {})


def discover(
    paths: Iterable[str | os.PathLike[str]] = (),
    rules: Iterable[type[Rule]] = (),
    *,
    config_file: str | os.PathLike[str] | None = None,
    isolated: bool = False,
) -> Config:
    """The ``Config`` for checking ``paths``: from ``config_file``, else the nearest file above
    the paths (their common directory), else above the working directory, else the defaults."""
    if isolated:
        return Config()
    if config_file is None:
        starts = [Path(os.path.commonpath([os.path.abspath(p) for p in paths]))] if paths else []
        for start in (*starts, Path.cwd()):
            config_file = find_config_file(start)
            if config_file:
                break
        else:
            return Config()
    return load_config_file(config_file, rules)


def load_config_file(path: str | os.PathLike[str], rules: Iterable[type[Rule]] = ()) -> Config:
    path = Path(path)
    data = _read(path)
    if path.name == "pyproject.toml":
        if "govlint" not in data.get("tool", {}):
            raise ConfigError(f"{path}: no [tool.govlint] table")
        data, where = data["tool"]["govlint"], f"{path} [tool.govlint]"
    else:
        where = str(path)
    return config_from_mapping(data, list(rules), where=where, root=str(path.resolve().parent))


def config_from_mapping(data: Mapping[str, Any], rules: list[type[Rule]], *, where: str = "configuration",
                        root: str | None = None) -> Config:
    """A ``Config`` from the keys of a ``[tool.govlint]`` table (see ``KEYS``)."""
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: expected a table")
    changes: dict[str, Any] = {"root": root}
    options: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r}{_hint(key, KEYS)}")
        field, parse = KEYS[key]
        try:
            parsed = parse(value, rules)
        except ConfigError as exc:
            raise ConfigError(f"{where}: {key}: {exc}") from None
        if field.startswith("options."):
            options[field.removeprefix("options.")] = parsed
        else:
            changes[field] = parsed
    return attrs.evolve(Config(), options=options, **changes)


# --- value parsers: (value, known rules) -> the Config field's value; raise ConfigError -------

def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"expected a list of strings, got {value!r}")
    return tuple(value)


def _refs(value: Any, rules: list[type[Rule]]) -> tuple[str, ...]:
    refs = _strings(value)
    check_refs(refs, rules)
    return refs


def check_refs(refs: Iterable[str], rules: list[type[Rule]]) -> None:
    """Raise ``ConfigError`` naming the first reference that matches no rule, with a suggestion."""
    if not rules:
        return  # no registry to check against (a bare API call)
    for ref in validate_refs(tuple(refs), rules):
        known = ["ALL", *FAMILIES, *(r.code for r in rules), *(r.name for r in rules)]
        raise ConfigError(f"unknown rule code, name or family {ref!r}{_hint(ref, known)}")


def _choice(choices: tuple[str, ...]) -> Callable[[Any, list], str]:
    def parse(value: Any, rules: list[type[Rule]]) -> str:
        if value not in choices:
            raise ConfigError(f"{value!r} is not one of {', '.join(choices)}{_hint(str(value), choices)}")
        return value

    return parse


def _table(value: Any) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"expected a table, got {value!r}")
    return value


def _per_file_ignores(value: Any, rules: list[type[Rule]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((glob, _refs(refs, rules)) for glob, refs in _table(value).items())


def _severity(value: Any, rules: list[type[Rule]]) -> dict[str, str]:
    out = {}
    for ref, severity in _table(value).items():
        if rules and not any(ref in (r.code, r.name, *r.aliases) for r in rules):
            known = [*(r.code for r in rules), *(r.name for r in rules)]
            raise ConfigError(f"unknown rule {ref!r}{_hint(ref, known)} (severity takes exact codes or names)")
        out[ref] = _choice(SEVERITIES)(severity, rules)
    return out


def _deadlines(value: Any, rules: list[type[Rule]]) -> dict[str, tuple[int, int]]:
    """``{kind = "MM-DD"}`` → ``{kind: (month, day)}``: a local deadline earlier than the national one."""
    out = {}
    for kind, text in _table(value).items():
        _choice(DEADLINE_KINDS)(kind, rules)
        month, _, day = str(text).partition("-")
        try:
            out[kind] = (int(month), int(day))
            datetime.date(2000, *out[kind])  # a valid day of the year (2000: allows 02-29)
        except ValueError:
            raise ConfigError(f"{kind}: {text!r} is not a month and day like \"01-31\"") from None
    return out


def _limit(kind: type) -> Callable[[Any, list], Any]:
    """A non-negative limit; 0 turns the limit off (govlint.limits)."""
    def parse(value: Any, rules: list[type[Rule]]) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float) if kind is float else int) or value < 0:
            raise ConfigError(f"expected a {'number' if kind is float else 'whole number'} >= 0 (0: no limit), got {value!r}")
        return value

    return parse


_SUPPRESS_KEYS = ("code", "codes", "cell", "text", "path")


def _suppress(value: Any, rules: list[type[Rule]]) -> tuple[Suppression, ...]:
    if not isinstance(value, list):
        raise ConfigError("expected an array of tables ([[tool.govlint.suppress]])")
    out = []
    for entry in value:
        entry = _table(entry)
        for key in entry:
            if key not in _SUPPRESS_KEYS:
                raise ConfigError(f"unknown key {key!r}{_hint(key, _SUPPRESS_KEYS)}")
        codes = _refs([entry["code"]] if "code" in entry else entry.get("codes", []), rules)
        if not codes:
            raise ConfigError("each entry needs `code` or `codes`")
        if ("cell" in entry) == ("text" in entry):
            raise ConfigError("each entry needs exactly one of `cell` (\"T2/R3.4.2/C7\") or `text` (a quoted anchor)")
        cell = entry.get("cell")
        if cell is not None and (not isinstance(cell, str) or cell.count("/") != 2):
            raise ConfigError(f"cell {cell!r} is not an address like \"T2/R3.4.2/C7\"")
        out.append(Suppression(codes, cell=cell, text=entry.get("text"), path=entry.get("path")))
    return tuple(out)


def _file_name(value: Any, rules: list[type[Rule]]) -> str:
    """A file name; a relative one is resolved against the configuration file's directory."""
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"expected a file name, got {value!r}")
    return value


def _percent(value: Any, rules: list[type[Rule]]) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
        raise ConfigError(f"expected a percentage from 0 to 100, got {value!r}")
    return float(value)


# key → (Config field, or "options.<name>" for rule options; parser). docs/configuration.md
# documents every key, and a test keeps the two in step.
KEYS: dict[str, tuple[str, Callable[[Any, list], Any]]] = {
    "select": ("select", _refs),
    "extend-select": ("extend_select", _refs),
    "ignore": ("ignore", _refs),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "severity": ("severity", _severity),
    "fail-on": ("fail_on", _choice(FAIL_ON)),
    "lang": ("lang", _choice(LANGS)),
    "report-kind": ("report_kind", _choice(REPORT_KINDS)),
    "deadlines": ("options.deadlines", _deadlines),
    "max-bytes": ("options.max-bytes", _limit(int)),
    "time-budget": ("options.time-budget", _limit(float)),
    "suppress": ("suppressions", _suppress),
    "corpus-map": ("options.corpus-map", _file_name),  # govlint.identity.load_mapping
    "corpus-similarity": ("options.corpus-similarity", _percent),  # K802 section5-repeated
}


def _hint(word: str, known: Iterable[str]) -> str:
    import difflib  # for error messages only: not on the path of a run with a valid configuration

    known = list(known)
    same_but_case = [k for k in known if k.lower() == word.lower()]  # "a101" for "A101"
    close = same_but_case or difflib.get_close_matches(word, known, n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _read(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a file to read: a run without one does not load the parser

    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
