"""Printing: the print menu's commands and the 打印预览 of a generated sheet."""
