"""A TCP relay on a loopback port to another, which a test or benchmark stops and starts
again: what is behind it gone for whoever connects through it (every connection cut, new
ones refused), while it goes on. Used by tests/servers.py and bench/outage.py."""

import contextlib
import socket
import threading


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Relay:
    """A TCP relay on a loopback port to another, which a test stops and starts again:
    what is behind it gone for whoever connects through it, while it goes on."""

    def __init__(self, target: int):
        self.target, self.port = target, free_port()
        self.connections: list[socket.socket] = []
        self.start()

    def start(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=True)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() under way
        self.listener.close()
        for link in self.connections:
            with contextlib.suppress(OSError):
                link.shutdown(socket.SHUT_RDWR)
                link.close()
        self.connections.clear()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, _ = listener.accept()
                upstream = socket.create_connection(("127.0.0.1", self.target))
            except OSError:
                return
            self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)
