"""Signing layer: Ed25519 keys of installations, fingerprints, key files and trust rules.

Each installation signs its exchange files (交换文件) with its own Ed25519 key; the
coordinating office registers (登记) each installation's key after checking its
fingerprint against the paper registration card (登记卡), and units pin the
coordinating office's key the same way.

* ``keys``: the key pair, key id, fingerprint, signing and verification (no I/O);
* ``key_file``: the private key on disk (PKCS8 PEM, optionally passphrase-encrypted,
  0600 on POSIX), one file per installation in the user data folder, never in an export;
* ``trust``: the pure decision whether a signed file may be merged on this PC.

Layer rule: imports the standard library, ``cryptography`` and ``domain``; never Qt
(PySide6), never SQLAlchemy.
"""
