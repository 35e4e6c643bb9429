"""Named HTTP errors, all answered in one JSON shape: {"error": {"status", "code", "message", "detail"}}."""

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException


class ApiError(Exception):
    """An error the API answers on purpose, with its status and a stable code."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, detail: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}


class BadParameter(ApiError):
    code = "bad_parameter"


class MalformedQuery(ApiError):
    code = "malformed_query"


class RemoteAccessRefused(ApiError):
    code = "remote_access_refused"


class UpdateRefused(ApiError):
    status = 403
    code = "read_only"


class NotFound(ApiError):
    status = 404
    code = "not_found"


class NotAcceptable(ApiError):
    status = 406
    code = "not_acceptable"


class QueryFailed(ApiError):
    status = 500
    code = "query_failed"


class QueryTimeout(ApiError):
    status = 503
    code = "query_timeout"


class Unavailable(ApiError):
    status = 503
    code = "unavailable"


def body(status: int, code: str, message: str, detail: dict | None = None) -> dict:
    return {"error": {"status": status, "code": code, "message": message, "detail": detail or {}}}


def register(app: Flask) -> None:
    """Answer ApiError and every HTTP error in the shared JSON shape."""

    @app.errorhandler(ApiError)
    def api_error(error: ApiError):
        return jsonify(body(error.status, error.code, error.message, error.detail)), error.status

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code = (error.name or "error").lower().replace(" ", "_")
        response = jsonify(body(error.code or 500, code, error.description or error.name))
        return response, error.code or 500
