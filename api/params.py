"""Query parameters of a request, read and checked: a bad one is a BadParameter that names it."""

import datetime

from flask import request

from api.errors import BadParameter


def integer(name: str, default: int) -> int:
    value = request.args.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise BadParameter(f"`{name}` must be a whole number, not {value!r}.", {name: value}) from None


def date(name: str) -> datetime.date | None:
    value = request.args.get(name)
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadParameter(f"`{name}` must be a date as YYYY-MM-DD, not {value!r}.", {name: value}) from None


def choice(name: str, allowed: tuple[str, ...], default: str) -> str:
    value = request.args.get(name, default)
    if value not in allowed:
        raise BadParameter(f"`{name}` must be one of: {', '.join(allowed)}.", {name: value})
    return value
