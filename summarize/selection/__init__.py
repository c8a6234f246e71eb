"""Selection: which sentences the briefing says, in what order, citing whom.

In: an event's `EventText` (sentences, words, vectors), the ranker's score per sentence,
the config's selector, budget and order. Out: the chosen sentences, each with every source
that reports it, in reading order. Never: scores sentences (rankers do), reads files or
renders text; never chooses a sentence that cannot stand alone.

- `eligibility`: which sentences can stand alone at all (`Eligibility`), with the rules of
  `reading` (quotes, news, restatements), `voices` (whose words: transcripts, opinion,
  unsourced judgements) and `dating` (weekdays, plans overtaken);
  `currency`: what a later statement of the event overtakes (counts, plans done)
- `lead`: the opening sentences, by what outlets led with; `titles`: the headline
- `concepts`: concept coverage within the budget (Gillick & Favre 2009), the default
- `strategies`: MMR and MEAD's threshold reranker (`select_sentences`)
- `redundancy`: copies of one story, and the sources that back each fact
- `references`: the briefing read in order, chosen again until every person (`people`),
  acronym and definite description is resolved where it is read; first mentions in full
- `ordering`: the reading order
"""
