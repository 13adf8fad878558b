"""Training-time code (not needed to run the pipeline)."""
