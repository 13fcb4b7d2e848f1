package dev.storyflow.epic;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An epic file above {@code storyflow.epics.max-file-size}; answered with 413 as problem+json. */
class EpicFileTooLargeException extends ErrorResponseException {

  EpicFileTooLargeException(long limit) {
    super(HttpStatus.PAYLOAD_TOO_LARGE, problem(limit), null);
  }

  private static ProblemDetail problem(long limit) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "An epic file may have at most " + limit + " bytes (storyflow.epics.max-file-size)");
    problem.setTitle("Epic file too large");
    return problem;
  }
}
