"""The one spaCy pipeline every stage shares, loaded once per process."""

from sitrep.nlp.pipeline import MODEL_PACKAGE, load_pipeline, model_info, parse_text

__all__ = ["MODEL_PACKAGE", "load_pipeline", "model_info", "parse_text"]
