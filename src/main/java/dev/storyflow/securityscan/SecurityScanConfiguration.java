package dev.storyflow.securityscan;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scanner, built from {@code storyflow.security.*}. */
@Configuration(proxyBeanMethods = false)
class SecurityScanConfiguration {

  @Bean
  SecurityScanner securityScanner(SecurityScanProperties properties, ObjectMapper json) {
    return new SecurityScanner(properties, json);
  }
}
