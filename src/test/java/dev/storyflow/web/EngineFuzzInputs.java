package dev.storyflow.web;

import static dev.storyflow.web.FuzzCase.Expect.BAD_REQUEST;
import static dev.storyflow.web.FuzzCase.Expect.CLIENT_ERROR;
import static dev.storyflow.web.FuzzCase.Expect.NOT_FOUND;
import static dev.storyflow.web.FuzzCase.Expect.NO_SERVER_ERROR;
import static dev.storyflow.web.FuzzCase.Expect.SUCCESS;

import dev.storyflow.web.FuzzCase.Door;
import dev.storyflow.web.FuzzCase.Expect;
import dev.storyflow.web.FuzzCase.Target;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hostile requests for Camunda's REST API: the story's start
 * ({@code /engine-rest/process-definition/key/story-lifecycle/start}), task completions and
 * deletions. Variables are sent the way Camunda's REST API takes them: {@code value},
 * {@code type}, {@code valueInfo}.
 */
final class EngineFuzzInputs {

  private final FuzzText text;
  private final List<FuzzCase> cases = new ArrayList<>();

  EngineFuzzInputs(FuzzText text) {
    this.text = text;
  }

  List<FuzzCase> all() {
    starts();
    for (Target target : Target.values()) {
      completions(target);
    }
    missingAndProcessTasks();
    queries();
    return cases;
  }

  // ---- the start

