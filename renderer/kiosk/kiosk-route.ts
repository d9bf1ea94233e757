import type { KioskService } from '../../kiosk-config/site-schema';
import type { LibraryKind } from './kiosk-api';

/** Where the resident is. Screens are addressed by data so Back can retrace them exactly. */
export type Route =
  | { name: 'home' }
  | { name: 'guides' }
  | { name: 'guide'; id: string }
  | { name: 'library'; q?: string; kind?: LibraryKind }
  | { name: 'libraryDoc'; docId: string; ordinal: number; q?: string }
  | { name: 'transparency' }
  | { name: 'intake'; service: IntakeService }
  /** 继续填写: a paused application, reopened with its pickup code. */
  | { name: 'resume' }
  | { name: 'progress' }
  | { name: 'evaluation'; service?: KioskService }
  | { name: 'maintenance'; token: string };

export type IntakeService = 'legalAid' | 'mediation' | 'reconsideration' | 'legislativeOpinion';

export const INTAKE_FORM: Record<IntakeService, string> = {
  legalAid: 'legal-aid',
  mediation: 'mediation',
  reconsideration: 'reconsideration',
  legislativeOpinion: 'legislative-opinion',
};

export function isIntakeService(service: KioskService): service is IntakeService {
  return service in INTAKE_FORM;
}

/** The first screen of a home tile: one tap from home. */
export function routeForService(service: KioskService): Route {
  if (isIntakeService(service)) return { name: 'intake', service };
  switch (service) {
    case 'guides':
      return { name: 'guides' };
    case 'library':
      return { name: 'library' };
    case 'transparency':
      return { name: 'transparency' };
    case 'progress':
      return { name: 'progress' };
    default:
      return { name: 'evaluation' };
  }
}

/** Which service a screen belongs to (for 「评价本次服务」 after leaving it). */
export function serviceOfRoute(route: Route): KioskService | null {
  switch (route.name) {
    case 'guides':
    case 'guide':
      return 'guides';
    case 'library':
    case 'libraryDoc':
      return 'library';
    case 'transparency':
      return 'transparency';
    case 'intake':
      return route.service;
    case 'progress':
      return 'progress';
    default:
      return null;
  }
}

export interface NavState {
  stack: Route[];
}

export const HOME: Route = { name: 'home' };

export function push(state: NavState, route: Route): NavState {
  return { stack: [...state.stack, route] };
}

/** Back from the first screen stays home; Back never leaves the kiosk. */
export function pop(state: NavState): NavState {
  return state.stack.length > 1 ? { stack: state.stack.slice(0, -1) } : state;
}

/** Replaces the current screen (e.g. a new search) so Back does not step through every query. */
export function replace(state: NavState, route: Route): NavState {
  return { stack: [...state.stack.slice(0, -1), route] };
}

export function current(state: NavState): Route {
  return state.stack[state.stack.length - 1] ?? HOME;
}
