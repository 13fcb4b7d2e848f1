package dev.storyflow.epic;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A file for an epic Storyflow keeps already, which leaves out stories of the kept file: importing
 * it would replace the kept file and lose those stories from the epic and its export. Answered
 * with 409 as problem+json; nothing starts and the kept file stays.
 */
class EpicConflictException extends ErrorResponseException {

  EpicConflictException(String epicId, List<String> missing) {
    super(HttpStatus.CONFLICT, problem(epicId, missing), null);
  }

  private static ProblemDetail problem(String epicId, List<String> missing) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Epic " + epicId
        + " is kept already with stories this file leaves out: " + String.join(", ", missing)
        + ". Import a file that still names them (the kept file is unchanged)");
    problem.setTitle("Epic conflict");
    problem.setProperty("missing", missing);
    return problem;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