  private void starts() {
    start("valid story (control)", story(), SUCCESS);
    start("valid story (control)", with(story(), "components", json("[\"backend\", \"frontend\"]")), SUCCESS);
    Map<String, Object> idAsVariable = story();
    idAsVariable.put("storyId", string(text.storyId()));
    cases.add(FuzzCase.of("valid story (control)", Door.ENGINE_START, text.json(Map.of("variables", idAsVariable)),
        SUCCESS));

    start("long text within the limits", with(story(), "notes", string(text.text(4_001 + text.random().nextInt(16_000)))),
        SUCCESS);
    start("long text within the limits", with(story(), "acceptanceCriteria",
        string(String.join("\n", text.line(1_500), text.line(1_500), text.line(1_500)))), SUCCESS);
    start("long text within the limits", with(story(), "acceptanceCriteria",
        string(String.join("\n", Collections.nCopies(50, text.line(2_000))))), SUCCESS);

    start("over-long text", with(story(), "notes", string(text.text(20_001))), BAD_REQUEST);
    start("over-long text", with(story(), "title", string(text.line(201))), BAD_REQUEST);
    start("over-long text", with(story(), "acceptanceCriteria", string(text.line(2_001))), BAD_REQUEST);
    start("over-long text", with(story(), "acceptanceCriteria",
        string(String.join("\n", Collections.nCopies(51, "A criterion")))), BAD_REQUEST);
    start("over-long text", with(story(), "reference", string(text.line(4_001))), BAD_REQUEST);
    startWithKey("over-long text", "US-" + "7".repeat(297), story(), BAD_REQUEST);

    for (String body : List.of("null", "", " null", "{}", "{\"variables\": null}", "[]", "{\"variables\": []}",
        "{\"variables\": \"title\"}", "{\"businessKey\": null, \"variables\": {}}")) {
      cases.add(FuzzCase.of("null body", Door.ENGINE_START, body, BAD_REQUEST));
    }
    for (int i = 0; i < 8; i++) {
      cases.add(FuzzCase.of("broken JSON", Door.ENGINE_START, text.broken(startBody(text.storyId(), story())),
          NO_SERVER_ERROR));
    }
    for (String body : List.of("{", "{\"businessKey\": \"X\", \"variables\": {\"title\": {\"value\": }}}", "nul",
        "{\"variables\": {\"title\": {\"value\": \"\\u12\"}}}")) {
      cases.add(FuzzCase.of("broken JSON", Door.ENGINE_START, body, BAD_REQUEST));
    }
    cases.add(FuzzCase.of("5,000-deep JSON", Door.ENGINE_START, text.deepJson(), BAD_REQUEST));
    cases.add(FuzzCase.of("5,000-deep JSON", Door.ENGINE_START,
        startBody(text.storyId(), with(story(), "title", Map.of("value", "@DEEP@"))).replace("\"@DEEP@\"",
            text.deepJson()), BAD_REQUEST));
    for (String name : List.of("components", "notes", "payload")) {
      start("5,000-deep JSON", with(story(), name, json(text.deepJson())), BAD_REQUEST);
    }
    for (int i = 0; i < 3; i++) {
      cases.add(FuzzCase.of("trailing garbage", Door.ENGINE_START, text.trailing(startBody(text.storyId(), story())),
          BAD_REQUEST));
      String body = startBody(text.storyId(), story());
      cases.add(FuzzCase.of("duplicate keys", Door.ENGINE_START,
          "{\"businessKey\": \"" + text.storyId() + "\", " + body.substring(1), BAD_REQUEST));
    }

    for (Object[] variant : List.<Object[]>of(new Object[] {"title", typed(123, "Integer")},
        new Object[] {"title", typed(true, "Boolean")}, new Object[] {"storyPoints", string("3")},
        new Object[] {"storyPoints", typed("abc", "Integer")}, new Object[] {"storyPoints", typed(1.5, "Double")},
        new Object[] {"storyPoints", typed(1L << 40, "Long")}, new Object[] {"title", typed("yesterday", "Date")},
        new Object[] {"title", typed("QUJD", "Bytes")}, new Object[] {"title", typed("%%%", "Bytes")},
        new Object[] {"notes", file()}, new Object[] {"title", typed("A story", "NoSuchType")},
        new Object[] {"title", Map.of("value", Map.of("text", "A story"))},
        new Object[] {"acceptanceCriteria", Map.of("value", List.of("One", 2))},
        new Object[] {"title", typed("<a/>", "Xml")}, new Object[] {"title", Map.of("type", "String")})) {
      start("wrong scalar types", with(story(), (String) variant[0], variant[1]), BAD_REQUEST);
    }
    cases.add(FuzzCase.of("wrong scalar types", Door.ENGINE_START,
        "{\"businessKey\": {\"id\": \"X\"}, \"variables\": " + text.json(story()) + "}", BAD_REQUEST));
    cases.add(FuzzCase.of("wrong scalar types", Door.ENGINE_START,
        "{\"businessKey\": [\"X\"], \"variables\": " + text.json(story()) + "}", BAD_REQUEST));

    for (int i = 0; i < 6; i++) {
      String bad = text.pick(FuzzText.BAD_CHARACTERS);
      start("NUL, control characters, lone surrogates", with(story(), text.pick(List.of("title", "asA", "repository",
          "notes", "reference", "epic")), string(text.withBadCharacter("A story text", bad))), BAD_REQUEST);
    }
    startWithKey("NUL, control characters, lone surrogates", text.withBadCharacter("US-7", "\\u0000"), story(),
        BAD_REQUEST);
    startWithKey("NUL, control characters, lone surrogates", text.withBadCharacter("US-8", "\\ud800"), story(),
        BAD_REQUEST);
    start("NUL, control characters, lone surrogates", with(story(), text.withBadCharacter("title", "\\u0000"),
        string("A story")), BAD_REQUEST);

    List<String> classes = List.of("com.example.Unknown", "java.io.File", "java.lang.ProcessBuilder",
        "javax.script.ScriptEngineManager", "java.net.URL");
    List<String> names = List.of("title", "components", "notes", "storyId", "payload");
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      start("Object of an unknown class", with(story(), name, object(classes.get(i), "\"/etc/passwd\"")),
          BAD_REQUEST);
      start("Object without valueInfo", with(story(), name, text.pick(List.<Object>of(
          Map.of("value", "{}", "type", "Object"), Map.of("value", "{}", "type", "Object", "valueInfo", Map.of()),
          Map.of("value", "[]", "type", "Object", "valueInfo", Map.of("serializationDataFormat", "application/json"))))),
          BAD_REQUEST);
      start("Java-serialized Object", with(story(), name, javaSerialized(text.random().nextBoolean()
          ? "A story" : new File("/etc/passwd"))), BAD_REQUEST);
      start("broken Json variable", with(story(), name, json(text.pick(List.of("{not json", "[\"backend\"",
          "{\"a\": }", "", "nul")))), BAD_REQUEST);
      start("300-character variable names", with(story(), name + "x".repeat(300 - name.length()),
          string("A value")), BAD_REQUEST);
    }
    // a class Camunda's default allow-list has; Storyflow's allows no class at all
    start("Object of a java.util class", with(story(), "components", object("java.util.ArrayList", "[\"backend\"]")),
        BAD_REQUEST);
    for (Object components : List.<Object>of(string("mainframe"), string("backend,frontend,backend"),
        string("backend;frontend"), typed(5, "Integer"), json("{\"backend\": true}"), json("[1, 2]"), json("[[\"backend\"]]"),
        json("\"backend\""), object("java.util.ArrayList", "[1]"), object("java.util.HashMap", "{}"))) {
      start("broken components", with(story(), "components", components), BAD_REQUEST);
    }
    for (String name : List.of("status", "feasibility", "overrides", "decision", "createdBy2", "")) {
      start("unknown fields", with(story(), name, string("DONE")), BAD_REQUEST);
    }
    for (String options : List.of("\"skipCustomListeners\": true", "\"skipIoMappings\": true",
        "\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_UAT\"}]",
        "\"startInstructions\": [{\"type\": \"nonsense\"}]")) {
      String body = startBody(text.storyId(), story());
      cases.add(FuzzCase.of("start options", Door.ENGINE_START, "{" + options + ", " + body.substring(1),
          CLIENT_ERROR));
    }
  }

  // ---- completions

  private void completions(Target target) {
    complete("valid decision (control)", target, valid(target), SUCCESS);
    complete("long text within the limits", target, longDecision(target, 4_001 + text.random().nextInt(6_000)),
        SUCCESS);
    complete("over-long text", target, longDecision(target, 10_001 + text.random().nextInt(30_000)), BAD_REQUEST);
    for (String body : List.of("null", " null\n", "[]", "{\"variables\": []}", "{\"variables\": \"approved\"}")) {
      cases.add(FuzzCase.toTask("null body", Door.ENGINE_COMPLETE, target, body, BAD_REQUEST));
    }
    // no decision at all: refused where a decision is required; a revision that changes nothing is fine
    for (String body : List.of("", "{}", "{\"variables\": null}")) {
      cases.add(FuzzCase.toTask("null body", Door.ENGINE_COMPLETE, target, body,
          target == Target.REVISE_STORY ? SUCCESS : BAD_REQUEST));
    }
    for (int i = 0; i < 4; i++) {
      cases.add(FuzzCase.toTask("broken JSON", Door.ENGINE_COMPLETE, target,
          text.broken(completeBody(reject(target, "Not yet"))), NO_SERVER_ERROR));
    }
    cases.add(FuzzCase.toTask("5,000-deep JSON", Door.ENGINE_COMPLETE, target, text.deepJson(), BAD_REQUEST));
    complete("5,000-deep JSON", target, with(reject(target, "Not yet"), "comment", json(text.deepJson())),
        BAD_REQUEST);
    cases.add(FuzzCase.toTask("trailing garbage", Door.ENGINE_COMPLETE, target,
        text.trailing(completeBody(with(reject(target, "Not yet"), "comment", string(text.line(20))))),
        BAD_REQUEST));

    String field = target == Target.REVISE_STORY ? "title" : "comment";
    for (Object value : List.<Object>of(typed(5, "Integer"), typed(true, "Boolean"), typed("QUJD", "Bytes"), file(),
        typed("maybe", "Boolean"), typed("A comment", "NoSuchType"), Map.of("value", Map.of("a", 1)))) {
      complete("wrong scalar types", target, with(reject(target, "Not yet"), field, value), BAD_REQUEST);
    }
    if (target != Target.REVISE_STORY) {
      complete("wrong scalar types", target, Map.of("approved", string("yes")), BAD_REQUEST);
      complete("wrong scalar types", target, Map.of("approved", typed(1, "Integer")), BAD_REQUEST);
      complete("wrong scalar types", target, with(reject(target, "Not yet"), "reworkTo", string("NOWHERE")),
          BAD_REQUEST);
    }
    for (int i = 0; i < 3; i++) {
      complete("NUL, control characters, lone surrogates", target, with(reject(target, "Not yet"), field,
          string(text.withBadCharacter("Not yet ready", text.pick(FuzzText.BAD_CHARACTERS)))), BAD_REQUEST);
    }
    complete("NUL, control characters, lone surrogates", target,
        with(reject(target, "Not yet"), text.withBadCharacter(field, "\\u0000"), string("x")), BAD_REQUEST);
    complete("Object of an unknown class", target, with(reject(target, "Not yet"), field,
        object(text.pick(List.of("com.example.Unknown", "java.io.File", "java.lang.ProcessBuilder")), "\"x\"")),
        BAD_REQUEST);
    complete("Object without valueInfo", target, with(reject(target, "Not yet"), field,
        Map.of("value", "\"x\"", "type", "Object")), BAD_REQUEST);
    complete("Java-serialized Object", target, with(reject(target, "Not yet"), field, javaSerialized("Not yet")),
        BAD_REQUEST);
    complete("broken Json variable", target, with(reject(target, "Not yet"), field, json("{\"broken\": ")),
        BAD_REQUEST);
    complete("300-character variable names", target, with(reject(target, "Not yet"), "c".repeat(300),
        string("x")), BAD_REQUEST);
    for (String name : List.of("status", "feasibility", "overrides", "decision")) {
      complete("unknown fields", target, with(reject(target, "Not yet"), name, string("DONE")), BAD_REQUEST);
    }
    if (target == Target.REVISE_STORY) {
      for (Object components : List.<Object>of(string("mainframe"), json("[\"backend\""), json("[1]"),
          object("com.example.Components", "{}"), typed(2, "Integer"))) {
        complete("broken components", target, Map.of("components", components), BAD_REQUEST);
      }
      complete("wrong scalar types", target, Map.of("storyId", string("ANOTHER-ID")), BAD_REQUEST);
    }
  }

  private void missingAndProcessTasks() {
    for (String id : List.of("does-not-exist", "7".repeat(300), "00000000-0000-0000-0000-000000000000")) {
      cases.add(FuzzCase.toTask("missing task", Door.ENGINE_COMPLETE, Target.ARCHITECT_REVIEW,
          completeBody(Map.of("approved", typed(true, "Boolean"))), NOT_FOUND).onTask(id));
      // Camunda answers the deletion of a task that is not there with 204
      cases.add(FuzzCase.toTask("missing task", Door.ENGINE_DELETE_TASK, Target.ARCHITECT_REVIEW, null,
          NO_SERVER_ERROR).onTask(id).by("admin"));
    }
    for (String id : List.of("..%2F..%2Fprocess-instance", "%00", "a%20b", "%ED%A0%80")) {
      cases.add(FuzzCase.toTask("missing task", Door.ENGINE_COMPLETE, Target.ARCHITECT_REVIEW,
          completeBody(Map.of("approved", typed(true, "Boolean"))), CLIENT_ERROR).onTask(id));
    }
    for (Target target : Target.values()) {
      cases.add(FuzzCase.toTask("DELETE of a process task", Door.ENGINE_DELETE_TASK, target, null, BAD_REQUEST)
          .by("admin"));
      // without the right to delete tasks: refused before the question arises (403 or 404)
      cases.add(FuzzCase.toTask("DELETE of a process task", Door.ENGINE_DELETE_TASK, target, null, CLIENT_ERROR));
    }
  }

  /** Reads with query parameters that reach the engine's queries (and so the database). */
  private void queries() {
    for (String parameter : List.of("processInstanceBusinessKey", "processInstanceBusinessKeyLike", "taskDefinitionKey",
        "candidateGroup", "assignee")) {
      cases.add(FuzzCase.read("NUL, control characters in query parameters", Door.ENGINE_TASK_QUERY,
          parameter + "=" + text.badQueryValue("US-101"), BAD_REQUEST));
    }
    cases.add(FuzzCase.read("NUL, control characters in query parameters", Door.ENGINE_TASK_QUERY,
        "processVariables=title_eq_" + text.badQueryValue("A-story"), BAD_REQUEST));
    for (int i = 0; i < 3; i++) {
      cases.add(FuzzCase.read("NUL, control characters in query parameters", Door.ENGINE_PROCESS_INSTANCE_QUERY,
          "businessKey=" + text.badQueryValue("US-101"), BAD_REQUEST));
      cases.add(FuzzCase.read("NUL, control characters in query parameters", Door.ENGINE_HISTORY_QUERY,
          "processInstanceBusinessKey=" + text.badQueryValue("US-101"), BAD_REQUEST));
    }
    cases.add(FuzzCase.read("NUL, control characters in query parameters", Door.ENGINE_PROCESS_INSTANCE_QUERY,
        "variables=storyId_eq_" + text.badQueryValue("US-101"), BAD_REQUEST));
    cases.add(FuzzCase.read("query parameters (control)", Door.ENGINE_TASK_QUERY,
        "processInstanceBusinessKey=US-101&taskDefinitionKey=Task_ArchitectReview", SUCCESS));
    cases.add(FuzzCase.read("query parameters (control)", Door.ENGINE_PROCESS_INSTANCE_QUERY,
        "businessKey=caf%C3%A9", SUCCESS));
    cases.add(FuzzCase.read("query parameters (control)", Door.ENGINE_HISTORY_QUERY,
        "processInstanceBusinessKey=US-101", SUCCESS));
  }

  private Map<String, Object> valid(Target target) {
    return switch (target) {
      case REVISE_STORY -> Map.of("notes", string(text.text(300)), "comment", string("Revised"));
      // no evidence in these tests' stories: approving is an override and needs a comment
      default -> Map.of("approved", typed(true, "Boolean"), "comment", string("Checked by hand"));
    };
  }

  private Map<String, Object> longDecision(Target target, int length) {
    return switch (target) {
      case SECURITY_REVIEW -> Map.of("securityConcerns", string(text.text(length)), "comment",
          string(text.text(Math.min(length, 10_000))));
      case REVISE_STORY -> Map.of("notes", string(text.text(length * 2)), "comment", string(text.text(length)));
      default -> reject(target, text.text(length));
    };
  }

  private Map<String, Object> reject(Target target, String comment) {
    Map<String, Object> variables = new LinkedHashMap<>();
    if (target != Target.REVISE_STORY) {
      variables.put("approved", typed(false, "Boolean"));
    }
    variables.put("comment", string(comment));
    if (target == Target.CODE_REVIEW || target == Target.SECURITY_REVIEW) {
      variables.put("reworkTo", string("IN_PROGRESS"));
    }
    return variables;
  }

  // ---- bodies and variables

  private Map<String, Object> story() {
    Map<String, Object> story = new LinkedHashMap<>();
    story.put("title", string("Import " + text.line(20)));
    story.put("asA", string("accountant"));
    story.put("iWant", string("to import " + text.line(30)));
    story.put("soThat", string("the books are complete"));
    story.put("acceptanceCriteria", string("One row per invoice\nTotals match the ledger"));
    story.put("components", string("backend"));
    return story;
  }

  private void start(String inputClass, Map<String, Object> variables, Expect expect) {
    startWithKey(inputClass, text.storyId(), variables, expect);
  }

  private void startWithKey(String inputClass, String businessKey, Map<String, Object> variables, Expect expect) {
    cases.add(FuzzCase.of(inputClass, Door.ENGINE_START, startBody(businessKey, variables), expect));
  }

  private void complete(String inputClass, Target target, Map<String, Object> variables, Expect expect) {
    cases.add(FuzzCase.toTask(inputClass, Door.ENGINE_COMPLETE, target, completeBody(variables), expect));
  }

  private String startBody(String businessKey, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("businessKey", businessKey);
    body.put("variables", variables);
    return text.json(body);
  }

  private String completeBody(Map<String, Object> variables) {
    return text.json(Map.of("variables", variables));
  }

  private static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(variables);
    copy.put(name, value);
    return copy;
  }

  private static Map<String, Object> string(String value) {
    return typed(value, "String");
  }

  private static Map<String, Object> typed(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  private static Map<String, Object> json(String value) {
    return typed(value, "Json");
  }

  private static Map<String, Object> file() {
    return Map.of("value", "QUJD", "type", "File", "valueInfo", Map.of("filename", "notes.txt"));
  }

  private static Map<String, Object> object(String className, String json) {
    return Map.of("value", json, "type", "Object", "valueInfo",
        Map.of("objectTypeName", className, "serializationDataFormat", "application/json"));
  }

  private static Map<String, Object> javaSerialized(Serializable value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("value", Base64.getEncoder().encodeToString(bytes.toByteArray()), "type", "Object", "valueInfo",
        Map.of("objectTypeName", value.getClass().getName(),
            "serializationDataFormat", "application/x-java-serialized-object"));
  }
}
