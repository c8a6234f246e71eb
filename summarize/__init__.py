"""summarize: many articles about one event in, one cited Markdown briefing out.

Library entry points: `summarize.config.load_config`, `summarize.batch.run` (a whole run),
`summarize.pipeline.summarize_event` (one event, as data), `summarize.segmenting.split_sentences`.
"""

__version__ = "0.1.0"
