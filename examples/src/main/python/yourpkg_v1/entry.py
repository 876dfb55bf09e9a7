def compute(n: int) -> dict:
    return {"version": "v1", "n": n}
