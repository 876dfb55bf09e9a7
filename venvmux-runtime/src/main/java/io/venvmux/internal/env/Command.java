package io.venvmux.internal.env;

import io.venvmux.internal.process.ProcessSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One process to start from an argument list (never through a shell), with the environment changes
 * it needs and a short description of what it does for the progress log.
 *
 * @param args the program and its arguments
 * @param setEnv variables set on top of the inherited environment
 * @param unsetEnv inherited variables removed
 * @param workDir the working folder
 * @param activity what it does, as in "installing 2 packages"
 * @param timeout how long it may run before it is killed
 */
record Command(
    List<String> args,
    Map<String, String> setEnv,
    Set<String> unsetEnv,
    Path workDir,
    String activity,
    Duration timeout) {

  Command {
    args = List.copyOf(args);
    setEnv = Map.copyOf(setEnv);
    unsetEnv = Set.copyOf(unsetEnv);
  }

  Command withEnv(Map<String, String> more) {
    Map<String, String> merged = new java.util.HashMap<>(setEnv);
    merged.putAll(more);
    return new Command(args, merged, unsetEnv, workDir, activity, timeout);
  }

  /** The command as one line a person can read and paste into a shell. */
  String display() {
    return ProcessSpec.display(args);
  }
}
