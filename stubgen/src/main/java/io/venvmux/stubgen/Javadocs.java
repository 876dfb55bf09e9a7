package io.venvmux.stubgen;

import com.palantir.javapoet.CodeBlock;
import org.jspecify.annotations.Nullable;

/** Python text (docstrings, signatures, values) made safe inside Javadoc. */
final class Javadocs {
  private Javadocs() {}

  /**
   * A docstring as the first paragraph, then the opening of the next one: what follows is a new
   * paragraph. Nothing when there is no docstring, so what follows is the first sentence.
   */
  static CodeBlock paragraph(@Nullable String doc) {
    return doc == null || doc.isBlank()
        ? CodeBlock.of("")
        : CodeBlock.of("$L\n\n<p>", escape(doc.strip()));
  }

  /** Python code (a signature, a default) as {@code <code>..</code>}. */
  static String code(String python) {
    return "<code>" + escape(python) + "</code>";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*/", "*&#47;")
        .replace("@", "&#64;")
        .replace("{", "&#123;")
        .replace("}", "&#125;")
        .replace("\\u", "&#92;u");
  }
}
