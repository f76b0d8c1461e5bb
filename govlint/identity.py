"""Who published a report, for which year, and what kind of report it is.

The corpus pass groups reports by agency: the reports of one agency across years, the reports of
the units under one region. Names are written many ways ("金東區人民政府辦公室", "金东区政府办公室",
"山海关区南关街道办事处 2024年政府信息公开工作年度报告"), so the key an agency is grouped by is
normalised: traditional → simplified, no spaces or punctuation, no year or report phrase, and one
spelling for each suffix variant. Suffixes are unified, not dropped: a 区人民政府办公室's own report
and the 区人民政府's aggregated report are different series (domain.md §1.1).

When names alone are not enough (a renamed agency, a title without the district prefix), a
mapping file says which files and names belong to which agency, and which agencies make up a
region (``load_mapping``).
"""

from __future__ import annotations

import csv
import fnmatch
import os
from collections.abc import Iterable, Mapping

import regex
from attrs import field, frozen

from .model import Document, Paragraph
from .normalize import label_key

AGGREGATE_KINDS = ("county", "prefecture", "province", "aggregate")  # "aggregate": level not known
KINDS = ("agency", "township", *AGGREGATE_KINDS, "vertical")

_REPORT_PHRASE = regex.compile(r"(?:(?:19|20)\d{2}年度?)?(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?报告.*$")
_YEAR = regex.compile(r"(?:19|20)\d{2}年度?")
# Suffix spellings and the one spelling the key uses, tried in order at the end of the name.
_SUFFIXES = (
    (regex.compile(r"(?:人民政府|政府|管理委员会|管委会)办(?:公[室厅])?$"), "政府办公室"),
    (regex.compile(r"街道办(?:事处)?$"), "街道"),
    (regex.compile(r"(?:人民政府|管理委员会|管委会)$"), ""),
)
_AGGREGATE_SIGNAL = regex.compile(r"汇总|本级政府")
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


@frozen
class ReportIdentity:
    """``name`` as written (title or header), ``key`` the normalised agency key, ``year`` the
    report year, ``kind`` one of ``KINDS``."""

    name: str | None
    key: str | None
    year: int | None
    kind: str

    @property
    def aggregate(self) -> bool:
        return self.kind in AGGREGATE_KINDS


def agency_key(name: str) -> str:
    """The key reports of one agency share: "金東區人民政府辦公室 2023年度政府信息公开工作年度报告"
    and "金东区政府办公室" both give "金东区政府办公室"; "南关街道办事处" gives "南关街道"."""
    key = label_key(name)
    key = _REPORT_PHRASE.sub("", key)
    key = _YEAR.sub("", key)
    for pattern, replacement in _SUFFIXES:
        shorter = pattern.sub(replacement, key)
        if shorter != key and shorter:
            return shorter
    return key


def identify(doc: Document, kind: str | None = None) -> ReportIdentity:
    """The identity of a parsed report; ``kind`` overrides the detected kind."""
    name = doc.agency.value.strip() if doc.agency and doc.agency.value else None
    key = agency_key(name) if name else None
    return ReportIdentity(name, key or None, doc.report_year, kind or detect_kind(key or "", doc))


def detect_kind(key: str, doc: Document) -> str:
    """乡镇/街道 by name; an aggregated 本级政府 report by the words 汇总 / 本级政府 in its
    introduction or overview, its level by the name's ending; anything else is an agency."""
    if key.endswith(("镇", "乡", "街道")):
        return "township"
    opening = [b for b in doc.preamble if isinstance(b, Paragraph)]
    overview = doc.section("一")
    if overview:
        opening.extend(overview.paragraphs[:2])
    if key.endswith("政府办公室") or not any(_AGGREGATE_SIGNAL.search(p.text) for p in opening):
        return "agency"
    if key.endswith(("省", "自治区")) or key in _MUNICIPALITIES:
        return "province"
    if key.endswith(("市", "州", "盟")):
        return "prefecture"
    if key.endswith(("县", "区", "旗")):
        return "county"
    return "aggregate"


class MappingError(ValueError):
    """The mapping file cannot be read or says something impossible."""


@frozen
class Region:
    """A region's aggregate report is the one whose agency key is ``key``; ``members`` are the
    agency keys of the units it covers; ``names`` their display names. ``years``, when given,
    are the years every unit must have a report for."""

    name: str
    key: str
    members: tuple[str, ...]
    names: Mapping[str, str] = field(factory=dict)
    years: tuple[int, ...] = ()


@frozen
class AgencyMapping:
    """Files and names → canonical agency, region membership, and kinds, from a mapping file.
    Names and canonical agencies are compared by ``agency_key``."""

    files: tuple[tuple[str, str], ...] = ()  # (glob on the path or file name, canonical key)
    names: Mapping[str, str] = field(factory=dict)  # agency key → canonical key
    kinds: Mapping[str, str] = field(factory=dict)  # canonical key → kind
    regions: tuple[Region, ...] = ()
    display: Mapping[str, str] = field(factory=dict)  # canonical key → name as the mapping writes it
    source: str | None = None  # the mapping file, where findings about no report at all point

    def canonical(self, path: str | None, key: str | None) -> str | None:
        if path:
            parts = path.replace(os.sep, "/").split("/")
            tails = ["/".join(parts[i:]) for i in range(len(parts))]  # "a/b/c.txt", "b/c.txt", "c.txt"
            for pattern, canonical in self.files:
                if any(fnmatch.fnmatchcase(tail, pattern) for tail in tails):
                    return canonical
        if key is None:
            return None
        return self.names.get(key, key)


