"""Random streams of the generator."""

import random


def stream(seed: int, part: str) -> random.Random:
    """One stream per part, so that adding a part (dossiers) leaves the others unchanged."""
    return random.Random(f"motcua-demo/{seed}/{part}")
