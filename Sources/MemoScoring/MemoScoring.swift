// MemoScoring: placeholder until its issue lands.
