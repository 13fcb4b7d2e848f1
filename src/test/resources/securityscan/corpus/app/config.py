import os

SECRET_KEY = os.environ["SECRET_KEY"]
API_TOKEN = os.getenv("API_TOKEN", "")
DB_PASSWORD = os.environ.get("DB_PASSWORD")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
TOKEN_TTL_SECONDS = 3600
