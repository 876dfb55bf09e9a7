"""The error a call can end with, other than an exception raised by the function itself."""

from __future__ import annotations

from typing import Any, Optional

NOT_FOUND = "not_found"
INVALID_JSON = "invalid_json"
BAD_ARGUMENTS = "bad_arguments"
REMOTE_EXCEPTION = "remote_exception"
IMPORT_ERROR = "import_error"


class CallError(Exception):
    """A call refused or failed for a reason the protocol names with an error code."""

    def __init__(
        self,
        code: str,
        message: str,
        type_name: str = "CallError",
        traceback_text: Optional[str] = None,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.type_name = type_name
        self.traceback_text = traceback_text
        self.extra = extra

    def to_wire(self) -> dict:
        """The "error" object of a reply."""
        error = {
            "code": self.code,
            "type": self.type_name,
            "message": self.message,
            "traceback": self.traceback_text,
        }
        error.update(self.extra)
        return error
