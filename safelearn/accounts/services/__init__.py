"""Writes for sign-in security and the reporter's data rights."""

from safelearn.accounts.services.data_rights import ErasureResult, reporter_data_erase, reporter_data_export
from safelearn.accounts.services.language import (
    SESSION_LANGUAGE_KEY,
    account_language_get,
    account_language_restore,
    account_language_set,
)
from safelearn.accounts.services.sessions import user_sessions_end
from safelearn.accounts.services.two_factor import (
    DEMO_DEVICE_NAME,
    demo_device_ensure,
    device_current_code,
    device_enrol_confirm,
    device_enrol_start,
    device_verify,
    qr_code_svg,
    two_factor_reset,
)

__all__ = [
    "DEMO_DEVICE_NAME",
    "SESSION_LANGUAGE_KEY",
    "ErasureResult",
    "account_language_get",
    "account_language_restore",
    "account_language_set",
    "demo_device_ensure",
    "device_current_code",
    "device_enrol_confirm",
    "device_enrol_start",
    "device_verify",
    "qr_code_svg",
    "reporter_data_erase",
    "reporter_data_export",
    "two_factor_reset",
    "user_sessions_end",
]
