"""What a run remembers between runs, in the output folder: each event's fingerprint and
what its readers have seen (`.state.json`), and the journal of the events built since the
state was last saved (`.state.journal`)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from summarize.errors import OutputError
from summarize.inputs import saved
from summarize.outputs.changes import History, Version
from summarize.runs.files import FILE_MODE, write_atomic

log = logging.getLogger(__name__)

STATE_FILE = ".state.json"
# Each event's state entry as its briefing is written, replayed into the state by the
# next load (`StateJournal`): the state file is rewritten once a run, not once an event.
JOURNAL_FILE = ".state.journal"
STATE_VERSION = 2


# -- fingerprints and state ---------------------------------------------------------------

# A file changed within this long before its bytes were read may change again without its
# times moving (FAT keeps modification times to 2 s, some network file systems to 1 s):
# its listing is not trusted, and the next run reads its bytes again (git's "racily clean"
# entries, Documentation/technical/racy-git.txt).
RACY_NANOSECONDS = 2_000_000_000


def event_fingerprint(folder: Path, config_hash: str, known: dict[str, Any] | None = None,
                      ) -> tuple[str, dict[str, str]]:
    """The fingerprint of the event's files' names and bytes with the config's, and what
    the state keeps to skip reading them next time: a digest of their listing (name, size,
    inode, modification and change times) and of their content. When the listing is the
    one `known` recorded, its content digest is reused and no file is read; as git and
    make do, a file whose times and size stay the same is taken as unchanged."""
    listing = _listing_digest(folder)
    if listing is not None and known and known.get("listing") == listing \
            and isinstance(known.get("content"), str):
        content = known["content"]
    else:
        content = _content_digest(folder)
    record = {"content": content} if listing is None else {"listing": listing,
                                                            "content": content}
    fingerprint = hashlib.sha256(f"{config_hash}\0{content}".encode()).hexdigest()
    return fingerprint, record


def _listing_digest(folder: Path) -> str | None:
    """A digest of what `stat` says of each entry; None when the folder cannot be listed
    or an entry changed too recently to be trusted (RACY_NANOSECONDS)."""
    trusted_before = time.time_ns() - RACY_NANOSECONDS
    digest = hashlib.sha256()
    try:
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            info = entry.stat()  # follows links, as reading the file does
            if max(info.st_mtime_ns, info.st_ctime_ns) >= trusted_before:
                return None
            digest.update(f"{entry.name}\0{info.st_mode}\0{info.st_size}\0{info.st_ino}\0"
                          f"{info.st_mtime_ns}\0{info.st_ctime_ns}\0"
                          .encode(errors="surrogateescape"))
    except OSError:  # unreadable or vanishing: the content digest says what happened
        return None
    return digest.hexdigest()


def _content_digest(folder: Path) -> str:
    """The names and bytes of the event's files."""
    digest = hashlib.sha256()
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as error:  # an unreadable event folder: its build will fail and say why
        digest.update(f"unreadable folder: {error.strerror}".encode())
        return digest.hexdigest()
    for path in entries:
        digest.update(b"\0" + path.name.encode(errors="surrogateescape") + b"\0")
        if path.is_file():
            try:
                with path.open("rb") as stream:  # in chunks: a huge file never sits in memory
                    for chunk in iter(lambda: stream.read(1 << 20), b""):
                        digest.update(chunk)
            except OSError as error:  # unreadable now: the build will report it
                digest.update(f"unreadable: {error.strerror}".encode())
    return digest.hexdigest()


def load_state(folder: Path) -> dict[str, dict]:
    """Event slug -> {"fingerprint", "listing", "content", "skipped", "decoded",
    "first_written", "current", "previous", "index"}: the state file, then the entries a
    run that did not finish left in the journal (`StateJournal`). Every name and value is
    checked (summarize/inputs/saved.py): OutputError when either file is damaged."""
    events = _saved_state(folder)
    path = folder / JOURNAL_FILE
    try:
        journal = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return events
    except OSError as error:
        log.warning("%s: unreadable (%s), its events will be rebuilt", path,
                    error.strerror or error)
        return events
    for number, line in enumerate(journal.split("\n"), start=1):
        try:
            recorded = saved.parse(line)
        except saved.Damaged:  # empty, or cut short by a kill or a full disk
            continue
        try:
            slug, entry = saved.fixed(recorded, 2, f"line {number}")
            events[saved.slug(slug, f"line {number}")] = checked_entry(entry, slug)
        except saved.Damaged as error:
            raise _damaged(path, str(error)) from None
    return events


