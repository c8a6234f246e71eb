"""Inputs: the forms articles arrive in, read into plain `Article`s.

In: an input root (one folder per event, or a flat stream with `--group`) or an event folder.
Out: `Event`s of `Article`s (body text, format, metadata the source states) and a
`SkippedFile`, with its reason, for every file that cannot be used. Never: cleans, splits
or judges the text; never stops an event for one bad file.

- `layout`: which folders are events, their slugs, which names are articles (opens no file)
- `loading`: reads an event folder or a stream (`load_event`, `read_stream`)
- `decoding`: bytes -> text, in whatever encoding (charset-normalizer)
- `dates`: publication dates as feeds, pages and front matter write them
- `html`: saved web pages -> the story text and metadata (trafilatura)
- `feeds`: JSON and JSON Lines feeds -> one article per object
- `syndication`: RSS 2.0 and Atom feeds -> one article per item or entry
"""
