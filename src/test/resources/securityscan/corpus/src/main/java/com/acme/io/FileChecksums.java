package com.acme.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Checksums of exported files, to detect truncated downloads. */
public class FileChecksums {

  public String md5(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("MD5");
    return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
  }
}
