"""Reading a plan's målvärde text: the parser behind :func:`styrmodell.parse_threshold`.

Swedish terms: *målvärde* (a target as the plan writes it), *ordlista* (the vocabulary).

Three steps, one module each, every one linear in the length of the text:

- ``_normalise``: clean text copied from a plan (HTML, entities, typographic dashes and
  quotes, odd spaces, footnote marks), keeping where each character came from;
- ``_tokens``: cut it into lexemes — numbers, phrases of the vocabulary, other words;
- ``_grammar``: read the lexemes as a legend or a statement into a threshold, with the
  tools of ``_phrase`` (a cursor, the shared small grammars, located errors).

``_words`` is the vocabulary: one table per role, word → meaning. This package's
``__init__`` imports nothing, so a threshold family's module may use ``_phrase`` for its own
phrasings (``Family.parse``) without an import circle.
"""
