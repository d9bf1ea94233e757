import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { KeyProvider } from './key-provider';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type BlindIndexKind = 'name' | 'idNumber';

/**
 * Fresh IVs drawn from the CSPRNG in blocks (one call per 341 IVs rather than one per IV; a
 * submit waits on this). Each block is a new buffer and every byte is handed out once, so IVs are
 * exactly as random as `randomBytes(12)` and never shared.
 */
class IvPool {
  private block = Buffer.alloc(0);
  private offset = 0;

  take(): Buffer {
    if (this.offset + IV_BYTES > this.block.length) {
      this.block = randomBytes(IV_BYTES * 341);
      this.offset = 0;
    }
    const iv = this.block.subarray(this.offset, this.offset + IV_BYTES);
    this.offset += IV_BYTES;
    return iv;
  }
}

/**
 * AES-256-GCM for personal fields and drafts, HMAC-SHA256 blind indexes for exact-match search.
 * Both keys are derived (HKDF) from the instance's data key, so an index never reveals anything
 * about the encryption key and vice versa. Ciphertext layout: version | iv | tag | ciphertext.
 * The AAD binds a ciphertext to its row (e.g. `hub_submissions:<id>`) so blobs cannot be swapped.
 */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;
  private readonly ivs = new IvPool();

  constructor(keys: KeyProvider) {
    const master = keys.dataKey();
    this.encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'sifa/field-encryption/v1', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'sifa/blind-index/v1', 32));
  }

  encrypt(plaintext: string, aad: string): Buffer {
    const iv = this.ivs.take();
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(blob: Buffer, aad: string): string {
    if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== VERSION) throw new Error('unknown ciphertext format');
    const iv = blob.subarray(1, 1 + IV_BYTES);
    const tag = blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  encryptJson(value: unknown, aad: string): Buffer {
    return this.encrypt(JSON.stringify(value), aad);
  }

  decryptJson<T>(blob: Buffer, aad: string): T {
    return JSON.parse(this.decrypt(blob, aad)) as T;
  }

  /** Keyed hash of a normalized value; equal inputs give equal indexes, nothing else is learnt. */
  blindIndex(kind: BlindIndexKind, value: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}\u0000${normalizeForIndex(kind, value)}`, 'utf8').digest('hex').slice(0, 32);
  }
}

/** Full names match regardless of spacing, width and middle-dot variants; ID numbers regardless of case. */
export function normalizeForIndex(kind: BlindIndexKind, value: string): string {
  const text = value.normalize('NFKC').trim();
  if (kind === 'idNumber') return text.replace(/\s+/g, '').toUpperCase();
  return text.replace(/[\s·•・‧.]+/g, '').toLowerCase();
}
