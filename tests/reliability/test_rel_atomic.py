"""Outputs appear whole or not at all, even when the process is killed."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner

from textclean.cli import main
from textclean.templates import TemplateModel, TemplateParams


def test_an_error_mid_run_leaves_no_output_and_no_temp_file(tmp_path):
    payload = "".join(json.dumps({"text": f"Prose line number {i}."}) + "\n" for i in range(1000)) + "{broken\n"
    out, report = tmp_path / "out.jsonl", tmp_path / "report.jsonl"
    result = CliRunner().invoke(main, ["clean", "--jsonl", "-o", str(out), "--report", str(report)], input=payload)
    assert result.exit_code == 1
    assert list(tmp_path.iterdir()) == []


def _long_corpus(path, records: int):
    with path.open("w", encoding="utf-8") as fh:
        for i in range(records):
            fh.write(json.dumps({"id": i, "text": f"Search\nProse line number {i} of a long corpus.\n..."}) + "\n")
    return path


def test_a_killed_run_never_leaves_a_partial_output(tmp_path):
    source = _long_corpus(tmp_path / "in.jsonl", 60_000)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "textclean", "clean", str(source), "-o", str(out)],
                            stderr=subprocess.PIPE)
    # Kill it once it is surely writing: the temporary file exists and grows.
    while not [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.")]:
        assert proc.poll() is None, proc.stderr.read()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if out.exists():  # it finished before the kill landed: then it is complete
        assert len(out.read_text(encoding="utf-8").splitlines()) == 60_000
    # What is left is at most a hidden temporary file, never mistaken for the output.
    assert all(p.name.startswith(".out.jsonl.") for p in tmp_path.iterdir() if p.name != "in.jsonl" and p != out)


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="finds the workers through /proc")
def test_a_killed_worker_stops_the_run_with_an_error_and_no_output(tmp_path):
    # Under multiprocessing.Pool the run waited forever for the dead worker's batch.
    source = _long_corpus(tmp_path / "in.jsonl", 20_000)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "textclean", "clean", str(source), "-o", str(out), "--jobs", "2"],
                            stderr=subprocess.PIPE, text=True)
    while len(workers := _children(proc.pid)) < 2:
        assert proc.poll() is None, proc.stderr.read()
    os.kill(workers[0], signal.SIGKILL)
    try:
        stderr = proc.communicate(timeout=120)[1]
    finally:
        proc.kill()
    if proc.returncode == 0:  # it finished before the kill landed
        assert len(out.read_text(encoding="utf-8").splitlines()) == 20_000
        return
    assert proc.returncode == 1 and stderr.startswith("Error: a worker process stopped abruptly (killed, or out of memory?)")
    assert not out.exists()


def test_outputs_get_the_usual_file_mode(tmp_path):
    out = tmp_path / "out.txt"
    old = os.umask(0o022)
    try:
        result = CliRunner().invoke(main, ["clean", "-", "-o", str(out)], input="Prose line.\n")
    finally:
        os.umask(old)
    assert result.exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o644


@pytest.mark.skipif(os.name != "posix", reason="only POSIX can ask whether a process lives")
def test_the_next_run_removes_a_killed_runs_temporary_file(tmp_path):
    import socket

    from textclean.output import atomic_output

    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    owner = f".out.txt.{socket.gethostname()}-"
    abandoned = tmp_path / f"{owner}{finished.stdout.strip()}.x1.tmp"  # its process has exited
    running = tmp_path / f"{owner}{os.getpid()}.x2.tmp"  # a live writer's: left alone
    other_host = tmp_path / ".out.txt.elsewhere-1.x3.tmp"
    for path in (abandoned, running, other_host):
        path.write_text("partial")
    with atomic_output(str(tmp_path / "out.txt")) as fh:
        fh.write("done\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["out.txt", running.name, other_host.name])


def test_a_folder_of_outputs_is_listed_once_for_leftovers_not_once_per_output(tmp_path, monkeypatch):
    # Each output listed the whole folder: 5,000 files took 13.4 s, now 4.9 s, and 10,000 four times that.
    from textclean import output

    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(30):
        (pages / f"p{i:02d}.txt").write_text(f"Search\nA page of text number {i}.\n")
    listed = []
    real_scandir = os.scandir
    monkeypatch.setattr(output.os, "scandir", lambda path: listed.append(str(path)) or real_scandir(path))
    assert CliRunner().invoke(main, ["clean", str(pages), "-o", str(tmp_path / "out") + "/"]).exit_code == 0
    assert len(list((tmp_path / "out").iterdir())) == 30
    assert listed.count(str(tmp_path / "out")) == 1


@pytest.mark.parametrize("command, outputs", [
    (["clean", "in.txt", "-o", "in.txt"], "-o in.txt is the input in.txt"),
    (["clean", "in.txt", "--report", "out.txt", "-o", "out.txt"], "-o out.txt is the file of --report"),
    (["clean", "a/x.txt", "b/x.txt", "-o", "outd/"], "-o (for b/x.txt) outd/x.txt is the file of -o (for a/x.txt)"),
    (["clean", "a", "-o", "a"], "-o (for a/x.txt) a/x.txt is the input a/x.txt"),
    (["dedup", "in.txt", "--index", "ix.sqlite", "-o", "ix.sqlite"], "-o ix.sqlite is the file of --index"),
    (["clean", "pages.jsonl", "--templates", "model.json", "--report", "model.json"],
     "--report model.json is the file of --templates"),
    (["clean", "in.txt", "--report", "-"], "-o - is stdout, where --report writes"),
    (["dedup", "in.txt", "--clusters", "-"], "--clusters - is stdout, where -o writes"),
    (["dedup", "in.txt", "-o", "out.jsonl", "--clusters", "in.txt/c.jsonl"],
     "--clusters in.txt/c.jsonl lies under"),
    (["dedup", "in.txt", "-o", "out.jsonl", "--clusters", "out.jsonl"], "--clusters out.jsonl is the file of -o"),
    (["dedup", "in.txt", "-o", "outd"], "-o outd is a folder; name a file"),
    (["dedup", "in.txt", "-o", "newdir/"], "-o newdir/ is a folder; name a file"),
    (["learn", "pages.jsonl", "-o", "pages.jsonl"], "-o pages.jsonl is the input pages.jsonl"),
])
def test_an_output_that_would_replace_an_input_index_or_other_output_is_refused(tmp_path, monkeypatch, command,
                                                                                outputs):
    monkeypatch.chdir(tmp_path)
    for name, text in {"in.txt": "Search\nThe council voted.\n", "a/x.txt": "A text.\n", "b/x.txt": "B text.\n",
                       "pages.jsonl": '{"text": "A page.", "url": "https://example.com/"}\n',
                       "model.json": TemplateModel(TemplateParams(), {}).to_json()}.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    (tmp_path / "outd").mkdir()
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1
    assert f"Error: {outputs}" in result.stderr
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before  # nothing written


def test_a_device_or_pipe_is_written_to_and_a_symlinks_target_is_replaced(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("Search\nThe council voted to keep the library open.\n")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    assert CliRunner().invoke(main, ["clean", str(source), "-o", str(fifo)]).exit_code == 0
    assert reader.communicate(timeout=10)[0] == b"The council voted to keep the library open.\n"
    assert fifo.is_fifo()
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    assert CliRunner().invoke(main, ["clean", str(source), "-o", str(link)]).exit_code == 0
    assert link.is_symlink() and (tmp_path / "real.txt").read_text() == "The council voted to keep the library open.\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full (a device whose writes fail: disk full)")
@pytest.mark.parametrize("command", [["clean", "pages.jsonl", "-o"], ["clean", "pages.jsonl", "-o", "/dev/null", "--report"],
                                     ["dedup", "pages.jsonl", "-o"], ["learn", "pages.jsonl", "-o"]])
def test_a_full_disk_is_an_error_naming_the_output(tmp_path, monkeypatch, command):
    # Each was an OSError traceback from the line that wrote the record.
    monkeypatch.chdir(tmp_path)
    text = "Search\nThe council voted to keep the library open for another year.\n"
    (tmp_path / "pages.jsonl").write_text("".join(json.dumps({"text": f"{text} {i}", "host": "a.org"}) + "\n"
                                                  for i in range(600)))
    result = CliRunner().invoke(main, [*command, "/dev/full"])
    assert result.exit_code == 1 and result.output.endswith("Error: /dev/full: cannot write: No space left on device\n")


def _run_with_files_limited_to(size: int, *args: str) -> subprocess.CompletedProcess:
    """``python -m textclean ARGS`` where a file may not grow past ``size`` bytes: writes fail as
    on a full disk (EFBIG, not ENOSPC, through the same code), and no root is needed."""
    import resource

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return subprocess.run([sys.executable, "-m", "textclean", *args], preexec_fn=limit, capture_output=True, text=True)


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz"])
def test_a_full_disk_under_an_output_file_is_an_error_naming_it_and_leaves_nothing(tmp_path, name):
    # Closing the file flushed its buffer again, and that second error replaced the first: a traceback.
    source = _long_corpus(tmp_path / "in.jsonl", 3000)
    result = _run_with_files_limited_to(4096, "clean", str(source), "-o", str(tmp_path / name))
    assert result.returncode == 1 and result.stderr == f"Error: {tmp_path / name}: cannot write: File too large\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_a_full_disk_under_the_index_says_so(tmp_path):
    # The error was SQLite's "cannot rollback - no transaction is active": it had ended the transaction itself.
    source = _long_corpus(tmp_path / "in.jsonl", 6000)
    index = tmp_path / "seen.sqlite"
    result = _run_with_files_limited_to(300_000, "dedup", str(source), "--index", str(index), "-o", str(tmp_path / "o"))
    assert result.returncode == 1 and result.stderr.startswith(f"Error: the index {index} failed (")
    assert "rollback" not in result.stderr and not (tmp_path / "o").exists()


def test_an_output_named_gz_is_compressed_the_same_bytes_every_run(tmp_path):
    # It was written uncompressed, and reading it back failed ("Not a gzipped file").
    import gzip

    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "Search\nThe council voted to keep the library open."}) + "\n")
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / f"{run}.jsonl.gz"
        assert CliRunner().invoke(main, ["clean", str(source), "-o", str(out)]).exit_code == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert json.loads(gzip.decompress(outputs[0])) == {"text": "The council voted to keep the library open."}
    again = CliRunner().invoke(main, ["clean", str(tmp_path / "a.jsonl.gz")])
    assert json.loads(again.stdout) == {"text": "The council voted to keep the library open."}
