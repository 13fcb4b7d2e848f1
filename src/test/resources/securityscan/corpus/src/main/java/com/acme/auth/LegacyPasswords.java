package com.acme.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Password hashes of the old user table. */
public class LegacyPasswords {

  public String hashPassword(String password) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("MD5");
    return HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
  }

  public boolean check(String candidate, String storedHash) throws Exception {
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    return HexFormat.of().formatHex(sha1.digest(candidate.getBytes(StandardCharsets.UTF_8))).equals(storedHash)
        && !candidate.isEmpty();
  }
}
