import type { HandlerTable } from '../api/dispatch';
import type { DomainContext, DomainRuntime } from '../domain';

/** API rows of the staff domain (filled in by its issue). */
export const staffMethods = {};

export function createStaffDomain(_ctx: DomainContext): DomainRuntime<HandlerTable<typeof staffMethods>> {
  return { handlers: {} };
}
