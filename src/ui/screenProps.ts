// What a screen component receives from the shell: its route's parameters, typed per screen
// (RouteParams in src/model/navigation.ts), so no screen casts them.
import type { RouteTo, ScreenId } from '../model/navigation.js';

export type ScreenProps<S extends ScreenId> = Omit<RouteTo<S>, 'screen'>;
