package dev.storyflow.web;

import dev.storyflow.lifecycle.StoryForbiddenException;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.story.DuplicateStoryException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes {@code /engine-rest} answer Storyflow's rule violations as client errors. The engine
 * wraps an exception thrown by a listener, and the REST API turns the wrapper into a 500; this
 * mapper finds Storyflow's exception in the cause chain: an invalid story or decision is a 400,
 * a step around the story rules a 403, a story id already taken or a story changed at the same
 * time (optimistic locking) a 409, in Camunda's own error format. The engine's own answers to a
 * client's mistake (a {@link BadUserRequestException} anywhere in the chain, and
 * {@link #ENGINE_CLIENT_MISTAKES}) are a 400 too, and so are bodies that are not JSON objects
 * ({@link JsonBodyGuard}). Everything else is answered as before.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

  /**
   * A client's mistakes that the engine reports as a plain {@link ProcessEngineException} (which
   * Camunda's REST API answers with 500), recognised by their code or message.
   */
  static final List<String> ENGINE_CLIENT_MISTAKES = List.of(
      // a Java-serialized Object variable (java-serialization-format-enabled is false)
      "ENGINE-17007",
      // an Object variable without valueInfo, or of a type no data format can store (Xml)
      "Cannot find serializer for value",
      "Cannot write serialized value for variable",
      // DELETE /task/{id} of a process task: it is completed, never deleted
      "The task cannot be deleted because is part of a running process");

  private static final Pattern ENGINE_CODE = Pattern.compile("ENGINE-\\d+ ");

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(StoryRuleMapper.class);
    config.register(EngineExceptionMapper.class);
    config.register(JsonBodyGuard.class);
  }

  /** The same for the engine's exceptions that reach the REST API unwrapped. */
  @Priority(1)
  static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return StoryRuleMapper.answer(exception);
    }
  }

  @Priority(1)
  static class StoryRuleMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      return answer(exception);
    }

    static Response answer(Exception exception) {
      for (Throwable t = exception; t != null; t = t.getCause()) {
        if (t instanceof StoryRuleException rule) {
          return respond(Response.Status.BAD_REQUEST, rule, rule.getMessage());
        }
        if (t instanceof DuplicateStoryException duplicate) {
          return respond(Response.Status.CONFLICT, duplicate, duplicate.getMessage());
        }
        if (t instanceof StoryForbiddenException forbidden) {
          return respond(Response.Status.FORBIDDEN, forbidden, forbidden.getMessage());
        }
        if (t instanceof NotFoundException missing) {
          return respond(Response.Status.NOT_FOUND, missing, missing.getMessage());
        }
        if (t instanceof OptimisticLockingException conflict) {
          return respond(Response.Status.CONFLICT, conflict,
              "The story was changed at the same time by someone else; reload and try again");
        }
      }
      ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
      if (camunda.getStatus(exception).getFamily() == Response.Status.Family.SERVER_ERROR) {
        Response mistake = clientMistake(exception);
        if (mistake != null) {
          return mistake;
        }
      }
      return camunda.getResponse(exception);
    }

    /** A client's mistake that Camunda's REST API would answer with a 500, as a 400; else {@code null}. */
    private static Response clientMistake(Exception exception) {
      for (Throwable t = exception; t != null; t = t.getCause()) {
        // the engine's own word for a client's mistake (e.g. skipCustomListeners on a plain start),
        // which some of Camunda's resources wrap into a 500
        if (t instanceof BadUserRequestException mistake) {
          return respond(Response.Status.BAD_REQUEST, mistake, mistake.getMessage());
        }
        if (t instanceof ProcessEngineException engine && engine.getMessage() != null
            && ENGINE_CLIENT_MISTAKES.stream().anyMatch(engine.getMessage()::contains)) {
          return respond(Response.Status.BAD_REQUEST, engine, engine.getMessage());
        }
      }
      return null;
    }

    private static Response respond(Response.Status status, Throwable cause, String message) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", cause.getClass().getSimpleName());
      // the engine's log codes (ENGINE-17007 …) mean nothing to the person reading the answer
      body.put("message", message == null ? null : ENGINE_CODE.matcher(message).replaceAll(""));
      if (cause instanceof StoryRuleException rule) {
        body.put("errors", rule.problems());
      }
      return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
  }
}
