package dev.storyflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dev.storyflow.lifecycle.StoryProcess;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the team's groups, their authorizations and a Tasklist filter per role exist:
 * {@code camunda-admin} may do everything, every team role uses Tasklist, the product owner
 * starts stories and reads them in Cockpit. Every
 * step looks before it writes, so it runs at every start-up and on every node.
 */
class TeamSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TeamSetup.class);
  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  TeamSetup(ProcessEngine engine) {
    this.identityService = engine.getIdentityService();
    this.authorizationService = engine.getAuthorizationService();
    this.filterService = engine.getFilterService();
    this.taskService = engine.getTaskService();
  }

  void apply() {
    Grants grants = new Grants();
    for (Role role : Role.values()) {
      ensureGroup(role);
      if (!role.isTeamRole()) {
        grantEverything(grants, role);
        continue;
      }
      grants.add(role, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
      grants.add(role, Resources.PROCESS_DEFINITION, StoryProcess.KEY, ProcessDefinitionPermissions.READ);
      // the story variables a Tasklist filter shows (storyId, title, status), and no more of the
      // instances: variables are checked with their own permission (tasklist.TasklistEngineHooks)
      grants.add(role, Resources.PROCESS_DEFINITION, StoryProcess.KEY, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE);
      if (role == Role.PRODUCT_OWNER) {
        grants.add(role, Resources.PROCESS_DEFINITION, StoryProcess.KEY, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grants.add(role, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        // Cockpit, read-only: story instances, their history and the decision tables
        grants.add(role, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
        grants.add(role, Resources.PROCESS_DEFINITION, StoryProcess.KEY, ProcessDefinitionPermissions.READ_INSTANCE);
        grants.add(role, Resources.PROCESS_DEFINITION, StoryProcess.KEY, ProcessDefinitionPermissions.READ_HISTORY);
        grants.add(role, Resources.PROCESS_DEFINITION, StoryProcess.KEY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        grants.add(role, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
      }
      Filter filter = ensureFilter(role);
      grants.add(role, Resources.FILTER, filter.getId(), Permissions.READ);
    }
    grants.forEach(this::grant);
  }

  /** camunda-admin: every permission on every resource (Cockpit, Admin, Tasklist, instances, users, ...). */
  private static void grantEverything(Grants grants, Role role) {
    for (Resource resource : Resources.values()) {
      grants.add(role, resource, Authorization.ANY, Permissions.ALL);
    }
  }

  private void ensureGroup(Role role) {
    if (identityService.createGroupQuery().groupId(role.groupId()).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(role.groupId());
    group.setName(role.label());
    group.setType(role.isTeamRole() ? "WORKFLOW" : "SYSTEM");
    identityService.saveGroup(group);
    LOG.info("Created group {}", role.groupId());
  }

  /**
   * One authorization row per group, resource and resource id, holding every permission asked for
   * it: the set-up runs in one transaction, where a row saved earlier is not yet visible to a query.
   */
  private void grant(Target target, Set<Permission> permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .groupIdIn(target.role().groupId()).resourceType(target.resource()).resourceId(target.resourceId())
        .list().stream().findFirst().orElse(null);
    if (existing != null && permissions.stream().allMatch(existing::isPermissionGranted)) {
      return;
    }
    Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(target.role().groupId());
    authorization.setResource(target.resource());
    authorization.setResourceId(target.resourceId());
    permissions.forEach(authorization::addPermission);
    authorizationService.saveAuthorization(authorization);
  }

  /** What one authorization row is about. */
  private record Target(Role role, Resource resource, String resourceId) {
  }

  /** The permissions to grant, by authorization row, in the order they were asked for. */
  private static final class Grants {
    private final Map<Target, Set<Permission>> byTarget = new LinkedHashMap<>();

    void add(Role role, Resource resource, String resourceId, Permission permission) {
      byTarget.computeIfAbsent(new Target(role, resource, resourceId), t -> new LinkedHashSet<>()).add(permission);
    }

    void forEach(BiConsumer<Target, Set<Permission>> grant) {
      byTarget.forEach(grant);
    }
  }

  private Filter ensureFilter(Role role) {
    String name = role.label() + " tasks";
    Filter existing = filterService.createTaskFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing;
    }
    Filter filter = filterService.newTaskFilter(name)
        .setQuery(taskService.createTaskQuery().taskCandidateGroup(role.groupId()).includeAssignedTasks())
        .setProperties(Map.of(
            "description", "Story tasks waiting for the " + role.label().toLowerCase() + " role",
            "priority", role.ordinal(),
            "refresh", true,
            "variables", java.util.List.of(
                Map.of("name", "storyId", "label", "Story"),
                Map.of("name", "title", "label", "Title"),
                Map.of("name", "status", "label", "Status"))));
    filterService.saveFilter(filter);
    LOG.info("Created Tasklist filter '{}'", name);
    return filter;
  }
}
