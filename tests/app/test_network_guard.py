"""The conftest guard refuses network connections, here and in child processes.

These prove the guard can fail: a TCP server really listens on 127.0.0.1, so the
connection would succeed without it.
"""

from __future__ import annotations

import secrets
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def tcp_server() -> Iterator[tuple[str, int]]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    try:
        yield server.getsockname()
    finally:
        server.close()


def test_tcp_connection_to_localhost_is_refused(tcp_server, no_network):
    with pytest.raises(RuntimeError, match="network access blocked"):
        socket.create_connection(tcp_server, timeout=2)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(RuntimeError, match="network access blocked"):
            sock.connect(tcp_server)
        with pytest.raises(RuntimeError, match="network access blocked"):
            sock.connect_ex(tcp_server)
    assert len(no_network.all()) == 3
    no_network.clear()


def test_name_lookup_is_refused(no_network):
    with pytest.raises(RuntimeError, match="network access blocked"):
        socket.getaddrinfo("localhost", 80)
    assert no_network.all()
    no_network.clear()


def test_udp_datagram_is_refused(tcp_server, no_network):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        with pytest.raises(RuntimeError, match="network access blocked"):
            sock.sendto(b"x", tcp_server)
    no_network.clear()


def test_swallowed_attempt_is_still_reported(tcp_server, no_network):
    try:
        socket.create_connection(tcp_server)
    except Exception:  # noqa: S110 - stands for code under test that hides the failure
        pass
    assert no_network.all(), "the attempt must be recorded so the test fails at teardown"
    no_network.clear()


def test_child_python_process_is_guarded_too(tcp_server, no_network):
    code = (
        "import socket, sys\n"
        f"try: socket.create_connection({tcp_server!r}, timeout=2)\n"
        "except RuntimeError as exc: sys.exit(3 if 'blocked' in str(exc) else 4)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=30)
    assert done.returncode == 3, done.stderr
    assert any("create_connection" in a for a in no_network.all())
    no_network.clear()


def test_unix_sockets_keep_working():
    path = Path("/tmp") / f"dd-{secrets.token_hex(4)}.sock"  # unix socket paths max ~100 bytes
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        try:
            server.listen(1)
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                client.connect(str(path))
                conn, _ = server.accept()
                conn.sendall(b"ok")
                assert client.recv(2) == b"ok"
                conn.close()
        finally:
            path.unlink(missing_ok=True)
