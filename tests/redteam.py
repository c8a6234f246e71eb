"""The second red team's hostile inputs (issue 35), kept as generators so that the next
round starts from them: the tests build them in temporary folders, and

    make redteam            # or: .venv/bin/python -m tests.redteam redteam/

writes them to a folder, one event per file, for runs by hand (`summarize run --input
redteam/events`, `summarize run --group --input redteam/stream`).

Each entry is a file that once stopped a run, hung it, cost its event or came out
mangled; beside it, in every event, good articles that must still give a briefing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

STORY = ("The city council approved the new transport budget on Monday after a long debate "
         "about fares. The plan adds three bus lines and repairs the old tram bridge over "
         "the river before winter. Opponents said the fares would rise too fast for "
         "families on low incomes in the northern districts.")


def feed(*entries: dict) -> bytes:
    """A JSON feed of these entries, non-ASCII characters as \\u escapes (as JSON writers
    often send them: a lone surrogate can only arrive that way)."""
    return json.dumps(list(entries)).encode("ascii")


def page(body: str, head: str = "") -> bytes:
    return (f"<html><head>{head}<title>Budget</title></head><body><article>{body}"
            "</article></body></html>").encode()


def hostile_files() -> dict[str, bytes]:
    """File name -> content: one hostile file each."""
    attributes = " ".join(f'a{i}="x"' for i in range(200_000))
    return {
        # a lone surrogate, which UTF-8 cannot encode, in a title and in a story
        "surrogate.json": feed({"title": "Budget \udfff passes",
                                "text": STORY.replace("debate", "debate \ud800")}),
        # 2.4 MB: one element with 200,000 attributes, which lxml parses in quadratic time
        "attributes.html": page(f"<p {attributes}>{STORY}</p>"),
        # declared encodings that Python knows and that fail with UnicodeError
        "undefined.html": page(f"<p>{STORY}</p>", '<meta charset="undefined">'),
        "punycode.html": page(f"<p>{STORY}</p>", '<meta charset="punycode">'),
        # an integer longer than Python reads (4,300 digits)
        "bigint.json": b'[{"text": "' + STORY.encode() + b'", "n": ' + b"9" * 5000 + b"}]",
        # front matter: a title nested 3,000 deep, tags with impossible values
        "deep.md": ("---\ntitle: " + "[" * 3000 + "]" * 3000 + "\n---\n" + STORY).encode(),
        "timestamp.md": f"---\npublished: !!timestamp 'garbage'\n---\n{STORY}".encode(),
        "bool.md": f"---\ntitle: !!bool maybe\n---\n{STORY}".encode(),
    }


def write_corpus(root: Path) -> None:
    """`root/events/<file>/`: each hostile file beside two good articles, as an event
    folder; `root/stream/`: every hostile file and the good articles, as one stream."""
    good = {"good-1.txt": STORY.encode(), "good-2.txt": STORY.replace("Monday",
                                                                       "Tuesday").encode()}
    for name, content in hostile_files().items():
        folder = root / "events" / name.replace(".", "-")
        folder.mkdir(parents=True, exist_ok=True)
        for file, text in {**good, name: content}.items():
            (folder / file).write_bytes(text)
    stream = root / "stream"
    stream.mkdir(parents=True, exist_ok=True)
    for file, text in {**good, **hostile_files()}.items():
        (stream / file).write_bytes(text)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.redteam FOLDER")
    write_corpus(Path(sys.argv[1]))
