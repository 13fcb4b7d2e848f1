package dev.storyflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyflow.HttpTestClient;
import dev.storyflow.HttpTestClient.Reply;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Story text is data: a Camunda Form in Tasklist shows it literally. HTML in a story's fields is
 * not interpreted (no image loads, no script runs), Markdown links stay text, and a field longer
 * than the engine's 4,000-character text column is shown whole, in the form and in Cockpit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:storyflow-story-text;DB_CLOSE_DELAY=-1",
    "camunda.bpm.generate-unique-process-engine-name=false"})
@ActiveProfiles("test")
@DirtiesContext
class StoryTextRenderingBrowserIT {

  static final String IMAGE_IN_REFERENCE = "<img src=x onerror=\"window.pwned='reference'\">";
  static final String IMAGE_IN_NOTES = "<img src=x onerror=\"window.pwned='notes'\">";
  static final String IMAGE_IN_CRITERION = "<img src=x onerror=\"window.pwned='criterion'\">";
  static final String SCRIPT_IN_NOTES = "<script>window.pwned='script'</script>";
  static final String MARKDOWN_LINK = "[phish](http://example.invalid)";
  static final String HTML_LINK = "<a href=\"http://example.invalid\">sign in again</a>";

  @LocalServerPort
  int port;
  @Autowired
  TaskService taskService;

  @Test
  void storyTextShowsAsTextInTheTaskForm() throws Exception {
    // given a story whose fields hold HTML, Markdown links and 4,500 characters of notes
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    String longNotes = "Background. ".repeat(360) + "End of the notes.";
    Map<String, Object> story = Map.of("storyId", storyId,
        "title", "Pay invoices " + IMAGE_IN_REFERENCE.replace("reference", "title"),
        "asA", "accountant", "iWant", "to pay invoices, see " + HTML_LINK, "soThat", "suppliers are paid",
        "acceptanceCriteria", List.of("An invoice is paid once, see " + MARKDOWN_LINK, IMAGE_IN_CRITERION),
        "reference", IMAGE_IN_REFERENCE + " design: " + MARKDOWN_LINK + " " + HTML_LINK,
        "notes", IMAGE_IN_NOTES + "\n" + SCRIPT_IN_NOTES + "\n" + MARKDOWN_LINK + "\n" + longNotes);
    Reply created = new HttpTestClient(port).post("po", "/api/stories", story);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(storyId)
        .taskDefinitionKey("Task_ArchitectReview").singleResult();

    try (WebappSession tasklist = WebappSession.open(port)) {
      try {
        // when the architect opens the task
        tasklist.loginToTasklist("architect", "demo");
        WebElement form = tasklist.openTaskForm(task.getId(), "End of the notes.");

        // then every field shows its text literally, the long notes whole
        assertThat(form.getText()).contains(IMAGE_IN_REFERENCE + " design: " + MARKDOWN_LINK + " " + HTML_LINK,
            IMAGE_IN_NOTES, SCRIPT_IN_NOTES, IMAGE_IN_CRITERION, "An invoice is paid once, see " + MARKDOWN_LINK,
            "to pay invoices, see " + HTML_LINK, IMAGE_IN_REFERENCE.replace("reference", "title"),
            longNotes.substring(longNotes.length() - 200));
        // and none of it became an element, nor ran
        assertThat(form.findElements(By.tagName("img"))).isEmpty();
        assertThat(form.findElements(By.tagName("script"))).isEmpty();
        assertThat(form.findElements(By.xpath(".//a[contains(@href, 'example.invalid')]"))).isEmpty();
        assertThat(form.findElements(By.xpath(".//strong[contains(., 'sign in')] | .//em[contains(., 'phish')]")))
            .isEmpty();
        assertThat(tasklist.script("return window.pwned === undefined;")).isEqualTo(true);
      } catch (RuntimeException | AssertionError e) {
        tasklist.screenshot("story-text-rendering");
        throw e;
      }
    }
  }

  @Test
  void longNotesAreReadableInCockpit() throws Exception {
    // given a story with 6,000 characters of notes, stored apart from the engine's text column
    String storyId = "US-" + UUID.randomUUID().toString().substring(0, 8);
    String notes = "Background of the story. ".repeat(240) + "Last words of the notes.";
    Reply created = new HttpTestClient(port).post("po", "/api/stories", Map.of("storyId", storyId,
        "title", "Keep long notes", "asA", "product owner", "iWant", "long notes kept", "soThat", "nothing is lost",
        "notes", notes));
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    try (WebappSession cockpit = WebappSession.open(port)) {
      try {
        // when the admin opens the story's variables in Cockpit
        cockpit.loginToCockpit("admin", "demo");
        WebElement page = cockpit.openVariablesInCockpit(created.json().path("processInstanceId").asText(),
            "Last words of the notes.");

        // then the notes are there whole, as a String
        assertThat(page.getText()).contains(notes.substring(notes.length() - 300));
        WebElement row = page.findElement(By.xpath("//tr[td[1][normalize-space(.) = 'notes']]"));
        assertThat(row.findElement(By.xpath("td[2]")).getText().trim()).isEqualTo("String");
      } catch (RuntimeException | AssertionError e) {
        cockpit.screenshot("long-notes-in-cockpit");
        throw e;
      }
    }
  }
}
