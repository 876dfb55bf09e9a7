package io.venvmux.processor.it;

import io.venvmux.annotations.PyName;
import io.venvmux.annotations.VenvModule;
import java.util.Iterator;
import java.util.stream.Stream;

/** Typed streams over the worker's stream fixture: sync and async generators. */
@VenvModule(value = "stream_mod", env = "streams")
public interface Generators {
  Stream<Long> count(int n);

  @PyName("count")
  Iterator<Long> countIterator(int n);

  Stream<Long> acount(int n);

  @PyName("acount")
  Iterator<Long> acountIterator(int n);
}
