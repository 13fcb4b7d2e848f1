package dev.storyflow.bare.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where an app's CPU samples fell while it was under measured load: by the library of the first
 * frame outside the JDK, and, for Storyflow's own code, by method (inclusive: a method counts
 * once per sample it is on the stack of). JFR samples running Java threads about every 10 ms (the
 * "profile" settings), so samples × 10 ms approximates the CPU time spent in Java code.
 */
final class CpuProfile {

  private static final List<String[]> LIBRARIES = List.of(
      new String[] {"dev.storyflow.benchmark.", "benchmark SQL counting"},
      new String[] {"dev.storyflow.bare.Sql", "benchmark SQL counting"},
      new String[] {"dev.storyflow.bare.", "bare app"},
      new String[] {"net.ttddyy.", "benchmark SQL counting"},
      new String[] {"dev.storyflow.", "Storyflow"},
      new String[] {"org.camunda.bpm.engine.rest.", "Camunda REST"},
      new String[] {"org.camunda.bpm.engine.", "Camunda engine"},
      new String[] {"org.camunda.spin.", "Camunda Spin (JSON variables)"},
      new String[] {"org.camunda.", "Camunda other"},
      new String[] {"org.apache.ibatis.", "MyBatis"},
      new String[] {"org.h2.", "H2"},
      new String[] {"org.postgresql.", "PostgreSQL driver"},
      new String[] {"com.zaxxer.hikari.", "HikariCP"},
      new String[] {"com.fasterxml.jackson.", "Jackson"},
      new String[] {"org.jboss.resteasy.", "RESTEasy"},
      new String[] {"org.springframework.", "Spring"},
      new String[] {"org.apache.catalina.", "Tomcat"},
      new String[] {"org.apache.coyote.", "Tomcat"},
      new String[] {"org.apache.tomcat.", "Tomcat"},
      new String[] {"org.camunda.feel.", "FEEL"},
      new String[] {"scala.", "FEEL (Scala)"});

  private final long samples;
  private final double completions;
  private final Map<String, Long> byLibrary;
  private final Map<String, Long> storyflowMethods;
  private final long withStoryflowFrame;

  private CpuProfile(long samples, double completions, Map<String, Long> byLibrary, Map<String, Long> storyflowMethods,
      long withStoryflowFrame) {
    this.samples = samples;
    this.completions = completions;
    this.byLibrary = byLibrary;
    this.storyflowMethods = storyflowMethods;
    this.withStoryflowFrame = withStoryflowFrame;
  }

  static CpuProfile of(Path recording, JsonNode run) throws IOException {
    long from = run.path("measuredFrom").asLong(0);
    long to = run.path("measuredTo").asLong(Long.MAX_VALUE);
    long samples = 0;
    long withStoryflow = 0;
    Map<String, Long> byLibrary = new HashMap<>();
    Map<String, Long> methods = new HashMap<>();
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
          continue;
        }
        long at = event.getStartTime().toEpochMilli();
        if (at < from || at > to) {
          continue;
        }
        samples++;
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        byLibrary.merge(library(frames), 1L, Long::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
          String type = frame.getMethod().getType().getName();
          if (type.startsWith("dev.storyflow.") && !type.startsWith("dev.storyflow.benchmark.")
              && !type.startsWith("dev.storyflow.bare.")) {
            seen.add(simple(type) + "." + frame.getMethod().getName());
          }
        }
        if (!seen.isEmpty()) {
          withStoryflow++;
        }
        seen.forEach(method -> methods.merge(method, 1L, Long::sum));
      }
    }
    return new CpuProfile(samples, run.path("completionsOk").asDouble(), byLibrary, methods, withStoryflow);
  }

  String markdown(String app) {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "%s: %,d samples, about %.0f ms of Java CPU per completion (samples × 10 ms "
        + "/ completions, jobs and polls included); Storyflow code on the stack in %.0f %% of them.%n%n", app, samples,
        samples * 10.0 / completions, samples == 0 ? 0.0 : 100.0 * withStoryflowFrame / samples));
    md.append("| first frame outside the JDK in | share |\n|---|---:|\n");
    byLibrary.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
        .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / samples)));
    if (!storyflowMethods.isEmpty()) {
      md.append("\n| Storyflow method (on the stack) | share of samples |\n|---|---:|\n");
      storyflowMethods.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
          .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / samples)));
    }
    return md.append('\n').toString();
  }

  private static String library(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("javax.")) {
        continue;
      }
      for (String[] library : LIBRARIES) {
        if (type.startsWith(library[0])) {
          return library[1];
        }
      }
      return "other: " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
    }
    return "JDK only";
  }

  private static String simple(String type) {
    return type.substring("dev.storyflow.".length());
  }
}
