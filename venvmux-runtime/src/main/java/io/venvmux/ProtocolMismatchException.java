package io.venvmux;

/** The worker speaks another protocol version than this runtime. */
public class ProtocolMismatchException extends CallException {
  public ProtocolMismatchException(String message) {
    super("protocol_mismatch", message);
  }
}
