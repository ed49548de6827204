// MemoTokenization: placeholder until its issue lands.
