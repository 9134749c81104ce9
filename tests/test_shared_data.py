"""The shared data is part of the test environment: no test skips when it is missing.

Two halves. A run without `../shared` stops at once with one message naming what is missing
(the hook in conftest.py), checked here by running pytest on a copy of this folder beside an
empty or partial shared folder. And no test module carries a skip for missing shared data
(such a skip would only hide behind that hook until someone removed it), checked by reading
every module's syntax tree: a `pytest.skip`/`xfail`/`SkipTest` under a condition that looks
at the shared data, or a `skipif`/`xfail` mark whose condition does.
"""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import NEEDED, SEED_MANIFEST

TESTS = Path(__file__).resolve().parent
# The word "shared" on its own, as a path part or in a reason ("../shared", "shared seeds
# not present"), not inside another name ("shared_tmp", "shared.duckdb", "shared-00001").
SHARED_WORD = re.compile(r"(?<![\w.-])shared(?![\w.-])", re.IGNORECASE)
# Calls that end a test without failing it, and marks that do the same on a condition.
SKIP_CALLS = {"skip", "xfail", "importorskip", "SkipTest"}
SKIP_MARKS = {"skip", "skipif", "xfail", "skipIf", "skipUnless"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    source: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.source}"


def _is_docstring(node: ast.AST) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def _mentions(node: ast.AST, tainted: set[str]) -> bool:
    """Whether `node` refers to the shared data: the word in a string, or a name bound to it."""
    stack = [node]
    while stack:
        item = stack.pop()
        if _is_docstring(item):
            continue  # what a helper says about itself is not what it looks at
        if isinstance(item, ast.Constant) and isinstance(item.value, str) and SHARED_WORD.search(item.value):
            return True
        if isinstance(item, ast.Name) and (item.id in tainted or item.id == "SHARED"):
            return True
        if isinstance(item, ast.Attribute) and (item.attr in tainted or item.attr == "SHARED"):
            return True
        stack.extend(ast.iter_child_nodes(item))
    return False


