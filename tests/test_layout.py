"""The package's shape: modules by stage, none too large, and no import circles (issue 16).

Every import between briefgen's modules counts, those inside functions
included; imports under ``if TYPE_CHECKING:`` do not (they never run), and the
package's lazy public names (``briefgen.__init__._LAZY``) count as imports of
the top-level package.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefgen"
MAX_LINES = 700


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def _target(name: str) -> str | None:
    """The briefgen module ``name`` refers to (a module, else its nearest parent module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports(module: str) -> set[str]:
    """The briefgen modules ``module`` imports, at any depth of its code."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_lines(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" for a in node.names] or [node.module]
        else:
            continue
        for name in names:
            if name.split(".")[0] == "briefgen":
                target = _target(name)
                if target and target != module:
                    found.add(target)
    if module == "briefgen":
        lazy = next(n for n in tree.body if isinstance(n, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "_LAZY" for t in n.targets))
        found.update(v.value for v in ast.walk(lazy.value) if isinstance(v, ast.Constant)
                     and isinstance(v.value, str) and v.value.startswith("briefgen."))
    return found


GRAPH = {m: imports(m) for m in MODULES}


def _cycle() -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for n in sorted(GRAPH[m]):
            if state.get(n) == 1:
                return stack[stack.index(n):] + [n]
            if n not in state:
                found = visit(n)
                if found:
                    return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(GRAPH):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def test_no_import_circle() -> None:
    assert _cycle() is None, " -> ".join(_cycle() or [])


def test_the_checker_sees_circles_and_lazy_imports() -> None:
    # The graph holds the lazy import inside cli's functions, and a made-up edge back closes a circle.
    assert "briefgen.pipeline" in GRAPH["briefgen.cli"]
    GRAPH["briefgen.model"].add("briefgen.cli")
    try:
        assert _cycle() is not None
    finally:
        GRAPH["briefgen.model"].discard("briefgen.cli")


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_over_700_lines(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module}: {lines} lines"


def test_stages_are_subpackages_with_a_docstring() -> None:
    for stage in ("sources", "text", "facts", "select", "render"):
        init = PACKAGE / stage / "__init__.py"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), stage
    top = sorted(m for m in MODULES if m.count(".") == 1 and not (PACKAGE / m.split(".")[1]).is_dir())
    assert len(top) <= 16, top


def _reaches(start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        m = todo.pop()
        for n in GRAPH[m]:
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


def test_the_model_depends_on_nothing_but_itself() -> None:
    assert _reaches("briefgen.model") == set()


def test_render_reads_no_template_and_runs_no_pipeline() -> None:
    render = [m for m in MODULES if m.startswith("briefgen.render")]
    for m in render:
        assert not {"briefgen.config", "briefgen.pipeline"} & _reaches(m), m


def test_lower_stages_never_import_higher_ones() -> None:
    order = ["briefgen.text", "briefgen.sources", "briefgen.facts", "briefgen.select", "briefgen.render"]
    for i, stage in enumerate(order):
        higher = tuple(order[i + 1:]) + ("briefgen.pipeline", "briefgen.cli", "briefgen.config")
        for m in MODULES:
            if m.startswith(stage):
                bad = {n for n in GRAPH[m] if n.startswith(higher)}
                assert not bad, f"{m} imports {bad}"


def test_importing_the_model_loads_no_config() -> None:
    code = "import sys, briefgen.model; print(sorted(m for m in sys.modules if m.startswith('briefgen')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['briefgen', 'briefgen.model']"


def test_every_subpackage_ships_in_the_wheel() -> None:
    import tomllib

    listed = set(tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    for init in PACKAGE.rglob("__init__.py"):
        assert _module_name(init) in listed, _module_name(init)
