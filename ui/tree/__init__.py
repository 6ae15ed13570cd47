"""The plan tree (分工方案 → 部分 → 方面 → 任务): its item model, the filter bar and filter
proxy, the idle-time expander, and the banner shown while it lists a dashboard figure's tasks."""
