package dev.storyflow.benchmark;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Names the kind of each request, so that {@link SqlCounter} counts its SQL under that name. */
class SqlCountingFilter extends OncePerRequestFilter {

  private final SqlCounter counter;

  SqlCountingFilter(SqlCounter counter) {
    this.counter = counter;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/actuator");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String kind = kind(request.getMethod(), request.getRequestURI());
    long started = System.nanoTime();
    counter.requestStarted(kind);
    try {
      chain.doFilter(request, response);
    } finally {
      counter.requestEnded(kind, System.nanoTime() - started);
    }
  }

  /** {@code request:complete}, {@code request:start}, {@code request:poll} or {@code request:other}. */
  static String kind(String method, String path) {
    if ("POST".equals(method) && path.endsWith("/complete")) {
      return "request:complete";
    }
    if ("POST".equals(method) && path.endsWith("/start")) {
      return "request:start";
    }
    if ("GET".equals(method) && (path.equals("/engine-rest/task") || path.startsWith("/engine-rest/process-instance/"))) {
      return "request:poll";
    }
    return "request:other";
  }
}
