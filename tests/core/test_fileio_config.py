"""Atomic writes, careful text reading, config resolution."""

from __future__ import annotations

import os

import pytest

from editor_app.config import DATABASE_ENV, load_config
from editor_app.core.errors import ImportRejected, StorageError
from editor_app.core.fileio import atomic_write_text, read_text_file


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "a" / "note.txt"
    atomic_write_text(target, "पहला")
    atomic_write_text(target, "दूसरा")
    assert target.read_text("utf-8") == "दूसरा"
    assert [p.name for p in target.parent.iterdir()] == ["note.txt"]


def test_atomic_write_failure_keeps_old_content(tmp_path, monkeypatch):
    target = tmp_path / "note.txt"
    atomic_write_text(target, "सुरक्षित")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(StorageError):
        atomic_write_text(target, "अधूरा")
    assert target.read_text("utf-8") == "सुरक्षित"
    assert [p.name for p in tmp_path.iterdir()] == ["note.txt"]


def test_read_text_file_rejects_bad_input(tmp_path):
    good = tmp_path / "ok.md"
    good.write_bytes("\ufeffनमस्ते".encode())
    assert read_text_file(good) == "नमस्ते"
    bad = tmp_path / "bad.txt"
    bad.write_bytes("ठीक".encode() + b"\xff\xfe")
    with pytest.raises(ImportRejected, match="not valid UTF-8"):
        read_text_file(bad)
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"PK\x03\x04\x00\x00")
    with pytest.raises(ImportRejected, match="binary"):
        read_text_file(binary)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(ImportRejected, match="limit"):
        read_text_file(big, max_bytes=1024)
    with pytest.raises(ImportRejected, match="no such file"):
        read_text_file(tmp_path / "missing.txt")
    with pytest.raises(ImportRejected, match="folder"):
        read_text_file(tmp_path)


def test_profile_puts_everything_under_it(tmp_path):
    config = load_config(tmp_path / "prof", environ={})
    assert config.data_dir == (tmp_path / "prof" / "data").resolve()
    assert config.log_dir.parent == config.data_dir.parent
    assert config.database_url.endswith("prof/data/sampadak.sqlite")


def test_database_precedence(tmp_path):
    env = {DATABASE_ENV: "sqlite:///from-env.sqlite"}
    assert load_config(tmp_path, environ=env).database_url == "sqlite:///from-env.sqlite"
    assert load_config(tmp_path, "sqlite:///arg.sqlite", env).database_url == "sqlite:///arg.sqlite"


def test_settings_roundtrip_and_bad_file(tmp_path):
    config = load_config(tmp_path, environ={})
    config.settings["font_family"] = "Noto Sans Devanagari"
    config.save_settings()
    assert load_config(tmp_path, environ={}).get_str("font_family") == "Noto Sans Devanagari"
    config.settings_path.write_text("this is = = not toml", "utf-8")
    assert load_config(tmp_path, environ={}).get_float("autosave_seconds") == 2.0
