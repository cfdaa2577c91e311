"""What the site's publisher says of itself, given as `factcheck site`'s options: the
corrections policy (`--corrections`) and where readers report an error (`--contact`).

Neither can be made from the dataset, and a fact-check without them cannot be held to
account, so both are required and checked before the dataset is loaded, as the site's
address is: a value the pages cannot use is refused in one line (`ExportError`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from factcheck.exports.base import ExportError

_GIVE_POLICY = "give the corrections policy's text, or a file holding it"
# An address someone can write to: something@host.tld, with no space or angle bracket that
# would make it two addresses or break the mailto: link.
_EMAIL = re.compile(r"[^@\s<>]+@[^@\s<>.]+(\.[^@\s<>.]+)+")
_HTTP = re.compile(r"https?://[^\s/]+\S*")


@dataclass(frozen=True)
class Policies:
    """The corrections policy's text (paragraphs separated by a blank line) and the contact:
    an email address or an absolute http(s) address. Constructing one checks both."""

    corrections: str
    contact: str

    def __post_init__(self) -> None:
        if not self.corrections.strip():
            raise ExportError(f"--corrections must not be empty: {_GIVE_POLICY}")
        if not (self.is_email or _HTTP.fullmatch(self.contact)):
            raise ExportError(
                "--contact must be an email address or an absolute http(s) address, "
                f"not {self.contact!r}"
            )

    @property
    def is_email(self) -> bool:
        return _EMAIL.fullmatch(self.contact) is not None

    @property
    def contact_href(self) -> str:
        """The contact as a link's address."""
        return f"mailto:{self.contact}" if self.is_email else self.contact

    @property
    def paragraphs(self) -> list[str]:
        """The policy's paragraphs, each on one line as the page sets it."""
        parts = re.split(r"\n\s*\n", self.corrections.strip())
        return [" ".join(part.split()) for part in parts if part.strip()]


def read_policies(corrections: str, contact: str) -> Policies:
    """The policies as the options give them. `corrections` is a file when it names one, or
    when it has no space (a policy is sentences, a single word is a file name mistyped):
    then the file must be there and hold UTF-8 text. Raises `ExportError`."""
    return Policies(_policy_text(corrections), contact.strip())


def _policy_text(value: str) -> str:
    if not value.strip():
        return value  # refused as empty by `Policies`
    if not _names_file(value):
        if re.search(r"\s", value.strip()):
            return value
        raise ExportError(f"--corrections: {value} is not a file ({_GIVE_POLICY})")
    try:
        text = Path(value).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ExportError(f"--corrections: {value} is not UTF-8 text") from None
    except OSError as error:
        raise ExportError(f"--corrections: {value} cannot be read: {error.strerror}") from None
    if not text.strip():
        raise ExportError(f"--corrections: {value} is empty ({_GIVE_POLICY})")
    return text


def _names_file(value: str) -> bool:
    """Whether `value` is the path of a file; a policy's text may be too long to be a path."""
    try:
        return Path(value).is_file()
    except (OSError, ValueError):
        return False