def load_mapping(path: str | os.PathLike[str]) -> AgencyMapping:
    """Read a TOML or CSV mapping file (see ``docs/corpus.md``). Raises ``MappingError``."""
    name = os.fspath(path)
    try:
        if name.lower().endswith(".csv"):
            with open(name, encoding="utf-8-sig", newline="") as handle:
                entries = _csv_entries(csv.DictReader(handle), name)
        else:
            import tomllib

            with open(name, "rb") as handle:
                entries = _toml_entries(tomllib.load(handle), name)
    except OSError as exc:
        raise MappingError(f"cannot read mapping file {name}: {exc.strerror or exc}") from None
    except (ValueError, csv.Error) as exc:  # tomllib.TOMLDecodeError is a ValueError
        if isinstance(exc, MappingError):
            raise
        raise MappingError(f"mapping file {name}: {exc}") from None
    return _build(entries, name)


@frozen
class _Entry:
    match: str
    agency: str | None = None
    region: str | None = None
    kind: str | None = None


def _is_file_pattern(text: str) -> bool:
    return "/" in text or "*" in text or "?" in text or text.lower().endswith(
        (".txt", ".md", ".html", ".htm", ".docx", ".pdf"))


def _toml_entries(data: Mapping, name: str) -> tuple[list[_Entry], dict[str, tuple[int, ...]]]:
    """``[agencies]`` file-or-name = canonical; ``[regions]`` region = [members] or
    {members = [...], years = [...]}; ``[kinds]`` agency = kind."""
    unknown = set(data) - {"agencies", "regions", "kinds"}
    if unknown:
        raise MappingError(f"mapping file {name}: unknown table(s) {', '.join(sorted(unknown))}; "
                           "use [agencies], [regions] and [kinds]")
    entries = [_Entry(str(k), _text(v, name, k)) for k, v in dict(data.get("agencies", {})).items()]
    years: dict[str, tuple[int, ...]] = {}
    for region, value in dict(data.get("regions", {})).items():
        if isinstance(value, Mapping):
            members, region_years = value.get("members", []), value.get("years", [])
            if not all(isinstance(y, int) for y in region_years):
                raise MappingError(f"mapping file {name}: regions.{region}.years must be a list of years")
            years[region] = tuple(region_years)
        else:
            members = value
        if not isinstance(members, list):
            raise MappingError(f"mapping file {name}: the members of region {region} must be a list of names")
        entries.append(_Entry(str(region)))
        entries.extend(_Entry(_text(m, name, region), region=str(region)) for m in members)
    entries.extend(_Entry(str(k), kind=_text(v, name, k)) for k, v in dict(data.get("kinds", {})).items())
    return entries, years


def _text(value: object, name: str, where: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise MappingError(f"mapping file {name}: {where}: expected a name, got {value!r}")
    return value.strip()


def _csv_entries(rows: Iterable[dict], name: str) -> tuple[list[_Entry], dict]:
    """Columns ``name`` (a file glob or an agency name as written), and any of ``agency``
    (canonical name), ``region`` (the region it belongs to), ``kind``."""
    entries = []
    for number, row in enumerate(rows, start=2):
        if "name" not in row:
            raise MappingError(f"mapping file {name}: the header must have a `name` column")
        match = (row.get("name") or "").strip()
        if not match:
            raise MappingError(f"mapping file {name}:{number}: empty `name`")
        entries.append(_Entry(match, *((row.get(c) or "").strip() or None for c in ("agency", "region", "kind"))))
    return entries, {}


def _build(parsed: tuple[list[_Entry], dict[str, tuple[int, ...]]], source: str) -> AgencyMapping:
    entries, years = parsed
    files, names, kinds, display = [], {}, {}, {}
    members: dict[str, list[str]] = {}
    for entry in entries:
        canonical_name = entry.agency or (None if _is_file_pattern(entry.match) else entry.match)
        canonical = agency_key(canonical_name) if canonical_name else None
        if canonical:
            display.setdefault(canonical, canonical_name)
        if _is_file_pattern(entry.match):
            if canonical is None:
                raise MappingError(f"mapping file {source}: file pattern {entry.match} needs an agency")
            files.append((entry.match.replace(os.sep, "/"), canonical))
        elif canonical:
            names[agency_key(entry.match)] = canonical
        if entry.kind:
            if entry.kind not in KINDS:
                raise MappingError(f"mapping file {source}: kind {entry.kind!r} of {entry.match}; "
                                   f"use one of {', '.join(KINDS)}")
            kinds[canonical or agency_key(entry.match)] = entry.kind
        if entry.region:
            region = agency_key(entry.region)
            display.setdefault(region, entry.region)
            members.setdefault(region, [])
            if canonical and canonical not in members[region]:
                members[region].append(canonical)
    regions = tuple(
        Region(display[key], key, tuple(keys), {k: display.get(k, k) for k in keys},
               next((y for r, y in years.items() if agency_key(r) == key), ()))
        for key, keys in members.items()
    )
    return AgencyMapping(tuple(files), names, kinds, regions, display, source)
