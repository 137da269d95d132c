// What every screen component receives from the shell: its route's parameters.
export interface ScreenProps {
  params?: Record<string, unknown>;
}
