package dev.storyflow.sprint;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No sprint with this id: answered with 404. */
public class SprintNotFoundException extends ErrorResponseException {

  public SprintNotFoundException(String sprintId) {
    super(HttpStatus.NOT_FOUND, problem(sprintId), null);
  }

  private static ProblemDetail problem(String sprintId) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No sprint " + sprintId);
    problem.setTitle("Sprint not found");
    return problem;
  }
}
