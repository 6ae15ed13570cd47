"""文件 → 导入方案…: choosing a plan file and previewing what was read before import."""
