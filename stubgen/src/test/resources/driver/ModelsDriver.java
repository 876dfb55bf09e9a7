package com.example.gen;

import io.venvmux.Pool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Written against the interface stubgen generates for stubfix.models. */
public final class ModelsDriver implements Function<Pool, Map<String, String>> {
  @Override
  public Map<String, String> apply(Pool pool) {
    Models models = pool.bind(Models.class);
    List<Item> items =
        List.of(
            new Item("a", 2, 3.0, Optional.empty()), new Item("b", 3, 0.5, Optional.of("cheap")));
    Map<String, String> r = new LinkedHashMap<>();
    r.put("total", Double.toString(models.total(items)));
    r.put("cheapest", models.cheapest(items).toString());
    r.put("event", models.event().toString());
    return r;
  }
}
