"""Runtime support layer: version, resource files and per-user folders.

Layer rule: standard library only; no Qt, no SQLAlchemy. Every other layer may use it.
"""
