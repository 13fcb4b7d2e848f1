package dev.storyflow.identity;

import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who may step around the story rules: members of {@code camunda-admin}. */
public final class Admins {

  private Admins() {
  }

  public static boolean isAdmin(Authentication authentication) {
    return authentication != null && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(Role.ADMIN.groupId());
  }
}
