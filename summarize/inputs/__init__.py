"""Readers for the forms articles arrive in, below `loading` (which walks the folders).

- `decoding`: bytes -> text, in whatever encoding (charset-normalizer)
- `dates`: publication dates as feeds, pages and front matter write them
- `html`: saved web pages -> the story text and metadata (trafilatura)
- `feeds`: JSON and JSON Lines feeds -> one article per object
"""
