"""Window layer: 佐证材料 — the list in the 填报 dialog and the detail pane, and viewing."""
