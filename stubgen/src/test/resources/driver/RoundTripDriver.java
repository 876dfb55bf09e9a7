package com.example.gen;

import io.venvmux.Pool;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Written against the interface stubgen generates for stubfix.roundtrip with default options. */
public final class RoundTripDriver implements Function<Pool, Map<String, String>> {
  @Override
  public Map<String, String> apply(Pool pool) {
    Roundtrip rt = pool.bind(Roundtrip.class);
    Map<String, String> r = new LinkedHashMap<>();
    r.put("stamp", rt.stamp(1).toString());
    r.put("now", Boolean.toString(rt.now().getYear() >= 2024));
    r.put("shift", rt.shift(LocalDateTime.of(2024, 6, 1, 23, 0), 2).toString());
    r.put("rawPayload", String.valueOf(rt.rawPayload(List.of(1, "a"))));
    r.put("users", rt.users(1) + " " + rt.users(1, 3) + " " + rt.users(0, 1, "u"));
    r.put("kinds", rt.kinds(1, "y", true));
    r.put("relabel", new TreeMap<>(rt.relabel(Map.of(1L, "a", 2L, "b"))).toString());
    Page<User> page = rt.userPage(2);
    r.put("userPage", page.toString());
    r.put("oldest", rt.oldest(page).toString());
    r.put("retag", rt.retag(new Tagged(1, java.util.Optional.empty())).toString());
    r.put(
        "toggle",
        rt.toggle(EnumSet.of(Perm.R, Perm.W))
            + " "
            + rt.toggle(EnumSet.of(Perm.X))
            + " "
            + rt.toggle(EnumSet.noneOf(Perm.class))
            + " "
            + rt.toggle(EnumSet.allOf(Perm.class)));
    r.put("permNames", rt.permNames(EnumSet.of(Perm.R, Perm.X)).toString());
    r.put("noPerms", rt.noPerms().toString());
    r.put("accessOf", rt.accessOf(EnumSet.of(Perm.W)) + " " + rt.accessOf(EnumSet.of(Perm.R)));
    return r;
  }
}
