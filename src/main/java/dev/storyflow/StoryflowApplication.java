package dev.storyflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Storyflow: a team's story workflow as an executable Camunda 7 process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StoryflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(StoryflowApplication.class, args);
  }
}
