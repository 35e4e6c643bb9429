"""The walkthrough runs top to bottom, and is kept in git without outputs."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "walkthrough.ipynb"


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(not cell.outputs and cell.execution_count is None for cell in code)


def test_notebook_runs_top_to_bottom(tmp_path):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    text = "\n".join(str(output.get("data", output.get("text", ""))) for cell in notebook.cells
                     if cell.cell_type == "code" for output in cell.outputs)
    assert "Jacob Helberg" in text and "Lê Mạnh Hùng" in text
    assert "image/png" in text  # the chart
    assert "<iframe srcdoc=" in text  # the interactive graph
    nbformat.write(notebook, tmp_path / "executed.ipynb")
