package dev.storyflow.securityscan;

import dev.storyflow.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The story's last security scan as a SARIF 2.1.0 log, for code hosts, IDEs and SARIF viewers. */
@RestController
@Tag(name = "Stories")
class SecuritySarifController {

  private final StoryScans scans;
  private final SarifLog sarif;
  private final CurrentUser currentUser;

  SecuritySarifController(StoryScans scans, SarifLog sarif, CurrentUser currentUser) {
    this.scans = scans;
    this.sarif = sarif;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/stories/{storyId}/security.sarif")
  @Operation(summary = "The story's last security scan as SARIF 2.1.0 (secrets masked)",
      description = "404 when there is no such story or it has not been scanned yet.")
  ResponseEntity<String> sarif(@PathVariable String storyId) {
    currentUser.requireMember();
    var report = scans.latest(storyId).orElseThrow(() -> {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
          "Story " + storyId + " has not been scanned yet: the scan runs when it enters Security review");
      problem.setTitle("No security scan");
      return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    });
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(SarifLog.MEDIA_TYPE)).body(sarif.write(report));
  }
}
