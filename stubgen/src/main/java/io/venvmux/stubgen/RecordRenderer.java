package io.venvmux.stubgen;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.venvmux.annotations.PyName;
import io.venvmux.stubgen.ModuleDescription.Field;
import io.venvmux.stubgen.ModuleDescription.NamedType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A Java record for a dataclass, TypedDict, NamedTuple or pydantic model: one component per field,
 * camelCased, with {@code @PyName} where the border's snake_case rule would not give the field's
 * name back. A field that may be absent (a TypedDict key that is not required) is an {@code
 * Optional} left out of the dict when empty; one typed {@code Optional[T]} is an {@code Optional}.
 * A dataclass field with a default is a plain component: Python always sends it.
 */
final class RecordRenderer {
  private RecordRenderer() {}

  /**
   * @param approximations collects each field hint mapped looser than Python's
   */
  static TypeSpec render(
      NamedType type,
      ClassName name,
      TypeMapper types,
      String origin,
      List<String> approximations) {
    List<Field> fields = type.fields() == null ? List.of() : type.fields();
    MethodSpec.Builder header = MethodSpec.constructorBuilder();
    StringBuilder params = new StringBuilder();
    Set<String> used = new HashSet<>();
    boolean absentMeansMissing = type.kind().equals("typeddict");
    for (Field field : fields) {
      String component = EnumRenderer.unique(JavaNames.component(field.name()), used);
      // Python always sends every field of a dataclass, NamedTuple or model, defaults included;
      // only a TypedDict's optional keys may be missing from the dict.
      boolean mayBeAbsent = absentMeansMissing && !field.required();
      TypeMapper.Mapped mapped = types.field(field.type(), !mayBeAbsent);
      mapped.notes().forEach(n -> approximations.add(type.name() + "." + field.name() + ": " + n));
      // a field's hint that cannot cross still gets a component: Object, named as approximated
      mapped
          .problems()
          .forEach(n -> approximations.add(type.name() + "." + field.name() + ": " + n));
      ParameterSpec.Builder p = ParameterSpec.builder(mapped.type(), component);
      if (JavaNames.needsPyName(component, field.name())) {
        p.addAnnotation(
            AnnotationSpec.builder(PyName.class).addMember("value", "$S", field.name()).build());
      }
      if (mayBeAbsent) {
        p.addAnnotation(
            AnnotationSpec.builder(JsonInclude.class)
                .addMember("value", "$T.NON_ABSENT", JsonInclude.Include.class)
                .build());
      }
      header.addParameter(p.build());
      params
          .append("@param ")
          .append(component)
          .append(" Python: ")
          .append(Javadocs.code(field.name() + ": " + PythonTypes.render(field.type())))
          .append(
              field.required()
                  ? ""
                  : mayBeAbsent ? " (may be absent)" : " (has a default in Python)")
          .append(notes(mapped.notes()))
          .append('\n');
    }
    return TypeSpec.recordBuilder(name)
        .addTypeVariables(type.typeParameters().stream().map(TypeVariableName::get).toList())
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(Stamp.generated())
        .addJavadoc(Javadocs.paragraph(type.doc()))
        .addJavadoc(
            "Python: $L $L$L.\n\n",
            type.kind(),
            Javadocs.code(type.module() + "." + type.qualname()),
            origin)
        .addJavadoc("$L", params)
        .recordConstructor(header.build())
        .build();
  }

  static String notes(List<String> notes) {
    return notes.isEmpty() ? "" : "; " + Javadocs.escape(String.join("; ", notes));
  }
}
