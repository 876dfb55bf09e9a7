package io.venvmux.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;

/** Builds the model of an interface whose validation report is clean. */
final class ClientModelBuilder {
  /** Prefix of generated clients; the runtime looks them up by it. */
  static final String CLIENT_PREFIX = "VenvMux_";

  /** Names the generated class already uses. */
  private static final Set<String> RESERVED = Set.of("DESCRIPTOR");

  private final InterfaceReader reader;
  private final Annotations annotations;

  ClientModelBuilder(InterfaceReader reader) {
    this.reader = reader;
    this.annotations = reader.annotations();
  }

  Model.Client build(TypeElement iface) {
    DeclaredType type = (DeclaredType) iface.asType();
    List<ExecutableElement> abstractMethods = reader.abstractMethods(iface);
    // A constant must not be shadowed by a parameter of the method that uses it.
    Set<String> constants = new HashSet<>(RESERVED);
    abstractMethods.forEach(
        m -> m.getParameters().forEach(p -> constants.add(p.getSimpleName().toString())));
    List<Model.Method> methods = new ArrayList<>();
    for (ExecutableElement m : abstractMethods) {
      ExecutableType t = reader.executableType(type, m);
      InterfaceReader.Call call = reader.call(t.getReturnType()).orElseThrow();
      OptionalLong timeout =
          annotations
              .find(m, Annotations.CALL_TIMEOUT)
              .map(a -> OptionalLong.of(annotations.longValue(a, "value")))
              .orElse(OptionalLong.empty());
      methods.add(
          new Model.Method(
              m,
              uniqueConstant(m, constants),
              reader.functionName(m),
              reader.parameterNames(m),
              call.kind(),
              call.resultType(),
              timeout,
              reader.javaSignature(iface, m)));
    }
    return new Model.Client(
        iface, type, generatedName(iface), settings(iface), List.copyOf(methods));
  }

  /**
   * {@code VenvMux_Compute}, or {@code VenvMux_Outer_Inner} for a nested interface, same package.
   */
  static ClassName generatedName(TypeElement type, String prefix) {
    ClassName name = ClassName.get(type);
    return ClassName.get(name.packageName(), prefix + String.join("_", name.simpleNames()));
  }

  private static ClassName generatedName(TypeElement iface) {
    return generatedName(iface, CLIENT_PREFIX);
  }

  private static String uniqueConstant(ExecutableElement m, Set<String> taken) {
    String base = PyNames.snakeCase(m.getSimpleName().toString()).toUpperCase(Locale.ROOT);
    String name = base;
    for (int i = 2; !taken.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private Model.Settings settings(TypeElement iface) {
    AnnotationMirror a = annotations.find(iface, Annotations.VENV_MODULE).orElseThrow();
    return new Model.Settings(
        annotations.string(a, "value"),
        annotations.string(a, "env"),
        annotations.strings(a, "packages"),
        annotations.strings(a, "requirements"),
        annotations.string(a, "project"),
        annotations.string(a, "python"),
        annotations.strings(a, "workerPaths"),
        annotations.intValue(a, "workers"),
        annotations.string(a, "ray"));
  }
}
