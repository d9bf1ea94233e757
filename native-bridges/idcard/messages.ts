/**
 * User-facing messages for the ID card reader, in zh-CN and en, with identical key sets.
 * zh-CN wording is written for elderly residents at a lobby kiosk: short, calm, and telling
 * them what to do next.
 */
import type { StatusKind } from './codec';

/** Error kinds reported by the reader: every non-success SAM status plus transport/driver faults. */
export type IdCardErrorKind =
  | Exclude<StatusKind, 'success' | 'card-found'>
  | 'timeout'
  | 'bad-response-checksum'
  | 'malformed-response'
  | 'disconnected'
  | 'open-failed'
  | 'no-reader-found'
  | 'write-failed';

export const ID_CARD_ERROR_KINDS: readonly IdCardErrorKind[] = [
  'host-checksum-error',
  'host-length-error',
  'command-error',
  'unrecognized-error',
  'card-rejected-reader',
  'reader-rejected-card',
  'verify-failed',
  'wrong-card-type',
  'read-failed',
  'random-failed',
  'sam-fault',
  'not-authorized',
  'no-card',
  'select-failed',
  'no-content',
  'unknown-status',
  'timeout',
  'bad-response-checksum',
  'malformed-response',
  'disconnected',
  'open-failed',
  'no-reader-found',
  'write-failed',
];

export type ReaderState = 'disconnected' | 'connecting' | 'connected' | 'searching' | 'error';

export type IdCardLocale = 'zh-CN' | 'en';

const zhCN = {
  'idcard.status.disconnected': '读卡器没有连接，请联系工作人员。',
  'idcard.status.connecting': '正在连接读卡器，请稍等。',
  'idcard.status.connected': '读卡器已连接。',
  'idcard.status.searching': '请把身份证平放在读卡区上。',
  'idcard.status.error': '读卡器出了点问题，请联系工作人员。',
  'idcard.status.reading': '正在读取，请不要移动身份证。',
  'idcard.status.card-read': '读取成功，请取回您的身份证。',
  'idcard.status.removed': '身份证已取走。',

  'idcard.error.host-checksum-error': '读卡器没有听清指令，正在重试。如果一直这样，请联系工作人员。',
  'idcard.error.host-length-error': '读卡器没有听清指令，正在重试。如果一直这样，请联系工作人员。',
  'idcard.error.command-error': '读卡器不认识这个指令，请联系工作人员。',
  'idcard.error.unrecognized-error': '读卡器出了点问题，请把身份证拿起来再放一次。',
  'idcard.error.card-rejected-reader': '身份证和读卡器没有配对成功，请把身份证拿起来再放一次。',
  'idcard.error.reader-rejected-card': '这张证件没有通过核验，请把证件拿起来再放一次，或请工作人员帮忙。',
  'idcard.error.verify-failed': '证件信息核验没有通过，请把证件拿起来再放一次，或请工作人员帮忙。',
  'idcard.error.wrong-card-type': '这张卡不是身份证，请放上居民身份证。',
  'idcard.error.read-failed': '没有读完，请把身份证放平放稳，读完前不要拿开。',
  'idcard.error.random-failed': '没有读成功，请把身份证拿起来再放一次。',
  'idcard.error.sam-fault': '读卡器暂时不能使用，请联系工作人员。',
  'idcard.error.not-authorized': '读卡器还没有授权，暂时不能使用，请联系工作人员。',
  'idcard.error.no-card': '没有找到身份证，请把身份证平放在读卡区上。',
  'idcard.error.select-failed': '没有读到身份证，请把身份证拿起来再放一次。',
  'idcard.error.no-content': '这张证件上没有这一项内容。',
  'idcard.error.unknown-status': '读卡器出了点问题，请把身份证拿起来再放一次。',
  'idcard.error.timeout': '读卡器没有回应，正在重新连接，请稍等。',
  'idcard.error.bad-response-checksum': '读到的内容不完整，请把身份证拿起来再放一次。',
  'idcard.error.malformed-response': '读到的内容不完整，请把身份证拿起来再放一次。',
  'idcard.error.disconnected': '读卡器断开了，正在重新连接，请稍等。',
  'idcard.error.open-failed': '打不开读卡器，请联系工作人员。',
  'idcard.error.no-reader-found': '没有找到读卡器，请联系工作人员。',
  'idcard.error.write-failed': '无法给读卡器发送指令，正在重新连接，请稍等。',

  'idcard.card-type.resident': '居民身份证',
  'idcard.card-type.foreign-permanent': '外国人永久居留身份证',
  'idcard.card-type.foreign-permanent-2023': '外国人永久居留身份证（2023版）',
  'idcard.card-type.hmt-residence': '港澳台居民居住证',
  'idcard.card.expired': '这张证件已经过了有效期，请联系工作人员。',
  'idcard.card.long-term': '长期',
} as const;

