"""Benchmark: peel-extract on complete pages, side by side with the floor, on the same bytes, in one run.

    python bench/run.py [--runs 15] [--batch-pages 4000] [--batch-runs 5] [--startup-runs 15] [--no-peer]

1. In process, per page group and markup (bench/pages.py): peel-extract (``extract_page`` to the
   validated record, and to its JSON as ``batch`` writes it) against ``lxml.html.fromstring`` of the
   same bytes for HTML pages, and against a plain decode + ``splitlines`` for text pages; and a peer,
   trafilatura's ``extract`` (the ``[bench]`` extra), against the same floor. Floor and contender take
   turns page by page, each going first on every other page, and each figure is the median over the
   runs: a shared virtual machine's speed drifts, and pairing makes the drift cancel. Each is timed on
   the thread's CPU clock (``time.thread_time``: what the work costs, whatever else the machine runs)
   and on the wall clock.
2. ``peel-extract batch`` over a folder of complete pages, and a zip of them, with 1 and 2 workers;
   and the machine's ceiling for two processes: two one-worker runs at once, each on half the
   pages (on a shared virtual machine two busy cores may not give twice one). Runs interleaved.
3. Start-up: ``peel-extract --help`` and a one-page ``extract``, against ``python -c "import lxml.html"``,
   runs interleaved.

Run it by hand on an idle machine; it is not a test.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import FIXTURES, SEED, Page, pages

from peel_extract import PeelError, extract_page

Work = Callable[[bytes], object]


def record(data: bytes) -> object:
    """A page to its validated record (or its error, for pages of kinds not converted)."""
    try:
        return extract_page(data, "page")
    except PeelError as error:
        return error


def record_json(data: bytes) -> object:
    """A page to its record's JSON, as batch writes it."""
    try:
        return extract_page(data, "page").model_dump_json()
    except PeelError as error:
        return str(error)


def text_floor(data: bytes) -> object:
    """The least any reader of a text page does: decode it and split its lines."""
    return data.decode("utf-8").splitlines()


def trafilatura_text(data: bytes) -> object:
    """A peer: trafilatura's main-text extraction of the same bytes (its defaults, plain text out)."""
    import trafilatura

    return trafilatura.extract(data)


class Paired(NamedTuple):
    """Floor and contender, ms per page on the thread's CPU clock and on the wall clock (medians of runs)."""

    floor_cpu: float
    cpu: float
    floor_wall: float
    wall: float

    @property
    def cpu_ratio(self) -> float:
        return self.cpu / self.floor_cpu

    @property
    def wall_ratio(self) -> float:
        return self.wall / self.floor_wall


def paired(floor: Work, contender: Work, group: list[bytes], runs: int) -> Paired:
    """Floor and contender per page over the group, each the median of ``runs`` interleaved runs, timed on
    the thread's CPU clock (what the work costs: on a shared machine wall time is mostly waiting) and wall."""
    cpu: dict[int, list[float]] = {0: [], 1: []}
    wall: dict[int, list[float]] = {0: [], 1: []}
    for _ in range(runs):
        cpu_totals, wall_totals = [0.0, 0.0], [0.0, 0.0]
        for number, data in enumerate(group):
            order = ((0, floor), (1, contender)) if number % 2 == 0 else ((1, contender), (0, floor))
            for slot, work in order:
                start_cpu, start_wall = time.thread_time(), time.perf_counter()
                work(data)
                wall_totals[slot] += time.perf_counter() - start_wall
                cpu_totals[slot] += time.thread_time() - start_cpu
        for slot in (0, 1):
            cpu[slot].append(cpu_totals[slot] * 1000 / len(group))
            wall[slot].append(wall_totals[slot] * 1000 / len(group))
    medians = [statistics.median(times[slot]) for times in (cpu, wall) for slot in (0, 1)]
    return Paired(*medians)


def in_process(all_pages: list[Page], runs: int, peer: bool) -> None:
    groups: dict[tuple[str, str], list[bytes]] = defaultdict(list)
    for page in all_pages:
        groups[(page.group, page.markup)].append(page.data)
    print("ratios to the floor on the thread's CPU clock (wall clock in brackets)\n")
    print("| pages | markup | n | mean KB | floor ms | record ms | ratio | + JSON | trafilatura |")
    print("|---|---|---|---|---|---|---|---|---|")
    bare: list[float] = []
    for (group, markup), datas in groups.items():
        floor = text_floor if markup == "text" else lxml.html.fromstring
        rec = paired(floor, record, datas, runs)
        as_json = paired(floor, record_json, datas, runs)
        peer_cell = "-"
        if peer and markup != "text":
            other = paired(floor, trafilatura_text, datas, runs)
            peer_cell = f"{other.cpu_ratio:.1f}x ({other.wall_ratio:.1f}x)"
        if group == "seed" and markup not in ("site", "text"):
            bare.append(rec.cpu_ratio)
        kb = statistics.mean(map(len, datas)) / 1024
        print(
            f"| {group} | {markup} | {len(datas)} | {kb:.1f} | {rec.floor_cpu:.3f} | {rec.cpu:.3f} "
            f"| **{rec.cpu_ratio:.2f}x** ({rec.wall_ratio:.2f}x) "
            f"| {as_json.cpu_ratio:.2f}x ({as_json.wall_ratio:.2f}x) | {peer_cell} |"
        )
        if (group, markup) == ("seed", "site"):
            site = rec.cpu_ratio
    print(f"\ntargets (CPU clock): the seed page as the site serves it {site:.2f}x (<= 2.7x); ", end="")
    print(f"the seed's bare markups, median {statistics.median(bare):.2f}x (<= 7.5x)")


