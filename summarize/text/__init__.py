"""Text: from an article's raw body to its story's sentences and words.

In: `Article`s (a scraped page's lines, a Markdown body, a page's extracted text).
Out: `CleanArticle`s (story paragraphs, metadata found in the text, every dropped line with
its reason), sentences, and the words, stems and TF-IDF vectors later stages compare.
Never: decides what matters (ranking) or what a briefing says (selection); downloads nothing.

- `normalizing`: mojibake, spaces, quote marks, newswire typography
- `boilerplate`: which lines of a scraped page are its story (a line model)
- `cleaning`: the story and its metadata (`clean_article`, `clean_lines`, `template_lines`)
- `line_rules`: what a line says of itself by its words (captions, labels, credits, notices)
- `language`: the language of a text and its stop words
- `segmenting`: sentences (`split_sentences`)
- `words`: tokens, stems, content terms, TF-IDF (`prepare_text` -> `EventText`)
- `similarity`: similar pairs of vectors without a dense n x n product
- `focus`: what the reader asked about, and each sentence's relevance to it (ranking and
  selection both weigh it)
"""
