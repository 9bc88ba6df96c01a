"""``sampadak new``: the body is stored in its canonical form and every text NFC.

Issue 10 items 1 and 4 through the command line: what the CLI stores is exactly what the
editor would write back unedited, and input that NFC changes (न + U+093C, e + U+0301) is
stored composed.
"""

from __future__ import annotations

import json
import unicodedata

from editor_app.app import main
from editor_app.core.markdown_model import canonical_markdown

RAW_BODY = ("# शीर्षक\n\nAT&amp;T ने <script>alert(1)</script> कहा: `a*b*` और\n"
            "दूसरी पंक्ति  \n\n```\n# कोड\n```\n\n* सूची\n    * भीतरी\n")
CANONICAL = ("## शीर्षक\n\nAT\\&amp;T ने \\<script>alert(1)\\</script> कहा: \\`a\\*b\\*\\` और"
             " दूसरी पंक्ति\n\n\\`\\`\\`\n\n\\# कोड\n\n\\`\\`\\`\n\n- सूची\n- भीतरी\n")


def _new_and_show(capsys, profile_dir, tmp_path, headline: str, body: str) -> dict[str, str]:
    body_file = tmp_path / "body.md"
    body_file.write_text(body, "utf-8")
    code = main(["--profile", str(profile_dir), "new", "--headline", headline,
                 "--body-file", str(body_file)])
    out, _ = capsys.readouterr()
    assert code == 0
    code = main(["--profile", str(profile_dir), "show", out.strip(), "--json"])
    shown, _ = capsys.readouterr()
    assert code == 0
    data: dict[str, str] = json.loads(shown)
    return data


def test_new_stores_the_canonical_body(capsys, profile_dir, tmp_path):
    shown = _new_and_show(capsys, profile_dir, tmp_path, "शीर्षक", RAW_BODY)
    assert shown["body"] == CANONICAL
    assert canonical_markdown(shown["body"]) == shown["body"]


def test_new_stores_nfc_headline_and_body(capsys, profile_dir, tmp_path):
    decomposed, composed = "अन\u093cना cafe\u0301", "अ\u0929ना caf\u00e9"
    assert unicodedata.normalize("NFC", decomposed) == composed != decomposed
    shown = _new_and_show(capsys, profile_dir, tmp_path, decomposed, decomposed + "\n")
    assert shown["headline"] == composed
    assert shown["body"] == composed + "\n"
    assert unicodedata.is_normalized("NFC", shown["headline"] + shown["body"])
