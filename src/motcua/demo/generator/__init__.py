"""The synthetic province generator: ``motcua generate`` and the demo data."""

from motcua.demo.generator.package import GenerationSummary, GeneratorError, generate_package

__all__ = ["GenerationSummary", "GeneratorError", "generate_package"]
