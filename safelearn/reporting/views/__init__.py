"""Reporting's pages, one module per audience: ``staff`` (the signed-in form and my reports), ``public`` (the
no-log-in link), ``check`` (check your report with a receipt code), ``quick_exit``, ``safety_lead`` (the
conversation, the vaulted identity, the harm grade) and ``locations`` (the administrator's list)."""
