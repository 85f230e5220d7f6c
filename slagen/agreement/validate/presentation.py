"""How the document looks: the logo is an image inside the agreement's folder."""

from __future__ import annotations

from collections.abc import Iterator

from slagen.util.files import resolve

from .registry import Context, Finding, check


@check("logo-path", "the logo is an existing file inside the agreement's folder")
def logo_path(ctx: Context) -> Iterator[Finding]:
    """A logo path that leads outside the agreement's folder, or to no file."""
    logo_name = ctx.agreement.presentation.logo
    if logo_name is None:
        return
    base = (resolve(ctx.file) or ctx.file.absolute()).parent
    logo = resolve(base / logo_name)
    if logo is None:
        yield Finding(
            ("presentation", "logo"),
            f"expected an image file, got {logo_name!r}, a name too long or a loop of symbolic links",
        )
    elif not logo.is_relative_to(base):
        yield Finding(
            ("presentation", "logo"),
            f"expected a path inside the agreement's folder, got {logo_name!r}, which leads outside it",
        )
    elif not logo.is_file():
        yield Finding(
            ("presentation", "logo"),
            f"expected an image file, got {logo_name!r}, which does not exist",
        )
