package io.venvmux.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.SourceVersion;
import javax.lang.model.util.Elements;

/**
 * Stamps every generated file the same way: {@code @Generated} naming the processor (no timestamp,
 * so builds are reproducible), the same {@code @SuppressWarnings} and the same file layout.
 */
final class GeneratedStamp {
  private static final ClassName GENERATED =
      ClassName.get("javax.annotation.processing", "Generated");

  private final boolean generatedAvailable;

  GeneratedStamp(Elements elements, SourceVersion version) {
    this.generatedAvailable =
        version.compareTo(SourceVersion.RELEASE_8) > 0
            && elements.getTypeElement(GENERATED.canonicalName()) != null;
  }

  TypeSpec.Builder stamp(TypeSpec.Builder type) {
    // The client overrides the interface's methods as declared, deprecated types included: a user
    // building with -Werror must not fail on code they cannot edit.
    type.addAnnotation(
        AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "{$S, $S}", "deprecation", "removal")
            .build());
    if (generatedAvailable) {
      type.addAnnotation(
          AnnotationSpec.builder(GENERATED)
              .addMember("value", "$S", VenvModuleProcessor.class.getName())
              .build());
    }
    return type;
  }

  JavaFile file(String packageName, TypeSpec type) {
    return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("  ").build();
  }
}
