"""The knowledge-card checker: `python -m knowledge.checker`, or check_text() for live feedback."""
from .problems import Problem
from .readability import check_text
from .runner import CardReport, CheckResult, check_card, check_cards

__all__ = ["Problem", "check_text", "check_card", "check_cards", "CardReport", "CheckResult"]
