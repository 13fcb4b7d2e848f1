package dev.storyflow.bare;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The same kind of identity as Storyflow's, set up the same way (as soon as the engine is built):
 * one group per team role and a user in each, {@code camunda-admin} with every permission, every
 * role may read the process and use Tasklist, the product owner starts instances. With
 * {@code TASK_WORK} as the default task permission, candidates may complete their own tasks only.
 */
@Component
class TeamIdentity extends AbstractProcessEnginePlugin {

  static final String PROCESS_KEY = "bare-lifecycle";
  static final String ADMIN_GROUP = "camunda-admin";
  /** Group id to user id. */
  static final Map<String, String> USERS = Map.of("product-owner", "po", "system-architect", "architect",
      "security-expert", "security", "frontend-engineer", "frontend", "backend-engineer", "backend",
      "code-reviewer", "reviewer", "qa-engineer", "qa", "devops-engineer", "devops", "business-owner", "business",
      ADMIN_GROUP, "admin");

  private final String password;

  TeamIdentity(@Value("${bare.password:demo}") String password) {
    this.password = password;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    USERS.forEach((groupId, userId) -> {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identity.newGroup(groupId);
        group.setName(groupId);
        group.setType(ADMIN_GROUP.equals(groupId) ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(group);
      }
      if (identity.createUserQuery().userId(userId).count() == 0) {
        User user = identity.newUser(userId);
        user.setFirstName(userId);
        user.setLastName("(bare)");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(userId, groupId);
      }
      if (ADMIN_GROUP.equals(groupId)) {
        for (Resource resource : Resources.values()) {
          grant(authorizations, groupId, resource, Authorization.ANY, Permissions.ALL);
        }
        return;
      }
      grant(authorizations, groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(authorizations, groupId, Resources.PROCESS_DEFINITION, PROCESS_KEY, ProcessDefinitionPermissions.READ);
      if ("product-owner".equals(groupId)) {
        grant(authorizations, groupId, Resources.PROCESS_DEFINITION, PROCESS_KEY,
            ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(authorizations, groupId, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
      }
    });
  }

  private static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission permission) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).list().stream().findFirst().orElse(null);
    if (existing != null && existing.isPermissionGranted(permission)) {
      return;
    }
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }
}
