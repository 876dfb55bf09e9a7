package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command end to end on the test interpreter (no venv): files written, failures explained. */
class StubGenCliTest {
  @TempDir Path out;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  private int run(String... args) {
    return StubGen.commandLine()
        .setOut(new PrintWriter(stdout, true))
        .setErr(new PrintWriter(stderr, true))
        .execute(args);
  }

  private static String[] withModule(String[] args, String module) {
    String[] copy = args.clone();
    copy[1] = module;
    return copy;
  }

  @Test
  void writesTheInterfaceAndItsTypesUnderThePackageFolder() throws IOException {
    assertThat(run(Fixtures.cliArgs(out))).as(stderr.toString()).isZero();
    Path pkg = out.resolve("com/example/gen");
    assertThat(pkg.resolve("Entry.java")).exists();
    for (String type :
        new String[] {"Color", "Level", "Mixed", "Point", "Shape", "Span", "Options"}) {
      assertThat(pkg.resolve(type + ".java")).exists();
      assertThat(stdout.toString()).contains("wrote " + pkg.resolve(type + ".java"));
    }
    assertThat(Files.readString(pkg.resolve("Entry.java")))
        .contains("value = \"stubfix.entry\"")
        .contains("python = \"" + Fixtures.python() + "\"")
        .contains("workerPaths = \"" + Fixtures.PYTHON_DIR + "\"");
    // tail(first, /, *rest, **named) is kept: first goes by position
    assertThat(stderr.toString()).doesNotContain("left out tail");
  }

  @Test
  void approximationsAreNamedOnStderrAndStrictMakesThemErrors() {
    String[] args = withModule(Fixtures.cliArgs(out), "stubfix.roundtrip");
    assertThat(run(args)).as(stderr.toString()).isZero();
    assertThat(stderr.toString())
        .contains("approximated raw_payload(x): Any is untyped: Object holds")
        .contains("approximated raw_payload() result: Any is untyped")
        .contains(
            "left out pair_keys: dict[tuple[int, int], str] cannot cross: JSON object keys are"
                + " strings");
    assertThat(out.resolve("com/example/gen/Roundtrip.java")).exists();

    Path strictOut = out.resolve("strict");
    stderr.getBuffer().setLength(0);
    assertThat(run(withModule(Fixtures.cliArgs(strictOut, "--strict"), "stubfix.roundtrip")))
        .isEqualTo(1);
    assertThat(stderr.toString())
        .contains("stubgen: error: approximated raw_payload(x): Any")
        .contains("stubgen: error: left out pair_keys")
        .contains("--strict: nothing written");
    assertThat(strictOut).doesNotExist();
  }

  @Test
  void aGenericDataclassIsAGenericRecordUsedWithItsArguments() throws IOException {
    assertThat(run(withModule(Fixtures.cliArgs(out), "stubfix.roundtrip")))
        .as(stderr.toString())
        .isZero();
    Path pkg = out.resolve("com/example/gen");
    assertThat(Files.readString(pkg.resolve("Page.java")).replaceAll("\\s+", " "))
        .contains("public record Page<T>(List<T> items, Optional<T> first, long total)");
    assertThat(Files.readString(pkg.resolve("Roundtrip.java")))
        .contains("Page<User> userPage(long size);")
        .contains("User oldest(Page<User> page);");
    assertThat(pkg.resolve("User.java")).exists();
    assertThat(stderr.toString()).doesNotContain("Page");
    // NotRequired[list[str]] in a TypedDict inheriting another, under __future__ annotations
    assertThat(Files.readString(pkg.resolve("Tagged.java")).replaceAll("\\s+", " "))
        .contains("@JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<List<String>> tags");
  }

  @Test
  void interfaceNameCanBeChosen() {
    assertThat(run(Fixtures.cliArgs(out, "--interface-name", "Shapes")))
        .as(stderr.toString())
        .isZero();
    assertThat(out.resolve("com/example/gen/Shapes.java")).exists();
    assertThat(out.resolve("com/example/gen/Entry.java")).doesNotExist();
  }

  @Test
  void printsOnStdoutDuringImportDoNotSpoilTheDescription() throws IOException {
    assertThat(run(withModule(Fixtures.cliArgs(out), "stubfix.noisy")))
        .as(stderr.toString())
        .isZero();
    assertThat(Files.readString(out.resolve("com/example/gen/Noisy.java")))
        .contains("String shout(String text);");
  }

