"""A golden snapshot of what govlint reads and reports, to hold speed work to "same output".

    .venv/bin/python benchmarks/golden.py write /tmp/golden.json    # at the commit you start from
    .venv/bin/python benchmarks/golden.py check /tmp/golden.json    # after each change

The snapshot covers every fixture under ``tests/fixtures`` and generated reports in each layout
(valid, and with each planted fault of ``tests/scale/test_faults.FAULTS``): the document's
``repr`` and every finding in Chinese and English (``to_dict()`` and anchor). ``check`` prints
the first differences and exits 1 when there are any. Not a test: the suite pins behaviour with
exact expectations; this catches the differences nobody thought to pin.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import govlint  # noqa: E402
from govlint.api import lint_file  # noqa: E402
from govlint.config import Config  # noqa: E402
from govlint.plugins import load_registry  # noqa: E402
from tests.generate import LAYOUTS, generate, render  # noqa: E402
from tests.scale.test_faults import FAULTS  # noqa: E402
from tests.scale.test_properties import _suffix  # noqa: E402

SEEDS = 20  # valid reports per layout; each fault is planted in SEEDS // 4 of them


def _cases(workdir: Path):
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*")):
        if path.is_file() and path.suffix != ".json":
            yield str(path.relative_to(ROOT)), path
    for layout in LAYOUTS:
        for seed in range(SEEDS):
            variants = [("valid", lambda r: r)]
            if seed < SEEDS // 4:
                variants += [(fault.kind, fault.plant) for fault in FAULTS]
            for kind, plant in variants:
                path = workdir / f"{layout}-{seed}-{kind.replace(' ', '_')}{_suffix(layout)}"
                path.write_bytes(render(plant(generate(random.Random(seed))), layout))
                yield f"generated/{path.name}", path


def snapshot() -> dict[str, dict]:
    registry = load_registry()
    out = {}
    workdir = Path(tempfile.mkdtemp(prefix="govlint-golden-"))
    # paths are in the documents and findings: written without the parts that vary by checkout and run
    def plain(text: str) -> str:
        return text.replace(str(workdir), "<dir>").replace(str(ROOT), "<root>")

    try:
        for name, path in _cases(workdir):
            entry = {}
            try:
                document = plain(repr(govlint.read(path)))
                entry["document"] = hashlib.sha256(document.encode()).hexdigest()
            except Exception as error:  # a file govlint refuses is part of the snapshot too
                entry["document"] = plain(f"{type(error).__name__}: {error}")
            for lang in ("zh", "en"):
                findings = lint_file(path, Config(lang=lang), registry).findings
                entry[lang] = json.loads(plain(json.dumps([dict(f.to_dict(), anchor=f.anchor) for f in findings],
                                                          ensure_ascii=False, default=str)))
            out[name] = entry
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("write", "check"))
    parser.add_argument("file", type=Path)
    args = parser.parse_args()
    now = snapshot()
    if args.action == "write":
        args.file.write_text(json.dumps(now, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        print(f"{len(now)} files snapshotted to {args.file}")
        return 0
    before = json.loads(args.file.read_text(encoding="utf-8"))
    differ = [name for name in sorted(before.keys() | now.keys()) if before.get(name) != now.get(name)]
    for name in differ[:10]:
        old, new = before.get(name, {}), now.get(name, {})
        for key in sorted(old.keys() | new.keys()):
            if old.get(key) != new.get(key):
                print(f"{name} [{key}]\n  before: {str(old.get(key))[:400]}\n  now:    {str(new.get(key))[:400]}")
    print(f"{len(now)} files, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