def _saved_state(folder: Path) -> dict[str, dict]:
    """The state file's events; empty when absent or of another version."""
    path = folder / STATE_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise OutputError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        data = saved.expect(saved.parse(raw.decode("utf-8")), dict, "the file")
        if data.get("version") != STATE_VERSION:  # an older tool's: rebuilt
            return {}
        events = saved.expect(data.get("events"), dict, "events")
        for slug, entry in events.items():
            checked_entry(entry, saved.slug(slug, "events"))
    except UnicodeDecodeError as error:
        raise _damaged(path, f"not UTF-8 text: byte {error.start}") from None
    except saved.Damaged as error:
        raise _damaged(path, str(error)) from None
    return events


def _damaged(path: Path, problem: str) -> OutputError:
    return OutputError(f"{path} is damaged ({problem}); move it away to rebuild every "
                       "briefing (what readers are shown as new starts over)")


def checked_entry(entry: object, slug: str) -> dict[str, Any]:
    """An event's state entry, every value this code reads checked; saved.Damaged if not."""
    where = f"events[{slug!r}]"
    entry = saved.expect(entry, dict, where)
    saved.text(entry.get("fingerprint"), f"{where}.fingerprint")
    for key in ("listing", "content"):
        saved.optional(saved.text)(entry.get(key), f"{where}.{key}")
    for key in ("skipped", "decoded"):
        saved.items(entry.get(key, []), f"{where}.{key}", saved.pair)
    saved.optional(saved.time)(entry.get("first_written"), f"{where}.first_written")
    for key in ("current", "previous"):
        saved.optional(_version)(entry.get(key), f"{where}.{key}")
    saved.optional(_index_record)(entry.get("index"), f"{where}.index")
    return entry


def _version(value: object, where: str) -> dict[str, Any]:
    record = saved.expect(value, dict, where)
    saved.time(record.get("written"), f"{where}.written")
    saved.items(record.get("sentences"), f"{where}.sentences", saved.text)
    return record


def _index_record(value: object, where: str) -> dict[str, Any]:
    """What `outputs.site.index_record` keeps of a briefing for the index and the feed."""
    record = saved.expect(value, dict, where)
    for key in ("title", "lead"):
        saved.text(record.get(key), f"{where}.{key}")
    for key in ("articles", "sources", "outlets"):
        saved.count(record.get(key), f"{where}.{key}")
    saved.items(record.get("new"), f"{where}.new", saved.text)
    saved.optional(saved.time)(record.get("since"), f"{where}.since")
    if record.get("dates") is not None:
        dates = saved.expect(record["dates"], dict, f"{where}.dates")
        for key in ("first", "last"):
            saved.date(dates.get(key), f"{where}.dates.{key}")
    return record


def history_of(known: dict[str, Any]) -> History:
    return History(Version.from_state(known.get("current")),
                   Version.from_state(known.get("previous")))


def save_state(folder: Path, events: dict[str, dict], *, unless_unchanged: bool = False,
               ) -> None:
    """Write the state file; with `unless_unchanged`, not when it already holds these
    events (a run with nothing to build writes and flushes nothing but its report)."""
    data = {"version": STATE_VERSION, "events": events}
    # Compact: json's C encoder (an indented dump runs in Python, 3x slower), on a file
    # that grows with the events. Keys sorted: an entry's keys come in the order its run
    # set them, and a run that finds nothing changed sets "listing" anew, which must not
    # make the same state read as a new one (and be rewritten and flushed every hour).
    text = json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n"
    path = folder / STATE_FILE
    if unless_unchanged:
        try:
            if path.read_text(encoding="utf-8") == text:
                return
        except (OSError, UnicodeDecodeError):  # absent or unreadable: written below
            pass
    write_atomic(path, text)


def commit_state(folder: Path, events: dict[str, dict], *, unless_unchanged: bool = False,
                 ) -> None:
    """Save the state (`save_state`), then drop the journal it now holds."""
    save_state(folder, events, unless_unchanged=unless_unchanged)
    (folder / JOURNAL_FILE).unlink(missing_ok=True)


class StateJournal:
    """Records each event's state entry as soon as its briefing is written, so that a run
    killed later does not redo it: one line appended and flushed to disk per event.
    (Rewriting the state file each time cost time that grows with the events known: 0.13 s
    an event at 10,000, so that a first run over them would spend 11 minutes on it.)
    `load_state` replays the lines; `commit_state` folds them into the state file and
    removes the journal. Each line starts with a newline: one cut short by a kill or a
    full disk never runs into the next, and is skipped."""

    def __init__(self, folder: Path):
        self.path = folder / JOURNAL_FILE
        self._descriptor: int | None = None

    def record(self, slug: str, entry: dict[str, Any]) -> None:
        if self._descriptor is None:
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
            self._descriptor = os.open(self.path, flags, FILE_MODE)
        line = "\n" + json.dumps([slug, entry], separators=(",", ":"))
        data = line.encode("utf-8", "surrogateescape")
        while data:
            data = data[os.write(self._descriptor, data):]
        os.fsync(self._descriptor)

    def close(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


