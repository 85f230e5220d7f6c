"""The build manifest, ``<output>/.slagen-manifest.json``: what each output file was built from.

Per output file (keyed by its path inside the output folder): the agreement it came from,
the inputs and their hash (the key), and the sha256 of the bytes written. Per agreement file:
the sha256 of its text and the facts planning needs, so an unchanged agreement is not loaded
again. The file is written atomically; an unreadable manifest is treated as empty (everything
is rebuilt, and signed-off documents stay protected by their ``.signed`` copies).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..util.atomic import write_atomic

NAME = ".slagen-manifest.json"
VERSION = 1


@dataclass
class Manifest:
    """The records of one output folder."""

    path: Path
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    agreements: dict[str, dict[str, Any]] = field(default_factory=dict)
    problem: str | None = None
    """Why an existing manifest could not be read, if it could not."""

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        """The manifest of ``out_dir`` (empty when there is none or it is unreadable)."""
        path = out_dir / NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            return cls(path, problem=f"{path} is unreadable ({exc}); every document is rendered again")
        if (
            not isinstance(data, dict)
            or data.get("version") != VERSION
            or not isinstance(data.get("outputs"), dict)
            or not isinstance(data.get("agreements"), dict)
        ):
            return cls(
                path, problem=f"{path} is not a slagen {VERSION} manifest; every document is rendered again"
            )
        outputs = {k: v for k, v in data["outputs"].items() if isinstance(v, dict)}
        agreements = {k: v for k, v in data["agreements"].items() if isinstance(v, dict)}
        return cls(path, outputs, agreements)

    def record(self, output: str, entry: dict[str, Any]) -> None:
        """Record how ``output`` was built."""
        self.outputs[output] = entry

    def save(self, keep: set[str]) -> None:
        """Write the manifest atomically, dropping records of output files that no longer exist
        and were not written now, and of agreement files that are gone."""
        out_dir = self.path.parent
        outputs = {k: v for k, v in self.outputs.items() if k in keep or (out_dir / k).is_file()}
        agreements = {k: v for k, v in self.agreements.items() if Path(k).is_file()}
        data = {"version": VERSION, "outputs": outputs, "agreements": agreements}
        text = json.dumps(data, indent=1, sort_keys=True) + "\n"
        write_atomic(self.path, text.encode("utf-8"))
