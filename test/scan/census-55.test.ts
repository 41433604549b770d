// Census 55's false findings (docs/scan.md, "Twenty-sixth round"), each beside the true finding
// that the same code would make if it did run or bind.
import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.ts'

describe('a Go server only read for its fields', () => {
  it('Go: dubbo-go’s NewServer("127.0.0.1:20001", conf) checks settings; one that is run listens', async () => {
    // apache/dubbo-go's protocol/triple/triple_protocol/negotiation_test.go.
    const go = (use: string) => `package triple_protocol

func TestNewServerWithTripleConf(t *testing.T) {
	serverEnabled := NewServer("127.0.0.1:20001", tripleConfEnabled)
	${use}
}
`
    const file = 'protocol/triple/triple_protocol/negotiation_test.go'
    const read = 'assert.True(t, serverEnabled.tripleConfig.Http3.Negotiation)'
    expect(await linesOf({ [file]: go(read) }, 'PORT001')).toEqual([])
    expect(await linesOf({ [file]: go('go serverEnabled.Run()') }, 'PORT001')).toEqual([4])
  })
})

describe('a JVM main in test sources', () => {
  it('Java: commons-vfs’s FreeSocketPortUtil.main is run by hand; its helper still races', async () => {
    // apache/commons-vfs's commons-vfs2/src/test/java/org/apache/commons/vfs2/util/FreeSocketPortUtil.java.
    const java = `package org.apache.commons.vfs2.util;

public class FreeSocketPortUtil {
    public static int findFreeLocalPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void main(final String[] args) throws IOException {
        System.out.println(findFreeLocalPort());
    }
}
`
    const file = 'commons-vfs2/src/test/java/org/apache/commons/vfs2/util/FreeSocketPortUtil.java'
    expect(await linesOf({ [file]: java }, 'PORT002')).toEqual([4])
  })

  it('Java: a race inside a main of test sources is not reported; the same code in a test is', async () => {
    const java = (method: string) => `package org.example;

public class ManualServer {
    ${method} throws IOException {
        ServerSocket probe = new ServerSocket(0);
        int port = probe.getLocalPort();
        probe.close();
        new HttpServer(port).start();
    }
}
`
    const file = 'src/test/java/org/example/ManualServer.java'
    const main = 'public static void main(final String[] args)'
    expect(await linesOf({ [file]: java(main) }, 'PORT002')).toEqual([])
    expect(await linesOf({ [file]: java('@Test public void serves()') }, 'PORT002')).not.toEqual([])
  })
})
