package dev.storyflow.web;

import static dev.storyflow.web.FuzzCase.Expect.BAD_REQUEST;
import static dev.storyflow.web.FuzzCase.Expect.NO_SERVER_ERROR;
import static dev.storyflow.web.FuzzCase.Expect.SUCCESS;

import dev.storyflow.web.FuzzCase.Door;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Hostile bodies for Storyflow's API: {@code /api/stories}, {@code /api/feasibility} and
 * {@code /api/feasibility/batch} (whose bodies are arrays of the same stories).
 */
final class ApiFuzzInputs {

  private static final List<Door> DOORS = List.of(Door.STORIES, Door.FEASIBILITY, Door.FEASIBILITY_BATCH);

  private final FuzzText text;
  private final List<FuzzCase> cases = new ArrayList<>();

  ApiFuzzInputs(FuzzText text) {
    this.text = text;
  }

  List<FuzzCase> all() {
    for (Door door : DOORS) {
      valid(door);
      longTextWithinLimits(door);
      overLongText(door);
      nullAndEmptyBodies(door);
      brokenJson(door);
      deepJson(door);
      trailingGarbage(door);
      duplicateKeys(door);
      wrongScalarTypes(door);
      badCharacters(door);
      brokenComponents(door);
      unknownFields(door);
    }
    badBatches();
    queries();
    return cases;
  }

  Map<String, Object> story() {
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("storyId", text.storyId());
    story.put("title", "Export " + text.line(20));
    story.put("asA", "accountant");
    story.put("iWant", "to export " + text.line(30));
    story.put("soThat", "I can file taxes");
    story.put("acceptanceCriteria", List.of("One row per invoice", "Totals match the ledger"));
    story.put("components", List.of("backend"));
    return story;
  }

  private void valid(Door door) {
    for (int i = 0; i < 3; i++) {
      Map<String, Object> story = story();
      story.put("priority", text.pick(List.of("LOW", "HIGH")));
      story.put("storyPoints", 1 + text.random().nextInt(100));
      story.put("dependsOn", List.of("US-1", "US-2"));
      story.put("notes", text.text(200));
      add("valid story (control)", door, story, SUCCESS);
    }
  }

  private void longTextWithinLimits(Door door) {
    List<UnaryOperator<Map<String, Object>>> variants = List.of(
        s -> with(s, "notes", text.text(4_001 + text.random().nextInt(16_000))),
        s -> with(s, "notes", text.text(20_000)),
        s -> with(s, "acceptanceCriteria", List.of(text.line(1_500), text.line(1_500), text.line(1_500))),
        s -> with(s, "acceptanceCriteria", Collections.nCopies(50, text.line(2_000))),
        s -> with(with(s, "reference", text.line(2_000)), "asA", text.line(1_000)));
    for (UnaryOperator<Map<String, Object>> variant : variants) {
      add("long text within the limits", door, variant.apply(story()), SUCCESS);
    }
  }

  private void overLongText(Door door) {
    List<UnaryOperator<Map<String, Object>>> variants = List.of(
        s -> with(s, "notes", text.text(20_001 + text.random().nextInt(5_000))),
        s -> with(s, "title", text.line(201)),
        s -> with(s, "asA", text.line(1_001)),
        s -> with(s, "iWant", text.line(1_001 + text.random().nextInt(4_000))),
        s -> with(s, "soThat", text.line(1_001)),
        s -> with(s, "reference", text.line(2_001 + text.random().nextInt(3_000))),
        s -> with(s, "repository", "/repos/" + text.line(1_000)),
        s -> with(s, "epic", text.line(101)),
        s -> with(s, "sprint", text.line(65)),
        s -> with(s, "storyId", "US-" + "1".repeat(62)),
        s -> with(s, "acceptanceCriteria", List.of(text.line(2_001))),
        s -> with(s, "acceptanceCriteria", Collections.nCopies(51, "A criterion")),
        s -> with(s, "dependsOn", Collections.nCopies(51, "US-1")));
    for (UnaryOperator<Map<String, Object>> variant : variants) {
      add("over-long text", door, variant.apply(story()), BAD_REQUEST);
    }
  }

  private void nullAndEmptyBodies(Door door) {
    for (String body : List.of("null", " null ", "", "\n", "[null]")) {
      if (door != Door.FEASIBILITY_BATCH && body.equals("[null]")) {
        continue;
      }
      cases.add(FuzzCase.of("null body", door, body, BAD_REQUEST));
    }
  }

