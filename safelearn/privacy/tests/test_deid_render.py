from safelearn.privacy.deid import Span, redact, render_redacted, suspicious_tokens


def test_placeholders_are_typed_and_consistent() -> None:
    text = "Jade Morgan told me. Later Jade said Mr Morgan and JADE MORGAN agreed; Lewis disagreed."
    out = redact(text).redacted_text
    assert "Jade" not in out and "Morgan" not in out and "Lewis" not in out
    assert out.count("[PERSON 1]") == 4
    assert "[PERSON 2]" in out


def test_render_arbitrary_spans_from_reviewer() -> None:
    text = "Ann rang 07700 900123 on 3/4/2024 about Leafy Primary and Ann."
    spans = [
        Span(0, 3, "PERSON"),
        Span(9, 21, "PHONE"),
        Span(25, 33, "DATE"),
        Span(40, 53, "SCHOOL"),
        Span(58, 61, "PERSON"),
        Span(9, 12, "PHONE"),  # overlapping span added by a reviewer
    ]
    out = render_redacted(text, spans)
    assert out == "[PERSON 1] rang [PHONE] on [DATE] about [SCHOOL] and [PERSON 1]."


def test_every_label_has_a_placeholder() -> None:
    text = "abcdefghijklmnopqrstuvwxyz"
    labels = ["ADDRESS", "POSTCODE", "EMAIL", "NHS_NUMBER", "NI_NUMBER", "CASE_REF", "ORG_LOCAL"]
    spans = [Span(i * 2, i * 2 + 1, lab) for i, lab in enumerate(labels)]
    spans += [Span(20, 21, "VEHICLE_REG"), Span(22, 23, "URL_OR_HANDLE")]
    out = render_redacted(text, spans)
    for p in ["[ADDRESS]", "[POSTCODE]", "[EMAIL]", "[NHS NUMBER]", "[NI NUMBER]", "[CASE REF]", "[PLACE]"]:
        assert p in out
    assert "[VEHICLE REG]" in out and "[HANDLE]" in out


def test_render_ignores_empty_and_out_of_range_spans() -> None:
    assert render_redacted("abc", [Span(2, 2, "DATE"), Span(5, 9, "DATE")]) == "abc"
    assert render_redacted("", []) == ""


def test_suspicious_tokens_flags_unredacted_names() -> None:
    text = "The worker met Tamsin at home and then saw Olufemi."
    flagged = [text[s.start : s.end] for s in suspicious_tokens(text, [])]
    assert "Tamsin" in flagged and "Olufemi" in flagged
    assert "The" not in flagged and "worker" not in flagged
    # once redacted, they are no longer suspicious
    assert suspicious_tokens(text, list(redact(text).spans)) == []
