"""Which part of a blitted canvas to repaint when some animated artists changed.

A canvas that blits keeps a background without its animated artists. To show a change of a few of
them it restores the background over a region and draws again every animated artist in that region.
The region must hold each artist it touches whole: an artist drawn twice over itself outside it would
darken its antialiased edges. ``grow`` widens the region until no artist straddles its border.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from matplotlib.transforms import Bbox

if TYPE_CHECKING:
    from collections.abc import Sequence

    from matplotlib.artist import Artist
    from matplotlib.backend_bases import RendererBase
    from matplotlib.transforms import BboxBase

PAD = 3  # pixels of antialiasing and glyph overhang beyond an artist's extent


def footprint(artist: Artist, renderer: RendererBase, limits: BboxBase) -> Bbox:
    """The whole pixels ``artist`` can paint on, inside ``limits`` (the figure)."""
    box = artist.get_window_extent(renderer)
    x0, y0 = math.floor(box.x0) - PAD, math.floor(box.y0) - PAD
    x1, y1 = math.ceil(box.x1) + PAD, math.ceil(box.y1) + PAD
    return Bbox.from_extents(max(x0, limits.x0), max(y0, limits.y0), min(x1, limits.x1), min(y1, limits.y1))


def grow(dirty: Sequence[Bbox], footprints: Sequence[Bbox]) -> tuple[Bbox, list[int]]:
    """The region covering ``dirty`` and every footprint it meets, and the indices of those footprints."""
    region = Bbox.union(list(dirty))
    members: set[int] = set()
    while True:
        touched = {i for i, box in enumerate(footprints) if i not in members and _meets(box, region)}
        if not touched:
            return region, sorted(members)
        members |= touched
        region = Bbox.union([region, *(footprints[i] for i in touched)])


def _meets(a: Bbox, b: Bbox) -> bool:
    return bool(a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1)
