package io.venvmux.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.venvmux.processor.Sources.compile;
import static io.venvmux.processor.Sources.source;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Which methods the client implements, and how, beyond the golden files. */
class GeneratedClientTest {
  private static String client(Compilation c) {
    assertThat(c).succeededWithoutWarnings();
    try {
      return c.generatedSourceFile("test.VenvMux_Api")
          .orElseThrow()
          .getCharContent(true)
          .toString();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void inheritedMethodsAreImplementedWithTheirTypeArgumentsResolved() {
    String client =
        client(
            compile(
                source(
                    "Api",
                    "interface Base<T> { T get(int id); List<T> all(); default int size() { return"
                        + " all().size(); } }",
                    "@VenvModule(\"pkg.entry\")",
                    "public interface Api extends Base<Api.Item> {",
                    "  record Item(String name) {}",
                    "}")));
    org.assertj.core.api.Assertions.assertThat(client)
        .contains("public Api.Item get(int id)")
        .contains(".result(Api.Item.class)")
        .contains(".result(new TypeReference<List<Api.Item>>() {})")
        .doesNotContain("size()");
  }

  @Test
  void aDefaultMethodOverridingAnAbstractOneStaysTheInterfaces() {
    String client =
        client(
            compile(
                source(
                    "Api",
                    "interface Base { int count(); String name(); }",
                    "@VenvModule(\"pkg.entry\")",
                    "public interface Api extends Base {",
                    "  default int count() { return 0; }",
                    "  String toString();",
                    "}")));
    org.assertj.core.api.Assertions.assertThat(client)
        .contains("public String name()")
        .doesNotContain("count()")
        .contains("return \"Api client of module pkg.entry in env \" + this.handle.name();");
  }

  @Test
  void constantsNeverClashWithEachOtherOrWithParameters() {
    String client =
        client(
            compile(
                source(
                    "Api",
                    "@VenvModule(\"pkg.entry\")",
                    "public interface Api {",
                    "  int compute(int n);",
                    "  long compute(long n);",
                    "  String descriptor();",
                    "  int total(int TOTAL);",
                    "}")));
    org.assertj.core.api.Assertions.assertThat(client)
        .contains("private static final PyFunction COMPUTE = ")
        .contains("private static final PyFunction COMPUTE_2 = ")
        .contains("private static final PyFunction DESCRIPTOR_2 = ")
        .contains("private static final PyFunction TOTAL_2 = ")
        .contains("return TOTAL_2.call(this.handle, TOTAL);");
  }

  @Test
  void deprecatedTypesInTheInterfaceDoNotWarnInTheClient() {
    Compilation c =
        Sources.compile(
            source("Old", "@Deprecated public record Old(int n) {}"),
            source(
                "Api",
                "@SuppressWarnings(\"deprecation\") @VenvModule(\"pkg.entry\")",
                "public interface Api { Old f(Old o); }"));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void aNestedInterfaceGetsAFlatName() {
    Compilation c =
        compile(
            source(
                "Outer",
                "public class Outer { public static class Middle {",
                "  @VenvModule(\"pkg.entry\") public interface Api { int f(); } } }"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("test.VenvMux_Outer_Middle_Api")
        .contentsAsUtf8String()
        .contains("implements Outer.Middle.Api");
  }

  @Test
  void setsOfFlagEnumsAndOfPlainEnumsCrossInResultsAndParameters() {
    String client =
        client(
            compile(
                source(
                    "Api",
                    "@VenvModule(\"pkg.entry\")",
                    "public interface Api {",
                    "  @PyFlag enum Perm { R, W }",
                    "  enum Color { RED, BLUE }",
                    "  record Entry(String path, EnumSet<Perm> perms, Set<Color> colors) {}",
                    "  EnumSet<Perm> toggle(EnumSet<Perm> perm, Set<Perm> mask);",
                    "  Set<Perm> granted(Entry entry);",
                    "  EnumSet<Color> colors(EnumSet<Color> given);",
                    "  List<EnumSet<Perm>> history(Map<String, EnumSet<Perm>> byPath);",
                    "}")));
    org.assertj.core.api.Assertions.assertThat(client)
        .contains("public EnumSet<Api.Perm> toggle(EnumSet<Api.Perm> perm, Set<Api.Perm> mask)")
        .contains(".result(new TypeReference<EnumSet<Api.Perm>>() {})")
        .contains(".result(new TypeReference<Set<Api.Perm>>() {})")
        .contains(".result(new TypeReference<EnumSet<Api.Color>>() {})")
        .contains(".result(new TypeReference<List<EnumSet<Api.Perm>>>() {})");
  }
}
