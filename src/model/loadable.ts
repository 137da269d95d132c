// A value being loaded: loading, failed with one readable line, or ready.
export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; value: T };
