package dev.storyflow.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.agent.RunStoreClient;
import dev.storyflow.engineer.EngineReads;
import dev.storyflow.story.StoryVariablesMapper;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The Spring application of a remote backend-engineer worker: the same jar as a Storyflow node,
 * started with {@code storyflow.worker.engine-url}. It runs the step beans
 * ({@code feasibilityReview}, {@code implementationPlanning}, …) and everything they use, the same
 * code as on a node, but no engine, no database, no web server and no webapps: Camunda's and the
 * database's auto-configuration stay off, and of Storyflow's beans only those of the backend
 * engineer's packages are made, leaving out web endpoints and whatever needs the engine or the
 * database ({@link EngineSide}). What those would read or write, the worker asks the engine node:
 * the tasks over {@code /engine-rest} ({@link RemoteWorker}), the rest over its worker API
 * ({@link RemoteEngineReads}, {@link RunStoreClient}).
 * <p>
 * Deliberately not a {@code @Configuration}: a Storyflow node scans this package and must not
 * pick it up.
 */
@EnableAutoConfiguration(excludeName = {
    "org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration",
    "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
    "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
    "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
    "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
    "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration",
    "org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration"})
@ComponentScan(basePackages = {"dev.storyflow.engineer", "dev.storyflow.agent", "dev.storyflow.workspace",
    "dev.storyflow.securityscan", "dev.storyflow.deployment", "dev.storyflow.feasibility"},
    excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = {Controller.class, ControllerAdvice.class}),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = RemoteWorkerApplication.EngineSide.class)})
@ConfigurationPropertiesScan(basePackages = {"dev.storyflow.agent", "dev.storyflow.workspace",
    "dev.storyflow.securityscan", "dev.storyflow.deployment", "dev.storyflow.worker"})
@Import({StoryVariablesMapper.class, StepHandlers.class, StepRunner.class, RemoteWorker.class})
public class RemoteWorkerApplication {

  static final String ENGINE_URL = "storyflow.worker.engine-url";

  /** Whether the arguments or the environment ask for a remote worker ({@code storyflow.worker.engine-url}). */
  public static boolean isRequested(String[] args) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
    String url = environment.getProperty(ENGINE_URL);
    return url != null && !url.isBlank();
  }

  public static ConfigurableApplicationContext run(String... args) {
    return new SpringApplicationBuilder(RemoteWorkerApplication.class)
        .web(WebApplicationType.NONE)
        .properties(Map.of("spring.application.name", "storyflow-worker"))
        .run(args);
  }

  @Bean
  EngineNode engineNode(WorkerProperties properties, ObjectMapper json) {
    return new EngineNode(properties, json);
  }

  @Bean
  EngineReads remoteEngineReads(EngineNode node) {
    return new RemoteEngineReads(node);
  }

  @Bean
  RunStoreClient runStoreClient(EngineNode node) {
    return new RunStoreClient(node);
  }

  /**
   * The beans that only an engine node can make: those whose constructor takes one of the engine's
   * services or the database.
   */
  static final class EngineSide implements TypeFilter {

    private static final List<String> ENGINE_SIDE = List.of("org.camunda.bpm.engine.", "org.springframework.jdbc.",
        "javax.sql.", "org.springframework.transaction.");

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      try {
        Class<?> type = Class.forName(reader.getClassMetadata().getClassName(), false,
            RemoteWorkerApplication.class.getClassLoader());
        return Arrays.stream(type.getDeclaredConstructors()).map(Constructor::getParameterTypes).flatMap(Arrays::stream)
            .anyMatch(parameter -> ENGINE_SIDE.stream().anyMatch(parameter.getName()::startsWith)
                && !parameter.getName().startsWith("org.camunda.bpm.engine.variable."));
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IOException("Cannot inspect " + reader.getClassMetadata().getClassName(), e);
      }
    }
  }
}
