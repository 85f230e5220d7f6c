"""Digital signatures: ``slagen sign`` and ``slagen verify`` (PAdES, with pyHanko).

The render (:mod:`slagen.render.pdf_finish`) gives each signatory an empty signature field on
their signature line and records the build facts in the PDF. Here, one module per step:
:mod:`.document` opens a PDF and reads its attached agreement and build facts, :mod:`.fields`
finds the signatories' fields (and tells, without pyHanko, whether a file carries signatures),
:mod:`.keys` reads a PKCS#12 key, :mod:`.tsa` asks an RFC 3161 time-stamp server,
:mod:`.sign` signs one field as an incremental update, :mod:`.verify` checks every signature
and the source, :mod:`.rebuild` builds the first revision again at its commit, and
:mod:`.report` prints the verdict as text or JSON.

pyHanko, pyhanko-certvalidator and cryptography are imported only inside these functions, so
no other command loads them.
"""
