// The very first frame Ink writes is complete: the screen's keys are in the footer at once (a
// screen's bindings reach the footer while it first renders), so a cold start paints one
// finished frame instead of a frame without keys followed by another.
import { describe, expect, it } from 'vitest';
import { App } from '../../src/shell/App.js';
import { renderInk } from '../support/ink.js';
import { testServices } from '../support/services.js';

describe('the first frame', () => {
  it('already has the screen keys and the global keys in the footer', async () => {
    const app = renderInk(<App services={testServices()} initialRoute={{ screen: 'tasks' }} />);
    const first = app.frames[0] ?? '';
    expect(first).toContain('dms-tui › Tasks');
    expect(first).toContain('s Start');
    expect(first).toContain('? Help');
    // Confirming the layers in their layout effects changes nothing the footer shows.
    await app.waitForText('s Start');
    expect(app.lastFrame()).toContain('q Quit');
    app.unmount();
  });
});
