"""summarize: many articles about one event in, one cited briefing out (Markdown, HTML, JSON).

    import summarize
    briefing = summarize.summarize_folder("seeds/kim-putin-summit-2023")
    print(summarize.to_markdown(briefing))

`summarize_articles` takes texts or feed-like mappings instead of a folder. For whole
runs over many events: `summarize.batch.run`; one stage at a time: `summarize.pipeline`.
"""

from summarize.api import summarize_articles, summarize_folder, to_html, to_json, to_markdown

__version__ = "0.1.0"
__all__ = ["summarize_articles", "summarize_folder", "to_html", "to_json", "to_markdown",
           "__version__"]
