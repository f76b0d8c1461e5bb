"""``govlint.cli.run``, the command's exit without the interpreter's teardown: the same exit
codes, every byte of output, atexit callbacks run once, and the ordinary exit whenever another
thread is still running."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import seed_path

SAMPLE = str(seed_path("001"))  # an error among its findings: exit 1


def command(prelude: str, *args: str) -> subprocess.CompletedProcess:
    """``govlint`` as the console script runs it, after ``prelude`` (a plugin's import-time code)."""
    code = f"import sys\n{prelude}\nfrom govlint.cli import run\nsys.argv = ['govlint', *{list(args)!r}]\nrun()\n"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # output buffered, as usual
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)


@pytest.mark.parametrize(("args", "code"), [
    (("check", SAMPLE), 1), (("check", "--fail-on", "never", SAMPLE), 0), (("check", "no-such-file.txt"), 2),
    (("explain", "A101"), 0), (("--version",), 0), ((), 2),
])
def test_exit_codes_are_mains(args, code):
    assert command("", *args).returncode == code


def test_long_output_to_a_pipe_is_complete():
    proc = command("", "check", "--format", "json", "--no-corpus", *[SAMPLE] * 40)
    assert proc.returncode == 1, proc.stderr
    assert len(json.loads(proc.stdout)) == 40 * len(json.loads(command("", "check", "--format", "json", SAMPLE).stdout))


def test_output_to_a_file_and_diagnostics_to_stderr(tmp_path):
    out = tmp_path / "out.json"
    proc = command("", "check", "--format", "json", "-o", str(out), SAMPLE, str(tmp_path / "missing.txt"))
    assert proc.returncode == 2 and "no such file" in proc.stderr
    proc = command("", "check", "--format", "json", "-o", str(out), SAMPLE)
    assert proc.returncode == 1 and proc.stdout == ""
    assert any(f["code"] == "A100" for f in json.loads(out.read_text(encoding="utf-8")))


def test_atexit_callbacks_run_once_after_the_output():
    proc = command("import atexit\natexit.register(lambda: print('bye', file=sys.stderr, end=''))",
                   "check", SAMPLE)
    assert proc.returncode == 1
    assert proc.stderr.endswith("bye") and proc.stderr.count("bye") == 1
    assert "A100" in proc.stdout


def test_a_thread_still_running_gets_the_interpreters_exit_which_waits_for_it():
    prelude = ("import threading, time\n"
               "threading.Thread(target=lambda: (time.sleep(0.5), print('thread done', file=sys.stderr))).start()")
    proc = command(prelude, "check", SAMPLE)
    assert proc.returncode == 1 and proc.stderr.endswith("thread done\n")
