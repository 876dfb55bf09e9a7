package io.venvmux.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The exact Python name of a function (on a method), a keyword argument (on a parameter) or a dict
 * key / dataclass field (on a record component), instead of the mechanical snake_case of the Java
 * name. Needed when the Python name does not follow from the Java one, e.g.
 * {@code @PyName("user_id") String userID}, or for a parameter whose snake_case is a Python
 * keyword: {@code @PyName("from_") String from}.
 *
 * <p>The mechanical rule: every upper-case letter becomes {@code _} and its lower case ({@code
 * computeStats} is {@code compute_stats}, {@code nItems} is {@code n_items}, {@code userID} is
 * {@code user_i_d}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface PyName {
  /** A valid Python identifier that is not a keyword. */
  String value();
}
