import type { HandlerTable } from '../api/dispatch';
import type { DomainContext, DomainRuntime } from '../domain';

/** API rows of the desk domain (filled in by its issue). */
export const deskMethods = {};

export function createDeskDomain(_ctx: DomainContext): DomainRuntime<HandlerTable<typeof deskMethods>> {
  return { handlers: {} };
}
