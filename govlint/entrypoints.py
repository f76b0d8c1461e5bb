"""An entry-point group's (name, value) pairs, cached between runs.

Looking entry points up imports importlib.metadata (with email, zipfile and csv: ~13 ms of a
single-file check) and reads every installed distribution's metadata. What the lookup finds
depends only on the distribution directories in the ``sys.path`` entries, so its answer is kept
under a key that changes whenever the answer could: ``sys.path``, and in each entry the names of
the distribution directories with the inode, size and modification time of their
``entry_points.txt`` (for a zip file on ``sys.path``, the file's own). Installing, upgrading or
removing a package, a new ``.pth`` path or an egg-info rewritten in place all change the key;
computing it costs a directory listing per ``sys.path`` entry and a stat per distribution.

The cache is one file per interpreter version in ``$XDG_CACHE_HOME/govlint`` (``~/.cache/govlint``);
deleting it is always safe and ``GOVLINT_NO_CACHE=1`` turns it off. A cache that is missing,
unreadable, corrupt, stale or cannot be written only means the real lookup runs.
"""

from __future__ import annotations

import importlib
import marshal
import os
import re
import sys

_FORMAT = 1
_KEEP = 16  # sys.path layouts remembered (a console script, python -m from a few directories, ...)
# importlib.metadata.EntryPoint.pattern: "module", "module:attr.attr", with optional [extras]
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")

Pairs = tuple[tuple[str, str], ...]


def entry_points(group: str) -> Pairs:
    """The (name, value) pairs of ``group``'s entry points, as importlib.metadata finds them."""
    if os.environ.get("GOVLINT_NO_CACHE") or not _paths_only():
        return _lookup(group)
    where = (group, tuple(sys.path))
    state = _state(where[1])  # before the lookup: an install during it makes the next run look again
    path = _cache_file()
    cached = _read(path) if path else {}
    hit = cached.get(where)
    if hit is not None and hit[0] == state:
        return hit[1]
    pairs = _lookup(group)
    if path:
        cached.pop(where, None)
        cached[where] = (state, pairs)  # most recent last; the oldest layouts drop out
        _write(path, dict(list(cached.items())[-_KEEP:]))
    return pairs


def load(value: str) -> object:
    """The module or object an entry point's value names (``importlib.metadata.EntryPoint.load``)."""
    match = _VALUE.match(value)
    if match is None:
        raise ValueError(f"malformed entry point value {value!r}")
    loaded = importlib.import_module(match["module"])
    for name in filter(None, (match["attr"] or "").split(".")):
        loaded = getattr(loaded, name)
    return loaded


def _lookup(group: str) -> Pairs:
    from importlib.metadata import entry_points

    return tuple((ep.name, ep.value) for ep in entry_points(group=group))


def _paths_only() -> bool:
    """Whether distributions come only from ``sys.path`` (importlib's own finder), which the key
    describes; an import hook that supplies distributions of its own bypasses the cache."""
    from importlib.machinery import PathFinder

    return all(finder is PathFinder or getattr(finder, "find_distributions", None) is None
               for finder in sys.meta_path)


def _state(entries: tuple[str, ...]) -> tuple:
    return tuple(map(_entry_state, entries))


def _entry_state(entry: str):
    root = entry or "."
    try:
        with os.scandir(root) as children:
            names = sorted(child.name for child in children if _is_metadata(child.name))
    except NotADirectoryError:  # a zip file
        return _identity(root)
    except OSError:
        return None
    return tuple((name, _identity(os.path.join(root, name, "entry_points.txt"))) for name in names)


def _is_metadata(name: str) -> bool:
    """A directory importlib.metadata reads a distribution from (``EGG-INFO`` inside an .egg)."""
    low = name.lower()
    return low.endswith((".dist-info", ".egg-info")) or low == "egg-info"


def _identity(path: str) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def _cache_file() -> str | None:
    tag = sys.implementation.cache_tag  # marshal's format and importlib's rules are per version
    if tag is None:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "govlint", f"entry-points.{tag}.marshal")


def _read(path: str) -> dict:
    """The cached layouts: {(group, sys.path): (state, pairs)}; {} for anything unexpected."""
    try:
        with open(path, "rb") as file:
            data = marshal.loads(file.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not (isinstance(data, tuple) and len(data) == 2 and data[0] == _FORMAT and isinstance(data[1], dict)):
        return {}
    return {where: hit for where, hit in data[1].items() if _well_formed(hit)}


def _well_formed(hit) -> bool:
    return (isinstance(hit, tuple) and len(hit) == 2 and isinstance(hit[1], tuple)
            and all(isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(s, str) for s in pair)
                    for pair in hit[1]))


def _write(path: str, cached: dict) -> None:
    """Replace the cache file whole (never a half-written one for a concurrent reader); an
    unwritable cache directory is not an error."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as file:
            file.write(marshal.dumps((_FORMAT, cached)))
        os.replace(temporary, path)
    except (OSError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass
