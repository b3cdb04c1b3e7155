from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "safelearn.accounts"
    label = "accounts"
    verbose_name = "Sign-in security"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from safelearn.accounts.services.sessions import sessions_end_on_deactivation
        from safelearn.accounts.services.two_factor import two_factor_reset
        from safelearn.accounts.signals import restore_account_language
        from safelearn.organisations.services import deactivation_step_add, two_factor_reset_register

        user_logged_in.connect(restore_account_language, dispatch_uid="safelearn.accounts.language")
        deactivation_step_add(sessions_end_on_deactivation)
        two_factor_reset_register(two_factor_reset)
