package io.venvmux.stubgen;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code python -m venvmux_worker.describe --module X} says about a module: its public
 * functions and the named types (enums, dataclasses, TypedDicts, NamedTuples, pydantic models)
 * their hints refer to. Type hints stay JSON trees ({@link JsonNode}); {@link TypeMapper} reads
 * them.
 *
 * @param module the module's dotted name
 * @param python the interpreter's version
 * @param functions the public functions, in the module's order
 * @param types named types by their key ({@code module.QualName}), the target of {@code ref} trees
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModuleDescription(
    String module, String python, List<Function> functions, Map<String, NamedType> types) {
  public ModuleDescription {
    functions = List.copyOf(functions);
    types = Map.copyOf(types);
  }

  /** One public function. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Function(
      String name,
      @JsonProperty("async") boolean isAsync,
      @Nullable String doc,
      @Nullable String signature,
      List<Parameter> parameters,
      JsonNode returns) {
    public Function {
      parameters = List.copyOf(parameters);
    }
  }

  /**
   * One parameter; {@code kind} is Python's ({@code positional_only}, {@code
   * positional_or_keyword}, {@code var_positional}, {@code keyword_only}, {@code var_keyword}).
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Parameter(
      String name,
      String kind,
      JsonNode type,
      @JsonProperty("has_default") boolean hasDefault,
      @JsonProperty("default") @Nullable JsonNode defaultValue) {

    /**
     * Whether a Java method can pass it: positional-only parameters go by position (the runtime
     * reads which from the worker's signature), the others by keyword; {@code *args} and {@code
     * **kwargs} have no fixed Java parameter.
     */
    public boolean passable() {
      return !kind.equals("var_positional") && !kind.equals("var_keyword");
    }
  }

  /**
   * A named type; {@code kind} is {@code enum} (with members) or {@code dataclass}, {@code
   * typeddict}, {@code namedtuple}, {@code pydantic} (with fields). A generic one ({@code
   * Page(Generic[T])}) names its type parameters in {@code params}; its fields' trees refer to them
   * as {@code typevar}. A flag enum has {@code flag} true and its single-bit members.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NamedType(
      String kind,
      String name,
      String module,
      String qualname,
      @Nullable String doc,
      @Nullable List<Member> members,
      @Nullable List<Field> fields,
      @Nullable List<String> params,
      boolean flag) {

    /** The type parameters' names; empty unless the type is generic. */
    public List<String> typeParameters() {
      return params == null ? List.of() : params;
    }

    /** Whether it is a Python {@code Enum}. */
    public boolean isEnum() {
      return kind.equals("enum");
    }

    /**
     * Whether it is a Python {@code enum.Flag} / {@code IntFlag}: its members (single bits)
     * combine, and a value of it is a set of them.
     */
    public boolean isFlag() {
      return isEnum() && flag;
    }
  }

  /** An enum member: its name and the JSON value it crosses the wire as. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Member(String name, JsonNode value) {}

  /** A field of a record-like type. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Field(String name, JsonNode type, boolean required) {}
}
