"""The working copy's map to the original, kept as runs, against the map
written out character by character (two numbers each), as it once was."""

from hypothesis import given, settings
from hypothesis import strategies as st

from policyx.text.normalize import Normalized
from policyx.text.offset_map import OffsetMap


def dense_edit(length, starts, ends, edits, original_length):
    """Each character's (start, end) in the original after the edits, written out."""
    if starts is None:
        starts, ends = list(range(length)), list(range(1, length + 1))
    new_starts, new_ends, last = [], [], 0
    for start, end, replacement in edits:
        new_starts += starts[last:start]
        new_ends += ends[last:start]
        if end > start:
            first, final = starts[start], ends[end - 1]
        else:
            first = final = starts[start] if start < len(starts) else original_length
        for _ in replacement:
            new_starts.append(first)
            new_ends.append(final if end > start else first)
        if not replacement and end > start and new_ends:
            new_ends[-1] = final
        last = end
    return new_starts + starts[last:], new_ends + ends[last:]


@st.composite
def edits_of(draw, length):
    """Sorted edits that do not overlap: insertions, deletions and replacements."""
    points = sorted(draw(st.lists(st.integers(0, length), max_size=12)))
    edits, last = [], 0
    for a, b in zip(points[::2], points[1::2]):
        if a < last:
            continue
        edits.append((a, b, draw(st.text(alphabet="x\n ", max_size=3))))
        last = b if b > a else a + 1  # (one insertion at a point)
    return edits


@st.composite
def two_rounds(draw):
    length = draw(st.integers(0, 40))
    first = draw(edits_of(length))
    after = length + sum(len(r) - (b - a) for a, b, r in first)
    return length, first, draw(edits_of(after))


def _pairs(offset_map):
    return [offset_map.start_of(w) for w in range(offset_map.length)], \
        [offset_map.end_of(w) for w in range(offset_map.length)]


@settings(max_examples=400, deadline=None)
@given(two_rounds())
def test_the_runs_give_each_character_the_range_written_out(case):
    length, first, second = case
    once = OffsetMap(length).edited(first, length)
    starts, ends = dense_edit(length, None, None, first, length)
    assert _pairs(once) == (starts, ends)
    twice = once.edited(second, length)
    starts, ends = dense_edit(len(starts), starts, ends, second, length)
    assert _pairs(twice) == (starts, ends)
    for a in range(twice.length):
        for b in range(a + 1, twice.length + 1):
            assert twice.span(a, b) == (starts[a], ends[b - 1])


def test_a_heading_break_in_a_long_plan_is_a_few_runs():
    text = "加强监管。" * 10_000 + "(一)研究。" + "推进。" * 10_000
    norm = Normalized(text)
    norm.insert_breaks([text.index("(一)")])
    assert len(norm._map.at) <= 3
    at = norm.text.index("(一)")
    assert norm.original_span(at - 1, at + 3) == (at - 1, at + 2)  # "\n(一)" is where "(一)" was
    assert norm.line_of(len(norm.text) - 1) == 1


def _clean_by_every_span(norm, start, end, glosses=True):
    """Normalized.clean without its shortcut: every noise span from the one before the start looked at."""
    import bisect

    a, b = norm.original_span(start, end)
    return norm._without_noise(a, b, bisect.bisect_right(norm.noise_spans, (a, len(norm.original) + 1)) - 1, glosses)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["加强", "监管。", "<p>", "</span>", "&amp;", "環(huán)保", "\n", "  ", "(一)"]), max_size=20),
       st.data())
def test_the_words_of_a_span_are_those_every_noise_span_gives(parts, data):
    from policyx import load_rules
    from policyx.extract.pipeline import noise_rules

    norm = Normalized("".join(parts), noise_rules(load_rules()))
    end = data.draw(st.integers(0, len(norm.text)))
    start = data.draw(st.integers(0, end))
    for glosses in (True, False):
        assert norm.clean(start, end, glosses) == _clean_by_every_span(norm, start, end, glosses)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["加强", "监管。", "<p>", "&amp;", "&#10;", "環(huán)保", "\n", "\r", "\r\n", "　　", "（一）",
                                 "。  推进", "２０２０年", "<!--\n-->"]), max_size=25))
def test_the_working_copys_lines_start_after_its_own_newlines(parts):
    """Where no edit moved a character the working copy's line starts are the
    file's, taken without looking (Normalized.__init__): they are where its
    own newlines say."""
    from policyx import load_rules
    from policyx.extract.pipeline import noise_rules
    from policyx.text.normalize import _newlines

    norm = Normalized("".join(parts), noise_rules(load_rules()))
    assert norm._line_starts == _newlines(norm.text)
    lines = norm.lines()
    # each line is its text up to the newline, less a "\r" before it (cut in one call when no "\r" is in the text)
    assert [line.text for line in lines] == [piece[:-1] if piece.endswith("\r") else piece
                                             for piece in norm.text.split("\n")]
    assert [line.number for line in lines] == list(range(1, len(lines) + 1))
    assert all(norm.text[line.start:line.end] == line.text for line in lines)