  private void brokenJson(Door door) {
    for (int i = 0; i < 8; i++) {
      cases.add(FuzzCase.of("broken JSON", door, text.broken(body(door, story())), NO_SERVER_ERROR));
    }
    for (String body : List.of("{", "{\"storyId\":", "nul", "{'storyId': 'X'}", "{storyId: \"X\"}", "\"a story\"",
        "42", "true", "{\"storyId\": \"X\",}", "{\"title\": \"\\x41\"}", "{\"title\": \"\\u12\"}")) {
      cases.add(FuzzCase.of("broken JSON", door, body, BAD_REQUEST));
    }
    byte[] invalidUtf8 = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    cases.add(new FuzzCase("broken JSON", door, invalidUtf8, BAD_REQUEST, null, null, null, null));
  }

  private void deepJson(Door door) {
    cases.add(FuzzCase.of("5,000-deep JSON", door, text.deepJson(), BAD_REQUEST));
    String story = body(door, with(story(), "title", "@DEEP@"));
    cases.add(FuzzCase.of("5,000-deep JSON", door, story.replace("\"@DEEP@\"", text.deepJson()), BAD_REQUEST));
    String criteria = body(door, with(story(), "acceptanceCriteria", List.of("@DEEP@")));
    cases.add(FuzzCase.of("5,000-deep JSON", door, criteria.replace("\"@DEEP@\"", text.deepJson()), BAD_REQUEST));
  }

  private void trailingGarbage(Door door) {
    for (int i = 0; i < 4; i++) {
      cases.add(FuzzCase.of("trailing garbage", door, text.trailing(body(door, story())), BAD_REQUEST));
    }
  }

  private void duplicateKeys(Door door) {
    for (String field : List.of("storyId", "title", "asA", "components", "acceptanceCriteria")) {
      String story = text.json(story());
      String duplicate = "{\"" + field + "\": " + text.json(field.equals("components") ? List.of("frontend")
          : field.equals("acceptanceCriteria") ? List.of("Another criterion") : "Again") + ", " + story.substring(1);
      cases.add(FuzzCase.of("duplicate keys", door, door == Door.FEASIBILITY_BATCH ? "[" + duplicate + "]" : duplicate,
          BAD_REQUEST));
    }
  }

  private void wrongScalarTypes(Door door) {
    List<Object[]> variants = List.of(new Object[] {"storyId", 123}, new Object[] {"storyId", true},
        new Object[] {"title", 123}, new Object[] {"title", false}, new Object[] {"title", List.of("A", "B")},
        new Object[] {"storyPoints", 1.5}, new Object[] {"storyPoints", "3"}, new Object[] {"storyPoints", true},
        new Object[] {"storyPoints", 99_999_999_999L}, new Object[] {"storyPoints", 1e2},
        new Object[] {"notes", Map.of("text", "x")}, new Object[] {"acceptanceCriteria", "One line"},
        new Object[] {"acceptanceCriteria", List.of("ok", 7)}, new Object[] {"dependsOn", "US-1"},
        new Object[] {"priority", 3}, new Object[] {"repository", 42});
    for (Object[] variant : variants) {
      add("wrong scalar types", door, with(story(), (String) variant[0], variant[1]), BAD_REQUEST);
    }
  }

  private void badCharacters(Door door) {
    List<String> fields = List.of("storyId", "title", "asA", "epic", "sprint", "repository", "notes", "reference");
    for (String field : fields) {
      String bad = text.pick(FuzzText.BAD_CHARACTERS);
      Map<String, Object> story = story();
      Object value = story.getOrDefault(field, "some text");
      add("NUL, control characters, lone surrogates", door,
          with(story, field, text.withBadCharacter(value.toString(), bad)), BAD_REQUEST);
    }
    add("NUL, control characters, lone surrogates", door, with(story(), "repository", "/repos/a"
        + text.withBadCharacter("", "\\u0000") + "b"), BAD_REQUEST);
    add("NUL, control characters, lone surrogates", door, with(story(), "title", "A "
        + text.withBadCharacter("", "\\ud800") + " story"), BAD_REQUEST);
    add("NUL, control characters, lone surrogates", door, with(story(), "acceptanceCriteria",
        List.of("ok", text.withBadCharacter("A criterion", "\\u0000"))), BAD_REQUEST);
    add("NUL, control characters, lone surrogates", door, with(story(), "dependsOn",
        List.of(text.withBadCharacter("US-1", "\\ud800"))), BAD_REQUEST);
  }

