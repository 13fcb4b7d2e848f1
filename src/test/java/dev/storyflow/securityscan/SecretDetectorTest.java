package dev.storyflow.securityscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Secret shapes one line at a time, beyond the corpus: what must be found (the value written as
 * {@code @@} is replaced by a random password made at test time) and look-alikes that must not.
 */
class SecretDetectorTest {

  private final SecretDetector detector = new SecretDetector(SecretValues.DEFAULT_MIN_ENTROPY);
  /** URL-safe, so that it also fits in a URL. */
  private final String password = new FakeSecrets(3).make("url-password");

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "Example.java | private static final String DB_PASSWORD = \"@@\";",
      "Example.java | props.setProperty(\"db.password\", \"@@\");",
      "Example.java | builder.password(\"@@\").build();",
      "Example.kt   | val apiToken: String = \"@@\"",
      "example.ts   | const clientSecret: string = '@@';",
      "example.go   | cfg := Config{Password: \"@@\"}",
      "example.go   | apiKey := \"@@\"",
      "example.rb   | config.access_token = '@@'",
      "example.rb   | { :password => \"@@\" }",
      "example.php  | $config['db_password'] = '@@';",
      "example.php  | define('AUTH_SECRET', '@@');",
      "example.py   | API_TOKEN = os.getenv(\"API_TOKEN\", \"@@\")",
      "example.py   | conn = connect(host=\"db\", password=\"@@\")",
      "example.cs   | var cs = \"Server=db;Database=app;User Id=app;Password=@@;\";",
      "web.config   | <add key=\"StripeApiKey\" value=\"@@\" />",
      "settings.xml | <password>@@</password>",
      "deploy.sh    | mysql --password=@@ orders < dump.sql",
      "app.yaml     | jwtSecret: @@",
      "app.toml     | password = \"@@\"",
      ".env.local   | MYSQL_ROOT_PASSWORD=@@",
      "Dockerfile   | ENV ADMIN_PASS=@@",
      "app.json     | { \"smtp\": { \"password\": \"@@\" } }",
      "jdbc.txt     | jdbc:mysql://db:3306/app?user=app&password=@@",
      "notes.md     | redis://:@@@cache.internal:6379/0",
      "notes.md     | amqp://orders:@@@mq.internal:5672/",
      "secrets.yml  | secret_key_base: @@",
      "config.json  | { \"auths\": { \"registry.acme.test\": { \"auth\": \"@@\" } } }",
      "sas.txt      | https://acme.blob.core.windows.net/c?sv=2022-11-02&sr=c&sig=@@",
      ".netrc       | machine api.acme.test login deploy password @@"})
  void findsSecretsInTheShapesCodeAndConfigurationUse(String file, String line) {
    List<SecretDetector.Match> found = detector.find(SourceFile.of(file, line.replace("@@", password)));
    assertThat(found).as(line).hasSize(1);
    String text = line.replace("@@", password);
    assertThat(text.substring(found.get(0).start(), found.get(0).end())).isEqualTo(password);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "password = \"\"",
      "password = None",
      "password = get_password()",
      "password: \"{{ .Values.db.password }}\"",
      "secret_name = \"prod/orders/db\"",
      "password_reset_url = \"https://acme.test/reset\"",
      "PASSWORD_REGEX = \"^(?=.*[A-Z]).{12,}$\"",
      "api_key_header = \"X-API-Key\"",
      "tokenizer = \"bert-base-uncased\"",
      "max_tokens = \"4096\"",
      "passwordHash = \"$2b$12$KIXQJQq4Y1rQm2Z0Q8oTUOcZ3aGm0d4zv3G9vE6oQhN3Xq1xQk9yK\"",
      "token: ${{ secrets.GITHUB_TOKEN }}",
      "DB_PASSWORD=${DB_PASSWORD:-}",
      "const password = process.env.DB_PASSWORD;",
      "label.password=Enter your password",
      "secret = \"ThisIsNotASecret\"",
      "password = \"changeme123\"",
      "api_key = \"<YOUR_API_KEY>\"",
      "api_key = \"xxxxxxxxxxxxxxxxxxxxxxxx\"",
      "token = \"********\"",
      "commit = \"3f2b8c1e9a4d4e7fb6c51d2e3f4a5b6c7d8e9f01\"",
      "checksum: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      "curl -H \"Authorization: Bearer $TOKEN\" https://api.acme.test",
      "postgres://user:password@localhost:5432/db",
      "-----BEGIN PUBLIC KEY-----",
      "password: cGFzc3dvcmQ=",
      "auth: oauth2"})
  void leavesLookAlikesAlone(String line) {
    assertThat(detector.find(SourceFile.of("example.txt", line))).as(line).isEmpty();
    assertThat(detector.find(SourceFile.of("example.env", line))).as(line).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws-key-id", "gcp-api-key", "github-pat", "gitlab-pat", "slack-bot", "stripe-live",
      "npm-token", "sendgrid", "openai", "huggingface", "jwt", "telegram-bot"})
  void findsProviderTokensWithoutAnyKeyword(String type) {
    String token = new FakeSecrets(type.hashCode()).make(type);
    List<SecretDetector.Match> found = detector.find(SourceFile.of("notes.md", "see " + token + " for details"));
    assertThat(found).as(type).hasSize(1);
    assertThat(found.get(0).severity()).isIn(Severity.CRITICAL, Severity.HIGH);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws-key-id-example", "aws-secret-example", "stripe-test", "jwt-doc-example", "public-key",
      "certificate", "sha256", "sha1", "base64-blob"})
  void leavesDocumentationExamplesAndHashesAlone(String type) {
    String value = new FakeSecrets(type.hashCode()).make(type);
    assertThat(detector.find(SourceFile.of("docs/guide.md", "Example: " + value))).as(type).isEmpty();
  }
}
