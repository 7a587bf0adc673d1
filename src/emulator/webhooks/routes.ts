/**
 * The webhook routes, wired to one dispatcher:
 *   POST /v1/webhooks/svix, /v1/webhooks/svix_url  -> {svix_url}: BAPI's Svix dashboard links; the emulator's
 *                                                     "dashboard" is its own delivery log (a local URL)
 *   GET    /__emulator/webhooks             -> {endpoints: [{id, url, events}]} (secrets are never served)
 *   GET    /__emulator/webhooks/deliveries  -> every delivery, oldest first: {id (svix-id), endpoint_id, url,
 *                                              event_type, object_id, status, attempts [{at, status, error?,
 *                                              duration_ms}], next_attempt_at, created_at}
 *   DELETE /__emulator/webhooks/deliveries  -> clears that log
 */
import {ok, type Router} from '../router.js'
import {publicEndpoint, type WebhookDispatcher} from './deliveries.js'

export function registerWebhookApi(api: Router, selfUrl: () => string): void {
  const svixUrl = () => ok({svix_url: `${selfUrl()}/__emulator/webhooks/deliveries`})
  api.post('/v1/webhooks/svix', svixUrl)
  api.post('/v1/webhooks/svix_url', svixUrl)
}

export function registerWebhookControl(control: Router, dispatcher: WebhookDispatcher): void {
  control.get('/__emulator/webhooks', () => ok({endpoints: dispatcher.endpoints.map(publicEndpoint)}))
  control.get('/__emulator/webhooks/deliveries', () => ok(dispatcher.log))
  control.delete('/__emulator/webhooks/deliveries', () => {
    dispatcher.log.length = 0
    return ok({deliveries: []})
  })
}
