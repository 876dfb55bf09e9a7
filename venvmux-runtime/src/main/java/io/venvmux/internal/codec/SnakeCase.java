package io.venvmux.internal.codec;

/**
 * The mechanical camelCase to snake_case rule of the border: every upper-case letter becomes {@code
 * _} and its lower case, except at the start ({@code computeStats} is {@code compute_stats}, {@code
 * userID} is {@code user_i_d}). The annotation processor applies the same rule to method and
 * parameter names; its tests check that both agree.
 */
public final class SnakeCase {
  private SnakeCase() {}

  /** The snake_case form of a Java name. */
  public static String of(String javaName) {
    StringBuilder sb = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
