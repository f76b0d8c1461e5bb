"""The ``govlint`` command: check, rules, explain, dump.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 usage,
configuration or I/O error. Results go to stdout, diagnostics to stderr.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govlint",
        description="Lint 政府信息公开工作年度报告 (government information disclosure annual reports).",
    )
    parser.add_argument("--version", action="version", version="%(prog)s " + _version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check report files and directories")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", default="text",
                       help="output format: text (default), json, sarif, github, junit, html")
    check.add_argument("--statistics", action="store_true",
                       help="print how many findings of each code instead of the findings (text or json)")
    check.add_argument("--fail-on", choices=("error", "warning", "info", "never"), default=None,
                       help="lowest severity that makes the exit code 1 (default: error)")
    check.add_argument("--select", action="append", default=None, metavar="CODES",
                       help="only these codes, code prefixes, rule names or families (comma-separated)")
    check.add_argument("--extend-select", action="append", default=None, metavar="CODES")
    check.add_argument("--ignore", action="append", default=None, metavar="CODES")
    check.add_argument("--lang", choices=("zh", "en"), default=None, help="message language (default zh)")
    check.add_argument("--reader", default=None, help="force a reader: text, html, docx, pdf")
    check.add_argument("--report-kind", default=None,
                       help="agency, township, county, prefecture, province or vertical (default: detect)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--output", "-o", default=None, metavar="FILE", help="write results to FILE")
    check.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                       help="check files in N worker processes (0: one per core); results keep their order")
    check.add_argument("--config", default=None, metavar="FILE",
                       help="use this govlint.toml or pyproject.toml instead of the nearest one")
    check.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    check.add_argument("--corpus-map", default=None, metavar="FILE",
                       help="TOML or CSV file: which files and names belong to which agency, and the units of each "
                            "region (for the corpus rules K8xx)")
    check.add_argument("--no-corpus", action="store_true",
                       help="skip the corpus pass (the rules that compare reports across years and units)")
    baseline = check.add_mutually_exclusive_group()
    baseline.add_argument("--baseline", default=None, metavar="FILE",
                          help="report only findings that are not in this baseline file")
    baseline.add_argument("--write-baseline", default=None, metavar="FILE",
                          help="record today's findings in FILE (later runs use --baseline FILE) and exit 0")

    rules = sub.add_parser("rules", help="list every rule with code, family and default severity")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                       help="markdown: the full reference with each rule's documentation (docs/rules.md)")

    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("code", metavar="CODE", help="a rule code or name, e.g. A101 or table2-balance")

    dump = sub.add_parser("dump", help="print the parsed document as JSON")
    dump.add_argument("path", metavar="PATH")
    dump.add_argument("--reader", default=None)
    return parser


def _version() -> str:
    from . import __version__

    return __version__


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def main(argv: Sequence[str] | None = None) -> int:
    _freeze_at_exit()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in ("check", "rules", "explain", "dump") and not argv[0].startswith("-"):
        argv.insert(0, "check")  # `govlint report.txt` means `govlint check report.txt`
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors and 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return {"check": _check, "rules": _rules, "explain": _explain, "dump": _dump}[args.command](args)
    except UsageError as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_CLEAN


def run() -> None:
    """The ``govlint`` command (the console script, ``python -m govlint.cli``): ``main``, then
    ``exit_now`` with its code. Does not return."""
    exit_now(main())


def exit_now(code: int) -> None:
    """Exit with ``code`` without the interpreter's teardown of every module and object the run
    made, memory the process gives back anyway: ~5–10 ms of a single-file check. This does what
    the interpreter's exit would do for a finished run (atexit callbacks, then stdout and stderr
    flushed) and leaves at once. Another thread still running, or a flush that fails (a closed
    pipe), takes the interpreter's exit instead, with its waiting, messages and status. Does not
    return."""
    threading = sys.modules.get("threading")  # not imported: no thread was started through it
    if threading is not None and threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()  # as the interpreter does at exit (they then do not run again)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:  # noqa: BLE001 - the interpreter's exit reports it as it always has
        sys.exit(code)
    os._exit(code)


# Garbage collection on the command's path. Collections walk every object the process holds;
# most of a single-file check's objects are imported code and the registry, which live as long as
# the process, and the rest is dropped at exit anyway. Frozen objects are left out of collections.

def _freeze_at_exit() -> None:
    """At exit, the interpreter's last collections walk every object the run left, to free
    memory the process gives back anyway: ~15 ms of a single-file check. Nothing needs its
    reference cycles collected to finish: results are written and closed by then, and the
    interpreter still flushes stdout and stderr."""
    atexit.unregister(gc.freeze)  # registered once, however many times main runs in a process
    atexit.register(gc.freeze)


@contextlib.contextmanager
def _start_up() -> Iterator[None]:
    """Around a command's imports, registry and configuration: no collection while they allocate
    (one would find nothing to free), and what they made is frozen afterwards, so collections
    while files are checked do not walk it again: ~7 ms of a single-file check. Garbage from
    before is collected first (little in a fresh process), not frozen with them."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _config(args: argparse.Namespace):
    from .configfile import ConfigError, check_refs, discover
    from .plugins import load_registry

    registry = load_registry()
    try:
        config = discover(args.paths, registry.every_rule, config_file=args.config, isolated=args.isolated)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    changes = {}
    for name in ("select", "extend_select", "ignore"):
        refs = _split(getattr(args, name))
        if refs is not None:
            try:
                check_refs(refs, list(registry.every_rule))
            except ConfigError as exc:
                raise UsageError(f"--{name.replace('_', '-')}: {exc} (see `govlint rules`)") from None
            # --select replaces the file's list; --extend-select and --ignore add to it
            changes[name] = refs if name == "select" else getattr(config, name) + refs
    if args.fail_on:
        changes["fail_on"] = args.fail_on
    if args.lang:
        changes["lang"] = args.lang
    if args.report_kind:
        changes["report_kind"] = args.report_kind
    import attrs

    return attrs.evolve(config, **changes), registry


