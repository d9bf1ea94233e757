import type { HandlerTable } from '../api/dispatch';
import type { DomainContext, DomainRuntime } from '../domain';

/** API rows of the intake domain (filled in by its issue). */
export const intakeMethods = {};

export function createIntakeDomain(_ctx: DomainContext): DomainRuntime<HandlerTable<typeof intakeMethods>> {
  return { handlers: {} };
}
