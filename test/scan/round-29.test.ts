// The twenty-ninth round's fixes (docs/scan.md, "Twenty-ninth round"), from labelled flags the
// scan missed and findings that reviewers judged false. Each sits beside the case that must not
// change.
import { describe, expect, it } from 'vitest'
import { linesOf, scanFiles } from './helpers.ts'

describe('a helper that hands on a free-port library’s number', () => {
  it('Go: zot’s GetFreePort returns strconv.Itoa of freeport.GetFreePort(); its definition is flagged, not hidden by sharing the name', async () => {
    // project-zot/zot's pkg/test/common/utils.go.
    const go = (ret: string) => `package common

import (
	"strconv"

	"github.com/phayes/freeport"
)

func GetFreePort() string {
	port, err := freeport.GetFreePort()
	if err != nil {
		panic(err)
	}

	return ${ret}
}
`
    expect(await linesOf({ 'test/common/utils.go': go('strconv.Itoa(port)') }, 'PORT002')).toEqual([
      9,
    ])
    // A helper that does not hand the number on is no wrapper: the finding stays on the call.
    expect(await linesOf({ 'test/common/utils.go': go('"x"') }, 'PORT002')).toEqual([10])
  })
})

describe('a fixed port handed to a server by a variable named for it', () => {
  it('Go: dynamiclistener’s ListenAndServe(ctx, httpsPort, httpPort, …) with httpPort := 9012; port 0 is not fixed', async () => {
    // rancher/dynamiclistener's server/server_test.go.
    const go = (port: string) => `package server

import (
	"context"
	"testing"
)

func doRequest(t *testing.T) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	httpPort := ${port}
	httpsPort := 0
	return ListenAndServe(ctx, httpsPort, httpPort, nil, nil)
}
`
    expect(await linesOf({ 'server/server_test.go': go('9012') }, 'PORT001')).toEqual([11])
    expect(await linesOf({ 'server/server_test.go': go('0') }, 'PORT001')).toEqual([])
  })
})

describe('a port a helper reads from a setting with a default', () => {
  it('Java: undertow’s server binds getHostPort(DEFAULT), Integer.getInteger(name + ".server.port", 7777); a setting with no default is unknown', async () => {
    // undertow-io/undertow's core/src/test/java/io/undertow/testutils/DefaultServer.java.
    const java = (fallback: string) => `package io.undertow.testutils;

import java.net.InetSocketAddress;

public class DefaultServer {
    private static final String DEFAULT = "default";
    private static final int PROXY_OFFSET = 1111;

    static void start(XnioWorker worker) throws Exception {
        server = worker.createStreamConnectionServer(new InetSocketAddress("127.0.0.1", getHostPort(DEFAULT)), null, null);
        proxy = worker.createStreamConnectionServer(new InetSocketAddress("127.0.0.1", getProxyPort()), null, null);
    }

    public static int getHostPort(String serverName) {
        if (isApacheTest()) {
            return APACHE_PORT;
        }
        return Integer.getInteger(serverName + ".server.port"${fallback});
    }

    public static int getProxyPort() {
        return getHostPort(DEFAULT) + PROXY_OFFSET;
    }
}
`
    const file = 'core/src/test/java/io/undertow/testutils/DefaultServer.java'
    const { findings } = await scanFiles({ [file]: java(', 7777') })
    expect(
      findings
        .filter((f) => f.rule === 'PORT001')
        .map((f) => [f.line, f.message.match(/port \d+/)?.[0]]),
    ).toEqual([
      [10, 'port 7777'],
      [11, 'port 8888'],
    ])
    // Without a default the setting says nothing: the server on it is not flagged.
    expect(await linesOf({ [file]: java('') }, 'PORT001')).not.toContain(10)
  })
})

describe('a server process given its port in a template, then a fixed wait', () => {
  it('JavaScript: fdk’s spawn(path, args) with `--config-port=${…}` in args, resolved after setTimeout(() => resolve(…), 2000); a program given no port is no server', async () => {
    // serverless/fdk's tests/event-gateway/processes.js.
    const js = (flag: string) => `const { spawn } = require('child_process')
module.exports = {
  spawn: (ports) =>
    new Promise((resolve) => {
      const args = ['--dev', ${flag}]
      processStore[processId] = spawn(eventGatewayPath, args, { stdio: 'inherit' })
      setTimeout(() => resolve({ configPort: ports.configPort }), 2000)
    }),
}
`
    const file = 'tests/event-gateway/processes.js'
    expect(await linesOf({ [file]: js('`--config-port=${ports.configPort}`') }, 'PORT007')).toEqual(
      [6],
    )
    expect(await linesOf({ [file]: js("'--verbose'") }, 'PORT007')).toEqual([])
  })
})
