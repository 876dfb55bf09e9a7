package com.example.gen;

import javax.annotation.processing.Generated;

/**
 * Python: typeddict <code>stock.Level</code>, as <code>stock</code>'s functions use it.
 *
 * @param sku Python: <code>sku: str</code>
 * @param reorderAt Python: <code>reorder_at: int</code>
 */
@Generated("io.venvmux.stubgen.StubGen")
public record Level(String sku, long reorderAt) {
}
