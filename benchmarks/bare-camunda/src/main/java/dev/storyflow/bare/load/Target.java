package dev.storyflow.bare.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the driver needs to know about the app under load: its process, who starts instances, who
 * completes which task, and what each completion carries. The bare process uses Storyflow's task
 * ids and candidate groups, so one table serves both.
 */
record Target(String name, String processKey, String starter, String observer) {

  static Target of(String name) {
    return switch (name) {
      case "storyflow" -> new Target(name, "story-lifecycle", "po", "admin");
      case "bare" -> new Target(name, "bare-lifecycle", "po", "admin");
      default -> throw new IllegalArgumentException("--app must be storyflow or bare, not " + name);
    };
  }

  /** The demo user of the task's owning group, as Storyflow's tests choose it; null if unknown. */
  static String userFor(String taskKey) {
    return switch (taskKey) {
      case "Task_ArchitectReview" -> "architect";
      case "Task_SecurityEarlyReview", "Task_SecurityReview" -> "security";
      case "Task_FrontendFeasibility", "Task_FrontendImplement" -> "frontend";
      case "Task_ApproveDraft", "Task_ReviseStory", "Task_PlanIntoSprint", "Task_POReview" -> "po";
      case "Task_BackendEngineerFallback" -> "backend";
      case "Task_CodeReview" -> "reviewer";
      case "Task_IntegrationTest", "Task_E2ETest" -> "qa";
      case "Task_ConfigureDevOps" -> "devops";
      case "Task_UAT" -> "business";
      default -> null;
    };
  }

  /** The demo user of a candidate group. */
  static String userOfGroup(String groupId) {
    return switch (groupId) {
      case "product-owner" -> "po";
      case "system-architect" -> "architect";
      case "security-expert" -> "security";
      case "frontend-engineer" -> "frontend";
      case "backend-engineer" -> "backend";
      case "code-reviewer" -> "reviewer";
      case "qa-engineer" -> "qa";
      case "devops-engineer" -> "devops";
      case "business-owner" -> "business";
      default -> "admin";
    };
  }

  /**
   * The completion's variables: the decision each task needs (approved, or the planning fields),
   * and always a comment, since approving against missing evidence (no feasibility or deployment
   * report from the builtin agent) is an override that needs one.
   */
  static Map<String, Object> completion(String taskKey, String user, String sprint) {
    Map<String, Object> variables = new LinkedHashMap<>();
    switch (taskKey) {
      case "Task_PlanIntoSprint" -> {
        variables.put("priority", Map.of("value", "HIGH"));
        variables.put("storyPoints", Map.of("value", 3, "type", "Integer"));
        variables.put("sprint", Map.of("value", sprint));
      }
      case "Task_FrontendImplement", "Task_BackendEngineerFallback", "Task_ReviseStory" -> { }
      default -> variables.put("approved", Map.of("value", true));
    }
    variables.put("comment", Map.of("value", "Completed " + taskKey + " as " + user + " (load benchmark)"));
    return Map.of("variables", variables);
  }

  /** A story statement that differs from the others in its words, so no uniqueness finding links them. */
  static Map<String, Object> start(String storyId, int n) {
    String[] things = {"invoices", "payslips", "orders", "tickets", "contracts", "receipts", "shipments", "refunds",
        "timesheets", "budgets", "leads", "surveys", "badges", "vouchers", "licences", "parcels", "claims", "quotes"};
    String[] actions = {"export", "archive", "filter", "merge", "print", "share", "sign", "tag", "approve", "import",
        "schedule", "audit", "compare", "restore"};
    String[] roles = {"accountant", "clerk", "manager", "auditor", "courier", "recruiter", "buyer", "nurse", "teacher",
        "analyst", "planner"};
    String thing = things[n % things.length];
    String action = actions[(n / things.length) % actions.length];
    String role = roles[(n / 7) % roles.length];
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("title", Map.of("value", capitalize(action) + " " + thing + " batch " + n));
    variables.put("asA", Map.of("value", role));
    variables.put("iWant", Map.of("value", "to " + action + " my " + thing + " in batch " + n));
    variables.put("soThat", Map.of("value", "the " + thing + " of week " + (n % 52 + 1) + " reach the "
        + role + " on time"));
    variables.put("acceptanceCriteria", Map.of("value", "Given " + thing + " exist, when I " + action
        + " them, then each one is listed once\nGiven no " + thing + ", when I " + action + " them, then I see an empty list"));
    return Map.of("businessKey", storyId, "variables", variables);
  }

  private static String capitalize(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
