package io.venvmux.stubgen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Python spellings of the describe step's type trees, for notes and Javadoc. */
final class PythonTypes {
  private PythonTypes() {}

  /** {@code dict[str, list[int]]}, {@code Optional[Point]}, {@code Any}, ... */
  static String render(JsonNode tree) {
    if (tree == null) {
      return "Any";
    }
    switch (tree.path("kind").asText("any")) {
      case "primitive":
        String name = tree.path("name").asText();
        return switch (name) {
          case "decimal" -> "Decimal";
          case "uuid" -> "UUID";
          case "path" -> "Path";
          default -> name;
        };
      case "none":
        return "None";
      case "any":
        return "Any";
      case "unknown":
        return tree.path("python").asText("?");
      case "list":
        return "list[" + render(tree.get("items")) + "]";
      case "set":
        return "set[" + render(tree.get("items")) + "]";
      case "stream":
        return "Iterator[" + render(tree.get("items")) + "]";
      case "tuple":
        return "tuple[" + all(tree.path("items")) + "]";
      case "dict":
        return "dict[" + render(tree.get("key")) + ", " + render(tree.get("value")) + "]";
      case "optional":
        return "Optional[" + render(tree.get("type")) + "]";
      case "union":
        return "Union[" + all(tree.path("types")) + "]";
      case "literal":
        List<String> values = new ArrayList<>();
        tree.path("values")
            .forEach(v -> values.add(v.isTextual() ? "'" + v.asText() + "'" : v.toString()));
        return "Literal[" + String.join(", ", values) + "]";
      case "ref":
        String ref = tree.path("ref").asText();
        String simple = ref.substring(ref.lastIndexOf('.') + 1);
        return tree.has("args") ? simple + "[" + all(tree.path("args")) + "]" : simple;
      case "typevar":
        return tree.path("name").asText();
      default:
        return tree.toString();
    }
  }

  /**
   * A JSON value in Python's spelling: {@code None}, {@code True}, {@code 'text'}, {@code [1, 2]}.
   */
  static String value(JsonNode json) {
    if (json.isNull()) {
      return "None";
    }
    if (json.isBoolean()) {
      return json.asBoolean() ? "True" : "False";
    }
    if (json.isTextual()) {
      return "'" + json.asText().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (json.isArray()) {
      List<String> items = new ArrayList<>();
      json.forEach(item -> items.add(value(item)));
      return "[" + String.join(", ", items) + "]";
    }
    if (json.isObject()) {
      List<String> entries = new ArrayList<>();
      json.properties().forEach(e -> entries.add("'" + e.getKey() + "': " + value(e.getValue())));
      return "{" + String.join(", ", entries) + "}";
    }
    return json.toString();
  }

  private static String all(JsonNode trees) {
    List<String> parts = new ArrayList<>();
    trees.forEach(t -> parts.add(render(t)));
    return String.join(", ", parts);
  }
}
