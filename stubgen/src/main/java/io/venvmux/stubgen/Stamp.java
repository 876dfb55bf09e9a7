package io.venvmux.stubgen;

import com.palantir.javapoet.AnnotationSpec;
import javax.annotation.processing.Generated;

/**
 * The mark every generated type carries: {@code @Generated} without a timestamp, so output is
 * reproducible.
 */
final class Stamp {
  static final String GENERATOR = "io.venvmux.stubgen.StubGen";

  private Stamp() {}

  static AnnotationSpec generated() {
    return AnnotationSpec.builder(Generated.class).addMember("value", "$S", GENERATOR).build();
  }
}
