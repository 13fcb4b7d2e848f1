package dev.storyflow.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.storyflow.agent.AgentRunNotFoundException;
import dev.storyflow.identity.AccessDeniedException;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import dev.storyflow.story.DuplicateStoryException;
import dev.storyflow.story.StoryNotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Storyflow's API answers errors as {@code application/problem+json}: a title, a detail that
 * says what is wrong, and {@code errors} with one entry per field at fault. No stack traces.
 */
@RestControllerAdvice(basePackages = "dev.storyflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
    return badRequest("Invalid request", problems);
  }

  @ExceptionHandler(StoryRuleException.class)
  ProblemDetail rule(StoryRuleException e) {
    return badRequest(e.getMessage().split(":", 2)[0], e.problems());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String message = "cannot be read";
      if (mapping instanceof UnrecognizedPropertyException) {
        message = "is not a known field";
      } else if (mapping instanceof InvalidFormatException f) {
        message = "has a value of the wrong type: " + f.getValue();
      } else if (mapping instanceof MismatchedInputException m) {
        message = "has the wrong type, expected "
            + (m.getTargetType() == null ? "another type" : m.getTargetType().getSimpleName());
      }
      return badRequest("Invalid request", List.of(new FieldProblem(field, message)));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request body is not valid JSON");
    problem.setTitle("Malformed request");
    return problem;
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
        "Send the body as " + e.getSupportedMediaTypes());
  }

  @ExceptionHandler(DuplicateStoryException.class)
  ProblemDetail duplicate(DuplicateStoryException e) {
    return problem(HttpStatus.CONFLICT, "Story id taken", e.getMessage());
  }

  @ExceptionHandler(StoryNotFoundException.class)
  ProblemDetail notFound(StoryNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Story not found", e.getMessage());
  }

  @ExceptionHandler(AgentRunNotFoundException.class)
  ProblemDetail runNotFound(AgentRunNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Agent run not found", e.getMessage());
  }

  /** Something the engine was asked for by name (a decision, a task) is not there. */
  @ExceptionHandler(NotFoundException.class)
  ProblemDetail engineNotFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  /**
   * Someone else changed the same story, sprint or task at the same moment (the engine's optimistic
   * locking): nothing of this request was written, and sending it again is safe.
   */
  @ExceptionHandler(OptimisticLockingException.class)
  ProblemDetail conflict(OptimisticLockingException e) {
    return problem(HttpStatus.CONFLICT, "Changed at the same time",
        "Someone else changed the same story or task at the same moment; nothing was changed, reload and try again");
  }

  @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
  ProblemDetail forbidden(RuntimeException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  private static ProblemDetail badRequest(String title, List<FieldProblem> problems) {
    String detail = problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, title, detail);
    problem.setProperty("errors", problems);
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
