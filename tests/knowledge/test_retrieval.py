"""KnowledgeBase: paraphrase search, incremental refresh, removal, concurrency, persistence."""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from knowledge.retrieval.bm25 import BM25Index, tokenize
from knowledge.retrieval.chunks import DEFAULT_STRATEGY, card_chunks, paragraphs
from knowledge.retrieval.search import CONFIDENCE_THRESHOLD, KnowledgeBase

REPO = Path(__file__).resolve().parents[2]

CARDS = {
    "bezwaar-termijn": dict(
        title="Hoe lang heeft u om bezwaar te maken?",
        summary="U heeft 6 weken om bezwaar te maken tegen een besluit.",
        questions=["tot wanneer kan ik bezwaar maken", "hoeveel tijd heb ik voor bezwaar",
                   "is mijn bezwaar te laat"],
        body="U heeft 6 weken om bezwaar te maken. De 6 weken beginnen op de dag na de datum "
             "van de brief met het besluit.\n\nValt de laatste dag in het weekend of op een "
             "feestdag? Dan schuift de termijn op naar de eerstvolgende werkdag."),
    "cak-eigen-bijdrage": dict(
        title="Wat is de eigen bijdrage van het CAK?",
        summary="Voor zorg uit de Wmo of de Wlz betaalt u een eigen bijdrage aan het CAK.",
        questions=["hoeveel moet ik zelf betalen voor mijn zorg", "waarom krijg ik een rekening van het cak",
                   "hoe hoog is de eigen bijdrage"],
        body="Het CAK berekent hoeveel u zelf betaalt voor uw zorg. Dat heet de eigen bijdrage. "
             "Het bedrag hangt af van uw inkomen en uw vermogen.\n\nKlopt het bedrag niet? "
             "Dan kunt u bezwaar maken bij het CAK."),
    "pgb-wat-is": dict(
        title="Wat is een pgb?",
        summary="Met een persoonsgebonden budget (pgb) regelt en betaalt u zelf uw zorg.",
        questions=["wat is een pgb", "kan ik zelf mijn zorgverlener kiezen", "wat is een persoonsgebonden budget"],
        body="Met een pgb koopt u zelf zorg in. U kiest zelf wie u helpt. De Sociale "
             "Verzekeringsbank betaalt uw zorgverleners uit uw budget."),
    "wijkteam": dict(
        title="Wat doet het wijkteam?",
        summary="Het wijkteam van de gemeente helpt u met hulp in en om het huis.",
        questions=["wat doet het wijkteam", "wie helpt mij in mijn wijk", "sociaal team wat is dat"],
        body="In het wijkteam werken mensen van de gemeente en van zorgorganisaties. Zij "
             "praten met u over wat u nodig heeft. Daarna zoeken zij samen met u naar hulp."),
    "klacht-zorgaanbieder": dict(
        title="Klagen over de thuiszorg of het verpleeghuis",
        summary="Een klacht over een zorgaanbieder dient u in bij die zorgaanbieder zelf.",
        questions=["klacht over de thuiszorg", "ik ben niet tevreden over het verpleeghuis",
                   "waar klaag ik over een zorgverlener"],
        body="Bent u niet tevreden over de zorg van een zorgaanbieder? Dien dan eerst een klacht "
             "in bij de zorgaanbieder. Elke zorgaanbieder heeft een klachtenfunctionaris. Die "
             "helpt u gratis."),
    "mantelzorgondersteuning": dict(
        title="Hulp voor mantelzorgers",
        summary="Zorgt u voor een naaste en wordt het u te veel? De gemeente kan u helpen.",
        questions=["ik ben overbelast als mantelzorger", "wat is respijtzorg", "kan iemand de zorg even overnemen"],
        body="Mantelzorg is zorg voor een naaste. Soms is dat zwaar. De gemeente kan helpen, "
             "bijvoorbeeld met respijtzorg. Dan neemt iemand anders de zorg een tijdje over."),
}


def card_file(card_id: str, title: str, summary: str, questions: list[str], body: str) -> str:
    qs = "\n".join(f"  - {q}" for q in questions)
    return (f"---\nid: {card_id}\ntitle: {title}\nsummary: {summary}\nquestions:\n{qs}\n"
            "tags:\n  organisation: [gemeente]\n  law: [Awb]\n  route: []\n"
            "sources:\n  - law: \"Awb art. 6:7\"\naudience: both\nreviewed: 2026-11-23\n"
            f"review_by: 2027-11-23\n---\n{body}\n")