export type IdCardMessageKey = keyof typeof zhCN;

const en: Record<IdCardMessageKey, string> = {
  'idcard.status.disconnected': 'The card reader is not connected. Please ask a staff member.',
  'idcard.status.connecting': 'Connecting to the card reader, please wait.',
  'idcard.status.connected': 'The card reader is connected.',
  'idcard.status.searching': 'Please place your ID card flat on the reader.',
  'idcard.status.error': 'The card reader has a problem. Please ask a staff member.',
  'idcard.status.reading': 'Reading. Please keep the card still.',
  'idcard.status.card-read': 'Done. Please take your ID card back.',
  'idcard.status.removed': 'The card has been taken away.',

  'idcard.error.host-checksum-error': 'The reader did not receive the command correctly; retrying. If this continues, please ask a staff member.',
  'idcard.error.host-length-error': 'The reader did not receive the command correctly; retrying. If this continues, please ask a staff member.',
  'idcard.error.command-error': 'The reader did not accept the command. Please ask a staff member.',
  'idcard.error.unrecognized-error': 'The reader had a problem. Please lift the card and place it again.',
  'idcard.error.card-rejected-reader': 'The card and the reader could not authenticate each other. Please place the card again.',
  'idcard.error.reader-rejected-card': 'The card could not be verified. Please place it again or ask a staff member.',
  'idcard.error.verify-failed': 'The card information could not be verified. Please place it again or ask a staff member.',
  'idcard.error.wrong-card-type': 'This is not an ID card. Please place a resident ID card.',
  'idcard.error.read-failed': 'Reading did not finish. Keep the card flat and still until it is done.',
  'idcard.error.random-failed': 'Reading failed. Please lift the card and place it again.',
  'idcard.error.sam-fault': 'The card reader cannot be used right now. Please ask a staff member.',
  'idcard.error.not-authorized': 'The card reader is not authorized yet. Please ask a staff member.',
  'idcard.error.no-card': 'No card found. Please place your ID card flat on the reader.',
  'idcard.error.select-failed': 'The card could not be read. Please lift it and place it again.',
  'idcard.error.no-content': 'This card has no information for this item.',
  'idcard.error.unknown-status': 'The reader had a problem. Please lift the card and place it again.',
  'idcard.error.timeout': 'The card reader is not responding; reconnecting, please wait.',
  'idcard.error.bad-response-checksum': 'The data read was incomplete. Please lift the card and place it again.',
  'idcard.error.malformed-response': 'The data read was incomplete. Please lift the card and place it again.',
  'idcard.error.disconnected': 'The card reader was disconnected; reconnecting, please wait.',
  'idcard.error.open-failed': 'The card reader could not be opened. Please ask a staff member.',
  'idcard.error.no-reader-found': 'No card reader was found. Please ask a staff member.',
  'idcard.error.write-failed': 'Could not send a command to the card reader; reconnecting, please wait.',

  'idcard.card-type.resident': 'Resident ID card',
  'idcard.card-type.foreign-permanent': 'Foreign permanent resident ID card',
  'idcard.card-type.foreign-permanent-2023': 'Foreign permanent resident ID card (2023)',
  'idcard.card-type.hmt-residence': 'Residence permit for Hong Kong, Macao and Taiwan residents',
  'idcard.card.expired': 'This card has expired. Please ask a staff member.',
  'idcard.card.long-term': 'Long-term',
};

export const idcardMessages: { 'zh-CN': Record<IdCardMessageKey, string>; en: Record<IdCardMessageKey, string> } = {
  'zh-CN': zhCN,
  en,
};

export function errorMessageKey(kind: IdCardErrorKind): IdCardMessageKey {
  return `idcard.error.${kind}`;
}

export function statusMessageKey(state: ReaderState): IdCardMessageKey {
  return `idcard.status.${state}`;
}

export function idcardMessage(key: IdCardMessageKey, locale: IdCardLocale = 'zh-CN'): string {
  return idcardMessages[locale][key];
}

/** Both translations of an error kind. */
export function errorMessages(kind: IdCardErrorKind): Record<IdCardLocale, string> {
  const key = errorMessageKey(kind);
  return { 'zh-CN': zhCN[key], en: en[key] };
}