  private void brokenComponents(Door door) {
    for (Object components : List.of(List.of("mainframe"), List.of("Backend"), List.of(""), List.of(1),
        List.of(List.of("backend")), "backend", Map.of("backend", true), List.of("backend", "frontend", "backend"),
        List.of("backend,frontend"))) {
      add("broken components", door, with(story(), "components", components), BAD_REQUEST);
    }
    String nullItem = body(door, with(story(), "components", List.of("@NULL@")));
    cases.add(FuzzCase.of("broken components", door, nullItem.replace("\"@NULL@\"", "null"), BAD_REQUEST));
  }

  private void unknownFields(Door door) {
    for (String field : List.of("status", "createdBy", "frontendInvolved", "storyid", "__proto__", "feasibility",
        "x".repeat(300))) {
      add("unknown fields", door, with(story(), field, "DONE"), BAD_REQUEST);
    }
  }

  private void badBatches() {
    Door batch = Door.FEASIBILITY_BATCH;
    cases.add(FuzzCase.of("bad batch", batch, "[]", BAD_REQUEST));
    cases.add(FuzzCase.of("bad batch", batch, text.json(story()), BAD_REQUEST));
    cases.add(FuzzCase.of("bad batch", batch, "[" + text.json(story()) + ", null]", BAD_REQUEST));
    cases.add(FuzzCase.of("bad batch", batch, "[[" + text.json(story()) + "]]", BAD_REQUEST));
    cases.add(FuzzCase.of("bad batch", batch, "[\"a story\", 1]", BAD_REQUEST));
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(story());
    }
    cases.add(FuzzCase.of("bad batch", batch, text.json(tooMany), BAD_REQUEST));
    cases.add(FuzzCase.of("valid story (control)", batch, text.json(List.of(story(), story(), story())), SUCCESS));
  }

  /** Reads with query parameters: on {@code /api/stories}, and on the webapps' API that Tasklist calls. */
  private void queries() {
    for (String parameter : List.of("epic", "sprint", "status", "overdue")) {
      cases.add(FuzzCase.read("NUL, control characters in query parameters", Door.STORY_QUERY,
          parameter + "=" + text.badQueryValue("ledger"), BAD_REQUEST));
    }
    cases.add(FuzzCase.read("NUL, control characters in query parameters", Door.STORY_QUERY,
        "ep" + text.pick(FuzzText.BAD_QUERY_VALUES) + "ic=ledger", BAD_REQUEST));
    for (int i = 0; i < 4; i++) {
      cases.add(FuzzCase.read("NUL, control characters in query parameters", Door.WEBAPP_NEXT_STORY_ID,
          "epic=" + text.badQueryValue("ledger"), BAD_REQUEST));
      cases.add(FuzzCase.read("NUL, control characters in query parameters", Door.WEBAPP_TASK_QUERY,
          "processInstanceBusinessKey=" + text.badQueryValue("US-101"), BAD_REQUEST));
    }
    for (String query : List.of("epic=ledger", "epic=caf%C3%A9+%E5%B8%B3%E7%B0%BF", "status=DRAFT&overdue=true")) {
      cases.add(FuzzCase.read("query parameters (control)", Door.STORY_QUERY, query, SUCCESS));
    }
    cases.add(FuzzCase.read("query parameters (control)", Door.WEBAPP_NEXT_STORY_ID, "epic=ledger", SUCCESS));
    cases.add(FuzzCase.read("query parameters (control)", Door.WEBAPP_TASK_QUERY,
        "processInstanceBusinessKey=US-101&sortBy=created&sortOrder=desc", SUCCESS));
  }

  private void add(String inputClass, Door door, Map<String, Object> story, FuzzCase.Expect expect) {
    cases.add(FuzzCase.of(inputClass, door, body(door, story), expect));
  }

  private String body(Door door, Map<String, Object> story) {
    return door == Door.FEASIBILITY_BATCH ? text.json(List.of(story)) : text.json(story);
  }

  private static Map<String, Object> with(Map<String, Object> story, String field, Object value) {
    story.put(field, value);
    return story;
  }
}
