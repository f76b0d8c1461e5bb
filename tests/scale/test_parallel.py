"""lint_many over executors, ``govlint check -j N``, and batches where some files are broken."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

import govlint
from govlint import cli
from tests.conftest import SEEDS
from tests.generate import generate, render


def _key(result):
    return (result.path, result.error, result.skipped, [f.to_dict() for f in result.findings])


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Seeds, generated reports with one changed cell, and broken files, in one directory."""
    root = tmp_path_factory.mktemp("batch")
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, root / seed.name)
    rng = random.Random(11)
    for i in range(40):
        report = generate(rng)
        if i % 3 == 0:
            report = report.with_cell("T2", "R1", "C1", report.t2["R1"][0] + 1)
        (root / f"gen_{i:03d}.txt").write_bytes(render(report, "pipe"))
    (root / "zz_binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (root / "zz_empty.txt").write_bytes(b"")
    (root / "zz_garbage.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (root / "zz_dangling.txt").symlink_to(root / "does-not-exist")
    return root


def test_process_pool_gives_the_serial_results_in_input_order(batch):
    serial = [_key(r) for r in govlint.lint_many([batch])]
    with ProcessPoolExecutor(2) as pool:
        parallel = [_key(r) for r in govlint.lint_many([batch], pool, chunk=3, window=2)]
    assert parallel == serial
    assert len(serial) == 5 + 40 + 4
    assert sum(1 for _path, _error, _skipped, findings in serial if any(f["code"] == "A101" for f in findings)) >= 14


def test_thread_pool_runs_the_same_work(batch):
    serial = [_key(r) for r in govlint.lint_many([batch])]
    with ThreadPoolExecutor(2) as pool:
        assert [_key(r) for r in govlint.lint_many([batch], pool, chunk=5)] == serial


def test_broken_files_do_not_stop_the_batch(batch):
    results = {r.path.rsplit("/", 1)[-1]: r for r in govlint.lint_many([batch])}
    assert results["zz_dangling.txt"].error == "No such file or directory"
    assert [f.code for f in results["zz_binary.txt"].findings] == ["P901"]
    assert [f.code for f in results["zz_empty.txt"].findings] == ["P901"]
    assert [f.code for f in results["zz_garbage.docx"].findings] == ["P901"]
    assert all(not r.error for name, r in results.items() if name.startswith("gen_"))


def test_a_dead_worker_loses_only_its_chunk(tmp_path):
    class Dying(ThreadPoolExecutor):
        calls = 0

        def submit(self, fn, *args, **kwargs):
            Dying.calls += 1
            if Dying.calls == 2:
                raise_later = super().submit(_die)
                return raise_later
            return super().submit(fn, *args, **kwargs)

    for i in range(6):
        (tmp_path / f"r{i}.txt").write_bytes(SEEDS.joinpath(next(p.name for p in SEEDS.glob("000_*"))).read_bytes())
    with Dying(1) as pool:
        results = list(govlint.lint_many([tmp_path], pool, chunk=2))
    assert [r.path.rsplit("/", 1)[-1] for r in results] == [f"r{i}.txt" for i in range(6)]
    assert [bool(r.error) for r in results] == [False, False, True, True, False, False]
    assert "worker failed" in results[2].error


def _die():
    raise RuntimeError("worker process died")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_summary_counts_read_failed_and_skipped(batch, tmp_path, jobs, capsys):
    (tmp_path / "govlint.toml").write_text("max-bytes = 100000\n", encoding="utf-8")
    big = batch / "zz_big.txt"
    big.write_bytes(b"x" * 100_001)
    try:
        code = cli.main(["check", str(batch), "-j", jobs, "--lang", "en", "--config", str(tmp_path / "govlint.toml")])
    finally:
        big.unlink()
    captured = capsys.readouterr()
    summary = captured.out.strip().splitlines()[-1]
    assert code == 2  # the dangling link is an I/O error
    assert "in 50 file(s)" in summary
    assert "; 4 file(s) could not be read" in summary  # binary, empty, garbage docx, dangling link
    assert "; 1 file(s) skipped" in summary
    assert "cannot read" in captured.err and "zz_dangling.txt" in captured.err
    for name in ("gen_000.txt", "gen_039.txt", "zz_binary.txt"):
        assert name in captured.out


def test_cli_jobs_output_equals_serial_output(batch):
    def run(*extra):
        done = subprocess.run([sys.executable, "-m", "govlint.cli", "check", str(batch), "--format", "json", *extra],
                              capture_output=True, text=True, timeout=300)
        assert "Traceback" not in done.stderr
        return done.returncode, done.stdout

    assert run("-j", "2") == run()


def test_a_batch_collects_garbage_less_often_and_restores_the_threshold(batch):
    """While ``lint_paths`` runs, the young generation is collected every 20,000 allocations, not
    700 (documents are freed by reference counting); the caller's threshold comes back when the
    batch ends, is closed early, or when the last of two overlapping batches ends."""
    import gc

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        first = govlint.lint_paths([batch])
        next(first)
        assert gc.get_threshold() == (20_000, 10, 10)
        second = govlint.lint_paths([batch])
        next(second)
        first.close()
        assert gc.get_threshold() == (20_000, 10, 10)  # the second batch still runs
        assert len(list(second)) > 40
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(50_000, 5, 5)  # a caller's higher threshold is kept, not lowered
        results = govlint.lint_paths([batch])
        next(results)
        assert gc.get_threshold() == (50_000, 5, 5)
        results.close()
        assert gc.get_threshold() == (50_000, 5, 5)
    finally:
        gc.set_threshold(*before)


def test_the_cli_checks_a_directory_as_a_batch_collecting_less_often(batch, monkeypatch):
    """``govlint check DIR`` without ``-j`` lints its files in this process: under the batch's GC
    threshold too, and the threshold comes back when the last file is done."""
    import gc

    seen = []
    monkeypatch.setattr(cli, "_corpus_pass", lambda *args: cli._NoCorpusPass())
    real = cli._lint_results

    def watched(*args, **kwargs):
        for result in real(*args, **kwargs):
            seen.append(gc.get_threshold()[0])
            yield result

    monkeypatch.setattr(cli, "_lint_results", watched)
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        cli.main(["check", str(batch), "--format", "json", "--output", os.devnull])
        assert len(seen) > 40 and set(seen) == {20_000}
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)
