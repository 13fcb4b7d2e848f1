package dev.storyflow.servicelevel;

/**
 * A status's service level from {@code processes/service-levels.dmn}.
 *
 * @param due ISO-8601 duration after which a task is due (its candidates are reminded)
 * @param escalateAfter ISO-8601 duration after which the {@code escalateTo} group is told
 * @param escalateTo a group id
 */
public record ServiceLevel(String due, String escalateAfter, String escalateTo) {
}
