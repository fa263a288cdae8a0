"""Use cases: the only way the window and the command line reach files, the store and the reports.

``store`` is the composition root: it opens a database and builds every service over it
(``StoreServices``); no service imports it, each gets what it needs passed in (the sessions; a
report of a stored case gets the services, ``reporting.ReportStore``). The rest: ``cases``,
``users``, ``permissions``, ``committee``, ``attachments`` and ``attachment_files``, ``archive``,
``reporting`` (making, signing and archiving reports), ``signatures`` (identities, verification),
``case_files``, ``compare`` and ``messages``.
"""

from __future__ import annotations
