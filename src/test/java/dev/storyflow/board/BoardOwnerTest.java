package dev.storyflow.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.identity.Role;
import dev.storyflow.lifecycle.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every status names its owner as one of the team's roles, or is unassigned. */
class BoardOwnerTest {

  @ParameterizedTest
  @EnumSource(Status.class)
  void eachStatusIsOwnedByATeamRoleOrByNoOne(Status status) {
    Role owner = BoardReader.owner(status);

    if ("unassigned".equals(status.role())) {
      assertThat(owner).isNull();
    } else {
      assertThat(owner).isNotNull();
      assertThat(owner.isTeamRole()).isTrue();
    }
  }

  @Test
  void theStatusesOwnersAreTheDesignsRoles() {
    assertThat(BoardReader.owner(Status.PLANNED_IN_SPRINT)).isEqualTo(Role.BACKEND_ENGINEER);
    assertThat(BoardReader.owner(Status.CODE_REVIEW)).isEqualTo(Role.CODE_REVIEWER);
    assertThat(BoardReader.owner(Status.E2E_TESTING)).isEqualTo(Role.QA_ENGINEER);
    assertThat(BoardReader.owner(Status.UAT)).isEqualTo(Role.BUSINESS_OWNER);
    assertThat(BoardReader.owner(Status.DONE)).isNull();
  }
}
