"""Bytes to text: articles come in every encoding their sites used.

Byte-order marks are believed first (UTF-8, UTF-16, UTF-32); then valid UTF-8, which almost
never happens by accident in another encoding; anything else is handed to charset-normalizer,
which tries every encoding Python knows and keeps the one whose text reads most like a
language (its "mess" and coherence measures). Binary files are refused.
"""

from __future__ import annotations

import codecs
import re

# Checked longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
UTF8 = ("utf-8", "utf-8-sig")
# Half of a UTF-16 surrogate pair on its own is no character (JSON's "\\udfff" spells one);
# UTF-8 cannot encode it, and a briefing holding it could not be written.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Legacy code pages preferred, in this order, when they give exactly the detected text.
COMMON_LEGACY = ("cp1252", "cp1251", "latin-1")


def decode(raw: bytes) -> tuple[str, str] | None:
    """Text and encoding name of an article's bytes, or None when it is not text."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return (None if "\x00" in text else (text, "utf-8"))
    from charset_normalizer import from_bytes  # imported on first use: 0.1 s

    best = from_bytes(raw).best()
    if best is None:
        return None  # no encoding gives readable text: a binary file
    text = str(best)
    if "\x00" in text:
        return None
    # Short texts often decode the same in several code pages; name the commonest one.
    for common in COMMON_LEGACY:
        try:
            if raw.decode(common) == text:
                return text, common
        except UnicodeDecodeError:
            continue
    return text, best.encoding


def valid_text(text: str) -> str:
    """The text with every lone surrogate replaced by U+FFFD, as a decoder replaces bytes
    that spell no character: what an escape in a JSON or YAML string can leave behind."""
    return _LONE_SURROGATE.sub("\ufffd", text)
