"""Benchmark: peel-extract side by side with lxml's parse (the floor) and trafilatura, on the same bytes.

    python bench/run.py [--pages 4000] [--sample 400] [--runs 5] [--big 20000] [--corpus DIR]

Reports ms/page and pages/s (median of --runs runs) for lxml.html.fromstring alone, peel-extract
(extract_page and the record's JSON), and trafilatura.extract when installed (pip install
'.[bench]'); then `peel-extract batch` end to end with 1 and 2 workers over the whole corpus, and
the peak memory (all processes together) of a batch of --big pages. Run it by hand, on an idle
machine; it is not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import build

from peel_extract import PeelError, extract_page

MB = 1024 * 1024


def side_by_side(functions: dict[str, Callable[[bytes], object]], pages: list[bytes], runs: int) -> dict[str, float]:
    """ms/page of each function, median over runs. Within a run they take turns page by page, so a
    machine whose speed drifts (as shared virtual machines do) slows them all alike; and the order
    rotates from page to page, as whoever goes second on a page finds it warm in the caches."""
    results: dict[str, list[float]] = {name: [] for name in functions}
    order = list(functions.items())
    for _ in range(runs):
        totals = dict.fromkeys(functions, 0.0)
        for number, page in enumerate(pages):
            turn = number % len(order)
            for name, function in order[turn:] + order[:turn]:
                start = time.perf_counter()
                function(page)
                totals[name] += time.perf_counter() - start
        for name, total in totals.items():
            results[name].append(total * 1000 / len(pages))
    return {name: statistics.median(values) for name, values in results.items()}


def peel_record(page: bytes) -> object:
    """One page to its validated record (the extraction; JSON is the write stage)."""
    try:
        return extract_page(page, "page.html")
    except PeelError as error:
        return error


def peel(page: bytes) -> str:
    """One page as batch converts it: the record's JSON (or the error, for pages of other kinds)."""
    try:
        return extract_page(page, "page.html").model_dump_json()
    except PeelError as error:
        return str(error)


def trafilatura_extract() -> Callable[[bytes], object] | None:
    try:
        import trafilatura
    except ImportError:
        return None
    return lambda page: trafilatura.extract(page.decode("utf-8"))


def same_records(corpus: list[Path]) -> int:
    """Check that site chrome changes no record: each corpus page gives its fixture's record."""
    fixtures = sorted((Path(__file__).resolve().parent.parent / "fixtures").glob("*/input.html"))
    checked = 0
    for path in corpus[: len(fixtures)]:
        number = int(path.stem.split("-")[1])
        fixture = fixtures[number % len(fixtures)]
        a, b = (json.loads(extract_page(p.read_bytes(), "x").model_dump_json()) for p in (path, fixture))
        for record in (a, b):
            record.pop("source")
            for entry in record["warnings"] + record["unplaced"]:
                entry.pop("line")
        assert a == b, f"{path} does not give the record of {fixture}"
        checked += 1
    return checked


def batch_seconds(inputs: list[str], workers: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "peel_extract", "batch", *inputs, "-o", f"{tmp}/out.jsonl", "-q"]
        start = time.perf_counter()
        subprocess.run([*command, "--workers", str(workers)], check=False)
        return time.perf_counter() - start


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                total += next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS"))
            with open(f"/proc/{current}/task/{current}/children") as children:
                todo += [int(c) for c in children.read().split()]
        except (OSError, StopIteration):
            continue
    return total


def peak_memory(inputs: list[str], workers: int) -> tuple[float, float]:
    """(peak MB of the whole process tree, seconds) for one batch run."""
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "peel_extract", "batch", *inputs, "-o", f"{tmp}/out.jsonl", "-q"]
        start = time.perf_counter()
        process = subprocess.Popen([*command, "--workers", str(workers)])
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss(process.pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample)
        sampler.start()
        process.wait()
        done.set()
        sampler.join()
        return peak / MB, time.perf_counter() - start


