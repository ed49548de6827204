// Tests for MemoscopeCLI arrive with its issue.
