"""Regenerate ``area_codes.tsv`` from the geocoding data of ``phonenumbers`` (libphonenumber).

    .venv/bin/python rules/data/make_area_codes.py > rules/data/area_codes.tsv

Why a file: importing ``phonenumbers.geodata`` (every country's prefixes) takes ~0.3 s and
walking it another ~0.2 s, on every run; the ~350 Chinese landline area codes it yields are a
few kilobytes. ``tests/scale/test_limits.py`` checks the file still equals what phonenumbers
gives, so upgrading phonenumbers and forgetting to regenerate fails the tests.
"""

from __future__ import annotations


def rows() -> list[str]:
    """"517\t江苏\t淮安": area code without its 0, then the province and the cities ("、" between
    them) of the geocoder's Chinese description ("江苏省淮安市"), as ``_places`` reads them."""
    from phonenumbers.geodata import GEOCODE_DATA

    from govlint_rules._places import parse_description

    out = []
    for prefix, names in GEOCODE_DATA.items():
        if prefix.startswith("86") and len(prefix) <= 6 and "zh" in names:
            places = parse_description(names["zh"])
            if places:
                out.append(f"{prefix[2:]}\t{places[0].province}\t{'、'.join(p.city for p in places)}")
    return sorted(out)


if __name__ == "__main__":
    print("\n".join(rows()))
