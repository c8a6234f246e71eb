"""Evaluation: how good the briefings are, against human references.

In: a dataset laid out like DUC (event folders with articles, reference summaries and,
optionally, other systems' summaries) and the configs to compare. Out: ROUGE per event and
system, bootstrap intervals and paired tests, as Markdown, JSON and a chart. Never: part
of a run; needs the `eval` extra (ROUGE's tokenization and stemming data).

- `evaluate`: `summarize eval` (`evaluate_configs`, `write_results`)
- `rouge`: ROUGE-1.5.5 as NIST ran it
- `clustering`: B-cubed scores of a grouping against labels
"""
