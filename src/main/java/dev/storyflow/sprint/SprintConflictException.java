package dev.storyflow.sprint;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The sprint is not in a state that allows this (taken id, already started or closed): 409. */
public class SprintConflictException extends ErrorResponseException {

  public SprintConflictException(String detail) {
    super(HttpStatus.CONFLICT, problem(detail), null);
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    problem.setTitle("Sprint conflict");
    return problem;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
