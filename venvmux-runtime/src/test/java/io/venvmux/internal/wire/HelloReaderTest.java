package io.venvmux.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.venvmux.EnvStartException;
import io.venvmux.ProtocolMismatchException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link HelloReader} on first lines given as bytes. */
class HelloReaderTest {

  private static Hello read(String line) {
    byte[] buf = (line + "\nleftover bytes past the line").getBytes(StandardCharsets.UTF_8);
    return HelloReader.read(buf, line.length(), "v1", "mod", 42);
  }

  @Test
  void aHelloGivesItsFields() {
    Hello h =
        read(
            "{\"type\":\"hello\",\"protocol\":1,\"pid\":7,\"python\":\"3.12.1\",\"module\":\"m\","
                + "\"serializer\":\"orjson\",\"functions\":{\"add\":\"(a, b)\",\"nap\":\"()\"},"
                + "\"features\":[\"a\",\"b\"]}");
    assertThat(h)
        .isEqualTo(
            new Hello(
                1,
                7,
                "3.12.1",
                "m",
                "orjson",
                Map.of("add", "(a, b)", "nap", "()"),
                Set.of("a", "b")));
    assertThat(h.supports("a")).isTrue();
    assertThat(h.supports("c")).isFalse();
  }

  @Test
  void aHelloThatLeavesFieldsOutGetsTheHostsValues() {
    Hello h = read("{\"type\":\"hello\",\"protocol\":1}");
    assertThat(h.pid()).isEqualTo(42);
    assertThat(h.module()).isEqualTo("mod");
    assertThat(h.python()).isEmpty();
    assertThat(h.functions()).isEmpty();
    assertThat(h.features()).isEmpty();
  }

  @Test
  void anotherProtocolIsAMismatch() {
    ProtocolMismatchException e =
        catchThrowableOfType(
            ProtocolMismatchException.class,
            () -> read("{\"type\":\"hello\",\"protocol\":99,\"functions\":{}}"));
    assertThat(e)
        .hasMessageContaining("'v1'")
        .hasMessageContaining("speaks protocol 99")
        .hasMessageContaining("speaks protocol 1;");
  }

  @Test
  void aLineOfAnotherTypeIsAMismatch() {
    assertThat(
            catchThrowableOfType(
                ProtocolMismatchException.class, () -> read("{\"type\":\"howdy\",\"protocol\":1}")))
        .isNotNull();
  }

  @Test
  void aFatalLineIsAStartFailureWithItsTraceback() {
    EnvStartException e =
        catchThrowableOfType(
            EnvStartException.class,
            () ->
                read(
                    "{\"type\":\"fatal\",\"error\":{\"type\":\"ModuleNotFoundError\","
                        + "\"message\":\"No module named 'numpy'\","
                        + "\"traceback\":\"Traceback (most recent call last):\\n  boom\"}}"));
    assertThat(e)
        .hasMessageStartingWith(
            "module 'mod' failed to import in env 'v1': ModuleNotFoundError: No module named"
                + " 'numpy'");
    assertThat(e.pythonTraceback()).isEqualTo("Traceback (most recent call last):\n  boom");
  }

  @Test
  void aLineThatIsNotJsonIsAStartFailureQuotingIt() {
    EnvStartException e =
        catchThrowableOfType(EnvStartException.class, () -> read("Hello from a print()"));
    assertThat(e)
        .hasMessageContaining("'v1'")
        .hasMessageContaining("something other than a hello: Hello from a print()");
    assertThat(e.pythonTraceback()).isEmpty();
  }

  @Test
  void aHugeNonJsonLineIsQuotedShort() {
    String line = "x".repeat(10_000);
    EnvStartException e = catchThrowableOfType(EnvStartException.class, () -> read(line));
    assertThat(e.getMessage().length()).isLessThan(1_000);
  }
}
