package dev.storyflow.agent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The story's agent runs, as the agent records and reads them: on an engine node in the table
 * {@code SF_AGENT_RUN} ({@link RunStoreTable}), on a remote worker through the engine node's
 * worker API ({@link RunStoreClient}). The record is kept apart from the step's task, so a run
 * stays recorded whatever happens to the step afterwards.
 */
interface RunStore {

  /** The longest text kept in a run's reason and summary. */
  int MAX_TEXT = 4000;

  /** Why a run that was still {@code RUNNING} when its step ran again is {@code LOST}. */
  String LOST_REASON = "Storyflow stopped during the run (the engine was shut down or the node died); "
      + "the run was retried";

  /**
   * Records a run as started and returns it with its number, the story's next one (distinct
   * across nodes), and its attempt within the task.
   */
  AgentRun start(String processInstanceId, String storyId, String step, String jobId);

  /** Records how a run ended, with its capped output. */
  void finish(AgentRun run, String stdout, String stderr);

  /**
   * Marks the step's runs that are still {@code RUNNING} as lost: their node died or Storyflow
   * stopped during them. Called when the step runs again, which the task's lock allows only once
   * the earlier attempt can no longer be running.
   */
  int markLost(String processInstanceId, String step);

  /** Records that the step's checks failed on the work of a run that said it was done. */
  void markChecksFailed(AgentRun run, String report);

  /** The story's runs, oldest first, without their output. */
  List<AgentRun> list(String processInstanceId);

  /** The last run of a task, if any. */
  Optional<AgentRun> lastOfJob(String jobId);

  /** What the story's runs have cost so far, in US dollars. */
  BigDecimal spentUsd(String processInstanceId);

  /** A run's captured stdout and stderr. */
  Optional<RunLog> log(String processInstanceId, int number);

  /** Shows the story's runs (a JSON array) on the story itself: the JSON variable {@code agentRuns}. */
  void publish(String processInstanceId, String agentRuns);

  /**
   * @param run the run
   * @param stdout what it printed on stdout (capped), or {@code null}
   * @param stderr what it printed on stderr (capped), or {@code null}
   */
  record RunLog(AgentRun run, String stdout, String stderr) {
  }
}