def write_card(cards_dir: Path, card_id: str, **fields) -> Path:
    path = cards_dir / f"{card_id}.md"
    path.write_text(card_file(card_id, **fields), encoding="utf-8")
    return path


@pytest.fixture
def cards_dir(tmp_path):
    d = tmp_path / "cards"
    d.mkdir()
    for cid, fields in CARDS.items():
        write_card(d, cid, **fields)
    return d


@pytest.fixture(scope="module")
def initial_vectors(tmp_path_factory, e5_model):
    """Chunk vectors of the initial cards, embedded once (a real cold build) and then
    handed to each test's fresh KnowledgeBase, so tests do not re-embed the same texts."""
    d = tmp_path_factory.mktemp("initial") / "cards"
    d.mkdir()
    for cid, fields in CARDS.items():
        write_card(d, cid, **fields)
    cold = KnowledgeBase(d, None, model=e5_model)
    assert cold.last_refresh["build"]["embedded_chunks"] == cold.last_refresh["build"]["chunks"] > 0
    return cold._snapshot.dense.cache()


@pytest.fixture
def kb(cards_dir, tmp_path, e5_model, initial_vectors):
    return KnowledgeBase(cards_dir, tmp_path / "index", model=e5_model,
                         vector_cache=dict(initial_vectors))


# ------------------------------------------------------------------------- search
@pytest.mark.parametrize("question, card_id", [
    ("hoelang mag ik wachten met bezwaar indienen tegen die beslissing", "bezwaar-termijn"),
    ("mijn moeder moet veel te veel betalen aan het cak", "cak-eigen-bijdrage"),
    ("de verzorgster van mijn vader in het verpleeghuis is onaardig, waar meld ik dat", "klacht-zorgaanbieder"),
    ("ik kan niet meer, de zorg voor mn man is me te zwaar", "mantelzorgondersteuning"),
    ("can i pick my own carer with a budget", "pgb-wat-is"),
])
def test_paraphrased_question_finds_card_in_top3(kb, question, card_id):
    hits = kb.search(question, k=3)
    assert card_id in [h.card_id for h in hits], [(h.card_id, round(h.score, 3)) for h in hits]


def test_hits_carry_card_score_and_snippet(kb):
    hits = kb.search("tot wanneer kan ik bezwaar maken tegen de brief", k=3)
    assert kb.ready and len(hits) == 3
    top = hits[0]
    assert top.card_id == "bezwaar-termijn" and top.card.id == top.card_id
    assert top.title == CARDS["bezwaar-termijn"]["title"]
    assert isinstance(top.score, float) and top.score >= CONFIDENCE_THRESHOLD
    assert top.snippet
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert kb.card("pgb-wat-is").title == "Wat is een pgb?"
    assert kb.card("bestaat-niet") is None
    assert kb.search("", k=3) == []


def test_out_of_scope_question_scores_below_the_in_scope_one(kb):
    inside = kb.search("hoeveel weken heb ik voor een bezwaar", k=1)[0].score
    outside = kb.search("wie heeft er gisteren gewonnen bij het voetbal", k=1)[0].score
    assert outside < inside


# ------------------------------------------------------------------------- refresh
def manifest(index_dir: Path) -> dict:
    return json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))


def test_edited_card_is_searchable_after_refresh_and_only_it_is_reembedded(kb, cards_dir, tmp_path):
    query = "ik zit diep in de schulden, wie helpt mij met mijn geldzorgen"
    before = {h.card_id: h.score for h in kb.search(query, k=6)}
    old_manifest = manifest(tmp_path / "index")
    embedded_before = kb.embedded_chunks_total
    assert kb.refresh() is False                     # nothing changed yet

    fields = dict(CARDS["wijkteam"])
    fields["questions"] = fields["questions"] + ["ik heb schulden en geldzorgen, wie helpt mij"]
    fields["body"] += "\n\nHeeft u schulden of geldzorgen? Ook dan helpt het wijkteam. U krijgt gratis schuldhulp."
    write_card(cards_dir, "wijkteam", **fields)

    assert kb.refresh() is True
    info = kb.last_refresh
    assert info["changed_cards"] == ["wijkteam"] and not info["added"] and not info["removed"]
    assert info["build"]["embedded_cards"] == ["wijkteam"]
    assert 0 < info["build"]["embedded_chunks"] <= 3  # the new question and paragraph(s) only
    assert kb.embedded_chunks_total - embedded_before == info["build"]["embedded_chunks"]

    hits = kb.search(query, k=3)
    assert hits[0].card_id == "wijkteam"
    assert hits[0].score > before["wijkteam"] + 0.02
    assert "schulden" in kb.card("wijkteam").body

    new_manifest = manifest(tmp_path / "index")
    changed = {cid for cid in CARDS
               if new_manifest["cards"][cid]["sha256"] != old_manifest["cards"][cid]["sha256"]}
    assert changed == {"wijkteam"}


