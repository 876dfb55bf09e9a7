package io.venvmux.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What validation and the model both need to know of an interface: its abstract methods (inherited
 * ones included), how each one calls, and the Python names it uses.
 */
final class InterfaceReader {
  private final Types types;
  private final Elements elements;
  private final Annotations annotations;

  InterfaceReader(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
    this.annotations = new Annotations(elements);
  }

  Annotations annotations() {
    return annotations;
  }

  /**
   * The methods the client implements: abstract ones, the interface's own first, then inherited
   * ones not overridden; not those of Object, not default or static ones.
   */
  List<ExecutableElement> abstractMethods(TypeElement iface) {
    List<ExecutableElement> result = new ArrayList<>();
    collect(iface, (DeclaredType) iface.asType(), new HashSet<>(), result);
    return result;
  }

  private void collect(
      TypeElement type, DeclaredType root, Set<String> seen, List<ExecutableElement> out) {
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (m.getModifiers().contains(Modifier.STATIC)
          || m.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      if (seen.add(signature(root, m))
          && m.getModifiers().contains(Modifier.ABSTRACT)
          && !isObjectMethod(m)) {
        out.add(m);
      }
    }
    for (TypeMirror parent : type.getInterfaces()) {
      collect((TypeElement) types.asElement(parent), root, seen, out);
    }
  }

  private String signature(DeclaredType root, ExecutableElement m) {
    ExecutableType t = executableType(root, m);
    return m.getSimpleName()
        + t.getParameterTypes().stream()
            .map(p -> types.erasure(p).toString())
            .collect(Collectors.joining(",", "(", ")"));
  }

  private static boolean isObjectMethod(ExecutableElement m) {
    String name = m.getSimpleName().toString();
    int params = m.getParameters().size();
    return (params == 0 && (name.equals("hashCode") || name.equals("toString")))
        || (params == 1
            && name.equals("equals")
            && m.getParameters().get(0).asType().toString().equals("java.lang.Object"));
  }

  /** The method's type as a member of the interface: type arguments of generic parents resolved. */
  ExecutableType executableType(DeclaredType iface, ExecutableElement m) {
    return (ExecutableType) types.asMemberOf(iface, m);
  }

  /** How the method calls, from its return type; the result type it reads and the kind. */
  record Call(Model.CallKind kind, TypeMirror resultType) {}

  /** The result types whose items stream, and the call each makes. */
  static final Map<Model.CallKind, String> STREAMED =
      Map.of(
          Model.CallKind.STREAM, "java.util.stream.Stream",
          Model.CallKind.ITERATOR, "java.util.Iterator");

  /**
   * The kind of call and the type to check and read, or empty for a future without a type argument
   * (validation reports it).
   */
  Optional<Call> call(TypeMirror returnType) {
    if (returnType.getKind() == TypeKind.VOID) {
      return Optional.of(
          new Call(Model.CallKind.VOID, elements.getTypeElement("java.lang.Object").asType()));
    }
    if (is(returnType, "java.util.concurrent.CompletableFuture")) {
      List<? extends TypeMirror> args = ((DeclaredType) returnType).getTypeArguments();
      if (args.isEmpty()) {
        return Optional.empty();
      }
      TypeMirror value = args.get(0);
      return Optional.of(
          new Call(
              is(value, "java.util.Optional")
                  ? Model.CallKind.OPTIONAL_ASYNC
                  : Model.CallKind.ASYNC,
              value));
    }
    for (Model.CallKind streamed : STREAMED.keySet()) {
      if (is(returnType, STREAMED.get(streamed))) {
        List<? extends TypeMirror> args = ((DeclaredType) returnType).getTypeArguments();
        return args.isEmpty() ? Optional.empty() : Optional.of(new Call(streamed, args.get(0)));
      }
    }
    if (is(returnType, "java.util.Optional")) {
      return Optional.of(new Call(Model.CallKind.OPTIONAL, returnType));
    }
    return Optional.of(new Call(Model.CallKind.BLOCKING, returnType));
  }

  static boolean is(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }

  /** The @PyName on the element, if any. */
  Optional<AnnotationMirror> pyName(Element element) {
    return annotations.find(element, Annotations.PY_NAME);
  }

  /**
   * The Python function a method calls: its @PyName, else its snake_case name, without the {@code
   * Async} suffix for a method returning CompletableFuture.
   */
  String functionName(ExecutableElement m) {
    Optional<AnnotationMirror> pyName = pyName(m);
    if (pyName.isPresent()) {
      return annotations.string(pyName.get(), "value");
    }
    String name = m.getSimpleName().toString();
    boolean async = is(m.getReturnType(), "java.util.concurrent.CompletableFuture");
    if (async && name.endsWith("Async") && name.length() > "Async".length()) {
      name = name.substring(0, name.length() - "Async".length());
    }
    return PyNames.snakeCase(name);
  }

  /** The keyword-argument name of a parameter: its @PyName, else its snake_case name. */
  String parameterName(VariableElement p) {
    return pyName(p)
        .map(a -> annotations.string(a, "value"))
        .orElseGet(() -> PyNames.snakeCase(p.getSimpleName().toString()));
  }

  /** The Python keyword-argument names of a method, in order. */
  List<String> parameterNames(ExecutableElement m) {
    return m.getParameters().stream().map(this::parameterName).toList();
  }

  /** {@code Compute.compute(int, List)}: how messages and the runtime name a method. */
  String javaSignature(TypeElement iface, ExecutableElement m) {
    return iface.getSimpleName()
        + "."
        + m.getSimpleName()
        + m.getParameters().stream()
            .map(p -> simpleName(p.asType()))
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private String simpleName(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      return simpleName(((ArrayType) type).getComponentType()) + "[]";
    }
    if (type.getKind() == TypeKind.DECLARED) {
      return ((DeclaredType) type).asElement().getSimpleName().toString();
    }
    return types.erasure(type).toString();
  }
}
