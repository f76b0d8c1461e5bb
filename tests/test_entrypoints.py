"""The entry-point cache: a warm run does not import importlib.metadata, and nothing that could
change the answer (a distribution added, removed or rewritten, a corrupt or unwritable cache)
ever hides a plugin or fails the lookup."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from importlib.metadata import entry_points as real_entry_points

import pytest

from govlint import entrypoints

GROUP = "govlint.rules"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A private cache directory; its one file is returned."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("GOVLINT_NO_CACHE", raising=False)
    if not entrypoints._paths_only():
        # importlib_metadata (the backport dask imports in other tests) replaces importlib's
        # distribution finder with its own, which the cache steps aside for: put importlib's back
        from importlib.machinery import PathFinder
        from importlib.metadata import MetadataPathFinder

        monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path if not hasattr(f, "find_distributions")])
        monkeypatch.setattr(PathFinder, "find_distributions", MetadataPathFinder.find_distributions, raising=False)
    assert entrypoints._paths_only()
    return tmp_path / "cache" / "govlint" / f"entry-points.{sys.implementation.cache_tag}.marshal"


@pytest.fixture
def site(tmp_path, monkeypatch):
    """An empty directory on sys.path, to install fake distributions into."""
    path = tmp_path / "site"
    path.mkdir()
    monkeypatch.syspath_prepend(str(path))
    return path


def real() -> tuple[tuple[str, str], ...]:
    return tuple((ep.name, ep.value) for ep in real_entry_points(group=GROUP))


def install(site, name: str, entries: str) -> None:
    dist = site / f"{name}-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[{GROUP}]\n{entries}\n", encoding="utf-8")


def test_a_cold_and_a_warm_lookup_give_what_importlib_metadata_gives(cache):
    assert not cache.exists()
    assert entrypoints.entry_points(GROUP) == real()
    assert cache.exists()
    assert entrypoints.entry_points(GROUP) == real()
    assert ("builtin", "govlint_rules") in real()


def test_a_warm_run_does_not_import_importlib_metadata(cache):
    code = ("import sys\nfrom govlint.plugins import load_registry\n"
            "assert load_registry().find('A101') is not None\n"
            "print('importlib.metadata' in sys.modules)\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache.parents[1])}
    env.pop("GOVLINT_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert runs == ["True\n", "False\n"]


def test_a_distribution_added_rewritten_or_removed_is_seen_at_once(cache, site):
    before = entrypoints.entry_points(GROUP)
    install(site, "added_rules", "added = added_rules")
    assert entrypoints.entry_points(GROUP) == real() == (("added", "added_rules"), *before)
    # its entry_points.txt rewritten in place (an egg-info regenerated), in the same second
    (site / "added_rules-1.0.dist-info" / "entry_points.txt").write_text(
        f"[{GROUP}]\nadded = added_rules\nmore = more_rules:hook\n", encoding="utf-8")
    assert entrypoints.entry_points(GROUP) == real() == (("added", "added_rules"), ("more", "more_rules:hook"), *before)
    for child in (site / "added_rules-1.0.dist-info").iterdir():
        child.unlink()
    (site / "added_rules-1.0.dist-info").rmdir()
    assert entrypoints.entry_points(GROUP) == before


def test_a_new_path_entry_is_a_different_layout(cache, tmp_path, monkeypatch):
    before = entrypoints.entry_points(GROUP)
    other = tmp_path / "other"
    other.mkdir()
    install(other, "other_rules", "other = other_rules")
    monkeypatch.syspath_prepend(str(other))
    assert entrypoints.entry_points(GROUP) == (("other", "other_rules"), *before)
    monkeypatch.undo()
    assert entrypoints.entry_points(GROUP) == before


def matching(pairs) -> bytes:
    """A cache file whose entry matches this layout, holding ``pairs``."""
    where = (GROUP, tuple(sys.path))
    return marshal.dumps((1, {where: (entrypoints._state(where[1]), pairs)}))


@pytest.mark.parametrize("content", [
    b"", b"\x00garbage", marshal.dumps([1, 2]), marshal.dumps((1, {"a": 1})), marshal.dumps((2, {})),
    lambda: matching((("x", 1),)), lambda: matching("x"), lambda: matching(None),
])
def test_a_corrupt_cache_is_ignored_and_replaced(cache, site, content):
    install(site, "present_rules", "present = present_rules")
    content = content() if callable(content) else content
    cache.parent.mkdir(parents=True)
    cache.write_bytes(content)
    assert entrypoints.entry_points(GROUP) == real()
    assert ("present", "present_rules") in real()
    assert cache.read_bytes() != content


def test_a_cache_that_cannot_be_written_only_costs_the_lookup(tmp_path, monkeypatch, site):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # makedirs under a file fails, even as root
    install(site, "present_rules", "present = present_rules")
    assert entrypoints.entry_points(GROUP) == real()
    assert ("present", "present_rules") in real()


def test_govlint_no_cache_turns_it_off(cache, monkeypatch):
    monkeypatch.setenv("GOVLINT_NO_CACHE", "1")
    assert entrypoints.entry_points(GROUP) == real()
    assert not cache.parent.exists()


def test_an_import_hook_with_distributions_of_its_own_bypasses_the_cache(cache, monkeypatch):
    class Finder:
        @staticmethod
        def find_spec(*args):
            return None

        @staticmethod
        def find_distributions(*args, **kwargs):
            return iter(())

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder])
    assert entrypoints.entry_points(GROUP) == real()
    assert not cache.exists()


def test_load_names_a_module_or_an_object_in_it():
    import govlint_rules

    assert entrypoints.load("govlint_rules") is govlint_rules
    assert entrypoints.load("govlint_rules : govlint_rules [extra]") is govlint_rules.govlint_rules
    assert entrypoints.load("os:path.join") is os.path.join
    with pytest.raises(ValueError, match="malformed"):
        entrypoints.load("not a value")
