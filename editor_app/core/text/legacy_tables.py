"""Code tables of legacy Hindi fonts (ASCII/cp1252 codes drawn as Devanagari glyphs).

Written from the Remington-typewriter layout that Kruti Dev 010 follows; see
:mod:`editor_app.core.text.legacy_fonts` for how they are applied. Values may contain two
placeholders that the converter resolves afterwards:

- :data:`I_MATRA` — the i-matra glyph ``f``, typed *before* the consonant cluster;
- :data:`REPH` — the reph glyph ``Z`` (र्), typed *after* the syllable it belongs to.

A half consonant (``D`` = क्) followed by the ``k`` stroke makes the full letter: the table
lists the common pairs and the converter also drops any leftover ``्ा``.

Confidence: Kruti Dev 010 letters, vowel signs and the common conjuncts are well known and
tested; the rarer cp1252 glyph codes (``Ì Í Î Ï`` ...) are best effort. Walkman Chanakya
uses the same typewriter layout for the ASCII letters; its punctuation and extended glyph
codes are *lower confidence* (only the differences listed in ``CHANAKYA_OVERRIDES`` are
applied) and conversions must be reviewed by the user before they are accepted.
"""

from __future__ import annotations

__all__ = ["CHANAKYA_OVERRIDES", "I_MATRA", "KRUTIDEV", "REPH", "SMART_QUOTES"]

I_MATRA = "\ue001"
REPH = "\ue002"

# Word's "smart quotes" replace the ' and " keys (श् and ष् in these fonts) in documents
# typed in Word: read them back as the keys that were pressed.
SMART_QUOTES = {"‘": "'", "’": "'", "“": '"', "”": '"'}

KRUTIDEV: dict[str, str] = {
    # Independent vowels (longest sequences first is handled by the matcher).
    "vkW": "ऑ", "v‚": "ऑ", "vks": "ओ", "vkS": "औ", "vk": "आ", "v": "अ",
    "bZ": "ई", "Ã": "ई", "b": "इ", "m": "उ", "Å": "ऊ", ",s": "ऐ", ",": "ए", "_": "ऋ",
    # Consonants: full forms, and half forms (ending in virama).
    "d": "क", "Dk": "क", "D": "क्", "[k": "ख", "[": "ख्", "x": "ग", "Xk": "ग", "X": "ग्",
    "?k": "घ", "Ä": "घ", "?": "घ्", "³": "ङ",
    "p": "च", "Pk": "च", "P": "च्", "N": "छ", "t": "ज", "Tk": "ज", "T": "ज्",
    ">": "झ", "÷": "झ्", "¥": "ञ",
    "V": "ट", "B": "ठ", "M": "ड", "<": "ढ", ".k": "ण", ".": "ण्",
    "r": "त", "Rk": "त", "R": "त्", "Fk": "थ", "F": "थ्", "n": "द", "/k": "ध", "è": "ध्",
    "/": "ध्", "u": "न", "Uk": "न", "U": "न्",
    "i": "प", "Ik": "प", "I": "प्", "Q": "फ", "¶": "फ्", "c": "ब", "Ck": "ब", "C": "ब्",
    "Hk": "भ", "H": "भ्", "e": "म", "Ek": "म", "E": "म्",
    ";": "य", "¸": "य्", "j": "र", "y": "ल", "Yk": "ल", "Y": "ल्", "G": "ळ",
    "o": "व", "Ok": "व", "O": "व्", "'k": "श", "'": "श्", '"k': "ष", '"': "ष्",
    "l": "स", "Lk": "स", "L": "स्", "g": "ह", "º": "ह्",
    # Nukta letters (the nukta key is '+'; NFC decomposes the result anyway).
    "d+": "क़", "[+k": "ख़", "[+": "ख़्", "x+": "ग़", "t+": "ज़", "T+": "ज़्", "M+": "ड़",
    "<+": "ढ़", "Q+": "फ़", "¶+": "फ़्", "j+": "र", "+": "़",
    # Conjuncts drawn as one glyph.
    "{k": "क्ष", "{": "क्ष्", "=": "त्र", "«": "त्र्", "K": "ज्ञ", "J": "श्र",
    "Ùk": "त्त", "Ù": "त्त्", "ä": "क्त", "ô": "क्क", "é": "न्न", "™": "न्न्",
    ")": "द्ध", "í": "द्द", "|": "द्य", "}": "द्व", "æ": "द्र", "Ø": "क्र", "Ý": "फ्र",
    "ç": "प्र", "Á": "प्र", "ê": "ट्ट", "ë": "ट्ठ", "ì": "ड्ड", "ï": "ड्ढ",
    "à": "ह्न", "á": "ह्य", "â": "हृ", "ã": "ह्म", "–": "दृ", "—": "कृ", "Ñ": "कृ",
    "#": "रु", ":": "रू", "Vª": "ट्र", "Mª": "ड्र", "Nª": "छ्र",
    # Vowel signs and marks.
    "ks": "ो", "kS": "ौ", "kW": "ॉ", "k‚": "ॉ", "k": "ा", "f": I_MATRA, "h": "ी",
    "È": "ीं", "Ê": "ी" + REPH, "q": "ु", "w": "ू",
    "`": "ृ", "s": "े", "S": "ै", "W": "ॉ", "‚": "ॉ", "a": "ं", "¡": "ँ", "%": "ः",
    "Z": REPH, "z": "्र", "ª": "्र", "~": "्", "·": "ऽ",
    # Punctuation (the keys that the font draws as other marks).
    "A": "।", "-": ".", "&": "-", "]": ",", "(": ";", "\\": "?", "@": "/",
    "¼": "(", "½": ")", "¿": "{", "À": "}", "¾": "=", "^": "‘", "*": "’",
    "Þ": "“", "ß": "”", "Œ": "॰", "ñ": "॰",
    # Devanagari digits drawn by the cp1252 codes 0x80.. (ASCII digits stay ASCII).
    "å": "०", "ƒ": "१", "„": "२", "…": "३", "†": "४", "‡": "५", "ˆ": "६", "‰": "७",
    "Š": "८", "‹": "९",
}

# Walkman Chanakya: codes believed to differ from Kruti Dev 010 (lower confidence).
CHANAKYA_OVERRIDES: dict[str, str] = {
    "\\": "।",
    "A": "।",
    "ó": "्र",
    "Æ": "ऋ",
}
