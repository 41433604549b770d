// A stand-in for GitHub's OIDC token issuer on loopback: the discovery document and the JWKS that
// `bind-probe serve` reads, and tokens minted as GitHub mints them, honest or forged.
import { createHmac, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, SignJWT, type JWTPayload } from 'jose'

export const AUDIENCE = 'https://bind-probe.test'

interface Key {
  kid: string
  privateKey: KeyObject
  publicKey: KeyObject
}

function rsaKey(kid: string): Key {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { kid, privateKey, publicKey }
}

export class OidcIssuer {
  readonly published = rsaKey('published-key')
  /** A key the issuer never published. */
  readonly stranger = rsaKey('stranger-key')
  url = ''
  jwksRequests = 0
  private server: Server | undefined

  async start(): Promise<string> {
    const jwk = {
      ...(await exportJWK(this.published.publicKey)),
      kid: this.published.kid,
      alg: 'RS256',
      use: 'sig',
    }
    this.server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json')
      if (req.url === '/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer: this.url, jwks_uri: `${this.url}/.well-known/jwks` }))
      } else if (req.url === '/.well-known/jwks') {
        this.jwksRequests++
        res.end(JSON.stringify({ keys: [jwk] }))
      } else {
        res.statusCode = 404
        res.end('{}')
      }
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.url
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise((resolve) => this.server?.close(resolve))
  }

  /** GitHub's claims for one job of a run; `overrides` change or (with undefined) remove them. */
  claims(overrides: Record<string, unknown> = {}): JWTPayload {
    const now = Math.floor(Date.now() / 1000)
    const claims: Record<string, unknown> = {
      iss: this.url,
      aud: AUDIENCE,
      sub: 'repo:octo-org/octo-repo:pull_request',
      jti: randomUUID(),
      iat: now,
      nbf: now,
      exp: now + 300,
      repository: 'octo-org/octo-repo',
      repository_id: '74',
      repository_owner: 'octo-org',
      repository_owner_id: '65',
      run_id: '1234',
      run_attempt: '1',
      check_run_id: '5678',
      job_workflow_ref: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/pull/1/merge',
      sha: 'f'.repeat(40),
      ...overrides,
    }
    return Object.fromEntries(
      Object.entries(claims).filter(([, v]) => v !== undefined),
    ) as JWTPayload
  }

  /** A token signed as the issuer signs, with `key` (the published one by default). */
  async token(overrides: Record<string, unknown> = {}, key: Key = this.published, kid = key.kid) {
    return new SignJWT(this.claims(overrides))
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .sign(key.privateKey)
  }

  /** `alg: none`: no signature at all. */
  unsigned(overrides: Record<string, unknown> = {}): string {
    return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(this.claims(overrides))}.`
  }

  /** HS256 with the issuer's public key as the HMAC secret: the classic key-confusion forgery. */
  hmacWithPublicKey(overrides: Record<string, unknown> = {}): string {
    const head = `${b64({ alg: 'HS256', typ: 'JWT', kid: this.published.kid })}.${b64(this.claims(overrides))}`
    const pem = this.published.publicKey.export({ type: 'spki', format: 'pem' })
    return `${head}.${createHmac('sha256', pem).update(head).digest('base64url')}`
  }

  strangerKey(): Key {
    return this.stranger
  }

  newKey(kid: string): Key {
    return rsaKey(kid)
  }
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}
