"""Preferences without Qt: the profile rename, stored sheet names, installed dictionaries,
the settings loader, and store_preferences' atomic, all-or-nothing write."""

from __future__ import annotations

import tomllib
from dataclasses import replace

import pytest

from editor_app.config import load_config
from editor_app.core.errors import (
    NotFoundError,
    PermissionDenied,
    StorageError,
    ValidationError,
)
from editor_app.core.house_style import default_style, save_style, stored_style_names
from editor_app.core.profiles import Role, create_profile, local_profile
from editor_app.core.text.spell_dicts import installed_dictionaries, settings_loader
from editor_app.core.users import UserService
from editor_app.preferences import read_preferences, store_preferences
from tests.conftest import skip_unless_spelling


def test_a_user_renames_themselves_and_only_an_admin_renames_others(db):
    me = UserService(db, None).create("नेहा", Role.COPY_EDITOR)
    renamed = UserService(db, me).rename(me.id, "  नेहा   त्रिपाठी ", " Neha  Tripathi ")
    assert (renamed.name, renamed.name_latin, renamed.role) == (
        "नेहा त्रिपाठी", "Neha Tripathi", Role.COPY_EDITOR)
    stored = local_profile(db)
    assert stored is not None and stored.name_latin == "Neha Tripathi"
    with pytest.raises(ValidationError):
        UserService(db, me).rename(me.id, "   ")
    admin = UserService(db, "maintenance").create("प्रशासक", Role.ADMIN)
    other = UserService(db, admin).create("इमरान", Role.REPORTER)
    with pytest.raises(PermissionDenied):
        UserService(db, me).rename(other.id, "कोई और")
    assert UserService(db, admin).rename(other.id, "इमरान क़ुरैशी").name == "इमरान क़ुरैशी"
    with pytest.raises(NotFoundError):
        UserService(db, admin).rename(other.id + 99, "कोई")


def test_stored_style_names_always_offer_default(db):
    assert stored_style_names(db) == ["default"]
    save_style(db, default_style(), user="desk", name="magazine")
    assert stored_style_names(db) == ["default", "magazine"]


def test_installed_dictionaries_and_the_settings_loader():
    found = installed_dictionaries()
    if not any(d.tag == "hi_IN" for d in found):
        skip_unless_spelling("no hi_IN dictionary installed")
    assert any(d.is_hindi for d in found) and all(d.provider for d in found)
    hindi, english = settings_loader({"spell_english": ""})()
    assert english is None and hindi.check("भारत")
    _hindi, english = settings_loader({})()
    assert english is not None and not english.check("teh")


def test_store_preferences_writes_settings_and_renames(db, profile_dir):
    config = load_config(profile_dir, environ={})
    config.ensure_dirs()
    me = create_profile(db, "नेहा", Role.REPORTER)
    chosen = replace(read_preferences(config, me), font_size=200, autosave_seconds=30,
                     autosave_max_seconds=5, spell_english="", name="नेहा शर्मा")
    renamed = store_preferences(config, db, me, chosen)
    assert renamed.name == "नेहा शर्मा" and renamed.role is Role.REPORTER
    with config.settings_path.open("rb") as handle:
        on_disk = tomllib.load(handle)
    # clamped: the font to 72 pt, the longest autosave wait never below the idle wait
    assert on_disk["font_size"] == 72
    assert on_disk["autosave_seconds"] == 30 and on_disk["autosave_max_seconds"] == 30
    assert on_disk["spell_english"] == ""
    assert read_preferences(load_config(profile_dir, environ={}), renamed).name == "नेहा शर्मा"


def test_a_failed_write_leaves_settings_and_profile_as_they_were(db, profile_dir,
                                                                 monkeypatch):
    config = load_config(profile_dir, environ={})
    me = create_profile(db, "नेहा", Role.REPORTER)
    before = dict(config.settings)

    def full_disk() -> None:
        raise StorageError("disk full")

    monkeypatch.setattr(config, "save_settings", full_disk)
    chosen = replace(read_preferences(config, me), font_size=20, name="दूसरा नाम")
    with pytest.raises(StorageError):
        store_preferences(config, db, me, chosen)
    assert config.settings == before
    stored = local_profile(db)
    assert stored is not None and stored.name == "नेहा"
