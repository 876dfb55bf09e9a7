"""Python side of the typed-client demo (io.venvmux.examples.typed.TypedDemo)."""
