"""Build the list model of any list path of a case with the column spec of its item type."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.ui.models.columns import columns_for
from workbench.ui.models.list_model import Column, DataclassListModel
from workbench.ui.paths import item_type_at as _item_type_at

if TYPE_CHECKING:
    from workbench.ui.document import CaseDocument
    from workbench.ui.paths import Path


def item_type_at(document: CaseDocument, list_path: Path) -> type:
    """The item type of the list at ``list_path``."""
    return _item_type_at(document.state, list_path)


def list_model(
    document: CaseDocument,
    list_path: Path,
    extra: tuple[Column, ...] = (),
    parent: Any = None,
) -> DataclassListModel:
    """The model of the list at ``list_path``; ``extra`` columns (e.g. results) go at the end."""
    columns = columns_for(item_type_at(document, list_path)) + extra
    return DataclassListModel(document, list_path, columns, parent)
