package dev.storyflow.securityscan;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scanner and the secret mask, built from {@code storyflow.security.*}. */
@Configuration(proxyBeanMethods = false)
class SecurityScanConfiguration {

  @Bean
  SecurityScanner securityScanner(SecurityScanProperties properties, ObjectMapper json) {
    return new SecurityScanner(properties, json);
  }

  /** Masks what agents and builds print before it is stored or shown. */
  @Bean
  LogSecretMask logSecretMask(SecurityScanProperties properties) {
    return new LogSecretMask(new SecretDetector(properties.minEntropy())::maskLog);
  }
}
