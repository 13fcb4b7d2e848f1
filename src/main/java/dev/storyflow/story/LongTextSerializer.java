package dev.storyflow.story;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Stores a String too long for the engine's text column ({@code TEXT_ VARCHAR(4000)} of the
 * variable, history and detail tables) whole: its UTF-8 bytes go to the engine's byte-array
 * table, where JSON and file variables go too. The value stays a {@code String} for every reader
 * (Java, {@code /engine-rest}, Cockpit, Tasklist's forms); only the serializer name in
 * {@code TYPE_} tells it apart. Shorter Strings keep Camunda's own serializer, so queries by value
 * work on them as before. A database that holds this name needs this serializer to read it.
 */
class LongTextSerializer extends PrimitiveValueSerializer<StringValue> {

  static final String NAME = "storyflowLongString";
  /** Characters the engine's {@code TEXT_} columns hold on H2 and PostgreSQL. */
  static final int TEXT_COLUMN = 4000;

  LongTextSerializer() {
    super(ValueType.STRING);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected boolean canWriteValue(TypedValue value) {
    return value.getValue() instanceof String text && text.length() > TEXT_COLUMN;
  }

  @Override
  public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
    return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
  }

  @Override
  public void writeValue(StringValue value, ValueFields fields) {
    fields.setByteArrayValue(value.getValue().getBytes(UTF_8));
  }

  @Override
  public StringValue readValue(ValueFields fields, boolean asTransientValue) {
    byte[] bytes = fields.getByteArrayValue();
    return Variables.stringValue(bytes == null ? null : new String(bytes, UTF_8), asTransientValue);
  }
}
