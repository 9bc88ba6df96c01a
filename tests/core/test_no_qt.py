"""editor_app.core must work with PySide6 made unimportable."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import REPO_ROOT

BLOCK_QT_AND_IMPORT_CORE = textwrap.dedent("""
    import importlib, pkgutil, sys
    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith("PySide6."):
                raise ImportError("PySide6 is blocked in this test")
            return None
    sys.meta_path.insert(0, BlockQt())
    try:
        import PySide6
    except ImportError:
        pass
    else:
        raise SystemExit("blocker failed")
    import editor_app.core as core
    names = [m.name for m in pkgutil.walk_packages(core.__path__, "editor_app.core.")
             if ".migrations" not in m.name]
    for name in names:
        importlib.import_module(name)
    from editor_app.core.db import open_database
    from editor_app.core.articles import ArticleService
    from editor_app.core.article_data import ArticleData
    db = open_database("sqlite:///" + sys.argv[1])
    record = ArticleService(db, "t").create(ArticleData(headline="बिना क्यूटी"))
    assert ArticleService(db, "t").get(record.id).data.headline == "बिना क्यूटी"
    assert not any(m.startswith("PySide6") for m in sys.modules)
    print("ok", len(names))
""")


def test_core_imports_and_works_without_pyside6(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_IMPORT_CORE, str(tmp_path / "db.sqlite")],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
    assert int(result.stdout.split()[1]) >= 10  # every core module was imported


def test_cli_runs_without_pyside6(tmp_path):
    code = BLOCK_QT_AND_IMPORT_CORE.split("import editor_app.core as core")[0] + textwrap.dedent(
        """
        from editor_app.app import main
        raise SystemExit(main(["--profile", sys.argv[1], "list", "--json"]))
        """)
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "p")], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
