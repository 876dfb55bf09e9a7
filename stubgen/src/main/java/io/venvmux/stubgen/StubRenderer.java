package io.venvmux.stubgen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.venvmux.stubgen.ModuleDescription.NamedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.SourceVersion;

/**
 * Turns a module's description into Java sources: the {@code @VenvModule} interface, one record per
 * dataclass / TypedDict / NamedTuple / pydantic model and one enum per Python enum its functions
 * use, all top-level types of one package.
 */
final class StubRenderer {
  private final String javaPackage;
  private final String interfaceName;
  private final ModuleSettings settings;
  private final TypeMapper.DateTimes dateTimes;
  private final boolean asyncTwins;

  StubRenderer(
      String javaPackage,
      String interfaceName,
      ModuleSettings settings,
      TypeMapper.DateTimes dateTimes,
      boolean asyncTwins) {
    if (!javaPackage.isEmpty() && !SourceVersion.isName(javaPackage)) {
      throw new StubGenException("'" + javaPackage + "' is not a Java package name");
    }
    if (!SourceVersion.isIdentifier(interfaceName) || SourceVersion.isKeyword(interfaceName)) {
      throw new StubGenException("'" + interfaceName + "' is not a Java type name");
    }
    if (TypeNamer.isReserved(interfaceName)) {
      throw new StubGenException(
          "an interface named "
              + interfaceName
              + " would shadow the JDK or venvmux type of that name in the generated files: choose"
              + " another --interface-name");
    }
    this.javaPackage = javaPackage;
    this.interfaceName = interfaceName;
    this.settings = settings;
    this.dateTimes = dateTimes;
    this.asyncTwins = asyncTwins;
  }

  /**
   * What rendering made: the files, the functions left out with the reason, and each hint mapped
   * looser than Python's ({@code where: what was done instead}).
   */
  record Rendered(List<JavaFile> files, List<String> skipped, List<String> approximations) {
    Rendered {
      files = List.copyOf(files);
      skipped = List.copyOf(skipped);
      approximations = List.copyOf(approximations);
    }
  }

  Rendered render(ModuleDescription module) {
    TypeNamer namer = new TypeNamer(javaPackage, module.types(), Set.of(interfaceName));
    TypeMapper types =
        new TypeMapper(
                namer::nameOf,
                key -> module.types().containsKey(key) && module.types().get(key).isEnum(),
                key ->
                    module.types().containsKey(key)
                        ? module.types().get(key).typeParameters()
                        : List.of(),
                dateTimes)
            .withFlags(key -> module.types().containsKey(key) && module.types().get(key).isFlag());
    String origin = ", as " + Javadocs.code(module.module()) + "'s functions use it";
    List<JavaFile> files = new ArrayList<>();
    List<String> approximations = new ArrayList<>();
    InterfaceRenderer interfaces = new InterfaceRenderer(types, asyncTwins, approximations);
    files.add(file(interfaces.render(module, ClassName.get(javaPackage, interfaceName), settings)));
    for (Map.Entry<String, NamedType> e : new TreeMap<>(module.types()).entrySet()) {
      NamedType type = e.getValue();
      ClassName name = namer.nameOf(e.getKey());
      files.add(
          file(
              type.isEnum()
                  ? EnumRenderer.render(type, name, origin)
                  : RecordRenderer.render(type, name, types, origin, approximations)));
    }
    return new Rendered(files, interfaces.skipped(), approximations);
  }

  private JavaFile file(TypeSpec type) {
    return JavaFile.builder(javaPackage, type).skipJavaLangImports(true).indent("  ").build();
  }
}
