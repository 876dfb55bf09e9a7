package com.example.gen;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Python: typeddict <code>stubfix.entry.Options</code>, as <code>stubfix.entry</code>'s functions use it.
 *
 * @param depth Python: <code>depth: int</code> (may be absent)
 * @param label Python: <code>label: str</code> (may be absent)
 */
@Generated("io.venvmux.stubgen.StubGen")
public record Options(@JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Long> depth,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> label) {
}
