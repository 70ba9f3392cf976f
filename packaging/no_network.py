"""PyInstaller runtime hook: Python code in the frozen app cannot reach the network.

The app never opens a network connection (DESIGN.md, "Security model"); this makes it
hold for every module the build carries, including the ones a dependency imports but the
app never calls (reportlab can fetch images by URL, for instance). Connecting or
sending on any socket but a unix one, and name look-ups, raise. Unix sockets keep
working: the keyring talks to the Secret Service over D-Bus on one. The test suite's
guard (tests/conftest.py) does the same in the development venv.
"""

import socket

_ALLOWED = {getattr(socket, "AF_UNIX", None)}


def _refuse(what):
    raise PermissionError(f"Demand Desk does not use the network (refused: {what})")


def _guard():
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_sendto = socket.socket.sendto

    def connect(self, address):
        if self.family not in _ALLOWED:
            _refuse("connect")
        return real_connect(self, address)

    def connect_ex(self, address):
        if self.family not in _ALLOWED:
            _refuse("connect")
        return real_connect_ex(self, address)

    def sendto(self, *args):
        if self.family not in _ALLOWED:
            _refuse("sendto")
        return real_sendto(self, *args)

    def getaddrinfo(*_args, **_kwargs):
        _refuse("name look-up")

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.socket.sendto = sendto
    socket.getaddrinfo = getaddrinfo
    socket.gethostbyname = getaddrinfo
    socket.gethostbyname_ex = getaddrinfo
    socket.gethostbyaddr = getaddrinfo


_guard()
