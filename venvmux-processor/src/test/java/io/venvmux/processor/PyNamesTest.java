package io.venvmux.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.internal.codec.SnakeCase;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyNamesTest {
  private static final List<String> NAMES =
      List.of(
          "computeStats",
          "maxIter",
          "nItems",
          "userID",
          "x",
          "X",
          "already_snake",
          "vector2d",
          "aB1c",
          "élanVital");

  @Test
  void methodsAndParametersAreSnakeCasedLikeRecordComponents() {
    for (String name : NAMES) {
      assertThat(PyNames.snakeCase(name)).as(name).isEqualTo(SnakeCase.of(name));
    }
    assertThat(PyNames.snakeCase("computeStats")).isEqualTo("compute_stats");
    assertThat(PyNames.snakeCase("userID")).isEqualTo("user_i_d");
  }

  @Test
  void identifiersAndModulePaths() {
    assertThat(PyNames.isIdentifier("from_")).isTrue();
    assertThat(PyNames.isIdentifier("_x9")).isTrue();
    assertThat(PyNames.isIdentifier("match")).isTrue();
    assertThat(PyNames.isIdentifier("from")).isFalse();
    assertThat(PyNames.isIdentifier("None")).isFalse();
    assertThat(PyNames.isIdentifier("9x")).isFalse();
    assertThat(PyNames.isIdentifier("a-b")).isFalse();
    assertThat(PyNames.isIdentifier("")).isFalse();
    assertThat(PyNames.isModulePath("yourpkg_v2.entry")).isTrue();
    assertThat(PyNames.isModulePath("entry")).isTrue();
    assertThat(PyNames.isModulePath("a..b")).isFalse();
    assertThat(PyNames.isModulePath(".a")).isFalse();
    assertThat(PyNames.isModulePath("a.import")).isFalse();
  }
}
