"""The single-file path stays light: what ``govlint check report.txt`` imports, and the data
extracted from heavy libraries so they need not load on every run."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import seed_path

# Loaded only when their input or feature is used (HTML/DOCX/PDF readers, reporters, Dask, the
# whole phonenumbers geocoder), never to check one text report.
HEAVY = ("phonenumbers.geodata", "lxml", "docx", "pdfminer", "pypdf", "dask", "distributed", "jinja2",
         "charset_normalizer", "tqdm", "concurrent.futures.process")
# Nor what one file checked in text format does not use: executors (-j, lint_many; logging comes
# with them), the corpus machinery (one report and no mapping file: nothing to compare), the
# other reporters, what other commands and options need, and error hints (difflib); fingerprints
# (hashlib) are for the JSON and SARIF outputs and baselines; edit distances (rapidfuzz) only for a
# label near a row label; email_validator only for an address that is not plain; opencc only for
# text with something traditional to convert; importlib.metadata only when the entry-point cache
# cannot answer; the splitter of runs of digits (flatten, settle) only for a run-on table.
UNUSED = ("concurrent.futures", "logging", "govlint.corpus", "govlint.identity", "govlint.reporters.json",
          "govlint.flatten", "govlint.settle",
          "govlint.reporters.sarif", "govlint.reporters.github", "govlint.reporters.junit",
          "govlint.reporters.html", "govlint.reporters.statistics", "govlint.dump", "govlint.ruledocs",
          "govlint.baseline", "difflib", "hashlib", "rapidfuzz", "email_validator", "opencc", "importlib.metadata")


def test_checking_a_text_report_imports_nothing_heavy_or_unused():
    code = (
        "import sys, json\n"
        "from govlint import cli\n"
        f"cli.main(['check', {str(seed_path('000'))!r}])\n"
        "sys.stdout = sys.__stdout__\n"
        "print('@@' + json.dumps(sorted(sys.modules)))\n"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)  # fills the entry-point cache
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    modules = set(json.loads(out.rsplit("@@", 1)[1]))
    loaded = sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY + UNUSED))
    assert loaded == []


def test_area_codes_file_matches_phonenumbers():
    """rules/data/area_codes.tsv is phonenumbers' data; regenerate it after upgrading phonenumbers:
    ``python rules/data/make_area_codes.py > rules/data/area_codes.tsv``."""
    from importlib import resources

    import govlint_rules
    from govlint_rules.data.make_area_codes import rows

    shipped = resources.files(govlint_rules).joinpath("data/area_codes.tsv").read_text("utf-8").splitlines()
    assert shipped == rows()


def test_check_leaves_the_garbage_collector_on_or_off_as_it_was(capsys):
    """``cli._start_up`` turns collection off while govlint starts up, then back to what it was."""
    import gc

    from govlint import cli

    try:
        gc.disable()
        cli.main(["check", str(seed_path("000"))])
        assert not gc.isenabled()
        gc.enable()
        cli.main(["check", str(seed_path("000"))])
        assert gc.isenabled()
    finally:
        gc.enable()
