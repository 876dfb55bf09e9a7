package io.venvmux.internal.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of a Python function, read from {@code str(inspect.signature(fn))} as the worker's
 * hello reports it: enough to tell, at bind time, whether a call by keyword arguments fits.
 *
 * @param parameters in order, without the {@code /} and {@code *} markers
 */
record PySignature(List<PySignature.Parameter> parameters) {
  enum Kind {
    POSITIONAL_ONLY,
    KEYWORD,
    VAR_POSITIONAL,
    VAR_KEYWORD
  }

  record Parameter(String name, Kind kind, boolean hasDefault) {}

  PySignature {
    parameters = List.copyOf(parameters);
  }

  /**
   * Parses {@code (a: int, /, b: 'list[str]' = ['x, y'], *args, c=1, **kw) -> dict}; empty when the
   * text is not understood (the check is then skipped, never guessed).
   */
  static Optional<PySignature> parse(String signature) {
    if (!signature.startsWith("(")) {
      return Optional.empty();
    }
    List<String> pieces = new ArrayList<>();
    Brackets brackets = new Brackets();
    int start = 1;
    int end = -1;
    for (int i = 1; i < signature.length() && end < 0; i++) {
      char c = signature.charAt(i);
      if (brackets.closesParameters(c)) {
        end = i;
      } else if (brackets.atTopLevel(c) && c == ',') {
        pieces.add(signature.substring(start, i));
        start = i + 1;
      } else if (brackets.unbalanced()) {
        return Optional.empty();
      }
    }
    if (end < 0) {
      return Optional.empty();
    }
    pieces.add(signature.substring(start, end));
    return parameters(pieces).map(PySignature::new);
  }

  private static Optional<List<Parameter>> parameters(List<String> pieces) {
    List<Parameter> params = new ArrayList<>();
    for (String raw : pieces) {
      String piece = raw.strip();
      if (piece.isEmpty() || piece.equals("*")) {
        continue;
      }
      if (piece.equals("/")) {
        params.replaceAll(
            p ->
                p.kind() == Kind.KEYWORD
                    ? new Parameter(p.name(), Kind.POSITIONAL_ONLY, p.hasDefault())
                    : p);
        continue;
      }
      Kind kind =
          piece.startsWith("**")
              ? Kind.VAR_KEYWORD
              : piece.startsWith("*") ? Kind.VAR_POSITIONAL : Kind.KEYWORD;
      String rest =
          piece.substring(kind == Kind.VAR_KEYWORD ? 2 : kind == Kind.VAR_POSITIONAL ? 1 : 0);
      int nameEnd = 0;
      while (nameEnd < rest.length()
          && (Character.isLetterOrDigit(rest.charAt(nameEnd)) || rest.charAt(nameEnd) == '_')) {
        nameEnd++;
      }
      if (nameEnd == 0) {
        return Optional.empty();
      }
      String after = rest.substring(nameEnd).strip();
      if (!after.isEmpty() && after.charAt(0) != ':' && after.charAt(0) != '=') {
        return Optional.empty();
      }
      params.add(new Parameter(rest.substring(0, nameEnd), kind, hasTopLevelEquals(after)));
    }
    return Optional.of(params);
  }

  /**
   * A default value: an {@code =} outside quotes and brackets (an annotation may hold one inside).
   */
  private static boolean hasTopLevelEquals(String text) {
    Brackets brackets = new Brackets();
    return text.chars().anyMatch(c -> brackets.atTopLevel((char) c) && c == '=');
  }

  /** Tracks quotes and bracket depth while a text is read one character at a time. */
  private static final class Brackets {
    private int depth;
    private char quote;
    private boolean escaped;

    /** True when {@code c} ends the parameter list: a {@code )} outside quotes and brackets. */
    boolean closesParameters(char c) {
      return c == ')' && quote == 0 && depth == 0;
    }

    /** Reads {@code c}; true when it stands outside quotes and brackets (and is neither). */
    boolean atTopLevel(char c) {
      if (quote != 0) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == quote) {
          quote = 0;
        }
        return false;
      }
      if (c == '\'' || c == '"') {
        quote = c;
      } else if ("([{<".indexOf(c) >= 0) {
        depth++;
      } else if (")]}>".indexOf(c) >= 0) {
        depth--;
      } else {
        return depth == 0;
      }
      return false;
    }

    boolean unbalanced() {
      return depth < 0;
    }
  }

  /** The positional-only parameters' names, in order. */
  List<String> positionalOnly() {
    return parameters.stream()
        .filter(p -> p.kind() == Kind.POSITIONAL_ONLY)
        .map(Parameter::name)
        .toList();
  }

  /**
   * How many of these names, from the first, are positional-only parameters in Python's order:
   * those are passed positionally, the rest by keyword.
   */
  int leadingPositional(List<String> names) {
    List<String> positionalOnly = positionalOnly();
    int n = 0;
    while (n < names.size()
        && n < positionalOnly.size()
        && names.get(n).equals(positionalOnly.get(n))) {
      n++;
    }
    return n;
  }

  /**
   * Why calling with exactly these arguments cannot work, or empty if it can: a keyword the
   * function lacks, a positional-only parameter out of Python's order (positional-only parameters
   * are passed positionally, so they must come first and in order), a required parameter not given.
   */
  List<String> problemsWith(List<String> keywords) {
    List<String> problems = new ArrayList<>();
    int positional = leadingPositional(keywords);
    boolean anyKeyword = parameters.stream().anyMatch(p -> p.kind() == Kind.VAR_KEYWORD);
    for (int i = 0; i < keywords.size(); i++) {
      String keyword = keywords.get(i);
      Optional<Parameter> p =
          parameters.stream()
              .filter(
                  x ->
                      x.name().equals(keyword)
                          && x.kind() != Kind.VAR_KEYWORD
                          && x.kind() != Kind.VAR_POSITIONAL)
              .findFirst();
      if (p.isEmpty() && !anyKeyword) {
        problems.add("no parameter '" + keyword + "'");
      } else if (p.isPresent() && p.get().kind() == Kind.POSITIONAL_ONLY && i >= positional) {
        problems.add(
            "parameter '"
                + keyword
                + "' is positional-only, so it is passed by position: declare "
                + positionalOnly()
                + " first, in this order");
      }
    }
    for (Parameter p : parameters) {
      boolean required =
          !p.hasDefault() && (p.kind() == Kind.KEYWORD || p.kind() == Kind.POSITIONAL_ONLY);
      if (required && !keywords.contains(p.name())) {
        problems.add("required parameter '" + p.name() + "' is not passed");
      }
    }
    return problems;
  }
}
