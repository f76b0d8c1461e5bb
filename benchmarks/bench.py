"""govlint at archive scale: throughput per layout, on one core and with -j N, against a floor.

    .venv/bin/python benchmarks/bench.py                 # 10,000 reports per layout
    .venv/bin/python benchmarks/bench.py --n 1000 --jobs 2 --layouts text html

Builds a corpus of generated valid reports (``tests/generate.py``; a pool of distinct reports
written out cyclically, so DOCX building stays quick), then prints:

- reports/s on one core per layout (``lint_paths`` in this process, rules and readers warm; CPU
  time, so other work on shared cores does not count);
- reports/s with ``lint_many`` on a process pool of ``--jobs`` workers;
- the ratio of govlint's time to a floor: reading and decoding the same files plus one regex
  pass over the text;
- single-file ``govlint check`` wall and CPU time (the ``govlint`` script next to the interpreter,
  else ``python -m govlint.cli``) next to ``python -c pass`` (median of ``--runs``), with
  bytecode present as in an installed package: the package is compiled first and the runs do
  not inherit ``PYTHONDONTWRITEBYTECODE``; then where that time goes, stage by stage, in a fresh
  process (``--startup`` prints only these figures);
- peak memory (max RSS) of a fresh process linting 1/10 of the text files and all of them: flat
  memory means the two are close.

``--instructions`` prints only instruction counts (valgrind's callgrind), the figures to judge a
small change by on a VM whose speed drifts: per report of each layout (linting 100 reports less
linting none), and of a single-file check next to ``python -c pass``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.generate import generate, render  # noqa: E402

SUFFIX = {"text": ".txt", "html": ".html", "docx": ".docx"}
LAYOUT = {"text": "pipe", "html": "html", "docx": "docx"}
# Real reports as scraped (tests/fixtures: the seeds, 平潭's page text, PDF and OCR extractions):
# longer than generated ones, in every layout real text takes, traditional characters included.
REAL = sorted(str(p) for d in ("seeds", "corpus/pingtan", "corpus/extracted")
              for p in (ROOT / "tests" / "fixtures" / d).iterdir() if p.suffix in (".txt", ".md"))

# Forgets what govlint cached by text (normalised lines, label keys, lexemes, row matches): the
# caches of more than 16 entries of govlint's and the rule pack's modules. The smaller ones hold
# loaded data, schemas and compiled patterns. Linting a real report after this costs what a
# report never seen costs, sharing only what a generated corpus also holds.
FORGET = (
    "def forget():\n"
    "    import functools, gc\n"
    "    for cache in gc.get_objects():\n"
    "        if (isinstance(cache, functools._lru_cache_wrapper) and (cache.cache_info().maxsize or 0) > 16\n"
    "                and (getattr(cache, '__module__', '') or '').startswith(('govlint', 'rules'))):\n"
    "            cache.cache_clear()\n"
)


def build(directory: Path, layout: str, n: int, pool: int) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    rendered = [render(generate(random.Random(seed)), LAYOUT[layout]) for seed in range(min(pool, n))]
    paths = []
    for i in range(n):
        path = directory / f"r{i:06d}{SUFFIX[layout]}"
        path.write_bytes(rendered[i % len(rendered)])
        paths.append(path)
    return paths


def serial(directory: Path) -> tuple[float, int]:
    """CPU seconds of this process (one core) to lint the directory: on shared cores, wall time
    also counts whatever else ran; the -j figures are wall time, as they must be."""
    import govlint

    start = time.process_time()
    count = sum(1 for _ in govlint.lint_paths([directory]))
    return time.process_time() - start, count


def real_reports(warm: list[Path]) -> float:
    """Real reports per second on one core (CPU time): each of ``REAL`` linted as if never seen
    (``FORGET``, then a warm-up on generated reports), once the parts loaded on first use are."""
    import govlint

    namespace: dict = {}
    exec(FORGET, namespace)
    list(govlint.lint_paths([*warm, *REAL]))  # load what is loaded on first use: opencc, rapidfuzz, patterns
    spent = 0.0
    for path in REAL:
        namespace["forget"]()
        list(govlint.lint_paths(warm))
        start = time.process_time()
        list(govlint.lint_paths([path]))
        spent += time.process_time() - start
    return len(REAL) / spent


def parallel(directory: Path, jobs: int) -> tuple[float, int]:
    import govlint

    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(abs, range(jobs)))  # start the workers before the clock
        start = time.perf_counter()
        count = sum(1 for _ in govlint.lint_many([directory], pool))
        return time.perf_counter() - start, count


def floor(paths: list[Path]) -> float:
    """Read, decode (as govlint does) and run one regex over every file."""
    import regex

    from govlint.readers.decode import decode

    numbers = regex.compile(r"\d+")
    start = time.process_time()  # CPU time, as the one-core figure it is compared with
    for path in paths:
        text, _encoding = decode(path.read_bytes())
        numbers.findall(text)
    return time.process_time() - start


SAMPLE = str(ROOT / "govlint" / "samples" / "qianjiang_2024.txt")

# One single-file run, timed stage by stage in a fresh process (with bytecode, as the wall time).
# Marks are wall-clock times, so that the parent can add the interpreter's start and exit.
STAGES = f"""
import time
marks = [("python start-up (python -c pass is most of it)", time.time())]
import io, json, sys
from govlint import cli
marks.append(("import govlint.cli (argparse)", time.time()))
with cli._start_up():  # as check starts up (garbage collection off, then frozen)
    from govlint import api, configfile, reporters, progress
    from govlint.reporters import text
    marks.append(("imports: govlint.api (attrs, regex, model, readers, engine) and what check imports first",
                  time.time()))
    from govlint.entrypoints import entry_points
    entry_points("govlint.rules")
    marks.append(("the entry-point lookup (cached: importlib.metadata not imported)", time.time()))
    from govlint.plugins import load_registry
    load_registry()
    marks.append(("registry: importing the rule pack, collecting its rules", time.time()))
