package dev.storyflow.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * JSON bodies on {@code /engine-rest} that Camunda cannot take are a 400 that says why, in
 * Camunda's error format: a body of {@code null} (Camunda's resources expect an object and would
 * fail with a NullPointerException, a 500), JSON beyond Jackson's limits (nested more than 1,000
 * deep: a 500 too), JSON that does not parse or does not have the expected shape (a 400 without a
 * message, or in plain text, otherwise), and an object with a key twice (Camunda's reader would
 * keep the last one and silently drop the other: the same strictness as {@link StrictJson} on
 * {@code /api}). An empty body is left to Camunda, which reads it as an empty object. A body of
 * the expected shape whose variables the engine cannot take is refused by
 * {@link SubmittedVariables}. A part of the wrong shape is named (a variable sent as
 * {@code "approved": true} instead of {@code {"value": true}}), never Camunda's class names.
 */
@Priority(1)
class JsonBodyGuard implements ReaderInterceptor {

  /** Reads a body only to find a key that occurs twice in one object. */
  private static final JsonFactory DUPLICATE_KEYS = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** The keys under which Camunda's bodies carry variables by name. */
  private static final List<String> VARIABLE_MAPS = List.of("variables", "localVariables", "processVariables",
      "processVariablesLocal", "modifications");

  @Context
  private Providers providers;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (context.getMediaType() == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    context.setInputStream(new ByteArrayInputStream(body));
    Object entity;
    try {
      refuseDuplicateKeys(body);
      entity = context.proceed();
    } catch (IOException | RuntimeException e) {
      RuntimeException answer = answer(e);
      if (answer != null) {
        throw answer;
      }
      throw e;
    }
    if (entity == null && new String(body, StandardCharsets.UTF_8).trim().equals("null")) {
      throw badRequest("The request body must be a JSON object, not null");
    }
    Map<String, VariableValueDto> variables = SubmittedVariables.of(entity);
    if (variables != null && !variables.isEmpty()) {
      // Storyflow runs one engine, the default one
      SubmittedVariables.check(variables, EngineUtil.getProcessEngineProvider().getDefaultProcessEngine(),
          objectMapper());
    }
    return entity;
  }

  /** The object mapper Camunda's REST API reads and converts variables with. */
  private ObjectMapper objectMapper() {
    ContextResolver<ObjectMapper> resolver = providers == null ? null
        : providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE);
    ObjectMapper mapper = resolver == null ? null : resolver.getContext(ObjectMapper.class);
    return mapper != null ? mapper : JacksonConfigurator.configureObjectMapper(new ObjectMapper());
  }

  /**
   * Reads the body's JSON value (what Camunda's reader reads, and nothing after it) with duplicate
   * detection: a key twice in one object is a {@link JsonParseException}.
   */
  private static void refuseDuplicateKeys(byte[] body) throws IOException {
    try (JsonParser parser = DUPLICATE_KEYS.createParser(body)) {
      if (parser.nextToken() != null) {
        parser.skipChildren();
      }
    }
  }

  /**
   * The answer to a body that cannot be read, or {@code null} when JSON is not the problem. Jersey
   * wraps the reader's exception; Jackson's, wherever it is in the chain, says what is wrong.
   */
  private static RuntimeException answer(Exception e) {
    JsonProcessingException json = null;
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamConstraintsException limit) {
        return badRequest("The request body exceeds the limits of the JSON this API reads: " + limit.getOriginalMessage());
      }
      if (cause instanceof JsonParseException parse) {
        return badRequest("The request body is not valid JSON: " + parse.getOriginalMessage());
      }
      if (cause instanceof JsonProcessingException processing && json == null) {
        json = processing;
      }
    }
    if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return wrongShape(mapping);
    }
    if (json instanceof MismatchedInputException mismatch) {
      return badRequest("The request body must be " + expected(mismatch.getTargetType()));
    }
    return json == null ? null : badRequest("The request body does not have the expected form");
  }

  /**
   * A part of the body that is not of the form Camunda expects, named by its path: a variable by its
   * name ({@code approved}), anything else by its keys ({@code sorting[0].sortBy}).
   */
  private static StoryRuleException wrongShape(JsonMappingException mapping) {
    List<JsonMappingException.Reference> path = mapping.getPath();
    Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    boolean variable = path.size() >= 2 && VARIABLE_MAPS.contains(path.get(0).getFieldName());
    String field = variable ? path.get(1).getFieldName() : describe(path);
    String problem;
    if (variable && path.size() == 2) {
      problem = "must be an object such as {\"value\": ..., \"type\": \"String\"}, not a bare value";
    } else if (variable) {
      problem = "does not have the expected form: " + describe(path.subList(2, path.size())) + " must be "
          + expected(target);
    } else {
      problem = "must be " + expected(target);
    }
    return new StoryRuleException("The request body does not have the expected form", List.of(
        new FieldProblem(field, problem)));
  }

  private static String describe(List<JsonMappingException.Reference> path) {
    return path.stream()
        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining()).replaceFirst("^\\.", "");
  }

  /** What Camunda expects where it found something else, in words. */
  private static String expected(Class<?> target) {
    if (target == null) {
      return "of another form";
    }
    if (target == VariableValueDto.class) {
      return "an object such as {\"value\": ...}";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "true or false";
    }
    if (target == Integer.class || target == int.class || target == Long.class || target == long.class
        || target == Short.class || target == short.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
      return "a number";
    }
    if (target == String.class) {
      return "text";
    }
    if (target.isArray() || Collection.class.isAssignableFrom(target)) {
      return "a list";
    }
    return Map.class.isAssignableFrom(target) || !target.isEnum() ? "an object" : "one of " + java.util.Arrays
        .stream(target.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static InvalidRequestException badRequest(String message) {
    return new InvalidRequestException(Response.Status.BAD_REQUEST, message);
  }
}
