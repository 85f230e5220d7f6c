"""``slagen sign`` and ``slagen verify`` with real certificates, real PDFs and a real git repo.

One example (it-service, two signatories) is rendered once in a git repository; the tests
sign copies of it and read them back with pyHanko, qpdf, pdfsig and pypdf.
"""

from __future__ import annotations

import http.server
import io
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
import yaml
from click.testing import Result
from conftest import AGREEMENTS, run
from sign_helpers import PASSPHRASE, Pki, make_pki

# WeasyPrint leaves its sRGB profile file open when it writes PDF/A (see test_render_cli); the
# suite turns that ResourceWarning into an error, so it is ignored here, and only it.
pytestmark = pytest.mark.filterwarnings(
    r"ignore:Exception ignored in.*sRGB2014\.icc:pytest.PytestUnraisableExceptionWarning"
)

NAMES = {"first": "Ingrid Vogel", "second": "Pieter de Vries"}
PDF_NAME = "it-service-2026-Q4.pdf"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_ENV},
    )
    return done.stdout.strip()


def one_style(text: str) -> str:
    """The example with only the tabular style and PDF, so a build renders one document."""
    data = yaml.safe_load(text)
    data["presentation"]["styles"] = ["tabular"]
    data["presentation"]["formats"] = ["pdf"]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    folder = tmp_path_factory.mktemp("pki")
    pki = make_pki(folder, NAMES)
    (folder / "pass").write_bytes(PASSPHRASE + b"\n")
    return pki


