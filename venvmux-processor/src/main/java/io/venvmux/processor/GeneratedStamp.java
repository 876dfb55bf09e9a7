package io.venvmux.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.SourceVersion;
import javax.lang.model.util.Elements;

/**
 * Stamps every generated file the same way: {@code @Generated} naming the processor (no timestamp,
 * so builds are reproducible) and the same file layout.
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
