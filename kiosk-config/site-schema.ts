import { z } from 'zod';

/**
 * What one site (one running instance in one office) is. Validated at start-up; a bad file stops
 * the app with the file, the field and what was expected (see load-site.ts).
 */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const KIOSK_SERVICES = [
  'guides',
  'library',
  'transparency',
  'legalAid',
  'mediation',
  'reconsideration',
  'legislativeOpinion',
  'progress',
  'evaluation',
] as const;
export type KioskService = (typeof KIOSK_SERVICES)[number];

/** Text shown to residents, always in both languages. */
export const localizedText = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).strict();
export type LocalizedText = z.infer<typeof localizedText>;

/** `auto` probes every port, `simulated` runs the built-in simulator, anything else is a port path. */
const deviceSetting = z.union([z.literal('auto'), z.literal('simulated'), z.literal('off'), z.string().regex(/^(\/dev\/|COM\d+|\\\\\.\\)/, 'a port path such as /dev/ttyUSB0 or COM3')]);

const idcardDevice = z
  .object({
    port: deviceSetting.default('auto'),
    baudRate: z.number().int().positive().default(115200),
    pollIntervalMs: z.number().int().min(50).max(5000).default(300),
  })
  .strict();

const staffOnDuty = z.object({ name: z.string().min(1), role: localizedText, phone: z.string().min(3), days: localizedText.optional() }).strict();

export const siteSchema = z
  .object({
    $schema: z.string().optional(),
    office: z
      .object({
        name: localizedText,
        code: z.string().regex(/^[0-9A-Z]{6,18}$/, '6-18 digits or capital letters'),
        address: localizedText,
        phone: z.string().min(3),
        supervisionPhone: z.string().min(3),
        hours: localizedText,
        functions: z.array(localizedText).min(1),
        workflows: z.array(z.object({ title: localizedText, steps: z.array(localizedText).min(1) }).strict()).default([]),
        staffOnDuty: z.array(staffOnDuty).default([]),
        notices: z.array(localizedText).default([]),
      })
      .strict(),
    role: z.enum(['kiosk', 'desk', 'visit']),
    languages: z.array(z.enum(LANGUAGES)).min(1).default(['zh-CN', 'en']),
    defaultLanguage: z.enum(LANGUAGES).default('zh-CN'),
    services: z.array(z.enum(KIOSK_SERVICES)).min(1),
    idleTimeoutSeconds: z.number().int().min(15).max(3600).default(90),
    idleCountdownSeconds: z.number().int().min(5).max(120).default(20),
    /** Desk: the screen locks after this much inactivity (staff re-enter their password). */
    deskLockAfterSeconds: z.number().int().min(30).max(3600).default(300),
    devices: z.object({ idcard: idcardDevice.default({ port: 'auto', baudRate: 115200, pollIntervalMs: 300 }) }).strict().default({ idcard: { port: 'auto', baudRate: 115200, pollIntervalMs: 300 } }),
    hub: z
      .object({
        /** Kiosk: where the desk hub listens, e.g. http://192.168.1.10:8787. */
        url: z.string().url().optional(),
        /** Desk: where the hub listens for kiosks. */
        listenHost: z.string().default('0.0.0.0'),
        /** 0 picks a free port (tests). */
        listenPort: z.number().int().min(0).max(65535).default(8787),
      })
      .strict()
      .default({ listenHost: '0.0.0.0', listenPort: 8787 }),
    branding: z
      .object({
        primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1d4ed8').default('#b91c1c'),
        emblem: z.string().optional(),
      })
      .strict()
      .default({ primaryColor: '#b91c1c' }),
    /**
     * Kiosk: scrypt hash of the staff maintenance PIN (`npm run pin-hash -- <PIN>` prints one).
     * Demo sites fall back to the documented demo PIN; real kiosks must set their own.
     */
    maintenancePinHash: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/, 'a hash printed by npm run pin-hash').optional(),
    demo: z.boolean().default(false),
  })
  .strict()
  .superRefine((site, ctx) => {
    // A kiosk that shipped with the public demo PIN could be re-paired to anyone's hub.
    if (site.role === 'kiosk' && !site.demo && !site.maintenancePinHash) {
      ctx.addIssue({ code: 'custom', path: ['maintenancePinHash'], message: 'a maintenance PIN hash (required for a kiosk that is not a demo)' });
    }
  });

export type SiteConfig = z.infer<typeof siteSchema>;
export type SiteConfigInput = z.input<typeof siteSchema>;
