"""`rank --scheduler`: the same ranking on a real Dask LocalCluster bound to loopback (issue 14)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from resumematch import load_job
from resumematch.cli import cli
from resumematch.render.ranking import render
from resumematch.screening.rank import CRASHED_TWICE, rank

try:
    import distributed
except ImportError:
    if os.environ.get("CI") == "true":  # CI installs every extra: a missing one is a failure there
        raise
    pytest.skip("needs the cluster extra: pip install -e '.[cluster]'", allow_module_level=True)

JOB = "isp-technician"


class PoisonParser(distributed.WorkerPlugin):
    """Makes the worker process exit, as a crash inside pdfium would, on files named *poison*.
    Registered on the test's own cluster; removing it puts the real parser back."""

    name = "test-poison"

    def setup(self, worker) -> None:
        from resumematch.screening import work as work_module

        self.original = work_module.analyse

        def crash_on_poison(label, data, cached=None, state=None):
            if "poison" in label:
                os._exit(70)
            return self.original(label, data, cached, state=state)

        work_module.analyse = crash_on_poison

    def teardown(self, worker) -> None:
        from resumematch.screening import work as work_module

        work_module.analyse = self.original


@pytest.fixture(scope="module")
def cluster():
    import dask

    # As rank's own local cluster: a task on a worker that died comes back at once.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                      dashboard_address="127.0.0.1:0", silence_logs=40) as local:
            with distributed.Client(local, set_as_default=False) as client:
                yield local, client


@pytest.fixture()
def pool(tmp_path, samples) -> Path:
    """The samples, a broken PDF, an empty file and a zip with a damaged entry."""
    folder = tmp_path / "pool"
    folder.mkdir()
    for sample in sorted(samples.glob("*.pdf")) + sorted(samples.glob("*.docx")):
        (folder / sample.name).write_bytes(sample.read_bytes())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<\n")
    (folder / "empty.docx").write_bytes(b"")
    with zipfile.ZipFile(folder / "more.zip", "w") as archive:
        archive.writestr("ana.txt", "Ana Ruiz\nExperience\n- Spliced fiber and tested drops with an OTDR.\n")
        archive.writestr("junk.pdf", b"not a pdf at all")
    return folder


def _outputs(outcome) -> tuple[str, str]:
    return render(outcome, "csv"), render(outcome, "json")


def test_the_dask_engine_gives_the_local_engines_rows_byte_for_byte(pool):
    job = load_job(JOB)
    options = dict(require=["Valid driver's license"], top=3)
    local = rank([str(pool)], job, workers=2, **options)
    on_dask = rank([str(pool)], job, workers=2, scheduler="local", **options)
    assert _outputs(on_dask) == _outputs(local)
    statuses = {r.status for r in local.rows}
    assert {"ok", "error", "duplicate"} <= statuses and len(local.rows) == 20
    blind_local = rank([str(pool)], job, workers=1, blind=True)
    blind_dask = rank([str(pool)], job, scheduler="local", workers=1, blind=True)
    assert _outputs(blind_dask) == _outputs(blind_local)


def test_an_existing_cluster_by_address_and_paths_read_by_the_workers(pool, cluster):
    local_cluster, _ = cluster
    job = load_job(JOB)
    expected = _outputs(rank([str(pool)], job, workers=1))
    assert _outputs(rank([str(pool)], job, scheduler=local_cluster.scheduler_address)) == expected
    assert _outputs(rank([str(pool)], job, scheduler=local_cluster.scheduler_address, paths_shared=True)) == expected


def _many(tmp_path, samples, copies: int) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(copies):
        for sample in sorted(samples.glob("*.pdf")):
            (folder / f"{sample.stem}-{n}.pdf").write_bytes(sample.read_bytes() + f"\n% copy {n}\n".encode())
    return folder


