"""bind-probe's Python driver: performs socket operations for the probe, nothing more.

Protocol (one JSON object per line):
  out, once at start:  {"hello": {"protocol": 1, "python": "3.12.1", ...}}
  in:  {"id": 7, "ops": [{"op": "socket", "sock": "A", "family": "inet", "type": "stream"}, ...],
        "timeout": 2.0}
  out: {"id": 7, "results": [{"ok": true, "value": 54321}, {"ok": false, "error": {...}}]}

The ops of one request run in order and stop at the first that fails; every socket the request
made is closed before the reply. Requests run concurrently, one thread each. Which step is
recorded, how errors are named across systems, and what a result means is the probe's business
(TypeScript side), so this file stays small enough to trust where it cannot be run (Windows,
macOS). It runs on CPython 3.6 and later and uses only the standard library.
"""
import errno as errno_module
import json
import platform
import socket as socket_module
import sys
import threading
import time

PROTOCOL = 1


class Unsupported(Exception):
    """The platform's socket module lacks a constant (SO_REUSEPORT on Windows, ...)."""


class Executor(object):
    def __init__(self, sock_mod, errno_mod):
        self.socket = sock_mod
        self.errno = errno_mod

    def run(self, ops, timeout):
        sockets = {}
        made = []
        ports = {}
        results = []
        try:
            for op in ops:
                try:
                    value = self.perform(op, sockets, made, ports, timeout)
                except Unsupported as missing:
                    if op.get("ifSupported"):
                        results.append({"skipped": str(missing)})
                        continue
                    results.append({"unsupported": str(missing)})
                    break
                except Exception as exc:  # every failure is a measurement
                    results.append({"ok": False, "error": self.describe(exc)})
                    break
                results.append({"ok": True} if value is None else {"ok": True, "value": value})
        finally:
            for sock in reversed(made):
                try:
                    sock.close()
                except Exception:
                    pass
        return results

    def constant(self, name):
        value = getattr(self.socket, name, None)
        if value is None:
            raise Unsupported(name)
        return value

    def endpoint(self, op, ports):
        port = op["port"]
        return (op["host"], ports["P"] if port == "P" else port)

    def perform(self, op, sockets, made, ports, timeout):
        kind = op["op"]
        if kind == "sleep":
            time.sleep(op["ms"] / 1000.0)
            return None
        if kind == "ephemeral":
            return self.ephemeral(op)
        if kind == "socket":
            sock = self.socket.socket(
                self.constant("AF_INET6" if op["family"] == "inet6" else "AF_INET"),
                self.constant("SOCK_DGRAM" if op["type"] == "dgram" else "SOCK_STREAM"),
            )
            made.append(sock)
            sock.settimeout(timeout)
            sockets[op["sock"]] = sock
            return None
        sock = sockets[op["sock"]]
        if kind == "setsockopt":
            sock.setsockopt(self.constant(op["level"]), self.constant(op["option"]), op["value"])
            return None
        if kind == "getsockopt":
            return sock.getsockopt(self.constant(op["level"]), self.constant(op["option"]))
        if kind == "bind":
            sock.bind(self.endpoint(op, ports))
            port = sock.getsockname()[1]
            if op["port"] == 0 and "P" not in ports:
                ports["P"] = port
            return port
        if kind == "listen":
            sock.listen(8)
            return None
        if kind == "connect":
            sock.connect(self.endpoint(op, ports))
            return None
        if kind == "accept":
            conn, _ = sock.accept()
            made.append(conn)
            sockets[op["as"]] = conn
            return None
        if kind == "close":
            sock.close()
            return None
        raise ValueError("unknown op %r" % kind)

    def ephemeral(self, op):
        family = self.constant("AF_INET6" if op["family"] == "inet6" else "AF_INET")
        kind = self.constant("SOCK_DGRAM" if op["type"] == "dgram" else "SOCK_STREAM")
        ports = []
        for _ in range(op["count"]):
            sock = self.socket.socket(family, kind)
            try:
                sock.bind((op["host"], 0))
                ports.append(sock.getsockname()[1])
            finally:
                sock.close()
        return ports

    def describe(self, exc):
        error = {"exception": type(exc).__name__, "message": str(exc)}
        code = getattr(exc, "errno", None)
        if isinstance(code, int):
            error["errno"] = code
            name = self.errno.errorcode.get(code)
            if name:
                error["name"] = name
        winerror = getattr(exc, "winerror", None)
        if isinstance(winerror, int):
            error["winerror"] = winerror
        return error


def hello():
    return {
        "protocol": PROTOCOL,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "executable": sys.executable,
        "platform": sys.platform,
    }


def serve(stdin, stdout, sock_mod=socket_module, errno_mod=errno_module):
    executor = Executor(sock_mod, errno_mod)
    lock = threading.Lock()

    def send(message):
        line = json.dumps(message, separators=(",", ":"))
        with lock:
            stdout.write(line + "\n")
            stdout.flush()

    def handle(request):
        try:
            results = executor.run(request["ops"], request.get("timeout", 2.0))
            send({"id": request["id"], "results": results})
        except Exception as exc:  # a bad request must not take the driver down
            send({"id": request.get("id"), "fatal": "%s: %s" % (type(exc).__name__, exc)})

    send({"hello": hello()})
    workers = []
    for line in stdin:
        line = line.strip()
        if not line:
            continue
        worker = threading.Thread(target=handle, args=(json.loads(line),))
        worker.daemon = True
        worker.start()
        workers.append(worker)
        workers = [w for w in workers if w.is_alive()]
    for worker in workers:
        worker.join()


if __name__ == "__main__":
    serve(sys.stdin, sys.stdout)
