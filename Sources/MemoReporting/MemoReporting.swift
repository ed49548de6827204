// MemoReporting: placeholder until its issue lands.
