import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../electron/core/storage/instance-lock';
import { demoSite, startHost, tempDir } from '../e2e/harness';

const site = demoSite({ devices: { idcard: { port: 'off' } } });

describe('one running instance per data directory', () => {
  it('refuses a second claim while the first holds the directory, and says who holds it', () => {
    const dir = tempDir('lock');
    const release = lockDataDir(dir, 'browser');
    let refused: unknown;
    try {
      lockDataDir(dir, 'browser');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect((refused as DataDirInUseError).holder).toMatchObject({ pid: process.pid, host: 'browser' });
    release();
    lockDataDir(dir, 'browser')();
  });

  it('a second host on the same data dir stops with a clear message; the first keeps serving; kill -9 frees the directory', async () => {
    const dataDir = tempDir('lock-hosts');
    const first = await startHost({ site, dataDir });
    try {
      const second = startHost({ site, dataDir });
      await expect(second).rejects.toThrow(/host exited with 2/);
      await expect(second).rejects.toThrow(new RegExp(`数据目录 ${dataDir} 已由另一个正在运行的实例使用（进程 ${String(first.process.pid)}`));
      await expect(second).rejects.toThrow(/in use by another running instance/);
      expect((await first.call<{ role: string }>('systemInfo')).ok).toBe(true);
    } finally {
      // The operating system drops the lock with the process: no stale lock after a crash.
      await first.stop('SIGKILL');
    }
    const third = await startHost({ site, dataDir });
    try {
      expect((await third.call('systemInfo')).ok).toBe(true);
    } finally {
      await third.stop();
    }
  });
});
