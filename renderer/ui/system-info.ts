import { createContext, useContext } from 'react';
import type { SystemInfo } from '../../electron/core/system/system-api';

export const SystemInfoContext = createContext<SystemInfo | null>(null);

export function useSystemInfo(): SystemInfo {
  const info = useContext(SystemInfoContext);
  if (!info) throw new Error('useSystemInfo outside SystemInfoContext');
  return info;
}
