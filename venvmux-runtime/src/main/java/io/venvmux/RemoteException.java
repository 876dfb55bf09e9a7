package io.venvmux;

/** The Python function raised. Carries the Python exception type, message and traceback. */
public class RemoteException extends CallException {
  private final String pythonType;
  private final String pythonMessage;
  private final String pythonTraceback;

  public RemoteException(String pythonType, String pythonMessage, String pythonTraceback) {
    super(
        "remote_exception",
        pythonType
            + ": "
            + pythonMessage
            + (pythonTraceback.isEmpty() ? "" : "\n" + pythonTraceback));
    this.pythonType = pythonType;
    this.pythonMessage = pythonMessage;
    this.pythonTraceback = pythonTraceback;
  }

  /** The Python exception's type name, e.g. {@code ValueError}. */
  public String pythonType() {
    return pythonType;
  }

  /** {@code str()} of the Python exception. */
  public String pythonMessage() {
    return pythonMessage;
  }

  /** The formatted Python traceback. */
  public String pythonTraceback() {
    return pythonTraceback;
  }
}
