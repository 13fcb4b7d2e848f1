package dev.storyflow.worker;

import dev.storyflow.identity.Role;
import dev.storyflow.lifecycle.StoryProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The backend-engineer service account that remote workers log in with, made (or completed) at
 * every start-up of an engine node when {@code storyflow.worker.username} and {@code password} are
 * set: a member of {@code backend-engineer}, with the rights of an external task worker on the
 * story process and nothing else, granted to the account itself, not to the group, so that human
 * backend engineers cannot end a step's task with a report of their own. Fetching, locking,
 * extending, completing, failing and raising a BPMN error need {@code READ_INSTANCE} and
 * {@code UPDATE_INSTANCE}; what else {@code UPDATE_INSTANCE} would allow (suspending, job and
 * external task retries, priorities, incidents) stays an admin's tool (see {@code CommandRules}).
 * The account's password is set once; change it in Admin.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class WorkerAccount extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerAccount.class);

  private final WorkerProperties properties;

  WorkerAccount(WorkerProperties properties) {
    this.properties = properties;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (!properties.hasServiceAccount()) {
      return;
    }
    try {
      apply(engine);
    } catch (RuntimeException e) {
      LOG.warn("Setting up the worker account collided with another node ({}); trying once more", e.getMessage());
      apply(engine);
    }
  }

  private void apply(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    String id = properties.username();
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName("Backend engineer");
      user.setLastName("(worker)");
      user.setPassword(properties.password());
      identity.saveUser(user);
      LOG.info("Created the backend-engineer service account {} for remote workers", id);
    }
    String group = Role.BACKEND_ENGINEER.groupId();
    if (identity.createGroupQuery().groupId(group).count() > 0
        && identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
      identity.createMembership(id, group);
    }
    grant(engine.getAuthorizationService(), id, ProcessDefinitionPermissions.READ_INSTANCE);
    grant(engine.getAuthorizationService(), id, ProcessDefinitionPermissions.UPDATE_INSTANCE);
  }

  private static void grant(AuthorizationService authorizations, String userId, Permission permission) {
    Authorization existing = authorizations.createAuthorizationQuery().userIdIn(userId)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(StoryProcess.KEY).list().stream().findFirst()
        .orElse(null);
    if (existing != null && existing.isPermissionGranted(permission)) {
      return;
    }
    Authorization authorization = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setUserId(userId);
    authorization.setResource(Resources.PROCESS_DEFINITION);
    authorization.setResourceId(StoryProcess.KEY);
    authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }
}
