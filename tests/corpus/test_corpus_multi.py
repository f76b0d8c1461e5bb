"""The corpus rules on ``tests/fixtures/corpus_multi`` (built by ``make_corpus.py`` from the seeds
and the 平潭 reports): each fires exactly where it was planted, and nowhere else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govlint.cli import main
from govlint.config import Config
from govlint.corpus import lint_corpus

from ..conftest import FIXTURES
from .make_corpus import PLANTED

CORPUS = FIXTURES / "corpus_multi"
MAPPING = CORPUS / "mapping.toml"


def relative(path: str) -> str:
    return Path(path).resolve().relative_to(CORPUS.resolve()).as_posix()


def corpus_findings(mapping=MAPPING, config: Config | None = None) -> list:
    results = lint_corpus([CORPUS], mapping=mapping, config=config, documents=False)
    return [f for result in results for f in result.findings]


def key(finding) -> tuple:
    cell = (finding.cell.table, finding.cell.row, finding.cell.column) if finding.cell else None
    return finding.code, relative(finding.path), cell


@pytest.fixture(scope="module")
def findings() -> list:
    return corpus_findings()


def test_every_planted_defect_is_found_and_nothing_else(findings):
    assert sorted(map(key, findings), key=str) == sorted(PLANTED, key=str)


def test_carry_over_points_at_both_reports(findings):
    [carry] = [f for f in findings if f.code == "K801"]
    assert carry.severity == "warning"
    assert (carry.expected, carry.actual) == (1, 0)
    assert carry.message == "自然人：上年结转 0，与 2024 年度报告“四、结转下年度继续办理” 1 不一致"
    [related] = carry.related
    assert relative(related.path) == "qianjiang/2024_qianjiang.txt"
    assert (related.cell.table, related.cell.row, related.cell.column) == ("T2", "R4", "C1")
    # seed 001 prints 四、结转下年度继续办理 on line 249 and its 自然人 value alone on line 250
    assert (related.span.line, related.span.column) == (250, 1)
    assert carry.span.line == 26  # the R2 row of the generated 2025 report


def test_section5_repeat_gives_the_similarity(findings):
    [repeat] = [f for f in findings if f.code == "K802"]
    assert "与 2024 年度报告相似度 100%" in repeat.message
    assert repeat.actual == "100%"
    assert relative(repeat.related[0].path) == "qianjiang/2024_qianjiang.txt"
    assert repeat.related[0].span.line == 295  # "五、存在问题与改进路径" in seed 001


def test_regulatory_stock_gives_expected_and_actual(findings):
    [stock] = [f for f in findings if f.code == "K803"]
    assert (stock.expected, stock.actual) == (124, 150)
    assert "上年现行有效 119 + 本年制发 10 − 本年废止 5 = 124，报告 150" in stock.message
    assert relative(stock.related[0].path) == "jindong/2022_jindong.txt"


def test_duplicate_and_conflicting_versions(findings):
    [duplicate] = [f for f in findings if f.code == "K804"]
    assert duplicate.severity == "info"
    assert relative(duplicate.related[0].path) == "nanguan/2024_nanguan.txt"
    [conflict] = [f for f in findings if f.code == "K805"]
    assert "1 个表格数值不同：T1 行政处罚 / 本年处理决定数量: 2 ≠ 1" in conflict.message
    assert conflict.related[0].cell == conflict.cell


def test_aggregate_shortfall_names_the_missing_member(findings):
    sums = {(f.cell.table, f.cell.row, f.cell.column): f for f in findings if f.code == "K811"}
    short = sums["T2", "R1", "C1"]
    assert (short.expected, short.actual) == (146, 151)
    assert short.message == ("T2 一、本年新收政府信息公开申请数量 / 自然人：汇总报告 151，2 家成员单位之和 146；"
                             "未找到以下成员单位的本年度报告：平潭综合实验区行政审批局")
    assert sorted(relative(r.path) for r in short.related) == ["pingtan_units/2025_office.txt",
                                                               "pingtan_units/2025_resources.txt"]
    over = sums["T3", "R1", "A1"]
    assert (over.expected, over.actual) == (26, 25)
    assert over.message.endswith("成员单位之和大于汇总数")


def test_missing_unit_points_at_the_aggregate_and_the_units_other_year(findings):
    [missing] = [f for f in findings if f.code == "K812"]
    assert missing.message == "平潭综合实验区 的成员单位 平潭综合实验区行政审批局 没有 2025 年度报告"
    assert missing.span.line == 1  # the title of the 2025 aggregate
    assert relative(missing.related[0].path) == "pingtan_units/2024_permits.txt"


def test_without_the_mapping_no_region_and_no_alias():
    found = {key(f)[:2] for f in corpus_findings(mapping=None)}
    assert not any(code in ("K811", "K812") for code, _ in found)
    # the v2 title "南关街道办事处" is joined to seed 004 only by the mapping's alias
    assert ("K805", "nanguan/2024_nanguan_v2.txt") not in found
    assert {("K801", "qianjiang/2025_qianjiang.txt"), ("K802", "qianjiang/2025_qianjiang.txt"),
            ("K803", "jindong/2023_jindong.txt"), ("K804", "nanguan/2024_nanguan_mirror.txt")} <= found


def test_similarity_threshold_is_an_option():
    findings = corpus_findings(config=Config(options={"corpus-similarity": 100.5}))
    assert not [f for f in findings if f.code == "K802"]


def test_check_dir_json_includes_corpus_findings_with_related(capsys):
    code = main(["check", "--format", "json", "--corpus-map", str(MAPPING), str(CORPUS)])
    out = json.loads(capsys.readouterr().out)
    assert code == 1  # per-document errors (e.g. seed 003's narrative) still fail the run
    corpus = [f for f in out if f["family"] == "corpus"]
    assert sorted((f["code"], relative(f["path"]), tuple(f["cell"].values()) if f["cell"] else None)
                  for f in corpus) == sorted(PLANTED, key=lambda p: (p[0], p[1], p[2] or ()))
    [carry] = [f for f in corpus if f["code"] == "K801"]
    assert carry["location"] == {"line": 26, "column": 20}
    assert carry["related"] == [{
        "path": carry["related"][0]["path"],
        "location": {"line": 250, "column": 1},
        "cell": {"table": "T2", "row": "R4", "column": "C1"},
        "message": "2024 年度报告结转下年度 1",
    }]
    assert relative(carry["related"][0]["path"]) == "qianjiang/2024_qianjiang.txt"
    assert any(f["family"] != "corpus" for f in out)  # the per-document pass ran as well


def test_no_corpus_and_select(capsys):
    main(["check", "--format", "json", "--no-corpus", "--corpus-map", str(MAPPING), str(CORPUS)])
    assert not [f for f in json.loads(capsys.readouterr().out) if f["family"] == "corpus"]
    code = main(["check", "--format", "json", "--select", "K801", str(CORPUS)])
    out = json.loads(capsys.readouterr().out)
    assert code == 0  # a warning does not fail the run
    assert [(f["code"], relative(f["path"])) for f in out] == [("K801", "qianjiang/2025_qianjiang.txt")]


def test_a_bad_mapping_file_is_a_usage_error(tmp_path, capsys):
    bad = tmp_path / "map.toml"
    bad.write_text('[regionz]\n"x" = ["y"]\n', encoding="utf-8")
    assert main(["check", "--corpus-map", str(bad), str(CORPUS / "huaian")]) == 2
    assert "unknown table(s) regionz" in capsys.readouterr().err


def test_the_mapping_can_come_from_the_configuration_file(tmp_path, capsys):
    import shutil

    shutil.copytree(CORPUS, tmp_path / "reports")
    (tmp_path / "govlint.toml").write_text('corpus-map = "reports/mapping.toml"\ncorpus-similarity = 99.5\n',
                                           encoding="utf-8")
    code = main(["check", "--format", "json", "--select", "K811,K812,K802", str(tmp_path / "reports")])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert sorted({f["code"] for f in out}) == ["K802", "K811", "K812"]  # 100% ≥ 99.5


def test_text_output_shows_the_related_location(capsys):
    assert main(["check", "--select", "K801", str(CORPUS)]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = lines.index(next(line for line in lines if "K801 warning" in line))
    assert lines[at].endswith("qianjiang/2025_qianjiang.txt:26:20: K801 warning "
                              "自然人：上年结转 0，与 2024 年度报告“四、结转下年度继续办理” 1 不一致 [T2/R2/C1]")
    assert lines[at + 1].startswith("    = ")
    assert lines[at + 1].endswith("qianjiang/2024_qianjiang.txt:250:1: 2024 年度报告结转下年度 1 [T2/R4/C1]")


def test_a_year_with_no_report_at_all_points_at_the_mapping_file(tmp_path):
    mapping = tmp_path / "units.toml"
    mapping.write_text(MAPPING.read_text(encoding="utf-8").replace("years = [2024, 2025]", "years = [2024, 2026]"),
                       encoding="utf-8")
    missing = [f for f in corpus_findings(mapping=mapping) if f.code == "K812"]
    # 2026: nobody published, so the region itself and its three units are reported, at the mapping
    in_2026 = [f for f in missing if "2026" in f.message]
    assert sorted(f.expected for f in in_2026) == ["平潭综合实验区", "平潭综合实验区管委会办公室",
                                                   "平潭综合实验区行政审批局", "平潭综合实验区资源生态局"]
    assert {f.path for f in in_2026} == {str(mapping)} and all(f.span is None for f in in_2026)
    assert "平潭综合实验区 没有 2026 年度汇总报告" in [f.message for f in in_2026]
    assert len(missing) == 4  # only the years the mapping names: 2025 (行政审批局 missing) is not checked


def test_corpus_findings_have_distinct_fingerprints(findings):
    from govlint.fingerprint import fingerprint

    prints = [fingerprint(f, root=CORPUS) for f in findings]
    assert len(set(prints)) == len(prints) == len(PLANTED)
