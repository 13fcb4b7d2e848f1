package dev.storyflow.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Service workspaces made at test time: what teams bring to Configuring DevOps. */
final class Fixtures {

  private Fixtures() {
  }

  /** A Spring Boot service on Maven with PostgreSQL, reading DB_PASSWORD and PAYMENT_PROVIDER_URL. */
  static Path springPostgres(Path dir) {
    return write(dir, Map.of(
        "pom.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-starter-parent</artifactId>
                <version>3.5.7</version>
              </parent>
              <groupId>com.example</groupId>
              <artifactId>payments</artifactId>
              <version>1.0.0</version>
              <properties>
                <java.version>21</java.version>
              </properties>
              <dependencies>
                <dependency>
                  <groupId>org.springframework.boot</groupId>
                  <artifactId>spring-boot-starter-web</artifactId>
                </dependency>
                <dependency>
                  <groupId>org.springframework.boot</groupId>
                  <artifactId>spring-boot-starter-actuator</artifactId>
                </dependency>
                <dependency>
                  <groupId>org.postgresql</groupId>
                  <artifactId>postgresql</artifactId>
                </dependency>
              </dependencies>
            </project>
            """,
        "src/main/resources/application.yaml", """
            server:
              port: 8081
            spring:
              datasource:
                url: jdbc:postgresql://postgres:5432/payments
                username: payments
                password: ${DB_PASSWORD}
            """,
        "src/main/java/com/example/payments/PaymentClient.java", """
            package com.example.payments;

            class PaymentClient {
              private final String baseUrl = System.getenv("PAYMENT_PROVIDER_URL");
            }
            """,
        "src/test/java/com/example/payments/PaymentClientTest.java", """
            package com.example.payments;

            class PaymentClientTest {
              String only = System.getenv("ONLY_IN_TESTS");
            }
            """));
  }

  /** A Node service with Redis, reading REDIS_URL and PORT (with a default), health at /healthz. */
  static Path nodeRedis(Path dir) {
    return write(dir, Map.of(
        "package.json", """
            {
              "name": "@shop/catalog",
              "version": "2.1.0",
              "main": "src/server.js",
              "engines": { "node": ">=20" },
              "scripts": { "start": "node src/server.js", "test": "node --test" },
              "dependencies": { "express": "^4.21.0", "redis": "^4.7.0" }
            }
            """,
        "package-lock.json", "{ \"name\": \"@shop/catalog\", \"lockfileVersion\": 3 }\n",
        "src/server.js", """
            const express = require('express');
            const { createClient } = require('redis');

            const redis = createClient({ url: process.env.REDIS_URL });
            const app = express();
            app.get('/healthz', (req, res) => res.json({ status: 'ok' }));
            const port = process.env.PORT || 3000;
            app.listen(port);
            """,
        "test/server.test.js", "const token = process.env.ONLY_IN_TESTS;\n"));
  }

  /** A Python service with Kafka whose team already wrote a Dockerfile at the root. */
  static Path pythonWithDockerfile(Path dir) {
    return write(dir, Map.of(
        "requirements.txt", "flask==3.0.3\nkafka-python==2.0.2\n",
        "app.py", """
            import os
            from flask import Flask
            from kafka import KafkaProducer

            app = Flask(__name__)
            producer = KafkaProducer(bootstrap_servers=os.environ["KAFKA_BOOTSTRAP_SERVERS"])
            app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]

            @app.route("/health")
            def health():
                return {"status": "up"}

            if __name__ == "__main__":
                app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "5000")))
            """,
        "Dockerfile", TEAM_DOCKERFILE));
  }

  static final String TEAM_DOCKERFILE = """
      FROM python:3.12-slim
      WORKDIR /srv
      COPY requirements.txt .
      RUN pip install --no-cache-dir -r requirements.txt
      COPY . .
      RUN useradd --uid 10001 web
      USER 10001
      EXPOSE 5000
      HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://localhost:5000/health')"
      CMD ["python", "app.py"]
      """;

  static Path write(Path dir, Map<String, String> files) {
    files.forEach((name, text) -> {
      Path file = dir.resolve(name);
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return dir;
  }
}
