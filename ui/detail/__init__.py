"""The detail pane beside the tree: task text, units and roles, progress history."""
