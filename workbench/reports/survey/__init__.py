"""The survey report's sections (调查报告, docs/sources.md), one module per part of the report.

context      SurveyContext and the small block helpers every section uses
parties      1–4 and 12: survey, application, applicant and household, credit history, guarantees
business     5–7: business, soft information, loan purpose
balance      8: balance sheet, ratios and its detail lists
income       9: income statement, products, expenses, the 12-month table
checks       10: the cross-check matrix
equity       11: the equity reconciliation
capacity     13–14: evaluation, conclusion, proposal, schedule and cash projection
"""

from __future__ import annotations
