// The dashboard's cookies, sealed with AES-256-GCM under a key from the session secret: the
// contents (a user's GitHub token among them) are neither readable nor forgeable by the browser
// that holds them, and each carries its own expiry.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

export class Sealer {
  private readonly key: Buffer
  constructor(secret: string) {
    this.key = createHash('sha256').update(`bind-probe dashboard session\u0000${secret}`).digest()
  }

  seal(value: unknown, lifetimeMs: number, now = Date.now()): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const body = Buffer.concat([
      cipher.update(JSON.stringify({ value, exp: now + lifetimeMs }), 'utf8'),
      cipher.final(),
    ])
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
  }

  /** The value, or undefined when the cookie was tampered with, sealed by another key or expired. */
  open<T>(sealed: string | undefined, now = Date.now()): T | undefined {
    if (!sealed) return undefined
    try {
      const raw = Buffer.from(sealed, 'base64url')
      if (raw.length < 29) return undefined
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString()
      const { value, exp } = JSON.parse(text) as { value: T; exp: number }
      return typeof exp === 'number' && exp > now ? value : undefined
    } catch {
      return undefined
    }
  }
}

export function readCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>()
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq < 1) continue
    const name = part.slice(0, eq).trim()
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim())
  }
  return cookies
}

export function cookie(
  name: string,
  value: string,
  options: { maxAgeS: number; secure: boolean },
): string {
  return [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${options.maxAgeS}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ')
}
