package io.venvmux.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/** The problems validation found in one interface; code is generated only from a clean report. */
final class ValidationReport {
  private record Item(
      Message message,
      String text,
      Element element,
      @Nullable AnnotationMirror annotation,
      @Nullable AnnotationValue value) {}

  private final List<Item> items = new ArrayList<>();
  private boolean deferred;

  /** A problem with {@code element} as a whole. */
  void report(Message message, Element element, Object... args) {
    items.add(new Item(message, message.format(args), element, null, null));
  }

  /** A problem with one value of an annotation on {@code element}. */
  void report(
      Message message,
      Element element,
      AnnotationMirror annotation,
      @Nullable AnnotationValue value,
      Object... args) {
    items.add(new Item(message, message.format(args), element, annotation, value));
  }

  /** A type the interface uses is not generated yet: try again next round. */
  void defer() {
    deferred = true;
  }

  boolean isDeferred() {
    return deferred;
  }

  /** No errors (warnings are fine). */
  boolean isClean() {
    return items.stream().noneMatch(i -> i.message().kind() == Diagnostic.Kind.ERROR);
  }

  void printTo(Messager messager) {
    for (Item i : items) {
      if (i.annotation() == null) {
        messager.printMessage(i.message().kind(), i.text(), i.element());
      } else {
        messager.printMessage(i.message().kind(), i.text(), i.element(), i.annotation(), i.value());
      }
    }
  }
}
