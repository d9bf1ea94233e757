import type { HandlerTable } from '../api/dispatch';
import type { DomainContext, DomainRuntime } from '../domain';

/** API rows of the library domain (filled in by its issue). */
export const libraryMethods = {};

export function createLibraryDomain(_ctx: DomainContext): DomainRuntime<HandlerTable<typeof libraryMethods>> {
  return { handlers: {} };
}
