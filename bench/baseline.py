"""Baseline for bench/probe.bench.ts: the same socket calls, with the same waits, made directly in
one Python process, one scenario after another, with no protocol, no interpreter and no threads.

Reads the compiled operations of every scenario (JSON, as the probe would send them) from argv[1]
and prints the wall time in milliseconds of running them all."""
import json
import socket
import sys
import time

FAMILY = {"inet": socket.AF_INET, "inet6": socket.AF_INET6}
TYPE = {"stream": socket.SOCK_STREAM, "dgram": socket.SOCK_DGRAM}


def run(ops):
    socks, made, ports = {}, [], {}
    try:
        for op in ops:
            kind = op["op"]
            try:
                if kind == "sleep":
                    time.sleep(op["ms"] / 1000.0)
                elif kind == "socket":
                    s = socket.socket(FAMILY[op["family"]], TYPE[op["type"]])
                    s.settimeout(2.0)
                    made.append(s)
                    socks[op["sock"]] = s
                elif kind == "setsockopt":
                    option = getattr(socket, op["option"], None)
                    if option is None:
                        if op.get("ifSupported"):
                            continue
                        return
                    socks[op["sock"]].setsockopt(getattr(socket, op["level"]), option, op["value"])
                elif kind == "getsockopt":
                    socks[op["sock"]].getsockopt(getattr(socket, op["level"]), getattr(socket, op["option"]))
                elif kind == "bind":
                    port = ports["P"] if op["port"] == "P" else 0
                    socks[op["sock"]].bind((op["host"], port))
                    ports.setdefault("P", socks[op["sock"]].getsockname()[1])
                elif kind == "listen":
                    socks[op["sock"]].listen(8)
                elif kind == "connect":
                    socks[op["sock"]].connect((op["host"], ports["P"]))
                elif kind == "accept":
                    conn, _ = socks[op["sock"]].accept()
                    made.append(conn)
                    socks[op["as"]] = conn
                elif kind == "close":
                    socks[op["sock"]].close()
                elif kind == "ephemeral":
                    for _ in range(op["count"]):
                        s = socket.socket(FAMILY[op["family"]], TYPE[op["type"]])
                        s.bind((op["host"], 0))
                        s.getsockname()
                        s.close()
            except OSError:
                return
    finally:
        for s in made:
            s.close()


scenarios = json.load(open(sys.argv[1]))
start = time.perf_counter()
for ops in scenarios:
    run(ops)
print(round((time.perf_counter() - start) * 1000, 2))
