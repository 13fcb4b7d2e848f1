package dev.storyflow.notify;

import static dev.storyflow.lifecycle.StoryDriver.approve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.storyflow.HttpTestClient;
import dev.storyflow.lifecycle.Status;
import dev.storyflow.lifecycle.StoryDriver;
import dev.storyflow.lifecycle.StoryProcess;
import dev.storyflow.notify.WebhookReceiver.Request;
import dev.storyflow.worker.ExternalTaskWorker;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notifications end to end, with real receivers: three webhooks on a local HTTP server (the team's,
 * signed and getting every event; a flaky one answering 500 three times to each story's end; a
 * slow one getting the waiting tasks) and GreenMail as the SMTP server, the demo users' groups as
 * recipients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-notify;DB_CLOSE_DELAY=-1",
    // /engine-rest serves the engine by its name: the default one
    "camunda.bpm.generate-unique-process-engine-name=false",
    "storyflow.notifications.base-url=http://storyflow.example:8080/",
    "storyflow.notifications.timeout=3s",
    "storyflow.notifications.poll-interval=1s",
    "storyflow.notifications.retry.initial-delay=100ms",
    "storyflow.notifications.retry.max-delay=1s",
    "spring.mail.host=localhost"})
@ActiveProfiles("test")
@DirtiesContext
class NotificationIT {

  private static final String TEAM = "/team";
  private static final String FLAKY = "/flaky";
  private static final String SLOW = "/slow";
  private static final String SECRET = "the team's webhook secret";
  private static final String BASE = "http://storyflow.example:8080";

  static final WebhookReceiver RECEIVER = new WebhookReceiver();
  static final GreenMail SMTP = smtp();

