package io.venvmux.stubgen;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.venvmux.annotations.PyFlag;
import io.venvmux.stubgen.ModuleDescription.Member;
import io.venvmux.stubgen.ModuleDescription.NamedType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A Java enum for a Python {@code Enum} that carries each member's exact value: a {@code value}
 * field written with {@code @JsonValue} and read back by a {@code @JsonCreator}, so the wire holds
 * what Python holds. Values of one JSON kind get that Java type ({@code String}, {@code long},
 * {@code double}, {@code boolean}); mixed values and tuples (JSON arrays, here {@code List}s) an
 * {@code Object}, matched by their JSON text. Members whose values have no Java literal (None, a
 * dict) keep their exact Python names and cross by name, which the worker accepts as well. A {@code
 * Flag} gets {@code @PyFlag}: its single members, whose {@code EnumSet}s cross as ints.
 */
final class EnumRenderer {
  private enum ValueKind {
    STRING(ClassName.get(String.class)),
    LONG(TypeName.LONG),
    DOUBLE(TypeName.DOUBLE),
    BOOLEAN(TypeName.BOOLEAN),
    OBJECT(ClassName.get(Object.class)),
    BY_NAME(null);

    final TypeName type;

    ValueKind(TypeName type) {
      this.type = type;
    }
  }

  private EnumRenderer() {}

  static TypeSpec render(NamedType type, ClassName name, String origin) {
    List<Member> members = type.members() == null ? List.of() : type.members();
    ValueKind kind = kindOf(members);
    TypeSpec.Builder spec =
        TypeSpec.enumBuilder(name)
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(Stamp.generated())
            .addJavadoc(Javadocs.paragraph(type.doc()))
            .addJavadoc(
                "Python: " + Javadocs.code(type.module() + "." + type.qualname()) + origin + ".\n");
    if (type.isFlag()) {
      spec.addAnnotation(PyFlag.class)
          .addJavadoc(
              "\n<p>A Python {@code Flag}: its values combine, so a value of it is an {@code"
                  + " EnumSet<$L>} of these single members, crossing as the int OR of their"
                  + " values.\n",
              name.simpleName());
    }
    if (members.isEmpty()) {
      throw new StubGenException(
          "Python enum " + type.qualname() + " has no members: a Java enum needs at least one");
    }
    Set<String> constants = new HashSet<>();
    for (Member member : members) {
      if (kind == ValueKind.BY_NAME) {
        // the constant's name is what crosses: keep Python's spelling
        spec.addEnumConstant(unique(JavaNames.legal(member.name()), constants));
      } else {
        String constant = unique(JavaNames.constant(member.name()), constants);
        spec.addEnumConstant(
            constant, TypeSpec.anonymousClassBuilder(literal(member.value(), kind)).build());
      }
    }
    if (kind == ValueKind.BY_NAME) {
      spec.addJavadoc("\n<p>Its values are not plain JSON scalars, so members cross by name.\n");
      return spec.build();
    }
    spec.addField(kind.type, "value", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(
            MethodSpec.constructorBuilder()
                .addParameter(kind.type, "value")
                .addStatement("this.value = value")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("value")
                .addJavadoc("The Python member's value, as it crosses the wire.\n")
                .addAnnotation(JsonValue.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(kind.type)
                .addStatement("return value")
                .build())
        .addMethod(creator(name, kind));
    return spec.build();
  }

  private static MethodSpec creator(ClassName name, ValueKind kind) {
    CodeBlock matches =
        switch (kind) {
          case STRING -> CodeBlock.of("member.value.equals(value)");
          case OBJECT ->
              CodeBlock.of(
                  "(member.value instanceof String) == (value instanceof String)"
                      + " && String.valueOf(member.value).equals(String.valueOf(value))");
          case DOUBLE -> CodeBlock.of("Double.compare(member.value, value) == 0");
          default -> CodeBlock.of("member.value == value");
        };
    return MethodSpec.methodBuilder("of")
        .addJavadoc(
            "The member whose Python value is {@code value}.\n\n"
                + "@throws IllegalArgumentException when no member has it\n")
        .addAnnotation(
            AnnotationSpec.builder(JsonCreator.class)
                .addMember("mode", "$T.DELEGATING", JsonCreator.Mode.class)
                .build())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(name)
        .addParameter(kind.type, "value")
        .beginControlFlow("for ($T member : values())", name)
        .beginControlFlow("if ($L)", matches)
        .addStatement("return member")
        .endControlFlow()
        .endControlFlow()
        .addStatement(
            "throw new $T($S + value)",
            IllegalArgumentException.class,
            "no " + name.simpleName() + " has the value ")
        .build();
  }

  private static ValueKind kindOf(List<Member> members) {
    Set<ValueKind> kinds = new LinkedHashSet<>();
    for (Member member : members) {
      JsonNode v = member.value();
      kinds.add(kindOf(v));
    }
    if (kinds.contains(ValueKind.BY_NAME)) {
      return ValueKind.BY_NAME;
    }
    if (kinds.size() == 1) {
      return kinds.iterator().next();
    }
    if (kinds.equals(Set.of(ValueKind.LONG, ValueKind.DOUBLE))) {
      return ValueKind.DOUBLE;
    }
    return ValueKind.OBJECT;
  }

  private static ValueKind kindOf(JsonNode v) {
    if (v.isArray()) {
      for (JsonNode item : v) {
        if (kindOf(item) == ValueKind.BY_NAME) {
          return ValueKind.BY_NAME;
        }
      }
      return ValueKind.OBJECT;
    }
    return v.isTextual()
        ? ValueKind.STRING
        : v.isIntegralNumber() && v.canConvertToLong()
            ? ValueKind.LONG
            : v.isNumber()
                ? ValueKind.DOUBLE
                : v.isBoolean() ? ValueKind.BOOLEAN : ValueKind.BY_NAME;
  }

  private static CodeBlock literal(JsonNode value, ValueKind kind) {
    if (kind == ValueKind.OBJECT) {
      if (value.isArray()) {
        List<CodeBlock> items = new ArrayList<>();
        value.forEach(item -> items.add(literal(item, ValueKind.OBJECT)));
        return CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(items, ", "));
      }
      return literal(value, kindOf(value));
    }
    return switch (kind) {
      case STRING -> CodeBlock.of("$S", value.asText());
      case LONG -> CodeBlock.of("$LL", value.asLong());
      case DOUBLE -> CodeBlock.of("$L", doubleLiteral(value.asDouble()));
      default -> CodeBlock.of("$L", value.asBoolean());
    };
  }

  private static String doubleLiteral(double d) {
    if (Double.isNaN(d)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return d + "d";
  }

  static String unique(String name, Set<String> used) {
    String candidate = name;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = name + i;
    }
    return candidate;
  }
}
