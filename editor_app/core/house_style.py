"""The newsroom's house style sheet: settings, TOML import/export, database storage.

Contract:
- :class:`HouseStyle` is an immutable value. :func:`default_style` is the sheet that ships in
  ``resources/house_style_default.toml`` (the dataclass defaults are the fallback when that
  file is missing from a broken install).
- :func:`style_from_toml` parses and validates a sheet. Any problem (bad TOML syntax, unknown
  section or key, wrong type, unknown choice) raises :class:`ValidationError` whose message
  names the key; nothing is stored. Missing keys keep the default value.
- :func:`style_to_toml` writes a sheet that :func:`style_from_toml` reads back equal.
- :func:`save_style` / :func:`import_style_toml` store a sheet for the newsroom (one row per
  sheet name in ``house_styles``) with who and when, and append an :class:`AuditEvent`
  ``house_style.save``. :func:`load_style` returns the stored sheet, or the default.
- All text in a sheet is stored NFC.
"""

from __future__ import annotations

import json
import logging
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import tomli_w
from sqlalchemy import select

from editor_app.core.db import Database
from editor_app.core.errors import PermissionDenied, ValidationError
from editor_app.core.models import AuditEvent, utcnow
from editor_app.core.models import HouseStyle as HouseStyleRow
from editor_app.core.profiles import STYLE_EDITORS, Actor
from editor_app.core.resources import resource_path
from editor_app.core.text.findings import Severity
from editor_app.core.text.normalize import to_nfc

__all__ = [
    "Caution",
    "HouseStyle",
    "PreferredTerm",
    "StoredStyleInfo",
    "default_style",
    "export_style_toml",
    "import_style_toml",
    "load_style",
    "require_style_editor",
    "save_style",
    "stored_style_info",
    "stored_style_names",
    "style_from_toml",
    "style_to_toml",
]

log = logging.getLogger(__name__)

DEFAULT_STYLE_FILE = "house_style_default.toml"
MAX_TOML_BYTES = 1_000_000

SENTENCE_END_CHOICES = ("danda", "period", "any")
QUOTES_CHOICES = ("curly", "straight", "any")
DIGITS_CHOICES = ("ascii", "devanagari", "any")
NASAL_CHOICES = ("anusvara", "standard", "any")
NUKTA_CHOICES = ("consistent", "never", "any")
ABBREVIATION_CHOICES = ("period", "sign", "any")
TERM_WHEN_CHOICES = ("always", "mixed")


@dataclass(frozen=True, slots=True)
class PreferredTerm:
    """A house form and the variants to replace with it (whole words or phrases).

    ``when == "always"`` flags every variant; ``"mixed"`` only when the same story also uses
    the preferred form.
    """

    preferred: str
    variants: tuple[str, ...]
    when: str = "always"
    note: str = ""


