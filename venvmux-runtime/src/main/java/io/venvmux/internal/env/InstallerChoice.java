package io.venvmux.internal.env;

import java.util.Locale;
import java.util.Map;

/**
 * Which tool builds envs: {@code auto} (uv when found, pip otherwise; the default), {@code uv}
 * (fail when it is missing) or {@code pip}. Set with the system property {@value #PROPERTY} or the
 * environment variable {@value #VARIABLE}; the property wins.
 */
enum InstallerChoice {
  AUTO,
  UV,
  PIP;

  static final String PROPERTY = "venvmux.installer";
  static final String VARIABLE = "VENV_MUX_INSTALLER";

  static InstallerChoice configured(Map<String, String> env) {
    String value = System.getProperty(PROPERTY);
    String from = PROPERTY;
    if (value == null || value.isBlank()) {
      value = env.get(VARIABLE);
      from = VARIABLE;
    }
    return parse(value, from);
  }

  static InstallerChoice parse(String value, String from) {
    if (value == null || value.isBlank()) {
      return AUTO;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(from + " must be auto, uv or pip, not '" + value + "'");
    }
  }
}
