package io.venvmux.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads the venvmux annotations as mirrors, so problems can point at the exact value. */
final class Annotations {
  static final String VENV_MODULE = "io.venvmux.annotations.VenvModule";
  static final String PY_NAME = "io.venvmux.annotations.PyName";
  static final String CALL_TIMEOUT = "io.venvmux.annotations.CallTimeout";

  private final Elements elements;

  Annotations(Elements elements) {
    this.elements = elements;
  }

  /** The annotation of that type on the element, if present. */
  Optional<AnnotationMirror> find(Element element, String annotationType) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) m.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationType)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** One value of the annotation, its default if not written. */
  AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    throw new IllegalArgumentException(mirror + " has no value " + name);
  }

  String string(AnnotationMirror mirror, String name) {
    return (String) value(mirror, name).getValue();
  }

  int intValue(AnnotationMirror mirror, String name) {
    return ((Number) value(mirror, name).getValue()).intValue();
  }

  long longValue(AnnotationMirror mirror, String name) {
    return ((Number) value(mirror, name).getValue()).longValue();
  }

  List<String> strings(AnnotationMirror mirror, String name) {
    @SuppressWarnings("unchecked")
    List<? extends AnnotationValue> values =
        (List<? extends AnnotationValue>) value(mirror, name).getValue();
    return values.stream().map(v -> (String) v.getValue()).toList();
  }
}
