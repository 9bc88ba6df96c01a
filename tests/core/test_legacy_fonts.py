"""Tests for legacy-font (Kruti Dev 010, Walkman Chanakya) conversion and detection."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.errors import ImportRejected, ValidationError
from editor_app.core.text.legacy_fonts import (
    MAX_CHARS,
    LegacyGuess,
    convert_file_for_cli,
    convert_legacy,
    detect_legacy,
    normalise_encoding_name,
)

# Kruti Dev 010 key sequences as typists type them, with the Unicode they show.
KRUTIDEV_WORDS: list[tuple[str, str]] = [
    ("dk", "का"), ("fd", "कि"), ("Hkkjr", "भारत"), ("lekpkj", "समाचार"), ("gS", "है"),
    ("esa", "में"), ("vkSj", "और"), ("fgUnh", "हिन्दी"), ("fganh", "हिंदी"), ("iz", "प्र"),
    ("Jh", "श्री"), ("{k", "क्ष"), ("=", "त्र"), ("K", "ज्ञ"), ("fdrkc", "किताब"),
    ("dk;Z", "कार्य"), ("vkn'kZ", "आदर्श"), ('o"kZ', "वर्ष"), ("dhfrZ", "कीर्ति"),
    ("fLFkfr", "स्थिति"), ("fiz;", "प्रिय"), ("ft+yk", "ज़िला"), ("i<+", "पढ़"),
    ("lM+d", "सड़क"), ("mÙkj izns'k", "उत्तर प्रदेश"), ("iz/kkuea=h", "प्रधानमंत्री"),
    ("eq[;ea=h", "मुख्यमंत्री"), ("dk;ZØe", "कार्यक्रम"), ("ekxZ", "मार्ग"), ("vFkZ", "अर्थ"),
    ("fganw", "हिंदू"), ("ugha", "नहीं"), ("i=dkj", "पत्रकार"), ("fo'o", "विश्व"),
    ('vkd"kZ.k', "आकर्षण"), ("ijh{kk", "परीक्षा"), ("f'k{kk", "शिक्षा"), ("ikVhZ", "पार्टी"),
    ("D;k", "क्या"), ("fo/kk;d", "विधायक"), ("ljdkj", "सरकार"), ("ns'k", "देश"),
    ("iqfyl", "पुलिस"), ("fnYyh", "दिल्ली"), ("jkT;", "राज्य"), ("pquko", "चुनाव"),
    ("fodkl", "विकास"), ("U;k;ky;", "न्यायालय"), ("foKku", "विज्ञान"), ("[kcj", "खबर"),
    ("le;", "समय"), ("lkFk", "साथ"), ("cM+k", "बड़ा"), ("Åij", "ऊपर"), ("vkSj", "और"),
    ("vks", "ओ"), (",sls", "ऐसे"), ("b/kj", "इधर"), ("bZ'oj", "ईश्वर"), ("_f\"k", "ऋषि"),
    ("'kCn", "शब्द"), ("iwoZ", "पूर्व"), ("/keZ", "धर्म"), ("Ñf\"k", "कृषि"),
    ("vkWfQl", "ऑफिस"), ("MkWDVj", "डॉक्टर"), ("QSlyk", "फैसला"), ("Q+Slyk", "फ़ैसला"),
    ("fo}ku", "विद्वान"), ("mís';", "उद्देश्य"), ("f}rh;", "द्वितीय"), ("vr%", "अतः"),
    ("ikVÊ", "पार्टी"), ("d~", "क्"),
]

SENTENCES: list[tuple[str, str]] = [
    ("Hkkjr ,d fo'kky ns'k gSA", "भारत एक विशाल देश है।"),
    ("iz/kkuea=h us dgk fd ljdkj fodkl ds fy, dke dj jgh gSA",
     "प्रधानमंत्री ने कहा कि सरकार विकास के लिए काम कर रही है।"),
    ("D;k vki fnYyh esa gSa\\", "क्या आप दिल्ली में हैं?"),
    ("mÙkj izns'k esa pquko] 2024", "उत्तर प्रदेश में चुनाव, 2024"),
]


@pytest.mark.parametrize(("legacy", "expected"), KRUTIDEV_WORDS)
def test_krutidev_words(legacy: str, expected: str) -> None:
    assert convert_legacy(legacy, "krutidev") == unicodedata.normalize("NFC", expected)


def test_word_table_is_large_enough() -> None:
    assert len(KRUTIDEV_WORDS) >= 40


@pytest.mark.parametrize(("legacy", "expected"), SENTENCES)
def test_krutidev_sentences(legacy: str, expected: str) -> None:
    assert convert_legacy(legacy, "krutidev") == expected


@pytest.mark.parametrize(("legacy", "expected"), [
    ("fdrkc", "किताब"), ("fLFkfr", "स्थिति"), ("fiz;", "प्रिय"), ("ft+yk", "ज़िला"),
    ("fØ;k", "क्रिया"), ("f}rh;", "द्वितीय"),
])
def test_i_matra_moves_after_the_whole_cluster(legacy: str, expected: str) -> None:
    assert convert_legacy(legacy, "krutidev") == unicodedata.normalize("NFC", expected)


@pytest.mark.parametrize(("legacy", "expected"), [
    ("dk;Z", "कार्य"), ("vkn'kZ", "आदर्श"), ("vkn’kZ", "आदर्श"), ("o”kZ", "वर्ष"),
    ("dhfrZ", "कीर्ति"), ("ikVhZ", "पार्टी"), ("/keZ", "धर्म"), ("dk;ZZ", "कार्य"),
    ("Z", "र्"),
])
def test_reph_moves_before_its_syllable(legacy: str, expected: str) -> None:
    # Word's smart quotes (’ ”) stand for the ' and " keys (श्, ष्).
    assert convert_legacy(legacy, "krutidev") == expected


def test_cleanup_guarantees() -> None:
    assert convert_legacy("vk~~", "krutidev") == "आ्"
    assert convert_legacy("vkW", "krutidev") == "ऑ"
    assert convert_legacy("आॅ", "krutidev") == "ऑ"
    assert convert_legacy("j+", "krutidev") == "र"
    assert convert_legacy("Dk", "krutidev") == "क"
    assert convert_legacy("esas", "krutidev") == "में"


def test_unicode_already_present_is_kept() -> None:
    assert convert_legacy("भारत Hkkjr", "krutidev") == "भारत भारत"
    assert convert_legacy("ज़िला", "krutidev") == unicodedata.normalize("NFC", "ज़िला")
    assert convert_legacy("日本 gS", "krutidev") == "日本 है"


def test_size_limit() -> None:
    with pytest.raises(ImportRejected):
        convert_legacy("d" * (MAX_CHARS + 1), "krutidev")


def test_encoding_names() -> None:
    assert normalise_encoding_name("Kruti-Dev-010") == "krutidev"
    assert normalise_encoding_name("Walkman Chanakya") == "chanakya"
    with pytest.raises(ValidationError):
        normalise_encoding_name("devlys")
    with pytest.raises(ValidationError):
        convert_legacy("dk", "devlys")  # type: ignore[arg-type]


def test_chanakya_shares_the_typewriter_letters() -> None:
    assert convert_legacy("Hkkjr ,d ns'k gS\\", "chanakya") == "भारत एक देश है।"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40))
def test_any_ascii_gives_clean_nfc(text: str) -> None:
    for encoding in ("krutidev", "chanakya"):
        out = convert_legacy(text, encoding)
        assert unicodedata.is_normalized("NFC", out)
        assert "\u094d\u094d" not in out
        assert "आॅ" not in out
        assert "\u0931" not in out
        assert "\ue001" not in out and "\ue002" not in out


# --- Detection ---------------------------------------------------------------------------

KRUTIDEV_TEXTS = [
    "iz/kkuea=h ujsanz eksnh us eaxyokj dks dgk fd ljdkj fdlkuksa dh vk; nksxquh djus ds "
    "fy, izfrc) gSA mUgksaus dgk fd ;g ;kstuk ns'k ds gj fdlku rd igqapsxhA",
    "fnYyh esa ckfj'k ls ekSle lqgkouk gks x;kA ekSle foHkkx us vxys nks fnu rd gYdh "
    "ckfj'k dh laHkkouk trkbZ gSA",
    "Hkkjr vkSj vkWLVªsfy;k ds chp igyk VsLV eSp 'kqØokj ls 'kq: gksxkA",
]
ENGLISH_TEXTS = [
    "The prime minister said on Tuesday that the government is committed to doubling "
    "farmers' income, and that the scheme will reach every farmer in the country.",
    "Heavy rain lashed Delhi on Monday. The weather office has forecast light showers for "
    "the next two days, with temperatures staying below normal.",
    "To install the package, run pip install sampadak and then call sampadak --help. The "
    "config file lives in ~/.config/sampadak/settings.toml; set SAMPADAK_DATABASE_URL to "
    "override the database. JSON, YAML and TOML are supported.",
    "def convert(path: Path) -> str:\n    data = path.read_bytes()\n    return "
    "data.decode('utf-8')  # iPhone, McDonald, eBay, JavaScript, GitHub, OAuth2, x86_64",
    "NASA's JWST observed the galaxy GN-z11; its spectrum (NIRSpec) shows CIII] and "
    "[OII] lines at z=10.6, per the team at MIT, ESA and STScI.",
    "Hello world",
    "lol brb idk tbh, gtg ttyl :) ok ok ok",
]


@pytest.mark.parametrize("text", KRUTIDEV_TEXTS)
def test_detects_krutidev(text: str) -> None:
    guess = detect_legacy(text)
    assert isinstance(guess, LegacyGuess)
    assert guess.encoding == "krutidev"
    assert 0 < guess.confidence <= 1


@pytest.mark.parametrize("text", ENGLISH_TEXTS)
def test_english_is_not_legacy(text: str) -> None:
    assert detect_legacy(text) is None


def test_unicode_hindi_is_not_legacy() -> None:
    assert detect_legacy("भारत एक विशाल देश है। प्रधानमंत्री ने कहा कि सरकार काम कर रही है।") is None


# --- Files -------------------------------------------------------------------------------

def test_file_utf8_and_cp1252(tmp_path: Path) -> None:
    utf8 = tmp_path / "a.txt"
    utf8.write_text("mÙkj izns'k", encoding="utf-8")
    assert convert_file_for_cli(utf8, "krutidev") == "उत्तर प्रदेश"
    legacy = tmp_path / "b.txt"
    legacy.write_bytes("mÙkj izns’k gSA".encode("cp1252"))
    assert convert_file_for_cli(legacy, "krutidev") == "उत्तर प्रदेश है।"


def test_file_rejections(tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportRejected, match="binary"):
        convert_file_for_cli(binary, "krutidev")
    undecodable = tmp_path / "y.txt"
    undecodable.write_bytes(b"dk \x81\x8d\x8f text \xff\xfe")
    with pytest.raises(ImportRejected, match="cp1252"):
        convert_file_for_cli(undecodable, "krutidev")
    with pytest.raises(ImportRejected, match="cannot read"):
        convert_file_for_cli(tmp_path / "missing.txt", "krutidev")
    with pytest.raises(ValidationError):
        convert_file_for_cli(undecodable, "devlys")
