package dev.storyflow.feasibility;

import java.util.List;

/** One criterion's check of a story's text. Implementations keep no state between stories. */
interface QualityCheck {

  List<Finding> check(StoryText story);
}
