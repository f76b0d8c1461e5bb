"""lint_many on a local Dask cluster (worker processes) gives the serial findings, in order."""

from __future__ import annotations

import random

import pytest

import govlint
from tests.generate import generate, render

distributed = pytest.importorskip("distributed")


def test_dask_cluster_gives_the_serial_findings(tmp_path):
    rng = random.Random(5)
    for i in range(24):
        report = generate(rng)
        if i % 4 == 1:
            report = report.with_cell("T3", "R1", "A1", report.t3[0] + 2)
        (tmp_path / f"r{i:02d}.txt").write_bytes(render(report, "pipe"))
    (tmp_path / "zz_empty.txt").write_bytes(b"")

    def key(result):
        return (result.path, result.error, [f.to_dict() for f in result.findings])

    serial = [key(r) for r in govlint.lint_many([tmp_path])]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            on_dask = [key(r) for r in govlint.lint_many([tmp_path], client.get_executor(), chunk=4)]
    assert on_dask == serial
    assert [path.rsplit("/", 1)[-1] for path, _e, _f in on_dask][-1] == "zz_empty.txt"
    assert sum(1 for _p, _e, findings in serial if any(f["code"] == "A104" for f in findings)) == 6
