package dev.storyflow.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The tests a build ran, from its JUnit XML reports (Surefire, Failsafe, Gradle, jest-junit and
 * the many tools that write the same format). Test cases are counted one by one; a suite that
 * lists no test cases counts by its attributes.
 *
 * @param reports how many report files were read
 * @param unreadable report files that could not be parsed
 * @param total test cases found
 * @param failed test cases with a failure
 * @param errors test cases with an error
 * @param skipped test cases skipped
 * @param failures the failed and errored test cases, at most {@value #MAX_FAILURES}
 */
record TestResults(int reports, List<String> unreadable, int total, int failed, int errors, int skipped,
    List<TestFailure> failures) {

  static final int MAX_FAILURES = 50;
  private static final int MAX_MESSAGE = 500;

  /**
   * A failed test.
   *
   * @param test {@code class.method} (or the test's name when the report has no class)
   * @param kind {@code failure} (an assertion) or {@code error} (an unexpected exception)
   * @param message the first line of the failure's message
   */
  record TestFailure(String test, String kind, String message) {
  }

  /** These results with each failure's message passed through {@code mask}, e.g. to mask secrets. */
  TestResults withMessages(UnaryOperator<String> mask) {
    List<TestFailure> masked = failures.stream()
        .map(f -> new TestFailure(f.test(), f.kind(), mask.apply(f.message()))).toList();
    return new TestResults(reports, unreadable, total, failed, errors, skipped, masked);
  }

  /** Tests that ran: found and not skipped. */
  int run() {
    return total - skipped;
  }

  int passed() {
    return run() - failed - errors;
  }

  static TestResults read(Path dir, Instant since) {
    Counter counter = new Counter();
    List<Path> files = ReportFiles.find(dir, since, Set.of("testsuite", "testsuites"));
    List<String> unreadable = new ArrayList<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        counter.read(in);
      } catch (IOException | XMLStreamException e) {
        unreadable.add(dir.relativize(file) + ": " + e.getMessage());
      }
    }
    return new TestResults(files.size() - unreadable.size(), unreadable, counter.total, counter.failed,
        counter.errors, counter.skipped, counter.failures);
  }

  private static final class Counter {
    int total;
    int failed;
    int errors;
    int skipped;
    final List<TestFailure> failures = new ArrayList<>();

    void read(InputStream in) throws XMLStreamException {
      XMLStreamReader reader = ReportFiles.xmlInput().createXMLStreamReader(in);
      Deque<Suite> suites = new ArrayDeque<>();
      String testName = null;
      String outcome = null;
      String message = null;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          switch (reader.getLocalName()) {
            case "testsuite" -> suites.push(Suite.of(reader));
            case "testcase" -> {
              suites.forEach(s -> s.counted = true);
              String className = reader.getAttributeValue(null, "classname");
              String name = reader.getAttributeValue(null, "name");
              testName = className == null || className.isBlank() ? name : className + "." + name;
              outcome = "passed";
              message = null;
            }
            case "failure", "error" -> {
              if (testName != null && !"error".equals(outcome)) {
                outcome = reader.getLocalName();
                String attribute = reader.getAttributeValue(null, "message");
                message = attribute != null && !attribute.isBlank() ? attribute : text(reader);
              }
            }
            case "skipped" -> {
              if (testName != null && "passed".equals(outcome)) {
                outcome = "skipped";
              }
            }
            default -> { }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if ("testcase".equals(reader.getLocalName()) && testName != null) {
            count(testName, outcome, message);
            testName = null;
          } else if ("testsuite".equals(reader.getLocalName()) && !suites.isEmpty()) {
            Suite suite = suites.pop();
            if (!suite.counted && suite.tests > 0) {
              total += suite.tests;
              failed += suite.failures;
              errors += suite.errors;
              skipped += suite.skipped;
              suites.forEach(s -> s.counted = true);
            }
          }
        }
      }
      reader.close();
    }

    private static String text(XMLStreamReader reader) {
      try {
        return reader.getElementText();
      } catch (XMLStreamException e) {
        return "";
      }
    }

    private void count(String test, String outcome, String message) {
      total++;
      switch (outcome) {
        case "failure" -> failed++;
        case "error" -> errors++;
        case "skipped" -> skipped++;
        default -> { }
      }
      if (("failure".equals(outcome) || "error".equals(outcome)) && failures.size() < MAX_FAILURES) {
        failures.add(new TestFailure(test, outcome, firstLine(message)));
      }
    }

    private static String firstLine(String message) {
      if (message == null) {
        return "";
      }
      String line = message.strip().lines().findFirst().orElse("");
      return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }
  }

  private static final class Suite {
    int tests;
    int failures;
    int errors;
    int skipped;
    boolean counted;

    static Suite of(XMLStreamReader reader) {
      Suite suite = new Suite();
      suite.tests = number(reader, "tests");
      suite.failures = number(reader, "failures");
      suite.errors = number(reader, "errors");
      suite.skipped = Math.max(number(reader, "skipped"), number(reader, "disabled"));
      return suite;
    }

    private static int number(XMLStreamReader reader, String attribute) {
      try {
        String value = reader.getAttributeValue(null, attribute);
        return value == null ? 0 : Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }
}
