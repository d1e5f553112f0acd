"""The library: what the README documents is importable, batches take one path or a list, records in memory."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import peel_extract
from peel_extract.cli import app

from .conftest import FIXTURES, as_json

SEED = FIXTURES / "staffordshire-2018-legitimacy" / "input.txt"
OVERVIEW = FIXTURES / "dev-gwent-2016-overview" / "input.txt"


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.txt").write_bytes(SEED.read_bytes())
    (site / "b.txt").write_bytes(OVERVIEW.read_bytes())
    (site / "c.txt").write_bytes(b"")
    return site


# --- item 20: the documented names are importable from peel_extract ---


def test_the_documented_names_are_exported() -> None:
    for name in (
        "InputTooLarge",
        "ArchiveError",
        "RecordsError",
        "Limits",
        "run_batch",
        "BatchOptions",
        "iter_records",
    ):
        assert name in peel_extract.__all__
        assert getattr(peel_extract, name) is not None
    assert issubclass(peel_extract.InputTooLarge, peel_extract.PeelError)
    assert peel_extract.Limits().max_page_bytes == 20 * 1024 * 1024


def test_iter_records_gives_a_batch_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    outcomes = list(peel_extract.iter_records(site, workers=2))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # nothing written
    assert [o.label for o in outcomes] == [str(site / n) for n in ("a.txt", "b.txt", "c.txt")]
    records = [o.record_data() for o in outcomes[:2]]
    assert [r["page_type"] for r in records if r] == ["peel_pillar", "peel_overview"]
    assert records[0] == as_json(peel_extract.extract_file(site / "a.txt"))
    assert (outcomes[2].record, outcomes[2].code, outcomes[2].message) == (None, "empty", "the file is empty")
    out = tmp_path / "out.jsonl"
    CliRunner().invoke(app, ["batch", str(site), "-o", str(out), "-q"])
    assert [o.record for o in outcomes if o.record] == out.read_text(encoding="utf-8").splitlines()


# --- item 19: run_batch takes one path or a list of them; extract_page takes bytes or str ---


@pytest.mark.parametrize("given", ["site", Path("site"), ["site"], ("site",)], ids=["str", "Path", "list", "tuple"])
def test_run_batch_takes_one_path_or_a_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: object) -> None:
    _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    options = peel_extract.BatchOptions(output="out.jsonl", errors="errors.jsonl")
    summary = peel_extract.run_batch(given, options)  # type: ignore[arg-type]
    assert (summary.seen, summary.converted, summary.failed) == (3, 2, 1)
    assert [json.loads(line)["source"]["path"] for line in Path("out.jsonl").read_text().splitlines()] == [
        "site/a.txt",
        "site/b.txt",
    ]


@pytest.mark.parametrize("given", [42, b"site", None, {"site"}, ["site", 3]], ids=repr)
def test_run_batch_refuses_anything_else_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: object
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TypeError) as caught:
        peel_extract.run_batch(given, peel_extract.BatchOptions(output="out.jsonl"))  # type: ignore[arg-type]
    assert str(caught.value) == (f"inputs must be a path (str or Path) or a list of paths, not {type(given).__name__}")
    assert list(tmp_path.iterdir()) == []


def test_extract_page_takes_str_or_says_it_needs_bytes() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert as_json(peel_extract.extract_page(text, "seed.txt")) == as_json(
        peel_extract.extract_page(text.encode(), "seed.txt")
    )
    with pytest.raises(TypeError) as caught:
        peel_extract.extract_page(42, "x")  # type: ignore[arg-type]
    assert str(caught.value) == "extract_page needs the page's bytes (or str), not int"


def test_every_exported_name_resolves_and_unknown_names_do_not() -> None:
    assert sorted(peel_extract.__all__) == sorted(peel_extract._EXPORTS)
    for name in peel_extract.__all__:
        assert getattr(peel_extract, name) is not None, name
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        peel_extract.nonsense  # noqa: B018


def test_a_library_call_leaves_the_garbage_collector_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    def refuse(*_: object) -> None:
        raise AssertionError("a library call switched the garbage collector")

    threshold = gc.get_threshold()
    for name in ("disable", "enable", "freeze", "set_threshold"):
        monkeypatch.setattr(gc, name, refuse)
    assert peel_extract.extract_page(SEED.read_bytes(), "seed.txt").force == "Staffordshire"
    assert (gc.isenabled(), gc.get_threshold()) == (True, threshold)


def test_the_command_line_imports_no_record_model_to_start() -> None:
    import subprocess
    import sys

    heavy = ("pydantic", "peel_extract.records", "peel_extract.api", "rich")
    code = f"import sys, peel_extract.cli; print(sorted(m for m in sys.modules if m.startswith({heavy!r})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


# --- issue 17 item 23: the library's calls take what Python gives as paths and names, or say what they need ---


def test_extract_file_takes_a_bytes_path_and_refuses_none() -> None:
    assert as_json(peel_extract.extract_file(bytes(SEED))) == as_json(peel_extract.extract_file(SEED))
    with pytest.raises(TypeError) as caught:
        peel_extract.extract_file(None)  # type: ignore[arg-type]
    assert str(caught.value) == "extract_file needs a path (str, bytes or Path), not NoneType"


def test_extract_page_takes_no_name_and_refuses_a_name_that_is_not_text() -> None:
    record = peel_extract.extract_page(SEED.read_bytes(), name=None)
    assert record.source.path == "<bytes>"
    with pytest.raises(TypeError) as caught:
        peel_extract.extract_page(SEED.read_bytes(), name=42)  # type: ignore[arg-type]
    assert str(caught.value) == "extract_page's name must be a str (or None), not int"


# --- issue 18 item 10: iter_records refuses what is not a path at once, as the README says ---


@pytest.mark.parametrize("given", [42, None, ["site", 3]], ids=repr)
def test_iter_records_refuses_anything_else_at_once(given: object) -> None:
    with pytest.raises(TypeError) as caught:
        peel_extract.iter_records(given)  # type: ignore[arg-type]
    assert str(caught.value) == f"inputs must be a path (str or Path) or a list of paths, not {type(given).__name__}"


# --- issue 19 item 4: every package the code imports is declared ---


def test_every_package_imported_is_declared() -> None:
    import ast
    import sys
    import tomllib
    from importlib.metadata import packages_distributions

    root = Path(peel_extract.__file__).parent
    imported = set()
    for module in root.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported - set(sys.stdlib_module_names) if name != "peel_extract"}
    distributions = packages_distributions()
    needed = {distributions[name][0].lower() for name in third_party}
    pyproject = tomllib.loads((root.parent / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {re.split(r"[<>=\[ ;]", spec)[0].lower() for spec in pyproject["project"]["dependencies"]}
    assert needed - declared == set()
