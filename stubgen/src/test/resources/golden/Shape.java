package com.example.gen;

import io.venvmux.annotations.PyName;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * A named shape.
 *
 * <p>Python: dataclass <code>stubfix.entry.Shape</code>, as <code>stubfix.entry</code>'s functions use it.
 *
 * @param name Python: <code>name: str</code>
 * @param color Python: <code>color: Color</code>
 * @param corners Python: <code>corners: list[Point]</code>
 * @param created Python: <code>created: datetime</code>
 * @param data Python: <code>data: bytes</code>
 * @param note Python: <code>note: Optional[str]</code> (has a default in Python)
 * @param userId Python: <code>user_ID: int</code> (has a default in Python)
 * @param tags Python: <code>tags: dict[str, int]</code> (has a default in Python)
 */
@Generated("io.venvmux.stubgen.StubGen")
public record Shape(String name, Color color, List<Point> corners, OffsetDateTime created,
    byte[] data, Optional<String> note, @PyName("user_ID") long userId, Map<String, Long> tags) {
}
