package io.venvmux.stubgen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class over one {@link ClientBuild}: stubgen runs, the driver compiles and runs once, and
 * the tests read what it reported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DriverTest {
  private final String module;
  private final String driver;
  private final String[] options;

  ClientBuild build;
  Map<String, String> results;

  DriverTest(String module, String driver, String... options) {
    this.module = module;
    this.driver = driver;
    this.options = options;
  }

  @BeforeAll
  void generateCompileAndCall(@TempDir Path work) throws Exception {
    build = ClientBuild.of(work, module, driver, options);
    results = build.run(driver);
  }

  @AfterAll
  void stop() throws IOException {
    if (build != null) {
      build.close();
    }
  }
}
