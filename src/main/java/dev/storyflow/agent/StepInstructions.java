package dev.storyflow.agent;

import dev.storyflow.lifecycle.Step;

/** What the backend engineer is asked to do in each step, as written into the work order. */
enum StepInstructions {
  FEASIBILITY(Step.FEASIBILITY, "Judge the story's feasibility and complexity from the backend side. Read the "
      + "workspace if there is code. Say whether the statement and the acceptance criteria are clear, atomic and "
      + "testable, what the server side needs (APIs, data, integrations), what is risky or security-sensitive, and "
      + "a rough size. Do not change code. List what is wrong with the story in findings, one per problem, by the "
      + "criteria the result schema names, with the exact words as evidence; Storyflow shows them beside its own "
      + "review, and they do not change its verdict. Use needs_human when the story cannot be judged without the "
      + "team."),
  PLAN(Step.PLAN, "Study the story and plan the server-side work: the APIs, data changes, integrations, the "
      + "unit tests that prove each acceptance criterion, and the order of the work. You may add a plan file to "
      + "the workspace; do not write the feature yet."),
  IMPLEMENT(Step.IMPLEMENT, "Build the server-side feature on the checked-out story branch: APIs, data "
      + "integration and unit tests for every acceptance criterion. Follow the conventions of the code base. Run "
      + "the build and the tests, and commit your work with clear messages. Storyflow checks the branch, builds "
      + "it and runs the tests itself; report what you changed, not that it passed."),
  SECURITY_SCAN(Step.SECURITY_SCAN, "Check your own work before the security expert reviews it: secrets in the "
      + "code or history, input validation, injection, authentication and authorization on every API, handling of "
      + "personal data. Fix what you find and commit it; list what you could not fix in notes."),
  SECURITY_FIX(Step.SECURITY_FIX, "Address the security expert's concerns (review.concernsToAddress) about data "
      + "handling, APIs and authentication. Fix each concern in the code with a test where possible, commit the "
      + "fixes, and say in notes how each concern was addressed."),
  DEPLOYMENT(Step.DEPLOYMENT, "Prepare the environment configuration and deployment scripts with the DevOps "
      + "engineer in mind: configuration by environment variables, an example environment file without secret "
      + "values, container and deployment descriptors as the project uses them. Commit them; the DevOps engineer "
      + "reviews and owns CI/CD."),
  INTEGRATION_SUPPORT(Step.INTEGRATION_SUPPORT, "Help QA with the integration or API problem they report "
      + "(supportRequest, with any test output they pasted). Reproduce it on the story branch: run the build and "
      + "the tests, call the API as they did. Say what causes it (configuration, data, the code). If the code is "
      + "at fault, fix it with a test and commit; Storyflow runs the implementation gates on your fix. Report the "
      + "diagnosis in summary and notes; QA decides what happens to the story.");

  private final Step step;
  private final String text;

  StepInstructions(Step step, String text) {
    this.step = step;
    this.text = text;
  }

  static String of(Step step) {
    for (StepInstructions instructions : values()) {
      if (instructions.step == step) {
        return instructions.text;
      }
    }
    throw new IllegalArgumentException("No instructions for step " + step);
  }
}
