// MemoLexicon: placeholder until its issue lands.
