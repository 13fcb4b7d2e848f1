package dev.storyflow.benchmark;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code GET /actuator/sqlcount}: the SQL counted so far; {@code DELETE}: start counting afresh. */
@Endpoint(id = "sqlcount")
class SqlCountEndpoint {

  private final SqlCounter counter;

  SqlCountEndpoint(SqlCounter counter) {
    this.counter = counter;
  }

  @ReadOperation
  public Map<String, Map<String, Object>> counts() {
    return counter.snapshot();
  }

  @DeleteOperation
  public void reset() {
    counter.reset();
  }
}
