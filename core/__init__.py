"""Shared settings, domain types and errors; imports nothing from the rest of the project."""
