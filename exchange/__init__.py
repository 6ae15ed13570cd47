"""Exchange layer: USB exchange files (交换文件) read as untrusted input and written safely.

Layer rule: this package imports the standard library, ``domain``, ``signing`` (to verify
and, through a ``Signer`` it is handed, to sign; never key files) and ``models``; never Qt
(PySide6). The generic pieces have no Duban format knowledge:

* ``safe_sqlite`` opens an untrusted SQLite file into a locked-down in-memory connection
  (header pre-check, limits, time budget, authorizer, integrity and schema checks);
* ``safe_rows`` reads type- and range-checked rows from it and computes the canonical
  content digest used by manifests;
* ``safe_write`` writes an export to a stick: local build, verify, ``.partial``, fsync,
  rename, read-back;
* ``errors`` holds the two exceptions and their codes; ``ui/`` turns codes into words.

The Duban format itself: ``format`` (versions, schema, column checks), ``codec`` (records ⇄
rows), ``signature`` (the signed bytes of format 2), ``writer``, ``reader`` and ``service``.
"""
