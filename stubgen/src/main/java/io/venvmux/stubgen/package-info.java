/**
 * stubgen: describes a Python module in its env ({@link io.venvmux.stubgen.ModuleDescription}) and
 * writes the sources of its typed Java client; {@link io.venvmux.stubgen.StubGen} is the command
 * line.
 */
@NullMarked
package io.venvmux.stubgen;

import org.jspecify.annotations.NullMarked;
