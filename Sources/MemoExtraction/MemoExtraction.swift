// MemoExtraction: placeholder until its issue lands.
