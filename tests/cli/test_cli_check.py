"""`sampadak check` (spelling + copy-desk lint, JSON shape, exit codes) and `sampadak fix`."""

from __future__ import annotations

import json
import unicodedata

import pytest

from editor_app.app import main
from tests.conftest import sample_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_json_shape_offsets_and_exit_code(capsys, profile_dir, tmp_path):
    text = "सरकार ने सडक बनाने का फैसला किया है.इस पर लोग खुश हैं।"
    path = tmp_path / "story.md"
    path.write_text(unicodedata.normalize("NFD", text), "utf-8")
    code, out, _ = run(capsys, "--profile", str(profile_dir), "check", "--json", str(path))
    assert code == 1
    findings = json.loads(out)["findings"]
    nfc = unicodedata.normalize("NFC", text)
    for f in findings:
        assert set(f) >= {"rule", "start", "end", "text", "suggestions", "severity"}
        assert f["severity"] in {"error", "warning", "info"}
        assert nfc[f["start"]:f["end"]] == f["text"]
    spelling = [f for f in findings if f["rule"] == "spelling"]
    assert [f["text"] for f in spelling] == ["सडक"]
    assert spelling[0]["suggestions"][0] == "सड़क"
    assert any(f["rule"] == "punct.space-after" and f["text"] == "." for f in findings)


def test_clean_text_exits_zero(capsys, profile_dir, tmp_path):
    path = tmp_path / "ok.txt"
    path.write_text("राज्य सरकार ने नई सड़क बनाने का फ़ैसला किया है।", "utf-8")
    code, out, _ = run(capsys, "--profile", str(profile_dir), "check", str(path))
    assert code == 0, out


def test_check_rejects_invalid_utf8(capsys, profile_dir, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe\x00broken")
    code, out, err = run(capsys, "--profile", str(profile_dir), "check", "--json", str(path))
    assert code == 2 and out == "" and "sampadak: error:" in err


@pytest.mark.parametrize("sample", ["own", "shared"])
def test_scraped_sample_findings(capsys, profile_dir, sample):
    code, out, _ = run(capsys, "--profile", str(profile_dir), "check", "--json",
                       str(sample_path(sample)))
    findings = json.loads(out)["findings"]
    texts = {(f["rule"], f["text"]) for f in findings}
    assert code == 1
    assert ("unicode.rra", "औऱ") in texts
    assert ("spelling", "मजूबत") in texts and ("spelling", "पढें") in texts
    assert any(f["rule"] == "punct.unbalanced-quote" and f["text"] == "’" for f in findings)
    assert any(f["rule"] == "style.term" and f["text"] == "फीसदी" for f in findings)
    first = next(f for f in findings if f["rule"] == "spelling" and f["text"] == "मजूबत")
    assert first["suggestions"][0] == "मजबूत"


def test_fix_command(capsys, profile_dir, tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("यह  बात औऱ वह बात है.इस पर चर्चा हुई।।", "utf-8")
    code, out, _ = run(capsys, "--profile", str(profile_dir), "fix", "--rules",
                       "unicode.rra,punct.multiple-spaces", str(path))
    assert code == 0
    assert out == "यह बात और वह बात है.इस पर चर्चा हुई।।"
    code, _, err = run(capsys, "--profile", str(profile_dir), "fix", "--rules", "no.such.rule",
                       str(path))
    assert code == 2 and "no.such.rule" in err