def _tainted_names(tree: ast.Module) -> set[str]:
    """Names bound, directly or through other such names, to the shared data: paths built
    from it, helpers whose body reads it, names imported from conftest."""
    tainted: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "conftest":
            tainted.update(alias.asname or alias.name for alias in node.names)
    while True:
        before = len(tainted)
        for node in ast.walk(tree):
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr)) and node.value is not None:
                if _mentions(node.value, tainted):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    tainted.update(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name not in tainted:
                if any(_mentions(statement, tainted) for statement in node.body):
                    tainted.add(node.name)
        if len(tainted) == before:
            return tainted


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _guards(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> list[ast.AST]:
    """The conditions under which `node` runs: enclosing if/while tests, the other operands
    of a short-circuit (`SEEDS.exists() or pytest.skip()`), and the body of a try whose
    handler it sits in."""
    guards: list[ast.AST] = []
    child, parent = node, parents.get(node)
    while parent is not None:
        if isinstance(parent, (ast.If, ast.While, ast.IfExp)) and child is not parent.test:
            guards.append(parent.test)
        elif isinstance(parent, ast.BoolOp):
            guards.extend(value for value in parent.values if value is not child)
        elif isinstance(parent, ast.Try) and child in parent.handlers:
            guards.extend(parent.body)
        child, parent = parent, parents.get(parent)
    return guards


def skips_for_shared_data(source: str, name: str) -> list[Finding]:
    """Every place in `source` that skips (or expects failure) because of the shared data."""
    tree = ast.parse(source, filename=name)
    tainted = _tainted_names(tree)
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if _callee(node) not in SKIP_CALLS | SKIP_MARKS:
            continue
        arguments = [*node.args, *(k.value for k in node.keywords)]
        if (any(_mentions(argument, tainted) for argument in arguments)
                or any(_mentions(guard, tainted) for guard in _guards(node, parents))):
            found.append(Finding(name, node.lineno, ast.get_source_segment(source, node) or callee))
    return found


def test_no_test_module_skips_for_missing_shared_data() -> None:
    modules = sorted(TESTS.glob("*.py"))
    assert len(modules) >= 20 and TESTS / "conftest.py" in modules
    found = [finding for path in modules
             for finding in skips_for_shared_data(path.read_text(encoding="utf-8"), path.name)]
    assert not found, ("the shared data is part of the test environment (conftest.py stops a run "
                       "without it); do not skip on it:\n" + "\n".join(map(str, found)))


# Ways a module could skip on missing shared data, each as a module of its own: the scan
# above must find every one, else its silence means nothing.
SKIPPING_MODULES = {
    "a skipif mark on a path under shared": '''
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
@pytest.mark.skipif(not SEEDS.is_dir(), reason="no seeds")
def test_it(): ...
''',
    "a mark kept in a variable": '''
SHARED = ROOT.parent / "shared"
FILE = SHARED / "seeds" / "articles.jsonl"
needs = pytest.mark.skipif(not FILE.exists(), reason="not beside the repository")
@needs
def test_it(): ...
''',
    "a module-wide mark": '''
DATA = Path("../shared/bench/docs.jsonl")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not DATA.exists(), reason="missing")]
''',
    "a skip in a helper the tests call": '''
BASE = Path(__file__).parents[2] / "shared"
def rows():
    if not (BASE / "dev" / "set.jsonl").exists():
        pytest.skip("no data")
    return []
''',
    "a skip behind a helper that looks": '''
GOLD = HERE.parent.parent / "shared" / "gold"
def have_gold():
    return GOLD.is_dir()
def test_it():
    if not have_gold():
        pytest.skip("gold missing")
''',
    "a skip when reading fails": '''
from pytest import skip
MANIFEST = REPO.parent / "shared" / "seeds" / "articles.jsonl"
def test_it():
    try:
        text = MANIFEST.read_text()
    except FileNotFoundError:
        skip("cannot read")
''',
    "a short-circuit": '''
from conftest import SHARED
def test_it():
    (SHARED / "seeds").exists() or pytest.skip("none")
''',
    "an expected failure on missing data": '''
@pytest.mark.xfail(not os.path.exists("../shared/tools/score_events.py"), reason="no scorer")
def test_it(): ...
''',
    "a reason naming the shared data": '''
def test_it():
    if not ready():
        pytest.skip("shared seeds not present")
''',
    "unittest's skip": '''
SEED_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "seeds")
class T(unittest.TestCase):
    def setUp(self):
        if not os.path.isdir(SEED_DIR):
            raise unittest.SkipTest("seeds")
''',
}

# Skips for other reasons, and paths that only contain the word: none is a finding.
FAIR_MODULE = '''
SHARED = Path(__file__).resolve().parents[2] / "shared"
CHROMIUM = Path("/usr/bin/chromium")
@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX users only")
def test_posix(shared_tmp): ...
def chromium():
    if CHROMIUM.exists():
        return CHROMIUM
    if shutil.which("apt-get") is None:
        pytest.skip("chromium is missing and cannot be installed")
def test_store(tmp_path):
    db = tmp_path / "shared.duckdb"
    if not db.exists():
        pytest.skip("root reads everything")
def test_seeds():
    if not (SHARED / "seeds").exists():
        pytest.fail(f"the shared data is missing: {SHARED}")
'''


@pytest.mark.parametrize("way", sorted(SKIPPING_MODULES))
def test_the_scan_finds_a_skip_on_shared_data(way: str) -> None:
    found = skips_for_shared_data(SKIPPING_MODULES[way], way)
    assert len(found) == 1, found


def test_the_scan_leaves_other_skips_alone() -> None:
    assert skips_for_shared_data(FAIR_MODULE, "fair") == []


def _run_copy(tmp_path: Path, shared_files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """pytest on a copy of this folder whose ../shared holds only `shared_files`. It runs one
    quick module that reads the seeds: stopped, it runs nothing; were the stop gone, the
    module would run and fail (or skip) in a few seconds instead of the whole suite's time."""
    root = tmp_path / "checkout"
    shutil.copytree(TESTS, root / "repository" / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "shared").mkdir()
    for name, text in shared_files.items():
        (root / "shared" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "shared" / name).write_text(text, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rs", "tests/test_clean.py"],
                          cwd=root / "repository", capture_output=True, text=True, timeout=300)


def test_a_run_without_the_shared_data_stops_with_one_message(tmp_path: Path) -> None:
    done = _run_copy(tmp_path, {})
    output = done.stdout + done.stderr
    assert done.returncode == pytest.ExitCode.USAGE_ERROR, output
    [message] = [line for line in output.splitlines() if "shared test data is missing" in line]
    assert str(tmp_path / "checkout" / "shared") in message
    assert all(name in message for name in NEEDED), message
    # nothing was collected, so nothing passed, failed or skipped in its place
    assert not re.search(r"\b(passed|failed|skipped|error)\b", output.replace(message, "")), output


def test_a_run_with_seed_texts_missing_names_them(tmp_path: Path) -> None:
    present = {name: "" for name in NEEDED}
    present[SEED_MANIFEST] = '{"id": "a", "path": "a.txt"}\n{"id": "b", "path": "b.txt"}\n'
    present["seeds/a.txt"] = "A report."
    done = _run_copy(tmp_path, present)
    output = done.stdout + done.stderr
    assert done.returncode == pytest.ExitCode.USAGE_ERROR, output
    [message] = [line for line in output.splitlines() if "shared test data is missing" in line]
    assert "seeds/b.txt not found" in message and "a.txt" not in message.replace("b.txt", "")
