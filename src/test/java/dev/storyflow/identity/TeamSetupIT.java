package dev.storyflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.lifecycle.StoryProcess;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class TeamSetupIT {

  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  FilterService filterService;
  @Autowired
  IdentityStartup identityStartup;
  @Autowired
  ProcessEngine processEngine;

  @Test
  void everyRoleHasItsGroupAndDemoUser() {
    for (Role role : Role.values()) {
      assertThat(identityService.checkPassword(role.demoUser(), "demo")).as(role.demoUser()).isTrue();
      List<String> groups = identityService.createGroupQuery().groupMember(role.demoUser()).list()
          .stream().map(Group::getId).toList();
      assertThat(groups).containsExactly(role.groupId());
    }
  }

  @Test
  void adminsMayDoEverythingInEveryWebapp() {
    List<String> groups = List.of(Role.ADMIN.groupId());
    for (String app : List.of("cockpit", "admin", "tasklist")) {
      assertThat(authorizationService.isUserAuthorized("admin", groups, Permissions.ACCESS,
          Resources.APPLICATION, app)).as(app).isTrue();
    }
    for (Resources resource : Resources.values()) {
      if (resource == Resources.HISTORIC_TASK || resource == Resources.HISTORIC_PROCESS_INSTANCE) {
        continue; // checked only when historic instance permissions are enabled, which they are not
      }
      assertThat(authorizationService.isUserAuthorized("admin", groups, Permissions.ALL, resource, "any-id"))
          .as(resource.name()).isTrue();
    }
  }

  @Test
  void teamMembersUseTasklistButOnlyProductOwnersStartStoriesAndReadCockpit() {
    for (Role role : Role.values()) {
      if (!role.isTeamRole()) {
        continue;
      }
      List<String> groups = List.of(role.groupId());
      assertThat(authorizationService.isUserAuthorized(role.demoUser(), groups, Permissions.ACCESS,
          Resources.APPLICATION, "tasklist")).as(role.name()).isTrue();
      assertThat(authorizationService.isUserAuthorized(role.demoUser(), groups, Permissions.ACCESS,
          Resources.APPLICATION, "cockpit")).as(role.name()).isEqualTo(role == Role.PRODUCT_OWNER);
      assertThat(authorizationService.isUserAuthorized(role.demoUser(), groups, Permissions.ACCESS,
          Resources.APPLICATION, "admin")).as(role.name()).isFalse();
      assertThat(authorizationService.isUserAuthorized(role.demoUser(), groups, Permissions.UPDATE,
          Resources.PROCESS_INSTANCE, "any-id")).as(role.name()).isFalse();
      assertThat(authorizationService.isUserAuthorized(role.demoUser(), groups, Permissions.CREATE,
          Resources.PROCESS_INSTANCE)).as(role.name()).isEqualTo(role == Role.PRODUCT_OWNER);
    }
  }

  @Test
  void eachRoleSeesItsOwnTasklistFilter() {
    for (Role role : Role.values()) {
      if (!role.isTeamRole()) {
        continue;
      }
      identityService.setAuthentication(role.demoUser(), List.of(role.groupId()));
      try {
        List<Filter> visible = filterService.createTaskFilterQuery().list();
        assertThat(visible).extracting(Filter::getName).containsExactly(role.label() + " tasks");
      } finally {
        identityService.clearAuthentication();
      }
    }
  }

  @Test
  void aSecondStartFindsEverythingInPlaceAndAddsNothing() {
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = filterService.createTaskFilterQuery().count();
    long memberships = identityService.createUserQuery().memberOfGroup(Role.PRODUCT_OWNER.groupId()).count();

    identityStartup.postProcessEngineBuild(processEngine);

    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterService.createTaskFilterQuery().count()).isEqualTo(filters);
    assertThat(identityService.createUserQuery().memberOfGroup(Role.PRODUCT_OWNER.groupId()).count())
        .isEqualTo(memberships);
  }

  @Test
  void permissionsOnOneResourceShareOneAuthorization() {
    List<Authorization> rows = authorizationService.createAuthorizationQuery()
        .groupIdIn(Role.PRODUCT_OWNER.groupId()).resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(StoryProcess.KEY).list();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getPermissions(ProcessDefinitionPermissions.values())).contains(
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
  }
}
