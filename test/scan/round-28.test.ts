// The twenty-eighth round's fixes (docs/scan.md, "Twenty-eighth round"), from findings that
// reviewers judged false in earlier censuses and that the scan still made. Each sits beside the
// true finding that the same code makes once the reason is gone.
import { describe, expect, it } from 'vitest'
import { linesOf } from './helpers.ts'

describe('a released port the test means to be refused', () => {
  it('Go: pion/dtls’s “Server is not listening.” above the dial says so; without it the number is a race', async () => {
    // pion/dtls's errors_errno_test.go.
    const go = (comment: string) => `package dtls

import (
	"net"
	"testing"
)

func TestErrorsTemporary(t *testing.T) {
	addrListen, _ := net.ResolveUDPAddr("udp", "localhost:0")
	listener, _ := net.ListenUDP("udp", addrListen)
	raddr := listener.LocalAddr().(*net.UDPAddr)
	listener.Close()

	${comment}
	conn, _ := net.DialUDP("udp", nil, raddr)
	conn.Close()
}
`
    const said = '// Server is not listening.'
    expect(await linesOf({ 'errors_errno_test.go': go(said) }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'errors_errno_test.go': go('// Dial it.') }, 'PORT002')).toEqual([10])
  })

  it('Go: go-mysql’s TestPool_WrongAddr is named for a wrong address; a test named otherwise races', async () => {
    // go-mysql-org/go-mysql's client/pool_test.go.
    const go = (name: string) => `package client

import (
	"net"
	"testing"
)

func ${name}(t *testing.T) {
	l, _ := net.Listen("tcp4", "127.0.0.1:0")
	laddr := l.Addr().(*net.TCPAddr)
	_ = l.Close()
	_, err := NewPool(laddr.String())
	if err == nil {
		t.Fatal("expected an error")
	}
}
`
    expect(await linesOf({ 'pool_test.go': go('TestPool_WrongAddr') }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'pool_test.go': go('TestPool_Addr') }, 'PORT002')).toEqual([9])
  })

  it('Go: tchannel-go’s GetClosedHostPort is named for a closed port; GetHostPort hands out a race', async () => {
    // uber/tchannel-go's testutils/conn.go.
    const go = (name: string) => `package testutils

import (
	"net"
	"testing"
)

func ${name}(t testing.TB) string {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hostPort := listener.Addr().String()
	listener.Close()
	return hostPort
}
`
    expect(await linesOf({ 'testutils/conn.go': go('GetClosedHostPort') }, 'PORT002')).toEqual([])
    expect(await linesOf({ 'testutils/conn.go': go('GetHostPort') }, 'PORT002')).toEqual([8])
  })
})

describe('SO_REUSEADDR on a socket that only connects', () => {
  it('Python: daphne’s raw client sets the option and connects; a socket that binds a fixed port is flagged', async () => {
    // django/daphne's tests/http_base.py.
    const py = (use: string) => `import socket

def test_raw_request():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ${use}
    s.send(b"GET / HTTP/1.1")
`
    const connects = 's.connect(("127.0.0.1", 8000))'
    const binds = 's.bind(("127.0.0.1", 8000))'
    expect(await linesOf({ 'tests/test_http.py': py(connects) }, 'PORT003')).toEqual([])
    expect(await linesOf({ 'tests/test_http.py': py(binds) }, 'PORT003')).toEqual([5])
  })

  it('Java: grizzly’s newSocket sets setReuseAddress(true) before connect; one that binds is flagged', async () => {
    // eclipse-ee4j/grizzly's modules/comet/src/test/java/.../CometUnitTests.java.
    const java = (use: string) => `import java.net.Socket;
import java.net.InetSocketAddress;
import org.junit.Test;

public class CometUnitTests {
    @Test
    public void testSockets() throws Exception {
        Socket socket = new Socket();
        socket.setReuseAddress(true);
        socket.setSoTimeout(1000);
        ${use}
    }
}
`
    const connects = 'socket.connect(new InetSocketAddress("localhost", 8080));'
    const binds = 'socket.bind(new InetSocketAddress("localhost", 8080));'
    expect(
      await linesOf({ 'src/test/java/CometUnitTests.java': java(connects) }, 'PORT003'),
    ).toEqual([])
    expect(await linesOf({ 'src/test/java/CometUnitTests.java': java(binds) }, 'PORT003')).toEqual([
      9,
    ])
  })
})
