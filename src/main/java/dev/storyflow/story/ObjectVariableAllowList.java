package dev.storyflow.story;

import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda's deserialization type validation with an allow-list of exactly what Storyflow stores
 * as {@code Object} variables: nothing. A story's fields are Strings, Booleans and numbers, its
 * reports Spin JSON ({@code Json}); no Storyflow code reads an {@code Object} variable. So an
 * {@code Object} variable that someone (only {@code camunda-admin} gets past the story rules) set
 * over {@code /engine-rest} or the Java API is never turned into an instance of its class, whatever
 * the class ({@code java.io.File}, {@code java.lang.Thread}, {@code java.lang.ProcessBuilder}):
 * reading it deserialized is refused as the reader's mistake (a 400 on {@code /engine-rest}), and
 * its serialized form stays readable ({@code deserializeValues=false}), so nothing is lost.
 *
 * <p>Camunda's default validator, which {@code deserialization-type-validation-enabled} alone
 * turns on, allows the whole {@code java.lang} package and ten {@code java.util} classes.
 */
@Component
class ObjectVariableAllowList extends AbstractProcessEnginePlugin {

  /** The classes Storyflow builds from {@code Object} variables. */
  static final Set<String> ALLOWED = Set.of();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setDeserializationTypeValidator(ObjectVariableAllowList::validate);
  }

  /**
   * Whether an {@code Object} variable may be built as an instance of {@code className}. A class
   * outside the list is refused with an exception rather than {@code false}: the engine would
   * wrap {@code false} into an error that Camunda's REST API answers with a 500, while a
   * {@link BadUserRequestException} says that the reader asked for something Storyflow never
   * builds.
   */
  static boolean validate(String className) {
    if (className != null && ALLOWED.contains(className)) {
      return true;
    }
    throw new BadUserRequestException("Object variables of class " + className + " are not read here:"
        + " Storyflow deserializes no Object variable (read it with deserializeValues=false to see its serialized"
        + " value)");
  }
}
