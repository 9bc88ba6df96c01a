"""Every colour the app paints, for the light and the dark theme, in one place.

Contract:

- :class:`AppColours` names each colour by what it is for (text on the editor's
  background, the spelling underline, a diff insertion, an overdue deadline, …), never by
  its hue. :data:`LIGHT` and :data:`DARK` are the two sets; :func:`colours_for` picks one.
  Widgets never write a colour literal: they ask :func:`editor_app.gui.theme.colours`.
- :data:`CONTRAST_PAIRS` lists every (foreground, background, minimum ratio) the app
  shows: text on its background needs WCAG AA 4.5:1, a non-text mark (underline, chart
  bar) 3:1. :func:`contrast_ratio` is the WCAG 2.x formula; the tests hold both themes to
  every pair.
- Pure data and arithmetic: no Qt import, so the palette can be checked anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

__all__ = ["CONTRAST_PAIRS", "DARK", "LIGHT", "NON_TEXT", "TEXT", "AppColours",
           "colours_for", "contrast_ratio", "relative_luminance"]

#: WCAG 2.x AA minimums: body text, and marks that are not text (underlines, bars).
TEXT = 4.5
NON_TEXT = 3.0


@dataclass(frozen=True, slots=True)
class AppColours:
    """One theme's colours (``#rrggbb``), named by use."""

    name: str
    # the Qt palette
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    tooltip_base: str
    tooltip_text: str
    link: str
    placeholder: str
    disabled_text: str
    light: str
    mid: str
    dark: str
    # the app's own
    muted_text: str  # snippets, times, context marks
    spell_underline: str
    search_hit: str  # background of a search hit in the list
    comment_mark: str  # background of commented text in the editor
    comment_selected: str  # background of the selected comment thread
    anchor_text: str  # where a comment is anchored
    diff_added: str
    diff_added_strong: str  # the changed aksharas inside an added word
    diff_added_text: str
    diff_removed: str
    diff_removed_strong: str
    diff_removed_text: str
    overdue_text: str
    error_text: str  # banners and messages: embargo, refused, invalid
    ok_text: str
    mode_text: str  # the phonetic-typing badge
    chip_text: str
    chip_draft: str
    chip_submitted: str
    chip_in_copy_edit: str
    chip_returned: str
    chip_approved: str
    chip_exported: str
    chip_spiked: str
    chart_bar: str
    chart_none: str  # the "nobody" bar
    tag_chip: str
    tag_chip_selected: str
    tag_chip_border: str
    tag_close: str  # the ✕ on a tag chip
    quote_bar: str  # the bar beside a blockquote in the editor
    banner: str  # a notice banner (another user changed the story)
    banner_text: str
    #: dashboard bars per status, in workflow order (draft … spiked)
    chart_status: tuple[str, ...]
    #: tracked-change colours, one per author (used as text colour on ``base``)
    authors: tuple[str, ...]

    def chip(self, status: str) -> str:
        """Background of the status chip for a status value (``"in_copy_edit"``)."""
        value = getattr(self, f"chip_{status}", None)
        return value if isinstance(value, str) else self.chip_draft

    def names(self) -> list[str]:
        """The field names that hold one colour (all but ``name`` and ``authors``)."""
        return [f.name for f in fields(self)
                if f.name not in ("name", "authors", "chart_status")]


LIGHT = AppColours(
    name="light",
    window="#efefef", window_text="#1a1a1a", base="#ffffff", alternate_base="#f5f5f5",
    text="#1a1a1a", button="#e8e8e8", button_text="#1a1a1a", highlight="#2a5db0",
    highlighted_text="#ffffff", tooltip_base="#ffffdc", tooltip_text="#1a1a1a",
    link="#1a5fb4", placeholder="#626262", disabled_text="#8c8c8c", light="#ffffff",
    mid="#b8b8b8", dark="#9f9f9f",
    muted_text="#555555", spell_underline="#d32f2f", search_hit="#ffe08a",
    comment_mark="#ffe9a8", comment_selected="#dbeafe", anchor_text="#7a5a00",
    diff_added="#d5f5dc", diff_added_strong="#9fe0ae", diff_added_text="#0b5d22",
    diff_removed="#fde2e4", diff_removed_strong="#f7bcc2", diff_removed_text="#a3121f",
    overdue_text="#b3261e", error_text="#b3261e", ok_text="#1b5e20", mode_text="#8c1c13",
    chip_text="#222222", chip_draft="#eeeeee", chip_submitted="#fff3c4",
    chip_in_copy_edit="#d6e9ff", chip_returned="#ffe0cc", chip_approved="#d7f5d7",
    chip_exported="#c8e6c9", chip_spiked="#f8d0d0", chart_bar="#2f6fe0",
    chart_none="#7d858c", tag_chip="#e3ecf7", tag_chip_selected="#b9d0ef",
    tag_chip_border="#8aa4c8", tag_close="#44546a", quote_bar="#8a94a3",
    banner="#fff4ce", banner_text="#3d3000",
    chart_status=("#6c7a91", "#2f6fe0", "#c46f00", "#9b4dca", "#1f7f74", "#264653",
                  "#5c636a"),
    authors=("#0072B2", "#B34700", "#00785A", "#A8457F", "#7A5F00", "#1F6FA3", "#7B3294",
             "#B2182B"),
)

