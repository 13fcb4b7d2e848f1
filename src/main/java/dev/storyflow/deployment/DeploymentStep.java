package dev.storyflow.deployment;

import dev.storyflow.deployment.BundleGenerator.Action;
import dev.storyflow.deployment.BundleGenerator.Generation;
import dev.storyflow.deployment.BundleGenerator.UnsafeWorkspaceException;
import dev.storyflow.engineer.BackendEngineerNeededException;
import dev.storyflow.engineer.BuiltinStep;
import dev.storyflow.lifecycle.Step;
import dev.storyflow.engineer.StepRequest;
import dev.storyflow.engineer.StepResult;
import dev.storyflow.engineer.WorkspaceProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PrepareDeployment} for the builtin agent: reads the story's workspace, writes the
 * missing files of the deployment bundle, validates the bundle, commits and pushes it to the story
 * branch, and reports in {@code deployment}. A bundle that fails validation goes to a human
 * backend engineer; after the human's fix it is checked again and goes to the DevOps engineer
 * whatever the outcome, marked failed if it still fails (approving it then needs an override).
 */
@Component
class DeploymentStep implements BuiltinStep {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentStep.class);

  private final ObjectProvider<WorkspaceProvider> workspaces;
  private final ServiceDetector detector;
  private final BundleGenerator generator;
  private final BundleValidator validator;
  private final DeploymentProperties properties;

  DeploymentStep(ObjectProvider<WorkspaceProvider> workspaces, ServiceDetector detector, BundleGenerator generator,
      BundleValidator validator, DeploymentProperties properties) {
    this.workspaces = workspaces;
    this.detector = detector;
    this.generator = generator;
    this.validator = validator;
    this.properties = properties;
  }

  @Override
  public Step step() {
    return Step.DEPLOYMENT;
  }

  @Override
  public StepResult perform(StepRequest request) {
    WorkspaceProvider provider = workspaces.getIfAvailable();
    Optional<Path> workspace = provider == null ? Optional.empty() : provider.checkout(request);
    if (workspace.isEmpty()) {
      if (request.humanCompleted()) {
        return StepResult.withoutReport();
      }
      throw new BackendEngineerNeededException((provider == null
          ? "This Storyflow has no workspace support, so step 'deployment' cannot read the code of story "
          : "Story " + request.storyId() + " has no repository, so step 'deployment' cannot read the code of story ")
          + request.storyId() + ": a backend engineer must write the deployment configuration (Dockerfile, compose, "
          + "Kubernetes manifests, .env.example, CI) by hand.");
    }
    Path root = workspace.get();
    String branch = "story/" + request.storyId();
    ServiceFacts facts = detector.detect(root, Set.of(properties.directory()));
    Generation generation;
    try {
      generation = generator.generate(root, facts);
    } catch (UnsafeWorkspaceException e) {
      throw new BackendEngineerNeededException(e.getMessage() + " Step 'deployment' of story " + request.storyId()
          + " needs a backend engineer to look at the repository.");
    }
    BundleValidation validation = validator.validate(root, generation.layout(), facts);
    if (generation.changed()) {
      provider.publish(request, commitMessage(request, generation));
    }
    Map<String, Object> report = DeploymentReport.of(branch, facts, generation, validation);
    LOG.info("Story {}: {}", request.storyId(), report.get("summary"));
    if (!validation.passed() && !request.humanCompleted()) {
      throw new BackendEngineerNeededException("The deployment bundle of story " + request.storyId() + " on branch "
          + branch + " fails validation (step 'deployment'), " + validation.problems().size() + " problem(s): "
          + DeploymentReport.problems(validation.problems(), 5) + ". Fix the bundle on the story branch and complete "
          + "this task: the checks run again, and a bundle that still fails goes to the DevOps engineer marked as failed.",
          report);
    }
    return new StepResult(report);
  }

  private static String commitMessage(StepRequest request, Generation generation) {
    String files = generation.files().stream().filter(f -> f.action() == Action.CREATED)
        .map(BundleGenerator.FileOutcome::path).collect(Collectors.joining(", "));
    return "Deployment bundle for " + request.storyId() + "\n\nPrepared by Storyflow's backend engineer in "
        + "Configuring DevOps: " + files + ".\n";
  }
}
