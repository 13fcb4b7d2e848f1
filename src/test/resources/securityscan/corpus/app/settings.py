"""Django settings for the acme portal."""
import os

DEBUG = False
ALLOWED_HOSTS = ["portal.acme.test"]
SECRET_KEY = "%%FAKE:django-secret%%"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "portal",
        "USER": "portal",
        "PASSWORD": "%%FAKE:password%%",
        "HOST": "db.internal",
    }
}

TELEGRAM_BOT_TOKEN = "%%FAKE:telegram-bot%%"
HF_TOKEN = "%%FAKE:huggingface%%"
