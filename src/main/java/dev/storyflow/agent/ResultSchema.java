package dev.storyflow.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The JSON Schema every agent result must match ({@code agents/result.schema.json}). */
@Component
class ResultSchema {

  static final String RESOURCE = "agents/result.schema.json";

  private final String text;
  private final Schema schema;

  ResultSchema() {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      this.text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("The result schema " + RESOURCE + " is missing", e);
    }
    this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
  }

  /** The schema itself, for agents that can be told what to return ({@code {resultSchema}}). */
  String text() {
    return text;
  }

  /** What is wrong with the result, one line per problem; empty when it matches. */
  List<String> problems(JsonNode result) {
    return schema.validate(result).stream().map(Error::toString).toList();
  }
}
