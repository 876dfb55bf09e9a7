package io.venvmux.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the stubgen Java checked into the project no longer matches what the
 * module's hints produce now, naming each file that differs and the lines (methods, components)
 * that changed.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractStubGenMojo {
  /** The source root holding the checked-in generated Java. */
  @Parameter(
      property = "venvmux.sourceDirectory",
      defaultValue = "${project.build.sourceDirectory}")
  File sourceDirectory;

  @Override
  void run() throws MojoFailureException {
    List<String> differences = generate().differencesFrom(sourceDirectory.toPath());
    if (!differences.isEmpty()) {
      throw new MojoFailureException(
          "venvmux: the Java under "
              + sourceDirectory
              + " no longer matches what stubgen generates from "
              + module
              + ":\n  "
              + String.join("\n  ", differences)
              + "\nRegenerate it (the generate goal with outputDirectory set to that folder, or the"
              + " stubgen command with --out) or change the module back.");
    }
    getLog().info("venvmux: the Java under " + sourceDirectory + " matches " + module);
  }
}
