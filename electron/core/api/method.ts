import type { z } from 'zod';
import type { Role } from './roles';
import type { Permission } from '../staff/permissions';

/**
 * One row of the API contract: the input schema, the roles whose hosts may serve it, and the
 * staff permission it needs (desk methods that touch residents' data). The result type is a
 * phantom: it exists for the compiler only, so renderer code gets typed results without
 * importing any core code.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, R = unknown> {
  readonly input: I;
  readonly roles: readonly Role[];
  /** Staff permission required; undefined means no staff sign-in is needed. */
  readonly permission?: Permission;
  /** Phantom, never set at run time. */
  readonly __result?: R;
}

export function method<R>() {
  return <I extends z.ZodType>(spec: { input: I; roles: readonly Role[]; permission?: Permission }): MethodSpec<I, R> => spec;
}