def _check(args: argparse.Namespace) -> int:
    with _start_up():
        from .api import iter_report_files
        from .finding import severity_rank
        from .progress import Progress
        from .reporters import Summary

        config, registry = _config(args)
        baseline = _baseline(args, config)
        reporter_class = _reporter_class(args)
    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    color = args.color == "always" or (args.color == "auto" and out is sys.stdout and sys.stdout.isatty())
    reporter = reporter_class(out, lang=config.lang, color=color, rules=registry.every_rule, format=args.format,
                              root=config.root)
    files = failed = skipped = 0
    by_severity: Counter[str] = Counter()
    by_code: Counter[str] = Counter()
    threshold = None if config.fail_on == "never" else severity_rank(config.fail_on)
    failing = False
    io_error = False
    paths = list(iter_report_files(args.paths))
    progress = Progress.start(len(paths))
    corpus = _corpus_pass(args, config, registry, len(paths))

    def results():
        """Each file's result, then the corpus findings (one result per report they are about)."""
        nonlocal files, failed, skipped, io_error
        for result in progress.iterate(_lint_results(args, paths, config, registry,
                                                     reporter_class.wants_document, corpus.wanted)):
            files += 1
            if result.error:  # could not be opened: a diagnostic, not a finding
                with progress.writing(sys.stderr):
                    print(f"govlint: cannot read {result.path}: {result.error}", file=sys.stderr)
                failed += 1
                io_error = True
                continue
            if result.skipped:  # over max-bytes or the time budget: it carries its P901 / X003
                skipped += 1
            elif any(f.code == "P901" for f in result.findings):
                failed += 1
            corpus.add(result)
            yield result
        yield from corpus.finish()

    try:
        for result in results():
            if baseline is not None:
                if args.write_baseline:
                    baseline.record(result)
                else:
                    result = baseline.filter(result)
            for finding in result.findings:
                by_severity[finding.severity] += 1
                by_code[finding.code] += 1
                if threshold is not None and severity_rank(finding.severity) >= threshold:
                    failing = True
            with progress.writing(out):
                reporter.file(result)
        progress.close()
        reporter.finish(Summary(files, failed, dict(by_severity), dict(by_code), skipped))
    finally:
        progress.close()
        if out is not sys.stdout:
            out.close()
    if io_error:
        return EXIT_ERROR
    if args.write_baseline:
        baseline.save(args.write_baseline)
        total = sum(entry["count"] for entry in baseline.entries.values())
        print(f"govlint: recorded {total} finding(s) in {args.write_baseline}", file=sys.stderr)
        return EXIT_CLEAN
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _corpus_pass(args: argparse.Namespace, config, registry, reports: int):
    """The corpus pass of this run: it collects each report's summary and runs the corpus rules
    at the end. ``--no-corpus`` (or selecting no corpus rule) turns it off. Without a mapping file
    to load, a run that gives the corpus rules nothing to compare (one report, and only rules
    that compare reports: ``CorpusRule.compares_reports``) loads none of the corpus machinery:
    the pre-commit hook on one file."""
    mapped = args.corpus_map or config.options.get("corpus-map")
    comparing = all(rule.compares_reports for rule in registry.corpus_rules)
    if not mapped and (args.no_corpus or (reports < 2 and comparing)):
        return _NoCorpusPass()
    from .corpus import CorpusPass, configured_mapping
    from .identity import MappingError, load_mapping

    try:
        mapping = load_mapping(args.corpus_map) if args.corpus_map else configured_mapping(config)
    except MappingError as exc:
        raise UsageError(str(exc)) from None
    return CorpusPass(config, registry, mapping, enabled=not args.no_corpus)


