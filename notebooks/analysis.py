# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # What the article says, who says it, and what holds
#
# Six questions about one article of the dataset, each answered with a figure or a table and
# a sentence or two that reads it. Everything comes through `factcheck.load_dataset()`, which
# validates the files first; every computation and figure lives in the package
# (`voices`, `chains`, `timeline`, `coverage`, `figures`), so the same notebook works for the
# next article: change `ARTICLE` below.
#
# Re-run it, outputs and figures included, with `python notebooks/run.py` in an environment
# that has the `notebook` extra (see notebooks/README.md).

# %%
# %matplotlib inline
import os
from html import escape
from pathlib import Path

import pandas as pd
from IPython.display import HTML, Markdown, display

import factcheck
from factcheck.analysis import chains, coverage, figures, palette, timeline, voices
from factcheck.model.vocabularies import ArticleRating

data = factcheck.load_dataset()  # in a checkout, the checkout's own files
ARTICLE = data.articles["article_id"].iloc[0]
article = data.articles.set_index("article_id").loc[ARTICLE]
text = data.texts[ARTICLE]
claims = data.claims[data.claims["article_id"] == ARTICLE].reset_index(drop=True)
names = dict(zip(data.sources["source_id"], data.sources["name"], strict=True))
source_colors = palette.source_colors(data.sources)

shares = voices.shares(text, claims)
voice_colors = palette.voice_colors(list(shares.index), source_colors)
labels = {voice: voices.label(voice, names) for voice in shares.index}
voice_of = claims["attribution"].map(labels)

display(
    Markdown(
        f"**{article['title']}** ({article['published_on']:%d %B %Y}), {len(text):,} characters, "
        f"{len(claims)} claims from {claims['attribution'].nunique()} voices."
    )
)

# %% [markdown]
# The fact-checker's assessment of the article, as its editor wrote it in `articles.csv`
# (`rating` on the scale of `factcheck.model.vocabularies.ArticleRating`), with the claims it
# rests on.

# %%
if pd.isna(article["rating"]):
    display(Markdown("The assessment of this article is not written yet."))
else:
    rating = ArticleRating.of(article["rating"])
    ids = [] if pd.isna(article["key_findings"]) else article["key_findings"].split(" ")
    findings = claims.set_index("claim_id").loc[ids]
    # HTML with the editor's words escaped: as Markdown, a `*` or `<` in a cell would be read
    # as markup
    display(
        HTML(
            f"<p><strong>{rating.words} credibility</strong> ({escape(rating.definition)}) "
            f"{escape(article['assessment'])} Reviewed by {escape(article['reviewed_by'])}, "
            f"{article['reviewed_on']:%d %B %Y}.</p>"
        )
    )
    display(findings[["verdict", "claim"]])

# %% [markdown]
# ## 1. Whose voice is it?
#
# Each claim's span, coloured by who the article says the claim comes from. Where spans
# overlap, the more deeply attributed voice is shown.

# %%
spans = voices.runs(text, claims)
fig = figures.highlighted_text(text, spans, voice_colors, labels)
if os.environ.get("FACTCHECK_FIGURES"):  # set by notebooks/run.py, which regenerates it
    fig.savefig(Path(os.environ["FACTCHECK_FIGURES"]) / "voices.png", dpi=110)
fig

# %% [markdown]
# The same rendering as HTML, for Jupyter (hover over a span for its voice):

# %%
HTML(voices.to_html(text, spans, voice_colors, labels))

# %%
figures.voice_shares(shares, voice_colors, labels)

# %%
own = shares.loc[article["publisher_source_id"]]
display(
    shares.rename(index=labels).assign(
        claim_share=shares["claim_share"].map("{:.0%}".format).to_numpy(),
        character_share=shares["character_share"].map("{:.0%}".format).to_numpy(),
    )
)
display(
    Markdown(
        f"The outlet speaks in its own voice for {own['claim_share']:.0%} of the claims and "
        f"{own['character_share']:.0%} of the claimed text; the other "
        f"{1 - own['claim_share']:.0%} of claims are attributed, "
        f"{int(shares['claims'].drop(article['publisher_source_id']).max())} at most to any "
        "one voice."
    )
)

# %% [markdown]
# ## 2. What kinds of claims does each source carry?

# %%
types = pd.crosstab(voice_of, claims["claim_type"], dropna=False)
figures.claim_types(types, "Claim type by voice")