sys.stdout = io.StringIO()
cli.main(["check", {SAMPLE!r}])
marks.append(("first check (config, read, lint, report; modules it loads on first use)", time.time()))
cli.main(["check", {SAMPLE!r}])
marks.append(("(a second check in the same process: the check without first-use costs)", time.time()))
sys.stdout = sys.__stdout__
print(json.dumps(marks))
cli.exit_now(0)  # as the govlint command exits
"""


def stages(env: dict[str, str], runs: int) -> list[tuple[str, float]]:
    """The median time of each stage of ``STAGES``, and of the exit after it."""
    samples = []
    for _ in range(runs):
        start = time.time()
        out = subprocess.run([sys.executable, "-c", STAGES], env=env, cwd=tempfile.gettempdir(),
                             capture_output=True, text=True, check=True).stdout
        end = time.time()
        marks = [(None, start), *json.loads(out), ("exit (cli.exit_now: atexit, flush, os._exit)", end)]
        samples.append([(name, t - before) for (_, before), (name, t) in zip(marks, marks[1:])])
    return [(name, statistics.median(s[i][1] for s in samples)) for i, (name, _) in enumerate(samples[0])]


# Compiles the packages a fresh process imports, where it imports them from (an editable
# install: the source tree).
COMPILE = ("import compileall, govlint, govlint_rules\n"
           "for module in (govlint, govlint_rules):\n"
           "    for location in module.__path__:\n"
           "        compileall.compile_dir(location, quiet=1)\n")


def _with_bytecode() -> dict[str, str]:
    """An environment in which Python uses and writes bytecode, with govlint compiled: users run
    an installed package from its .pyc files, not a compile of every module on every run."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-c", COMPILE], env=env, cwd=tempfile.gettempdir(), check=True)
    return env


def wall(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float, float, float]:
    """Median and minimum wall time of ``command`` run outside the source tree (so that it imports
    govlint as installed), after one warm-up run (which also fills govlint's entry-point cache),
    then median and minimum of the child's CPU time (user + system). On shared cores the minimum
    is the steadier, and CPU time barely counts the other work."""
    times, cpu = [], []
    for _ in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, env=env, cwd=tempfile.gettempdir(), stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(times[1:]), min(times[1:]), statistics.median(cpu[1:]), min(cpu[1:])


