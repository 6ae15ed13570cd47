"""Domain layer: plain data types, identities and pure rules of Duban.

Layer rule: this package imports only the standard library. It never imports Qt
(PySide6) nor SQLAlchemy, so the parser, the store, the sheets, the exchange code and
the window can all share it.
"""
