package io.venvmux.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks one {@code @VenvModule} element and reports every problem it finds; generates nothing. */
final class ClientValidator {
  private final Types types;
  private final Elements elements;
  private final InterfaceReader reader;
  private final Annotations annotations;

  ClientValidator(Types types, Elements elements, InterfaceReader reader) {
    this.types = types;
    this.elements = elements;
    this.reader = reader;
    this.annotations = reader.annotations();
  }

  ValidationReport validate(TypeElement element) {
    ValidationReport report = new ValidationReport();
    if (element.getKind() != ElementKind.INTERFACE) {
      report.report(
          Message.NOT_INTERFACE, element, element.getSimpleName(), article(element.getKind()));
      return report;
    }
    if (!implementable(element)) {
      report.report(Message.NOT_IMPLEMENTABLE, element, element.getQualifiedName());
      return report;
    }
    if (!element.getTypeParameters().isEmpty()) {
      report.report(
          Message.GENERIC_INTERFACE, element, element.getSimpleName(), element.getTypeParameters());
      return report;
    }
    validateSettings(element, report);
    Map<String, List<ExecutableElement>> byFunction = new HashMap<>();
    for (ExecutableElement m : reader.abstractMethods(element)) {
      validateMethod(element, m, byFunction, report);
    }
    return report;
  }

  private static String article(ElementKind kind) {
    String name = kind.name().toLowerCase().replace('_', ' ');
    return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }

  /** A generated top-level class must be able to name and implement it. */
  private static boolean implementable(TypeElement type) {
    for (Element e = type; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      boolean insideTypeOrPackage =
          e.getEnclosingElement().getKind() == ElementKind.PACKAGE
              || e.getEnclosingElement().getKind().isClass()
              || e.getEnclosingElement().getKind().isInterface();
      if (e.getModifiers().contains(Modifier.PRIVATE) || !insideTypeOrPackage) {
        return false;
      }
    }
    return true;
  }

  private void validateSettings(TypeElement element, ValidationReport report) {
    AnnotationMirror venvModule = annotations.find(element, Annotations.VENV_MODULE).orElseThrow();
    String module = annotations.string(venvModule, "value");
    if (!PyNames.isModulePath(module)) {
      report.report(
          Message.MODULE_NAME, element, venvModule, annotations.value(venvModule, "value"), module);
    }
    int workers = annotations.intValue(venvModule, "workers");
    if (workers < 0) {
      report.report(
          Message.WORKERS, element, venvModule, annotations.value(venvModule, "workers"), workers);
    }
  }

  private void validateMethod(
      TypeElement iface,
      ExecutableElement m,
      Map<String, List<ExecutableElement>> byFunction,
      ValidationReport report) {
    String signature = reader.javaSignature(iface, m);
    if (!m.getTypeParameters().isEmpty()) {
      report.report(Message.GENERIC_METHOD, m, signature, m.getTypeParameters());
      return;
    }
    ExecutableType type = reader.executableType((DeclaredType) iface.asType(), m);
    boolean namesOk = validateFunctionName(m, signature, report);
    annotations
        .find(m, Annotations.CALL_TIMEOUT)
        .ifPresent(
            t -> {
              long millis = annotations.longValue(t, "value");
              if (millis < 1) {
                report.report(Message.TIMEOUT, m, t, annotations.value(t, "value"), millis);
              }
            });
    namesOk &= validateParameters(m, type, signature, report);
    validateResult(m, type, signature, report);
    if (namesOk) {
      validateNoConflict(iface, m, byFunction, report);
    }
  }

  private boolean validateFunctionName(
      ExecutableElement m, String signature, ValidationReport report) {
    Optional<AnnotationMirror> pyName = reader.pyName(m);
    String name = reader.functionName(m);
    if (pyName.isPresent() && !PyNames.isIdentifier(name)) {
      report.report(
          Message.PY_NAME, m, pyName.get(), annotations.value(pyName.get(), "value"), name);
      return false;
    }
    if (PyNames.isKeyword(name)) {
      report.report(Message.KEYWORD_FUNCTION, m, signature, name);
      return false;
    }
    if (name.startsWith("_")) {
      report.report(Message.PRIVATE_FUNCTION, m, signature, name);
      return false;
    }
    return true;
  }

