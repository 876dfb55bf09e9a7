"""Binary data as raw files in the spill folder (feature "binary-files")."""

from __future__ import annotations

import base64
import hashlib
import os
import stat

import pytest

from venvmux_worker import FEATURES, binary

from conftest import worker_env

PATTERN = bytes(range(256))


def blob(n: int) -> bytes:
    return (PATTERN * (n // 256 + 1))[:n]


@pytest.fixture
def spill_dir(tmp_path):
    folder = tmp_path / "spill"
    folder.mkdir()
    return folder


@pytest.fixture
def binary_worker(start_worker, spill_dir):
    return start_worker("binary_mod", "--spill-dir", str(spill_dir),
                        env=worker_env(VENV_MUX_BINARY_MIN_BYTES="1000"))


def test_the_hello_names_the_feature(binary_worker):
    assert "binary-files" in FEATURES
    assert "binary-files" in binary_worker.hello["features"]


def test_big_bytes_results_come_back_as_a_private_file(binary_worker, spill_dir):
    small = binary_worker.call("blob", 999)["result"]
    assert small == {"__bytes__": True, "b64": base64.b64encode(blob(999)).decode()}
    marker = binary_worker.call("blob", 100_000, id=2)["result"]
    assert set(marker) == {"__bytes__", "file", "len"} and marker["len"] == 100_000
    path = marker["file"]
    assert os.path.dirname(path) == str(spill_dir)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with open(path, "rb") as handle:
        assert handle.read() == blob(100_000)
    os.unlink(path)  # the host's job


def test_big_bytes_arguments_are_read_from_a_file_and_removed(binary_worker, spill_dir):
    path = spill_dir / "arg-1"
    path.write_bytes(blob(50_000))
    reply = binary_worker.call("digest", {"__bytes__": True, "file": str(path), "len": 50_000})
    assert reply["result"] == hashlib.sha256(blob(50_000)).hexdigest()
    assert not path.exists()
    path.write_bytes(b"abc")
    untyped = binary_worker.call("length", {"__bytes__": True, "file": str(path), "len": 3}, id=2)
    assert untyped["result"] == ["bytes", 3] and not path.exists()


def test_a_file_outside_the_spill_folder_is_refused_and_kept(binary_worker, tmp_path):
    outside = tmp_path / "secret"
    outside.write_bytes(b"x" * 10)
    for path in (str(outside), str(tmp_path / "spill" / ".." / "secret")):
        reply = binary_worker.call("digest", {"__bytes__": True, "file": path, "len": 10})
        assert reply["ok"] is False and reply["error"]["code"] == "bad_arguments"
        assert "not in the spill folder" in reply["error"]["message"]
    assert outside.read_bytes() == b"x" * 10


def test_a_length_that_does_not_match_is_an_error(binary_worker, spill_dir):
    path = spill_dir / "arg-2"
    path.write_bytes(b"abc")
    reply = binary_worker.call("digest", {"__bytes__": True, "file": str(path), "len": 4})
    assert reply["error"]["code"] == "bad_arguments" and "marker says 4" in reply["error"]["message"]


def test_without_the_host_asking_bytes_stay_base64(start_worker, spill_dir):
    worker = start_worker("binary_mod", "--spill-dir", str(spill_dir))
    assert worker.call("blob", 5000)["result"]["b64"] == base64.b64encode(blob(5000)).decode()
    assert os.listdir(spill_dir) == []


def test_files_of_a_result_that_fails_to_encode_are_removed(tmp_path):
    files = binary.BinaryFiles(str(tmp_path), 10)
    files.begin()
    files.bytes_marker(b"x" * 100)
    files.discard()
    assert os.listdir(tmp_path) == []
    files.begin()
    kept = files.bytes_marker(b"y" * 100)["file"]
    files.bytes_marker(b"z" * 100)  # written by a conversion whose output was not used
    files.finish(b'{"file":"%s"}' % kept.encode())
    assert os.listdir(tmp_path) == [os.path.basename(kept)]


def test_numpy_arrays_both_ways(start_worker, spill_dir):
    numpy = pytest.importorskip("numpy")
    files = binary.BinaryFiles(str(spill_dir), 10)
    array = numpy.arange(12, dtype=numpy.float64).reshape(3, 4)
    marker = files.ndarray_marker(array)
    assert marker["dtype"] == "<f8" and marker["shape"] == [3, 4]
    binary._files = files
    try:
        back = binary.ndarray_from_marker(marker)
    finally:
        binary._files = None
    assert back.flags.writeable and (back == array).all()
    assert os.listdir(spill_dir) == []
