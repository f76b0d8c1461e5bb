"""``--format junit``: JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure).

The layout follows ruff's and flake8-junit's: one ``<testsuite>`` per report file and one
failing ``<testcase>`` per finding (``<failure type="SEVERITY">`` with the position and message);
a file without findings gets a single passing test case, so it shows as checked; a file that
could not be read gets an ``<error>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from . import Reporter, Summary

PASSED = "govlint"  # the name of the one passing test case of a clean file
# Characters XML 1.0 cannot hold at all: a message quoting a damaged cell must not break the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


class JunitReporter(Reporter):
    def __init__(self, out, **options) -> None:
        super().__init__(out, **options)
        self.root = ET.Element("testsuites", name="govlint")
        self.totals = {"tests": 0, "failures": 0, "errors": 0}

    def file(self, result) -> None:
        suite = ET.SubElement(self.root, "testsuite", name=result.path)
        counts = {"tests": 0, "failures": 0, "errors": 0}
        if result.error:
            case = ET.SubElement(suite, "testcase", name="read", classname=result.path)
            ET.SubElement(case, "error", message=xml_text(result.error)).text = xml_text(result.error)
            counts["tests"] += 1
            counts["errors"] += 1
        for finding in result.findings:
            span = finding.span
            where = str(finding.cell) if finding.cell else (f"line {span.line}, col {span.column}" if span else "document")
            case = ET.SubElement(suite, "testcase", name=f"{finding.code} {finding.rule} ({where})",
                                 classname=result.path, file=result.path)
            if span is not None:
                case.set("line", str(span.line))
            position = f"{span.line}:{span.column}: " if span else ": "
            failure = ET.SubElement(case, "failure", type=finding.severity, message=xml_text(finding.message))
            cell = f" [{finding.cell}]" if finding.cell else ""
            failure.text = xml_text(f"{result.path}:{position}{finding.code} {finding.message}{cell}")
            counts["tests"] += 1
            counts["failures"] += 1
        if not counts["tests"]:
            ET.SubElement(suite, "testcase", name=PASSED, classname=result.path)
            counts["tests"] = 1
        for key, value in counts.items():
            suite.set(key, str(value))
            self.totals[key] += value

    def finish(self, summary: Summary) -> None:
        for key, value in self.totals.items():
            self.root.set(key, str(value))
        ET.indent(self.root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(ET.tostring(self.root, encoding="unicode") + "\n")
