"""Window layer: the office's shared server — connecting to it, and seeing other desks' entries."""
