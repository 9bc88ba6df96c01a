"""The one set of zip rules bundles and Word files share."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from editor_app.core.zip_safety import (
    ZipBudget,
    ZipUnsafe,
    entry_problem,
    name_problem,
    read_entry,
)


@pytest.mark.parametrize("name", ["/etc/passwd", "\\evil", "a\\b", "C:/x", "a/../b", "../b",
                                  "./a", "a//b", "", "a\x00b"])
def test_unsafe_names(name: str) -> None:
    assert name_problem(name) is not None


@pytest.mark.parametrize("name", ["article.json", "images/0-नक्शा.png", "word/media/"])
def test_safe_names(name: str) -> None:
    assert name_problem(name) is None


def _info(name: str, mode: int, flags: int = 0) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = mode << 16
    info.flag_bits = flags
    return info


def test_entry_kinds() -> None:
    assert entry_problem(_info("a.txt", stat.S_IFREG | 0o644)) is None
    assert entry_problem(_info("a.txt", 0)) is None  # no Unix type recorded
    assert "symbolic link" in (entry_problem(_info("l", stat.S_IFLNK | 0o777)) or "")
    assert "not a regular file" in (entry_problem(_info("d/", stat.S_IFDIR | 0o755)) or "")
    assert entry_problem(_info("d/", stat.S_IFDIR | 0o755), allow_dirs=True) is None
    assert "encrypted" in (entry_problem(_info("e", stat.S_IFREG, flags=0x1)) or "")


def _zip(members: dict[str, bytes]) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def test_reading_counts_real_bytes_against_every_limit() -> None:
    archive = _zip({"small": b"x" * 1000, "bomb": b"\0" * (3 * 1024 * 1024)})
    small, bomb = archive.infolist()
    assert read_entry(archive, small, ZipBudget(10_000, 100.0)) == b"x" * 1000
    with pytest.raises(ZipUnsafe, match="larger than the manifest says"):
        read_entry(archive, small, ZipBudget(10_000, 100.0), limit=999,
                   limit_name="the manifest says")
    with pytest.raises(ZipUnsafe, match="compressed more than"):
        read_entry(archive, bomb, ZipBudget(10**9, 100.0), keep=False)
    budget = ZipBudget(1500, 10**6)
    read_entry(archive, small, budget)
    with pytest.raises(ZipUnsafe, match="unpacks to more than"):
        read_entry(archive, small, budget)  # the budget is for the whole archive
