"""WCAG 2's contrast ratio, for the tests of the palette and of the pages in a browser.

Colours come as CSS writes them: `#rrggbb`, or as a browser computes them, `rgb(r, g, b)`
or `color(srgb r g b)` (what `color-mix` gives).
"""

from __future__ import annotations

WHITE = "#ffffff"
INK = "#1a1a1a"  # the site's body text (site.css --ink)
TINTS = (0.30, 0.55)  # the shares of a mark's colour in the site's backgrounds (site.css)


def rgb(css: str) -> tuple[float, float, float]:
    """A colour as 0-1 sRGB channels."""
    if css.startswith("#"):
        return int(css[1:3], 16) / 255, int(css[3:5], 16) / 255, int(css[5:7], 16) / 255
    inside = css[css.index("(") + 1 : css.rindex(")")].replace(",", " ").split()
    if css.startswith("color("):
        return float(inside[1]), float(inside[2]), float(inside[3])
    return float(inside[0]) / 255, float(inside[1]) / 255, float(inside[2]) / 255


def luminance(css: str) -> float:
    """WCAG 2's relative luminance."""
    channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb(css)]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(one: str, other: str) -> float:
    """WCAG 2's contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def color_mix(css: str, share: float) -> str:
    """`color-mix(in srgb, css share, white)`, as the site draws a mark's background."""
    channels = [share * c + (1 - share) for c in rgb(css)]
    return f"color(srgb {' '.join(str(c) for c in channels)})"
