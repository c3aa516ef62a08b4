"""The model's matrix products run on numpy's OpenBLAS, one thread a process, not on
thinc's default blis (half the CPU an article on this machine: BENCHMARKS.md), and the
names it finds are the same as with blis, span for span."""

from pathlib import Path

import pytest
import spacy
from threadpoolctl import threadpool_info

from chronique.entities import EntityExtractor, Rules
from chronique.entities.rules import MODEL
from chronique.extract import paragraphs_of
from chronique.read import read_bytes

DATA = Path(__file__).resolve().parent.parent / "data"
SITE_ARTICLES = sorted((Path(__file__).resolve().parent / "fixtures" / "site").glob("*.txt"))


@pytest.fixture(scope="module")
def extractor():
    return EntityExtractor(Rules.load([DATA]))


def layers_ops(nlp):
    return {
        type(layer.ops).__name__: getattr(layer.ops, "use_blis", None) for layer in nlp.get_pipe("ner").model.walk()
    }


def spans(nlp, texts):
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]


def test_every_layer_of_the_model_multiplies_with_numpy_not_blis(extractor):
    assert layers_ops(extractor.nlp) == {"NumpyOps": False}


def test_blas_runs_one_thread_in_a_process_that_loaded_the_model(extractor):
    _ = extractor.nlp
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_the_names_found_are_those_blis_finds_span_for_span(extractor):
    assert len(SITE_ARTICLES) >= 5
    texts = [extractor._prepare(paragraphs_of(read_bytes(path, path.read_bytes()))) for path in SITE_ARTICLES]
    with_blis = spacy.load(
        MODEL, exclude=["tok2vec", "parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"]
    )
    assert layers_ops(with_blis) == {"NumpyOps": True}  # thinc's default: the comparison is a real one
    found = spans(extractor.nlp, texts)
    assert sum(map(len, found)) > 20
    assert found == spans(with_blis, texts)