@dataclass(frozen=True, slots=True)
class Caution:
    """A banned or cautioned word/phrase; ``suggestion`` (if any) becomes the lint fix."""

    word: str
    severity: Severity = Severity.WARNING
    suggestion: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """All house-style settings the copy-desk lint reads. See the default TOML for meaning."""

    name: str = "default"
    sentence_end: str = "danda"
    quotes: str = "curly"
    digits: str = "ascii"
    flag_mixed_digits: bool = True
    nasal: str = "anusvara"
    keep_chandrabindu: tuple[str, ...] = ("हँस",)
    nukta: str = "consistent"
    abbreviation_mark: str = "period"
    headline_max: int = 75
    dek_max: int = 180
    caption_max: int = 220
    abbreviations: tuple[str, ...] = ("डॉ", "प्रो", "मो", "सं", "ई", "पू", "श्री")
    terms: tuple[PreferredTerm, ...] = ()
    cautions: tuple[Caution, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    severity_overrides: tuple[tuple[str, Severity], ...] = field(default=())

    def severity_for(self, rule_id: str, default: Severity) -> Severity:
        """The severity the sheet gives ``rule_id`` (``default`` when not overridden)."""
        for rule, severity in self.severity_overrides:
            if rule == rule_id:
                return severity
        return default

    def limit_for(self, field_name: str) -> int:
        """Akshara limit for a field (``headline``, ``dek``, ``caption*``); 0 = none."""
        kind = field_name.split(":", 1)[0].split(".", 1)[0].rstrip("0123456789_-")
        if kind == "headline":
            return self.headline_max
        if kind == "dek":
            return self.dek_max
        if kind.startswith("caption"):
            return self.caption_max
        return 0


# --- TOML -> HouseStyle ---------------------------------------------------------------------

_STYLE_KEYS: dict[str, tuple[type, tuple[str, ...]]] = {
    "name": (str, ()),
    "sentence_end": (str, SENTENCE_END_CHOICES),
    "quotes": (str, QUOTES_CHOICES),
    "digits": (str, DIGITS_CHOICES),
    "flag_mixed_digits": (bool, ()),
    "nasal": (str, NASAL_CHOICES),
    "keep_chandrabindu": (list, ()),
    "nukta": (str, NUKTA_CHOICES),
    "abbreviation_mark": (str, ABBREVIATION_CHOICES),
}
_LIMIT_KEYS = {"headline": "headline_max", "dek": "dek_max", "caption": "caption_max"}
_TOP_KEYS = {"style", "limits", "abbreviations", "terms", "cautions", "rules"}


def _fail(where: str, problem: str) -> ValidationError:
    return ValidationError(f"house style sheet: {where}: {problem}")


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise _fail(f"[{key}]", "must be a table")
    return value


def _check_keys(where: str, table: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise _fail(where, f"unknown key(s) {', '.join(unknown)}; allowed: "
                    f"{', '.join(sorted(allowed))}")


def _str(where: str, value: Any, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise _fail(where, f"must be a string, not {type(value).__name__}")
    text = to_nfc(value.strip())
    if not text and not allow_empty:
        raise _fail(where, "must not be empty")
    return text


def _str_list(where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _fail(where, "must be a list of strings")
    return tuple(_str(f"{where}[{i}]", item) for i, item in enumerate(value))


def _severity(where: str, value: Any) -> Severity:
    text = _str(where, value)
    try:
        return Severity(text)
    except ValueError:
        raise _fail(where, f"{text!r} is not one of error, warning, info") from None


def _parse_style_table(table: Mapping[str, Any], values: dict[str, Any]) -> None:
    _check_keys("[style]", table, set(_STYLE_KEYS))
    for key, raw in table.items():
        kind, choices = _STYLE_KEYS[key]
        where = f"[style].{key}"
        if kind is bool:
            if not isinstance(raw, bool):
                raise _fail(where, "must be true or false")
            values[key] = raw
        elif kind is list:
            values[key] = _str_list(where, raw)
        else:
            text = _str(where, raw)
            if choices and text not in choices:
                raise _fail(where, f"{text!r} is not one of {', '.join(choices)}")
            values[key] = text


def _parse_terms(raw: Any) -> tuple[PreferredTerm, ...]:
    if not isinstance(raw, list):
        raise _fail("[[terms]]", "must be an array of tables")
    terms: list[PreferredTerm] = []
    for i, item in enumerate(raw):
        where = f"[[terms]] #{i + 1}"
        if not isinstance(item, dict):
            raise _fail(where, "must be a table")
        _check_keys(where, item, {"preferred", "variants", "when", "note"})
        if "preferred" not in item or "variants" not in item:
            raise _fail(where, "needs both 'preferred' and 'variants'")
        when = _str(f"{where}.when", item.get("when", "always"))
        if when not in TERM_WHEN_CHOICES:
            raise _fail(f"{where}.when", f"{when!r} is not one of always, mixed")
        preferred = _str(f"{where}.preferred", item["preferred"])
        variants = _str_list(f"{where}.variants", item["variants"])
        if not variants:
            raise _fail(f"{where}.variants", "must list at least one variant")
        if preferred in variants:
            raise _fail(f"{where}.variants", f"lists the preferred form {preferred!r}")
        note = _str(f"{where}.note", item.get("note", ""), allow_empty=True)
        terms.append(PreferredTerm(preferred, variants, when, note))
    return tuple(terms)


def _parse_cautions(raw: Any) -> tuple[Caution, ...]:
    if not isinstance(raw, list):
        raise _fail("[[cautions]]", "must be an array of tables")
    cautions: list[Caution] = []
    for i, item in enumerate(raw):
        where = f"[[cautions]] #{i + 1}"
        if not isinstance(item, dict):
            raise _fail(where, "must be a table")
        _check_keys(where, item, {"word", "severity", "suggestion", "reason"})
        if "word" not in item:
            raise _fail(where, "needs 'word'")
        cautions.append(Caution(
            word=_str(f"{where}.word", item["word"]),
            severity=_severity(f"{where}.severity", item.get("severity", "warning")),
            suggestion=_str(f"{where}.suggestion", item.get("suggestion", ""), allow_empty=True),
            reason=_str(f"{where}.reason", item.get("reason", ""), allow_empty=True),
        ))
    return tuple(cautions)


def _parse_rules(table: Mapping[str, Any], values: dict[str, Any]) -> None:
    _check_keys("[rules]", table, {"disabled", "severity"})
    if "disabled" in table:
        values["disabled_rules"] = _str_list("[rules].disabled", table["disabled"])
    sev = table.get("severity", {})
    if not isinstance(sev, dict):
        raise _fail("[rules.severity]", "must be a table of rule id = severity")
    values["severity_overrides"] = tuple(
        (_str("[rules.severity] key", rule), _severity(f"[rules.severity].{rule}", level))
        for rule, level in sev.items()
    )


def style_from_mapping(data: Mapping[str, Any], base: HouseStyle | None = None) -> HouseStyle:
    """Build a sheet from parsed TOML data over ``base`` (default: the dataclass defaults).

    Raises :class:`ValidationError` naming the offending key.
    """
    _check_keys("top level", data, _TOP_KEYS)
    values: dict[str, Any] = {}
    _parse_style_table(_table(data, "style"), values)
    limits = _table(data, "limits")
    _check_keys("[limits]", limits, set(_LIMIT_KEYS))
    for key, attr in _LIMIT_KEYS.items():
        if key in limits:
            raw = limits[key]
            if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= 100_000:
                raise _fail(f"[limits].{key}", "must be a whole number from 0 to 100000")
            values[attr] = raw
    abbreviations = _table(data, "abbreviations")
    _check_keys("[abbreviations]", abbreviations, {"known"})
    if "known" in abbreviations:
        values["abbreviations"] = _str_list("[abbreviations].known", abbreviations["known"])
    if "terms" in data:
        values["terms"] = _parse_terms(data["terms"])
    if "cautions" in data:
        values["cautions"] = _parse_cautions(data["cautions"])
    _parse_rules(_table(data, "rules"), values)
    return replace(base or HouseStyle(), **values)


def style_from_toml(text: str, base: HouseStyle | None = None) -> HouseStyle:
    """Parse and validate a TOML style sheet (see module contract). Raises ValidationError."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_TOML_BYTES:
        raise ValidationError("house style sheet: file is larger than 1 MB")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(f"house style sheet: not valid TOML: {exc}") from exc
    return style_from_mapping(data, base)


def style_to_mapping(style: HouseStyle) -> dict[str, Any]:
    """The TOML-shaped dict of ``style`` (inverse of :func:`style_from_mapping`)."""
    data: dict[str, Any] = {
        "style": {key: (list(getattr(style, key)) if kind is list else getattr(style, key))
                  for key, (kind, _) in _STYLE_KEYS.items()},
        "limits": {key: getattr(style, attr) for key, attr in _LIMIT_KEYS.items()},
        "abbreviations": {"known": list(style.abbreviations)},
        "terms": [{"preferred": t.preferred, "variants": list(t.variants), "when": t.when,
                   "note": t.note} for t in style.terms],
        "cautions": [{"word": c.word, "severity": c.severity.value, "suggestion": c.suggestion,
                      "reason": c.reason} for c in style.cautions],
        "rules": {"disabled": list(style.disabled_rules),
                  "severity": {rule: sev.value for rule, sev in style.severity_overrides}},
    }
    return data


def style_to_toml(style: HouseStyle) -> str:
    """Serialise ``style`` as TOML text (round-trips through :func:`style_from_toml`)."""
    header = "# Sampadak house style sheet (exported).\n"
    return header + tomli_w.dumps(style_to_mapping(style))


def _default_file() -> Path:
    return resource_path(DEFAULT_STYLE_FILE)


@cache
def default_style() -> HouseStyle:
    """The shipped default sheet (cached). Falls back to dataclass defaults if unreadable."""
    path = _default_file()
    try:
        return style_from_toml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        log.warning("default house style %s unreadable (%s); using built-in defaults", path, exc)
        return HouseStyle()


# --- database ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StoredStyleInfo:
    """Who last saved a stored sheet, and when."""

    name: str
    updated_by: str
    updated_at: datetime


def load_style(db: Database, name: str = "default") -> HouseStyle:
    """The newsroom's sheet called ``name``, or :func:`default_style` when none is stored.

    A stored sheet that no longer validates (hand-edited database) is logged and the default
    is returned, so linting never fails for that reason.
    """
    with db.session() as session:
        row = session.scalar(select(HouseStyleRow).where(HouseStyleRow.name == name))
        toml_text = row.toml_text if row is not None else None
    if toml_text is None:
        return default_style()
    try:
        return replace(style_from_toml(toml_text, default_style()), name=name)
    except ValidationError as exc:
        log.error("stored house style %r is invalid, using the default: %s", name, exc)
        return default_style()


def require_style_editor(actor: Actor) -> None:
    """Refuse (:class:`PermissionDenied`) unless ``actor`` may change the house style (a
    desk chief or admin: :data:`~editor_app.core.profiles.STYLE_EDITORS`)."""
    if actor.role not in STYLE_EDITORS:
        raise PermissionDenied(
            f"{actor.name} ({actor.role.label}) हाउस स्टाइल नहीं बदल सकते; केवल डेस्क प्रमुख "
            f"या प्रशासक ({actor.name} may not change the house style: desk chief or admin "
            "only)")


def save_style(db: Database, style: HouseStyle, *, user: Actor | str,
               name: str | None = None) -> StoredStyleInfo:
    """Store ``style`` as the newsroom sheet ``name`` (default: ``style.name``).

    ``user`` is the acting user: a desk chief or admin, else :class:`PermissionDenied`
    (nothing written). A plain string is an unattributed maintenance actor (scripts, tests).
    Records ``updated_by``/``updated_at`` and an ``house_style.save`` audit event in the same
    transaction. Raises :class:`ValidationError` for an empty user or name.
    """
    user_id: int | None = None
    if isinstance(user, str):
        who = user
    else:
        require_style_editor(user)
        user_id, who = user.id, user.name
    sheet_name = (name or style.name).strip()
    if not sheet_name:
        raise ValidationError("house style sheet needs a name")
    if not who.strip():
        raise ValidationError("saving the house style needs the user's name")
    style = replace(style, name=sheet_name)
    toml_text = style_to_toml(style)
    now = utcnow()
    with db.session() as session:
        row = session.scalar(select(HouseStyleRow).where(HouseStyleRow.name == sheet_name))
        created = row is None
        if row is None:
            row = HouseStyleRow(name=sheet_name)
            session.add(row)
        row.toml_text = toml_text
        row.updated_by = who
        row.updated_at = now
        session.add(AuditEvent(at=now, user=who, user_id=user_id, action="house_style.save",
                               detail_json=json.dumps(
                                   {"name": sheet_name, "created": created,
                                    "bytes": len(toml_text.encode("utf-8"))},
                                   ensure_ascii=False)))
    log.info("house style %r saved by %s", sheet_name, who)
    return StoredStyleInfo(sheet_name, who, now)


def import_style_toml(db: Database, toml_text: str, *, user: Actor | str,
                      name: str = "default") -> HouseStyle:
    """Validate ``toml_text`` and store it as sheet ``name``; returns the stored sheet.

    Keys missing from the file take the shipped defaults. Invalid input raises
    :class:`ValidationError` and leaves the database unchanged.
    """
    style = replace(style_from_toml(toml_text, default_style()), name=name)
    save_style(db, style, user=user, name=name)
    return style


def export_style_toml(db: Database, name: str = "default") -> str:
    """TOML text of the stored sheet ``name`` (the default sheet when none is stored)."""
    return style_to_toml(load_style(db, name))


def stored_style_info(db: Database, name: str = "default") -> StoredStyleInfo | None:
    """Who saved sheet ``name`` and when, or ``None`` if the newsroom never saved one."""
    with db.session() as session:
        row = session.scalar(select(HouseStyleRow).where(HouseStyleRow.name == name))
        if row is None:
            return None
        return StoredStyleInfo(row.name, row.updated_by, row.updated_at)


def stored_style_names(db: Database) -> list[str]:
    """Names of the sheets the newsroom stored, sorted; ``"default"`` is always listed (it
    falls back to the shipped sheet when none is stored)."""
    with db.session() as session:
        names = set(session.scalars(select(HouseStyleRow.name)))
    return sorted(names | {"default"})
