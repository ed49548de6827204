// Tests for MemoExtraction arrive with its issue.