def test_a_worker_killed_mid_run_costs_no_row(tmp_path, samples, cluster):
    local_cluster, client = cluster
    folder = _many(tmp_path, samples, 4)
    victim = next(iter(client.run(os.getpid).values()))
    killed = []

    def kill_one_worker(done: int, total: int) -> None:
        if done == 3 and not killed:
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    outcome = rank([str(folder)], load_job(JOB), scheduler=local_cluster.scheduler_address, progress=kill_one_worker)
    assert killed and len(outcome.rows) == 32
    assert "error" not in {r.status for r in outcome.rows}
    client.wait_for_workers(2, timeout=60)  # the nanny starts a new worker


def test_a_file_that_kills_its_worker_is_an_error_row_and_the_run_finishes(tmp_path, samples, cluster):
    local_cluster, client = cluster
    folder = _many(tmp_path, samples, 2)
    (folder / "poison.txt").write_text("Ana Ruiz\nExperience\n- Installed ONTs.\n")
    client.register_plugin(PoisonParser())
    try:
        outcome = rank([str(folder)], load_job(JOB), scheduler=local_cluster.scheduler_address)
    finally:
        client.unregister_worker_plugin(PoisonParser.name)
    errors = {Path(r.source).name: r.error for r in outcome.rows if r.status == "error"}
    assert len(outcome.rows) == 17
    assert list(errors) == ["poison.txt"] and errors["poison.txt"].endswith(CRASHED_TWICE)
    client.wait_for_workers(2, timeout=60)


def test_a_warm_re_rank_sends_no_task(tmp_path, samples, cluster):
    local_cluster, client = cluster
    job = load_job(JOB)
    cache = tmp_path / "cache.sqlite"
    # Files that parse: errors are not cached (as locally, a file that failed is tried again).
    cold = rank([str(samples)], job, scheduler=local_cluster.scheduler_address, cache_path=cache)
    with distributed.get_task_stream(client) as stream:
        warm = rank([str(samples)], job, scheduler=local_cluster.scheduler_address, cache_path=cache)
    sent = [task for task in stream.data if str(task["key"]).startswith("resumematch-")]
    assert sent == [] and len(cold.rows) > 10
    assert _outputs(warm) == _outputs(cold)


def test_without_dask_the_option_says_how_to_install_it(monkeypatch, samples):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    monkeypatch.setenv("RESUMEMATCH_SCHEDULER", "tcp://127.0.0.1:8786")
    result = CliRunner().invoke(cli, ["rank", str(samples), "--job", JOB, "--no-cache"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: --scheduler needs Dask's distributed scheduler: pip install 'resumematch[cluster]'"


def test_an_unreachable_scheduler_is_a_one_line_error(samples):
    result = CliRunner().invoke(cli, ["rank", str(samples), "--job", JOB, "--no-cache", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9") and result.stderr.count("\n") == 1


def test_ctrl_c_stops_the_cluster_and_writes_nothing(tmp_path, samples):
    folder = _many(tmp_path, samples, 40)
    output = tmp_path / "out.csv"
    process = subprocess.Popen(
        [sys.executable, "-m", "resumematch", "rank", str(folder), "--job", JOB, "--scheduler", "local", "--workers", "2",
         "--no-cache", "--quiet", "--output", str(output)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 90
    while len(workers) < 2 and time.monotonic() < deadline:
        # Dask's nannies start the workers from the event loop's thread: read every thread's children.
        workers = {int(p) for task in Path(f"/proc/{process.pid}/task").glob("*") for p in _read(task / "children").split()}
        time.sleep(0.2)
    assert workers, "no Dask workers started"
    # While the cluster starts, Ctrl-C is ignored (the workers inherit that; a half-started
    # cluster would be left behind): wait until the run itself has begun and takes Ctrl-C again.
    while _ignores_sigint(process.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(3)  # the workers load the pipeline and start on the files
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=90)
    assert process.returncode == 130, stderr
    assert stdout == "" and not output.exists() and "Traceback" not in stderr
    time.sleep(1)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]]
    assert not alive, f"Dask workers left running: {alive}"


def _ignores_sigint(pid: int) -> bool:
    for line in _read(Path(f"/proc/{pid}/status")).splitlines():
        if line.startswith("SigIgn:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGINT - 1)))
    return False


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:  # the thread ended meanwhile
        return ""
