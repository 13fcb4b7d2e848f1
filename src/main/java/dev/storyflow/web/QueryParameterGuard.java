package dev.storyflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.story.StoryInput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query parameter with a NUL, another control character or a lone surrogate, or a query string
 * that is not valid percent-encoded UTF-8, is a 400 on every REST door ({@code /api},
 * {@code /engine-rest}, and the webapps' {@code /camunda/api}) before it reaches a resource or
 * the database: PostgreSQL cannot hold a NUL in text and fails the query (a 500), and no id, key
 * or filter value of Storyflow or Camunda has a control character. Only the query string is read,
 * never a form body.
 */
@Configuration(proxyBeanMethods = false)
class QueryParameterGuard {

  @Bean
  FilterRegistrationBean<Guard> queryParameterFilter() {
    FilterRegistrationBean<Guard> registration = new FilterRegistrationBean<>(new Guard());
    registration.setName("query-parameter-guard");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    // before the authentication filters: a refused request does not count as a login attempt
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 2);
    return registration;
  }

  static final class Guard extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String problem = problem(request.getQueryString());
      if (problem == null) {
        chain.doFilter(request, response);
        return;
      }
      refuse(request, response, problem);
    }

    /** What is wrong with a raw query string, or {@code null} when nothing is. */
    static String problem(String query) {
      if (query == null || query.isEmpty()) {
        return null;
      }
      for (String pair : query.split("&")) {
        String[] nameAndValue = pair.split("=", 2);
        String name;
        String value;
        try {
          name = URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8);
          value = nameAndValue.length < 2 ? "" : URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return "The query string is not valid percent-encoding";
        }
        if (!plain(name) || !plain(value)) {
          return "The query parameter " + printable(name)
              + " holds a NUL, a control character or a lone surrogate";
        }
      }
      return null;
    }

    /** One line of text as story fields are ({@link StoryInput#LINE}), without bytes that did not decode. */
    private static boolean plain(String text) {
      return text.matches(StoryInput.LINE) && text.indexOf('\uFFFD') < 0;
    }

    private static String printable(String name) {
      StringBuilder out = new StringBuilder();
      name.codePoints().limit(100).forEach(c -> out.append(Character.isISOControl(c) || Character.isSurrogate((char) c)
          || c == 0xFFFD ? String.format("\\u%04x", c) : Character.toString(c)));
      return out.toString();
    }

    /** A 400 in the door's own error format: Camunda's on {@code /engine-rest}, problem+json elsewhere. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, String problem)
        throws IOException {
      Map<String, Object> body = new LinkedHashMap<>();
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      if (request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/")) {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        body.put("type", "InvalidRequestException");
        body.put("message", problem);
      } else {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        body.put("type", "about:blank");
        body.put("title", "Invalid query parameter");
        body.put("status", 400);
        body.put("detail", problem);
      }
      JSON.writeValue(response.getOutputStream(), body);
    }
  }
}
