// The one way text reaches the screen: Ink's Text with every string child passed through
// `visible` (control characters, C1 and bidirectional controls shown as escapes, each string
// cut to a display maximum before Ink measures or wraps it). Screens, components and the shell
// import Text from here, never from 'ink' (test/components/safeText.test.ts checks), so text
// from files, AWS answers, catalogs and driver errors cannot drive the terminal, and a 1 MB
// field costs a frame what a short one does.
import { Text as InkText } from 'ink';
import type { ComponentProps, ReactNode } from 'react';
import { DISPLAY_MAX, visible } from '../model/visibleText.js';

export type TextProps = ComponentProps<typeof InkText> & {
  /** Characters drawn of each string child at most (default DISPLAY_MAX). */
  maxLength?: number;
};

function safeChildren(children: ReactNode, maxLength: number): ReactNode {
  if (typeof children === 'string') return visible(children, { maxLength });
  // Arrays keep their shape (and their elements' keys); elements render their own Text.
  if (Array.isArray(children)) return children.map((child) => safeChildren(child, maxLength));
  return children;
}

export function Text({ children, maxLength = DISPLAY_MAX, ...props }: TextProps) {
  return <InkText {...props}>{safeChildren(children, maxLength)}</InkText>;
}