  static {
    // the flaky receiver fails each event three times, then takes it
    RECEIVER.answer(FLAKY, request -> RECEIVER.requests(FLAKY, request.eventId()).size() <= 3 ? 500 : 200);
  }

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("storyflow.notifications.webhooks[0].url", () -> RECEIVER.url(TEAM));
    registry.add("storyflow.notifications.webhooks[0].secret", () -> SECRET);
    registry.add("storyflow.notifications.webhooks[1].url", () -> RECEIVER.url(FLAKY));
    registry.add("storyflow.notifications.webhooks[1].events[0]", () -> "storyDone");
    registry.add("storyflow.notifications.webhooks[2].url", () -> RECEIVER.url(SLOW));
    registry.add("storyflow.notifications.webhooks[2].events[0]", () -> "taskWaiting");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }

  @AfterAll
  static void stopReceivers() {
    RECEIVER.close();
    SMTP.stop();
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Notifications notifications;

  StoryDriver driver;

  @BeforeEach
  void setUp() {
    driver = new StoryDriver(engine);
  }

  @Test
  void everyTaskOfAStoryWalkedToDoneIsNotifiedOnceAndSoIsItsEnd() {
    // given a story walked from Draft to Done, the human backend engineer stepping in twice
    ProcessInstance story = driver.start("backend");
    String storyId = story.getBusinessKey();
    driver.throughDraft(story, false);
    driver.throughPlanningAndImplementation(story, false);
    for (String review : List.of("Task_CodeReview", "Task_IntegrationTest", "Task_E2ETest", "Task_POReview")) {
      driver.completeTask(story, review, approve());
    }
    driver.throughSecurityAndDevOps(story);
    driver.completeTask(story, "Task_UAT", approve());
    BpmnAwareTests.assertThat(story).isEnded();

    // when everything written for it has been delivered
    awaitDelivered(storyId);

    // then the team's webhook got each user task once (the fallbacks as fallbackNeeded) and the end once
    List<Request> received = requestsOfStory(TEAM, storyId);
    List<HistoricTaskInstance> tasks = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(story.getId()).list();
    assertThat(tasks).hasSizeGreaterThan(10);
    for (HistoricTaskInstance task : tasks) {
      String expected = task.getTaskDefinitionKey().equals("Task_BackendEngineerFallback") ? "fallbackNeeded"
          : "taskWaiting";
      assertThat(received).filteredOn(request -> task.getId().equals(request.json().path("task").path("id").asText()))
          .as("notifications of %s (%s)", task.getTaskDefinitionKey(), task.getId())
          .singleElement().satisfies(request -> assertThat(request.json().path("event").asText()).isEqualTo(expected));
    }
    assertThat(received).filteredOn(request -> event(request).equals("storyDone")).hasSize(1);
    assertThat(received).hasSize(tasks.size() + 1);
    assertThat(received).extracting(Request::eventId).doesNotHaveDuplicates();
    received.forEach(NotificationIT::assertSignedAndLabelled);

    // and the JSON is the documented one
    HistoricTaskInstance review = tasks.stream().filter(t -> t.getTaskDefinitionKey().equals("Task_CodeReview"))
        .findFirst().orElseThrow();
    JsonNode waiting = onlyEvent(received, "taskWaiting", review.getId()).json();
    String link = BASE + "/camunda/app/tasklist/" + engine.getName() + "/#/?task=" + review.getId();
    assertThat(fieldNames(waiting)).containsExactlyInAnyOrder("text", "id", "event", "storyId", "title", "status",
        "groups", "task", "tasklistLink", "occurredAt");
    assertThat(waiting.path("text").asText()).isEqualTo(
        "Code review of " + storyId + " \"Reset a forgotten password\" is waiting for code-reviewer: " + link);
    assertThat(waiting.path("storyId").asText()).isEqualTo(storyId);
    assertThat(waiting.path("title").asText()).isEqualTo("Reset a forgotten password");
    assertThat(waiting.path("status").asText()).isEqualTo("CODE_REVIEW");
    assertThat(waiting.path("groups")).extracting(JsonNode::asText).containsExactly("code-reviewer");
    assertThat(waiting.path("task").path("taskDefinitionKey").asText()).isEqualTo("Task_CodeReview");
    assertThat(waiting.path("task").path("name").asText()).isEqualTo("Code review");
    assertThat(waiting.path("task").path("candidateGroups")).extracting(JsonNode::asText)
        .containsExactly("code-reviewer");
    assertThat(waiting.path("tasklistLink").asText()).isEqualTo(link);
    assertThat(Instant.parse(waiting.path("occurredAt").asText())).isBeforeOrEqualTo(Instant.now());

    HistoricTaskInstance fallback = tasks.stream()
        .filter(t -> t.getTaskDefinitionKey().equals("Task_BackendEngineerFallback")).findFirst().orElseThrow();
    JsonNode needed = onlyEvent(received, "fallbackNeeded", fallback.getId()).json();
    assertThat(needed.path("fallback").path("step").asText()).isEqualTo("implement");
    assertThat(needed.path("fallback").path("reason").asText()).contains("step 'implement'");
    assertThat(needed.path("groups")).extracting(JsonNode::asText).containsExactly("backend-engineer");
    assertThat(needed.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(needed.path("text").asText()).startsWith(storyId + " \"Reset a forgotten password\" needs a human "
        + "backend engineer for step implement: ");

    JsonNode done = received.stream().filter(request -> event(request).equals("storyDone")).findFirst().orElseThrow()
        .json();
    assertThat(fieldNames(done)).containsExactlyInAnyOrder("text", "id", "event", "storyId", "title", "status",
        "groups", "occurredAt");
    assertThat(done.path("status").asText()).isEqualTo("DONE");
    assertThat(done.path("groups")).extracting(JsonNode::asText).containsExactly("product-owner");
    assertThat(done.path("text").asText()).isEqualTo(storyId + " \"Reset a forgotten password\" is done.");

    // and each event was mailed once to the members of its groups
    for (Request request : received) {
      assertThat(recipients(mails(request.eventId()))).as("mail of %s", request.json())
          .containsExactlyInAnyOrderElementsOf(emailsOf(groups(request)));
    }
    MimeMessage mail = mails(onlyEvent(received, "taskWaiting", review.getId()).eventId()).get(0);
    assertThat(subject(mail)).isEqualTo("[Storyflow] " + storyId + " task waiting: Code review");
    assertThat(content(mail)).contains("is waiting for code-reviewer: " + link);
  }

  @Test
  void overdueAndEscalatedFromATimerListenerGoToTheGroupsItNames() {
    // given a task waiting in Draft
    ProcessInstance story = driver.start("backend");
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(story.getId())
        .taskDefinitionKey("Task_ArchitectReview").singleResult();

    // when a listener in the engine reports it overdue, then escalated to the product owners
    commands().execute(context -> {
      notifications.forTaskId(review.getId(), NotificationType.OVERDUE, null);
      notifications.forTaskId(review.getId(), NotificationType.ESCALATED, List.of("product-owner"));
      return null;
    });
    awaitDelivered(story.getBusinessKey());

    // then the candidates are reminded and the escalation group is told
    List<Request> received = requestsOfStory(TEAM, story.getBusinessKey());
    JsonNode overdue = onlyEvent(received, "overdue", review.getId()).json();
    assertThat(overdue.path("groups")).extracting(JsonNode::asText).containsExactly("system-architect");
    assertThat(overdue.path("text").asText()).startsWith("Architect review of " + story.getBusinessKey())
        // every task has a due date from the service levels, which the text names
        .containsPattern(" is overdue \\(due \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\), waiting for system-architect: ");
    JsonNode escalated = onlyEvent(received, "escalated", review.getId()).json();
    assertThat(escalated.path("groups")).extracting(JsonNode::asText).containsExactly("product-owner");
    assertThat(escalated.path("task").path("candidateGroups")).extracting(JsonNode::asText)
        .containsExactly("system-architect");
    assertThat(escalated.path("text").asText())
        .containsPattern(" is escalated to product-owner: still open \\(due [^)]+\\), waiting for system-architect: ");
    assertThat(recipients(mails(overdue.path("id").asText())))
        .containsExactlyElementsOf(emailsOf(List.of("system-architect")));
    assertThat(recipients(mails(escalated.path("id").asText())))
        .containsExactlyElementsOf(emailsOf(List.of("product-owner")));
  }

  @Test
  void timerListenersRaiseOverdueAndEscalatedFromExpressions() {
    // given a process with a user task, a timeout listener on it and a non-interrupting boundary
    // timer, both calling the bean from an expression as a service level would
    BpmnModelInstance model = Bpmn.createExecutableProcess("notify-timer-test").camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Wait").name("Wait for QA").camundaCandidateGroups("qa-engineer")
        .camundaTaskListenerExpressionTimeoutWithDuration("Listener_Escalate",
            "${notifications.forTask(task, 'ESCALATED', null)}", "PT2H")
        .boundaryEvent("Timer_Overdue").cancelActivity(false).timerWithDuration("PT1H")
        .camundaExecutionListenerExpression("start", "${notifications.forTimer(execution, 'OVERDUE', null)}")
        .endEvent()
        .moveToActivity("Task_Wait").endEvent()
        .done();
    Deployment deployment = engine.getRepositoryService().createDeployment()
        .addModelInstance("notify-timer-test.bpmn", model).deploy();
    try {
      String key = "TIMER-" + UUID.randomUUID().toString().substring(0, 8);
      ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("notify-timer-test", key,
          Map.of("title", "A story on a timer"));

      // when both timers fire
      for (Job timer : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
          .list()) {
        engine.getManagementService().executeJob(timer.getId());
      }
      awaitDelivered(key);

      // then the open task is reported overdue and escalated to its candidates (its creation is not
      // reported: only story-lifecycle's tasks are)
      List<Request> received = requestsOfStory(TEAM, key);
      assertThat(received).extracting(NotificationIT::event).containsExactlyInAnyOrder("overdue", "escalated");
      assertThat(received).allSatisfy(request -> {
        assertThat(request.json().path("title").asText()).isEqualTo("A story on a timer");
        assertThat(request.json().path("task").path("taskDefinitionKey").asText()).isEqualTo("Task_Wait");
        assertThat(request.json().path("groups")).extracting(JsonNode::asText).containsExactly("qa-engineer");
      });
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void anIncidentIsNotifiedToTheAdminsWithItsMessageAsData() {
    // given a story whose feasibility step fails for good
    ProcessInstance story = driver.start("backend");
    ExternalTaskWorker worker = StoryDriver.worker(engine);
    LockedExternalTask step = worker.lock(story.getBusinessKey(), StoryProcess.TASK_FEASIBILITY_REVIEW).get(0);

    // when the failure leaves no retries
    engine.getExternalTaskService().handleFailure(step.getId(), worker.workerId(),
        "Agent crashed <!channel> & gave up", "details", 0, 0);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(story.getId()).count()).isOne();
    awaitDelivered(story.getBusinessKey());

    // then the admins hear of it, with a link to Cockpit; the message cannot ping a Slack channel
    JsonNode incident = requestsOfStory(TEAM, story.getBusinessKey()).stream()
        .filter(request -> event(request).equals("incident")).collect(single()).json();
    assertThat(incident.path("incident").path("type").asText()).isEqualTo("failedExternalTask");
    assertThat(incident.path("incident").path("activityId").asText()).isEqualTo("Task_FeasibilityReview");
    assertThat(incident.path("incident").path("message").asText()).isEqualTo("Agent crashed <!channel> & gave up");
    assertThat(incident.path("groups")).extracting(JsonNode::asText).containsExactly("camunda-admin");
    assertThat(incident.path("cockpitLink").asText()).isEqualTo(BASE + "/camunda/app/cockpit/" + engine.getName()
        + "/#/process-instance/" + story.getId() + "/runtime");
    assertThat(incident.path("text").asText()).contains("has an incident at Task_FeasibilityReview: Agent crashed "
        + "&lt;!channel&gt; &amp; gave up.").doesNotContain("<!channel>");
    List<MimeMessage> mails = mails(incident.path("id").asText());
    assertThat(recipients(mails)).containsExactlyElementsOf(emailsOf(List.of("camunda-admin")));
    assertThat(content(mails.get(0))).contains("Agent crashed <!channel> & gave up.");
  }

  @Test
  void aReceiverFailingThreeTimesGetsTheNotificationOnTheFourthTry() {
    // given a story in UAT
    ProcessInstance story = driver.startAt(Status.UAT.entryElementId(), Map.of());

    // when it is accepted, while the flaky receiver answers 500 to its end three times
    driver.completeTask(story, "Task_UAT", approve());
    awaitDelivered(story.getBusinessKey());

    // then the story is done regardless, and the fourth try got through, with the same body each time
    BpmnAwareTests.assertThat(story).isEnded();
    String eventId = requestsOfStory(TEAM, story.getBusinessKey()).stream()
        .filter(request -> event(request).equals("storyDone")).collect(single()).eventId();
    List<Request> tries = RECEIVER.requests(FLAKY, eventId);
    assertThat(tries).extracting(Request::answered).containsExactly(500, 500, 500, 200);
    assertThat(tries).extracting(Request::text).containsOnly(tries.get(0).text());
    assertThat(tries).extracting(request -> request.header(WebhookSignature.HEADER)).containsOnlyNulls();
    Map<String, Object> row = jdbc.queryForMap("SELECT STATE, ATTEMPTS, LAST_RESULT FROM SF_NOTIFICATION_OUTBOX "
        + "WHERE EVENT_ID = ? AND CHANNEL = ?", eventId, new NotificationProperties.Webhook(RECEIVER.url(FLAKY),
            List.of(), null).channel());
    assertThat(row).containsEntry("STATE", "SENT").containsEntry("ATTEMPTS", 4)
        .containsEntry("LAST_RESULT", "HTTP 200 from localhost");
  }

  @Test
  void aHangingReceiverDoesNotHoldUpATaskCompletion() throws Exception {
    // given a story in Code review, and the slow receiver holding its notification without answering
    CountDownLatch hang = new CountDownLatch(1);
    RECEIVER.answer(SLOW, request -> {
      hang.await();
      return 200;
    });
    ProcessInstance story = driver.startAt(Status.CODE_REVIEW.entryElementId(), Map.of());
    String storyId = story.getBusinessKey();
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(story.getId()).singleResult();
    try {
      await(() -> !requestsOfStory(SLOW, storyId).isEmpty(), "the slow receiver to hold the first notification");
      Request held = requestsOfStory(SLOW, storyId).get(0);

      // when the reviewer approves over real HTTP
      HttpTestClient.Reply reply = new HttpTestClient(port).post("reviewer",
          "/engine-rest/task/" + review.getId() + "/complete", Map.of("variables", Map.of("approved",
              Map.of("value", true))));

      // then the completion has returned and the story moved on, while the receiver still holds the request
      assertThat(reply.status()).as(reply.body()).isEqualTo(204);
      BpmnAwareTests.assertThat(story).isWaitingAt("Task_IntegrationTest");
      assertThat(held.answered()).as("the receiver has not answered yet").isZero();
      assertThat(hang.getCount()).isOne();
    } finally {
      hang.countDown();
      RECEIVER.answer(SLOW, request -> 200);
    }

    // and once the receiver answers, both waiting tasks reach it (an answer that came after the
    // sender's timeout counted as a failure, so that event may have been sent again)
    awaitDelivered(storyId);
    assertThat(requestsOfStory(SLOW, storyId)).filteredOn(request -> request.answered() == 200)
        .extracting(request -> request.json().path("task").path("taskDefinitionKey").asText())
        .containsOnly("Task_CodeReview", "Task_IntegrationTest")
        .contains("Task_CodeReview", "Task_IntegrationTest");
  }

  @Test
  void aRolledBackCommandLeavesNoNotification() {
    // given a command that starts a story, so that its first tasks are notified
    String storyId = "RB-" + UUID.randomUUID().toString().substring(0, 8);

    // when the command fails after the start
    assertThatThrownBy(() -> commands().execute(context -> {
      engine.getRuntimeService().startProcessInstanceByKey(StoryProcess.KEY, storyId,
          StoryDriver.storyVariables(storyId, "backend"));
      // the rows are there, in the command's own transaction
      assertThat(outboxRows(storyId)).isPositive();
      throw new IllegalStateException("rolled back on purpose");
    })).hasMessage("rolled back on purpose");

    // then neither the story nor its notifications exist
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(storyId)
        .count()).isZero();
    assertThat(outboxRows(storyId)).isZero();
  }

  private CommandExecutor commands() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  private int outboxRows(String storyId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM SF_NOTIFICATION_OUTBOX WHERE STORY_ID = ?", Integer.class,
        storyId);
  }

  /** Waits until the story has notifications and none of them is pending; none may have failed. */
  private void awaitDelivered(String storyId) {
    await(() -> outboxRows(storyId) > 0 && jdbc.queryForObject("SELECT COUNT(*) FROM SF_NOTIFICATION_OUTBOX "
        + "WHERE STORY_ID = ? AND STATE = 'PENDING'", Integer.class, storyId) == 0, "the notifications of " + storyId);
    assertThat(jdbc.queryForList("SELECT STATE FROM SF_NOTIFICATION_OUTBOX WHERE STORY_ID = ?", String.class, storyId))
        .containsOnly("SENT");
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static List<Request> requestsOfStory(String path, String storyId) {
    return RECEIVER.requests(path).stream().filter(request -> storyId.equals(request.json().path("storyId").asText()))
        .toList();
  }

  private static Request onlyEvent(List<Request> requests, String event, String taskId) {
    return requests.stream().filter(request -> event(request).equals(event)
        && taskId.equals(request.json().path("task").path("id").asText())).collect(single());
  }

  private static String event(Request request) {
    return request.json().path("event").asText();
  }

  private static List<String> groups(Request request) {
    List<String> groups = new ArrayList<>();
    request.json().path("groups").forEach(group -> groups.add(group.asText()));
    return groups;
  }

  private static void assertSignedAndLabelled(Request request) {
    assertThat(request.header(WebhookSignature.HEADER)).isEqualTo(new WebhookSignature(SECRET).of(request.body()));
    assertThat(request.header("X-Storyflow-Event")).isEqualTo(event(request));
    assertThat(request.eventId()).isEqualTo(request.json().path("id").asText());
    assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private Set<String> emailsOf(Collection<String> groups) {
    Set<String> emails = new TreeSet<>();
    for (String group : groups) {
      engine.getIdentityService().createUserQuery().memberOfGroup(group).list().stream().map(User::getEmail)
          .forEach(emails::add);
    }
    assertThat(emails).as("members of %s with an e-mail", groups).isNotEmpty();
    return emails;
  }

  /** The mails of one event: GreenMail keeps one copy per recipient. */
  private static List<MimeMessage> mails(String eventId) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> eventId.equals(header(mail))).toList();
  }

  private static List<String> recipients(List<MimeMessage> mails) {
    assertThat(mails).as("mails").isNotEmpty();
    try {
      Address[] to = mails.get(0).getRecipients(jakarta.mail.Message.RecipientType.TO);
      assertThat(mails).as("one copy per recipient").hasSize(to.length);
      return Arrays.stream(to).map(Address::toString).sorted().toList();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }

  private static String header(MimeMessage mail) {
    try {
      String[] values = mail.getHeader(WebhookChannel.ID_HEADER);
      return values == null ? null : values[0];
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    }
  }

  private static String content(MimeMessage mail) {
    try {
      return mail.getContent().toString();
    } catch (MessagingException e) {
      throw new AssertionError(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> java.util.stream.Collector<T, ?, T> single() {
    return Collectors.collectingAndThen(Collectors.toList(), list -> {
      assertThat(list).hasSize(1);
      return list.get(0);
    });
  }

  private static GreenMail smtp() {
    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    return greenMail;
  }
}
