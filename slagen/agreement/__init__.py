"""The agreement stage: YAML with positions, field types, the model, loading, validation, check."""
