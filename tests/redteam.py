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
        # a weekday before the first day of the calendar (0001-01-01 is a Monday)
        "weekday.md": (f"---\npublished: 0001-01-01\n---\n{STORY} The mayor spoke on "
                       "Tuesday about the plan.").encode(),
        # one entry repeating a sentence: its pairs of sentences grow with the square
        "repeated.json": feed({"title": "Budget", "text": (STORY.split(". ")[0] + ". ")
                               * 5_000}),
        # what XML and terminals cannot take, in titles and text
        "controls.json": feed(*({"title": f"Budget{c}passes", "outlet": f"Daily{c}News",
                                 "text": STORY.replace("debate", f"debate{c}")}
                                for c in ("\v", "\x1b[31m", "\x1b]0;pwned\x07", "\x01",
                                          "\x85", "\uffff", "\u2028"))),
        # valid data once mangled: U+2028 inside a JSON Lines entry, one invalid byte in
        # UTF-8, a reference to a control character, brackets inside a story
        "separators.jsonl": (json.dumps({"title": "A\u2029B", "text": STORY.replace(
            ". ", ".\u2028", 1)}, ensure_ascii=False) + "\n" + json.dumps(
            {"text": STORY}) + "\n").encode(),
        "damaged.json": json.dumps([{"title": "Café crème", "text": STORY + " Señora "
                                     "Núñez agreed."}], ensure_ascii=False).encode()
                        .replace(b"agreed", b"agr\xffeed"),
        "reference.html": page(f"<p>{STORY}&#x0B;</p>"),
        "brackets.json": feed({"text": STORY + ' Its code was "' + "[" * 70 + '".'}),
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


# -- the output folder's own files, tampered with -----------------------------------------

def tampered_groupings(text: str) -> dict[str, str]:
    """Case -> a `.groups.json` (given as written by a run that grouped one article at
    least) with one name or value changed as an attacker or a damaged disk would."""
    def changed(edit) -> str:  # type: ignore[no-untyped-def]
        data = json.loads(text)
        edit(data)
        return json.dumps(data)

    def slug(name: str):  # type: ignore[no-untyped-def]
        def edit(data: dict) -> None:
            data["stories"][0]["slug"] = name
            data["articles"] = [[key, name] for key, _ in data["articles"]]
        return edit

    cases = {f"event named {name!r}": changed(slug(name))
             for name in ("../escaped", "/tmp/escaped", "index", "run-report", ".state", "")}
    cases.update({
        "not UTF-8": text[:-20] + "\udcff" + text[-20:],  # written with surrogateescape
        "nested 100,000 deep": "[" * 100_000 + "]" * 100_000,
        "an infinite count": text.replace('"documents":', '"documents":1e400,"x":', 1),
        "a count that is true": changed(lambda d: d.update(documents=True)),
        "a word listed twice": changed(lambda d: d["vocabulary"].__setitem__(
            1, d["vocabulary"][0])),
        "a frequency per word missing": changed(lambda d: d["document_frequency"].pop()),
        "a matrix index out of range": changed(
            lambda d: d["sums"]["text"]["indices"].__setitem__(0, 10 ** 9)),
        "a negative matrix index": changed(
            lambda d: d["sums"]["text"]["indices"].__setitem__(0, -5)),
        "row pointers past the data": changed(
            lambda d: d["sums"]["text"].update(indptr=[0, 10 ** 6])),
        "an infinite weight": changed(lambda d: d["sums"]["lead"]["data"].__setitem__(
            0, "inf")).replace('"inf"', "1e400"),
        "a copy of no event": changed(lambda d: d["copies"][0].__setitem__(1, 99)),
        "an article in no event": changed(lambda d: d["articles"][0].__setitem__(1, "other")),
        "a date that is a list": changed(lambda d: d["stories"][0].update(latest=[[[1]]])),
        "lines not base64": changed(lambda d: d.update(lines="***")),
    })
    return cases


def tampered_states(text: str) -> dict[str, str]:
    """Case -> a `.state.json` (given as written by a run that built one event at least)
    with one name or value changed."""
    def changed(edit) -> str:  # type: ignore[no-untyped-def]
        data = json.loads(text)
        edit(next(iter(data["events"].values())), data["events"])
        return json.dumps(data)

    def renamed(name: str):  # type: ignore[no-untyped-def]
        return lambda entry, events: events.update({name: entry})

    cases = {f"event named {name!r}": changed(renamed(name))
             for name in ("../victim", "/tmp/victim", "index", ".lock")}
    cases.update({
        "not UTF-8": text[:-5] + "\udcff" + text[-5:],
        "nested 100,000 deep": '{"version": 2, "events": ' + "[" * 100_000 + "]" * 100_000 + "}",
        "events that are a list": changed(lambda entry, events: events.clear()).replace(
            '"events": {}', '"events": []'),
        "no fingerprint": changed(lambda entry, events: entry.pop("fingerprint")),
        "a title that is a number": changed(lambda entry, events: entry["index"].update(
            title=5)),
        "dates that are text": changed(lambda entry, events: entry["index"].update(
            dates="yesterday")),
        "a date that is not one": changed(lambda entry, events: entry["index"].update(
            dates={"first": "2023-02-30", "last": "2023-03-01"})),
        "a time that is markup": changed(lambda entry, events: entry["current"].update(
            written="</updated><x>")),
        "sentences that are not text": changed(lambda entry, events: entry["current"].update(
            sentences=[["x"]])),
        "a skipped file without its reason": changed(lambda entry, events: entry.update(
            skipped=[["a.txt"]])),
        "a count that is negative": changed(lambda entry, events: entry["index"].update(
            articles=-1)),
    })
    return cases
