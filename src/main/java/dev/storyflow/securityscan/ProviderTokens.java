package dev.storyflow.securityscan;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Tokens whose shape gives their provider away: cloud keys, source-host, chat, payment and
 * package-registry tokens, AI API keys. Each rule has a pattern whose group 1 is the token, how
 * many leading characters are a public prefix that may stay visible, and a check that the rest
 * looks random (so that {@code ghp_xxxx…} and documentation examples are not reported).
 */
final class ProviderTokens {

  /** A provider rule. */
  record Rule(String id, Severity severity, String description, Pattern pattern, int keep, Predicate<String> accept) {
  }

  private final List<Rule> rules;

  ProviderTokens(SecretValues values) {
    this.rules = rules(values);
  }

  List<Rule> rules() {
    return rules;
  }

  private static Rule rule(String id, Severity severity, String description, String regex, int keep,
      Predicate<String> accept) {
    return new Rule(id, severity, description, Pattern.compile(regex), keep, accept);
  }

  private static List<Rule> rules(SecretValues values) {
    String before = "(?<![A-Za-z0-9_\\-])";
    String after = "(?![A-Za-z0-9_\\-])";
    return List.of(
        rule("secret.aws-access-key-id", Severity.CRITICAL, "AWS access key id",
            before + "((?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16})" + after, 4,
            v -> !v.contains("EXAMPLE") && values.random(v.substring(4), 3.0)),
        rule("secret.aws-secret-access-key", Severity.CRITICAL, "AWS secret access key",
            "(?i:aws.{0,20}?(?:secret|sk).{0,20}?)[\"']?\\s*(?::=|=>|[:=])\\s*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])", 0,
            v -> !v.contains("EXAMPLE") && values.random(v, 4.0)),
        rule("secret.gcp-api-key", Severity.CRITICAL, "Google Cloud API key",
            before + "(AIza[0-9A-Za-z_\\-]{35})" + after, 4, v -> values.random(v, 3.5)),
        rule("secret.azure-storage-key", Severity.CRITICAL, "Azure storage account key",
            "(?i:AccountKey)=([A-Za-z0-9+/]{86}==)", 0, v -> values.random(v, 4.0)),
        rule("secret.github-token", Severity.CRITICAL, "GitHub token",
            before + "(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{80,})" + after, 4, v -> values.random(v.substring(4), 3.5)),
        rule("secret.gitlab-token", Severity.CRITICAL, "GitLab token",
            before + "((?:glpat|gldt|glrt|glptt|glsoat)-[A-Za-z0-9_\\-]{20,})" + after, 6, v -> values.random(v.substring(6), 3.5)),
        rule("secret.slack-token", Severity.CRITICAL, "Slack token",
            before + "(xox[abposre]-(?:[0-9]+-)*[0-9A-Za-z]{10,}(?:-[0-9A-Za-z]+)*)" + after, 5, v -> values.random(v, 3.3)),
        rule("secret.slack-webhook", Severity.CRITICAL, "Slack incoming webhook",
            "https://hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9+/]{8,}/[A-Za-z0-9+/]{8,}/[A-Za-z0-9+/]{16,})", 0,
            v -> values.random(v, 3.5)),
        rule("secret.discord-webhook", Severity.CRITICAL, "Discord webhook",
            "https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/([A-Za-z0-9_\\-]{60,70})", 0,
            v -> values.random(v, 3.5)),
        rule("secret.discord-bot-token", Severity.CRITICAL, "Discord bot token",
            before + "([MNO][A-Za-z0-9_\\-]{23,25}\\.[A-Za-z0-9_\\-]{6}\\.[A-Za-z0-9_\\-]{27,38})" + after, 0, v -> values.random(v, 4.0)),
        rule("secret.teams-webhook", Severity.CRITICAL, "Microsoft Teams webhook",
            "https://[a-z0-9\\-]+\\.webhook\\.office\\.com/webhookb2/([A-Za-z0-9@/\\-]{60,})", 0, v -> values.random(v, 3.5)),
        rule("secret.telegram-bot-token", Severity.CRITICAL, "Telegram bot token",
            "(?<![0-9A-Za-z])([0-9]{8,10}:AA[0-9A-Za-z_\\-]{33})" + after, 0, v -> values.random(v, 3.5)),
        rule("secret.stripe-key", Severity.CRITICAL, "Stripe live secret key",
            before + "((?:sk|rk)_live_[0-9A-Za-z]{24,})" + after, 8, v -> values.random(v.substring(8), 3.5)),
        rule("secret.npm-token", Severity.CRITICAL, "npm access token",
            before + "(npm_[A-Za-z0-9]{36})" + after, 4, v -> values.random(v.substring(4), 3.5)),
        rule("secret.pypi-token", Severity.CRITICAL, "PyPI upload token",
            before + "(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\\-]{50,})" + after, 5, v -> values.random(v, 4.0)),
        rule("secret.sendgrid-key", Severity.CRITICAL, "SendGrid API key",
            before + "(SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43})" + after, 3, v -> values.random(v, 4.0)),
        rule("secret.openai-key", Severity.CRITICAL, "OpenAI API key",
            before + "(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\\-]{16,}T3BlbkFJ[A-Za-z0-9_\\-]{16,})" + after, 3, v -> values.random(v, 4.0)),
        rule("secret.anthropic-key", Severity.CRITICAL, "Anthropic API key",
            before + "(sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_\\-]{80,})" + after, 7, v -> values.random(v, 4.0)),
        rule("secret.huggingface-token", Severity.CRITICAL, "Hugging Face token",
            before + "(hf_[A-Za-z]{34})" + after, 3, v -> values.random(v.substring(3), 3.8)),
        rule("secret.shopify-token", Severity.CRITICAL, "Shopify access token",
            before + "(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})" + after, 6, v -> values.random(v.substring(6), 3.0)),
        rule("secret.google-oauth-client-secret", Severity.CRITICAL, "Google OAuth client secret",
            before + "(GOCSPX-[A-Za-z0-9_\\-]{28})" + after, 7, v -> values.random(v.substring(7), 3.5)),
        rule("secret.azure-ad-client-secret", Severity.CRITICAL, "Azure AD client secret",
            "(?<![A-Za-z0-9_~.\\-])([A-Za-z0-9_~.\\-]{3}8Q~[A-Za-z0-9_~.\\-]{31,34})(?![A-Za-z0-9_~.\\-])", 0, v -> values.random(v, 4.0)),
        rule("secret.twilio-api-key", Severity.CRITICAL, "Twilio API key",
            before + "(SK[0-9a-f]{32})" + after, 2, v -> values.random(v.substring(2), 3.3)),
        rule("secret.mailgun-key", Severity.CRITICAL, "Mailgun API key",
            before + "(key-[0-9a-f]{32})" + after, 4, v -> values.random(v.substring(4), 3.3)),
        rule("secret.mailchimp-key", Severity.CRITICAL, "Mailchimp API key",
            before + "([0-9a-f]{32}-us[0-9]{1,2})" + after, 0, v -> values.random(v, 3.3)),
        rule("secret.square-token", Severity.CRITICAL, "Square access token",
            before + "(sq0(?:atp|csp)-[0-9A-Za-z_\\-]{22,43}|EAAA[0-9A-Za-z_\\-]{60})" + after, 7, v -> values.random(v, 3.5)),
        rule("secret.digitalocean-token", Severity.CRITICAL, "DigitalOcean token",
            before + "(do[opr]_v1_[a-f0-9]{64})" + after, 7, v -> values.random(v.substring(7), 3.3)),
        rule("secret.linear-key", Severity.CRITICAL, "Linear API key",
            before + "(lin_api_[A-Za-z0-9]{40})" + after, 8, v -> values.random(v.substring(8), 3.5)),
        rule("secret.postman-key", Severity.CRITICAL, "Postman API key",
            before + "(PMAK-[a-f0-9]{24}-[a-f0-9]{34})" + after, 5, v -> values.random(v, 3.3)),
        rule("secret.databricks-token", Severity.CRITICAL, "Databricks token",
            before + "(dapi[a-f0-9]{32}(?:-[0-9])?)" + after, 4, v -> values.random(v.substring(4), 3.3)),
        rule("secret.atlassian-token", Severity.CRITICAL, "Atlassian API token",
            before + "(ATATT3[A-Za-z0-9_\\-=]{150,})" + after, 6, v -> values.random(v, 4.0)),
        rule("secret.openai-legacy-key", Severity.CRITICAL, "OpenAI API key",
            before + "(sk-[A-Za-z0-9]{48})" + after, 3, v -> values.random(v.substring(3), 4.0)),
        rule("secret.vault-token", Severity.CRITICAL, "HashiCorp Vault token",
            before + "(hv[sbr]\\.[A-Za-z0-9_\\-]{24,})" + after, 4, v -> values.random(v.substring(4), 4.0)),
        rule("secret.grafana-token", Severity.CRITICAL, "Grafana token",
            before + "(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,}={0,2})" + after, 4,
            v -> values.random(v.substring(4), 3.5)),
        rule("secret.age-key", Severity.CRITICAL, "age secret key",
            "(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})", 15, v -> values.random(v.substring(15), 3.5)),
        rule("secret.newrelic-key", Severity.CRITICAL, "New Relic API key",
            before + "(NRAK-[A-Z0-9]{27})" + after, 5, v -> values.random(v.substring(5), 3.5)),
        rule("secret.dynatrace-token", Severity.CRITICAL, "Dynatrace token",
            before + "(dt0c01\\.[A-Z0-9]{24}\\.[A-Z0-9]{64})" + after, 7, v -> values.random(v.substring(7), 4.0)),
        rule("secret.pulumi-token", Severity.CRITICAL, "Pulumi access token",
            before + "(pul-[a-f0-9]{40})" + after, 4, v -> values.random(v.substring(4), 3.3)),
        rule("secret.doppler-token", Severity.CRITICAL, "Doppler token",
            before + "(dp\\.(?:pt|st|sa|ct|scim|audit)\\.[A-Za-z0-9]{40,44})" + after, 6, v -> values.random(v, 4.0)),
        rule("secret.supabase-token", Severity.CRITICAL, "Supabase access token",
            before + "(sbp_[a-f0-9]{40})" + after, 4, v -> values.random(v.substring(4), 3.3)),
        rule("secret.groq-key", Severity.CRITICAL, "Groq API key",
            before + "(gsk_[A-Za-z0-9]{48,52})" + after, 4, v -> values.random(v.substring(4), 4.0)),
        rule("secret.replicate-token", Severity.CRITICAL, "Replicate API token",
            before + "(r8_[A-Za-z0-9]{37})" + after, 3, v -> values.random(v.substring(3), 4.0)),
        rule("secret.netlify-token", Severity.CRITICAL, "Netlify access token",
            before + "(nfp_[A-Za-z0-9]{36})" + after, 4, v -> values.random(v.substring(4), 4.0)));
  }
}