def batch_folder(folder: Path, all_pages: list[Page], count: int, start: int = 0) -> None:
    """``count`` complete pages, each made unique (a comment, or a trailing line), so none is a duplicate."""
    folder.mkdir()
    for number in range(start, start + count):
        page = all_pages[number % len(all_pages)]
        html = page.markup != "text"
        tail = f"\n<!-- copy {number} -->\n" if html else "\n" * (1 + number // len(all_pages))
        (folder / f"{number:06d}.{'html' if html else 'txt'}").write_bytes(page.data + tail.encode())


Command = list[list[str]]
"""One run: its commands, started at once (one command, or two sharing the machine)."""


def timed(commands: Command) -> float:
    """Seconds until every command (started together) has ended."""
    start = time.perf_counter()
    running = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for c in commands]
    for process in running:
        process.wait()
    return time.perf_counter() - start


def interleaved(commands: dict[Any, Command], runs: int) -> dict[Any, list[float]]:
    """Seconds of each run, the runs taking turns (round by round, so a round's figures go together)."""
    times: dict[Any, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(timed(command))
    return times


def _ratio(numerators: list[float], denominators: list[float]) -> float:
    """The median over the rounds of each round's ratio (runs of one round saw the machine alike)."""
    return statistics.median(n / d for n, d in zip(numerators, denominators, strict=True))


def _batch(source: Path | str, output: str, workers: str) -> list[str]:
    return [sys.executable, "-m", "peel_extract", "batch", str(source), "-o", output, "-q", "--workers", workers]


def batch(all_pages: list[Page], count: int, runs: int) -> None:
    """1 and 2 workers on a folder and on a zip; and the machine's own ceiling for two processes: two
    one-worker runs at once, each on half the pages (no coordination at all, the best a pool can do)."""
    with tempfile.TemporaryDirectory() as tmp:
        half = count // 2
        inputs: dict[tuple[str, str], Path | str] = {}
        for part, start, size in (("all", 0, count), ("first", 0, half), ("second", half, count - half)):
            folder = Path(tmp, part)
            batch_folder(folder, all_pages, size, start)
            inputs[("folder", part)] = folder
            inputs[("zip", part)] = shutil.make_archive(str(folder), "zip", folder)
        commands = {}
        for name in ("folder", "zip"):
            whole = inputs[(name, "all")]
            commands[(name, "1")] = [_batch(whole, f"{tmp}/out.jsonl", "1")]
            commands[(name, "2")] = [_batch(whole, f"{tmp}/out.jsonl", "2")]
            commands[(name, "halves")] = [
                _batch(inputs[(name, part)], f"{tmp}/{part}.jsonl", "1") for part in ("first", "second")
            ]
        got = interleaved(commands, runs)
    rounds = f"{runs} interleaved rounds (times: medians; ratios: the median of each round's)"
    print(f"\nbatch of {count} complete pages, {rounds}:")
    for name in ("folder", "zip"):
        one, two, halves = got[(name, "1")], got[(name, "2")], got[(name, "halves")]
        for label, times in (("1 worker", one), ("2 workers", two), ("ceiling", halves)):
            seconds = statistics.median(times)
            print(f"  {name:6s} {label:9s} {seconds:6.2f} s {count / seconds:7.0f} pages/s", end="")
            print("" if times is one else f"   **{_ratio(one, times):.2f}x** one worker")
        share = _ratio(halves, two)
        print(f"  {name:6s} 2 workers reach {share:.0%} of the ceiling", end="")
        print(" (two one-worker runs at once, half each; target >= 95%)")


def startup(runs: int) -> None:
    executable = str(Path(sys.executable).with_name("peel-extract"))
    seed = str(FIXTURES / SEED / "input.txt")
    got = interleaved(
        {
            "floor": [[sys.executable, "-c", "import lxml.html"]],
            "--help": [[executable, "--help"]],
            "extract": [[executable, "extract", seed]],
        },
        runs,
    )
    floor = statistics.median(got["floor"])
    print(f'\nstart-up, median of {runs} interleaved runs (floor: python -c "import lxml.html" {floor * 1000:.0f} ms):')
    for name in ("--help", "extract"):
        seconds = statistics.median(got[name])
        print(
            f"  peel-extract {name:8s} {seconds * 1000:6.0f} ms   **{_ratio(got[name], got['floor']):.2f}x** the floor"
            + (" (target <= 2.5x)" if name == "--help" else "")
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="in-process runs per measure")
    parser.add_argument("--batch-pages", type=int, default=4000)
    parser.add_argument("--batch-runs", type=int, default=5)
    parser.add_argument("--startup-runs", type=int, default=15)
    parser.add_argument("--no-peer", action="store_true", help="leave out trafilatura (the [bench] extra)")
    args = parser.parse_args()
    all_pages = pages()
    print(f"in process, median of {args.runs} paired runs:\n")
    in_process(all_pages, args.runs, not args.no_peer)
    if args.batch_pages:
        batch(all_pages, args.batch_pages, args.batch_runs)
    if args.startup_runs:
        startup(args.startup_runs)


if __name__ == "__main__":
    main()
