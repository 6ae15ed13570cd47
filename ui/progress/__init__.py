"""The 填报进展 dialog: a unit reports, or revises, its progress on a task."""
