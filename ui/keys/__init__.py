"""Signing keys: confirming a sender's key against its registration card (登记密钥)."""
