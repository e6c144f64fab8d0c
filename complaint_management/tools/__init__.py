"""Helpers of the addon that are not models."""
