from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "safelearn.accounts"
    label = "accounts"
    verbose_name = "Sign-in security"
