"""Units: the 按单位 tab (a unit's tasks by role) and 本机单位, the unit this PC serves."""
