package com.acme.auth;

/** Users for tests. */
final class UserFixtures {

  static final String PASSWORD_HASH = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";
  static final String passwordHash = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";
  static final String token = "not-a-real-token";
  static final String apiKey = "test-api-key";

  private UserFixtures() {
  }
}
