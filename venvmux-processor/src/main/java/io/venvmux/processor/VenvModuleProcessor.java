package io.venvmux.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Validates each {@code @VenvModule} interface and generates its client ({@code VenvMux_Compute});
 * writes the {@code @PyName}s of record components into {@code VenvMuxNames_Point}.
 *
 * <p>Never throws into javac: each interface is processed on its own, a failure is reported on it,
 * and all problems of one compile are reported together. Code is generated only from a clean
 * validation report. An interface that uses a type not generated yet is retried next round.
 */
@AutoService(Processor.class)
public final class VenvModuleProcessor extends AbstractProcessor {
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<String> namesWritten = new HashSet<>();
  private Messager messager;
  private InterfaceReader reader;
  private ClientValidator validator;
  private ClientModelBuilder models;
  private ClientWriter clientWriter;
  private RecordNamesWriter namesWriter;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    messager = env.getMessager();
    reader = new InterfaceReader(env.getTypeUtils(), env.getElementUtils());
    validator = new ClientValidator(env.getTypeUtils(), env.getElementUtils(), reader);
    models = new ClientModelBuilder(reader);
    GeneratedStamp stamp = new GeneratedStamp(env.getElementUtils(), env.getSourceVersion());
    clientWriter = new ClientWriter(env.getTypeUtils(), stamp);
    namesWriter = new RecordNamesWriter(stamp);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Annotations.VENV_MODULE, Annotations.PY_NAME);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    List<TypeElement> todo = new ArrayList<>();
    for (String name : deferred) {
      Optional.ofNullable(processingEnv.getElementUtils().getTypeElement(name))
          .ifPresent(todo::add);
    }
    deferred.clear();
    TypeElement venvModule =
        processingEnv.getElementUtils().getTypeElement(Annotations.VENV_MODULE);
    if (venvModule != null) {
      todo.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(venvModule)));
    }
    for (TypeElement type : todo) {
      try {
        processInterface(type, round.processingOver());
      } catch (RuntimeException e) {
        messager.printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL.format(type, e), type);
      }
    }
    TypeElement pyName = processingEnv.getElementUtils().getTypeElement(Annotations.PY_NAME);
    if (pyName != null) {
      processRecordNames(round.getElementsAnnotatedWith(pyName));
    }
    return false;
  }

  private void processInterface(TypeElement type, boolean lastRound) {
    ValidationReport report = validator.validate(type);
    if (report.isDeferred() && !lastRound) {
      deferred.add(type.getQualifiedName().toString());
      return;
    }
    report.printTo(messager);
    if (report.isClean() && !report.isDeferred()) {
      write(clientWriter.write(models.build(type)));
    }
  }

  private void processRecordNames(Set<? extends Element> annotated) {
    Map<TypeElement, List<Element>> byRecord = new LinkedHashMap<>();
    for (Element e : annotated) {
      if (e.getKind() == ElementKind.RECORD_COMPONENT) {
        byRecord
            .computeIfAbsent((TypeElement) e.getEnclosingElement(), r -> new ArrayList<>())
            .add(e);
      }
    }
    byRecord.forEach(
        (record, components) -> {
          if (!namesWritten.add(record.getQualifiedName().toString())) {
            return;
          }
          try {
            recordNames(record, components)
                .ifPresent(names -> write(namesWriter.write(record, names)));
          } catch (RuntimeException e) {
            messager.printMessage(
                Diagnostic.Kind.ERROR, Message.INTERNAL.format(record, e), record);
          }
        });
  }

  /** Component to Python name, or empty after reporting an invalid name. */
  private Optional<Map<String, String>> recordNames(TypeElement record, List<Element> components) {
    ValidationReport report = new ValidationReport();
    Map<String, String> names = new LinkedHashMap<>();
    for (Element component : components) {
      AnnotationMirror mirror = reader.pyName(component).orElseThrow();
      String name = reader.annotations().string(mirror, "value");
      if (!PyNames.isIdentifier(name)) {
        // javac has no source position for a record component: point at the record.
        report.report(Message.PY_NAME, record, name);
      }
      names.put(component.getSimpleName().toString(), name);
    }
    report.printTo(messager);
    return report.isClean() ? Optional.of(names) : Optional.empty();
  }

  private void write(JavaFile file) {
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      messager.printMessage(
          Diagnostic.Kind.ERROR,
          "[VenvMuxInternal] could not write " + file.typeSpec().name() + ": " + e);
    }
  }
}
