def compute(n: int) -> dict:
    return {"version": "v2", "n": n}
