"""Regenerate ``t2s_changed.txt``: what a text must hold for opencc's traditional → simplified
conversion (``t2s``) to change it.

    .venv/bin/python govlint/data/make_t2s_changed.py > govlint/data/t2s_changed.txt

Why a file: importing opencc and loading its t2s dictionaries costs ~5 ms on every run, and most
reports are simplified Chinese that t2s does not change. t2s replaces the substrings of a text
that are keys of its dictionaries; a key whose replacement is itself changes nothing. Every other
key is a character of the file's first line, holds one, or is one of the phrases of its third
line, each of which holds a character of its second line (one the phrase's replacement changes).
A text without the first line's characters, and without the second's or else without any of the
phrases, comes back unchanged. The fourth line holds those of the first two lines' characters
that GB2312 encodes (a few): a GB2312 text without them holds none of the others either.
``tests/test_normalize.py`` checks the file still equals what the installed opencc gives, so
upgrading opencc and forgetting to regenerate fails the tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile


def _dictionaries(node) -> list[str]:
    """The ocd2 files a t2s.json node names, in groups too."""
    if isinstance(node, dict):
        if node.get("type") == "ocd2":
            return [node["file"]]
        return [f for value in node.values() for f in _dictionaries(value)]
    if isinstance(node, list):
        return [f for value in node for f in _dictionaries(value)]
    return []


def entries() -> list[tuple[str, str]]:
    """(key, replacement) of every entry of the t2s dictionaries whose replacement differs."""
    import opencc

    clib = os.path.join(os.path.dirname(opencc.__file__), "clib")
    share = os.path.join(clib, "share", "opencc")
    with open(os.path.join(share, "t2s.json"), encoding="utf-8") as config:
        files = _dictionaries(json.load(config))
    out = []
    with tempfile.TemporaryDirectory() as directory:
        for name in files:
            text = os.path.join(directory, name + ".txt")
            subprocess.run([os.path.join(clib, "bin", "opencc_dict"), "-i", os.path.join(share, name), "-o", text,
                            "-f", "ocd2", "-t", "text"], check=True, capture_output=True)
            with open(text, encoding="utf-8") as lines:
                for line in lines:
                    key, values = line.rstrip("\n").split("\t")
                    value = values.split(" ")[0]  # the replacement t2s uses
                    if value != key:
                        out.append((key, value))
    return out


def lines() -> list[str]:
    """The characters of one-character keys; the characters the other phrases change; those phrases;
    the characters of the first two that GB2312 encodes."""
    changed = entries()
    characters = {key for key, _ in changed if len(key) == 1}
    phrases = sorted({key for key, _ in changed if len(key) > 1 and characters.isdisjoint(key)})
    marks = {k for key, value in changed if key in phrases
             for k in (key if len(key) != len(value) else (k for k, v in zip(key, value) if k != v))}
    in_gb2312 = "".join(sorted(characters | marks)).encode("gb2312", "ignore").decode("gb2312")
    return ["".join(sorted(characters)), "".join(sorted(marks)), " ".join(phrases), in_gb2312]


if __name__ == "__main__":
    print("\n".join(lines()))
