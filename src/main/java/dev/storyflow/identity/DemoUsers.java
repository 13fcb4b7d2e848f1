package dev.storyflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates one demo user per role ({@code po}, {@code architect}, …, {@code admin}). */
class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identityService;
  private final DemoProperties demo;

  DemoUsers(IdentityService identityService, DemoProperties demo) {
    this.identityService = identityService;
    this.demo = demo;
  }

  void apply() {
    if (!demo.enabled()) {
      return;
    }
    for (Role role : Role.values()) {
      String id = role.demoUser();
      if (identityService.createUserQuery().userId(id).count() == 0) {
        User user = identityService.newUser(id);
        user.setFirstName(role.label());
        user.setLastName("(demo)");
        user.setEmail(id + "@storyflow.invalid");
        user.setPassword(demo.password());
        identityService.saveUser(user);
        LOG.info("Created demo user {} in group {}", id, role.groupId());
      }
      if (identityService.createUserQuery().userId(id).memberOfGroup(role.groupId()).count() == 0) {
        identityService.createMembership(id, role.groupId());
      }
    }
  }
}
