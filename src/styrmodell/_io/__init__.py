"""File formats: CSV (and, through extras, spreadsheets) for outcomes, ledgers and investments."""
