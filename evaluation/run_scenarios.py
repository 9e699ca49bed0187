"""Run the conversation scenarios in evaluation/scenarios/ against a running Wegwijs API.

Usage (from the repository root, with the API running and WEGWIJS_TODAY=2026-11-23):

    .venv/bin/python -m evaluation.run_scenarios [--base-url http://127.0.0.1:8000]
        [--only NAME] [--files GLOB] [--min-pass-rate 0.9] [--timeout 30]

For each scenario: POST /api/conversations {"locale": "nl"} (with the header
X-Wegwijs-Staff-Available: true|false), then POST /api/conversations/{id}/messages with
{"text": ...} or {"payload": ...} per turn. The final `state` is compared with `expect`
(all six fields of docs/contracts.md), every `expect_text` phrase must occur in the
bot's replies (any turn; case-insensitive, whitespace collapsed) and no `forbid_text` phrase
may occur in them (a legally wrong hint, e.g. the suicide line for someone without such signals).

One line per miss, then "scenarios: N passed, M failed, pass rate X%". Exit code 0 when
the pass rate is at least --min-pass-rate, 1 when below, 2 on invalid scenario files or
when no scenario is selected.

`load_scenarios(paths)` and `run_scenario(client, scenario)` are importable for tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import re
import sys
from pathlib import Path
from typing import Any, Iterable

import httpx
import yaml

from knowledge.i18n import LOCALES  # a scenario's widget language (`locale`, default nl)

REPO_ROOT = Path(__file__).resolve().parent.parent
SCENARIO_DIR = REPO_ROOT / "evaluation" / "scenarios"
DEFAULT_GLOB = str(SCENARIO_DIR / "*.yml")
STAFF_HEADER = "X-Wegwijs-Staff-Available"

# docs/contracts.md, "Conversation state (public API)"
STATE_FIELDS = ("route", "organisation", "decision_date", "deadline", "asking_for", "handoff")
DATE_FIELDS = ("decision_date", "deadline")
ALLOWED_VALUES: dict[str, set[str | None]] = {
    "route": {"klacht", "bezwaar", "klacht_en_bezwaar", "ingebrekestelling", "aanvraag", None},
    "organisation": {
        "gemeente", "ciz", "zorgkantoor", "cak", "svb", "zorgverzekeraar",
        "zorgaanbieder", "ombudsman", "rechtbank", None,
    },
    "asking_for": {"self", "relative", None},
    "handoff": {"none", "offered", "waiting", "active", "callback", "closed"},
}
SCENARIO_KEYS = {"name", "source", "staff_available", "locale", "turns", "expect", "expect_text", "forbid_text"}
REQUIRED_KEYS = {"name", "source", "turns", "expect"}
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_REPLY_CHARS = 1500


class ScenarioError(ValueError):
    """A scenario file is malformed; the message says which file, scenario and field."""


# --------------------------------------------------------------------------- loading


def load_scenarios(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """Load and validate scenario files; return normalised scenarios in file order.

    Each scenario is a dict with name, source, staff_available (bool), turns (list of
    {"text": str} or {"payload": str}), expect (six fields, dates as ISO strings or None),
    expect_text (list of str) and file (path). Raises ScenarioError on any problem.
    """
    scenarios: list[dict[str, Any]] = []
    seen: dict[str, str] = {}
    for path in paths:
        path = Path(path)
        for index, raw in enumerate(_read_list(path)):
            where = f"{path.name}[{index}]"
            scenario = validate_scenario(raw, where)
            scenario["file"] = str(path)
            name = scenario["name"]
            if name in seen:
                raise ScenarioError(f"{where}: duplicate scenario name {name!r} (also in {seen[name]})")
            seen[name] = path.name
            scenarios.append(scenario)
    return scenarios


def _read_list(path: Path) -> list[Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, ValueError) as exc:  # ValueError: e.g. 2026-13-01
        raise ScenarioError(f"{path}: cannot read YAML: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise ScenarioError(f"{path}: the file must be a YAML list of scenarios")
    return data


def validate_scenario(raw: Any, where: str) -> dict[str, Any]:
    """Check one raw scenario and return it normalised (see load_scenarios)."""
    if not isinstance(raw, dict):
        raise ScenarioError(f"{where}: a scenario must be a mapping")
    name = raw.get("name")
    if isinstance(name, str):
        where = f"{where} {name!r}"
    unknown = set(raw) - SCENARIO_KEYS
    if unknown:
        raise ScenarioError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(SCENARIO_KEYS)}")
    missing = REQUIRED_KEYS - set(raw)
    if missing:
        raise ScenarioError(f"{where}: missing keys {sorted(missing)}")
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise ScenarioError(f"{where}: name must be lowercase a-z, 0-9 and hyphens, got {name!r}")
    if not isinstance(raw["source"], str) or not raw["source"].strip():
        raise ScenarioError(f"{where}: source must be a non-empty string citing routes.md or a seed")
    staff = raw.get("staff_available", True)
    if not isinstance(staff, bool):
        raise ScenarioError(f"{where}: staff_available must be true or false, got {staff!r}")
    locale = raw.get("locale", "nl")
    if locale not in LOCALES:
        raise ScenarioError(f"{where}: locale must be one of {LOCALES}, got {locale!r}")
    return {
        "name": name,
        "source": raw["source"],
        "staff_available": staff,
        "locale": locale,
        "turns": _validate_turns(raw["turns"], where),
        "expect": _validate_expect(raw["expect"], where),
        "expect_text": _validate_expect_text(raw.get("expect_text", []), where),
        "forbid_text": _validate_expect_text(raw.get("forbid_text", []), where),
    }


def _validate_turns(turns: Any, where: str) -> list[dict[str, str]]:
    if not isinstance(turns, list) or not turns:
        raise ScenarioError(f"{where}: turns must be a non-empty list")
    result = []
    for i, turn in enumerate(turns):
        if not isinstance(turn, dict) or len(turn) != 1 or not set(turn) <= {"text", "payload"}:
            raise ScenarioError(f"{where}: turn {i + 1} must have exactly one key, text or payload: {turn!r}")
        (key, value), = turn.items()
        if not isinstance(value, str) or not value.strip():
            raise ScenarioError(f"{where}: turn {i + 1} {key} must be a non-empty string")
        result.append({key: value})
    return result


def _validate_expect(expect: Any, where: str) -> dict[str, str | None]:
    if not isinstance(expect, dict):
        raise ScenarioError(f"{where}: expect must be a mapping with the six state fields")
    missing = [f for f in STATE_FIELDS if f not in expect]
    extra = sorted(set(expect) - set(STATE_FIELDS))
    if missing or extra:
        raise ScenarioError(
            f"{where}: expect must have exactly {list(STATE_FIELDS)}; missing {missing}, unknown {extra}"
        )
    result: dict[str, str | None] = {}
    for field in STATE_FIELDS:
        value = expect[field]
        if field in DATE_FIELDS:
            result[field] = _iso_date_or_none(value, f"{where}: expect.{field}")
        elif value not in ALLOWED_VALUES[field]:
            allowed = sorted(str(v) if v is not None else "null" for v in ALLOWED_VALUES[field])
            raise ScenarioError(f"{where}: expect.{field} = {value!r} is not one of {allowed}")
        else:
            result[field] = value
    return result


def _iso_date_or_none(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        raise ScenarioError(f"{where}: must be a date (YYYY-MM-DD), not a date-time: {value!r}")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and ISO_DATE_RE.match(value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise ScenarioError(f"{where}: must be an ISO date YYYY-MM-DD or null, got {value!r}")


def _validate_expect_text(phrases: Any, where: str) -> list[str]:
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise ScenarioError(f"{where}: expect_text must be a list of non-empty strings")
    return list(phrases)


# --------------------------------------------------------------------------- running


def create_conversation(client: httpx.Client, staff_available: bool, locale: str = "nl") -> str:
    """Start a conversation in the widget's language; the header tells the API whether a staff member is online."""
    response = client.post(
        "/api/conversations",
        json={"locale": locale},
        headers={STAFF_HEADER: "true" if staff_available else "false"},
    )
    response.raise_for_status()
    conversation_id = response.json().get("id")
    if conversation_id in (None, ""):
        raise ValueError(f"create conversation: no id in response {response.text[:300]!r}")
    return str(conversation_id)


