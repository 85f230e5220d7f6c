"""Extract the messages of the documents into ``slagen/locale/slagen.pot`` and merge them into
every catalogue (``slagen/locale/<lang>/LC_MESSAGES/slagen.po``), with Babel's own tools.

Run ``python3 scripts/extract_messages.py`` (``make messages``) after marking a new string;
then translate the new, empty ``msgstr`` entries of each ``.po`` file with any gettext tool.
The same as ``pybabel extract -F babel.cfg -o slagen/locale/slagen.pot --no-location .`` and
``pybabel update -i slagen/locale/slagen.pot -d slagen/locale -D slagen --no-fuzzy-matching``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
POT = "slagen/locale/slagen.pot"


def main() -> int:
    """Extract, then update every catalogue; return the exit code."""
    cli = CommandLineInterface()
    common = ["pybabel", "-q"]
    extract = [*common, "extract", "-F", "babel.cfg", "-o", POT, "--no-location", "--sort-output"]
    extract += [
        "--project",
        "slagen",
        "--copyright-holder",
        "slagen",
        "-k",
        "N_",
        "-k",
        "NP_:1c,2",
        "-k",
        "Counted:1,2",
        ".",
    ]
    cli.run(extract)
    for po in sorted((ROOT / "slagen/locale").glob("*/LC_MESSAGES/slagen.po")):
        lang = po.parent.parent.name
        out = str(po.relative_to(ROOT))
        cli.run(
            [*common, "update", "-i", POT, "-o", out, "-l", lang, "--no-fuzzy-matching", "--ignore-obsolete"]
        )
    return 0


if __name__ == "__main__":
    import os

    os.chdir(ROOT)
    sys.exit(main())
