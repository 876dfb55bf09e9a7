package io.venvmux.stubgen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaNamesTest {
  @Test
  void snakeCaseBecomesCamelCaseThatMapsBack() {
    assertThat(JavaNames.member("compute_stats")).isEqualTo("computeStats");
    assertThat(JavaNames.needsPyName("computeStats", "compute_stats")).isFalse();
    assertThat(JavaNames.member("n")).isEqualTo("n");
    assertThat(JavaNames.member("max_iter_2")).isEqualTo("maxIter2");
  }

  @Test
  void namesThatDoNotRoundTripNeedPyName() {
    assertThat(JavaNames.member("HTTP_status")).isEqualTo("httpStatus");
    assertThat(JavaNames.needsPyName("httpStatus", "HTTP_status")).isTrue();
    assertThat(JavaNames.member("user_ID")).isEqualTo("userId");
    assertThat(JavaNames.needsPyName("userId", "user_ID")).isTrue();
    assertThat(JavaNames.member("computeStats")).isEqualTo("computeStats");
    assertThat(JavaNames.needsPyName("computeStats", "computeStats")).isTrue();
    assertThat(JavaNames.needsPyName(JavaNames.member("max_iter_2"), "max_iter_2")).isTrue();
  }

  @Test
  void javaKeywordsAndObjectMethodsAreEscaped() {
    assertThat(JavaNames.member("default")).isEqualTo("default_");
    assertThat(JavaNames.needsPyName("default_", "default")).isTrue();
    assertThat(JavaNames.member("new")).isEqualTo("new_");
    assertThat(JavaNames.component("hash_code")).isEqualTo("hashCode_");
    assertThat(JavaNames.constant("class")).isEqualTo("CLASS");
    assertThat(JavaNames.type("int")).isEqualTo("Int");
  }

  @Test
  void interfaceNameIsTheModulesLastSegmentInPascalCase() {
    assertThat(JavaNames.interfaceFor("yourpkg.entry")).isEqualTo("Entry");
    assertThat(JavaNames.interfaceFor("pkg.entry_point")).isEqualTo("EntryPoint");
    assertThat(JavaNames.interfaceFor("stats")).isEqualTo("Stats");
  }
}
