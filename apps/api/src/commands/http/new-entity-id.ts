import { createHash, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

// Fixed namespace for the name-based ids below (any constant UUID works; never change it).
const NAMESPACE = Buffer.from('6c1a0d3e9b7f4e21a5c83d0f2b6e9a47', 'hex');

/**
 * The id for something a command creates (case, person, detention …) when the client did not
 * choose one. The gateway replays a retried command's stored answer, but the generated id is
 * added by the controller, after the gateway; a fresh random id on the replay would name an
 * entity that does not exist. So with an Idempotency-Key the id is derived from what the key
 * is scoped to (officer, key, route), RFC 4122 version 5, and a retry gets the same id again.
 */
export function newEntityId(req: FastifyRequest, kind: string): string {
  const header = req.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || req.principal === undefined) return randomUUID();
  const { issuer, subject } = req.principal;
  const name = [issuer, subject, key, `${req.method} ${req.url}`, kind].join('\n');
  const hash = createHash('sha1').update(NAMESPACE).update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