def test_added_card_is_found_and_removed_card_disappears(kb, cards_dir):
    write_card(cards_dir, "ombudsman", title="Naar de ombudsman",
               summary="Bent u niet tevreden over hoe de gemeente uw klacht behandelde? Ga dan naar de ombudsman.",
               questions=["wanneer kan ik naar de ombudsman", "de gemeente deed niks met mijn klacht"],
               body="De ombudsman is onafhankelijk. U gaat pas naar de ombudsman als de gemeente "
                    "uw klacht eerst zelf heeft behandeld. Dat is gratis.")
    assert kb.refresh() is True
    assert kb.last_refresh["added"] == ["ombudsman"]
    assert kb.last_refresh["build"]["embedded_cards"] == ["ombudsman"]
    assert kb.search("gemeente heeft mijn klacht slecht afgehandeld, kan ik verder", k=1)[0].card_id == "ombudsman"

    (cards_dir / "pgb-wat-is.md").unlink()
    assert kb.refresh() is True
    assert kb.last_refresh["removed"] == ["pgb-wat-is"]
    assert kb.last_refresh["build"]["embedded_chunks"] == 0
    assert kb.card("pgb-wat-is") is None
    ids = [h.card_id for h in kb.search("wat is een persoonsgebonden budget", k=10)]
    assert "pgb-wat-is" not in ids and len(ids) == len(CARDS)


def test_broken_card_keeps_last_good_version(kb, cards_dir):
    (cards_dir / "wijkteam.md").write_text("geen front matter meer", encoding="utf-8")
    kb.refresh()
    assert kb.last_refresh["errors"]
    assert kb.card("wijkteam") is not None
    assert kb.search("wat doet het wijkteam", k=1)[0].card_id == "wijkteam"
    assert kb.refresh() is False          # still broken, unchanged: no rebuild on every poll
    fixed = dict(CARDS["wijkteam"], summary="Het wijkteam helpt u met hulp thuis.")
    write_card(cards_dir, "wijkteam", **fixed)
    assert kb.refresh() is True and not kb.last_refresh["errors"]
    assert kb.card("wijkteam").summary == "Het wijkteam helpt u met hulp thuis."


def test_index_is_persisted_and_reused(kb, cards_dir, tmp_path, e5_model):
    index_dir = tmp_path / "index"
    m = manifest(index_dir)
    assert m["chunking"].startswith(DEFAULT_STRATEGY)
    assert m["model"]["fingerprint"] == kb.model_info["fingerprint"]
    assert set(m["cards"]) == set(CARDS)
    assert (index_dir / "index.faiss").is_file() and (index_dir / "chunks.json").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".index") and p.is_dir()]  # no temp dirs left

    again = KnowledgeBase(cards_dir, index_dir, model=e5_model)
    assert again.last_refresh["build"]["embedded_chunks"] == 0
    q = "hoeveel moet ik zelf betalen aan het cak"
    assert [h.card_id for h in again.search(q)] == [h.card_id for h in kb.search(q)]


