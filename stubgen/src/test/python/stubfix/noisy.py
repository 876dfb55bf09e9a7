"""Prints on stdout while importing; the description must still come through intact."""

print("hello from the import")


def shout(text: str) -> str:
    print("shouting", text)
    return text.upper()
