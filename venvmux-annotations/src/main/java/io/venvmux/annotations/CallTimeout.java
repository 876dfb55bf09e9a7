package io.venvmux.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The timeout of each call of this method, in milliseconds, overriding the env's default. A call
 * that runs longer ends with {@code CallTimeoutException}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CallTimeout {
  /** Milliseconds, at least 1. */
  long value();
}
