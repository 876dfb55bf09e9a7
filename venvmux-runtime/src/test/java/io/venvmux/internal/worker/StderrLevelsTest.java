package io.venvmux.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class StderrLevelsTest {

  private static List<Level> levels(String... lines) {
    StderrLevels levels = new StderrLevels();
    return List.of(lines).stream().map(levels::levelOf).collect(Collectors.toList());
  }

  @Test
  void theWorkersTextFormatGivesEachLineItsLevel() {
    assertThat(
            levels(
                "2026-11-25 20:18:53,294 ERROR venvmux_worker.main: cannot import vmx_flaky",
                "2026-11-25 20:18:53,295 WARNING venvmux_worker.loop: slow",
                "2026-11-25 20:18:53,296 DEBUG venvmux_worker.loop: call 7",
                "2026-11-25 20:18:53,297 INFO venvmux_worker.main: ready"))
        .containsExactly(Level.ERROR, Level.WARN, Level.DEBUG, Level.INFO);
  }

  @Test
  void aTracebackKeepsTheLevelOfTheLineThatLoggedIt() {
    assertThat(
            levels(
                "2026-11-25 20:18:53,294 ERROR venvmux_worker.main: cannot import vmx_flaky",
                "Traceback (most recent call last):",
                "  File \"vmx_flaky.py\", line 14, in <module>",
                "    raise RuntimeError(\"broken on purpose\")",
                "RuntimeError: broken on purpose",
                "hello from print()"))
        .containsExactly(
            Level.ERROR, Level.ERROR, Level.ERROR, Level.ERROR, Level.ERROR, Level.INFO);
  }

  @Test
  void jsonLogLinesAndPlainOutput() {
    assertThat(
            levels(
                "{\"time\": \"2026-11-25 20:18:53,294\", \"level\": \"WARNING\", \"message\": \"x\"}",
                "a line printed by user code, which goes on for a while and only then says ERROR",
                "ERROR: a C library's own message"))
        .containsExactly(Level.WARN, Level.INFO, Level.ERROR);
  }
}
