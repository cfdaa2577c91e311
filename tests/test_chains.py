"""The attribution graph: links between sources with their cues and claim counts."""

from __future__ import annotations

import pandas as pd

from factcheck import Dataset
from factcheck.analysis.chains import edges, graph


def test_edges_of_the_bundled_article(data: Dataset) -> None:
    links = edges(data.claims)
    assert links.to_dict("records") == [
        {"source": "CURRENTINDIA", "target": "KCNA", "claims": 5, "cues": "according to"},
        {"source": "CURRENTINDIA", "target": "KP-STATE-MEDIA", "claims": 2, "cues": "reported"},
        {"source": "CURRENTINDIA", "target": "KR-OFFICIALS", "claims": 2, "cues": "allege"},
        {"source": "CURRENTINDIA", "target": "US-OFFICIALS", "claims": 2, "cues": "allege"},
        {"source": "CURRENTINDIA", "target": "YONHAP", "claims": 1, "cues": "reported"},
        {"source": "YONHAP", "target": "KP-BROADCASTER", "claims": 1, "cues": "citing"},
    ]
    digraph = graph(data.claims, data.sources)
    assert digraph.nodes["KP-BROADCASTER"]["depth"] == 2
    assert digraph.nodes["CURRENTINDIA"]["name"] == "currentindia.com"
    assert set(digraph.successors("YONHAP")) == {"KP-BROADCASTER"}


def test_joint_sources_each_get_the_link() -> None:
    claims = pd.DataFrame(
        {"claim_id": ["C0001"], "attribution": ["A > B + C > D"], "attribution_cue": ["say > cite"]}
    )
    assert edges(claims)[["source", "target", "cues"]].values.tolist() == [
        ["A", "B", "say"],
        ["A", "C", "say"],
        ["B", "D", "cite"],
        ["C", "D", "cite"],
    ]
