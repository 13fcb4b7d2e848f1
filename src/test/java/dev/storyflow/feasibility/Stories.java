package dev.storyflow.feasibility;

import dev.storyflow.story.StoryInput;
import java.util.Arrays;
import java.util.List;

/** Builds stories for the feasibility tests. */
final class Stories {

  private String storyId = "US-1";
  private String title = "A story";
  private String asA;
  private String iWant;
  private String soThat;
  private List<String> criteria;
  private List<String> components;
  private List<String> dependsOn;
  private String reference;
  private String notes;
  private String epic;

  private Stories() {
  }

  /** A story the review finds ready: well formed, one feature, testable criteria. */
  static Stories ready() {
    return new Stories()
        .title("Reset a forgotten password")
        .statement("registered user", "to reset my password by email", "I can log in again")
        .criteria("A reset link is sent to the registered email", "The link expires after 30 minutes");
  }

  static Stories empty() {
    return new Stories();
  }

  Stories id(String id) {
    this.storyId = id;
    return this;
  }

  Stories title(String title) {
    this.title = title;
    return this;
  }

  Stories statement(String asA, String iWant, String soThat) {
    this.asA = asA;
    this.iWant = iWant;
    this.soThat = soThat;
    return this;
  }

  Stories iWant(String iWant) {
    this.iWant = iWant;
    return this;
  }

  Stories soThat(String soThat) {
    this.soThat = soThat;
    return this;
  }

  Stories criteria(String... criteria) {
    this.criteria = criteria.length == 0 ? null : Arrays.asList(criteria);
    return this;
  }

  Stories components(String... components) {
    this.components = Arrays.asList(components);
    return this;
  }

  Stories dependsOn(String... ids) {
    this.dependsOn = Arrays.asList(ids);
    return this;
  }

  Stories reference(String reference) {
    this.reference = reference;
    return this;
  }

  Stories notes(String notes) {
    this.notes = notes;
    return this;
  }

  Stories epic(String epic) {
    this.epic = epic;
    return this;
  }

  StoryInput input() {
    return new StoryInput(storyId, title, asA, iWant, soThat, criteria, components, epic, null, null, null,
        dependsOn, reference, notes, null);
  }

  StoryText text() {
    return StoryText.of(input());
  }
}
