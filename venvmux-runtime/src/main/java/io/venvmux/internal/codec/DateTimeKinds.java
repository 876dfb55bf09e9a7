package io.venvmux.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * Reads {@link OffsetDateTime} and {@link LocalDateTime} as Jackson does, but when a Python
 * datetime of the other kind arrives (naive for {@code OffsetDateTime}, aware for {@code
 * LocalDateTime}), the error names the Java type that reads it and stubgen's switch that writes it.
 * A hint cannot tell the two apart, so this mistake is the common one.
 */
final class DateTimeKinds {
  /** An ISO datetime's trailing UTC offset ({@code Z}, {@code +02:00}, {@code -0530}). */
  private static final Pattern OFFSET =
      Pattern.compile(".*T[0-9:.,]+([Zz]|[+-]\\d{2}(:?\\d{2}(:?\\d{2})?)?)(\\[[^]]+])?");

  private DateTimeKinds() {}

  static JsonDeserializer<OffsetDateTime> offset() {
    return new Checked<>(
        OffsetDateTime.class,
        InstantDeserializer.OFFSET_DATE_TIME,
        false,
        "it is a naive datetime (no UTC offset): declare java.time.LocalDateTime to read it"
            + " (stubgen: --datetime local), or make the Python value aware");
  }

  static JsonDeserializer<LocalDateTime> local() {
    return new Checked<>(
        LocalDateTime.class,
        LocalDateTimeDeserializer.INSTANCE,
        true,
        "it is an aware datetime (it has a UTC offset): declare java.time.OffsetDateTime to read"
            + " it (stubgen: --datetime offset)");
  }

  /** Jackson's deserializer, with the hint added when the text is the other kind of datetime. */
  private static final class Checked<T> extends StdScalarDeserializer<T>
      implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;

    private final transient JsonDeserializer<? extends T> delegate;
    private final boolean offsetIsWrong;
    private final String hint;

    Checked(
        Class<T> type, JsonDeserializer<? extends T> delegate, boolean offsetIsWrong, String hint) {
      super(type);
      this.delegate = delegate;
      this.offsetIsWrong = offsetIsWrong;
      this.hint = hint;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.hasToken(JsonToken.VALUE_STRING) ? p.getText().strip() : null;
      try {
        return delegate.deserialize(p, ctxt);
      } catch (JsonMappingException e) {
        if (text != null
            && text.indexOf('T') > 0
            && OFFSET.matcher(text).matches() == offsetIsWrong) {
          throw ctxt.weirdStringException(text, handledType(), hint);
        }
        throw e;
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
        throws JsonMappingException {
      JsonDeserializer<?> contextual =
          delegate instanceof ContextualDeserializer c
              ? c.createContextual(ctxt, property)
              : delegate;
      return contextual == delegate
          ? this
          : new Checked<>(
              (Class<T>) handledType(),
              (JsonDeserializer<? extends T>) contextual,
              offsetIsWrong,
              hint);
    }
  }
}
