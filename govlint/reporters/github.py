"""``--format github``: GitHub Actions workflow commands, so each finding shows as an annotation
on the report file in a pull request::

    ::warning file=reports/2024.txt,line=166,col=1,title=A100::[T2/R3.4.2/C7] 2.没有现成信息…

Severities map as in docs/conventions.md (info → ``notice``). Values are escaped as the GitHub
runner expects: ``%``, CR and LF in the message; also ``:`` and ``,`` in the properties. GitHub
reads ``col``/``endColumn`` as 1-based inclusive columns on one line, so a span's exclusive end
column becomes ``endColumn = end - 1``, and columns are only given for one-line spans.
"""

from __future__ import annotations

from . import Reporter

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    def file(self, result) -> None:
        from ..fingerprint import relative_path

        path = relative_path(result.path, self.options.get("root"))
        if result.error:
            self._command("error", {"file": path, "title": "govlint"}, result.error)
        for finding in result.findings:
            props = {"file": relative_path(finding.path, self.options.get("root")) if finding.path else path}
            span = finding.span
            if span is not None:
                props["line"] = str(span.line)
                props["endLine"] = str(span.end_line)
                if span.end_line == span.line:
                    props["col"] = str(span.column)
                    if span.end_column > span.column + 1:
                        props["endColumn"] = str(span.end_column - 1)
            props["title"] = finding.code
            cell = f"[{finding.cell}] " if finding.cell else ""
            self._command(COMMANDS[finding.severity], props, f"{cell}{finding.message} ({finding.rule})")

    def _command(self, name: str, props: dict[str, str], message: str) -> None:
        rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
        self.out.write(f"::{name} {rendered}::{escape_data(message)}\n")
