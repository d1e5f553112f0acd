"""Timelines: one small SVG chart per pillar or area graded in two or more years, a line per force
(forces with the same grades share a line), each line labelled with its names at its end.

Labels sit in a column right of the last year, at the height of their line's last grade, moved
down only as far as needed not to overlap (a thin leader joins a moved label to its line). The x
axis spaces the years by their labels' width, so they never overlap.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape

from ..tables import GRADE_RANK
from .grid import Grid
from .read import NO_YEAR
from .style import LINE_COLOURS, OTHER_LINES, STYLES

MAX_LABELLED = len(LINE_COLOURS)
_MAX_NAMES = 3
"""Lines beyond this many in one chart are drawn grey and named only in their tooltip."""
_ML, _MT, _DY, _LABEL_W, _LINE_H, _CHAR_W = 30, 8, 20, 132, 13, 6.4
_WIDTH = 360
_GRADE_NAMES = sorted(GRADE_RANK, key=GRADE_RANK.__getitem__)


@dataclass(frozen=True, slots=True)
class Line:
    """The forces that share one sequence of grades in a chart."""

    names: list[str]
    points: tuple[tuple[int, int], ...]
    """(index of the year in the chart, grade rank), oldest first."""


@dataclass(frozen=True, slots=True)
class Family:
    """A pillar or area: the years it is graded in, and a line per sequence of grades."""

    part: str
    years: list[str]
    lines: list[Line]


def families(grid: Grid) -> tuple[list[Family], list[str]]:
    """The charts (parts graded in two or more years) and the parts graded in one year only."""
    ranks: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for (name, year, part), grade in grid.cells.items():
        rank = GRADE_RANK.get(grade.grade)
        if rank is not None and year != NO_YEAR:
            ranks[part][name][year] = rank
    charts, single = [], []
    for part in dict.fromkeys(column.part for column in grid.columns):
        years = [year for year in grid.years if any(year in seen for seen in ranks[part].values())]
        if len(years) < 2:
            single += [part] if years else []
            continue
        charts.append(Family(part, years, _lines(ranks[part], years)))
    return charts, single


def _lines(ranks: dict[str, dict[str, int]], years: list[str]) -> list[Line]:
    shared: dict[tuple[tuple[int, int], ...], list[str]] = defaultdict(list)
    for name in sorted(ranks):
        shared[tuple((i, ranks[name][year]) for i, year in enumerate(years) if year in ranks[name])].append(name)
    lines = [Line(names, points) for points, names in shared.items()]
    return sorted(lines, key=lambda line: (-len(line.names), line.points[-1][1], line.names[0]))


def timeline_svg(family: Family, title: str) -> str:
    """The chart: grade bands, the years, a line per force (or forces), and their labels."""
    step = max(44.0, max(len(year) for year in family.years) * _CHAR_W + 14)
    plot_w = max(_WIDTH - _ML - _LABEL_W, step * (len(family.years) - 1) + 24)
    xs = [_ML + 12 + i * (plot_w - 24) / (len(family.years) - 1) for i in range(len(family.years))]
    labelled = family.lines[:MAX_LABELLED]
    texts = [label_lines(line.names) for line in labelled]
    ends = _place_labels([_end_y(line, k) for k, line in enumerate(labelled)], [len(text) for text in texts])
    bottom = max([_MT + 5 * _DY, *(y + (len(text) - 1) * _LINE_H + 4 for y, text in zip(ends, texts, strict=True))])
    height, width = bottom + 22, round(_ML + plot_w + _LABEL_W)
    marks = _bands(_ML + plot_w) + _years(xs, family.years, bottom + 15)
    for k, line in reversed(list(enumerate(family.lines))):
        label = (_ML + plot_w + 6, ends[k], texts[k]) if k < len(ends) else None
        marks += _line(line, k, xs, family.years, label)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} '
            f'{height}" role="img" aria-label="{escape(title)}">' + "".join(marks) + "</svg>")  # fmt: skip


def _y(rank: int, k: int) -> float:
    """A rank's height, nudged a little per line so lines with shared stretches stay apart."""
    return _MT + (rank - 0.5) * _DY + ((k % 5) - 2) * 2


def _end_y(line: Line, k: int) -> float:
    return _y(line.points[-1][1], k)


def _place_labels(wanted: list[float], lines: list[int]) -> list[float]:
    """Each label's first baseline: its line's end, moved down (in order of height) to clear the one above."""
    placed: dict[int, float] = {}
    floor = 0.0
    for k in sorted(range(len(wanted)), key=lambda k: (wanted[k], k)):
        placed[k] = max(wanted[k], floor)
        floor = placed[k] + lines[k] * _LINE_H
    return [placed[k] + 4 for k in range(len(wanted))]


def _bands(right: float) -> list[str]:
    marks = []
    for rank, (background, _, letters) in enumerate(list(STYLES.values())[:5], start=1):
        top = _MT + (rank - 1) * _DY
        marks.append(f'<rect x="{_ML}" y="{top}" width="{right - _ML:.0f}" height="{_DY}" fill="{background}" '
                     f'fill-opacity="0.22"/><text class="y" x="{_ML - 4}" y="{top + _DY / 2 + 4}" '
                     f'text-anchor="end">{letters}</text>')  # fmt: skip
    return marks


def _years(xs: list[float], years: list[str], baseline: float) -> list[str]:
    return [f'<text class="x" x="{x:.1f}" y="{baseline}" text-anchor="middle">{escape(year)}</text>'
            for x, year in zip(xs, years, strict=True)]  # fmt: skip


def _line(
    line: Line, k: int, xs: list[float], years: list[str], label: tuple[float, float, list[str]] | None
) -> list[str]:
    """The line, its points, its tooltip (names, and grade by year) and, for the first lines, its label."""
    colour, width = (LINE_COLOURS[k], 2) if label is not None else (OTHER_LINES, 1)
    xy = [(xs[i], _y(rank, k)) for i, rank in line.points]
    grades = ", ".join(f"{years[i]} {_GRADE_NAMES[rank - 1]}" for i, rank in line.points)
    title = f"<title>{escape(', '.join(line.names))}: {escape(grades)}</title>"
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
    marks = [f'<g class="line"><polyline points="{path}" fill="none" stroke="{colour}" stroke-width="{width}"/>']
    marks += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in xy]
    if label is not None:
        (end_x, end_y), (label_x, label_y, text) = xy[-1], label
        marks.append(f'<polyline class="leader" points="{end_x + 4:.1f},{end_y:.1f} {label_x - 2:.1f},'
                     f'{label_y - 4:.1f}" fill="none" stroke="{colour}"/>')  # fmt: skip
        spans = "".join(f'<tspan x="{label_x:.1f}" dy="{0 if i == 0 else _LINE_H}">{escape(words)}</tspan>'
                        for i, words in enumerate(text))  # fmt: skip
        marks.append(f'<text class="label" x="{label_x:.1f}" y="{label_y:.1f}" fill="{colour}">{spans}</text>')
    return [*marks, title, "</g>"]


def label_lines(names: list[str]) -> list[str]:
    """A line's label: a name per line (cut to the label column), at most three, then "+N more"."""
    room = int(_LABEL_W / _CHAR_W) - 2
    shown = names if len(names) <= _MAX_NAMES else names[: _MAX_NAMES - 1]
    lines = [name if len(name) <= room else name[: room - 1] + "…" for name in shown]
    return lines + ([f"+{len(names) - len(shown)} more"] if len(shown) < len(names) else [])
