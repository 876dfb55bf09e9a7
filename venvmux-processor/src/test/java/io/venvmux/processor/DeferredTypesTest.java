package io.venvmux.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * An interface using a type another processor generates later is processed once the type exists.
 */
class DeferredTypesTest {
  /** Generates {@code test.Later} in the first round, as any other processor might. */
  static final class GeneratesLater extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("test.Later").openWriter()) {
          w.write("package test; public record Later(int n) {}");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void aTypeGeneratedInALaterRoundIsWaitedFor() {
    Compilation c =
        javac()
            .withProcessors(new VenvModuleProcessor(), new GeneratesLater())
            .compile(
                Sources.source(
                    "Api",
                    "@VenvModule(\"pkg.entry\")",
                    "public interface Api { Later later(int n); }"));
    assertThat(c).succeeded();
    assertThat(c)
        .generatedSourceFile("test.VenvMux_Api")
        .contentsAsUtf8String()
        .contains(".result(Later.class)");
  }

  @Test
  void aTypeThatNeverExistsLeavesTheErrorToJavac() {
    Compilation c =
        Sources.compile(
            Sources.source(
                "Api", "@VenvModule(\"pkg.entry\")", "public interface Api { Nowhere f(); }"));
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("cannot find symbol");
    assertThat(c).hadErrorCount(1);
  }
}
