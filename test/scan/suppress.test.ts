// Inline suppression comments.
import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/scan/extract.ts'
import type { LanguageId } from '../../src/scan/languages.ts'
import { isSuppressed, suppressionsOf } from '../../src/scan/suppress.ts'
import { grammars, hits, scanFiles } from './helpers.ts'

const span = (line: number, endLine = line) => ({
  line,
  endLine,
  column: 1,
  endColumn: 2,
  start: 0,
  end: 1,
})

describe('suppressionsOf', () => {
  it('covers the comment line and the line below, for the listed rules only', () => {
    const s = suppressionsOf([
      { text: '# bind-probe-ignore PORT001,PORT006: restart test', at: span(10) },
    ])
    expect(isSuppressed(s, 'PORT001', 10)).toBe(true)
    expect(isSuppressed(s, 'PORT006', 11)).toBe(true)
    expect(isSuppressed(s, 'PORT001', 12)).toBe(false)
    expect(isSuppressed(s, 'PORT002', 11)).toBe(false)
  })

  it('supports * and whole-file directives', () => {
    const s = suppressionsOf([
      { text: '// bind-probe-ignore *', at: span(3) },
      { text: '/* bind-probe-ignore-file PORT005: IPv4-only CI */', at: span(1) },
    ])
    expect(isSuppressed(s, 'PORT007', 4)).toBe(true)
    expect(isSuppressed(s, 'PORT005', 99)).toBe(true)
    expect(isSuppressed(s, 'PORT001', 99)).toBe(false)
  })

  it('ignores comments that only mention the tool', () => {
    const s = suppressionsOf([{ text: '// see bind-probe docs', at: span(1) }])
    expect(s.lines.size + s.file.size).toBe(0)
  })
})

describe('suppression in a scan', () => {
  const code = (comment: string) =>
    `const net = require('node:net')\nit('x', () => {\n  ${comment}\n  net.createServer().listen(4000)\n})\n`

  it('drops suppressed findings and counts them', async () => {
    const plain = await scanFiles({ 'test/a.spec.js': code('') })
    expect(hits(plain)).toEqual(['PORT001@4'])
    const quiet = await scanFiles({
      'test/a.spec.js': code('// bind-probe-ignore PORT001: fixed by protocol'),
    })
    expect(quiet.findings).toEqual([])
    expect(quiet.suppressed).toBe(1)
  })

  it('does not suppress other rules or other lines', async () => {
    const r = await scanFiles({
      'test/a.spec.js': code('// bind-probe-ignore PORT002: not this one'),
    })
    expect(hits(r)).toEqual(['PORT001@4'])
  })

  it('does not read directives from string literals', async () => {
    const r = await scanFiles({
      'test/a.spec.js': code("const note = 'bind-probe-ignore PORT001'"),
    })
    expect(hits(r)).toEqual(['PORT001@4'])
  })
})

describe('suppression of multi-line statements', () => {
  it('covers the whole statement below the comment, not just its first line', async () => {
    const js = `const http = require('http')
test('x', () => {
  // bind-probe-ignore PORT001: fixed port for the protocol
  const server = http
    .createServer(handler)
    .listen(3000)
})
`
    const r = await scanFiles({ 'tests/multi.test.js': js })
    expect(r.findings).toEqual([])
    expect(r.suppressed).toBe(1)
  })

  it('reads a run of comment lines (directive and wrapped reason) as one comment', async () => {
    const py = `import socket

def test_two():
    # bind-probe-ignore PORT001: reason
    # (wrapped explanation)
    s = socket.socket()
    s.bind(("127.0.0.1", 8126))

def test_three():
    s = socket.socket()
    # bind-probe-ignore PORT001: reason
    # (wrapped explanation)
    s.bind(("127.0.0.1", 8127))
    s.bind(("127.0.0.1", 8128))
`
    const r = await scanFiles({ 'tests/test_multi.py': py })
    expect(hits(r)).toEqual(['PORT001@14', 'PORT001@7'])
    expect(r.suppressed).toBe(1)
  })
  it('honours a directive at the end of the last line of a multi-line call, where Black puts it', async () => {
    const py = `import socket

def test_wrapped():
    s = socket.socket()
    s.bind(
        ("127.0.0.1", 8081)
    )  # bind-probe-ignore PORT001: the protocol's port
`
    const r = await scanFiles({ 'tests/test_wrapped.py': py })
    expect(hits(r)).toEqual([])
    expect(r.suppressed).toBe(1)
  })
})

/** Lines where a PORT001 finding would be suppressed, parsed and extracted for real. */
async function covered(language: LanguageId, code: string): Promise<number[]> {
  const { parser } = await grammars.get(language)
  const tree = parser!.parse(code)!
  try {
    const s = suppressionsOf(extractFacts(tree, language).comments)
    const count = code.split('\n').length
    return Array.from({ length: count }, (_, i) => i + 1).filter((line) =>
      isSuppressed(s, 'PORT001', line),
    )
  } finally {
    tree.delete()
  }
}

