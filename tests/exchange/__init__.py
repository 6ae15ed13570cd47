"""Tests of the exchange layer (no Qt): untrusted reading, safe writing, fuzzing, kills."""
