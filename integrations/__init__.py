"""Doors onto the engine for other frameworks (llama-index)."""
