package io.venvmux.internal.codec;

import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Executable;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Makes every record component required on the wire unless it is an {@code Optional} or annotated
 * {@code @Nullable} (any annotation of that simple name, e.g. JSpecify's): a dict that lacks a
 * field is an error, never a silent 0 or null.
 */
final class WireAnnotationIntrospector extends JacksonAnnotationIntrospector {
  private static final long serialVersionUID = 1L;

  @Override
  public @Nullable Boolean hasRequiredMarker(AnnotatedMember m) {
    Boolean declared = super.hasRequiredMarker(m);
    if (Boolean.TRUE.equals(declared) || !m.getDeclaringClass().isRecord()) {
      return declared;
    }
    return !mayBeAbsent(m);
  }

  private static boolean mayBeAbsent(AnnotatedMember m) {
    Class<?> raw = m.getRawType();
    if (raw == Optional.class
        || raw == OptionalInt.class
        || raw == OptionalLong.class
        || raw == OptionalDouble.class) {
      return true;
    }
    return annotationsOf(m).anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
  }

  /**
   * Declaration and type-use annotations of the member (JSpecify's {@code @Nullable} is type-use).
   */
  private static Stream<Annotation> annotationsOf(AnnotatedMember m) {
    AnnotatedType type = null;
    Annotation[] declared = new Annotation[0];
    if (m instanceof AnnotatedField f) {
      type = f.getAnnotated().getAnnotatedType();
      declared = f.getAnnotated().getAnnotations();
    } else if (m instanceof AnnotatedMethod am) {
      type = am.getAnnotated().getAnnotatedReturnType();
      declared = am.getAnnotated().getAnnotations();
    } else if (m instanceof AnnotatedParameter p
        && p.getOwner().getAnnotated() instanceof Executable e) {
      type = e.getParameters()[p.getIndex()].getAnnotatedType();
      declared = e.getParameters()[p.getIndex()].getAnnotations();
    }
    Stream<Annotation> typeUse = type == null ? Stream.empty() : Stream.of(type.getAnnotations());
    return Stream.concat(Stream.of(declared), typeUse);
  }
}
