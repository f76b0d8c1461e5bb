"""Build ``tests/fixtures/corpus_multi/``: a small multi-year, multi-unit corpus from real numbers.

    python -m tests.corpus.make_corpus        # from the repository root; rewrites the directory

Real reports are copied unchanged: the five seeds and the 平潭综合实验区 reports (2019, 2023–2025;
an aggregated 本级 report, "汇总…各有关单位"). Generated neighbours are rendered with
``tests/rules/reportgen.py`` from the seeds' transcribed values (``tests/seed_expectations.py``)
and the 平潭 tables. Each neighbour plants at most the defects listed in ``PLANTED``; everything
else is made to hold (carry-over, stock of documents, sums), so a corpus rule firing anywhere
else is a false positive. ``test_corpus_multi.py`` asserts exactly ``PLANTED``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.rules.reportgen import DEFAULT_T2, render_report
from tests.seed_expectations import SEEDS

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
OUT = ROOT / "corpus_multi"
SEED_DIR = ROOT / "seeds"
PINGTAN = ROOT / "corpus" / "pingtan"

REGION = "平潭综合实验区"
OFFICE, PERMITS, RESOURCES = "平潭综合实验区管委会办公室", "平潭综合实验区行政审批局", "平潭综合实验区资源生态局"

# (code, file, cell or None): every corpus finding the corpus must give, and no other.
PLANTED = (
    ("K801", "qianjiang/2025_qianjiang.txt", ("T2", "R2", "C1")),  # 2024 R4 自然人 1, 2025 R2 0
    ("K802", "qianjiang/2025_qianjiang.txt", None),  # section 五 = 2024's with the years bumped
    ("K803", "jindong/2023_jindong.txt", ("T1", "R1.2", "C3")),  # 119 + 10 − 5 = 124, reported 150
    ("K804", "nanguan/2024_nanguan_mirror.txt", None),  # seed 004 again under another index number
    ("K805", "nanguan/2024_nanguan_v2.txt", ("T1", "R6.1", "C1")),  # 行政处罚 2 where seed 004 has 1
    # 平潭 2025: 行政审批局 published nothing, so the members fall short where its share was ...
    *(("K811", "pingtan/2025_pingtan_zonghe_shiyanqu.txt", ("T2", row, column))
      for row in ("R1", "R3.1", "R3.7") for column in ("C1", "C7")),
    # ... and 管委会办公室 counted a reconsideration case that 资源生态局 reports as well.
    *(("K811", "pingtan/2025_pingtan_zonghe_shiyanqu.txt", ("T3", "R1", column)) for column in ("A1", "A5")),
    ("K812", "pingtan/2025_pingtan_zonghe_shiyanqu.txt", None),  # no 2025 report of 行政审批局
)

MAPPING = f"""\
# Which files and names belong to which agency, and the units of each region (govlint --corpus-map).
[agencies]
"pingtan/2019_*.txt" = "{REGION}"   # the 2019 report names only its 领导小组办公室
"南关街道办事处" = "山海关区南关街道办事处"   # a title without the district

[regions."{REGION}"]
members = ["{OFFICE}", "{PERMITS}", "{RESOURCES}"]
years = [2024, 2025]

[kinds]
"{REGION}" = "prefecture"
"""


def seed(prefix: str) -> Path:
    return next(SEED_DIR.glob(f"{prefix}_*.txt"))


def seed_values(prefix: str, table: str) -> dict:
    """A seed's transcribed table as reportgen overrides: T2 row → 7 values, T1 (row, column) → value."""
    raw = SEEDS[seed(prefix).name][table]
    # a blank stays missing: "/" because reportgen's pipe rows lose a trailing blank cell
    convert = lambda text: int(text) if text.isdigit() else (text or "/")  # noqa: E731
    if table == "T1":
        return {(row, f"C{i}"): convert(v) for row, values in raw.items() for i, v in enumerate(values, 1)}
    return {row: [convert(v) for v in values] for row, values in raw.items()}


