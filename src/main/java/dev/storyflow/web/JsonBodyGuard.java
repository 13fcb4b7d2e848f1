package dev.storyflow.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * JSON bodies on {@code /engine-rest} that Camunda cannot take are a 400 that says why, in
 * Camunda's error format: a body of {@code null} (Camunda's resources expect an object and would
 * fail with a NullPointerException, a 500), JSON beyond Jackson's limits (nested more than 1,000
 * deep: a 500 too), JSON that does not parse or does not have the expected shape (a 400 without a
 * message, or in plain text, otherwise), and an object with a key twice (Camunda's reader would
 * keep the last one and silently drop the other: the same strictness as {@link StrictJson} on
 * {@code /api}). An empty body is left to Camunda, which reads it as an empty object.
 */
@Priority(1)
class JsonBodyGuard implements ReaderInterceptor {

  /** Reads a body only to find a key that occurs twice in one object. */
  private static final JsonFactory DUPLICATE_KEYS = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

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
      InvalidRequestException answer = answer(e);
      if (answer != null) {
        throw answer;
      }
      throw e;
    }
    if (entity == null && new String(body, StandardCharsets.UTF_8).trim().equals("null")) {
      throw badRequest("The request body must be a JSON object, not null");
    }
    return entity;
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
  private static InvalidRequestException answer(Exception e) {
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
    return json == null ? null : badRequest("The request body does not have the expected form: " + json.getOriginalMessage());
  }

  private static InvalidRequestException badRequest(String message) {
    return new InvalidRequestException(Response.Status.BAD_REQUEST, message);
  }
}
