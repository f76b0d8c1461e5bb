"""The splitter's pruning (bounds on where a cell may end, the last cell taken without a call,
the ends of counts found for all starts in one pass) never changes what it finds: the same
candidates, in the same order, as the plain search it replaced, which is kept here as the
reference."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govlint import flatten
from govlint.flatten import Group, layout


class _Unpruned(flatten._Splitter):
    """The search as first written: every cell end tried, and checked once the cells run out."""

    def _plain(self, pos, cells, cells_after):
        def walk(start, left, acc):
            if left == 0:
                if self._fits_after(start, cells_after):
                    yield acc
                return
            if len(self.text) - start > (left + cells_after) * flatten._MAX_DIGITS:
                return
            for end in flatten._cell_ends(self.text, self.spaced, start, decimal=True):
                yield from walk(end, left - 1, acc + ((start, end),))

        yield from walk(pos, cells, ())

    def _summed(self, pos, addends, cells_after):
        text = self.text
        for width in range(1, flatten._MAX_COUNT_DIGITS + 1):
            for end in range(pos + addends + width, len(text) + 1):
                if not self._fits_after(end, cells_after):
                    continue
                start = end - width
                written = text[start:end]
                if (not written.isdigit() or (width > 1 and written[0] == "0")
                        or any(i in self.spaced for i in range(start + 1, end)) or start - pos > addends * width):
                    continue
                for cells in self._addends(pos, start, addends, int(written), width):
                    yield cells + ((start, end),)

    def _addends(self, pos, stop, count, total, width):
        def walk(start, left, acc, running, longest):
            room = stop - start
            if left == 0:
                if room == 0 and running == total and longest >= width - 1:
                    yield acc
                return
            if not left <= room <= left * width or (longest < width - 1 and room < width - 1):
                return
            for end in flatten._cell_ends(self.text, self.spaced, start, decimal=False):
                if end - start > width or end > stop:
                    return
                value = running + int(self.text[start:end])
                if value > total:
                    return
                yield from walk(end, left - 1, acc + ((start, end),), value, max(longest, end - start))

        yield from walk(pos, count, (), 0, 0)


LAYOUTS = (layout("T2", 7), layout("T3", 15), *(layout("T1", w) for w in range(1, 5)),
           (Group(1, True),), (Group(3, True), Group(2, False)))

# Runs like real ones: mostly zeros and small figures, with stray spaces and decimal points.
runs = st.text(st.sampled_from("0000011123456789 ."), min_size=1, max_size=24)
counts = st.integers(min_value=0, max_value=300)


@st.composite
def summed_runs(draw):
    """Runs that do add up (so the search finds candidates), cells glued or spaced."""
    cells = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        parts = draw(st.lists(counts, min_size=0, max_size=6))
        cells += [*parts, sum(parts)]
    return "".join(str(c) + draw(st.sampled_from(("", "", " "))) for c in cells).strip() or "0"


def _search(splitter_class, run, groups):
    text, _positions, spaced = flatten._strip(run)
    if not text:
        return None
    return splitter_class(text, groups, spaced).solve()


@settings(max_examples=400)
@given(st.one_of(runs, summed_runs()), st.sampled_from(LAYOUTS))
def test_pruned_search_finds_what_the_unpruned_one_does(run, groups):
    assert _search(flatten._Splitter, run, groups) == _search(_Unpruned, run, groups)


@given(runs)
def test_count_ends_are_the_ends_of_counts(run):
    text, _positions, spaced = flatten._strip(run)
    count_end = flatten._count_ends(text, spaced)
    for start in range(len(text)):
        ends = list(flatten._cell_ends(text, spaced, start, decimal=False))
        assert ends == list(range(start + 1, count_end[start] + 1))
