// Fetches the published snapshot, resolving to an outcome the controller acts on.

import { isSnapshot } from './snapshot.js';

export async function loadSnapshot(fetchImpl, address) {
  let reply;
  try {
    reply = await fetchImpl(address, { headers: { Accept: 'application/json' } });
  } catch {
    return { kind: 'offline' };
  }
  if (reply.status === 404 || reply.status === 403) return { kind: 'missing' };
  if (!reply.ok) return { kind: 'offline' };
  try {
    const json = await reply.json();
    return isSnapshot(json) ? { kind: 'snapshot', snapshot: json } : { kind: 'unreadable' };
  } catch {
    return { kind: 'unreadable' };
  }
}
