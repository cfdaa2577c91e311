"""The fact-check published as readers see fact-checks: static pages (`build`), laid out from
what each page shows (`pages`) by the templates in `templates/`, with the style sheet and
script in `assets/` written beside them; the pages on how the checks were made (`trust`),
and the corrections policy and contact they publish (`policies`)."""
