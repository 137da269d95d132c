// The size of the body area a screen may draw in (the terminal less the shell's chrome).
import { createContext, useContext } from 'react';

export interface BodySize {
  width: number;
  height: number;
}

export const BodySizeContext = createContext<BodySize>({ width: 80, height: 20 });

export function useBodySize(): BodySize {
  return useContext(BodySizeContext);
}
