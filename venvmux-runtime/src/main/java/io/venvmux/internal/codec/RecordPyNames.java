package io.venvmux.internal.codec;

import io.venvmux.internal.GeneratedClasses;
import java.util.Map;

/**
 * The {@code @PyName}s of a record's components. The annotation has class retention, so the
 * processor writes them into a class beside the record ({@code VenvMuxNames_Point} for {@code
 * Point}) as a {@code public static final Map<String, String> NAMES} from component to Python name;
 * this finds that class once per record.
 */
final class RecordPyNames {
  private static final ClassValue<Map<String, String>> NAMES =
      new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> type) {
          return type.isRecord() ? load(type) : Map.of();
        }
      };

  private RecordPyNames() {}

  /** Component name to Python name, for the components that carry {@code @PyName}. */
  static Map<String, String> of(Class<?> type) {
    return NAMES.get(type);
  }

  private static Map<String, String> load(Class<?> record) {
    return GeneratedClasses.find(record, GeneratedClasses.NAMES_PREFIX)
        .map(RecordPyNames::namesOf)
        .orElse(Map.of());
  }

  private static Map<String, String> namesOf(Class<?> generated) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, String> map = (Map<String, String>) generated.getField("NAMES").get(null);
      return Map.copyOf(map);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          generated.getName() + " is not a venvmux-generated names class", e);
    }
  }
}
