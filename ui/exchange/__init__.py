"""USB exchange (交换文件): export and import dialogs, the file table, the pool-thread
jobs, the 导入日志 and the words for the exchange engine's codes."""
