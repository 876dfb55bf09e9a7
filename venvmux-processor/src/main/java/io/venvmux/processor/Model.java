package io.venvmux.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.OptionalLong;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The immutable model of one validated {@code @VenvModule} interface, from which its client is
 * written.
 */
final class Model {
  private Model() {}

  /** How a method calls: which {@code PyFunction} call it makes. */
  enum CallKind {
    /** {@code T m(..)}: waits, returns the result. */
    BLOCKING("call"),
    /** {@code void m(..)}: waits, drops the result. */
    VOID("run"),
    /** {@code Optional<T> m(..)}: waits; None is empty. */
    OPTIONAL("callOptional"),
    /** {@code CompletableFuture<T> m(..)}. */
    ASYNC("callAsync"),
    /** {@code CompletableFuture<Optional<T>> m(..)}. */
    OPTIONAL_ASYNC("callOptionalAsync"),
    /** {@code Stream<T> m(..)}: a generator's items as they are yielded. */
    STREAM("stream"),
    /** {@code Iterator<T> m(..)}: the same, as an iterator. */
    ITERATOR("iterator");

    private final String pyFunctionMethod;

    CallKind(String pyFunctionMethod) {
      this.pyFunctionMethod = pyFunctionMethod;
    }

    /** The {@code PyFunction} method the generated code calls. */
    String pyFunctionMethod() {
      return pyFunctionMethod;
    }
  }

  /** The {@code @VenvModule} values, copied into the generated descriptor. */
  record Settings(
      String module,
      String env,
      List<String> packages,
      List<String> requirements,
      String project,
      String python,
      List<String> workerPaths,
      int workers,
      String ray) {}

  /**
   * One method of the interface.
   *
   * @param constant the generated constant holding its {@code PyFunction}
   * @param resultType what the result is read as (the future's argument for async calls; {@code
   *     Object} for void)
   * @param javaSignature for messages: {@code Compute.compute(int)}
   */
  record Method(
      ExecutableElement element,
      String constant,
      String pythonName,
      List<String> parameters,
      CallKind kind,
      TypeMirror resultType,
      OptionalLong timeoutMillis,
      String javaSignature) {}

  /** The interface and everything its client needs. */
  record Client(
      TypeElement element,
      DeclaredType type,
      ClassName clientName,
      Settings settings,
      List<Method> methods) {}
}
