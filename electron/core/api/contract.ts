import type { z } from 'zod';
import { systemMethods } from '../system/system-api';
import { libraryMethods } from '../library/library-domain';
import { intakeMethods } from '../intake/intake-domain';
import { staffMethods } from '../staff/staff-domain';
import { deskMethods } from '../desk/desk-domain';
import { devicesMethods } from '../devices/devices-domain';
import type { ResultOfSpec } from './dispatch';

/**
 * THE API: every method either host serves, with its input schema, roles and permission.
 * Domains contribute their rows; both hosts dispatch through this table and nothing else.
 */
export const contract = {
  ...systemMethods,
  ...libraryMethods,
  ...intakeMethods,
  ...staffMethods,
  ...deskMethods,
  ...devicesMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ResultOf<M extends MethodName> = ResultOfSpec<Contract[M]>;
