/** instance get -> edit -> diff -> apply round trip on the emulator; apply twice sends nothing; production confirms. */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import YAML from 'yaml'

import {useEmulator, withEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
const patches = (log: Array<{method: string; path: string}>) =>
  log.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)

describe('clerk instance get | diff | apply', () => {
  it(
    'round-trips an edited document, sends only what differs, and nothing the second time',
    {timeout: 120_000},
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'clerk-instance-'))
      const file = join(dir, 'settings.yaml')
      const got = await t.ok(['instance', 'get'])
      expect(got.stdout).toMatch(/^# Read-only \(never sent by apply\):$/m)
      const doc = YAML.parse(got.stdout)
      expect(Object.keys(doc)).toEqual([
        'instance',
        'organization_settings',
        'communication',
        'protect',
        'oauth_application_settings',
      ])
      expect(doc.organization_settings).toMatchObject({domains_enabled: false, creator_role: 'org:admin'})
      expect(doc.protect).not.toHaveProperty('object')

      // untouched: no differences, exit 0
      writeFileSync(file, got.stdout)
      expect((await t.ok(['instance', 'diff', file])).stderr).toMatch(/no changes/)

      doc.organization_settings.domains_enabled = true
      doc.organization_settings.domains_enrollment_modes = ['manual_invitation', 'automatic_invitation']
      doc.organization_settings.creator_role = 'org:member' // shown as a key, sent as creator_role_id
      doc.organization_settings.max_allowed_domains = 99 // read-only: reported, never sent
      doc.communication.blocked_country_codes = ['RU', 'KP']
      doc.instance.allowed_origins = ['https://app.example.com', 'http://localhost:3000']
      delete doc.oauth_application_settings // a group left out is not compared
      writeFileSync(file, YAML.stringify(doc))

      const diff = await t.fails(6, ['instance', 'diff', file])
      expect(diff.stdout.trim().split('\n')).toEqual([
        '~ instance.allowed_origins: ["http://localhost:3000"] -> ["https://app.example.com","http://localhost:3000"]',
        '! organization_settings.max_allowed_domains: 10 -> 99   (read-only: not sent)',
        '~ organization_settings.creator_role: "org:admin" -> "org:member"',
        '~ organization_settings.domains_enabled: false -> true',
        '~ organization_settings.domains_enrollment_modes: ["manual_invitation"] -> ["manual_invitation","automatic_invitation"]',
        '~ communication.blocked_country_codes: [] -> ["RU","KP"]',
      ])
      expect(diff.stderr).toMatch(/1 read-only setting\(s\) differ/)

      let since = t.mark()
      const dry = await t.ok(['instance', 'apply', file, '--dry-run'])
      expect(patches(since())).toEqual([])
      expect(dry.stderr).toMatch(/would send PATCH \/v1\/instance\/organization_settings \{"creator_role_id":"role_/)
      expect(dry.stderr).toMatch(/Dry run: nothing was sent/)

      since = t.mark()
      await t.ok(['instance', 'apply', file])
      expect(patches(since())).toEqual([
        'PATCH /v1/instance',
        'PATCH /v1/instance/organization_settings',
        'PATCH /v1/instance/communication',
      ])
      const sent = since().find((r) => r.path === '/v1/instance/organization_settings' && r.method === 'PATCH')
      expect(sent?.status).toBe(200)
      const after = await t.json(['instance', 'get'])
      expect(after.organization_settings).toMatchObject({
        domains_enabled: true,
        creator_role: 'org:member',
        max_allowed_domains: 10,
        domains_enrollment_modes: ['manual_invitation', 'automatic_invitation'],
      })
      expect(after.communication.blocked_country_codes).toEqual(['RU', 'KP'])

      // the same file again: nothing to send (the read-only difference is still reported)
      since = t.mark()
      const again = await t.ok(['instance', 'apply', file])
      expect(patches(since())).toEqual([])
      expect(again.stderr).toMatch(/no changes/)
      await t.ok(['instance', 'diff', file])

      // bad documents: exit 2 with a did-you-mean, nothing sent
      since = t.mark()
      writeFileSync(file, 'protect:\n  rules_enable: true\n')
      expect((await t.usage(['instance', 'apply', file])).stderr).toMatch(/did you mean protect\.rules_enabled\?/)
      const unknown = await t.usage(['instance', 'diff', '-'], {input: '{"instanse": {}}'})
      expect(unknown.stderr).toMatch(/unknown settings group "instanse"[\s\S]*did you mean instance\?/)
      expect((await t.usage(['instance', 'diff', '-'], {input: 'a: [1\n'})).stderr).toMatch(/neither JSON nor YAML/)
      // a write-only key is sent every time and says so
      writeFileSync(file, JSON.stringify({instance: {hibp: true}}))
      expect((await t.fails(6, ['instance', 'diff', file])).stdout).toMatch(/\+ instance\.hibp: true {3}\(write-only/)
      expect(patches(since())).toEqual([])
      expect(readFileSync(file, 'utf8')).toContain('hibp')
    },
  )

  it('with a production key, apply needs --yes without a terminal', {timeout: 60_000}, async () => {
    await withEmulator({rateLimit: 'off', secretKey: `sk_live_${'D'.repeat(40)}`}, async (p) => {
      const input = JSON.stringify({protect: {rules_enabled: true}})
      const since = p.mark()
      expect((await p.usage(['instance', 'apply', '-'], {input})).stderr).toMatch(/without confirmation/)
      expect(patches(since())).toEqual([])
      await p.ok(['instance', 'apply', '-', '--yes'], {input})
      expect(patches(since())).toEqual(['PATCH /v1/instance/protect'])
    })
  })
})
