"""Runs: many events at once, safe to start from cron on folders that keep filling.

In: a config (validated, or a file validated only when something needs building), an
input root and an output folder. Out: the briefing files of every event that changed,
the site's index and feed, the state for the next run and `run-report.json`.
Never: runs two at once on one output folder, leaves a half-written file, or lets one
event's failure stop the others.

- `run`: the whole run (`run`), planning what to build and writing what was built
- `build`: one event's files, in a worker (`build_event`); `executors`: local or Dask workers
- `state`: fingerprints and what readers have seen (`.state.json` and its journal)
- `settings`: what a run must know of its config before deciding anything
- `files`: atomic writes; `lock`: one run per output folder; `signals`: writes not cut short
- `publishing`: pruning and the site; `report`: what the run did
"""
