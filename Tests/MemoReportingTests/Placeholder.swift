// Tests for MemoReporting arrive with its issue.
