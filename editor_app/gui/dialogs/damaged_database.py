"""Damaged-database dialog: say what is wrong and offer the latest backup.

Shown at start-up when the database file is damaged. It never claims the text is safe: work
saved after the backup is not in the backup, and the dialog says so.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from editor_app.core.backups import BackupInfo
from editor_app.core.errors import DatabaseDamaged
from editor_app.gui.i18n import translate

__all__ = ["DamagedChoice", "build_damaged_dialog", "choice_of"]

TITLE = "डेटाबेस खराब है (Database damaged)"


class DamagedChoice(Enum):
    """What to do about a damaged database."""

    OPEN_BACKUP_READ_ONLY = "open_backup_read_only"
    RESTORE_BACKUP = "restore_backup"
    QUIT = "quit"


def build_damaged_dialog(parent: QWidget | None, error: DatabaseDamaged,
                         backup: BackupInfo | None) -> QMessageBox:
    """The dialog (not shown). Buttons carry a ``choice`` property (a :class:`DamagedChoice`
    value); the backup buttons exist only when there is a backup."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(TITLE)
    where = str(error.path) if error.path else "?"
    box.setText("डेटाबेस फ़ाइल खराब हो गई है, इसलिए Sampadak उसे नहीं खोल सकता।\n"
                f"The database file is damaged; Sampadak cannot open it.\n\n{where}")
    if backup is not None:
        box.setInformativeText(
            f"सबसे नया बैकअप (Latest backup): {backup.created:%Y-%m-%d %H:%M} UTC, "
            f"{backup.size / 1024:,.0f} KiB\n{backup.path.name}\n\n"
            "बैकअप को केवल पढ़ने के लिए खोलें, या उसे वापस लाएं: खराब फ़ाइल अलग रख दी जाएगी। "
            "बैकअप के बाद सहेजा गया काम उसमें नहीं है।\n"
            "Open the backup read-only to read or copy from it, or restore it: the damaged "
            "file is kept aside, and work saved after the backup is not in it.")
        view = box.addButton(translate("DamagedDatabase", "Open backup read-only"),
                             QMessageBox.ButtonRole.AcceptRole)
        view.setProperty("choice", DamagedChoice.OPEN_BACKUP_READ_ONLY.value)
        restore = box.addButton(translate("DamagedDatabase", "Restore backup"),
                                QMessageBox.ButtonRole.DestructiveRole)
        restore.setProperty("choice", DamagedChoice.RESTORE_BACKUP.value)
        box.setDefaultButton(view)
    else:
        box.setInformativeText(
            "कोई बैकअप नहीं मिला। फ़ाइल को सुरक्षित जगह कॉपी करें और `sampadak doctor` "
            "चलाएं।\nNo backup was found. Copy the file somewhere safe and run "
            "`sampadak doctor` for details.")
    close = box.addButton(translate("DamagedDatabase", "Quit"), QMessageBox.ButtonRole.RejectRole)
    close.setProperty("choice", DamagedChoice.QUIT.value)
    box.setEscapeButton(close)
    box.setDetailedText(str(error))
    return box


def choice_of(box: QMessageBox) -> DamagedChoice:
    """The choice of the button that closed ``box`` (Quit when none did)."""
    clicked = box.clickedButton()
    value = clicked.property("choice") if clicked is not None else None
    return DamagedChoice(value) if value else DamagedChoice.QUIT
