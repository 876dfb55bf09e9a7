package io.venvmux.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.venvmux.processor.Sources.compile;
import static io.venvmux.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every message of {@link Message}, with its text and the line it points at. */
class ProcessorErrorsTest {
  /** The test's source file, for the line assertions. */
  private JavaFileObject api;

  private JavaFileObject api(String... lines) {
    api = source("Api", lines);
    return api;
  }

  /** Compiles {@code interface Api} on module pkg.entry with these member lines. */
  private Compilation compileApi(String... members) {
    String[] lines = new String[members.length + 3];
    lines[0] = "@VenvModule(\"pkg.entry\")";
    lines[1] = "public interface Api {";
    System.arraycopy(members, 0, lines, 2, members.length);
    lines[lines.length - 1] = "}";
    return compile(api(lines));
  }

  private void assertError(Compilation c, String text, String line) {
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(text).inFile(api).onLineContaining(line);
  }

  @Test
  void notAnInterface() {
    Compilation c = compile(api("@VenvModule(\"pkg.entry\")", "public class Api {}"));
    assertError(
        c,
        "[VenvMuxNotInterface] @VenvModule goes on an interface, and Api is a class",
        "public class Api");
  }

  @Test
  void anEnumIsNotAnInterfaceEither() {
    Compilation c = compile(api("@VenvModule(\"pkg.entry\")", "public enum Api { A }"));
    assertError(
        c,
        "[VenvMuxNotInterface] @VenvModule goes on an interface, and Api is an enum",
        "public enum Api");
  }

  @Test
  void aPrivateNestedInterfaceCannotBeImplemented() {
    Compilation c =
        compile(
            api(
                "public class Api {",
                "  @VenvModule(\"pkg.entry\")",
                "  private interface Hidden { int f(); }",
                "}"));
    assertError(
        c, "[VenvMuxAccess] test.Api.Hidden is private or local", "private interface Hidden");
  }

  @Test
  void genericInterface() {
    Compilation c =
        compile(api("@VenvModule(\"pkg.entry\")", "public interface Api<T> { T get(); }"));
    assertError(
        c, "[VenvMuxGenericInterface] Api has type parameters T", "public interface Api<T>");
  }

