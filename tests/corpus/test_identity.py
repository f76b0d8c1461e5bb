"""Report identity (agency key, year, kind) and the mapping file (TOML and CSV)."""

from __future__ import annotations

import pytest

import govlint
from govlint.identity import AgencyMapping, MappingError, agency_key, identify, load_mapping

from ..conftest import CORPUS, FIXTURES, seed_path


@pytest.mark.parametrize(("name", "key"), [
    ("金東區人民政府辦公室", "金东区政府办公室"),
    ("金东区政府办公室", "金东区政府办公室"),
    ("金东区人民政府办公室 2023年度政府信息公开工作年度报告", "金东区政府办公室"),
    ("金东区人民政府", "金东区"),  # the government's aggregate is not the office's own report
    ("山海关区南关街道办事处 2024年政府信息公开工作年度报告", "山海关区南关街道"),
    ("南关街道办", "南关街道"),
    ("平潭综合实验区2023年度政府信息公开工作年度报告", "平潭综合实验区"),
    ("平潭综合实验区管委会", "平潭综合实验区"),
    ("平潭综合实验区管委会办公室", "平潭综合实验区政府办公室"),
    ("潭城镇人民政府", "潭城镇"),
    ("淮安经济技术开发区党政办公室", "淮安经济技术开发区党政办公室"),  # no suffix variant to unify
    ("平潭综合实验区政府信息公开工作领导小组办公室", "平潭综合实验区政府信息公开工作领导小组办公室"),
])
def test_agency_key(name, key):
    assert agency_key(name) == key


@pytest.mark.parametrize(("path", "expected"), [
    (seed_path("000"), ("淮安经济技术开发区党政办公室", 2024, "agency")),
    (seed_path("002"), ("金东区政府办公室", 2022, "agency")),
    (seed_path("003"), ("安康高新区", 2019, "county")),  # "汇总报告如下"
    (seed_path("004"), ("山海关区南关街道", 2024, "township")),
    (CORPUS / "pingtan" / "2023_pingtan_zonghe_shiyanqu.txt", ("平潭综合实验区", 2023, "county")),  # "汇总…"
    (CORPUS / "pingtan" / "2024_pingtan_zonghe_shiyanqu.txt", ("平潭综合实验区", 2024, "agency")),  # says no 汇总
])
def test_identify_real_reports(path, expected):
    identity = identify(govlint.read(path))
    assert (identity.key, identity.year, identity.kind) == expected


TOML = """\
[agencies]
"pingtan/2019_*.txt" = "平潭综合实验区"
"南关街道办事处" = "山海关区南关街道办事处"

[regions."平潭综合实验区"]
members = ["平潭综合实验区管委会办公室", "平潭综合实验区行政审批局"]
years = [2024, 2025]

[kinds]
"平潭综合实验区" = "prefecture"
"""

CSV = """\
name,agency,region,kind
pingtan/2019_*.txt,平潭综合实验区,,
南关街道办事处,山海关区南关街道办事处,,
平潭综合实验区,,,prefecture
平潭综合实验区管委会办公室,,平潭综合实验区,
平潭综合实验区行政审批局,,平潭综合实验区,
"""


def test_toml_and_csv_mappings_say_the_same(tmp_path):
    (tmp_path / "map.toml").write_text(TOML, encoding="utf-8")
    (tmp_path / "map.csv").write_text(CSV, encoding="utf-8")
    toml, csv = load_mapping(tmp_path / "map.toml"), load_mapping(tmp_path / "map.csv")
    for mapping in (toml, csv):
        assert mapping.canonical("a/b/pingtan/2019_pingtan.txt", "平潭综合实验区政府信息公开工作领导小组办公室") \
            == "平潭综合实验区"
        assert mapping.canonical("x/2024_nanguan_v2.txt", agency_key("南关街道办事处")) == "山海关区南关街道"
        assert mapping.canonical(None, "其他单位") == "其他单位"
        assert mapping.kinds == {"平潭综合实验区": "prefecture"}
        [region] = mapping.regions
        assert (region.name, region.key) == ("平潭综合实验区", "平潭综合实验区")
        assert region.members == ("平潭综合实验区政府办公室", "平潭综合实验区行政审批局")
        assert region.names["平潭综合实验区政府办公室"] == "平潭综合实验区管委会办公室"
    assert toml.regions[0].years == (2024, 2025)
    assert csv.regions[0].years == ()  # CSV has no years column: the years seen are checked


@pytest.mark.parametrize(("name", "text", "message"), [
    ("m.toml", '[regionz]\n"a" = ["b"]\n', "unknown table(s) regionz"),
    ("m.toml", '[kinds]\n"a" = "city"\n', "kind 'city' of a"),
    ("m.toml", '[regions]\n"a" = "b"\n', "members of region a must be a list"),
    ("m.toml", '[regions.a]\nmembers = ["b"]\nyears = ["2024"]\n', "years must be a list of years"),
    ("m.toml", "[agencies\n", "m.toml"),  # TOML syntax error, with the file named
    ("m.toml", '[agencies]\n"*.txt" = ""\n', "expected a name"),
    ("m.csv", "agency,region\nx,y\n", "must have a `name` column"),
    ("m.csv", "name,region\n,y\n", "m.csv:2: empty `name`"),
    ("m.csv", "name,region\nreports/*.txt,y\n", "needs an agency"),
])
def test_bad_mapping_files_raise_a_clear_error(tmp_path, name, text, message):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(MappingError, match=None) as error:
        load_mapping(tmp_path / name)
    assert message in str(error.value)


def test_a_missing_mapping_file_is_a_mapping_error(tmp_path):
    with pytest.raises(MappingError, match="cannot read mapping file"):
        load_mapping(tmp_path / "nope.toml")


def test_the_fixture_mapping_loads():
    mapping = load_mapping(FIXTURES / "corpus_multi" / "mapping.toml")
    assert isinstance(mapping, AgencyMapping)
    assert mapping.source.endswith("mapping.toml")
    assert len(mapping.regions[0].members) == 3
