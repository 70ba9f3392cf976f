"""The Qt desktop window. Holds no business rules and no SQL."""
