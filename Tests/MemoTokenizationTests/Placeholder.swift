// Tests for MemoTokenization arrive with its issue.