def section_text(path: Path, start: str, end: str) -> str:
    """The lines between the heading starting with ``start`` and the one starting with ``end``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    last = next(i for i, line in enumerate(lines) if line.startswith(end) and i > first)
    return "\n".join(lines[first + 1: last])


def preamble(agency: str, year: int) -> str:
    return (f"本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自{year}年1月1日起至"
            f"{year}年12月31日止。如对本报告有疑问，请与{agency}联系（电话：0591-23165385）。")


def report(agency: str, year: int, sections: dict | None = None, **kwargs) -> str:
    """A generated report of ``agency``; its overview gives no figure the tables could contradict."""
    overview = f"{year}年，本单位认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好主动公开和依申请公开工作。"
    return render_report(year, title=f"{agency}{year}年政府信息公开工作年度报告",
                         preamble=preamble(agency, year), sections={"一": overview, **(sections or {})}, **kwargs)


def t2_of(path: Path) -> tuple[dict, list]:
    """Table 2 (row → 7 values) and Table 3 (15 values) of a real report, read by govlint."""
    import govlint

    doc = govlint.read(path)
    t2 = {row.id: [c.value for c in row.cells] for row in doc.table("T2").rows}
    t3 = [c.value for c in doc.table("T3").cells()]
    return t2, t3


def minus(total: dict, *parts: dict) -> dict:
    """``total`` − ``parts``, row by row (parts are sparse rows)."""
    out = {row: list(values) for row, values in total.items()}
    for part in parts:
        for row, values in part.items():
            out[row] = [a - b for a, b in zip(out[row], values)]
    return out


def c1(n: int) -> list[int]:
    """A row of ``n`` applications, all from 自然人."""
    return [n, 0, 0, 0, 0, 0, n]


def only(rows: dict) -> dict:
    """Table 2 with exactly ``rows`` (reportgen's default rows zeroed)."""
    return {**{row: c1(0) for row in DEFAULT_T2}, **rows}


def write(relative: str, text: str) -> None:
    path = OUT / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def copy(source: Path, relative: str) -> None:
    target = OUT / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def build() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    write("mapping.toml", MAPPING)

    # Real reports, unchanged.
    for year in (2019, 2023, 2024, 2025):
        copy(PINGTAN / f"{year}_pingtan_zonghe_shiyanqu.txt", f"pingtan/{year}_pingtan_zonghe_shiyanqu.txt")
    copy(seed("000"), "huaian/2024_huaian_kfq.txt")
    copy(seed("001"), "qianjiang/2024_qianjiang.txt")
    copy(seed("002"), "jindong/2022_jindong.txt")
    copy(seed("003"), "ankang/2019_ankang.txt")
    copy(seed("004"), "nanguan/2024_nanguan.txt")

    # 黔江 2025: the 2024 tables again (so R2 自然人 0 after 2024 R4 自然人 1: K801), the stock of
    # documents carried on (95 + 11 − 33 = 73), and the 2024 section 五 with the years bumped (K802).
    five = section_text(seed("001"), "五、", "六、").replace("2025", "2026").replace("2024", "2025")
    t1 = {**seed_values("001", "T1"), ("R1.2", "C3"): 73}
    t1 = {k: v for k, v in t1.items() if k[0] in ("R1.1", "R1.2", "R5.1", "R6.1", "R6.2")}
    write("qianjiang/2025_qianjiang.txt",
          report("重庆市黔江区", 2025, t1=t1, t2=seed_values("001", "T2"),
                 t3=[int(v) for v in SEEDS[seed("001").name]["T3"]], sections={"五": five}))

    # 金東區 2023, its title in traditional characters (same agency key as seed 002's
    # 金东区人民政府办公室): carry-over holds (2022 R4 = 0), the stock does not (K803).
    write("jindong/2023_jindong.txt",
          render_report(2023, title="金東區人民政府辦公室2023年度政府信息公開工作年度報告",
                        preamble=preamble("金东区人民政府办公室", 2023),
                        t1={("R1.2", "C1"): 10, ("R1.2", "C2"): 5, ("R1.2", "C3"): 150}))

    # 淮安经开区 2023: everything continues into seed 000 (2024 R2 = 7 carried; 30 in force).
    write("huaian/2023_huaian_kfq.txt",
          report("淮安经济技术开发区党政办公室", 2023,
                 t1={("R1.2", "C1"): 2, ("R1.2", "C2"): 0, ("R1.2", "C3"): 30},
                 t2=only({"R1": c1(10), "R3.1": c1(3), "R3.7": c1(3), "R4": c1(7)}),
                 sections={"五": "（一）存在的主要问题\n政策解读形式较为单一，依申请公开答复规范性有待提升。\n"
                                 "（二）改进情况\n一是丰富图解、视频等解读形式。二是建立答复文书审核机制。"}))

    # 安康高新区 2020, 2019 format: its 规范性文件 columns are not a stock, so no K803 however they read.
    write("ankang/2020_ankang.txt",
          report("安康高新区", 2020, fmt="2019", t1={("R1.2", "C1"): 5, ("R1.2", "C2"): 5, ("R1.2", "C3"): 40},
                 sections={"五": "主要问题是基层公开标准化建设推进不平衡。下一步将完善目录，加强培训督查。"}))

    # 南关街道 2024 twice more: an identical copy under another index number (K804), and a
    # version whose title lacks the district (joined by the mapping) with 行政处罚 2 (K805).
    nanguan = seed("004").read_text(encoding="utf-8")
    write("nanguan/2024_nanguan_mirror.txt", nanguan.replace("shg35/2025-693", "shg35/2025-701", 1))
    v2 = nanguan.replace("行政处罚 | 1 | ||", "行政处罚 | 2 | ||", 1)
    v2 = v2.replace("山海关区南关街道办事处 2024年", "南关街道办事处2024年")
    assert v2.count("行政处罚 | 2 |") == 1
    write("nanguan/2024_nanguan_v2.txt", v2)

    # 平潭's units. The aggregate's own tables are split: 行政审批局 and 资源生态局 get small
    # balanced shares and 管委会办公室 the rest, so in 2024 the members add up exactly.
    permits = {2024: only({"R1": c1(5), "R3.1": c1(3), "R3.4.1": c1(2), "R3.7": c1(5)}),
               2025: only({"R1": c1(5), "R3.1": c1(5), "R3.7": c1(5)})}  # 2025: never published
    resources = {2024: only({"R1": c1(10), "R3.2": c1(4), "R3.4.1": c1(6), "R3.7": c1(10)}),
                 2025: only({"R1": c1(8), "R3.2": c1(8), "R3.7": c1(8)})}
    resources_t3 = [1, 0, 0, 0, 1] + [0] * 10
    five = {
        (OFFICE, 2024): "主要问题：政务公开专栏信息更新不及时。改进：建立栏目巡检台账，每月通报。",
        (OFFICE, 2025): "存在不足：依申请公开答复文书格式不统一。整改：制定答复模板并开展案例培训。",
        (PERMITS, 2024): "审批结果公开的时效性不足。下一步推行办结即公开，完善审批信息推送。",
        (RESOURCES, 2024): "自然资源领域项目信息公开不够系统。将编制领域公开目录，集中发布用地审批信息。",
        (RESOURCES, 2025): "生态环境执法信息公开深度不够。下一步公开执法检查计划与结果，接受社会监督。",
    }
    in_force = {(OFFICE, 2024): 15, (OFFICE, 2025): 16, (PERMITS, 2024): 15,
                (RESOURCES, 2024): 15, (RESOURCES, 2025): 16}  # 15 + 2 − 1 = 16: the stock carries on
    for year in (2024, 2025):
        t2, t3 = t2_of(PINGTAN / f"{year}_pingtan_zonghe_shiyanqu.txt")
        office_t3 = t3 if year == 2025 else [a - b for a, b in zip(t3, resources_t3)]  # 2025: A1, A5 counted twice
        shares = {
            OFFICE: (minus(t2, permits[year], resources[year]), office_t3),
            RESOURCES: (resources[year], resources_t3),
        }
        if year == 2024:
            shares[PERMITS] = (permits[year], [0] * 15)
        for unit, (unit_t2, unit_t3) in shares.items():
            slug = {OFFICE: "office", PERMITS: "permits", RESOURCES: "resources"}[unit]
            t1 = {("R1.2", "C1"): 2, ("R1.2", "C2"): 1, ("R1.2", "C3"): in_force[unit, year]}
            write(f"pingtan_units/{year}_{slug}.txt",
                  report(unit, year, t1=t1, t2=unit_t2, t3=unit_t3, sections={"五": five[unit, year]}))


if __name__ == "__main__":
    build()
    print(f"wrote {sum(1 for p in OUT.rglob('*') if p.is_file())} files under {OUT}")
