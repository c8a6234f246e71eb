"""Atomic output: every file a run writes goes to a temporary file in its folder, is
flushed to disk, then renamed over the old one, so that a reader, or a run killed at any
moment, sees the old or the new complete file; the next run removes stray temporaries."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# The file each output format writes per event.
SUFFIXES = {"markdown": ".md", "json": ".json", "html": ".html"}
_TEMPORARY_SUFFIX = ".tmp"
# A file name holds 255 bytes on the usual file systems (ext4, XFS, btrfs, APFS); tempfile
# adds 8 random characters to a temporary's.
NAME_BYTES = 255
_RANDOM_CHARACTERS = 8


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Briefings are for people to read: files get the usual mode (mkstemp's is 0600).
FILE_MODE = 0o666 & ~_current_umask()


def write_atomic(path: Path, text: str) -> None:
    """Write one file through a temporary file in its folder and a rename."""
    write_files_atomic({path: text})


def write_files_atomic(files: dict[Path, str]) -> None:
    """Write every file to a temporary file in its folder, flush them all to disk, then
    rename each over its target: a failure while writing (a full disk) changes nothing."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in files.items():
            handle, temporary = tempfile.mkstemp(dir=path.parent,
                                                 prefix=_temporary_prefix(path.name),
                                                 suffix=_TEMPORARY_SUFFIX)
            staged.append((temporary, path))
            os.fchmod(handle, FILE_MODE)
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
        for temporary, path in staged:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
        raise


def _temporary_prefix(name: str) -> str:
    """".<name>.", as much of the name's end as a file name has room for beside the random
    characters and ".tmp" (the end holds the suffix `remove_temporaries` looks for): a
    briefing named after a 250-character folder could not be written."""
    room = NAME_BYTES - len("..") - _RANDOM_CHARACTERS - len(_TEMPORARY_SUFFIX)
    return "." + name.encode()[-room:].decode(errors="ignore") + "."


def remove_temporaries(folder: Path) -> list[Path]:
    """Temporary files a killed run left behind: only the names `write_files_atomic` gives
    (`.<slug>.md.<random>.tmp`, `.index.xml.<random>.tmp`, …), never another file."""
    removed = []
    for suffix in (*SUFFIXES.values(), ".xml"):
        pattern = f".*{suffix}.*{_TEMPORARY_SUFFIX}"
        for path in sorted(folder.glob(pattern)):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed

