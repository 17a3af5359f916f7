"""Nightly operations: the archive lock, scheduling, health checks and release history."""
