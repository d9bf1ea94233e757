/** Public API of the second-generation ID card reader bridge. */
export {
  BAUD_RATES,
  COMMANDS,
  DEFAULT_MAX_LENGTH_FIELD,
  DOCUMENTED_SW3,
  PREAMBLE,
  SW3,
  decodeBaseInfoData,
  decodeRequest,
  decodeResponse,
  encodeBaseInfoData,
  encodeCommand,
  encodeFrame,
  encodeRequest,
  encodeResponse,
  FrameParser,
  fromHex,
  isSuccessStatus,
  requests,
  statusKind,
  sw3ForKind,
  toHex,
  wireTimeMs,
  xorChecksum,
} from './codec';
export type {
  BaseInfoPayload,
  CommandName,
  DecodedRequest,
  DecodedResponse,
  FrameParserOptions,
  FrameParserStats,
  ParserEvent,
  RawFrame,
  StatusKind,
  SupportedBaudRate,
} from './codec';

export {
  ETHNICITY_CODES,
  SEX_CODES,
  checkIdNumber,
  decodeAppendedAddress,
  decodeIdentity,
  encodeAppendedAddress,
  encodeIdentity,
  ethnicityFromCode,
  fieldsFromIdentity,
  generateIdNumber,
  idCheckChar,
  isExpired,
  isValidIdNumber,
  sexFromCode,
} from './identity';
export type { CardIdentity, CardType, CodeName, DecodeIdentityOptions, IdentityFields, IdNumberCheck } from './identity';

export { ID_CARD_ERROR_KINDS, errorMessageKey, errorMessages, idcardMessage, idcardMessages, statusMessageKey } from './messages';
export type { IdCardErrorKind, IdCardLocale, IdCardMessageKey, ReaderState } from './messages';

export {
  HidTransport,
  SerialTransport,
  autoDetect,
  bytesFromHidReport,
  hidInputReportsFromBytes,
  hidReportsFromBytes,
  listCandidates,
  openCandidate,
  probe,
  probeTransport,
} from './transport';
export type { HidDeviceLike, HidFramingOptions, IdCardTransport, ProbeResult, SerialIoPath, SerialTransportOptions, TransportCandidate } from './transport';

export { IdCardError, SamSession, createIdCardReader } from './driver';
export type { IdCardReader, IdCardReaderEvents, IdCardReaderOptions, ReadCardOptions, ReaderStatus } from './driver';

export { DEFAULT_PROCESSING_DELAYS_MS, IdCardReaderSimulator, startSimulatedReader } from './simulator';
export type { CardInput, FaultKind, FaultSpec, SimulatedReader, SimulatorOptions, StartSimulatedReaderOptions } from './simulator';

export { FIXTURES, FIXTURE_IDS } from './fixtures';
export type { CardFixture, FixtureId } from './fixtures';
