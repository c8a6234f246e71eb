"""Grouping: a flat stream of articles into stories (events), stable across runs.

In: `Article`s in any order, and the grouping the last run kept in the output folder.
Out: each article's story slug and why (`Decision`), and the state to keep for the next run.
Never: revisits a decision (an article keeps its story from run to run), reads files
(the stream is read by `inputs.loading.read_stream`), or builds briefings.

- `stories`: the online clustering and its state (`GroupingState`, `load_grouping`, `events_of`)
- `views`: what an article says, as grouping compares it: its language, and the words of its
  text, of its lead and its names and numbers
- `copies`: SimHash fingerprints and their index, to know a republished story at once
"""
