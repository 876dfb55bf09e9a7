package io.venvmux.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Types;

/**
 * Writes the client of one interface. Everything a call needs is a constant of the generated class
 * (Python name, keyword names, full generic result type, timeout), so a call does no reflection.
 */
final class ClientWriter {
  private static final ClassName VENV_HANDLE = ClassName.get("io.venvmux", "VenvHandle");
  private static final ClassName PY_FUNCTION =
      ClassName.get("io.venvmux.internal.client", "PyFunction");
  private static final ClassName DESCRIPTOR =
      ClassName.get("io.venvmux.internal.client", "ClientDescriptor");
  private static final ClassName TYPE_REFERENCE =
      ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");

  private final Types types;
  private final GeneratedStamp stamp;

  ClientWriter(Types types, GeneratedStamp stamp) {
    this.types = types;
    this.stamp = stamp;
  }

  JavaFile write(Model.Client client) {
    ClassName iface = ClassName.get(client.element());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(client.clientName())
            .addOriginatingElement(client.element())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(iface)
            .addJavadoc(
                "Client of {@link $T}, calling the Python module {@code $L}. Get one with {@code"
                    + " VenvMux.bind($T.class)}.\n",
                iface,
                client.settings().module(),
                iface);
    stamp.stamp(type);
    for (Model.Method m : client.methods()) {
      type.addField(
          FieldSpec.builder(
                  PY_FUNCTION, m.constant(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer(pyFunction(m))
              .build());
    }
    type.addField(
        FieldSpec.builder(
                ParameterizedTypeName.get(DESCRIPTOR, iface),
                "DESCRIPTOR",
                Modifier.PUBLIC,
                Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc(
                "What {@code VenvMux.bind} needs: the module, the env settings, the functions.\n")
            .initializer(descriptor(client, iface))
            .build());
    type.addField(VENV_HANDLE, "handle", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(VENV_HANDLE, "handle")
            .addStatement("this.handle = handle")
            .build());
    for (Model.Method m : client.methods()) {
      type.addMethod(method(client, m));
    }
    type.addMethod(
        MethodSpec.methodBuilder("toString")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement(
                "return $S + this.handle.name()",
                iface.simpleName() + " client of module " + client.settings().module() + " in env ")
            .build());
    return stamp.file(client.clientName().packageName(), type.build());
  }

  private CodeBlock pyFunction(Model.Method m) {
    CodeBlock.Builder b =
        CodeBlock.builder()
            .add("$T.builder($S)\n", PY_FUNCTION, m.pythonName())
            .indent()
            .indent()
            .add(".javaMethod($S)\n", m.javaSignature());
    if (!m.parameters().isEmpty()) {
      b.add(".parameters($L)\n", strings(m.parameters()));
    }
    b.add(".result($L)\n", resultType(m));
    m.timeoutMillis().ifPresent(t -> b.add(".timeoutMillis($LL)\n", t));
    return b.add(".build()").unindent().unindent().build();
  }

  /**
   * A class literal where the type has no type arguments, else a TypeReference keeping them all.
   */
  private CodeBlock resultType(Model.Method m) {
    TypeName type = TypeName.get(m.resultType()).withoutAnnotations();
    if (m.resultType().getKind().isPrimitive() || isClassLiteral(type)) {
      return CodeBlock.of(
          "$T.class",
          m.resultType().getKind() == TypeKind.DECLARED ? types.erasure(m.resultType()) : type);
    }
    return CodeBlock.of("new $T<$T>() {}", TYPE_REFERENCE, type.box());
  }

  private static boolean isClassLiteral(TypeName type) {
    if (type instanceof ArrayTypeName array) {
      return isClassLiteral(array.componentType());
    }
    return type instanceof ClassName || type.isPrimitive();
  }

  private static CodeBlock descriptor(Model.Client client, ClassName iface) {
    Model.Settings s = client.settings();
    CodeBlock.Builder b =
        CodeBlock.builder()
            .add("$T.builder($T.class, $S)\n", DESCRIPTOR, iface, s.module())
            .indent()
            .indent();
    optional(b, "env", s.env());
    optional(b, "packages", s.packages());
    optional(b, "requirements", s.requirements());
    optional(b, "project", s.project());
    optional(b, "python", s.python());
    optional(b, "workerPaths", s.workerPaths());
    optional(b, "ray", s.ray());
    if (s.workers() > 0) {
      b.add(".workers($L)\n", s.workers());
    }
    if (!client.methods().isEmpty()) {
      b.add(
          ".functions($L)\n",
          client.methods().stream().map(Model.Method::constant).collect(Collectors.joining(", ")));
    }
    return b.add(".factory($T::new)\n", client.clientName())
        .add(".build()")
        .unindent()
        .unindent()
        .build();
  }

  private static void optional(CodeBlock.Builder b, String setter, String value) {
    if (!value.isEmpty()) {
      b.add(".$L($S)\n", setter, value);
    }
  }

  private static void optional(CodeBlock.Builder b, String setter, List<String> values) {
    if (!values.isEmpty()) {
      b.add(".$L($L)\n", setter, strings(values));
    }
  }

  private static CodeBlock strings(List<String> values) {
    return values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
  }

  private MethodSpec method(Model.Client client, Model.Method m) {
    MethodSpec.Builder method = MethodSpec.overriding(m.element(), client.type(), types);
    List<? extends VariableElement> params = m.element().getParameters();
    CodeBlock.Builder args = CodeBlock.builder().add("this.handle");
    for (VariableElement p : params) {
      // A lone array argument would otherwise spread into the varargs.
      boolean lone = params.size() == 1 && p.asType().getKind() == TypeKind.ARRAY;
      args.add(lone ? ", (Object) $N" : ", $N", p.getSimpleName().toString());
    }
    String call = m.kind().pyFunctionMethod();
    if (m.kind() == Model.CallKind.VOID) {
      method.addStatement("$N.$N($L)", m.constant(), call, args.build());
    } else {
      method.addStatement("return $N.$N($L)", m.constant(), call, args.build());
    }
    return method.build();
  }
}
