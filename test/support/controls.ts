// Hostile text for terminal-safety tests, and the check that a drawn frame holds none of it raw.

/** Anything a terminal would act on, or that reorders the text around it (LF aside). */
export const RAW_CONTROL =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** An OSC title change, a blinking colour, a C1 CSI and a bidirectional override. */
export const HOSTILE = 'x\u001b]0;PWNED\u0007\u001b[5;31mblink\u009b2J\u202etxt.exe\u0085';
/** HOSTILE as it must be drawn. */
export const HOSTILE_SHOWN = 'x\\x1b]0;PWNED\\x07\\x1b[5;31mblink\\x9b2J\\u202etxt.exe\\x85';

/** Ink's own colours out of a frame (ink-testing-library frames may carry SGR sequences). */
export function withoutSgr(frame: string): string {
  return frame.replace(/\u001b\[[0-9;]*m/g, '');
}
