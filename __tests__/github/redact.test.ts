import { describe, expect, it } from 'vitest'
import { redactRequest } from '../../src/github/client.js'
import { redact, REDACTED, secretFormsOf } from '../../src/github/redact.js'

const TOKEN = 'ghs_exampleJobToken0123456789abcdefABCDEF'
const OTHER = 'ghs_runnerRuntimeToken9876543210zyxwvuXY'

describe('the redactor', () => {
  const forms = secretFormsOf([TOKEN, OTHER, undefined, ''])
  it('knows every credential of the run, as is and in every base64 alignment', () => {
    for (const prefix of ['', 'x', 'xy', 'x-access-token:']) {
      const basic = Buffer.from(`${prefix}${TOKEN}`).toString('base64')
      expect(redact(`Authorization: Basic ${basic}`, forms)).not.toContain(basic.slice(8, 24))
    }
    expect(redact(`a ${OTHER} b`, forms)).toBe(`a ${REDACTED} b`)
  })
  it("removes credentials stored the way git keeps them, whoever's they are", () => {
    const stranger = Buffer.from('x-access-token:ghp_someoneElsesPersonalToken0000').toString(
      'base64'
    )
    const config = `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${stranger}\n`
    expect(redact(config, [])).toBe(
      `[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${REDACTED}\n`
    )
    expect(redact('https://x-access-token:ghs_abcdefghijkl@github.com/o/r', [])).toBe(
      `https://x-access-token:${REDACTED}@github.com/o/r`
    )
    // Ordinary Dockerfile text is left alone (a suggestion must hold the lines exactly).
    const run = 'RUN curl -H "Accept: application/json" https://example.com/api'
    expect(redact(run, [])).toBe(run)
  })
  it('every request body leaves redacted; the credential header reaches GitHub as it is', () => {
    const options: Record<string, unknown> = {
      method: 'POST',
      url: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      headers: { authorization: `token ${TOKEN}` },
      body: `quoted from .git/config: AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`,
      comments: [{ path: 'Dockerfile', body: `token ${TOKEN}` }],
      variables: { body: `x ${OTHER}` }
    }
    redactRequest(options, forms)
    expect(JSON.stringify(options.body)).not.toMatch(/AUTHORIZATION: basic [A-Za-z0-9]/)
    expect(JSON.stringify(options.comments)).not.toContain(TOKEN)
    expect(JSON.stringify(options.variables)).not.toContain(OTHER)
    expect(options.headers).toEqual({ authorization: `token ${TOKEN}` })
  })
})
