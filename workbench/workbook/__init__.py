"""The case as an Excel workbook (openpyxl): export, the empty template and import back.

A sibling of ``reports`` and ``store``: it may read the domain and the texts; the services call it.
"""
