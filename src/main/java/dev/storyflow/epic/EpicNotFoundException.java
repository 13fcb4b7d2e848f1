package dev.storyflow.epic;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No epic with this id has been imported; answered with 404 as problem+json. */
class EpicNotFoundException extends ErrorResponseException {

  EpicNotFoundException(String epicId) {
    super(HttpStatus.NOT_FOUND, problem(epicId), null);
  }

  private static ProblemDetail problem(String epicId) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No epic with id " + epicId
        + " has been imported");
    problem.setTitle("Epic not found");
    return problem;
  }
}
