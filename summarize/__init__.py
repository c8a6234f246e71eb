"""summarize: many articles about one event in, one cited briefing out (Markdown, HTML, JSON).

    import summarize
    briefing = summarize.summarize_folder("seeds/kim-putin-summit-2023")
    print(summarize.to_markdown(briefing))

`summarize_articles` takes texts or feed-like mappings instead of a folder. For whole
runs over many events: `summarize.runs.run.run`; one stage at a time: `summarize.pipeline`.
"""

import logging
from typing import Any

# A library leaves the logging's set-up to the program that uses it (the CLI sets its own):
# without a handler, its warnings would reach stderr through logging's last resort.
logging.getLogger("summarize").addHandler(logging.NullHandler())

__version__ = "0.1.0"
# The name to install it by (`pip install summarize-news`); it imports as `summarize`.
DISTRIBUTION = "summarize-news"
__all__ = ["summarize_articles", "summarize_folder", "to_html", "to_json", "to_markdown",
           "__version__"]


def __getattr__(name: str) -> Any:
    # The API is imported on first use: every `summarize` command imports this package,
    # and a run that finds nothing changed needs none of the pipeline (numpy, scipy, the
    # cleaners), whose imports took most of its time.
    if name in __all__:
        from summarize import api

        return getattr(api, name)
    raise AttributeError(f"module 'summarize' has no attribute {name!r}")
