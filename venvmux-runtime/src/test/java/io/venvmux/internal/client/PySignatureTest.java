package io.venvmux.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.venvmux.internal.client.PySignature.Kind;
import io.venvmux.internal.client.PySignature.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PySignatureTest {
  @Test
  void readsWhatInspectSignaturePrints() {
    PySignature s =
        PySignature.parse(
                "(a: int, b, /, c: 'dict[str, Point]' = {'x, y': (1, 2)}, *args, d: Literal['=',"
                    + " ')'], e=<Color.RED: 'red'>, **kw) -> 'list[Shape]'")
            .orElseThrow();
    assertThat(s.parameters())
        .containsExactly(
            new Parameter("a", Kind.POSITIONAL_ONLY, false),
            new Parameter("b", Kind.POSITIONAL_ONLY, false),
            new Parameter("c", Kind.KEYWORD, true),
            new Parameter("args", Kind.VAR_POSITIONAL, false),
            new Parameter("d", Kind.KEYWORD, false),
            new Parameter("e", Kind.KEYWORD, true),
            new Parameter("kw", Kind.VAR_KEYWORD, false));
  }

  @Test
  void keywordOnlyMarkerAndNoParameters() {
    assertThat(PySignature.parse("() -> None").orElseThrow().parameters()).isEmpty();
    assertThat(PySignature.parse("(x, *, y=1)").orElseThrow().parameters())
        .extracting(Parameter::name)
        .containsExactly("x", "y");
  }

  @Test
  void whatItDoesNotUnderstandItDoesNotJudge() {
    assertThat(PySignature.parse("<no signature>")).isEmpty();
    assertThat(PySignature.parse("(a, b")).isEmpty();
    assertThat(PySignature.parse("(a]]")).isEmpty();
  }

  @Test
  void problemsOfAKeywordCall() {
    PySignature s =
        PySignature.parse("(shape: 'Shape', /, scale: float, *, label: str = '') -> str")
            .orElseThrow();
    assertThat(s.problemsWith(List.of("scale", "label")))
        .containsExactly("required parameter 'shape' is not passed");
    // positional-only parameters are passed by position: first and in Python's order
    assertThat(s.problemsWith(List.of("shape", "scale"))).isEmpty();
    assertThat(s.leadingPositional(List.of("shape", "scale"))).isEqualTo(1);
    assertThat(s.problemsWith(List.of("scale", "shape")))
        .containsExactly(
            "parameter 'shape' is positional-only, so it is passed by position: declare [shape]"
                + " first, in this order");
    assertThat(s.problemsWith(List.of("scale", "colour"))).contains("no parameter 'colour'");
    assertThat(
            PySignature.parse("(a, **options)")
                .orElseThrow()
                .problemsWith(List.of("a", "anything")))
        .isEmpty();
  }
}
