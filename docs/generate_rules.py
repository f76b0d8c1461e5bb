"""Write docs/rules.md from the built-in rules (the core's P/X codes and the govlint_rules pack).

Run it after changing a rule: ``python docs/generate_rules.py``. ``tests/ecosystem/test_docs.py``
fails when docs/rules.md differs from what this writes. Installed third-party plugins are left
out on purpose: the reference documents govlint itself (``govlint rules --format markdown``
includes plugins).
"""

from __future__ import annotations

import sys
from pathlib import Path

RULES_MD = Path(__file__).resolve().parent / "rules.md"


def builtin_markdown() -> str:
    import govlint_rules
    from govlint.plugins import load_registry
    from govlint.ruledocs import markdown

    registry = load_registry([govlint_rules], entry_points=False)
    if registry.errors:
        raise SystemExit(f"rules failed to load: {registry.errors}")
    return markdown(registry.every_rule)


def main() -> int:
    RULES_MD.write_text(builtin_markdown(), encoding="utf-8")
    print(f"wrote {RULES_MD}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
