"""EX101 through govlint as users run it: the plugin is found by its entry point (install the
package first: ``pip install -e examples/govlint-plugin-example``)."""

from __future__ import annotations

import govlint
from govlint.config import Config
from govlint.plugins import load_registry

ONLY_EX101 = Config(select=("EX101",))
BODY = "一、总体情况\n2024年，本机关全年主动公开政府信息120条。\n二、主动公开政府信息情况\n"


def ex101(title: str, lang: str = "zh") -> list[tuple[int, int, int, str]]:
    config = Config(select=("EX101",), lang=lang)
    return [(f.span.line, f.span.column, f.span.end_column, f.message)
            for f in govlint.lint_text(f"{title}\n{BODY}", config=config)]


def test_the_entry_point_registers_the_rule():
    rule = load_registry().find("title-names-agency")
    assert rule is not None and rule.code == "EX101" and rule.severity == "warning"


def test_a_title_naming_the_agency_passes():
    assert ex101("淮安市人民政府办公室2024年政府信息公开工作年度报告") == []


def test_a_title_without_an_agency():
    assert ex101("2024年政府信息公开工作年度报告") == [
        (1, 1, 18, "标题未写明发布机关：“2024年政府信息公开工作年度报告”。")]


def test_a_pronoun_instead_of_the_agency():
    assert ex101("本局2024年政府信息公开工作年度报告") == [(1, 1, 3, "标题中的发布机关写成了代称“本局”，应写明机关全称。")]
    assert ex101("我委2024年度政府信息公开工作年度报告", lang="en") == [
        (1, 1, 3, "The title names the agency by a pronoun, “我委”: write the agency's full name.")]


def test_a_body_sentence_is_not_a_title():
    assert ex101("淮安市人民政府办公室2024年政府信息公开工作年度报告\n本报告即2024年政府信息公开工作年度报告。") == []
