package com.example.gen;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Python: <code>stubfix.entry.Corner</code>, as <code>stubfix.entry</code>'s functions use it.
 */
@Generated("io.venvmux.stubgen.StubGen")
public enum Corner {
  TOP_LEFT(List.of(0L, 0L)),

  BOTTOM_RIGHT(List.of(1L, 1L));

  private final Object value;

  Corner(Object value) {
    this.value = value;
  }

  /**
   * The Python member's value, as it crosses the wire.
   */
  @JsonValue
  public Object value() {
    return value;
  }

  /**
   * The member whose Python value is {@code value}.
   *
   * @throws IllegalArgumentException when no member has it
   */
  @JsonCreator(
      mode = JsonCreator.Mode.DELEGATING
  )
  public static Corner of(Object value) {
    for (Corner member : values()) {
      if ((member.value instanceof String) == (value instanceof String) && String.valueOf(member.value).equals(String.valueOf(value))) {
        return member;
      }
    }
    throw new IllegalArgumentException("no Corner has the value " + value);
  }
}
