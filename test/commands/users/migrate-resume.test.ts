/**
 * A 2,000-user Firebase migration killed (SIGKILL) twice and resumed: exactly 2,000 users, each once,
 * the ID map complete; then --undo removes exactly those 2,000 and nothing else.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {firebaseHash, type HashConfig} from '../../helpers/digests.js'
import {useEmulator} from '../../helpers/harness.js'

const N = 2000
// Cheap parameters (the CLI accepts rounds 1-8, mem_cost 1-14) so 2,000 digests take no time to make or check.
const HASH: HashConfig = {
  base64_signer_key: Buffer.from('resume-test-signer-key-0123456789abcdef').toString('base64'),
  base64_salt_separator: 'Bw==',
  rounds: 1,
  mem_cost: 1,
}

function firebaseExport(path: string): void {
  const users = []
  for (let i = 0; i < N; i++) {
    const salt = Buffer.from(`salt-${i}`).toString('base64')
    users.push({
      localId: `fb${String(i).padStart(6, '0')}`,
      email: `fb-user-${i}@example.com`,
      emailVerified: i % 10 !== 0,
      passwordHash: firebaseHash(`pw-${i}-secret`, salt, HASH),
      salt,
      displayName: `User ${i}`,
      createdAt: String(1_600_000_000_000 + i * 1000),
    })
  }
  writeFileSync(path, JSON.stringify({users}, null, 2))
}

describe('a 2,000-user Firebase migration', () => {
  const t = useEmulator({rateLimit: 'off'})

  it(
    'killed twice and resumed: 2,000 users each once, ID map complete; undo removes exactly them',
    {timeout: 300_000},
    async () => {
      t.seedUsers(25) // users who were there before and must survive the undo
      const before = new Set(t.emu.store.users.values().map((u) => u.id))
      const d = mkdtempSync(join(tmpdir(), 'migrate-resume-'))
      const file = join(d, 'users.json')
      firebaseExport(file)
      const idMap = join(d, 'ids.csv')
      const args = [
        ...['users', 'import', file, '--from', 'firebase', '--hash-key', HASH.base64_signer_key],
        ...['--salt-separator', 'Bw==', '--rounds', '1', '--mem-cost', '1', '--dev-user-cap', '5000'],
        ...['--yes', '--resume', '--id-map', idMap, '--rate-limit', '500/1s', '--concurrency', '8'],
      ]
      const created = () => t.emu.store.users.size - before.size
      for (const killAt of [400, 1100]) {
        const run = t.start(args, {timeoutMs: 240_000})
        while (created() < killAt && run.child.exitCode === null) await new Promise((r) => setTimeout(r, 5))
        run.child.kill('SIGKILL')
        const r = await run.done
        expect(r.signal, r.stderr).toBe('SIGKILL')
        expect(created()).toBeLessThan(N)
      }
      const last = await t.ok(args, {timeoutMs: 240_000})
      expect(last.stderr).toMatch(/journal: +\d+ rows already done/)

      const migrated = t.emu.store.users.values().filter((u) => !before.has(u.id))
      expect(migrated).toHaveLength(N)
      expect(new Set(migrated.map((u) => u.external_id)).size).toBe(N)
      for (const i of [0, 1, 777, 1999]) {
        const u = migrated.find((x) => x.external_id === `fb${String(i).padStart(6, '0')}`)!
        expect(u.email_addresses[0].reserved).toBe(i % 10 === 0)
        const res = await fetch(`${t.emu.url}/v1/users/${u.id}/verify_password`, {
          method: 'POST',
          headers: {Authorization: `Bearer ${t.emu.secretKey}`, 'Content-Type': 'application/json'},
          body: JSON.stringify({password: `pw-${i}-secret`}),
        })
        expect(res.status).toBe(200)
      }
      const lines = readFileSync(idMap, 'utf8').trim().split('\n')
      expect(lines[0]).toBe('source_id,clerk_id,status')
      const rows = lines.slice(1).map((l) => l.split(','))
      expect(rows).toHaveLength(N)
      expect(new Set(rows.map(([source]) => source)).size).toBe(N)
      const byExternal = new Map(migrated.map((u) => [u.external_id, u.id]))
      for (const [source, clerk, status] of rows) {
        expect(status).toBe('created')
        expect(clerk).toBe(byExternal.get(source))
      }

      await t.ok(['users', 'import', '--undo', `${file}.journal`, '--yes', '--rate-limit', '1000/1s'], {
        timeoutMs: 240_000,
      })
      expect(new Set(t.emu.store.users.values().map((u) => u.id))).toEqual(before)
    },
  )
})
