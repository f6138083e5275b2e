"""replyassist: masked, classified, ranked reply suggestions for customer service."""

from replyassist.types import Classification, Entity, Masked, Message, Result, Suggestion

__version__ = "0.1.0"

__all__ = [
    "Assistant",
    "Classification",
    "Entity",
    "Masked",
    "Message",
    "Result",
    "Suggestion",
    "__version__",
]


def __getattr__(name: str) -> object:
    # Lazy: importing the package for its types must not load Presidio and models.
    if name == "Assistant":
        from replyassist.assistant import Assistant

        return Assistant
    raise AttributeError(f"module 'replyassist' has no attribute {name!r}")
