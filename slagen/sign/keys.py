"""A signer's key and certificates from a PKCS#12 file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from slagen.errors import UsageError


def read_passphrase(path: Path | None) -> bytes | None:
    """The passphrase in ``path`` (its first line, without the line end), or ``None``."""
    if path is None:
        return None
    try:
        text = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"--passphrase-file: {path} cannot be read ({exc.strerror})") from None
    return text.splitlines()[0] if text.strip() else b""


def load_signer(key: Path, passphrase_file: Path | None) -> Any:
    """A pyHanko ``SimpleSigner`` for the key and certificates in ``key``; raise
    :class:`UsageError` when the file is missing, or the passphrase is wrong."""
    from pyhanko.sign.signers import SimpleSigner

    try:
        data = key.read_bytes()
    except OSError as exc:
        raise UsageError(f"--key: {key} cannot be read ({exc.strerror})") from None
    passphrase = read_passphrase(passphrase_file)
    try:
        return SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=passphrase)
    except ValueError:
        given = "the passphrase in " + str(passphrase_file) if passphrase_file else "no passphrase"
        raise UsageError(
            f"--key: {key} could not be opened with {given}: a wrong passphrase, or not a "
            "PKCS#12 file; nothing was signed"
        ) from None
