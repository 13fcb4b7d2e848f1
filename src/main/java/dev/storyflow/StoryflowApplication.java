package dev.storyflow;

import dev.storyflow.worker.RemoteWorkerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Storyflow: a team's story workflow as an executable Camunda 7 process. Started with
 * {@code storyflow.worker.engine-url}, the same jar is a remote backend-engineer worker instead
 * ({@link RemoteWorkerApplication}): no engine, no database, no webapps.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StoryflowApplication {

  public static void main(String[] args) {
    if (RemoteWorkerApplication.isRequested(args)) {
      RemoteWorkerApplication.run(args);
      return;
    }
    SpringApplication.run(StoryflowApplication.class, args);
  }
}