class _NoCorpusPass:
    """The corpus pass of a run without one: ``govlint.corpus.CorpusPass`` turned off."""

    wanted = False

    def add(self, result) -> None:
        pass

    def finish(self) -> list:
        return []


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of jobs: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("the number of jobs cannot be negative")
    return jobs or os.cpu_count() or 1


def _lint_results(args: argparse.Namespace, paths: list, config, registry, keep_document: bool, summarise: bool):
    """Each file's ``FileResult`` in order: here, or in a process pool with ``-j N``. Reporters
    that draw the parsed document (html) run here: documents are not shipped back from workers."""
    from .api import fewer_collections, lint_many, lint_one

    if args.jobs <= 1 or keep_document or len(paths) < 2:
        with fewer_collections():  # as in a lint_paths batch: the collector finds nothing in documents
            for path in paths:
                yield lint_one(path, config, registry, args.reader, keep_document=keep_document, summarise=summarise)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(min(args.jobs, len(paths))) as pool:
        yield from lint_many(paths, pool, config=config, reader=args.reader, summarise=summarise)


def _baseline(args: argparse.Namespace, config):
    """The baseline to filter against (--baseline) or to record into (--write-baseline), or None.
    Fingerprint paths are relative to the project root: the configuration file's directory."""
    if not (args.baseline or args.write_baseline):
        return None
    from .baseline import Baseline, BaselineError  # loaded only when a baseline is in use

    if args.write_baseline:
        return Baseline(config.root)
    try:
        return Baseline.load(args.baseline, config.root)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None


def _reporter_class(args: argparse.Namespace):
    from .reporters import REPORTERS, get_reporter

    if args.statistics:
        from .reporters.statistics import FORMATS, StatisticsReporter

        if args.format not in FORMATS:
            raise UsageError(f"--statistics prints text or json, not {args.format!r} (use --format text or json)")
        return StatisticsReporter
    try:
        return get_reporter(args.format)
    except KeyError:
        raise UsageError(f"unknown output format {args.format!r}; choose from {', '.join(REPORTERS)}") from None


def _rules(args: argparse.Namespace) -> int:
    from .plugins import load_registry

    registry = load_registry()
    if args.format == "json":
        import json  # here and in _dump only: check writes JSON through its reporter

        print(json.dumps([
            {"code": r.code, "name": r.name, "family": r.family, "severity": r.severity,
             "aliases": list(r.aliases), "summary": r.summary()}
            for r in registry.every_rule
        ], ensure_ascii=False, indent=2))
    elif args.format == "markdown":
        from .ruledocs import markdown

        print(markdown(registry.every_rule), end="")
    else:
        for rule in registry.every_rule:
            print(f"{rule.code:<6} {rule.family:<11} {rule.severity:<8} {rule.name:<32} {rule.summary()}")
    for error in registry.errors:
        print(f"govlint: plugin {error.plugin} failed to load: {error.error}", file=sys.stderr)
    return EXIT_CLEAN


def _explain(args: argparse.Namespace) -> int:
    from .plugins import load_registry

    registry = load_registry()
    rule = registry.find(args.code)
    if rule is None:
        import difflib

        refs = [r.code for r in registry.every_rule] + [r.name for r in registry.every_rule]
        close = difflib.get_close_matches(args.code, refs, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `govlint rules`"
        raise UsageError(f"unknown rule {args.code!r}{hint}")
    print(f"{rule.code} {rule.name}")
    print(f"family: {rule.family}    default severity: {rule.severity}"
          + (f"    aliases: {', '.join(rule.aliases)}" if rule.aliases else ""))
    print()
    print(rule.documentation())
    return EXIT_CLEAN


def _dump(args: argparse.Namespace) -> int:
    import json

    from .api import read
    from .dump import document_to_dict
    from .source import ReadError

    try:
        doc = read(args.path, reader=args.reader)
    except OSError as exc:
        raise UsageError(f"cannot read {args.path}: {exc.strerror or exc}") from None
    except ReadError as exc:
        print(f"govlint: {args.path}: {exc.code} {exc.message_en}", file=sys.stderr)
        return EXIT_FINDINGS
    print(json.dumps(document_to_dict(doc), ensure_ascii=False, indent=2))
    return EXIT_CLEAN


if __name__ == "__main__":
    run()
