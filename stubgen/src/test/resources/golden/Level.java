package com.example.gen;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import javax.annotation.processing.Generated;

/**
 * Python: <code>stubfix.entry.Level</code>, as <code>stubfix.entry</code>'s functions use it.
 */
@Generated("io.venvmux.stubgen.StubGen")
public enum Level {
  LOW(1L),

  HIGH(20L);

  private final long value;

  Level(long value) {
    this.value = value;
  }

  /**
   * The Python member's value, as it crosses the wire.
   */
  @JsonValue
  public long value() {
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
  public static Level of(long value) {
    for (Level member : values()) {
      if (member.value == value) {
        return member;
      }
    }
    throw new IllegalArgumentException("no Level has the value " + value);
  }
}
