"""House style sheet: default, TOML round trip, validation, database storage with audit."""

from __future__ import annotations

import json
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from editor_app.core.db import Database
from editor_app.core.errors import ValidationError
from editor_app.core.house_style import (
    Caution,
    HouseStyle,
    PreferredTerm,
    default_style,
    export_style_toml,
    import_style_toml,
    load_style,
    save_style,
    stored_style_info,
    style_from_toml,
    style_to_toml,
)
from editor_app.core.models import AuditEvent
from editor_app.core.models import HouseStyle as HouseStyleRow
from editor_app.core.text.findings import Severity

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "resources" / "house_style_default.toml"


def test_default_sheet_ships_and_parses() -> None:
    assert DEFAULT_FILE.is_file()
    style = default_style()
    assert style.sentence_end == "danda"
    assert style.digits == "ascii"
    assert any(t.preferred == "प्रतिशत" and "फीसदी" in t.variants for t in style.terms)
    assert "डॉ" in style.abbreviations
    assert style.headline_max > 0
    assert style == style_from_toml(DEFAULT_FILE.read_text(encoding="utf-8"))


def test_toml_round_trip() -> None:
    style = replace(
        default_style(), name="desk", nukta="never", headline_max=60,
        terms=(PreferredTerm("हिंदी", ("हिन्दी",), "mixed", "note"),),
        cautions=(Caution("शब्द", Severity.ERROR, "विकल्प", "कारण"),),
        disabled_rules=("punct.repeated-word",),
        severity_overrides=(("style.digits", Severity.INFO),),
    )
    text = style_to_toml(style)
    tomllib.loads(text)  # valid TOML
    assert style_from_toml(text) == style


def test_partial_sheet_keeps_defaults() -> None:
    style = style_from_toml('[style]\nsentence_end = "period"\n', default_style())
    assert style.sentence_end == "period"
    assert style.terms == default_style().terms


def test_toml_text_is_normalised_to_nfc() -> None:
    style = style_from_toml('[abbreviations]\nknown = ["\u095b\u0930"]\n')
    assert style.abbreviations == ("\u091c\u093c\u0930",)


@pytest.mark.parametrize(("toml_text", "needle"), [
    ("[style\nname = 1", "not valid TOML"),
    ('[style]\nsentence_end = "comma"\n', "sentence_end"),
    ('[style]\nflag_mixed_digits = "yes"\n', "flag_mixed_digits"),
    ('[style]\ncolour = "blue"\n', "colour"),
    ("[limits]\nheadline = -1\n", "headline"),
    ('[limits]\nheadline = "long"\n', "headline"),
    ('[[terms]]\npreferred = "क"\n', "variants"),
    ('[[terms]]\npreferred = "क"\nvariants = ["क"]\n', "preferred form"),
    ('[[terms]]\npreferred = "क"\nvariants = ["ख"]\nwhen = "sometimes"\n', "when"),
    ('[[cautions]]\nword = "क"\nseverity = "fatal"\n', "severity"),
    ('[rules]\ndisabled = "unicode.rra"\n', "disabled"),
    ("[mystery]\n", "mystery"),
])
def test_invalid_sheets_raise_validation_error(toml_text: str, needle: str) -> None:
    with pytest.raises(ValidationError, match=needle):
        style_from_toml(toml_text)


def test_load_without_stored_sheet_gives_default(db: Database) -> None:
    assert load_style(db) == default_style()
    assert stored_style_info(db) is None


def test_save_and_load_with_who_and_when(db: Database) -> None:
    style = replace(default_style(), digits="devanagari")
    info = save_style(db, style, user="सीमा")
    assert info.updated_by == "सीमा"
    loaded = load_style(db)
    assert loaded.digits == "devanagari"
    stored = stored_style_info(db)
    assert stored is not None and stored.updated_by == "सीमा"
    assert stored.updated_at.tzinfo is not None
    save_style(db, replace(style, digits="any"), user="रवि")
    assert load_style(db).digits == "any"
    with db.session() as session:
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "house_style.save").order_by(AuditEvent.id)).all()
        assert [e.user for e in events] == ["सीमा", "रवि"]
        assert json.loads(events[0].detail_json)["created"] is True
        assert json.loads(events[1].detail_json)["created"] is False
        assert len(session.scalars(select(HouseStyleRow)).all()) == 1


def test_save_needs_a_user(db: Database) -> None:
    with pytest.raises(ValidationError):
        save_style(db, default_style(), user="  ")


def test_import_and_export(db: Database) -> None:
    imported = import_style_toml(db, '[style]\nquotes = "straight"\n', user="desk")
    assert imported.quotes == "straight"
    exported = export_style_toml(db)
    assert style_from_toml(exported).quotes == "straight"
    assert load_style(db) == imported


def test_invalid_import_changes_nothing(db: Database) -> None:
    import_style_toml(db, '[style]\nquotes = "straight"\n', user="desk")
    before = export_style_toml(db)
    with pytest.raises(ValidationError):
        import_style_toml(db, '[style]\nquotes = "wavy"\n', user="desk")
    assert export_style_toml(db) == before
    with db.session() as session:
        assert len(session.scalars(select(AuditEvent)).all()) == 1


def test_corrupt_stored_sheet_falls_back_to_default(db: Database) -> None:
    save_style(db, default_style(), user="desk")
    with db.session() as session:
        row = session.scalars(select(HouseStyleRow)).one()
        row.toml_text = "[style\n"
    assert load_style(db) == default_style()


def test_limit_for_fields() -> None:
    style = HouseStyle(headline_max=10, dek_max=20, caption_max=30)
    assert style.limit_for("headline") == 10
    assert style.limit_for("dek") == 20
    assert style.limit_for("caption:3") == 30
    assert style.limit_for("body") == 0
