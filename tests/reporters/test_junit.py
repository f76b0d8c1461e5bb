"""``--format junit``: one testsuite per report file, one failing testcase per finding (the
ruff / flake8-junit convention), parsed back with xml.etree."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from govlint.api import FileResult
from govlint.finding import Finding
from govlint.reporters import Summary
from govlint.reporters.junit import PASSED, JunitReporter

from .conftest import FAULTY_FINDINGS, FAULTY_SELECT, run


def test_a_suite_per_file_and_a_failure_per_finding(capsys, faulty, clean):
    code, out = run(capsys, "--format", "junit", "--select", FAULTY_SELECT, str(faulty), str(clean))
    assert code == 1
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    assert {k: root.get(k) for k in ("tests", "failures", "errors")} == {"tests": "4", "failures": "3", "errors": "0"}
    bad, good = root.findall("testsuite")
    assert (bad.get("name"), good.get("name")) == (str(faulty), str(clean))
    assert {k: bad.get(k) for k in ("tests", "failures", "errors")} == {"tests": "3", "failures": "3", "errors": "0"}
    cases = bad.findall("testcase")
    assert [(c.find("failure").get("type"), c.get("name")) for c in cases] == [
        (severity, f"{code} {rule} ({cell})")
        for (code, severity, cell), rule in zip(FAULTY_FINDINGS, ("table2-row-total", "missing-cell", "table2-balance"))
    ]
    slash = cases[1]
    assert slash.get("classname") == str(faulty)
    line = int(slash.get("line"))
    failure = slash.find("failure")
    assert failure.get("message").startswith("2.没有现成信息需要另行制作 科研机构")
    assert failure.text.startswith(f"{faulty}:{line}:")
    assert failure.text.endswith("[T2/R3.4.2/C3]")
    # the clean file is one passing test case
    [passed] = good.findall("testcase")
    assert passed.get("name") == PASSED and list(passed) == []
    assert good.get("tests") == "1" and good.get("failures") == "0"


def test_an_unopenable_file_is_an_error_and_control_characters_stay_parseable():
    finding = Finding(code="P903", rule="unrecognised-table-content", family="parse", severity="warning",
                      message="无法识别的单元格“\x01\x0b”", path="a.txt")
    out = io.StringIO()
    reporter = JunitReporter(out)
    reporter.file(FileResult("a.txt", (finding,)))
    reporter.file(FileResult("gone.txt", (), "No such file or directory: gone.txt"))
    reporter.finish(Summary(2, 1, {}, {}))
    root = ET.fromstring(out.getvalue())
    assert {k: root.get(k) for k in ("tests", "failures", "errors")} == {"tests": "2", "failures": "1", "errors": "1"}
    first, second = root.findall("testsuite")
    assert first.find("testcase/failure").get("message") == "无法识别的单元格“\ufffd\ufffd”"
    assert first.find("testcase").get("name") == "P903 unrecognised-table-content (document)"
    error = second.find("testcase/error")
    assert error.get("message") == "No such file or directory: gone.txt"
    assert second.get("errors") == "1"
