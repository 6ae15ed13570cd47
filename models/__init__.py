"""Storage layer: SQLite through SQLAlchemy 2.x, migrations, and the ``Store`` service.

Layer rule: imports stdlib, SQLAlchemy, Alembic, ``domain`` and ``plan_parser``; never Qt.
``Store`` is the one door into the database and returns ``domain.records`` dataclasses,
never live ORM objects.
"""
