package dev.storyflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storyflow.lifecycle.StoryRuleException;
import dev.storyflow.lifecycle.StoryRuleException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.dto.runtime.StartProcessInstanceDto;
import org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.type.SerializableValueType;

/**
 * The variables of a body that completes a task or starts a process ({@code /complete},
 * {@code /submit-form}, {@code /start}), checked before Camunda converts them: Camunda would refuse
 * a value that does not convert to its type, or a type it does not know, without naming the
 * variable, and a Java-serialized object only once the engine stores it, with its log code. Each
 * variable is converted as Camunda converts it ({@link VariableValueDto#toTypedValue}); a variable
 * that does not convert is a {@link StoryRuleException} (400) that names it.
 */
final class SubmittedVariables {

  private SubmittedVariables() {
  }

  /** The variables of a body that completes a task or starts a process; {@code null} for other bodies. */
  static Map<String, VariableValueDto> of(Object body) {
    if (body instanceof CompleteTaskDto complete) {
      return complete.getVariables();
    }
    if (body instanceof StartProcessInstanceDto start) {
      return start.getVariables();
    }
    return null;
  }

  /** Refuses the variables that the engine would not take, naming each. */
  static void check(Map<String, VariableValueDto> variables, ProcessEngine engine, ObjectMapper json) {
    if (engine == null) {
      return;
    }
    List<FieldProblem> problems = new ArrayList<>();
    variables.forEach((name, value) -> {
      String problem = value == null ? null : problem(value, engine, json);
      if (problem != null) {
        problems.add(new FieldProblem(name, problem));
      }
    });
    if (!problems.isEmpty()) {
      throw new StoryRuleException("Invalid variables", problems);
    }
  }

  /** What is wrong with one variable, in words; {@code null} when the engine can take it. */
  private static String problem(VariableValueDto variable, ProcessEngine engine, ObjectMapper json) {
    if (javaSerialized(variable) && !javaSerializationEnabled(engine)) {
      return "is a Java-serialized object, which this engine does not accept: send the value as JSON";
    }
    String type = variable.getType();
    if (type != null && type.isBlank()) {
      return "has an empty type: leave the type out or name one, such as String";
    }
    try {
      variable.toTypedValue(engine, json);
      return null;
    } catch (RestException | ProcessEngineException | IllegalArgumentException e) {
      if (type != null && engine.getProcessEngineConfiguration().getValueTypeResolver()
          .typeForName(VariableValueDto.fromRestApiTypeName(type)) == null) {
        return "has the type '" + type + "', which the engine does not know: use String, Boolean, Integer, Long, "
            + "Double, Date or Json";
      }
      return "is not " + expected(type) + ": '" + shortened(String.valueOf(variable.getValue())) + "'";
    }
  }

  /** A value as a refusal quotes it: at most 40 characters. */
  private static String shortened(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  private static boolean javaSerialized(VariableValueDto variable) {
    Map<String, Object> info = variable.getValueInfo();
    return info != null && SerializationDataFormats.JAVA.getName()
        .equals(info.get(SerializableValueType.VALUE_INFO_SERIALIZATION_DATA_FORMAT));
  }

  private static boolean javaSerializationEnabled(ProcessEngine engine) {
    return engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl configuration
        && configuration.isJavaSerializationFormatEnabled();
  }

  /** What a value of the REST API's type {@code type} looks like. */
  private static String expected(String type) {
    return switch (type == null ? "" : type) {
      case "Integer", "Long", "Short" -> "a whole number (type " + type + ")";
      case "Double" -> "a number (type Double)";
      case "Boolean" -> "true or false (type Boolean)";
      case "Date" -> "a date such as 2026-01-31T09:30:00.000+0100 (type Date)";
      case "Object", "Json", "Xml" -> "serialized text (type " + type + ")";
      default -> "a value of the type " + type;
    };
  }
}
