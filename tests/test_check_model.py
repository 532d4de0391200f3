"""The shipped sentence classifier: trained on the corpus in the repository, small, pure Python."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from amends.check.classifier import MODEL_FILE, model
from amends.check.corpus import digest, labels_of, load_split

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT / "training" / "check" / "train"
EVAL = ROOT / "training" / "check" / "eval"


def _model_file() -> Path:
    return Path(str(resources.files("amends.data").joinpath(MODEL_FILE)))


def test_shipped_model_was_trained_on_the_corpus_as_it_is_now() -> None:
    # Edit a training sentence and this fails until `python3 tasks.py train` is run.
    recorded = model().meta["corpus_sha256"]
    assert recorded == digest(TRAIN), "the corpus changed: run `python3 tasks.py train`"


def test_runtime_reproduces_the_recorded_training_accuracy() -> None:
    m = model()
    sentences = load_split(TRAIN, m.labels)
    assert len(sentences) == m.meta["sentences"]
    exact = sum(m.predict(s.text) == s.labels for s in sentences) / len(sentences)
    assert round(exact, 4) == m.meta["exact_match"]
    assert exact > 0.95


def test_model_labels_are_the_corpus_files_and_the_file_is_small() -> None:
    assert model().labels == labels_of(TRAIN) == labels_of(EVAL)
    assert _model_file().stat().st_size < 1_000_000
    data = json.loads(_model_file().read_text("utf-8"))
    assert set(data["thresholds"]) == set(data["labels"])


def test_corpus_is_large_varied_and_its_splits_do_not_overlap() -> None:
    train = load_split(TRAIN, model().labels)
    held = load_split(EVAL, model().labels)
    assert len(train) + len(held) >= 2000
    seen = {s.text.lower() for s in train}
    assert not [s.source for s in held if s.text.lower() in seen]
    for label in model().labels:
        assert sum(label in s.labels for s in train) >= 50, label
        assert sum(label in s.labels for s in held) >= 10, label


def test_runtime_never_imports_a_heavy_ml_stack() -> None:
    code = (
        "import sys\n"
        "from amends.check import check_text\n"
        "check_text('Sorry, it wasnt my fault, your link was broken.')\n"
        "heavy = sorted(m for m in ('numpy', 'sklearn', 'scipy', 'torch') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


def test_same_features_for_the_voices_people_write_in() -> None:
    from amends.check.features import features

    assert features("It wasn't my fault") == features("it wasnt my fault")
    assert features("It wasn’t my fault.") == features("IT WASNT MY FAULT.")
    assert features("at 10:00") == features("at 11:30")


_SENTENCE_BITS = [
    "so sorry",
    " i missed it",
    ", ",
    "; ",
    ": ",
    " - ",
    " \u2014 ",
    "...",
    " the link u sent never loaded",
    " wasn't",
    " 10:30",
    "!",
    "?",
    " Zoë",
    " İstanbul",
    " (add two times here)",
    "  ",
    " can we do tues",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_BITS), min_size=1, max_size=12).map("".join))
def test_clause_readings_summed_from_the_sentence_equal_scoring_each_clause(text: str) -> None:
    """The whole sentence and each clause score exactly as their own text does."""
    from amends.check.features import tokens
    from amends.check.reading import clause_pieces, clauses, read_sentences

    m = model()
    pieces, made, texts = clause_pieces(text)
    assert "".join(pieces) == text
    assert texts == clauses(text)
    expected = [m.scores(text), *(m.scores(c) for c in clauses(text))]
    assert m.read_pieces([tokens(piece) for piece in pieces], made) == expected
    # and read in place, inside a longer text, from the draft's one normalised copy
    framed = f"Hi,\n{text}\nBye"
    assert read_sentences(framed, [(4, 4 + len(text))]) == {(4, 4 + len(text)): expected}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_BITS), min_size=1, max_size=12).map("".join))
def test_tokens_found_in_the_drafts_one_token_text_are_each_parts_own(text: str) -> None:
    from amends.check.features import token_text, tokens, tokens_in

    framed = f"Dear Dana,\n{text}\nBest"
    prepared = token_text(framed)
    if prepared is None:  # a lower case of another length: each part is normalised alone
        assert "\u0130" in text
        return
    assert len(prepared) == len(framed)
    for start in range(0, len(framed), 3):
        for end in range(start, len(framed) + 1, 4):
            assert tokens_in(prepared, start, end) == tokens(framed[start:end])


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=-(2**31), max_value=2**31), st.floats(0.0, 1.0))
def test_a_score_reaches_its_cut_exactly_when_its_logit_reaches_the_thresholds(
    score: int, probability: float
) -> None:
    m = model()
    for i, label in enumerate(m.labels):
        logit_reached = m.logits(tuple([score] * len(m.labels)))[i] >= m.logit_cut(
            label, probability
        )
        assert (score >= m.score_cut(label, probability)) == logit_reached


def test_scores_are_the_sums_of_every_features_weights() -> None:
    from amends.check.features import bucket, features

    m = model()

    def summed(text: str) -> tuple[int, ...]:
        totals = [0] * len(m.labels)
        for f in features(text):
            weights = m._read(m.table.get(bucket(f), 0))
            totals = [t + w for t, w in zip(totals, weights, strict=True)]
        return tuple(totals)

    from amends.check.features import tokens

    for text in ("It wasnt my fault, your recruiter sent the wrong link.", "sorry " * 50):
        assert m.scores(text) == summed(text)
        # the label-by-label sum a wall of text takes, lest a packed field overflow
        assert m._exact(tokens(text)) == summed(text)
    assert m._fits(["sorry"] * 400)
    assert not m._fits(["x" * 6_000_000])
