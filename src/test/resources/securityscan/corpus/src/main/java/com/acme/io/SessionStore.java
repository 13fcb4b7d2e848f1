package com.acme.io;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;

/** Sessions saved by the old servlet container. */
public class SessionStore {

  public Object load(byte[] cookie) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(cookie))) {
      return in.readObject();
    }
  }

  public Object loadFiltered(byte[] data) throws Exception {
    ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data));
    in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.acme.session.*;!*"));
    return in.readObject();
  }
}