DARK = AppColours(
    name="dark",
    window="#202124", window_text="#e8eaed", base="#17181a", alternate_base="#232427",
    text="#e8eaed", button="#2d2e31", button_text="#e8eaed", highlight="#3b6fc4",
    highlighted_text="#ffffff", tooltip_base="#303134", tooltip_text="#e8eaed",
    link="#8ab4f8", placeholder="#9aa0a6", disabled_text="#6f7378", light="#3c4043",
    mid="#2a2b2e", dark="#101112",
    muted_text="#b0b4ba", spell_underline="#ff6b6b", search_hit="#5c4a00",
    comment_mark="#4d3d00", comment_selected="#1e3a5f", anchor_text="#e6c35c",
    diff_added="#163a22", diff_added_strong="#23603a", diff_added_text="#b4f2c3",
    diff_removed="#4a1a20", diff_removed_strong="#7a2a35", diff_removed_text="#ffc2c8",
    overdue_text="#ff8a80", error_text="#ff8a80", ok_text="#81c995", mode_text="#ffab91",
    chip_text="#f1f3f4", chip_draft="#3a3b3e", chip_submitted="#5a4810",
    chip_in_copy_edit="#1f3a5f", chip_returned="#5c3418", chip_approved="#1f4d2a",
    chip_exported="#2a4d2c", chip_spiked="#5c2326", chart_bar="#6ea8fe",
    chart_none="#8a9099", tag_chip="#2b3a4f", tag_chip_selected="#3d5577",
    tag_chip_border="#5b7396", tag_close="#c5d3e8", quote_bar="#7b8594",
    banner="#4a3f12", banner_text="#fff2c2",
    chart_status=("#a3aec2", "#6ea8fe", "#ffb347", "#d29bff", "#4fd1c5", "#7fb3c8",
                  "#adb5bd"),
    authors=("#56B4E9", "#FF9E5E", "#3FD6A5", "#F0A3CF", "#E5C454", "#9FD3F5", "#C58BE0",
             "#FF8A94"),
)

_CHIPS = ("chip_draft", "chip_submitted", "chip_in_copy_edit", "chip_returned",
          "chip_approved", "chip_exported", "chip_spiked")

#: (foreground field, background field, minimum ratio): everything the app draws.
CONTRAST_PAIRS: tuple[tuple[str, str, float], ...] = (
    ("text", "base", TEXT),
    ("text", "alternate_base", TEXT),
    ("window_text", "window", TEXT),
    ("button_text", "button", TEXT),
    ("highlighted_text", "highlight", TEXT),
    ("tooltip_text", "tooltip_base", TEXT),
    ("link", "base", TEXT),
    ("placeholder", "base", TEXT),
    ("muted_text", "base", TEXT),
    ("muted_text", "window", TEXT),
    ("spell_underline", "base", NON_TEXT),
    ("text", "search_hit", TEXT),
    ("text", "comment_mark", TEXT),
    ("text", "comment_selected", TEXT),
    ("muted_text", "comment_selected", TEXT),
    ("anchor_text", "base", TEXT),
    ("error_text", "comment_selected", TEXT),
    ("diff_added_text", "diff_added", TEXT),
    ("diff_added_text", "diff_added_strong", TEXT),
    ("diff_removed_text", "diff_removed", TEXT),
    ("diff_removed_text", "diff_removed_strong", TEXT),
    ("text", "diff_added", TEXT),  # the bundle-merge dialog marks words this way
    ("text", "diff_removed", TEXT),
    ("overdue_text", "base", TEXT),
    ("overdue_text", "alternate_base", TEXT),
    ("error_text", "window", TEXT),
    ("error_text", "base", TEXT),
    ("ok_text", "window", TEXT),
    ("mode_text", "window", TEXT),
    ("chart_bar", "window", NON_TEXT),
    ("chart_none", "window", NON_TEXT),
    ("text", "tag_chip", TEXT),
    ("text", "tag_chip_selected", TEXT),
    ("tag_close", "tag_chip", NON_TEXT),
    ("tag_close", "tag_chip_selected", NON_TEXT),
    ("quote_bar", "base", NON_TEXT),
    ("banner_text", "banner", TEXT),
    *(("chip_text", chip, TEXT) for chip in _CHIPS),
)


def colours_for(name: str) -> AppColours:
    """:data:`DARK` for ``"dark"``, else :data:`LIGHT`."""
    return DARK if name == "dark" else LIGHT


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb`` (0 black … 1 white)."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    r, g, b = (int(text[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours (1 … 21), in either order."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)
