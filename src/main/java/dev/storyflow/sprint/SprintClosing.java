package dev.storyflow.sprint;

import java.util.List;

/**
 * What closing a sprint answers: the stories done and those that carry over (not done, not
 * withdrawn), and the points committed and done.
 */
public record SprintClosing(String sprintId, List<SprintView.SprintStory> done,
    List<SprintView.SprintStory> carriedOver, int pointsCommitted, int pointsDone) {
}
