"""`safelearn retrain`: train a suggestion model on reviewer-confirmed codes; promote it only if it is better."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from safelearn.learning.training import MIN_CONFIRMED, model_retrain


class Command(BaseCommand):
    help = "Retrain the suggestion model from reviewer-confirmed codes (+ seeds); promote only on improvement."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--min-confirmed", type=int, default=MIN_CONFIRMED, help="Skip when fewer confirmed reports than this exist"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        mv = model_retrain(actor="safelearn retrain", min_confirmed=options["min_confirmed"])
        if mv is None:
            self.stdout.write(f"Not enough confirmed reports to retrain (need {options['min_confirmed']}).")
            return
        self.stdout.write(mv.outcome)
        self.stdout.write(
            json.dumps(
                {
                    "version": mv.version,
                    "promoted": mv.promoted,
                    "scores": mv.scores,
                    "current_scores": mv.current_scores,
                    "compared_with": mv.compared_with,
                }
            )
        )
