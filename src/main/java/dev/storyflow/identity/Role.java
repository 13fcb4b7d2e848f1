package dev.storyflow.identity;

import java.util.Arrays;
import java.util.Optional;

/** The team's roles as Camunda groups (ids fixed by the design), with their demo user. */
public enum Role {
  PRODUCT_OWNER("product-owner", "Product owner", "po"),
  SYSTEM_ARCHITECT("system-architect", "System architect", "architect"),
  SECURITY_EXPERT("security-expert", "Security expert", "security"),
  FRONTEND_ENGINEER("frontend-engineer", "Frontend engineer", "frontend"),
  BACKEND_ENGINEER("backend-engineer", "Backend engineer", "backend"),
  CODE_REVIEWER("code-reviewer", "Code reviewer", "reviewer"),
  QA_ENGINEER("qa-engineer", "QA engineer", "qa"),
  DEVOPS_ENGINEER("devops-engineer", "DevOps engineer", "devops"),
  BUSINESS_OWNER("business-owner", "Business owner", "business"),
  ADMIN("camunda-admin", "Camunda administrators", "admin");

  private final String groupId;
  private final String label;
  private final String demoUser;

  Role(String groupId, String label, String demoUser) {
    this.groupId = groupId;
    this.label = label;
    this.demoUser = demoUser;
  }

  public String groupId() {
    return groupId;
  }

  public String label() {
    return label;
  }

  public String demoUser() {
    return demoUser;
  }

  public boolean isTeamRole() {
    return this != ADMIN;
  }

  public static Optional<Role> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(r -> r.groupId.equals(groupId)).findFirst();
  }
}
