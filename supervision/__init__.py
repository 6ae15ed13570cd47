"""Supervision layer (督办): status reports, dashboard figures and the Excel ledger (台账).

Layer rule: imports the standard library, ``domain`` and (for the ledger only, lazily)
openpyxl; never Qt, never SQLAlchemy. The window's dashboard and the command line's
``status --json`` read the same figures from here, so they cannot disagree.
"""