def send_turn(client: httpx.Client, conversation_id: str, turn: dict[str, str]) -> dict[str, Any]:
    """Send one citizen turn ({"text": ...} or {"payload": ...}); return the JSON body."""
    response = client.post(f"/api/conversations/{conversation_id}/messages", json=turn)
    response.raise_for_status()
    body = response.json()
    if not isinstance(body, dict):
        raise ValueError(f"message response is not a JSON object: {response.text[:300]!r}")
    return body


def reply_texts(body: dict[str, Any]) -> list[str]:
    """The texts of the bot messages in one response (messages without text are skipped)."""
    texts = []
    for message in body.get("messages") or []:
        if isinstance(message, dict) and isinstance(message.get("text"), str):
            texts.append(message["text"])
    return texts


def compare_state(expect: dict[str, str | None], state: Any) -> list[tuple[str, Any, Any]]:
    """(field, expected, actual) for every field that differs; also missing/extra fields."""
    if not isinstance(state, dict):
        return [("state", "an object with the six fields", state)]
    diffs: list[tuple[str, Any, Any]] = []
    for field in STATE_FIELDS:
        actual = state.get(field, "<missing>")
        if actual != expect[field]:
            diffs.append((field, expect[field], actual))
    for field in sorted(set(state) - set(STATE_FIELDS)):
        diffs.append((field, "<no such field>", state[field]))
    return diffs


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def missing_phrases(phrases: list[str], replies: list[str]) -> list[str]:
    """The expected phrases that occur in none of the replies.

    Case-insensitive, whitespace collapsed, and starting at a word start, so that
    "9 december 2026" is not found inside "29 december 2026". A phrase that ends in a digit
    must end a word too ("113" is not in "1130"); one that ends in a letter may be a word's
    stem, as the held-out README suggests ("cliëntondersteun" is in "cliëntondersteuner").
    """
    haystack = _normalise(" \n ".join(replies))
    return [p for p in phrases if not re.search(_phrase_pattern(p), haystack)]


