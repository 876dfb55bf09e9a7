/**
 * stubgen: describes a Python module in its env ({@link io.venvmux.stubgen.ModuleDescription}) and
 * writes its typed Java client sources ({@link io.venvmux.stubgen.StubRenderer}); {@link
 * io.venvmux.stubgen.StubGen} is the command line.
 */
@NullMarked
package io.venvmux.stubgen;

import org.jspecify.annotations.NullMarked;
