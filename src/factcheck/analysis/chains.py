"""How information travels: the attribution chains as a directed graph of sources.

An edge runs from a source to the source it relies on (publisher → Yonhap → broadcaster),
weighted by the number of claims that travel along it, with the cue words that mark it.
"""

from __future__ import annotations

import itertools

import networkx as nx
import pandas as pd

from factcheck.model import notation
from factcheck.storage.records import records


def edges(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per (source, target) link with how many claims use it and their cues."""
    found = []
    for claim in records(claims):
        cue = claim["attribution_cue"] if isinstance(claim["attribution_cue"], str) else None
        links = notation.links(claim["attribution"], cue)
        for outer, inner in itertools.pairwise(links):
            for source in outer.source_ids:
                for target in inner.source_ids:
                    found.append((source, target, inner.cue, claim["claim_id"]))
    frame = pd.DataFrame(found, columns=["source", "target", "cue", "claim_id"])
    grouped = frame.groupby(["source", "target"], sort=True).agg(
        claims=("claim_id", "nunique"), cues=("cue", lambda c: ", ".join(sorted(set(c))))
    )
    return grouped.reset_index()


def graph(claims: pd.DataFrame, sources: pd.DataFrame) -> nx.DiGraph:
    """The chains as a graph: nodes are the sources claims travel through, with their depth
    (0 for the publisher) and name; edges carry `claims` and `cues`."""
    digraph = nx.DiGraph()
    names = dict(zip(sources["source_id"], sources["name"], strict=True))
    for chain in claims["attribution"].tolist():
        for depth, group in enumerate(notation.levels(chain)):
            for sid in group:
                known = digraph.nodes[sid]["depth"] if sid in digraph else depth
                digraph.add_node(sid, depth=min(depth, known), name=names.get(sid, sid))
    for link in records(edges(claims)):
        digraph.add_edge(link["source"], link["target"], claims=link["claims"], cues=link["cues"])
    return digraph
