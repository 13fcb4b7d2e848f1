package dev.storyflow.lifecycle;

import java.lang.reflect.Field;

/**
 * Reads a field of one of the engine's commands that the command does not expose (the engine's
 * commands keep what they were given in protected fields), for the interceptors that look at a
 * command before or around it.
 */
public final class CommandFields {

  private CommandFields() {
  }

  /**
   * The field's value (possibly {@code null}).
   *
   * @throws IllegalStateException when the command has no such field or it cannot be read
   */
  public static Object read(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getSimpleName(), e);
      }
    }
    throw new IllegalStateException(command.getClass().getSimpleName() + " has no field " + name);
  }
}
