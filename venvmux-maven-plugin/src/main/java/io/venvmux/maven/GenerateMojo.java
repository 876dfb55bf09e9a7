package io.venvmux.maven;

import io.venvmux.stubgen.StubGenException;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the module's {@code @VenvModule} interface, records and enums under {@code
 * target/generated-sources/venvmux} and adds that folder as a compile source root.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractStubGenMojo {
  /** The source root written into. */
  @Parameter(
      property = "venvmux.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/venvmux")
  File outputDirectory;

  @Override
  void run() throws MojoFailureException {
    Path root = outputDirectory.toPath();
    try {
      int written = generate().writeTo(root).size();
      getLog().info("venvmux: wrote " + written + " files for " + module + " under " + root);
    } catch (StubGenException e) {
      throw new MojoFailureException("stubgen: " + e.getMessage(), e);
    }
    mavenProject.addCompileSourceRoot(root.toString());
  }
}
