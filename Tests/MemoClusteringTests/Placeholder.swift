// Tests for MemoClustering arrive with its issue.
