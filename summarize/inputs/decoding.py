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
                return damaged_utf8(raw[len(bom):]) if encoding == "utf-8-sig" else None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        damaged = damaged_utf8(raw)
        if damaged is not None:
            return damaged
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


def damaged_utf8(raw: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bytes that spell no character (a file cut or patched, a feed
    assembled from several sources), read as UTF-8 with U+FFFD for each: the "encoding"
    says how many, for the run report. None when the bytes do not read as UTF-8.

    Text in another encoding almost never holds a valid UTF-8 sequence of two bytes or
    more by chance (Dürst 1997, "The properties and promises of UTF-8"): the file is
    taken for UTF-8 when its valid multi-byte sequences are at least as many as its
    invalid ones. Before, one invalid byte in a UTF-8 feed made the whole of it decode as
    a legacy code page ("Café" became "CafĂŠ"), reported nowhere. No file of
    ../shared/eval that is not UTF-8 (gzipped or not) is taken for it."""
    text = raw.decode("utf-8", "replace")
    if "\x00" in text:
        return None
    replacements = text.count("\ufffd")
    invalid = replacements - raw.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", "ignore")) - replacements
    if not 0 < invalid <= valid:
        return None
    return text, f"utf-8, {invalid} invalid byte sequence{'s' if invalid > 1 else ''} replaced"
