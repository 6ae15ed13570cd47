"""工具 → 恢复备份…: choosing and restoring one of the automatic backups."""
