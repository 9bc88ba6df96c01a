"""Edit → Preferences: UI language, editor font, autosave, house style sheet, spelling
dictionaries, phonetic typing, and the user's own name.

Contract: the dialog edits a :class:`~editor_app.preferences.Preferences` value and shows
what each choice can be: Devanagari-capable fonts, the newsroom's stored house style sheets,
the enchant dictionaries that are installed (all of them listed with their provider, Hindi
and English ones offered). The role is shown, not editable (an admin changes roles). OK is
disabled while the name is empty. :meth:`PreferencesDialog.preferences` is the result;
storing and applying it is the caller's (``gui/preferences_actions.py``). Choices that only
take effect at the next start (language, dictionaries, the name) say so beside them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.profiles import ProfileInfo
from editor_app.core.text.spell_dicts import InstalledDictionary
from editor_app.gui import i18n
from editor_app.gui.accessibility import name_from_labels
from editor_app.gui.display_names import role_label
from editor_app.gui.fonts import devanagari_families
from editor_app.gui.i18n import translate
from editor_app.preferences import (
    AUTOSAVE_MAX_RANGE,
    AUTOSAVE_RANGE,
    FONT_SIZE_RANGE,
    Preferences,
)

__all__ = ["LANGUAGE_CHOICES", "PreferencesDialog", "next_start", "system_choice_label"]

#: ``ui_language`` values offered besides "the system's language" (``i18n.SYSTEM``), each
#: named in its own language (as language pickers do), so it is found whatever the UI shows.
LANGUAGE_CHOICES: tuple[tuple[str, str], ...] = (
    ("hi", "हिंदी"),
    ("en", "English"),
    ("hi-en", "हिंदी + English"),
)
_LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)


def next_start() -> str:
    """The note beside choices that apply only after a restart."""
    return translate("PreferencesDialog", "applies at the next start")


def system_choice_label() -> str:
    """The first language choice: follow the system, naming what that gives now."""
    return translate("PreferencesDialog", "System language: {language}").format(
        language=_LANGUAGE_NAMES[i18n.system_language()])


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text)")
    return label


def _select(combo: QComboBox, value: str) -> None:
    """Select the item whose data is ``value``, adding it (marked missing) if absent."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(f"{value} — " + translate("PreferencesDialog", "not available"), value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class PreferencesDialog(QDialog):
    """Shows ``current`` for editing; see the module contract."""

    def __init__(self, current: Preferences, profile: ProfileInfo, style_sheets: list[str],
                 dictionaries: list[InstalledDictionary],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        self.setObjectName("preferencesDialog")
        self._current = current
        layout = QVBoxLayout(self)
        layout.addWidget(self._language_group(current))
        layout.addWidget(self._appearance_group(current))
        layout.addWidget(self._editor_group(current))
        layout.addWidget(self._checks_group(current, style_sheets, dictionaries))
        layout.addWidget(self._profile_group(current, profile))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update_ok)
        self.autosave_idle.valueChanged.connect(self._keep_max_above_idle)
        self._update_ok()
        name_from_labels(self)

    # ------------------------------------------------------------ sections
    def _language_group(self, current: Preferences) -> QGroupBox:
        group = QGroupBox(translate("PreferencesDialog", "Language"))
        form = QFormLayout(group)
        self.language = QComboBox()
        self.language.setAccessibleName(translate("PreferencesDialog", "Interface language"))
        self.language.addItem(system_choice_label(), i18n.SYSTEM)
        for value, label in LANGUAGE_CHOICES:
            self.language.addItem(label, value)
        _select(self.language, current.ui_language)
        form.addRow(translate("PreferencesDialog", "Menus and messages"), self.language)
        form.addRow(_hint(translate("PreferencesDialog", "Sampadak starts in the chosen language "
                                    "next time; the system language is Hindi for a Hindi "
                                    "locale, English otherwise.") + " " + next_start()))
        return group

    def _appearance_group(self, current: Preferences) -> QGroupBox:
        group = QGroupBox(translate("PreferencesDialog", "Appearance"))
        form = QFormLayout(group)
        self.theme = QComboBox()
        self.theme.setObjectName("themeChoice")
        for value, label in (("system", translate("PreferencesDialog", "Follow the system")),
                             ("light", translate("PreferencesDialog", "Light")),
                             ("dark", translate("PreferencesDialog", "Dark"))):
            self.theme.addItem(label, value)
        _select(self.theme, current.theme)
        form.addRow(translate("PreferencesDialog", "&Theme"), self.theme)
        form.addRow(_hint(translate("PreferencesDialog", "Applies at once")))
        return group

    def _editor_group(self, current: Preferences) -> QGroupBox:
        group = QGroupBox(translate("PreferencesDialog", "Editor"))
        form = QFormLayout(group)
        self.font_family = QComboBox()
        self.font_family.setAccessibleName(translate("PreferencesDialog", "Font"))
        self.font_family.addItem(translate("PreferencesDialog", "automatic"), "")
        for family in devanagari_families():
            self.font_family.addItem(family, family)
        _select(self.font_family, current.font_family)
        self.font_size = QSpinBox()
        self.font_size.setAccessibleName(translate("PreferencesDialog", "Font size"))
        self.font_size.setRange(*FONT_SIZE_RANGE)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(current.font_size)
        self.autosave_idle = QDoubleSpinBox()
        self.autosave_idle.setAccessibleName(translate("PreferencesDialog",
                                                       "Save after a pause of"))
        self.autosave_idle.setRange(*AUTOSAVE_RANGE)
        self.autosave_idle.setDecimals(1)
        self.autosave_idle.setSingleStep(0.5)
        self.autosave_idle.setSuffix(" s")
        self.autosave_idle.setValue(current.autosave_seconds)
        self.autosave_max = QDoubleSpinBox()
        self.autosave_max.setAccessibleName(translate("PreferencesDialog",
                                                      "Save while typing every"))
        self.autosave_max.setRange(*AUTOSAVE_MAX_RANGE)
        self.autosave_max.setDecimals(0)
        self.autosave_max.setSuffix(" s")
        self.autosave_max.setValue(current.autosave_max_seconds)
        self.phonetic = QCheckBox(translate("PreferencesDialog", "Start with phonetic typing")
                                  + ": bharat → भारत")
        self.phonetic.setChecked(current.phonetic_typing)
        form.addRow(translate("PreferencesDialog", "Font"), self.font_family)
        form.addRow(translate("PreferencesDialog", "Size"), self.font_size)
        form.addRow(translate("PreferencesDialog", "Autosave after a pause"), self.autosave_idle)
        form.addRow(translate("PreferencesDialog", "Autosave while typing, every"),
                    self.autosave_max)
        form.addRow(self.phonetic)
        return group

    def _checks_group(self, current: Preferences, style_sheets: list[str],
                      dictionaries: list[InstalledDictionary]) -> QGroupBox:
        group = QGroupBox(translate("PreferencesDialog", "Checks"))
        form = QFormLayout(group)
        self.house_style = QComboBox()
        self.house_style.setAccessibleName(translate("PreferencesDialog", "House style"))
        for name in style_sheets:
            self.house_style.addItem(name, name)
        _select(self.house_style, current.house_style_sheet)
        self.spell_hindi = QComboBox()
        self.spell_hindi.setAccessibleName(translate("PreferencesDialog", "Hindi dictionary"))
        for entry in dictionaries:
            if entry.is_hindi:
                self.spell_hindi.addItem(f"{entry.tag} ({entry.provider})", entry.tag)
        _select(self.spell_hindi, current.spell_hindi)
        self.spell_english = QComboBox()
        self.spell_english.setAccessibleName(translate("PreferencesDialog", "English dictionary"))
        self.spell_english.addItem(translate("PreferencesDialog", "do not check English words"),
                                   "")
        for entry in dictionaries:
            if entry.is_english:
                self.spell_english.addItem(f"{entry.tag} ({entry.provider})", entry.tag)
        _select(self.spell_english, current.spell_english)
        if dictionaries:
            listed = ", ".join(f"{d.tag} ({d.provider})" for d in dictionaries)
            installed = translate("PreferencesDialog", "installed") + f": {listed}"
        else:
            installed = (translate("PreferencesDialog",
                                   "no dictionaries found: install libenchant-2-2 and hunspell-hi"))
        self.installed_label = _hint(installed)
        self.installed_label.setObjectName("installedDictionaries")
        form.addRow(translate("PreferencesDialog", "House style"), self.house_style)
        form.addRow(translate("PreferencesDialog", "Hindi dictionary"), self.spell_hindi)
        form.addRow(translate("PreferencesDialog", "English dictionary"), self.spell_english)
        form.addRow(self.installed_label)
        form.addRow(_hint(translate("PreferencesDialog", "dictionaries") + ": " + next_start()))
        return group

    def _profile_group(self, current: Preferences, profile: ProfileInfo) -> QGroupBox:
        group = QGroupBox(translate("PreferencesDialog", "Profile"))
        form = QFormLayout(group)
        self.name_edit = QLineEdit(current.name)
        self.name_edit.setAccessibleName(translate("PreferencesDialog", "Name"))
        self.name_latin = QLineEdit(current.name_latin)
        self.name_latin.setAccessibleName(translate("PreferencesDialog", "Name in Latin letters"))
        self.name_latin.setPlaceholderText(translate("PreferencesDialog", "e.g. Neha Tripathi"))
        self.role_label = QLabel(role_label(profile.role))
        self.role_label.setObjectName("profileRole")
        form.addRow(translate("PreferencesDialog", "Name"), self.name_edit)
        form.addRow(translate("PreferencesDialog", "Latin"), self.name_latin)
        form.addRow(translate("PreferencesDialog", "Role"), self.role_label)
        form.addRow(_hint(translate("PreferencesDialog", "name") + ": " + next_start()))
        return group

    # ------------------------------------------------------------ behaviour
    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    def _keep_max_above_idle(self, idle: float) -> None:
        if self.autosave_max.value() < idle:
            self.autosave_max.setValue(idle)

    def preferences(self) -> Preferences:
        """The edited preferences (numbers within range)."""
        return Preferences(
            ui_language=str(self.language.currentData()),
            font_family=str(self.font_family.currentData() or ""),
            font_size=self.font_size.value(),
            autosave_seconds=self.autosave_idle.value(),
            autosave_max_seconds=self.autosave_max.value(),
            house_style_sheet=str(self.house_style.currentData() or "default"),
            spell_hindi=str(self.spell_hindi.currentData() or self._current.spell_hindi),
            spell_english=str(self.spell_english.currentData() or ""),
            phonetic_typing=self.phonetic.isChecked(),
            name=" ".join(self.name_edit.text().split()),
            name_latin=" ".join(self.name_latin.text().split()),
            theme=str(self.theme.currentData() or "system"),
        ).clamped()
