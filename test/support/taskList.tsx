// The app on its task list against a test sandbox, filtered to one task (and waiting until the
// task's row shows): where the screen tests of one task start.
import { App } from '../../src/shell/App.js';
import { renderInk } from './ink.js';
import { sandboxServices, type TestSandbox } from './sandbox.js';

export type RenderedApp = ReturnType<typeof renderInk>;

export async function openTaskList(sb: TestSandbox, id: string): Promise<RenderedApp> {
  const app = renderInk(
    <App
      services={sandboxServices(sb, { refreshSeconds: 1 })}
      initialRoute={{ screen: 'tasks' }}
    />,
  );
  await app.filterTo(id);
  await app.waitForText(new RegExp(`${id}\\s+\\w`));
  return app;
}
