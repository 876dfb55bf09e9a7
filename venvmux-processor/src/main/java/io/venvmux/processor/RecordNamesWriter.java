package io.venvmux.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Map;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code VenvMuxNames_Point}: the {@code @PyName}s of a record's components, which the
 * runtime's wire mapper reads since the annotation itself has class retention.
 */
final class RecordNamesWriter {
  /** Prefix of generated names classes; the runtime looks them up by it. */
  static final String NAMES_PREFIX = "VenvMuxNames_";

  private final GeneratedStamp stamp;

  RecordNamesWriter(GeneratedStamp stamp) {
    this.stamp = stamp;
  }

  /**
   * @param names component name to Python name, in declaration order
   */
  JavaFile write(TypeElement record, Map<String, String> names) {
    ClassName name = ClientModelBuilder.generatedName(record, NAMES_PREFIX);
    CodeBlock entries =
        names.entrySet().stream()
            .map(e -> CodeBlock.of("$T.entry($S, $S)", Map.class, e.getKey(), e.getValue()))
            .collect(CodeBlock.joining(",\n"));
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addOriginatingElement(record)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "Python names of {@link $T}'s components that carry {@code @PyName}.\n",
                ClassName.get(record));
    stamp.stamp(type);
    type.addField(
        FieldSpec.builder(
                ParameterizedTypeName.get(Map.class, String.class, String.class),
                "NAMES",
                Modifier.PUBLIC,
                Modifier.STATIC,
                Modifier.FINAL)
            .addJavadoc("Component name to Python name.\n")
            .initializer("$T.ofEntries(\n$>$>$L$<$<)", Map.class, entries)
            .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    return stamp.file(name.packageName(), type.build());
  }
}
