"""What the reading caches must not change: every cell keeps its own position, a cached answer
depends only on what it was cached by, and quickly built model objects are the same objects."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govlint.flatten import _cell_ends
from govlint.model import Cell, Span, Table, quick_init
from govlint.schema import schema_for
from govlint.tables import lexeme_of, make_token, map_rows


def test_tokens_of_the_same_text_keep_their_own_spans():
    (first, first_place), (second, second_place) = make_token("12", (3, 5, 3, 7, ())), make_token("12", (9, 1, 9, 3, ()))
    assert (first.value, second.value) == (12, 12)
    assert (first_place[0], second_place[0]) == (3, 9)
    assert lexeme_of("801000081", fused=True).fused
    assert not lexeme_of("801000081").fused  # fused is part of what is cached


def test_row_matching_is_cached_per_mode():
    """Table 1 matches labels exactly, Table 2 also by accepted prefix: the same spec and key
    answer differently in each mode."""
    spec = schema_for("2021").table("T2")
    place = (1, 1, 1, 2, ())
    tokens = [make_token("（一）予以公开（含部分）", place), *(make_token("1", place) for _ in range(7))]
    assert map_rows(spec, tokens, exact_labels=False)[0].row("R3.1") is not None
    assert map_rows(spec, tokens, exact_labels=True)[0].row("R3.1") is None
    assert map_rows(spec, tokens, exact_labels=False)[0].row("R3.1") is not None


def test_quickly_built_objects_are_the_frozen_attrs_objects():
    span = Span(1, 2, 1, 5)
    assert span == Span(line=1, column=2, end_line=1, end_column=5, origin=())
    assert type(span) is Span and isinstance(span, Span)
    assert repr(span) == "Span(line=1, column=2, end_line=1, end_column=5, origin=())"
    assert attrs.evolve(span, line=7).line == 7
    cell = Cell("T2", "R1", "C1", "0", 0)
    assert (cell.unit, cell.span) == (None, None)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cell.value = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        quick_init(Table)  # its post-init hook needs attrs' own __init__


@attrs.frozen(weakref_slot=False)
class _Plain:
    """A class built by attrs' own __init__, the reference for the quickly built one."""

    text: str
    count: int = 0
    extra: tuple = ()


_Quick = quick_init(attrs.frozen(weakref_slot=False)(type("_Quick", (), {
    "__annotations__": {"text": "str", "count": "int", "extra": "tuple"}, "count": 0, "extra": ()})))


@given(st.text(), st.integers(), st.lists(st.integers(), max_size=3).map(tuple))
def test_a_quickly_built_object_holds_what_attrs_would_store(text, count, extra):
    quick, plain = _Quick(text, count, extra), _Plain(text, count, extra)
    assert attrs.astuple(quick, recurse=False) == attrs.astuple(plain, recurse=False) == (text, count, extra)
    assert _Quick(text) == _Quick(text, count=0, extra=()) and _Quick(text).count == 0
    assert hash(quick) == hash(_Quick(text, count, extra))
    for copied in (pickle.loads(pickle.dumps(quick)), copy.copy(quick), copy.deepcopy(quick)):
        assert type(copied) is _Quick and copied == quick
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quick.count = count + 1  # type: ignore[misc]


def test_quick_init_refuses_what_its_twin_cannot_build():
    with pytest.raises(TypeError, match="weakref_slot=False"):
        quick_init(attrs.frozen(type("Weak", (), {"__annotations__": {"a": "int", "b": "int"}})))
    with pytest.raises(TypeError, match="cannot be subclassed"):
        type("Sub", (Cell,), {"__slots__": ()})
    with pytest.raises(TypeError):
        Cell("T2", "R1")  # the constructor's signature is attrs' own


def _reference_cell_ends(text: str, spaced: set[int], start: int, decimal: bool) -> list[int]:
    """Every prefix checked afresh, as the splitter did before it extended numbers digit by digit."""
    out: list[int] = []
    if start >= len(text) or not text[start].isdigit():
        return out
    for end in range(start + 1, min(len(text), start + 16) + 1):
        piece = text[start:end]
        if end - 1 > start and end - 1 in spaced:
            break
        if piece[-1] == ".":
            continue
        if not piece.replace(".", "").isdigit() or piece.count(".") > 1 or ("." in piece and not decimal):
            break
        if len(piece) > 1 and piece[0] == "0" and piece[1] != ".":
            break
        out.append(end)
    return out


@given(st.text("0123456789.", min_size=1, max_size=20), st.sets(st.integers(0, 20)), st.booleans())
def test_cell_ends_are_the_well_formed_numbers(text, spaced, decimal):
    for start in range(len(text)):
        assert list(_cell_ends(text, spaced, start, decimal)) == _reference_cell_ends(text, spaced, start, decimal)


def _every_form(matcher):
    return [entry for forms in matcher.forms_by_length.values() for entry in forms]


def _closest_row_measuring_every_form(matcher, key):
    """``_RowMatcher._approximate`` without its lower bounds: Levenshtein against every form."""
    from rapidfuzz.distance import Levenshtein

    if len(key) < 4 or key in matcher.groups:
        return None
    limit = 1 if len(key) <= 8 else 2
    distances = [(Levenshtein.distance(key, form), row) for form, row, _chars in _every_form(matcher)]
    best = min(d for d, _row in distances)
    found = {row for d, row in distances if d == best}
    return next(iter(found)) if best <= limit and len(found) == 1 else None


_FORMS = [(fmt, table, exact) for fmt in ("2019", "2021") for table in ("T1", "T2") for exact in (False, True)]


@given(st.sampled_from(_FORMS), st.data())
def test_the_edit_distance_bounds_only_skip_forms_that_are_too_far(which, data):
    """The lower bounds (length, by the forms kept by length; characters missing either way)
    never change the answer: keys near a row label (a character or two changed, dropped or
    added) and arbitrary header-like keys get the row the full measurement gives."""
    from govlint.tables import _matcher

    fmt, table, exact = which
    matcher = _matcher(schema_for(fmt).table(table), exact)
    form = data.draw(st.sampled_from([f for f, _row, _chars in _every_form(matcher)]))
    alphabet = st.sampled_from(sorted(set("".join(f for f, _r, _c in _every_form(matcher))) | set("蜜秘项目一")))
    key = list(form)
    for _ in range(data.draw(st.integers(0, 3))):
        at = data.draw(st.integers(0, len(key)))
        edit = data.draw(st.sampled_from(("replace", "drop", "add")))
        if edit == "add" or not key:
            key.insert(at, data.draw(alphabet))
        elif edit == "drop":
            del key[min(at, len(key) - 1)]
        else:
            key[min(at, len(key) - 1)] = data.draw(alphabet)
    for candidate in ("".join(key), data.draw(st.text(alphabet, max_size=12))):
        assert matcher._approximate(candidate) == _closest_row_measuring_every_form(matcher, candidate)
