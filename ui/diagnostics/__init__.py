"""The window checked without a user: the offscreen screenshot, the self-test's window
check, the start-up probe the benchmarks switch on."""
