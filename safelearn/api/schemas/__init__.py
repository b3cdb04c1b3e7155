"""The API's request and response shapes, one module per router family: ``reports`` (submission, receipts,
the reviewer's view of a report), ``review_work`` (grading, clocks, actions, feedback, conversation,
assignment), ``analytics`` (the de-identified pool, dashboard figures, open data) and ``common`` (the error
body)."""
