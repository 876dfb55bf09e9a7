package io.venvmux.processor;

import javax.tools.Diagnostic;

/**
 * Every message the processor can print, each tagged so it can be searched for, each saying what to
 * change. Reported on the most specific element: the annotation value, the parameter, the method,
 * the interface.
 */
enum Message {
  NOT_INTERFACE(
      "VenvMuxNotInterface",
      "@VenvModule goes on an interface, and %s is %s: declare an interface whose methods mirror"
          + " the module's functions"),
  NOT_IMPLEMENTABLE(
      "VenvMuxAccess",
      "%s is private or local, so no generated class can implement it: make it (and any enclosing"
          + " type) package-private or public"),
  GENERIC_INTERFACE(
      "VenvMuxGenericInterface",
      "%s has type parameters %s, but each Python function has one signature: remove them and use"
          + " concrete types"),
  GENERIC_METHOD(
      "VenvMuxGenericMethod",
      "%s has type parameters %s, but the client needs the concrete result type at compile time:"
          + " replace them with concrete types"),
  MODULE_NAME(
      "VenvMuxModuleName",
      "\"%s\" is not a Python module path: use dotted identifiers such as \"yourpkg.entry\""),
  WORKERS("VenvMuxWorkers", "workers = %d: use a positive count, or 0 for auto sizing"),
  PY_NAME(
      "VenvMuxPyName",
      "@PyName(\"%s\") is not a valid Python name: use letters, digits and _, not starting with a"
          + " digit, and no Python keyword"),
  PRIVATE_FUNCTION(
      "VenvMuxPrivateName",
      "%s calls the Python function '%s', but names starting with _ are private and the worker"
          + " serves public functions only: rename the method or set @PyName"),
  KEYWORD_FUNCTION(
      "VenvMuxKeyword",
      "%s would call the Python function '%s', which is a Python keyword: add @PyName with the"
          + " function's real name"),
  KEYWORD_PARAMETER(
      "VenvMuxKeyword",
      "parameter %s becomes the keyword argument '%s', which is a Python keyword: add"
          + " @PyName(\"%s_\") or whatever name the Python function uses"),
  DUPLICATE_PARAMETER(
      "VenvMuxDuplicateParameter",
      "parameters %s and %s both become the keyword argument '%s': rename one or set its @PyName"),
  CONFLICT(
      "VenvMuxConflict",
      "%s and %s both call the Python function '%s' but with different parameters %s and %s: a"
          + " Python function has one signature, so one method's parameters must be the first"
          + " parameters of the other (same names and types, in order; Python's defaults fill the"
          + " rest), or set a @PyName"),
  TIMEOUT("VenvMuxTimeout", "@CallTimeout(%d) must be at least 1 (milliseconds)"),
  RETURN_TYPE(
      "VenvMuxReturnType",
      "%s in %s: an async call returns exactly CompletableFuture<T>, and only as the method's"
          + " whole return type"),
  STREAM_PLACE(
      "VenvMuxStream",
      "%s in %s: a Stream<T> or Iterator<T> streams a Python generator's items, so it is only a"
          + " method's whole result type; as a parameter or inside a value use a List<T>"),
  RAW_TYPE(
      "VenvMuxRawType",
      "%s in %s is a raw type, so values cannot be decoded: give its type arguments, e.g."
          + " List<String>"),
  WILDCARD(
      "VenvMuxWildcard",
      "%s in %s is a wildcard, so values cannot be decoded: name one concrete type instead of ?"),
  TYPE_VARIABLE(
      "VenvMuxTypeVariable",
      "%s in %s is a type variable, so values cannot be decoded: use a concrete type"),
  MAP_KEY(
      "VenvMuxMapKey",
      "%s in %s: map keys cross as JSON object keys, which are strings: use String, Long,"
          + " Integer, Short, BigInteger or an enum as the key type"),
  CANNOT_CROSS(
      "VenvMuxType",
      "%s in %s cannot cross to Python: %s. Use a record, an enum, a List, Set or Map<String, ..> (or Long, enum keys),"
          + " a scalar of the types table (numbers, String, java.time, UUID, Path, byte[], ...), or"
          + " JsonNode/Object"),
  UNTYPED(
      Diagnostic.Kind.WARNING,
      "VenvMuxUntyped",
      "%s in %s gives up type checking: any JSON value passes as is; use a record or a concrete"
          + " type if the shape is known"),
  INTERNAL(
      "VenvMuxInternal", "venvmux could not process %s (%s): please report it with the interface");

  private final Diagnostic.Kind kind;
  private final String tag;
  private final String format;

  Message(String tag, String format) {
    this(Diagnostic.Kind.ERROR, tag, format);
  }

  Message(Diagnostic.Kind kind, String tag, String format) {
    this.kind = kind;
    this.tag = tag;
    this.format = format;
  }

  Diagnostic.Kind kind() {
    return kind;
  }

  /** The message with its tag: {@code [VenvMuxReturnType] ...}. */
  String format(Object... args) {
    return "[" + tag + "] " + String.format(format, args);
  }
}
