package dev.storyflow.agent;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates the table of agent runs ({@code SF_AGENT_RUN}) in Storyflow's database when it is
 * missing, for H2 and PostgreSQL. It lives beside the engine's tables so that every node of a
 * cluster sees every run, and it is written in transactions of its own so that a failed run
 * stays recorded when the job's transaction is rolled back for a retry.
 */
@Component
class RunTable {

  RunTable(DataSource dataSource) {
    String product = new JdbcTemplate(dataSource).execute((ConnectionCallback<String>) c -> {
      DatabaseMetaData meta = c.getMetaData();
      return meta.getDatabaseProductName();
    });
    String platform = switch (product == null ? "" : product.toLowerCase(Locale.ROOT)) {
      case "h2" -> "h2";
      case "postgresql" -> "postgresql";
      default -> throw new IllegalStateException("Storyflow keeps agent runs in H2 or PostgreSQL, not in " + product);
    };
    new ResourceDatabasePopulator(new ClassPathResource("agents/db/agent-run-" + platform + ".sql")).execute(dataSource);
  }
}
