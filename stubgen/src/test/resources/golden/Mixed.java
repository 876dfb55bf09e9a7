package com.example.gen;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import javax.annotation.processing.Generated;

/**
 * Python: <code>stubfix.entry.Mixed</code>, as <code>stubfix.entry</code>'s functions use it.
 */
@Generated("io.venvmux.stubgen.StubGen")
public enum Mixed {
  NAMED("named"),

  NUMBERED(2L);

  private final Object value;

  Mixed(Object value) {
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
  public static Mixed of(Object value) {
    for (Mixed member : values()) {
      if ((member.value instanceof String) == (value instanceof String) && String.valueOf(member.value).equals(String.valueOf(value))) {
        return member;
      }
    }
    throw new IllegalArgumentException("no Mixed has the value " + value);
  }
}