describe('a directive covers its statement, not the bodies nested in it', () => {
  it('above describe(): neither test inside the suite is suppressed', async () => {
    const js = `const net = require('net')
// bind-probe-ignore PORT001: the first server must use 8125
describe('suite', () => {
  it('a', () => {
    net.createServer().listen(8125)
  })
  it('b', () => {
    net.createServer().listen(9000)
  })
})
`
    const r = await scanFiles({ 'a.test.js': js })
    expect(hits(r)).toEqual(['PORT001@5', 'PORT001@8'])
    expect(r.suppressed).toBe(0)
  })

  it('above a function declaration: its body is not suppressed', async () => {
    const js = `const net = require('net')
// bind-probe-ignore PORT001: reason
function start(handler,
               options) {
  return net.createServer(handler).listen(8125)
}
test('x', () => start())
`
    const r = await scanFiles({ 'tests/start.test.js': js })
    expect(hits(r)).toEqual(['PORT001@5'])
    expect(r.suppressed).toBe(0)
  })

  it('covers code after a nested callback: }).listen(…) is the statement itself', async () => {
    const js = `const http = require('http')
test('x', () => {
  // bind-probe-ignore PORT001: fixed port for the protocol
  const server = http.createServer((req, res) => {
    res.end()
  }).listen(3000)
})
`
    const r = await scanFiles({ 'tests/cb.test.js': js })
    expect(r.findings).toEqual([])
    expect(r.suppressed).toBe(1)
    expect(await covered('javascript', js)).toEqual([3, 4, 6])
  })

  it('a directive at the end of a line covers that line only', async () => {
    const js = `const net = require('net')
it('x', () => {
  net.createServer().listen(4000) // bind-probe-ignore PORT001: reason
  net.createServer().listen(4001)
})
`
    const r = await scanFiles({ 'test/a.spec.js': js })
    expect(hits(r)).toEqual(['PORT001@4'])
    expect(r.suppressed).toBe(1)
  })

  it('JavaScript: multi-line arguments and objects are continuation lines; function bodies are not', async () => {
    const js = `// bind-probe-ignore PORT001: r
server.listen({
  port: 8125,
  host: '127.0.0.1',
})
// bind-probe-ignore PORT001: r
const start = () =>
  server.listen(8125)
`
    expect(await covered('javascript', js)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('Python: a decorated function covers decorators and header, not the body', async () => {
    const py = `import socket
# bind-probe-ignore PORT001: r
@pytest.mark.parametrize("port", [
    8125,
])
def test_x(port):
    s.bind(("127.0.0.1", 8125))
`
    expect(await covered('python', py)).toEqual([2, 3, 4, 5, 6])
  })

  it('Python: a with statement covers its header, not its block; a wrapped call is covered', async () => {
    const py = `def test_x():
    # bind-probe-ignore PORT001: r
    with socket.socket() as s:
        s.bind(("127.0.0.1", 8125))
    # bind-probe-ignore PORT001: r
    s.bind((
        "127.0.0.1",
        8126,
    ))
    s.bind(("127.0.0.1", 8127))
`
    expect(await covered('python', py)).toEqual([2, 3, 5, 6, 7, 8, 9])
  })

  it('Go: t.Run covers the call line and its closing line, not the closure body', async () => {
    const go = `package x
func TestX(t *testing.T) {
	// bind-probe-ignore PORT001: r
	t.Run("a", func(t *testing.T) {
		net.Listen("tcp", ":8125")
	})
	// bind-probe-ignore PORT001: r
	ln, err := net.Listen(
		"tcp",
		":8126")
	_ = ln
}
`
    expect(await covered('go', go)).toEqual([3, 4, 6, 7, 8, 9, 10])
  })

  it('Java: an annotated method covers annotation and header, not the body', async () => {
    const java = `class T {
  // bind-probe-ignore PORT001: r
  @Test
  void a() throws Exception {
    new ServerSocket(8125);
  }
}
`
    expect(await covered('java', java)).toEqual([2, 3, 4])
  })

  it('Kotlin: an annotated function and a trailing lambda keep their bodies', async () => {
    const kt = `class T {
  // bind-probe-ignore PORT001: r
  @Test
  fun a() {
    ServerSocket(8125)
  }
  fun b() {
    // bind-probe-ignore PORT001: r
    runBlocking {
      ServerSocket(8125)
    }
  }
}
`
    expect(await covered('kotlin', kt)).toEqual([2, 3, 4, 8, 9])
  })

  it('C#: an attributed method with its brace on the next line covers the header only', async () => {
    const cs = `class T {
  // bind-probe-ignore PORT001: r
  [Fact]
  public void A()
  {
    var l = new TcpListener(IPAddress.Loopback, 8125);
  }
}
`
    expect(await covered('csharp', cs)).toEqual([2, 3, 4])
  })

  it('Rust: attributes lead to the item they mark, whose body stays uncovered', async () => {
    const rs = `// bind-probe-ignore PORT001: r
#[test]
fn a() {
    TcpListener::bind("127.0.0.1:8125").unwrap();
}
`
    expect(await covered('rust', rs)).toEqual([1, 2, 3])
  })

  it('C: a function covers its header; a designated initializer is a continuation', async () => {
    const c = `/* bind-probe-ignore PORT001: r */
static void test_a(void)
{
    struct sockaddr_in a;
    /* bind-probe-ignore PORT001: r */
    struct sockaddr_in b = {
        .sin_port = htons(8125),
    };
}
`
    expect(await covered('c', c)).toEqual([1, 2, 5, 6, 7, 8])
  })
})