  private boolean validateParameters(
      ExecutableElement m, ExecutableType type, String signature, ValidationReport report) {
    boolean ok = true;
    Map<String, VariableElement> byName = new HashMap<>();
    List<? extends VariableElement> params = m.getParameters();
    for (int i = 0; i < params.size(); i++) {
      VariableElement p = params.get(i);
      String name = reader.parameterName(p);
      Optional<AnnotationMirror> pyName = reader.pyName(p);
      if (pyName.isPresent() && !PyNames.isIdentifier(name)) {
        report.report(
            Message.PY_NAME, p, pyName.get(), annotations.value(pyName.get(), "value"), name);
        ok = false;
      } else if (PyNames.isKeyword(name)) {
        report.report(Message.KEYWORD_PARAMETER, p, p.getSimpleName(), name, name);
        ok = false;
      }
      VariableElement before = byName.putIfAbsent(name, p);
      if (before != null) {
        report.report(
            Message.DUPLICATE_PARAMETER, p, before.getSimpleName(), p.getSimpleName(), name);
        ok = false;
      }
      new TypeChecker(
              types, elements, report, p, "parameter " + p.getSimpleName() + " of " + signature)
          .check(type.getParameterTypes().get(i));
    }
    return ok;
  }

  private void validateResult(
      ExecutableElement m, ExecutableType type, String signature, ValidationReport report) {
    String context = "the result of " + signature;
    Optional<InterfaceReader.Call> call = reader.call(type.getReturnType());
    if (call.isEmpty()) {
      report.report(Message.RAW_TYPE, m, type.getReturnType(), context);
      return;
    }
    switch (call.get().kind()) {
      case VOID -> {}
      case ASYNC -> {
        if (!InterfaceReader.is(call.get().resultType(), "java.lang.Void")) {
          new TypeChecker(types, elements, report, m, context).check(call.get().resultType());
        }
      }
      default ->
          new TypeChecker(types, elements, report, m, context).check(call.get().resultType());
    }
  }

  /**
   * Several methods may call one function when their parameters agree: the same names (Java
   * overloads by type, such as {@code int} and {@code long}), or a shorter list that is a prefix of
   * the longer one with the same names and types, in order, the rest left to Python's defaults.
   */
  private void validateNoConflict(
      TypeElement iface,
      ExecutableElement m,
      Map<String, List<ExecutableElement>> byFunction,
      ValidationReport report) {
    String function = reader.functionName(m);
    List<ExecutableElement> before = byFunction.computeIfAbsent(function, f -> new ArrayList<>());
    for (ExecutableElement other : before) {
      if (!agree(m, other)) {
        report.report(
            Message.CONFLICT,
            m,
            reader.javaSignature(iface, other),
            reader.javaSignature(iface, m),
            function,
            reader.parameterNames(other),
            reader.parameterNames(m));
        return;
      }
    }
    before.add(m);
  }

  private boolean agree(ExecutableElement a, ExecutableElement b) {
    List<? extends VariableElement> shorter =
        a.getParameters().size() <= b.getParameters().size()
            ? a.getParameters()
            : b.getParameters();
    List<? extends VariableElement> longer =
        shorter == a.getParameters() ? b.getParameters() : a.getParameters();
    boolean sameLength = shorter.size() == longer.size();
    for (int i = 0; i < shorter.size(); i++) {
      VariableElement x = shorter.get(i);
      VariableElement y = longer.get(i);
      if (!reader.parameterName(x).equals(reader.parameterName(y))
          || !(sameLength || types.isSameType(x.asType(), y.asType()))) {
        return false;
      }
    }
    return true;
  }
}
