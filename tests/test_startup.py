"""What makes a fresh ``slagen render`` start fast, checked for what it must not change:
the compiled-template cache, WeasyPrint's library loading and the collector thresholds."""

from __future__ import annotations

import gc
import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import AGREEMENTS, ROOT

from slagen.gcpolicy import BATCH_THRESHOLDS, batch_collections

#: A new slagen process per test, as a user starts it: end to end.
pytestmark = pytest.mark.slow

AGREEMENT = AGREEMENTS / "sales-marketing.yaml"


def render(out: Path, cache: str, *extra: str, **more_env: str) -> subprocess.CompletedProcess[str]:
    """``slagen render`` of HTML in a new process, as a user runs it, with ``SLAGEN_CACHE_DIR=cache``
    (and ``more_env``). The template cache works on the HTML (the PDF is made from it), so HTML
    proves what a PDF would, at a fraction of the time."""
    env = {**os.environ, "SLAGEN_CACHE_DIR": cache, **more_env}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "slagen",
            "render",
            *extra,
            "--style",
            "tabular",
            "--format",
            "html",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_compiled_templates_are_cached_and_change_no_byte(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = render(tmp_path / "a", str(cache), str(AGREEMENT))
    assert first.returncode == 0, first.stderr
    files = list(cache.rglob("*.jinja"))
    assert files, "the first render leaves the compiled templates in the cache"
    folder = files[0].parent
    assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0, "only the user may read or write the cache"
    second = render(tmp_path / "b", str(cache), str(AGREEMENT))
    assert second.returncode == 0, second.stderr
    (html_a,) = (tmp_path / "a").rglob("*.html")
    (html_b,) = (tmp_path / "b").rglob("*.html")
    assert digest(html_a) == digest(html_b)


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    mine = tmp_path / "mine" / "tabular"
    mine.mkdir(parents=True)
    original = (ROOT / "templates" / "tabular" / "document.html").read_text(encoding="utf-8")
    page = mine / "document.html"
    page.write_text(original.replace("{% block body %}", "{% block body %}<p>First wording</p>", 1))
    args = (str(AGREEMENT), "--templates", str(tmp_path / "mine"))
    assert render(tmp_path / "a", cache, *args).returncode == 0
    page.write_text(original.replace("{% block body %}", "{% block body %}<p>Second wording</p>", 1))
    done = render(tmp_path / "b", cache, *args)
    assert done.returncode == 0, done.stderr
    (html,) = (tmp_path / "b").rglob("*.html")
    text = html.read_text(encoding="utf-8")
    assert "Second wording" in text
    assert "First wording" not in text


def test_a_cache_that_cannot_be_made_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder would go")
    done = render(tmp_path / "out", str(blocker / "sub"), str(AGREEMENT))
    assert done.returncode == 0, done.stderr
    assert list((tmp_path / "out").rglob("*.html"))


def test_a_cache_others_may_write_to_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    done = render(tmp_path / "first", str(shared), str(AGREEMENT))
    assert done.returncode == 0, done.stderr
    (folder,) = [p for p in shared.iterdir() if p.is_dir()]
    for f in folder.iterdir():
        f.unlink()
    folder.chmod(0o777)  # anyone could plant compiled code here
    done = render(tmp_path / "out", str(shared), str(AGREEMENT))
    assert done.returncode == 0, done.stderr
    assert list((tmp_path / "out").rglob("*.html"))
    assert not list(folder.iterdir()), "nothing is written to (or read from) a folder others may write to"


def test_an_empty_cache_setting_turns_the_cache_off(tmp_path: Path) -> None:
    home = tmp_path / "home"
    done = render(tmp_path / "o", "", str(AGREEMENT), HOME=str(home), XDG_CACHE_HOME=str(home / "c"))
    assert done.returncode == 0, done.stderr
    assert not (home / "c" / "slagen").exists()
    assert not (home / ".cache" / "slagen").exists()


WEASY_PROBE = """
import ctypes.util, sys
calls = []
sys.addaudithook(lambda event, args: calls.append(args[0]) if event == "subprocess.Popen" else None)
before = ctypes.util.find_library
from slagen.render import weasy
from weasyprint.text import ffi
assert ctypes.util.find_library is before, "find_library is put back"
assert calls == [], calls
print(ffi.pango is not None, ffi.harfbuzz_subset is not None, ffi.fontconfig is not None)
"""


def test_weasyprint_loads_its_libraries_without_starting_a_process() -> None:
    done = subprocess.run([sys.executable, "-c", WEASY_PROBE], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "True"]


def test_batch_collections_are_undone_after_the_block() -> None:
    before = gc.get_threshold()
    with batch_collections():
        assert gc.get_threshold() == BATCH_THRESHOLDS
    assert gc.get_threshold() == before


def test_the_command_collects_with_the_batch_thresholds() -> None:
    probe = "import gc, sys; sys.argv = ['slagen', '--version']; from slagen.__main__ import main\n"
    probe += "try:\n    main()\nexcept SystemExit:\n    print(gc.get_threshold())"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(str(BATCH_THRESHOLDS))


MODULES_PROBE = """
import sys
from slagen.__main__ import main
sys.argv = ["slagen", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("modules:", *sorted(m for m in ("num2words", "pydantic") if m in sys.modules), file=sys.stderr)
"""


def loaded_modules(*args: str) -> list[str]:
    """The modules of interest a ``slagen`` process has imported by the end of ``args``."""
    done = subprocess.run(
        [sys.executable, "-c", MODULES_PROBE, *args], capture_output=True, text=True, cwd=ROOT, check=False
    )
    return done.stderr.strip().splitlines()[-1].split()[1:]


def test_an_english_render_does_not_import_the_polish_number_words(tmp_path: Path) -> None:
    args = ("render", str(AGREEMENT), "--style", "tabular", "--format", "html", "-o", str(tmp_path))
    assert loaded_modules(*args) == ["pydantic"]
    assert "num2words" in loaded_modules(*args[:1], str(AGREEMENTS / "sprzedaz-marketing.yaml"), *args[2:])


def test_help_does_not_build_the_agreement_model() -> None:
    assert loaded_modules("--help") == []
