// Tests for MemoScoring arrive with its issue.
