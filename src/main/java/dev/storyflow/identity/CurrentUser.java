package dev.storyflow.identity;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The user that the authentication filter put on the engine for this request. */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * @throws AccessDeniedException unless the user is in one of the roles' groups
   */
  public String requireAnyOf(Role... roles) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth == null) {
      throw new AccessDeniedException("Authentication required");
    }
    List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    boolean allowed = Arrays.stream(roles).map(Role::groupId).anyMatch(groups::contains);
    if (!allowed) {
      throw new AccessDeniedException("User " + auth.getUserId() + " must be in one of the groups "
          + String.join(", ", Arrays.stream(roles).map(Role::groupId).toList()));
    }
    return auth.getUserId();
  }

  /** Any member of the team, administrators included. */
  public String requireMember() {
    return requireAnyOf(Role.values());
  }
}