def _phrase_pattern(phrase: str) -> str:
    normalised = _normalise(phrase)
    end = "" if normalised[-1:].isalpha() else r"(?!\w)"
    return r"(?<!\w)" + re.escape(normalised) + end


def format_replies(replies_per_turn: list[list[str]]) -> str:
    parts = [f"[{i}] " + " / ".join(" ".join(t.split()) for t in texts)
             for i, texts in enumerate(replies_per_turn, start=1)]
    joined = " ".join(parts) or "(no replies)"
    if len(joined) > MAX_REPLY_CHARS:
        joined = joined[:MAX_REPLY_CHARS] + " …"
    return joined


def _miss(name: str, what: str, expected: Any, actual: Any, replies: str) -> str:
    return f"MISS {name} | {what}: expected {_show(expected)}, got {_show(actual)} | bot: {replies}"


def _show(value: Any) -> str:
    if value is None:
        return "null"
    return value if isinstance(value, str) else repr(value)


def run_scenario(client: httpx.Client, scenario: dict[str, Any]) -> list[str]:
    """Play one scenario against the API; return one line per miss (empty list = pass)."""
    name = scenario["name"]
    replies_per_turn: list[list[str]] = []
    body: dict[str, Any] = {}
    try:
        conversation_id = create_conversation(client, scenario["staff_available"], scenario["locale"])
        for turn in scenario["turns"]:
            body = send_turn(client, conversation_id, turn)
            replies_per_turn.append(reply_texts(body))
    except (httpx.HTTPError, ValueError) as exc:
        detail = exc
        if isinstance(exc, httpx.HTTPStatusError):
            detail = f"HTTP {exc.response.status_code} {exc.response.text[:300]!r}"
        turn_no = len(replies_per_turn) + 1
        return [_miss(name, "http", f"a valid response at turn {turn_no}", str(detail),
                      format_replies(replies_per_turn))]

    replies = format_replies(replies_per_turn)
    misses = [_miss(name, field, exp, act, replies)
              for field, exp, act in compare_state(scenario["expect"], body.get("state"))]
    all_texts = [t for texts in replies_per_turn for t in texts]
    misses += [_miss(name, "expect_text", phrase, "not in any reply", replies)
               for phrase in missing_phrases(scenario["expect_text"], all_texts)]
    forbidden = set(scenario.get("forbid_text", [])) - set(missing_phrases(scenario.get("forbid_text", []), all_texts))
    misses += [_miss(name, "forbid_text", f"no {phrase!r}", "found in a reply", replies)
               for phrase in scenario.get("forbid_text", []) if phrase in forbidden]
    return misses


