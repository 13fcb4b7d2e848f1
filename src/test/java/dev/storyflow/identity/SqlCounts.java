package dev.storyflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storyflow.HttpTestClient;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL that requests ran, as {@code /actuator/sqlcount} counts it (the benchmark's counting:
 * {@code storyflow.benchmark.count-sql=true}, endpoint {@code sqlcount} exposed).
 */
final class SqlCounts {

  private final HttpTestClient http;

  SqlCounts(HttpTestClient http) {
    this.http = http;
  }

  void reset() {
    http.delete(null, "/actuator/sqlcount");
  }

  /** Requests of a kind ({@code request:poll}, {@code request:other}, …) counted since the reset. */
  long requests(String kind) {
    return tally(kind).path("requests").asLong();
  }

  /** The statements on the identity tables ({@code SELECT ACT_ID_USER}, …) by requests of a kind, by shape. */
  Map<String, Long> identityStatements(String kind) {
    Map<String, Long> identity = new TreeMap<>();
    tally(kind).path("byStatement").fields().forEachRemaining(statement -> {
      if (statement.getKey().contains(" ACT_ID_")) {
        identity.put(statement.getKey(), statement.getValue().asLong());
      }
    });
    return identity;
  }

  private JsonNode tally(String kind) {
    HttpTestClient.Reply counts = http.get(null, "/actuator/sqlcount");
    if (counts.status() != 200) {
      throw new IllegalStateException("No SQL counts: " + counts.status() + " " + counts.body());
    }
    return counts.json().path(kind);
  }
}