# %%
display(types)
attributed = types.drop(labels[article["publisher_source_id"]])
display(
    Markdown(
        f"All {int(types['analysis_or_opinion'].sum())} analyses and opinions are the outlet's "
        f"own; the attributed claims are {int(attributed.sum().sum())} reports of events, "
        "attributes, times and expectations."
        if attributed["analysis_or_opinion"].sum() == 0
        else "Some analysis is attributed to a source rather than to the outlet."
    )
)

# %% [markdown]
# ## 3. What holds?

# %%
by_voice = pd.crosstab(voice_of, claims["verdict"], dropna=False)
figures.verdicts(by_voice, "Verdicts by voice")

# %%
by_type = pd.crosstab(claims["claim_type"], claims["verdict"], dropna=False)
figures.verdicts(by_type, "Verdicts by claim type")

# %%
# who each verdict rests on: the publishers of the evidence that takes a side (a page's
# originator in place of its publisher), each story once
independent = data.independent_publishers().set_index("claim_id")
checked = claims[claims["verdict"].notna() & (claims["verdict"] != "not_checkable")]
flagged = checked[checked["verdict"] != "supported"]
table = flagged[["claim_id", "verdict", "claim", "verdict_rationale"]].assign(
    publishers=[", ".join(independent.loc[c, "names"]) for c in flagged["claim_id"]]
)
with pd.option_context("display.max_colwidth", None):
    display(table.set_index("claim_id"))
counts = checked["verdict"].value_counts()
display(
    Markdown(
        f"Of {len(checked)} checkable claims, {counts.get('supported', 0)} are supported, "
        f"{counts.get('partly_supported', 0)} partly supported, {counts.get('refuted', 0)} refuted "
        f"and {counts.get('not_enough_evidence', 0)} without enough evidence. The ones that do "
        "not hold are listed above, each with the reason and the independent publishers of its "
        "evidence."
    )
)

# %%
resting = independent.loc[checked["claim_id"], "publishers"].to_numpy()
display(
    pd.crosstab(
        pd.Series(resting, name="independent publishers"),
        pd.Series(checked["verdict"].astype("str").to_numpy(), name="verdict"),
    )
)
single, none = (checked["claim_id"][resting == n].tolist() for n in (1, 0))
display(
    Markdown(
        f"Of the {len(checked)} checked claims, {len(single)} rest on one independent publisher "
        f"({', '.join(single) or 'none'}) and {len(none)} on none ({', '.join(none) or 'none'}): "
        "a story carried by several sites counts once, and an item that only gives context "
        "does not count."
    )
)

# %% [markdown]
# ## 4. How does information travel?
#
# The attribution chains as a graph: an arrow from a source to the source it relies on, with
# the article's cue words and the number of claims that travel along it.

# %%
graph = chains.graph(claims, data.sources)
figures.attribution_graph(graph, source_colors)

# %%
links = chains.edges(claims)
display(links)
longest = max(len(voice.split(" > ")) for voice in claims["attribution"])
display(
    Markdown(
        f"{len(links)} links; the longest chain has {longest} levels "
        f"({', then '.join(labels[v] for v in shares.index if len(v.split(' > ')) == longest)})."
    )
)

# %% [markdown]
# ## 5. When?
#
# The dated events the claims describe (their `when`), coloured by verdict; disputed claims
# (refuted or partly supported) are labelled.

# %%
events = timeline.events(claims)
figures.timeline(events)

# %%
disputed = events[events["disputed"]]
display(
    Markdown(
        f"{len(events)} dated claims span {events['start'].min():%B %Y} to "
        f"{events['end'].max():%B %Y}; {len(disputed)} are disputed: "
        + "; ".join(f"{row.claim_id} ({row.when})" for row in disputed.itertuples())
        + "."
    )
)

# %% [markdown]
# ## 6. Is the article fully covered?
#
# Every sentence of the body against the claims whose spans touch it. A sentence no claim
# covers would show as an empty red bar and be listed below.

# %%
cover = coverage.sentence_coverage(text, claims)
figures.coverage(cover)

# %%
gaps = cover[cover["claims"] == 0]
thin = cover.nsmallest(3, "covered_share")
display(
    Markdown(
        (
            f"All {len(cover)} body sentences are covered by at least one claim. "
            if gaps.empty
            else f"**{len(gaps)} sentence(s) are not covered:** " + "; ".join(gaps["text"]) + ". "
        )
        + "The least covered leave these words outside every span: "
        + "; ".join(
            f"sentence {r.sentence} ({r.covered_share:.0%}): “{r.uncovered}”"
            for r in thin.itertuples()
        )
        + "."
    )
)
with pd.option_context("display.max_colwidth", 90):
    display(cover.set_index("sentence"))
