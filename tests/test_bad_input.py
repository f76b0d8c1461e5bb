"""Empty, binary and non-report input: a clear message and exit code, never a traceback."""

from __future__ import annotations

import json

import pytest

import govlint
from govlint.cli import main


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (b"", "P901", "文件为空，没有可检查的内容。"),
        (b"   \n\n", "P901", "文件为空，没有可检查的内容。"),
        (bytes(range(256)) * 8, "P901", "文件是二进制数据，不是文本报告。"),
        ("今天天气很好，我们去公园散步。\n晚上吃饺子。\n".encode(), "P902",
         "未识别出年度报告的任何章节标题或统计表格，文件可能不是政府信息公开工作年度报告。"),
    ],
    ids=["empty", "blank", "binary", "not-a-report"],
)
def test_bad_input_gives_one_clear_error_finding(tmp_path, capsys, content, code, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    assert main(["check", "--format", "json", str(path)]) == 1
    captured = capsys.readouterr()
    findings = json.loads(captured.out)
    assert [(f["code"], f["severity"], f["message"]) for f in findings] == [(code, "error", message)]
    assert "Traceback" not in captured.err


def test_dump_of_binary_input_says_why(tmp_path, capsys):
    path = tmp_path / "input.txt"
    path.write_bytes(b"\x00\x01\x02" * 100)
    assert main(["dump", str(path)]) == 1
    assert "P901 The file is binary data" in capsys.readouterr().err


def test_api_lint_text_of_empty_text():
    [finding] = govlint.lint_text("")
    assert finding.code == "P901"


def test_size_limit_gives_a_clear_finding(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("一、总体情况\n" * 1000, encoding="utf-8")
    [finding] = govlint.lint_path(path, config=govlint.Config(options={"max-bytes": 100}))
    assert (finding.code, finding.message) == ("P901", "文件超过大小上限（100 字节），未检查。")