  @Test
  void genericMethod() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  <T> T pick(List<T> xs);",
                "}"));
    assertError(c, "[VenvMuxGenericMethod] Api.pick(List) has type parameters T", "<T> T pick");
  }

  @Test
  void moduleNameMustBeADottedPythonPath() {
    Compilation c =
        compile(api("@VenvModule(\"pkg..entry\")", "public interface Api { int f(); }"));
    assertError(
        c,
        "[VenvMuxModuleName] \"pkg..entry\" is not a Python module path",
        "@VenvModule(\"pkg..entry\")");
  }

  @Test
  void moduleNameMustNotBeAKeyword() {
    Compilation c =
        compile(api("@VenvModule(\"pkg.class.entry\")", "public interface Api { int f(); }"));
    assertError(c, "[VenvMuxModuleName] \"pkg.class.entry\"", "@VenvModule(");
  }

  @Test
  void workersMustNotBeNegative() {
    Compilation c =
        compile(
            api(
                "@VenvModule(value = \"pkg.entry\",",
                "    workers = -1)",
                "public interface Api { int f(); }"));
    assertError(
        c,
        "[VenvMuxWorkers] workers = -1: use a positive count, or 0 for auto sizing",
        "workers = -1");
  }

  @Test
  void conflictingParametersForOneFunction() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  int compute(int n);",
                "  CompletableFuture<Integer> computeAsync(int count);",
                "}"));
    assertError(
        c,
        "[VenvMuxConflict] Api.compute(int) and Api.computeAsync(int) both call the Python function"
            + " 'compute' but with different parameters [n] and [count]",
        "computeAsync(int count)");
  }

  @Test
  void overloadsWhoseParametersAreAPrefixCallOneFunction() {
    Compilation c =
        compileApi(
            "  List<String> users(long page, long size, String sort);",
            "  List<String> users(long page, long size);",
            "  List<String> users(long page);",
            "  List<String> users();",
            "  CompletableFuture<List<String>> usersAsync(long page);");
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void overloadsThatAreNotAPrefixAreAConflict() {
    Compilation c =
        compileApi(
            "  List<String> users(long page, long size);", "  List<String> users(long size);");
    assertError(
        c,
        "[VenvMuxConflict] Api.users(long, long) and Api.users(long) both call the Python function"
            + " 'users' but with different parameters [page, size] and [size]: a Python function"
            + " has one signature, so one method's parameters must be the first parameters of the"
            + " other",
        "users(long size)");
  }

  @Test
  void overloadsWithAPrefixOfOtherTypesAreAConflict() {
    Compilation c =
        compileApi(
            "  List<String> users(long page, long size);", "  List<String> users(String page);");
    assertError(
        c, "[VenvMuxConflict] Api.users(long, long) and Api.users(String)", "users(String page)");
  }

  @Test
  void anAsyncTwinWithTheSameParametersIsFine() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  int compute(int n);",
                "  CompletableFuture<Integer> computeAsync(int n);",
                "  @PyName(\"compute\") long computeLong(int n);",
                "}"));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void invalidPyNameOnAMethod() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  @PyName(\"2fast\") int f();",
                "}"));
    assertError(
        c, "[VenvMuxPyName] @PyName(\"2fast\") is not a valid Python name", "@PyName(\"2fast\")");
  }

  @Test
  void pyNameThatIsAKeyword() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  int f(@PyName(\"lambda\") int x);",
                "}"));
    assertError(
        c, "[VenvMuxPyName] @PyName(\"lambda\") is not a valid Python name", "@PyName(\"lambda\")");
  }

  @Test
  void pyNameOnARecordComponent() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  record Point(@PyName(\"x-coord\") double x) {}",
                "  Point f();",
                "}"));
    assertError(c, "[VenvMuxPyName] @PyName(\"x-coord\")", "record Point");
  }

  @Test
  void privateFunctionName() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  @PyName(\"_hidden\") int f();",
                "}"));
    assertError(
        c,
        "[VenvMuxPrivateName] Api.f() calls the Python function '_hidden', but names starting with"
            + " _ are private",
        "int f()");
  }

  @Test
  void methodNamedAfterAKeyword() {
    Compilation c =
        compile(api("@VenvModule(\"pkg.entry\")", "public interface Api {", "  int pass();", "}"));
    assertError(
        c,
        "[VenvMuxKeyword] Api.pass() would call the Python function 'pass', which is a Python"
            + " keyword",
        "int pass()");
  }

  @Test
  void parameterNamedAfterAKeywordNeedsPyName() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  int copy(String from,",
                "      String to);",
                "}"));
    assertError(
        c,
        "[VenvMuxKeyword] parameter from becomes the keyword argument 'from', which is a Python"
            + " keyword: add @PyName(\"from_\")",
        "String from,");
  }

  @Test
  void twoParametersWithOneKeywordName() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  int f(int maxIter,",
                "      @PyName(\"max_iter\") int limit);",
                "}"));
    assertError(
        c,
        "[VenvMuxDuplicateParameter] parameters maxIter and limit both become the keyword argument"
            + " 'max_iter'",
        "int limit");
  }

  @Test
  void timeoutMustBePositive() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  @CallTimeout(0) int f();",
                "}"));
    assertError(c, "[VenvMuxTimeout] @CallTimeout(0) must be at least 1", "@CallTimeout(0)");
  }

  @Test
  void aStreamIsOnlyAWholeResult() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  java.util.stream.Stream<Long> ok(int n);",
                "  java.util.Iterator<Long> alsoOk(int n);",
                "  void f(int a,",
                "      java.util.Iterator<Long> items);",
                "}"));
    assertError(
        c,
        "[VenvMuxStream] java.util.Iterator<java.lang.Long> in parameter items of"
            + " Api.f(int, Iterator)",
        "java.util.Iterator<Long> items");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aStreamInsideAResultIsRefused() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  java.util.List<java.util.stream.Stream<Long>> f();",
                "}"));
    assertError(c, "[VenvMuxStream] java.util.stream.Stream<java.lang.Long> in the result", "f()");
  }

  @Test
  void threadCannotCross() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  int f(int a,",
                "      Thread t);",
                "}"));
    assertError(
        c,
        "[VenvMuxType] java.lang.Thread in parameter t of Api.f(int, Thread) cannot cross to"
            + " Python: it is a live Thread",
        "Thread t");
  }

  @Test
  void inputStreamCannotCrossEvenInsideARecordInAList() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  record Upload(String name, java.io.InputStream body) {}",
                "  record Batch(List<Upload> uploads) {}",
                "  void send(Batch batch);",
                "}"));
    assertError(
        c,
        "[VenvMuxType] java.io.InputStream in parameter batch of Api.send(Batch), component"
            + " Batch.uploads, component Upload.body cannot cross to Python: it is a live"
            + " AutoCloseable",
        "void send(Batch batch)");
  }

  @Test
  void theCheckGoesThroughOptionalsArraysAndMapValues() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  void f(Optional<Thread[]> threads,",
                "      Map<String, List<Runnable>> jobs);",
                "}"));
    assertError(
        c,
        "[VenvMuxType] java.lang.Thread in parameter threads of Api.f(Optional, Map)",
        "Optional<Thread[]> threads");
    assertThat(c)
        .hadErrorContaining(
            "[VenvMuxType] java.lang.Runnable in parameter jobs of Api.f(Optional, Map) cannot"
                + " cross to Python: it is a function")
        .inFile(api)
        .onLineContaining("List<Runnable>> jobs");
  }

  @Test
  void functionsCannotCross() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  int apply(java.util.function.Function<Integer, Integer> fn);",
                "}"));
    assertError(
        c,
        "cannot cross to Python: it is a function, and Python cannot call back into Java",
        "int apply(");
  }

  @Test
  void rawTypes() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  @SuppressWarnings(\"rawtypes\") List all();",
                "}"));
    assertError(
        c,
        "[VenvMuxRawType] java.util.List in the result of Api.all() is a raw type",
        "List all()");
  }

  @Test
  void rawFuture() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  @SuppressWarnings(\"rawtypes\") CompletableFuture allAsync();",
                "}"));
    assertError(
        c,
        "[VenvMuxRawType] java.util.concurrent.CompletableFuture in the result of Api.allAsync()",
        "allAsync()");
  }

  @Test
  void wildcards() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  int count(List<? extends Number> xs);",
                "}"));
    assertError(
        c,
        "[VenvMuxWildcard] ? extends java.lang.Number in parameter xs of Api.count(List) is a"
            + " wildcard",
        "int count(");
  }

  @Test
  void mapKeysMustBeStringsIntegersOrEnums() {
    Compilation c = compileApi("  Map<Double, String> names();");
    assertError(
        c,
        "[VenvMuxMapKey] java.util.Map<java.lang.Double,java.lang.String> in the result of"
            + " Api.names(): map keys cross as JSON object keys, which are strings: use String,"
            + " Long, Integer, Short, BigInteger or an enum as the key type",
        "names()");
  }

  @Test
  void integerAndEnumMapKeysCross() {
    Compilation c =
        compileApi(
            "  enum Level { LOW, HIGH }",
            "  Map<Long, String> names(Map<Integer, Long> counts);",
            "  Map<Level, List<String>> byLevel(Map<String, Level> levels);");
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void aFutureInsideAFuture() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  CompletableFuture<List<CompletableFuture<String>>> nestedAsync();",
                "}"));
    assertError(
        c,
        "[VenvMuxReturnType] java.util.concurrent.CompletableFuture<java.lang.String> in the result"
            + " of Api.nestedAsync()",
        "nestedAsync()");
  }

  @Test
  void futureIsNotCompletableFuture() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  Future<String> later();",
                "}"));
    assertError(
        c,
        "[VenvMuxReturnType] java.util.concurrent.Future<java.lang.String> in the result of"
            + " Api.later()",
        "later()");
  }

  @Test
  void interfacesAndAbstractClassesCannotCross() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  interface Shape { double area(); }",
                "  double area(Shape shape);",
                "  double size(Number n);",
                "}"));
    assertError(
        c,
        "[VenvMuxType] test.Api.Shape in parameter shape of Api.area(Shape) cannot cross to Python:"
            + " it is an interface",
        "double area(Shape shape)");
    assertThat(c)
        .hadErrorContaining(
            "java.lang.Number in parameter n of Api.size(Number) cannot cross to Python: it is an"
                + " abstract class")
        .inFile(api)
        .onLineContaining("double size(");
  }

  @Test
  void everyProblemOfACompileIsReportedAtOnce() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  int a(Thread t);",
                "  int b(@PyName(\"9\") int x);",
                "  @CallTimeout(-5) int c();",
                "}"),
            source("Other", "@VenvModule(\"other\")", "class Other {}"));
    assertThat(c).hadErrorCount(4);
    assertThat(c).hadErrorContaining("[VenvMuxType]").inFile(api).onLineContaining("int a(");
    assertThat(c).hadErrorContaining("[VenvMuxPyName]").inFile(api).onLineContaining("int b(");
    assertThat(c)
        .hadErrorContaining("[VenvMuxTimeout]")
        .inFile(api)
        .onLineContaining("@CallTimeout(-5)");
    assertThat(c).hadErrorContaining("[VenvMuxNotInterface]");
  }

  @Test
  void objectAndJsonNodeWarnThatTheyGiveUpTypeChecking() {
    Compilation c =
        compile(
            api(
                "@VenvModule(\"pkg.entry\")",
                "public interface Api {",
                "  Object anything(JsonNode node,",
                "      List<Object> items);",
                "}"));
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[VenvMuxUntyped] java.lang.Object in the result of Api.anything(JsonNode, List) gives"
                + " up type checking")
        .inFile(api)
        .onLineContaining("Object anything(");
    assertThat(c)
        .hadWarningContaining(
            "[VenvMuxUntyped] com.fasterxml.jackson.databind.JsonNode in parameter node")
        .inFile(api)
        .onLineContaining("JsonNode node");
    assertThat(c)
        .hadWarningContaining("[VenvMuxUntyped] java.lang.Object in parameter items")
        .inFile(api)
        .onLineContaining("List<Object> items");
  }
}
