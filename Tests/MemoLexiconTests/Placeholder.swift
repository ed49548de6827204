// Tests for MemoLexicon arrive with its issue.
