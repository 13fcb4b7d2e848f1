package dev.storyflow.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.junit.jupiter.api.Test;

class LongTextSerializerTest {

  private final LongTextSerializer serializer = new LongTextSerializer();

  @Test
  void takesOnlyStringsLongerThanTheEnginesTextColumn() {
    assertThat(serializer.canHandle(Variables.stringValue("x".repeat(4_000)))).isFalse();
    assertThat(serializer.canHandle(Variables.stringValue("x".repeat(4_001)))).isTrue();
    assertThat(serializer.canHandle(new UntypedValueImpl("x".repeat(4_001)))).isTrue();
    assertThat(serializer.canHandle(Variables.stringValue(null))).isFalse();
    assertThat(serializer.canHandle(Variables.integerValue(4_001))).isFalse();
  }

  @Test
  void aLongStringStaysAString() {
    assertThat(serializer.getType()).isEqualTo(Variables.stringValue("").getType());
  }
}
