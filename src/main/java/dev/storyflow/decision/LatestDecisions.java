package dev.storyflow.decision;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.dmn.DecisionDefinitionNotFoundException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of one of Storyflow's own decision tables (service levels,
 * the feasibility verdict, the security gate): configuration that a team changes in Modeler and
 * deploys, not a user's decision. A new version counts at once, on every node.
 * <ul>
 *   <li><b>Version.</b> Inside an engine command (a task's due date, a listener, the service-level
 *       sweep) the latest version is looked up once per command through the engine's deployment
 *       cache. Outside any command (the worker's steps) it is one SQL statement per evaluation,
 *       straight from the table of decision definitions; an engine command or query would cost a
 *       transaction each.</li>
 *   <li><b>Parsing.</b> The decision is the one the engine's deployment cache parsed, so a version
 *       is parsed once per node.</li>
 *   <li><b>No decision history.</b> It is evaluated by a DMN engine of its own, on the process
 *       engine's FEEL engine, without the process engine's history and metrics listeners:
 *       a caller keeps what the table answered where it needs it, and a history row would be a write
 *       on every read.</li>
 *   <li><b>Memo.</b> A table whose answer depends on its inputs only (no {@code now()} or
 *       {@code today()}, no other expression language in its file) is evaluated once per inputs and
 *       version, at most {@value #MAX_RESULTS} answers per version; FEEL parses every expression at
 *       every evaluation. Any other table is evaluated every time.</li>
 * </ul>
 */
@Component
public class LatestDecisions {

  /** What in a DMN file makes its answers depend on more than the inputs: the time, another language. */
  private static final Pattern IMPURE = Pattern.compile("now\\s*\\(|today\\s*\\(|\\$\\{|expressionLanguage",
      Pattern.CASE_INSENSITIVE);
  /** Answers kept per version at most: a table has a few hundred combinations of inputs. */
  static final int MAX_RESULTS = 10_000;

  private final ProcessEngineConfigurationImpl engine;
  private final JdbcTemplate jdbc;
  private final String latestVersion;
  /** Built at the first evaluation, once the process engine (and its FEEL engine) is built. */
  private volatile DmnEngine dmn;
  /** Per decision key, the latest version seen. */
  private final Map<String, Version> versions = new ConcurrentHashMap<>();
  /** The versions looked up in the engine command running on this thread. */
  private final ThreadLocal<InCommand> inCommand = new ThreadLocal<>();

  /**
   * A deployed version of a decision, and its answers by inputs so far when they depend on the
   * inputs only ({@code null} otherwise).
   */
  private record Version(String id, DmnDecision decision,
      Map<Map<String, Object>, Optional<Map<String, Object>>> answers) {
  }

  /** The versions looked up in one engine command (held weakly once it ends). */
  private record InCommand(WeakReference<CommandContext> command, Map<String, Version> versions) {
  }

  LatestDecisions(ProcessEngineConfigurationImpl engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.latestVersion = "SELECT ID_ FROM " + engine.getDatabaseTablePrefix() + "ACT_RE_DECISION_DEF"
        + " WHERE KEY_ = ? AND TENANT_ID_ IS NULL ORDER BY VERSION_ DESC";
  }

  /**
   * Evaluates the latest deployed version of the decision on the inputs, writing no history.
   *
   * @return the entries of its single result (a copy of its own), empty when no rule matched
   * @throws NotFoundException when no decision with the key is deployed
   */
  public Optional<Map<String, Object>> evaluate(String decisionKey, Map<String, Object> inputs) {
    Version version = latest(decisionKey);
    Map<Map<String, Object>, Optional<Map<String, Object>>> answers = version.answers();
    Optional<Map<String, Object>> result;
    if (answers == null) {
      result = evaluate(version.decision(), inputs);
    } else {
      result = answers.computeIfAbsent(new HashMap<>(inputs), in -> evaluate(version.decision(), in));
      if (answers.size() > MAX_RESULTS) {
        answers.clear();
      }
    }
    return result.map(LinkedHashMap::new);
  }

  private Optional<Map<String, Object>> evaluate(DmnDecision decision, Map<String, Object> inputs) {
    DmnDecisionResultEntries result = dmn().evaluateDecision(decision, inputs).getSingleResult();
    return Optional.ofNullable(result)
        .map(entries -> Collections.unmodifiableMap(new LinkedHashMap<>(entries.getEntryMap())));
  }

  /**
   * A DMN engine without the process engine's history and metrics listeners, sharing the process
   * engine's FEEL engine: building a second FEEL engine costs about half a second of start-up and
   * its own caches, and a FEEL engine is safe to share between threads.
   */
  private DmnEngine dmn() {
    DmnEngine built = dmn;
    if (built == null) {
      synchronized (this) {
        if (dmn == null) {
          DefaultDmnEngineConfiguration own =
              (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
          DefaultDmnEngineConfiguration engines = engine.getDmnEngineConfiguration();
          FeelEngine feel = engines == null ? null : engines.getFeelEngine();
          if (feel != null) {
            own.feelEngineFactory(() -> feel);
          }
          dmn = own.buildEngine();
        }
        built = dmn;
      }
    }
    return built;
  }

  private Version latest(String decisionKey) {
    CommandContext command = Context.getCommandContext();
    if (command == null || command.getProcessEngineConfiguration() != engine) {
      return latestOutsideCommands(decisionKey);
    }
    InCommand lookedUp = inCommand.get();
    if (lookedUp == null || lookedUp.command().get() != command) {
      lookedUp = new InCommand(new WeakReference<>(command), new HashMap<>());
      inCommand.set(lookedUp);
    }
    return lookedUp.versions().computeIfAbsent(decisionKey, key -> {
      DecisionDefinitionEntity latest;
      try {
        latest = (DecisionDefinitionEntity) engine.getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(key);
      } catch (DecisionDefinitionNotFoundException e) {
        throw notDeployed(key);
      }
      Version known = versions.get(key);
      return known != null && known.id().equals(latest.getId()) ? known : remember(key, load(command, latest));
    });
  }

  private Version latestOutsideCommands(String decisionKey) {
    String id = jdbc.query(latestVersion, rs -> rs.next() ? rs.getString(1) : null, decisionKey);
    if (id == null) {
      throw notDeployed(decisionKey);
    }
    Version known = versions.get(decisionKey);
    if (known != null && known.id().equals(id)) {
      return known;
    }
    return remember(decisionKey, engine.getCommandExecutorTxRequired().execute(command ->
        load(command, engine.getDeploymentCache().findDeployedDecisionDefinitionById(id))));
  }

  /** The version as parsed by the deployment cache, and whether its file shows it depends on its inputs only. */
  private static Version load(CommandContext command, DecisionDefinitionEntity decision) {
    ResourceEntity file = command.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(decision.getDeploymentId(), decision.getResourceName());
    boolean inputsOnly = file != null && !IMPURE.matcher(new String(file.getBytes(), StandardCharsets.UTF_8)).find();
    return new Version(decision.getId(), decision, inputsOnly ? new ConcurrentHashMap<>() : null);
  }

  private Version remember(String decisionKey, Version version) {
    versions.put(decisionKey, version);
    return version;
  }

  private static NotFoundException notDeployed(String decisionKey) {
    return new NotFoundException("No decision with the key " + decisionKey + " is deployed");
  }
}
