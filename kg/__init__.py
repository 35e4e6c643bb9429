"""Knowledge graphs of who met whom, on what, when and where, from Vietnamese news."""

__version__ = "0.1.0"
