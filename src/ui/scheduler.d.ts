// Types for the two functions of React's scheduler (no @types package installed) that
// pacedStdin uses.
declare module 'scheduler' {
  export const unstable_LowPriority: number;
  export function unstable_scheduleCallback(priority: number, callback: () => void): unknown;
}
