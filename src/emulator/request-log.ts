/** One request as the emulator saw it: what `emu.requests` and `GET /__emulator/requests` hold. */
export interface RequestLogEntry {
  method: string
  path: string
  query: Record<string, string | string[]>
  /** 0 when no response was sent (a 'reset' or 'hang' fault). */
  status: number
  startedAt: number
  endedAt: number
  body?: unknown
  /** the answer came from an injected 'status' fault, not from a route */
  fault?: boolean
}