def govlint_command() -> list[str]:
    """The ``govlint`` script next to this interpreter (what users and pre-commit run), else the
    module."""
    script = Path(sys.executable).with_name("govlint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "govlint.cli"]


def cli_directory(directory: Path) -> float:
    """CPU seconds of ``govlint check DIR --format json``, the run a supervising office makes: on
    top of ``lint_paths`` it summarises each report for the corpus pass, runs the corpus rules
    and writes the JSON report."""
    command = govlint_command()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([*command, "check", str(directory), "--format", "json", "--output", os.devnull],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def _ms(wall: float, wall_min: float, cpu: float, cpu_min: float) -> str:
    return (f"{wall * 1000:.0f} ({wall_min * 1000:.0f}) ms wall, {cpu * 1000:.0f} ({cpu_min * 1000:.0f}) ms CPU")


def startup(runs: int) -> None:
    """Single-file ``govlint check`` wall time against ``python -c pass``, then per stage."""
    env = _with_bytecode()
    command = govlint_command()
    checked = _ms(*wall([*command, "check", SAMPLE], env, runs))
    bare = _ms(*wall([sys.executable, "-c", "pass"], env, runs))
    print(f"single file (bytecode present, median of {runs}, min in brackets): {Path(command[-1]).name} check"
          f" {checked}, python -c pass {bare}", flush=True)
    # The sample has no contact details; most reports have some, and checking them loads more.
    with tempfile.TemporaryDirectory() as directory:
        generated = Path(directory) / "generated.txt"
        generated.write_bytes(render(generate(random.Random(0)), "pipe"))
        other = _ms(*wall([*command, "check", str(generated)], env, runs))
    print(f"  a generated report with contact details: {other}")
    print(f"  stages of one run (median of {runs}):")
    for name, seconds in stages(env, runs):
        print(f"  {seconds * 1000:6.1f} ms  {name}")


# The peak RSS of this process's own memory: VmHWM where Linux gives it. ru_maxrss is not that
# in a child: Linux folds the parent's high-water mark into it at exec, so after building a
# DOCX corpus every child "peaked" at this process's 240 MiB.
PEAK_KIB = ("import resource\n"
            "def peak_kib():\n"
            "    try:\n"
            "        with open('/proc/self/status') as status:\n"
            "            return int(next(l for l in status if l.startswith('VmHWM:')).split()[1])\n"
            "    except (OSError, StopIteration):\n"
            "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n")


def peak_rss_mib(directory: Path, limit: int) -> float:
    """Peak RSS of a fresh process that lints the first ``limit`` files of ``directory``."""
    code = (
        PEAK_KIB + "import itertools, govlint\n"
        f"for _ in itertools.islice(govlint.lint_paths([{str(directory)!r}]), {limit}): pass\n"
        "print(peak_kib())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1]) / 1024


# A child that lints the first ``n`` of ``files`` (after warming up on others) through the batch
# API, so the difference between two counts is the work of reports alone.
INSTRUCTIONS_CHILD = (
    "import sys, govlint\n"
    "files = sys.argv[2:]\n"
    "list(govlint.lint_paths(files[:20]))\n"
    "list(govlint.lint_paths(files[20:20 + int(sys.argv[1])]))\n"
)
# The same for the real reports named after the 20 generated ones: linted once to load what is
# loaded on first use, forgotten (``FORGET``), the generated ones linted again, then the real ones.
REAL_CHILD = (
    "import sys, govlint\n"
    + FORGET +
    "warm, real = sys.argv[2:22], sys.argv[22:]\n"
    "list(govlint.lint_paths(warm + real))\n"
    "forget()\n"
    "list(govlint.lint_paths(warm))\n"
    "if sys.argv[1] == '1':\n"
    "    list(govlint.lint_paths(real))\n"
)


def _callgrind(command: list[str], env: dict[str, str]) -> int:
    """Instructions ``command`` executes (valgrind's callgrind, which counts them exactly), with
    string hashing fixed (it moves a count by ~0.1 M). Its exit status is not looked at: a check
    that finds defects exits 1."""
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                         capture_output=True, text=True, check=False, cwd=tempfile.gettempdir(),
                         env={**env, "PYTHONHASHSEED": "0"})
    if "Collected : " not in run.stderr:
        raise RuntimeError(f"valgrind did not run {command}: {run.stderr[-2000:]}")
    return int(run.stderr.split("Collected : ")[1].split()[0])


def instructions(directory: Path, n: int) -> float:
    """Millions of instructions per report: unlike time, the count does not drift with the VM or
    other work on the cores, so a change of 1 % shows."""
    files = [str(p) for p in sorted(directory.iterdir())[:n + 20]]
    return _per_report(INSTRUCTIONS_CHILD, n, files, n)


def real_instructions(directory: Path) -> float:
    """Millions of instructions per real report (``REAL``), each as if never seen (``REAL_CHILD``)."""
    files = [str(p) for p in sorted(directory.iterdir())[:20]] + REAL
    return _per_report(REAL_CHILD, 1, files, len(REAL))


def _per_report(child: str, work: int, files: list[str], reports: int) -> float:
    """Millions of instructions of ``child`` given ``work`` less given 0, per report of the work."""
    # Without the entry-point cache both children look the plugins up alike: with it, the first
    # child after an install rebuilt it and the second did not, which added ~0.9 M a report.
    env = {**os.environ, "GOVLINT_NO_CACHE": "1"}

    def count(k: int) -> int:
        return _callgrind([sys.executable, "-c", child, str(k), *files], env)

    return (count(work) - count(0)) / reports / 1e6


def startup_instructions() -> tuple[float, float]:
    """Millions of instructions of a single-file ``govlint check`` of the sample and of ``python
    -c pass``, with bytecode present, after a warm-up run (which fills the entry-point cache): the
    start-up figure to judge a change by."""
    env = _with_bytecode()
    command = govlint_command()
    if command[0] != sys.executable:  # the script: run by this interpreter under valgrind
        command = [sys.executable, *command]
    subprocess.run([*command, "check", SAMPLE], env=env, cwd=tempfile.gettempdir(), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return _callgrind([*command, "check", SAMPLE], env) / 1e6, _callgrind([sys.executable, "-c", "pass"], env) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="reports per layout (default 10,000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers for the -j run")
    parser.add_argument("--layouts", nargs="+", default=list(SUFFIX), choices=list(SUFFIX))
    parser.add_argument("--pool", type=int, default=500, help="distinct reports per layout (default 500)")
    parser.add_argument("--dir", default=None, help="build the corpus here and keep it (default: a temp dir)")
    parser.add_argument("--runs", type=int, default=15, help="runs of each single-file measurement (median)")
    parser.add_argument("--startup", action="store_true", help="only the single-file figures")
    parser.add_argument("--instructions", action="store_true",
                        help="only instruction counts (valgrind): per report of each of --layouts, and of a single-file check")
    args = parser.parse_args()
    if args.startup:
        startup(args.runs)
        return
    if args.instructions:
        if shutil.which("valgrind") is None:
            sys.exit("valgrind not found: apt-get install valgrind")
        with tempfile.TemporaryDirectory(prefix="govlint-bench-") as tmp:
            for layout in args.layouts:
                build(Path(tmp) / layout, layout, 120, 120)
                print(f"{layout:<5} {instructions(Path(tmp) / layout, 100):.2f} M instructions per report", flush=True)
                if layout == "text":
                    print(f"real  {real_instructions(Path(tmp) / layout):.2f} M instructions per report"
                          f" ({len(REAL)} real text reports, each as if never seen)", flush=True)
        check, python = startup_instructions()
        print(f"single file: govlint check {check:.0f} M instructions, python -c pass {python:.0f} M")
        return

    base = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="govlint-bench-"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, n={args.n} per layout, -j {args.jobs}")
    try:
        import govlint

        govlint.lint_path(SAMPLE)  # warm: rules, place data
        for layout in args.layouts:
            directory = base / layout
            paths = build(directory, layout, args.n, args.pool)
            one, count = serial(directory)
            many, count_many = parallel(directory, args.jobs)
            assert count == count_many == args.n
            line = (f"{layout:<5} 1 core: {count / one:8.0f} reports/s   -j {args.jobs}: {count / many:8.0f} reports/s"
                    f" (×{one / many:.2f})")
            if layout == "text":
                line += f"   govlint/floor: {one / floor(paths):.1f}×"
            print(line, flush=True)
            if layout == "text":
                print(f"      {len(REAL)} real text reports, each as if never seen: "
                      f"{real_reports(paths[:20]):8.0f} reports/s CPU", flush=True)
                print(f"      the CLI on the directory (check --format json, corpus pass): "
                      f"{count / cli_directory(directory):8.0f} reports/s CPU", flush=True)
        startup(args.runs)
        if "text" in args.layouts:
            tenth = peak_rss_mib(base / "text", max(args.n // 10, 1))
            full = peak_rss_mib(base / "text", args.n)
            print(f"peak memory (max RSS): {tenth:.0f} MiB after {max(args.n // 10, 1)} files,"
                  f" {full:.0f} MiB after {args.n}")
        print(f"this process: max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    finally:
        if not args.dir:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