def passfile(pki: Pki) -> str:
    return str(pki.root_pem.parent / "pass")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding the example, committed, and its PDF/A rendered from there."""
    repo = tmp_path_factory.mktemp("repo")
    (repo / "agreements").mkdir()
    (repo / "agreements" / "it-service.yaml").write_text(
        one_style((AGREEMENTS / "it-service.yaml").read_text(encoding="utf-8")), encoding="utf-8"
    )
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "it-service")
    result = run(
        "render",
        str(repo / "agreements" / "it-service.yaml"),
        "--pdf-variant",
        "pdf/a-3b",
        "-o",
        str(repo / "out"),
    )
    assert result.exit_code == 0, result.output
    return repo


@pytest.fixture(scope="module")
def unsigned(repo: Path) -> bytes:
    return (repo / "out" / "it-service" / PDF_NAME).read_bytes()


def sign(pdf: Path, pki: Pki, key: str, person: str, *extra: str) -> Result:
    return run(
        "sign",
        str(pdf),
        "--key",
        str(pki.signers[key]),
        "--passphrase-file",
        passfile(pki),
        "--signatory",
        person,
        *extra,
    )


@pytest.fixture(scope="module")
def signed(repo: Path, pki: Pki, unsigned: bytes) -> Path:
    """The example signed by both signatories in turn, inside the repository."""
    pdf = repo / "out" / "signed" / PDF_NAME
    pdf.parent.mkdir()
    pdf.write_bytes(unsigned)
    first = sign(pdf, pki, "first", "ingrid")
    assert first.exit_code == 0, first.output
    assert "signed" in first.output and "PAdES B-B" in first.output
    after_first = pdf.read_bytes()
    second = sign(pdf, pki, "second", "pieter")
    assert second.exit_code == 0, second.output
    data = pdf.read_bytes()
    # incremental updates: each signature appends, the earlier bytes stay as they were
    assert data.startswith(after_first) and after_first.startswith(unsigned)
    return pdf


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder outside any git repository (no rebuild)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def verify(pdf: Path, pki: Pki, *extra: str) -> Result:
    return run("verify", str(pdf), "--trust", str(pki.root_pem), *extra)


def problems(result: Result) -> list[str]:
    return [
        line.removeprefix("problem: ") for line in result.output.splitlines() if line.startswith("problem: ")
    ]


def copy_of(signed: Path, folder: Path, data: bytes | None = None) -> Path:
    out = folder / "copy.pdf"
    out.write_bytes(signed.read_bytes() if data is None else data)
    return out


# --- the render ---------------------------------------------------------------------------


def test_the_render_places_an_empty_signature_field_on_each_signature_line(unsigned: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(unsigned))
    fields = {}
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/FT") == "/Sig":
                fields[a["/T"]] = (number, a)
    assert sorted(fields) == ["signature-ingrid", "signature-pieter"]
    last = len(reader.pages) - 1
    text = reader.pages[fields["signature-ingrid"][0]].extract_text()
    assert "Ingrid Vogel" in text and "Pieter de Vries" in text
    for name, (number, a) in fields.items():
        assert "/V" not in a, f"{name} should be empty"
        assert a["/F"] == 4 and "/N" in a["/AP"]  # printable, with an appearance (PDF/A)
        x1, y1, x2, y2 = (float(v) for v in a["/Rect"])
        box = reader.pages[number].mediabox
        assert 0 <= x1 < x2 <= float(box.width) and 0 <= y1 < y2 <= float(box.height)
        assert 100 < x2 - x1 < 300 and 10 < y2 - y1 < 30
        assert number <= last
    assert fields["signature-ingrid"][1]["/TU"] == "Signature of Ingrid Vogel for Stratus Cloud Services GmbH"
    facts = reader.trailer["/Root"]["/SlagenBuild"]
    assert facts["/Style"] == "tabular" and facts["/Period"] == "2026-Q4"
    assert facts["/Variant"] == "pdf/a-3b" and facts["/Source"] == "it-service.yaml"
    assert "git:" in facts["/Stamp"]


# --- signing in turn and verifying -----------------------------------------------------------


@pytest.mark.slow
def test_two_signatories_sign_in_turn_and_verify_passes_with_the_root_trusted(
    signed: Path, pki: Pki, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    result = verify(signed, pki)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "signature 1 in signature-ingrid: Ingrid Vogel (issued by slagen test intermediate CA)" in out
    assert "signature 2 in signature-pieter: Pieter de Vries" in out
    assert out.count("integrity: intact") == 2 and out.count("certificate: trusted") == 2
    assert "changed after it: only further signatures" in out and "changed after it: nothing" in out
    assert "rebuild: identical (the first revision is byte-identical to the rebuild of " in out
    assert "agreements/it-service.yaml at " in out
    assert "signed by: ingrid, pieter" in out and "not signed by: nobody" in out
    assert out.rstrip().endswith("OK: every check holds")


def test_verify_json_for_ci(signed: Path, pki: Pki, elsewhere: Path) -> None:
    result = verify(copy_of(signed, elsewhere), pki, "--format", "json")
    data = json.loads(result.output)
    # outside a repository the rebuild is skipped, which is no failure
    assert result.exit_code == 0 and data["ok"] is True and data["problems"] == []
    assert data["source"]["rebuild"] == "skipped"
    assert [s["person"] for s in data["signatures"]] == ["ingrid", "pieter"]
    assert all(s["intact"] and s["trust"] == "trusted" for s in data["signatures"])
    assert data["signed"] == ["ingrid", "pieter"] and data["unsigned"] == []


def test_pyhanko_qpdf_pdfsig_and_pypdf_agree(signed: Path, pki: Pki) -> None:
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    with signed.open("rb") as f:
        reader = PdfFileReader(f)
        sigs = reader.embedded_signatures
        assert [s.field_name for s in sigs] == ["signature-ingrid", "signature-pieter"]
        for s in sigs:
            vc = ValidationContext(trust_roots=[load_cert_from_pemder(str(pki.root_pem))])
            status = validate_pdf_signature(s, vc)
            assert status.bottom_line, status.pretty_print_details()
    qpdf = subprocess.run(["qpdf", "--check", str(signed)], capture_output=True, text=True)
    assert qpdf.returncode == 0, qpdf.stdout + qpdf.stderr
    assert "No syntax or stream encoding errors found" in qpdf.stdout
    pdfsig = subprocess.run(["pdfsig", str(signed)], capture_output=True, text=True)
    assert pdfsig.stdout.count("Signature Validation: Signature is Valid.") == 2, pdfsig.stdout
    assert "Signer Certificate Common Name: Ingrid Vogel" in pdfsig.stdout
    assert "Signer Certificate Common Name: Pieter de Vries" in pdfsig.stdout
    fields = pypdf.PdfReader(signed).get_fields() or {}
    assert {n for n, f in fields.items() if f.get("/FT") == "/Sig" and f.get("/V")} == {
        "signature-ingrid",
        "signature-pieter",
    }


def test_the_signed_pdf_stays_pdf_a_3b_and_shows_each_signature(signed: Path) -> None:
    reader = pypdf.PdfReader(signed)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3" pdfaid:conformance="B"' in xmp
    fonts = subprocess.run(["pdffonts", str(signed)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(r.split()[-5] == "yes" for r in rows), fonts  # every font embedded
    page = next(
        i
        for i, p in enumerate(reader.pages, 1)
        if any(a.get_object().get("/T") == "signature-ingrid" for a in p.get("/Annots") or [])
    )
    text = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(signed), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Digitally signed by Ingrid Vogel" in text
    assert "Digitally signed by Pieter de Vries" in text
    assert text.count("Date: 20") >= 2
    # the YAML's sign-off still decides the DRAFT mark and its line
    assert "Signed electronically on 21 September 2026" in text


# --- fail cases ------------------------------------------------------------------------------


def test_a_byte_changed_inside_the_signed_range_fails(signed: Path, pki: Pki, elsewhere: Path) -> None:
    data = bytearray(signed.read_bytes())
    # the binary comment on the second line is covered by every signature and read by no parser
    data[10] ^= 0x01
    result = verify(copy_of(signed, elsewhere, bytes(data)), pki)
    assert result.exit_code == 1
    found = problems(result)
    assert (
        "signature in signature-ingrid (Ingrid Vogel): the bytes it covers were changed, "
        "or the signature over them is not valid"
    ) in found
    assert "integrity: BROKEN" in result.output


def test_a_page_appended_after_signing_fails(signed: Path, pki: Pki, elsewhere: Path) -> None:
    writer = pypdf.PdfWriter(signed, incremental=True)
    writer.add_blank_page()
    out = elsewhere / "appended.pdf"
    with out.open("wb") as f:
        writer.write(f)
    assert out.read_bytes().startswith(signed.read_bytes())
    result = verify(out, pki)
    assert result.exit_code == 1
    found = problems(result)
    assert any(
        p.startswith(
            "signature in signature-pieter (Pieter de Vries): changed after it other than by further"
        )
        for p in found
    ), found
    assert "integrity: intact" in result.output  # the signed bytes themselves are unchanged


@pytest.mark.parametrize(
    ("key", "line"),
    [
        (
            "foreign",
            "signature in signature-ingrid (Ingrid Vogel): the certificate of Ingrid Vogel is not "
            "trusted: it does not chain to a trusted root given with --trust (issued by another CA)",
        ),
        (
            "expired",
            "signature in signature-ingrid (Ingrid Vogel): the certificate of Ingrid Vogel expired on ",
        ),
        (
            "self",
            "signature in signature-ingrid (Ingrid Vogel): the certificate of Ingrid Vogel is self-signed: "
            "it is not trusted",
        ),
    ],
)
def test_a_certificate_outside_the_trust_roots_or_expired_fails(
    unsigned: bytes, pki: Pki, elsewhere: Path, key: str, line: str
) -> None:
    pdf = elsewhere / PDF_NAME
    pdf.write_bytes(unsigned)
    assert sign(pdf, pki, key, "ingrid").exit_code == 0
    assert sign(pdf, pki, "second", "pieter").exit_code == 0
    result = verify(pdf, pki)
    assert result.exit_code == 1
    found = problems(result)
    assert any(p.startswith(line) for p in found), found
    assert len(found) == 1, found  # the other signature is fine


def test_an_untrusted_signature_without_trust_roots_says_so(signed: Path, elsewhere: Path) -> None:
    result = run("verify", str(signed))
    assert result.exit_code == 1
    assert (
        "signature in signature-ingrid (Ingrid Vogel): the certificate of Ingrid Vogel is not trusted: "
        "no trusted root was given (--trust CERT.pem); issued by slagen test intermediate CA"
    ) in problems(result)


def test_an_attachment_that_differs_from_its_stamp_fails(repo: Path, pki: Pki, elsewhere: Path) -> None:
    from slagen.agreement.load import load_agreement
    from slagen.render import render_html
    from slagen.render.pdf import PdfJob, write_pdf
    from slagen.render.pdf_finish import slots_and_facts

    path = repo / "agreements" / "it-service.yaml"
    loaded = load_agreement(path)
    rendered = render_html(loaded, style="tabular")
    edited = path.read_bytes().replace(b"title: ", b"title: Edited ", 1)
    slots, facts = slots_and_facts(rendered.context, path.name, rendered.when, None, custom_templates=False)
    job = PdfJob(
        base_url=path.parent.as_uri() + "/",
        roots=rendered.roots,
        source_name=path.name,
        source=edited,
        when=rendered.when,
        slots=slots,
        facts=facts,
    )
    pdf = elsewhere / PDF_NAME
    pdf.write_bytes(write_pdf(rendered.html, job))
    assert sign(pdf, pki, "first", "ingrid").exit_code == 0
    assert sign(pdf, pki, "second", "pieter").exit_code == 0
    result = verify(pdf, pki)
    assert result.exit_code == 1
    found = problems(result)
    assert len(found) == 1, found
    assert found[0].startswith("the attached it-service.yaml (sha256:")
    assert f"is not the one its stamp names ({rendered.context.stamp})" in found[0]


@pytest.mark.slow
def test_a_first_revision_that_is_not_the_rebuild_at_its_commit_fails(
    tmp_path: Path, pki: Pki, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / "agreements").mkdir(parents=True)
    yaml_path = repo / "agreements" / "it-service.yaml"
    yaml_path.write_text(one_style((AGREEMENTS / "it-service.yaml").read_text(encoding="utf-8")), "utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "it-service")
    commit = git(repo, "log", "-1", "--format=%h", "--abbrev=12")
    # an edited YAML that git is told to ignore: the stamp still names the commit
    git(repo, "update-index", "--assume-unchanged", "agreements/it-service.yaml")
    yaml_path.write_text(yaml_path.read_text("utf-8").replace("title: ", "title: Edited ", 1), "utf-8")
    assert run("render", str(yaml_path), "-o", str(repo / "out")).exit_code == 0
    pdf = repo / "out" / "it-service" / PDF_NAME
    assert sign(pdf, pki, "first", "ingrid").exit_code == 0
    assert sign(pdf, pki, "second", "pieter").exit_code == 0
    monkeypatch.chdir(repo)
    result = verify(pdf, pki)
    assert result.exit_code == 1
    found = problems(result)
    assert len(found) == 1, found
    assert found[0].startswith("the first revision (")
    assert (
        f"differs from the rebuild of agreements/it-service.yaml at {commit} (tabular, 2026-Q4)" in found[0]
    )


def test_verify_rebuilds_at_the_commit_given_with_rev(
    signed: Path, pki: Pki, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    result = verify(signed, pki, "--rev", "0123456789ab")
    assert result.exit_code == 1
    assert f"commit 0123456789ab is not in the repository {repo}" in problems(result)


def test_a_signatory_not_in_the_agreement_cannot_sign(unsigned: bytes, pki: Pki, elsewhere: Path) -> None:
    pdf = elsewhere / PDF_NAME
    pdf.write_bytes(unsigned)
    result = sign(pdf, pki, "first", "mallory")
    assert result.exit_code == 1
    assert (
        f"Error: {pdf}: 'mallory' is not a signatory of it-service (its signatories: ingrid, pieter); "
        "nothing was signed"
    ) in result.output
    assert pdf.read_bytes() == unsigned


def test_a_signature_outside_the_signatories_fields_fails(unsigned: bytes, pki: Pki, elsewhere: Path) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import PdfSignatureMetadata, PdfSigner, SimpleSigner
    from pyhanko.sign.fields import SigFieldSpec

    signer = SimpleSigner.load_pkcs12_data(pki.signers["first"].read_bytes(), (), PASSPHRASE)
    writer = IncrementalPdfFileWriter(io.BytesIO(unsigned))
    out = PdfSigner(
        PdfSignatureMetadata(field_name="approval"), signer, new_field_spec=SigFieldSpec("approval")
    ).sign_pdf(writer)
    pdf = elsewhere / PDF_NAME
    pdf.write_bytes(out.getvalue())
    result = verify(pdf, pki)
    assert result.exit_code == 1
    found = problems(result)
    assert (
        "signature in approval (Ingrid Vogel) is not in a signatory's field of it-service "
        "(its signatories: ingrid, pieter)"
    ) in found
    assert "not signed by: ingrid, pieter" in found


def test_a_wrong_passphrase_is_a_usage_error_and_writes_nothing(
    unsigned: bytes, pki: Pki, elsewhere: Path
) -> None:
    pdf = elsewhere / PDF_NAME
    pdf.write_bytes(unsigned)
    wrong = elsewhere / "wrong"
    wrong.write_text("not it\n")
    result = run(
        "sign",
        str(pdf),
        "--key",
        str(pki.signers["first"]),
        "--passphrase-file",
        str(wrong),
        "--signatory",
        "ingrid",
    )
    assert result.exit_code == 2
    assert (
        f"--key: {pki.signers['first']} could not be opened with the passphrase in {wrong}: a wrong "
        "passphrase, or not a PKCS#12 file; nothing was signed"
    ) in result.output
    assert pdf.read_bytes() == unsigned
    assert sorted(p.name for p in elsewhere.iterdir()) == [PDF_NAME, "wrong"]


def test_signing_a_field_twice_is_refused(signed: Path, pki: Pki, elsewhere: Path) -> None:
    pdf = copy_of(signed, elsewhere)
    before = pdf.read_bytes()
    result = sign(pdf, pki, "first", "ingrid")
    assert result.exit_code == 1
    assert "ingrid has already signed (field 'signature-ingrid'); nothing was signed" in result.output
    assert pdf.read_bytes() == before


def test_verify_lists_who_has_not_signed(unsigned: bytes, pki: Pki, elsewhere: Path) -> None:
    pdf = elsewhere / PDF_NAME
    pdf.write_bytes(unsigned)
    assert sign(pdf, pki, "first", "ingrid").exit_code == 0
    result = verify(pdf, pki)
    assert result.exit_code == 1
    assert problems(result) == ["not signed by: pieter"]
    assert "signed by: ingrid" in result.output


# --- bad input -------------------------------------------------------------------------------


def test_bad_files_give_clear_errors(unsigned: bytes, pki: Pki, elsewhere: Path) -> None:
    text = elsewhere / "notes.pdf"
    text.write_text("just some text\n")
    truncated = elsewhere / "truncated.pdf"
    truncated.write_bytes(unsigned[: len(unsigned) // 2])
    bare = elsewhere / "bare.pdf"
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with bare.open("wb") as f:
        writer.write(f)
    cases = {
        text: f"Error: {text}: not a PDF (it does not start with %PDF-)",
        truncated: f"Error: {truncated}: the PDF is truncated (no %%EOF marker at its end)",
        bare: f"Error: {bare}: no agreement YAML is attached to the PDF (attachments: none); slagen render attaches it",
    }
    for path, line in cases.items():
        for result in (verify(path, pki), sign(path, pki, "first", "ingrid")):
            assert result.exit_code == 1, result.output
            assert line in result.output
            assert "Traceback" not in result.output
    missing = run("verify", str(elsewhere / "nope.pdf"))
    assert missing.exit_code == 2 and f"{elsewhere / 'nope.pdf'}: no such file" in missing.output
    bad_trust = run("verify", str(bare), "--trust", str(text))
    assert bad_trust.exit_code == 2 and f"--trust: {text} is not a PEM or DER certificate" in bad_trust.output


# --- PAdES B-T -------------------------------------------------------------------------------


@pytest.fixture
def tsa(pki: Pki) -> Iterator[str]:
    """pyHanko's dummy time-stamp authority served over HTTP on 127.0.0.1."""
    from asn1crypto import keys, tsp, x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    cert = x509.Certificate.load(pki.tsa.cert.public_bytes(serialization.Encoding.DER))
    key = keys.PrivateKeyInfo.load(
        pki.tsa.key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    stamper = DummyTimeStamper(cert, key)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            reply = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_time_stamp_makes_it_b_t(unsigned: bytes, pki: Pki, elsewhere: Path, tsa: str) -> None:
    pdf = elsewhere / PDF_NAME
    pdf.write_bytes(unsigned)
    result = sign(pdf, pki, "first", "ingrid", "--timestamp-url", tsa)
    assert result.exit_code == 0, result.output
    assert "PAdES B-T (time-stamped)" in result.output
    assert sign(pdf, pki, "second", "pieter", "--timestamp-url", tsa).exit_code == 0
    result = verify(pdf, pki, "--format", "json")
    data = json.loads(result.output)
    assert result.exit_code == 0, data["problems"]
    assert [s["timestamped"] for s in data["signatures"]] == [True, True]
    text = verify(pdf, pki).output
    assert (
        "signature 1 in signature-ingrid: Ingrid Vogel (issued by slagen test intermediate CA), PAdES B-T"
        in text
    )


def test_an_unreachable_time_stamp_server_writes_nothing(unsigned: bytes, pki: Pki, elsewhere: Path) -> None:
    pdf = elsewhere / PDF_NAME
    pdf.write_bytes(unsigned)
    result = sign(pdf, pki, "first", "ingrid", "--timestamp-url", "http://127.0.0.1:9/")
    assert result.exit_code == 1
    assert "the time-stamp server at http://127.0.0.1:9/ failed" in result.output
    assert "nothing was signed" in result.output
    assert pdf.read_bytes() == unsigned


# --- the guard -------------------------------------------------------------------------------


@pytest.mark.slow
def test_build_and_render_never_overwrite_a_signed_pdf(
    tmp_path: Path, pki: Pki, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "agreements"
    folder.mkdir()
    source = folder / "it-service.yaml"
    source.write_text(one_style((AGREEMENTS / "it-service.yaml").read_text(encoding="utf-8")), "utf-8")
    assert run("build", str(folder), "-o", "output").exit_code == 0
    pdf = tmp_path / "output" / "it-service" / PDF_NAME
    assert sign(pdf, pki, "first", "ingrid").exit_code == 0
    signed = pdf.read_bytes()

    same = run("build", str(folder), "-o", "output", "--force")
    assert same.exit_code == 0, same.output
    assert f"note: {Path('output') / 'it-service' / PDF_NAME} carries digital signatures; left as it is" in (
        same.output
    )
    assert pdf.read_bytes() == signed

    source.write_text(source.read_text("utf-8").replace("title: ", "title: Revised ", 1), "utf-8")
    forced = run("build", str(folder), "-o", "output", "--force")
    assert forced.exit_code == 1
    assert (
        f"{Path('output') / 'it-service' / PDF_NAME} carries digital signatures and its inputs changed"
        in (forced.output)
    )
    assert "(pass --replace-signed to replace it; the signed file is kept aside)" in forced.output
    assert pdf.read_bytes() == signed

    rendered = run("render", str(source), "-o", "output")
    assert rendered.exit_code == 1
    assert "carries digital signatures; slagen render never overwrites it" in rendered.output
    assert pdf.read_bytes() == signed

    replaced = run("build", str(folder), "-o", "output", "--replace-signed")
    assert replaced.exit_code == 0, replaced.output
    aside = list((tmp_path / "output" / "it-service" / ".signed").glob("it-service-2026-Q4.replaced-*.pdf"))
    assert len(aside) == 1 and aside[0].read_bytes() == signed
    assert f"was moved to {aside[0].relative_to(tmp_path)}" in replaced.output
    assert b"/ByteRange" not in pdf.read_bytes()
    assert "Revised" in (pypdf.PdfReader(pdf).metadata or {}).get("/Title", "")


def test_signing_imports_nothing_until_used() -> None:
    """`slagen check` and rendering never import pyHanko or cryptography."""
    code = (
        "import sys, slagen.cli, slagen.render, slagen.build, slagen.sign.fields; "
        "bad = [m for m in ('pyhanko', 'pyhanko_certvalidator', 'cryptography') if m in sys.modules]; "
        "print(bad)"
    )
    done = subprocess.run(
        [shutil.which("python3") or "python3", "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
