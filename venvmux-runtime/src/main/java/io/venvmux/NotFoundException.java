package io.venvmux;

import java.util.List;

/** The worker's module has no public function of that name. Lists the functions it does have. */
public class NotFoundException extends CallException {
  private final List<String> available;

  public NotFoundException(String message, List<String> available) {
    super("not_found", message);
    this.available = List.copyOf(available);
  }

  /** The public functions the module does have, sorted. */
  public List<String> available() {
    return available;
  }
}
