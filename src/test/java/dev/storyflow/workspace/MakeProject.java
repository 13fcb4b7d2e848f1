package dev.storyflow.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A tiny make-based project in a git repository, built at test time: {@code make test} runs the
 * {@code test_*} functions of {@code tests/test_*.sh} against {@code src/*.sh} and writes one JUnit
 * XML report per test file. Work on a story branch is done the way a developer or an agent does
 * it: in a clone of its own, committed and pushed to the repository.
 */
final class MakeProject {

  static final String MAKEFILE = "test:\n\tsh tests/run.sh\n";
  static final String SILENT_MAKEFILE = "test:\n\t@echo compiled, nothing to test\n";

  static final String RUNNER = """
      #!/bin/sh
      # A tiny xUnit for sh: runs the test_* functions of tests/test_*.sh, writes JUnit XML to reports/.
      mkdir -p reports
      status=0
      for file in tests/test_*.sh; do
        [ -e "$file" ] || continue
        suite=$(basename "$file" .sh)
        cases=""; tests=0; failures=0
        for name in $(sed -n 's/^\\(test_[A-Za-z0-9_]*\\) *() *{.*/\\1/p' "$file"); do
          tests=$((tests + 1))
          if output=$(sh -c 'for s in src/*.sh; do . "./$s"; done
            assert_eq() { [ "$1" = "$2" ] || { echo "expected $2 but was $1"; exit 1; }; }
            . "./$0"; $1' "$file" "$name" 2>&1); then
            cases="$cases<testcase classname=\\"$suite\\" name=\\"$name\\"/>"
          else
            failures=$((failures + 1)); status=1
            cases="$cases<testcase classname=\\"$suite\\" name=\\"$name\\"><failure message=\\"$output\\"/></testcase>"
            echo "FAIL $suite.$name: $output"
          fi
        done
        printf '<?xml version="1.0"?>\\n<testsuite name="%s" tests="%d" failures="%d">%s</testsuite>\\n' \\
          "$suite" "$tests" "$failures" "$cases" > "reports/TEST-$suite.xml"
        echo "$suite: $tests tests, $failures failed"
      done
      exit $status
      """;

  static final String CALC = "add() { echo $(($1 + $2)); }\n";
  static final String CALC_TEST = "test_add() { assert_eq \"$(add 2 3)\" 5; }\n";
  static final String CALC_WITH_SUB = CALC + "sub() { echo $(($1 - $2)); }\n";
  static final String CALC_WITH_WRONG_SUB = CALC + "sub() { echo $(($1 + $2)); }\n";
  static final String CALC_TEST_WITH_SUB = CALC_TEST + "test_sub() { assert_eq \"$(sub 5 3)\" 2; }\n";

  /** A Makefile whose {@code test} target runs the recipe lines. */
  static String makefile(String... recipe) {
    return "test:\n\t" + String.join("\n\t", recipe) + "\n";
  }

  /**
   * A recipe line that starts a daemon and writes its pid to {@code pidFile}. {@code holdingOutput}:
   * the daemon keeps the build's output open; else it detaches into a session of its own (setsid).
   */
  static String daemon(Path pidFile, boolean holdingOutput) {
    String daemon = holdingOutput ? "sleep 300" : "setsid sleep 300 </dev/null >/dev/null 2>&1";
    return daemon + " & echo $$! > " + pidFile;
  }

  final Path path;

  private MakeProject(Path path) {
    this.path = path;
  }

  /** A repository with the project on {@code main}, its working tree on main like a developer's. */
  static MakeProject create(Path path) {
    try (Git git = Git.init().setDirectory(path.toFile()).setInitialBranch("main").call()) {
      MakeProject project = new MakeProject(path);
      write(path, baseFiles());
      git.add().addFilepattern(".").call();
      commit(git, "Calculator with add");
      return project;
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> baseFiles() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("Makefile", MAKEFILE);
    files.put("tests/run.sh", RUNNER);
    files.put("src/calc.sh", CALC);
    files.put("tests/test_calc.sh", CALC_TEST);
    files.put(".gitignore", "reports/\n");
    return files;
  }

  /** Work that passes: subtraction with its test. */
  static Map<String, String> passingWork() {
    return Map.of("src/calc.sh", CALC_WITH_SUB, "tests/test_calc.sh", CALC_TEST_WITH_SUB);
  }

  /** Work whose new test fails: subtraction that adds. */
  static Map<String, String> failingWork() {
    return Map.of("src/calc.sh", CALC_WITH_WRONG_SUB, "tests/test_calc.sh", CALC_TEST_WITH_SUB);
  }

  /** Commits files on the story branch in a clone of its own and pushes it, as a developer would. */
  String commitOnStoryBranch(String storyId, Map<String, String> files, String message, Path scratch) {
    String branch = "story/" + storyId;
    try {
      Path clone = Files.createTempDirectory(scratch, "clone");
      try (Git git = Git.cloneRepository().setURI(path.toString()).setDirectory(clone.toFile()).call()) {
        if (git.getRepository().resolve("refs/remotes/origin/" + branch) != null) {
          git.checkout().setCreateBranch(true).setName(branch).setStartPoint("origin/" + branch).call();
        } else {
          git.checkout().setCreateBranch(true).setName(branch).setStartPoint("origin/main").call();
        }
        write(clone, files);
        git.add().addFilepattern(".").call();
        String id = commit(git, message);
        git.push().setRemote("origin").setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch))
            .call();
        return id;
      }
    } catch (IOException | GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where the story branch is in the repository, or null. */
  String storyBranchHead(String storyId) {
    try (Git git = Git.open(path.toFile())) {
      var id = git.getRepository().resolve("refs/heads/story/" + storyId);
      return id == null ? null : id.getName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path dir, Map<String, String> files) {
    files.forEach((name, text) -> {
      try {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static String commit(Git git, String message) throws GitAPIException {
    PersonIdent developer = new PersonIdent("Dana Developer", "dana@example.org");
    return git.commit().setMessage(message).setAuthor(developer).setCommitter(developer).setSign(false).call()
        .getName();
  }
}
