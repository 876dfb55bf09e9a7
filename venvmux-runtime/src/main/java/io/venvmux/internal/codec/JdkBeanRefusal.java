package io.venvmux.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.impl.UnknownSerializer;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Refuses a JDK class that only a bean dump could write ({@code new Object()} as {@code {}}, a
 * {@code Thread} as its getters): it is no value of the types table, and sending it would hand
 * Python something the caller never meant. The JDK types the table names (java.time, UUID, Path,
 * collections, ...) have serializers of their own and are not touched; the caller's own classes
 * (records, beans) are written as before.
 */
final class JdkBeanRefusal extends BeanSerializerModifier {
  private static final long serialVersionUID = 1L;

  @Override
  public JsonSerializer<?> modifySerializer(
      SerializationConfig config, BeanDescription description, JsonSerializer<?> serializer) {
    Class<?> type = description.getBeanClass();
    boolean dump =
        serializer instanceof BeanSerializerBase || serializer instanceof UnknownSerializer;
    return dump && isJdk(type) ? new Refusal(type) : serializer;
  }

  private static boolean isJdk(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("jdk.")
        || name.startsWith("sun.")
        || name.startsWith("com.sun.");
  }

  /** Fails the write with the type's name; the request encoder turns it into InvalidJson. */
  private static final class Refusal extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;

    Refusal(Class<?> type) {
      super(type, false);
    }

    @Override
    public void serialize(Object value, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      throw JsonMappingException.from(
          g,
          "a "
              + handledType().getName()
              + " is not a value that crosses to Python: send a type of the types table"
              + " (numbers, strings, booleans, lists, maps, records, enums, java.time, UUID,"
              + " Path, byte[], JsonNode)");
    }
  }
}
