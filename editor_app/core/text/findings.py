"""The finding type shared by spell-check and copy-desk lint (and the ``check`` command).

Offsets are code points into the NFC text that was checked, ``[start, end)``. ``fix`` is the
replacement for ``text`` when the rule can repair it automatically (else ``None``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = ["Finding", "Severity"]


class Severity(StrEnum):
    """How serious a finding is. ``error`` makes ``sampadak check`` exit with 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a text."""

    rule: str
    start: int
    end: int
    text: str
    severity: Severity
    message: str = ""
    message_hi: str = ""
    suggestions: tuple[str, ...] = field(default=())
    fix: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON object ``sampadak check --json`` prints for this finding."""
        data: dict[str, Any] = {
            "rule": self.rule,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "suggestions": list(self.suggestions),
            "severity": self.severity.value,
        }
        if self.message:
            data["message"] = self.message
        if self.message_hi:
            data["message_hi"] = self.message_hi
        if self.fix is not None:
            data["fix"] = self.fix
        return data
