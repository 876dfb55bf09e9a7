package com.example.gen;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import javax.annotation.processing.Generated;

/**
 * A color with the exact values Python uses.
 *
 * <p>Python: <code>stubfix.entry.Color</code>, as <code>stubfix.entry</code>'s functions use it.
 */
@Generated("io.venvmux.stubgen.StubGen")
public enum Color {
  RED("red"),

  DARK_BLUE("dark-blue");

  private final String value;

  Color(String value) {
    this.value = value;
  }

  /**
   * The Python member's value, as it crosses the wire.
   */
  @JsonValue
  public String value() {
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
  public static Color of(String value) {
    for (Color member : values()) {
      if (member.value.equals(value)) {
        return member;
      }
    }
    throw new IllegalArgumentException("no Color has the value " + value);
  }
}
