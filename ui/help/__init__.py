"""Help: the offline user guide (F1), the keyboard shortcuts read from the window's actions,
and About with the versions and licences."""
