package dev.storyflow.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A request on {@code /api} that collides in the engine with another change of the same story
 * (optimistic locking, e.g. a sprint started while a task of one of its stories is completed) is
 * a 409 problem, not a 500: nothing of it was written, and sending it again is safe.
 */
class ApiExceptionHandlerTest {

  @RestController
  static class CollidingController {

    @PostMapping("/api/sprints/S-1/start")
    void start() {
      throw new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity[42]' failed."
          + " Entity was updated by another transaction concurrently.");
    }
  }

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new CollidingController())
      .setControllerAdvice(new ApiExceptionHandler())
      .build();

  @Test
  void aCollisionInTheEngineIsAConflictProblem() throws Exception {
    mvc.perform(post("/api/sprints/S-1/start").accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Changed at the same time"))
        .andExpect(jsonPath("$.detail").value(not(containsString("ENGINE-"))));
  }
}
