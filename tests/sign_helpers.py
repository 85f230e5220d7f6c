"""Certificates made for the signing tests: a root CA, an intermediate, signers, a TSA.

Every certificate is real X.509 made with ``cryptography``; keys are P-256 (fast to make),
the time-stamp authority's RSA.
Signers are written as PKCS#12 files with their chain, as a user would get them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
PASSPHRASE = b"correct horse"


@dataclass(frozen=True)
class Issued:
    """A certificate with its key and the chain above it (issuer first)."""

    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    chain: tuple[x509.Certificate, ...] = ()

    def pem(self, path: Path) -> Path:
        """Write the certificate as PEM to ``path``."""
        path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        return path

    def p12(self, path: Path, passphrase: bytes = PASSPHRASE) -> Path:
        """Write key, certificate and chain as PKCS#12 to ``path``."""
        path.write_bytes(
            pkcs12.serialize_key_and_certificates(
                b"signer",
                self.key,
                self.cert,
                list(self.chain),
                serialization.BestAvailableEncryption(passphrase),
            )
        )
        return path


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def issue(
    cn: str,
    issuer: Issued | None,
    *,
    ca: bool = False,
    days: tuple[int, int] = (-1, 365),
    tsa: bool = False,
) -> Issued:
    """A certificate for ``cn``, signed by ``issuer`` (self-signed when ``None``), valid from
    ``days[0]`` to ``days[1]`` days from now."""
    # pyHanko's dummy time-stamp authority signs with RSA only
    key = rsa.generate_private_key(65537, 2048) if tsa else ec.generate_private_key(ec.SECP256R1())
    issuer_key = issuer.key if issuer else key
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(cn))
        .issuer_name(issuer.cert.subject if issuer else _name(cn))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW + dt.timedelta(days=days[0]))
        .not_valid_after(NOW + dt.timedelta(days=days[1]))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if issuer:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()), critical=False
        )
    if ca:
        usage = dict(digital_signature=False, key_cert_sign=True, crl_sign=True)
    else:
        usage = dict(digital_signature=True, key_cert_sign=False, crl_sign=False)
    builder = builder.add_extension(
        x509.KeyUsage(
            content_commitment=not ca and not tsa,
            key_encipherment=False,
            data_encipherment=False,
            key_agreement=False,
            encipher_only=False,
            decipher_only=False,
            **usage,
        ),
        critical=True,
    )
    if tsa:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
        )
    cert = builder.sign(issuer_key, hashes.SHA256())
    chain = (issuer.cert, *issuer.chain) if issuer else ()
    return Issued(cert, key, chain)


@dataclass(frozen=True)
class Pki:
    """The test PKI written to a folder."""

    root_pem: Path
    other_root_pem: Path
    signers: dict[str, Path]
    """PKCS#12 files: ``first``, ``second`` (under the intermediate), ``expired``, ``foreign``
    (another CA), ``self`` (self-signed)."""
    tsa: Issued


def make_pki(folder: Path, names: dict[str, str]) -> Pki:
    """Make the PKI in ``folder``; ``names`` gives the common name of ``first`` and ``second``."""
    root = issue("slagen test root CA", None, ca=True, days=(-30, 3650))
    inter = issue("slagen test intermediate CA", root, ca=True, days=(-30, 1825))
    other = issue("another CA", None, ca=True, days=(-30, 3650))
    signers = {
        "first": issue(names["first"], inter),
        "second": issue(names["second"], inter),
        "expired": issue(names["first"], inter, days=(-60, -1)),
        "foreign": issue(names["first"], other),
        "self": issue(names["first"], None),
    }
    tsa = issue("slagen test TSA", root, tsa=True)
    return Pki(
        root_pem=root.pem(folder / "root.pem"),
        other_root_pem=other.pem(folder / "other-root.pem"),
        signers={k: v.p12(folder / f"{k}.p12") for k, v in signers.items()},
        tsa=tsa,
    )
