package dev.storyflow.sprint;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dev.storyflow.identity.EngineAccess;
import dev.storyflow.identity.Role;
import dev.storyflow.lifecycle.StoryVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.stereotype.Component;

/**
 * A Tasklist filter per open sprint: the sprint's tasks, with story, title, status and sprint as
 * columns, readable by every team role. Made when the sprint is created, removed when it closes.
 */
@Component
class SprintFilters {

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final EngineAccess engine;

  SprintFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService,
      EngineAccess engine) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.engine = engine;
  }

  static String name(Sprint sprint) {
    return "Sprint " + sprint.sprintId() + ": " + sprint.name();
  }

  void open(Sprint sprint) {
    engine.asSystem(() -> {
      Filter filter = filterService.newTaskFilter(name(sprint))
          .setQuery(taskService.createTaskQuery().processVariableValueEquals(StoryVariables.SPRINT, sprint.sprintId()))
          .setProperties(Map.of(
              "description", "Tasks of the stories in sprint " + sprint.sprintId(),
              "priority", 100,
              "refresh", true,
              "variables", List.of(
                  Map.of("name", StoryVariables.STORY_ID, "label", "Story"),
                  Map.of("name", StoryVariables.TITLE, "label", "Title"),
                  Map.of("name", StoryVariables.STATUS, "label", "Status"),
                  Map.of("name", StoryVariables.SPRINT, "label", "Sprint"))));
      filterService.saveFilter(filter);
      for (Role role : Role.values()) {
        if (role.isTeamRole()) {
          Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
          read.setGroupId(role.groupId());
          read.setResource(Resources.FILTER);
          read.setResourceId(filter.getId());
          read.addPermission(Permissions.READ);
          authorizationService.saveAuthorization(read);
        }
      }
      return null;
    });
  }

  void close(Sprint sprint) {
    engine.asSystem(() -> {
      filterService.createTaskFilterQuery().filterName(name(sprint)).list()
          .forEach(filter -> filterService.deleteFilter(filter.getId()));
      return null;
    });
  }
}