def test_concurrent_search_during_refresh_never_errors(kb, cards_dir):
    errors: list[BaseException] = []
    counts: list[int] = []
    stop = threading.Event()
    queries = ["hoe lang heb ik voor bezwaar", "wat doet het wijkteam", "klacht over de thuiszorg",
               "wat is een pgb", "respijtzorg aanvragen"]

    def searcher(n: int) -> None:
        i = n
        while not stop.is_set():
            try:
                hits = kb.search(queries[i % len(queries)], k=3)
                assert 1 <= len(hits) <= 3
                for h in hits:
                    assert h.card is not None and h.card.id == h.card_id
                    assert np.isfinite(h.score)
                counts.append(len(hits))
            except BaseException as exc:  # noqa: BLE001 - collected and reported below
                errors.append(exc)
            i += 1

    threads = [threading.Thread(target=searcher, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    try:
        for round_ in range(3):
            fields = dict(CARDS["bezwaar-termijn"])
            fields["body"] += f"\n\nDit is wijziging nummer {round_} van deze kaart voor de test."
            write_card(cards_dir, "bezwaar-termijn", **fields)
            assert kb.refresh() is True
            extra = cards_dir / "extra-kaart.md"
            if extra.exists():
                extra.unlink()
            else:
                write_card(cards_dir, "extra-kaart", title="Een extra kaart", summary="Alleen voor de test.",
                           questions=["testvraag"], body="Deze kaart bestaat even en verdwijnt dan weer.")
            assert kb.refresh() is True
            time.sleep(0.05)
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
    assert not errors, errors[:3]
    assert counts, "the searchers never ran"


# --------------------------------------------------------------- pieces (no model)
def test_dutch_tokenizer():
    assert tokenize("Hoeveel weken heb ik voor het bezwaar?") == ["hoeveel", "weken", "bezwaar"]
    assert tokenize("klachten") == tokenize("klacht") == ["klacht"]
    assert tokenize("Cliëntondersteuning") == tokenize("clientondersteuning")
    assert tokenize("de het een") == []


def test_bm25_normalised_scores_are_in_0_1():
    bm = BM25Index(["a", "b", "c", "d", "e"],
                   ["bezwaar maken tegen een besluit", "klacht over de thuiszorg", "wat is een pgb",
                    "hulp voor mantelzorgers", "het wijkteam van de gemeente"])
    s = bm.normalized_scores("bezwaar besluit")
    assert 0.2 < s[0] <= 1.0 and s[1] == 0.0
    assert bm.normalized_scores("paspoort verlengen").max() == 0.0
    assert bm.search("klacht thuiszorg", k=1)[0][0] == "b"


def test_chunks_of_a_card():
    from knowledge.cards_model import parse_card

    card = parse_card(card_file("wijkteam", **CARDS["wijkteam"]))
    chunks = card_chunks(card, "multi_qq")
    kinds = [c.kind for c in chunks]
    assert kinds[0] == "title" and kinds.count("question") == 3 and "body" in kinds
    assert all(c.as_query for c in chunks if c.kind == "question")
    assert chunks[0].text.startswith("Wat doet het wijkteam?")
    assert len(card_chunks(card, "card")) == 1
    assert paragraphs("Eén.\n\n- punt een\n- punt twee\n\nLaatste alinea.") == \
        ["Eén. punt een punt twee Laatste alinea."]


def test_evaluation_questions_name_existing_cards():
    """The evaluation set stays in step with the cards (renamed or removed cards)."""
    from evaluation.retrieval_eval import QUESTIONS, check_questions, load_questions
    from knowledge.cards_model import load_cards

    cards = load_cards(REPO / "knowledge" / "cards")
    questions = load_questions(QUESTIONS)
    assert sum(1 for q in questions if q["cards"]) >= 200
    assert sum(1 for q in questions if not q["cards"]) >= 30
    assert check_questions(questions, cards) == []


class BagOfWordsModel:
    """A stand-in for any local sentence-transformers model that defines no prompts."""

    prompts: dict = {}

    def __init__(self):
        self.seen_prompts = []

    def get_embedding_dimension(self):
        return 256

    def encode(self, texts, prompt=None, prompt_name=None, **kwargs):
        self.seen_prompts.append((prompt, prompt_name))
        out = np.zeros((len(texts), 256), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in tokenize(t):
                out[i, hash(w) % 256] += 1.0
        out += 1e-6
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_any_model_without_prompts_works(cards_dir, tmp_path):
    model = BagOfWordsModel()
    kb = KnowledgeBase(cards_dir, tmp_path / "index", model=model, method="dense", threshold=0.1)
    assert kb.search("respijtzorg voor de mantelzorger", k=1)[0].card_id == "mantelzorgondersteuning"
    assert set(model.seen_prompts) == {("", None)}   # no prompt, and no default prompt either
    assert kb.model_info["query_prompt"] == kb.model_info["document_prompt"] == ""
