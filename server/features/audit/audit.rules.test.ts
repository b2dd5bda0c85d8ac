import { describe, expect, it } from 'vitest';
import {
  type StoredAuditEntry,
  GENESIS_HASH,
  canonicalJson,
  chainHash,
  contentOf,
  startCursor,
  verifyBatch,
  verifyHead,
} from './audit.rules';

function buildChain(n: number): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      seq,
      at: `2026-01-01T00:00:0${seq}.000Z`,
      actorId: 'u1',
      action: 'org.create',
      entity: 'organization',
      entityId: `o${seq}`,
      organizationId: null,
      before: null,
      after: `{"n":${seq}}`,
    };
    const hash = chainHash(prev, content);
    out.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

function verifyAll(
  entries: StoredAuditEntry[],
  head = { lastSeq: entries.length, lastHash: entries.at(-1)?.hash ?? GENESIS_HASH },
) {
  const cursor = startCursor();
  return verifyBatch(cursor, entries) ?? verifyHead(cursor, head);
}

describe('canonicalJson', () => {
  it('sorts keys at every depth so equal values hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });
  it('drops undefined members like JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
});

describe('audit chain verification', () => {
  it('accepts an intact chain and counts every entry', () => {
    const cursor = startCursor();
    expect(verifyBatch(cursor, buildChain(5))).toBeNull();
    expect(cursor.checked).toBe(5);
  });

  it('accepts the chain checked in several batches', () => {
    const chain = buildChain(7);
    const cursor = startCursor();
    expect(verifyBatch(cursor, chain.slice(0, 3))).toBeNull();
    expect(verifyBatch(cursor, chain.slice(3))).toBeNull();
    expect(verifyHead(cursor, { lastSeq: 7, lastHash: chain[6]!.hash })).toBeNull();
  });

  it('names an entry whose content was edited', () => {
    const chain = buildChain(5);
    chain[2] = { ...chain[2]!, after: '{"n":999}' };
    expect(verifyAll(chain)).toMatchObject({ seq: 3, kind: 'altered' });
  });

  it('names an entry that was edited and re-hashed, because the next one no longer links to it', () => {
    const chain = buildChain(5);
    const forged = { ...chain[1]!, action: 'org.delete' };
    chain[1] = { ...forged, hash: chainHash(forged.prevHash, contentOf(forged)) };
    expect(verifyAll(chain)).toMatchObject({ seq: 2, kind: 'altered' });
  });

  it('names the first deleted entry in the middle', () => {
    const chain = buildChain(5);
    chain.splice(1, 2);
    expect(verifyAll(chain)).toMatchObject({ seq: 2, kind: 'deleted' });
  });

  it('names entries deleted from the end by comparing with the head', () => {
    const chain = buildChain(5);
    expect(verifyAll(chain.slice(0, 3), { lastSeq: 5, lastHash: chain[4]!.hash })).toMatchObject({ seq: 4, kind: 'deleted' });
  });

  it('names an entry appended behind the application (head not advanced)', () => {
    const chain = buildChain(4);
    expect(verifyAll(chain, { lastSeq: 3, lastHash: chain[2]!.hash })).toMatchObject({ seq: 4, kind: 'inserted' });
  });

  it('reports a duplicated sequence number', () => {
    const chain = buildChain(3);
    expect(verifyAll([chain[0]!, chain[1]!, chain[1]!, chain[2]!])).toMatchObject({ seq: 2, kind: 'reordered' });
  });
});
