package com.example.gen;

import io.venvmux.Pool;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Written against the interface stubgen generates for stubfix.entry, compiled with it: if stubgen's
 * output changes shape, this stops compiling. Returns what each call gave, as text.
 */
public final class Driver implements Function<Pool, Map<String, String>> {
  @Override
  public Map<String, String> apply(Pool pool) {
    Entry entry = pool.bind(Entry.class);
    Map<String, String> r = new LinkedHashMap<>();
    Shape shape = entry.makeShape("sq", Color.DARK_BLUE, 3);
    r.put(
        "makeShape",
        shape.name()
            + " "
            + shape.color()
            + " "
            + shape.corners()
            + " "
            + shape.created()
            + " "
            + Arrays.toString(shape.data())
            + " "
            + shape.note()
            + " "
            + shape.userId()
            + " "
            + shape.tags());
    r.put("describeShape", entry.describeShape(shape));
    r.put("find", entry.find("one") + " " + entry.find("none"));
    r.put("spanOf", entry.spanOf(List.of(3L, 1L, 2L)).toString());
    r.put(
        "configure",
        entry
            .configure(new Options(Optional.of(2L), Optional.empty()), Set.of(Level.HIGH))
            .toString());
    r.put("mixed", entry.mixed(Mixed.NAMED) + " " + entry.mixed(Mixed.NUMBERED));
    r.put(
        "opposite",
        entry.opposite(Corner.TOP_LEFT) + " " + entry.opposite(Corner.BOTTOM_RIGHT).value());
    r.put("pair", entry.pair("k", 2).toString());
    r.put(
        "until",
        entry.until(
            LocalDate.of(2024, 1, 1),
            Duration.ofHours(25),
            new BigDecimal("1.50"),
            UUID.fromString("12345678-1234-5678-1234-567812345678"),
            Path.of("/srv/data")));
    r.put("httpStatus", entry.httpStatus(204) + " " + entry.httpStatus(404));
    r.put("scale", entry.scale(List.of(1.0, 2.5), 3.0).toString());
    r.put("head", Long.toString(entry.head(0, 5)));
    r.put("later", entry.later(0.0));
    r.put("blob", Arrays.toString(entry.blob(new byte[] {1, 2, -1})));
    entry.choose("fast", 1, null);
    r.put("choose", "returned");
    r.put("makeShapeAsync", entry.makeShapeAsync("tri", Color.RED, 1).join().color().value());
    return r;
  }
}
