"""incidex: reports of armed attacks in, a structured, geocoded, evidence-linked incident dataset out."""

__version__ = "0.1.0"
