import { z } from 'zod';
import { method } from '../api/method';
import { ALL_ROLES } from '../api/roles';
import type { HandlerTable } from '../api/dispatch';
import type { SiteConfig, KioskService, Language, LocalizedText } from '../../../kiosk-config/site-schema';

export interface StartupNotice {
  /** i18n key under `notices.` */
  key: string;
  params?: Record<string, string>;
}

export interface SystemInfo {
  role: SiteConfig['role'];
  version: string;
  office: SiteConfig['office'];
  languages: Language[];
  defaultLanguage: Language;
  services: KioskService[];
  idleTimeoutSeconds: number;
  idleCountdownSeconds: number;
  primaryColor: string;
  demo: boolean;
  host: 'electron' | 'browser';
  notices: StartupNotice[];
  devices: { idcard: { mode: string } };
}

export interface SystemDiagnostics {
  dataDir: string;
  schema: Array<{ domain: string; version: number }>;
  notices: StartupNotice[];
}

export const systemMethods = {
  systemInfo: method<SystemInfo>()({ input: z.object({}).strict(), roles: ALL_ROLES }),
  /** Where this desk keeps its data and which schema it runs: for staff, never for the lobby. */
  systemDiagnostics: method<SystemDiagnostics>()({ input: z.object({}).strict(), roles: ['desk'], permission: 'session.self' }),
  systemPing: method<{ now: string }>()({ input: z.object({}).strict(), roles: ALL_ROLES }),
};

export interface SystemDeps {
  site: SiteConfig;
  version: string;
  host: 'electron' | 'browser';
  notices: StartupNotice[];
  now: () => Date;
  dataDir: string;
  schemaVersions: () => Array<{ domain: string; version: number }>;
}

export function systemHandlers(deps: SystemDeps): HandlerTable<typeof systemMethods> {
  return {
    systemInfo: () => ({
      role: deps.site.role,
      version: deps.version,
      office: deps.site.office,
      languages: deps.site.languages,
      defaultLanguage: deps.site.defaultLanguage,
      services: deps.site.services,
      idleTimeoutSeconds: deps.site.idleTimeoutSeconds,
      idleCountdownSeconds: deps.site.idleCountdownSeconds,
      primaryColor: deps.site.branding.primaryColor,
      demo: deps.site.demo,
      host: deps.host,
      notices: deps.notices,
      devices: { idcard: { mode: deps.site.devices.idcard.port } },
    }),
    systemPing: () => ({ now: deps.now().toISOString() }),
    systemDiagnostics: () => ({ dataDir: deps.dataDir, schema: deps.schemaVersions(), notices: deps.notices }),
  };
}

export type { LocalizedText };
