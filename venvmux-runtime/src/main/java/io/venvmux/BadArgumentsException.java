package io.venvmux;

/** The arguments do not fit the Python function's signature or its type hints. */
public class BadArgumentsException extends CallException {
  public BadArgumentsException(String message) {
    super("bad_arguments", message);
  }
}
