"""Outputs: what a run writes for readers.

In: a `Briefing` (chosen sentences, their sources, the title). Out: its data (`data`, the
JSON file), Markdown (`markdown`), the HTML page (`html`), and the site's index and feed
(`site`); `changes` marks what is new since a reader's last visit. Never: chooses or
rewrites a sentence; renders article text unescaped (every format escapes it in the
sandboxed environment of `templating`).
"""