def big_archive(tmp: Path, pages: int, html: list[Path], text: list[Path]) -> Path:
    """A zip of `pages` distinct pages (the corpus's pages, each with a unique comment)."""
    path = tmp / "big.zip"
    sources = [p.read_bytes() for p in html + text]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for number in range(pages):
            data = sources[number % len(sources)]
            html_page = data.lstrip().startswith(b"<")
            tail = f"\n<!-- copy {number} -->\n" if html_page else "\n" * (1 + number // len(sources))
            archive.writestr(f"pages/{number:06d}.{'html' if html_page else 'txt'}", data + tail.encode())
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=4000, help="corpus size")
    parser.add_argument("--sample", type=int, default=400, help="HTML pages timed side by side")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big", type=int, default=20000, help="pages in the peak-memory batch (0: skip)")
    parser.add_argument("--corpus", type=Path, default=None, help="reuse a corpus built by corpus.py")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = args.corpus or tmp / "corpus"
        if args.corpus is None:
            build(corpus, args.pages)
        html = sorted((corpus / "html").glob("*.html"))
        text = sorted((corpus / "text").glob("*.txt"))
        print(
            f"corpus: {len(html)} HTML pages, {len(text)} text pages; chrome changes no record "
            f"({same_records(html)} pages checked)"
        )
        sample = [p.read_bytes() for p in html[: args.sample]]
        kb = statistics.mean(map(len, sample)) / 1024
        print(f"\nside by side on {len(sample)} HTML pages (mean {kb:.0f} KB), median of {args.runs} runs:")
        contenders: dict[str, Callable[[bytes], object]] = {
            "peel-extract (record)": peel_record,
            "peel-extract (record + JSON)": peel,
        }
        trafilatura = trafilatura_extract()
        if trafilatura is not None:
            contenders["trafilatura.extract"] = trafilatura
        ratios = {}
        for name, function in contenders.items():
            # Each contender is paired with the floor alone, the two going first in turn: with more
            # than two, one would often follow another on the same (cache-warm) page.
            timings = side_by_side({"floor": lxml.html.fromstring, name: function}, sample, args.runs)
            ratios[name] = timings[name] / timings["floor"]
            print(
                f"  {name:30s} {timings[name]:7.2f} ms/page {1000 / timings[name]:8.0f} pages/s "
                f"{ratios[name]:6.2f}x the floor (paired floor {timings['floor']:.2f} ms/page)"
            )
        if trafilatura is not None:
            speed_up = ratios["trafilatura.extract"] / ratios["peel-extract (record + JSON)"]
            print(f"  peel-extract is {speed_up:.1f}x faster than trafilatura")
        texts = [p.read_bytes() for p in text[: args.sample]]
        text_ms = side_by_side({"text": peel}, texts, args.runs)["text"]
        print(f"  {'peel-extract on text pages':30s} {text_ms:7.2f} ms/page {1000 / text_ms:8.0f} pages/s")

        print(f"\nbatch end to end over the corpus ({len(html) + len(text)} pages):")
        one = batch_seconds([str(corpus)], 1)
        two = batch_seconds([str(corpus)], 2)
        pages = len(html) + len(text)
        print(f"  1 worker  {one:6.1f} s {pages / one:7.0f} pages/s")
        speed_up = f"speed-up {one / two:.2f}x on {os.cpu_count()} cores"
        print(f"  2 workers {two:6.1f} s {pages / two:7.0f} pages/s   {speed_up}")
        if args.big:
            archive = big_archive(tmp, args.big, html, text)
            peak, seconds = peak_memory([str(archive)], 2)
            print(
                f"\npeak memory of a {args.big}-page batch (zip, 2 workers, all processes): {peak:.0f} MB "
                f"({seconds:.0f} s, {args.big / seconds:.0f} pages/s)"
            )


if __name__ == "__main__":
    main()