  @Test
  void describesInsideAGivenVenv() throws Exception {
    Path venv = out.resolve("venv");
    Process create =
        new ProcessBuilder(Fixtures.python(), "-m", "venv", "--without-pip", venv.toString())
            .inheritIO()
            .start();
    assertThat(create.waitFor()).isZero();
    Path src = out.resolve("src");
    String[] args = {
      "--module",
      "stubfix.where",
      "--package",
      "com.example.gen",
      "--out",
      src.toString(),
      "--venv",
      venv.toString(),
      "--worker-path",
      Fixtures.PYTHON_DIR.toString(),
      "--home",
      Fixtures.home().toString()
    };
    assertThat(run(args)).as(stderr.toString()).isZero();
    String where = Files.readString(src.resolve("com/example/gen/Where.java"));
    assertThat(where)
        .contains("Imported under " + venv)
        .contains("Generated from the venv <code>" + venv + "</code>")
        .contains("@VenvModule(\n    value = \"stubfix.where\",\n    workerPaths = ");
  }

  @Test
  void aPythonVersionPicksThatInterpreter() throws IOException {
    String[] args = withModule(Fixtures.cliArgs(out), "stubfix.where");
    args[7] = "3.12";
    assertThat(run(args)).as(stderr.toString()).isZero();
    assertThat(Files.readString(out.resolve("com/example/gen/Where.java")))
        .contains("(Python 3.12.")
        .contains("python = \"3.12\"");
  }

  @Test
  void aModuleWithoutFunctionsGivesAnEmptyInterfaceAndSaysSo() throws IOException {
    assertThat(run(withModule(Fixtures.cliArgs(out), "stubfix"))).as(stderr.toString()).isZero();
    assertThat(Files.readString(out.resolve("com/example/gen/Stubfix.java")))
        .contains("public interface Stubfix {\n}");
    assertThat(stderr.toString()).contains("note: stubfix has no public functions");
  }

  @Test
  void aModuleThatDoesNotImportIsReportedWithItsTraceback() {
    assertThat(run(withModule(Fixtures.cliArgs(out), "stubfix.broken"))).isEqualTo(1);
    assertThat(stderr.toString())
        .contains("stubgen: module stubfix.broken does not import in")
        .contains("ModuleNotFoundError")
        .contains("does_not_exist_anywhere")
        .contains("Traceback")
        .contains("--worker-path");
    assertThat(out).isEmptyDirectory();
  }

  @Test
  void aModuleMissingFromThePathIsReported() {
    assertThat(run(withModule(Fixtures.cliArgs(out), "no_such_module_here"))).isEqualTo(1);
    assertThat(stderr.toString())
        .contains("does not import")
        .contains("No module named 'no_such_module_here'");
  }

  @Test
  void anImportThatHangsIsKilledAfterTheTimeout() {
    assertThat(run(withModule(Fixtures.cliArgs(out, "--timeout", "2"), "stubfix.slow_import")))
        .isEqualTo(1);
    assertThat(stderr.toString())
        .contains("describing stubfix.slow_import took longer than 2 s")
        .contains("--timeout");
    assertThat(ProcessHandle.current().children()).as("no describe process left running").isEmpty();
  }

  @Test
  void aMissingInterpreterIsReported() {
    String[] args = Fixtures.cliArgs(out);
    args[7] = out.resolve("no-python-here").toString();
    assertThat(run(args)).isEqualTo(1);
    assertThat(stderr.toString()).startsWith("stubgen: ").contains("no-python-here");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(run("--package", "com.example")).isEqualTo(2);
    assertThat(stderr.toString()).contains("Missing required option: '--module=pkg.entry'");
  }

  @Test
  void badValuesAreRefusedBeforeTheEnvIsTouched() {
    assertThat(run(Fixtures.cliArgs(out, "--datetime", "zoned"))).isEqualTo(1);
    assertThat(stderr.toString()).contains("--datetime must be offset or local, not zoned");
    String[] badPackage = Fixtures.cliArgs(out);
    badPackage[3] = "com.example.1gen";
    assertThat(run(badPackage)).isEqualTo(1);
    assertThat(stderr.toString()).contains("'com.example.1gen' is not a Java package name");
  }

  @Test
  void aHomeThatCannotHoldTheWorkerIsReported() throws IOException {
    Path file = Files.writeString(out.resolve("plain-file"), "x");
    String[] args = Fixtures.cliArgs(out.resolve("src"));
    args[args.length - 1] = file.toString();
    assertThat(run(args)).isEqualTo(1);
    assertThat(stderr.toString())
        .startsWith("stubgen: cannot extract the venvmux worker into " + file);
  }

  @Test
  void anOutputFolderThatIsAFileIsReported() throws IOException {
    Path file = Files.writeString(out.resolve("plain-file"), "x");
    String[] args = Fixtures.cliArgs(out);
    args[5] = file.toString();
    assertThat(run(args)).isEqualTo(1);
    assertThat(stderr.toString()).contains("stubgen: cannot write into " + file);
  }
}
