"""Execute one notebook through a Jupyter kernel and keep every output.

Used by tools/journal.ts. It talks to the kernel with jupyter_client directly
(rather than `nbconvert --execute`) because the Deno kernel sometimes publishes
a cell's output after it has reported idle; we keep reading iopub for a grace
period after idle, so no output is dropped.

usage: run_notebook.py NOTEBOOK OUT_NOTEBOOK OUT_HTML [--timeout S] [--grace S]
On a cell error it prints a JSON line {"error": ...} to stderr and exits 1.
"""
import json
import os
import queue
import sys
import time

import nbformat
from jupyter_client.manager import KernelManager


def run(path, out_path, html_path, timeout, grace):
    nb = nbformat.read(path, as_version=4)
    kernel_name = nb.metadata.get("kernelspec", {}).get("name", "deno")
    env = dict(os.environ, NO_COLOR="1")
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel(cwd=os.path.dirname(os.path.abspath(path)), env=env)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        code_number = 0
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            code_number += 1
            error = execute_cell(kc, cell, timeout, grace)
            if error:
                error.update(notebook=path, cell=code_number, cell_index=index,
                             source=cell.source)
                sys.stderr.write(json.dumps(error) + "\n")
                return 1
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    nbformat.write(nb, out_path)
    write_html(nb, html_path)
    return 0


def execute_cell(kc, cell, timeout, grace):
    """Run one cell, fill its outputs; return an error dict or None."""
    cell.outputs = []
    displays = {}  # display_id -> outputs showing it
    clear_pending = False
    msg_id = kc.execute(cell.source, store_history=True, allow_stdin=False)
    deadline = time.monotonic() + timeout
    idle_at = None
    error = None
    while True:
        now = time.monotonic()
        if idle_at is not None and now - idle_at > grace:
            break
        if now > deadline:
            return {"ename": "Timeout", "evalue": f"cell ran longer than {timeout} s",
                    "traceback": []}
        wait = grace if idle_at is not None else 1.0
        try:
            msg = kc.get_iopub_msg(timeout=wait)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        content = msg["content"]
        if kind == "status":
            if content["execution_state"] == "idle":
                idle_at = time.monotonic()
            continue
        if idle_at is not None:
            idle_at = time.monotonic()  # late output: extend the grace period
        if kind == "execute_input":
            cell.execution_count = content.get("execution_count")
        elif kind == "clear_output":
            if content.get("wait"):
                clear_pending = True
            else:
                cell.outputs = []
                displays.clear()
        elif kind == "update_display_data":
            did = content.get("transient", {}).get("display_id")
            for out in displays.get(did, []):
                out["data"] = content["data"]
                out["metadata"] = content.get("metadata", {})
        elif kind in ("stream", "display_data", "execute_result", "error"):
            if clear_pending:
                cell.outputs = []
                displays.clear()
                clear_pending = False
            if kind == "stream" and cell.outputs and cell.outputs[-1].get("output_type") == "stream" \
                    and cell.outputs[-1].get("name") == content["name"]:
                cell.outputs[-1]["text"] += content["text"]
                continue
            out = nbformat.v4.output_from_msg(msg)
            cell.outputs.append(out)
            did = content.get("transient", {}).get("display_id")
            if did:
                displays.setdefault(did, []).append(out)
            if kind == "error":
                error = {"ename": content.get("ename"), "evalue": content.get("evalue"),
                         "traceback": content.get("traceback", [])}
    reply = None
    end = time.monotonic() + 10
    while reply is None and time.monotonic() < end:
        try:
            msg = kc.get_shell_msg(timeout=1)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            reply = msg
    if reply:
        if cell.get("execution_count") is None:
            cell.execution_count = reply["content"].get("execution_count")
        if reply["content"].get("status") == "error" and error is None:
            c = reply["content"]
            error = {"ename": c.get("ename"), "evalue": c.get("evalue"),
                     "traceback": c.get("traceback", [])}
    return error


def write_html(nb, html_path):
    from nbconvert import HTMLExporter
    # This nbconvert passes SVG through lxml's clean_html, which strips every
    # shape from a figure. The outputs are our own figures, so keep them whole.
    exporter = HTMLExporter(template_name="basic", filters={"clean_html": lambda html: html})
    body, _ = exporter.from_notebook_node(nb)
    with open(html_path, "w", encoding="utf-8") as f:
        f.write(body)


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    opts = dict(a[2:].split("=", 1) for a in argv if a.startswith("--"))
    if len(args) != 3:
        sys.stderr.write(__doc__)
        return 2
    return run(args[0], args[1], args[2], float(opts.get("timeout", 900)),
               float(opts.get("grace", 0.2)))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
