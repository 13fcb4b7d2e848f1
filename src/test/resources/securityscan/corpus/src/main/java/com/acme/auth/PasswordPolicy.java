package com.acme.auth;

import java.util.regex.Pattern;

/** Rules for new passwords. */
public class PasswordPolicy {

  private static final String PASSWORD_PATTERN = "^(?=.*[0-9])(?=.*[a-z])(?=.*[A-Z])(?=.*[!@#%&*]).{12,}$";
  static final String TOKEN_HEADER = "X-Auth-Token";
  static final String PASSWORD_RESET_PATH = "/account/password/reset";
  private final String passwordLabel = "Password";
  private final String tokenType = "Bearer";

  public boolean acceptable(String password) {
    return password != null && Pattern.matches(PASSWORD_PATTERN, password);
  }

  public boolean matches(PasswordEncoder encoder, String rawPassword, User user) {
    return encoder.matches(rawPassword, user.getPasswordHash());
  }

  interface PasswordEncoder {
    boolean matches(String raw, String hash);
  }

  interface User {
    String getPasswordHash();
  }
}
