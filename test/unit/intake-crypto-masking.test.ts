import { describe, expect, it } from 'vitest';
import { mkdtempSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { FieldCipher } from '../../electron/core/crypto/field-cipher';
import { FileKeyProvider, StaticKeyProvider } from '../../electron/core/crypto/key-provider';
import { maskDate, maskIdNumber, maskName, maskPhone, maskText } from '../../electron/core/intake/masking';

describe('field encryption', () => {
  const cipher = new FieldCipher(new StaticKeyProvider(Buffer.alloc(32, 7)));

  it('round-trips and binds the ciphertext to its row', () => {
    const blob = cipher.encrypt('张三丰', 'hub_submissions:1');
    expect(blob.includes(Buffer.from('张三丰'))).toBe(false);
    expect(cipher.decrypt(blob, 'hub_submissions:1')).toBe('张三丰');
    expect(() => cipher.decrypt(blob, 'hub_submissions:2')).toThrow();
    const tampered = Buffer.from(blob);
    tampered.writeUInt8((tampered.at(-1) ?? 0) ^ 1, tampered.length - 1);
    expect(() => cipher.decrypt(tampered, 'hub_submissions:1')).toThrow();
  });

  it('gives equal blind indexes for equal normalized values and depends on the key', () => {
    expect(cipher.blindIndex('name', ' 张 三丰 ')).toBe(cipher.blindIndex('name', '张三丰'));
    expect(cipher.blindIndex('idNumber', '11010519491231002x')).toBe(cipher.blindIndex('idNumber', '11010519491231002X'));
    expect(cipher.blindIndex('name', '张三丰')).not.toBe(cipher.blindIndex('idNumber', '张三丰'));
    const other = new FieldCipher(new StaticKeyProvider(Buffer.alloc(32, 8)));
    expect(other.blindIndex('name', '张三丰')).not.toBe(cipher.blindIndex('name', '张三丰'));
  });

  it('creates the key file once, 0600, and reads the same key back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sifa-key-'));
    const first = new FileKeyProvider(dir);
    const key = first.dataKey();
    expect(key).toHaveLength(32);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    expect(new FileKeyProvider(dir).dataKey().equals(key)).toBe(true);
  });
});

describe('masking', () => {
  it('shows enough to tell people apart, never enough to identify them', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskIdNumber('320102195607041234')).toBe('3201**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('025-8888-1234')).toBe('*******1234');
    expect(maskText('示范县示范镇幸福村十八组27号')).toBe('示范县示范***');
    expect(maskDate('1956-07-04')).toBe('1956-**-**');
  });
});
