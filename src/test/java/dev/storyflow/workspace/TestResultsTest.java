package dev.storyflow.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JUnit XML and JaCoCo reports as the common tools write them. */
class TestResultsTest {

  @TempDir
  Path dir;

  final Instant buildStart = Instant.now().minus(1, ChronoUnit.MINUTES);

  @Test
  void surefireReportCountsEachTestCase() throws IOException {
    // given
    write("target/surefire-reports/TEST-dev.calc.CalcTest.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="dev.calc.CalcTest" tests="4" errors="1" skipped="1" failures="1" time="0.05">
          <properties><property name="java.version" value="17"/></properties>
          <testcase name="adds" classname="dev.calc.CalcTest" time="0.001"/>
          <testcase name="subtracts" classname="dev.calc.CalcTest" time="0.002">
            <failure message="expected: &lt;2&gt; but was: &lt;8&gt;" type="org.opentest4j.AssertionFailedError">
              org.opentest4j.AssertionFailedError: expected: &lt;2&gt; but was: &lt;8&gt;
            </failure>
            <system-out>noise</system-out>
          </testcase>
          <testcase name="divides" classname="dev.calc.CalcTest"><error type="java.lang.ArithmeticException">
            java.lang.ArithmeticException: / by zero
              at dev.calc.Calc.divide(Calc.java:9)</error></testcase>
          <testcase name="multiplies" classname="dev.calc.CalcTest"><skipped message="later"/></testcase>
        </testsuite>
        """);

    // when
    TestResults results = TestResults.read(dir, buildStart);

    // then
    assertThat(results.reports()).isEqualTo(1);
    assertThat(results.total()).isEqualTo(4);
    assertThat(results.run()).isEqualTo(3);
    assertThat(results.passed()).isEqualTo(1);
    assertThat(results.failed()).isEqualTo(1);
    assertThat(results.errors()).isEqualTo(1);
    assertThat(results.skipped()).isEqualTo(1);
    assertThat(results.failures()).containsExactly(
        new TestResults.TestFailure("dev.calc.CalcTest.subtracts", "failure", "expected: <2> but was: <8>"),
        new TestResults.TestFailure("dev.calc.CalcTest.divides", "error", "java.lang.ArithmeticException: / by zero"));
  }

  @Test
  void jestJunitAndGradleReportsAreAddedUp() throws IOException {
    // given
    write("junit.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="jest tests" tests="2" failures="0" errors="0" time="1.2">
          <testsuite name="reset link" errors="0" failures="0" skipped="0" tests="2">
            <testcase classname="reset link is sent" name="reset link is sent" time="0.01"></testcase>
            <testcase classname="reset link expires" name="reset link expires" time="0.01"></testcase>
          </testsuite>
        </testsuites>
        """);
    write("build/test-results/test/TEST-dev.TokenTest.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="dev.TokenTest" tests="1" skipped="0" failures="0" errors="0">
          <testcase name="expiresAfter30Minutes()" classname="dev.TokenTest" time="0.004"/>
        </testsuite>
        """);

    // when
    TestResults results = TestResults.read(dir, buildStart);

    // then
    assertThat(results.reports()).isEqualTo(2);
    assertThat(results.run()).isEqualTo(3);
    assertThat(results.failed() + results.errors()).isZero();
  }

  @Test
  void suiteWithoutTestCasesCountsByItsAttributes() throws IOException {
    write("out/TEST-summary.xml", "<testsuites><testsuite name=\"a\" tests=\"5\" failures=\"2\" errors=\"0\"/></testsuites>");

    TestResults results = TestResults.read(dir, buildStart);

    assertThat(results.total()).isEqualTo(5);
    assertThat(results.failed()).isEqualTo(2);
  }

  @Test
  void reportsOlderThanTheBuildAndOtherXmlAreIgnored() throws IOException {
    // given a report left over from an earlier build and XML that is no test report
    Path old = write("target/surefire-reports/TEST-Old.xml",
        "<testsuite name=\"Old\" tests=\"1\"><testcase name=\"passedLastWeek\" classname=\"Old\"/></testsuite>");
    Files.setLastModifiedTime(old, FileTime.from(buildStart.minus(7, ChronoUnit.DAYS)));
    write("pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>");
    write("broken.xml", "<testsuite><testcase name=");

    // when
    TestResults results = TestResults.read(dir, buildStart);

    // then
    assertThat(results.reports()).isZero();
    assertThat(results.total()).isZero();
  }

  @Test
  void reportsAreReadWithoutExternalEntities() throws IOException {
    // given a report that tries to pull a local file into a failure message
    Path secret = write("secret.txt", "s3cr3t");
    write("TEST-evil.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite [<!ENTITY x SYSTEM \"" + secret.toUri()
        + "\">]>\n<testsuite><testcase name=\"t\" classname=\"c\"><failure message=\"&x;\"/></testcase></testsuite>");

    // when
    TestResults results = TestResults.read(dir, buildStart);

    // then
    assertThat(results.failures()).noneMatch(f -> f.message().contains("s3cr3t"));
  }

  @Test
  void jacocoLineCoverageIsAddedUpOverModules() throws IOException {
    // given
    String doctype = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<!DOCTYPE report PUBLIC \"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\">";
    write("api/target/site/jacoco/jacoco.xml", doctype + "<report name=\"api\"><package name=\"p\">"
        + "<counter type=\"LINE\" missed=\"100\" covered=\"0\"/></package>"
        + "<counter type=\"LINE\" missed=\"2\" covered=\"8\"/></report>");
    write("core/target/site/jacoco/jacoco.xml", doctype + "<report name=\"core\">"
        + "<counter type=\"BRANCH\" missed=\"1\" covered=\"1\"/><counter type=\"LINE\" missed=\"8\" covered=\"12\"/></report>");

    // when
    LineCoverage coverage = LineCoverage.read(dir, buildStart).orElseThrow();

    // then
    assertThat(coverage.covered()).isEqualTo(20);
    assertThat(coverage.missed()).isEqualTo(10);
    assertThat(coverage.ratio()).isEqualTo(20 / 30.0);
    assertThat(coverage.reports()).hasSize(2);
  }

  @Test
  void noJacocoReportMeansNoCoverage() {
    assertThat(LineCoverage.read(dir, buildStart)).isEmpty();
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
