"""The 督办看板 tab: counts by light, the charts, clickable figures and their models."""
