package io.venvmux.internal.codec;

import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;

/**
 * Names of record components and bean properties on the wire: snake_case, or the {@code @PyName} of
 * a record component. Applies to implicit names only, so an explicit {@code @JsonProperty} stays as
 * written, and never to Map keys, which are data.
 */
final class WireNaming extends PropertyNamingStrategy {
  private static final long serialVersionUID = 1L;

  @Override
  public String nameForField(MapperConfig<?> config, AnnotatedField field, String defaultName) {
    return name(field.getDeclaringClass(), defaultName);
  }

  @Override
  public String nameForGetterMethod(
      MapperConfig<?> config, AnnotatedMethod method, String defaultName) {
    return name(method.getDeclaringClass(), defaultName);
  }

  @Override
  public String nameForSetterMethod(
      MapperConfig<?> config, AnnotatedMethod method, String defaultName) {
    return name(method.getDeclaringClass(), defaultName);
  }

  @Override
  public String nameForConstructorParameter(
      MapperConfig<?> config, AnnotatedParameter param, String defaultName) {
    return name(param.getDeclaringClass(), defaultName);
  }

  private static String name(Class<?> owner, String javaName) {
    String pyName = RecordPyNames.of(owner).get(javaName);
    return pyName != null ? pyName : SnakeCase.of(javaName);
  }
}
