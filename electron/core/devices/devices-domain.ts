import type { HandlerTable } from '../api/dispatch';
import type { DomainContext, DomainRuntime } from '../domain';

/** API rows of the devices domain (filled in by its issue). */
export const devicesMethods = {};

export function createDevicesDomain(_ctx: DomainContext): DomainRuntime<HandlerTable<typeof devicesMethods>> {
  return { handlers: {} };
}
