"""The ``workbench`` command line: argparse in ``main``, one module per command.

``calc`` and ``schedule`` (figures of a case file, repayment schedules), ``db`` (the store's schema),
``import`` / ``export`` / ``cases`` (``store_cmds``), ``report``, ``verify`` and ``identity``
(signed PDFs). Commands reach files, the store and the reports only through ``workbench.services``,
as the window does; ``texts`` holds their words in Chinese and English, ``output`` and ``table``
print figures and tables. Errors are one line on stderr and exit status 2.
"""

from __future__ import annotations
