// The vocabulary of test assertions, for the readers that ask whether a value is only checked
// (never bound, dialled or started) or handed to code the test expects to throw.

/**
 * Assertions and their matchers: what they are handed is a value compared, never dialled or
 * started (playwright's `expect(details.subjectName).toBe('localhost')`, Vite's
 * `expect(resolved).toMatchObject({ preview: { port: 3006 } })`). `toString` converts, it does
 * not compare.
 */
export const ASSERTION =
  /^(?:assert\w*|expect|to(?!String$)[A-Z]\w*|Equal\w*|(?:deep|strict)?[eE]qual|isEqualTo)$/

/**
 * Assertions that the code they run throws: `assertThrows(() -> s.listen(1, null))`,
 * `Assert.ThrowsExactly<…>(…)`, `expect(() => …).toThrow()`, `assert.rejects(…)`.
 */
export const EXPECTS_THROW =
  /^(?:assert\w*(?:Throws|Exception|Error|Raises|Fails)|assertThrowsExactly|assertThatThrownBy|isThrownBy|assertFailsWith|expectThrows|assertRaises|shouldThrow\w*|toThrow\w*|rejects|throws|Throws(?:Async|Exception|Exactly(?:Async)?)?)$/