# --------------------------------------------------------------------------- command line


def resolve_files(pattern: str) -> list[Path]:
    """Files matching the glob; a relative glob is tried from the cwd, then the repo root."""
    matches = sorted(glob.glob(pattern))
    if not matches and not Path(pattern).is_absolute():
        matches = sorted(glob.glob(str(REPO_ROOT / pattern)))
    return [Path(m) for m in matches]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Run Wegwijs conversation scenarios against the API.")
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="run only this scenario (may be repeated)")
    parser.add_argument("--files", default=DEFAULT_GLOB, metavar="GLOB",
                        help="scenario files (default: evaluation/scenarios/*.yml)")
    parser.add_argument("--min-pass-rate", type=float, default=0.9)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per HTTP request")
    parser.add_argument("--check", action="store_true",
                        help="only validate the scenario files (no server needed)")
    return parser.parse_args(argv)


def select(scenarios: list[dict[str, Any]], only: list[str] | None) -> list[dict[str, Any]]:
    if not only:
        return scenarios
    unknown = set(only) - {s["name"] for s in scenarios}
    if unknown:
        raise ScenarioError(f"--only: no scenario named {sorted(unknown)}")
    return [s for s in scenarios if s["name"] in set(only)]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    files = resolve_files(args.files)
    try:
        if not files:
            raise ScenarioError(f"no scenario files match {args.files!r}")
        scenarios = select(load_scenarios(files), args.only)
    except ScenarioError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not scenarios:
        print("error: no scenarios selected", file=sys.stderr)
        return 2
    if args.check:
        print(f"{len(scenarios)} scenarios in {len(files)} files are valid")
        return 0

    failed = 0
    per_file: dict[str, list[int]] = {}
    with httpx.Client(base_url=args.base_url, timeout=args.timeout) as client:
        for scenario in scenarios:
            misses = run_scenario(client, scenario)
            counts = per_file.setdefault(Path(scenario["file"]).name, [0, 0])
            counts[1] += 1
            if misses:
                failed += 1
                for line in misses:
                    print(line)
            else:
                counts[0] += 1
            sys.stdout.flush()

    for file_name, (ok, total) in sorted(per_file.items()):
        print(f"  {file_name}: {ok}/{total} passed")
    total = len(scenarios)
    passed = total - failed
    rate = passed / total
    print(f"scenarios: {passed} passed, {failed} failed, pass rate {rate * 100:.1f}%")
    return 0 if rate >= args.min_pass_rate else 1


if __name__ == "__main__":
    sys.exit(main())
