import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/shell/App.js';
import { renderInk } from '../support/ink.js';
import { testServices } from '../support/services.js';

let restoreEnv: () => void;

beforeEach(() => {
  // Profiles come from files of the test's own, never from the developer's ~/.aws.
  const dir = mkdtempSync(join(tmpdir(), 'dmst-aws-'));
  writeFileSync(
    join(dir, 'config'),
    '[default]\nregion = eu-west-1\n\n[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\nregion = us-west-2\n\n[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://corp.awsapps.com/start\n',
  );
  writeFileSync(
    join(dir, 'credentials'),
    '[ci]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = secret\n',
  );
  const saved = {
    config: process.env.AWS_CONFIG_FILE,
    credentials: process.env.AWS_SHARED_CREDENTIALS_FILE,
  };
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  restoreEnv = () => {
    process.env.AWS_CONFIG_FILE = saved.config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = saved.credentials;
  };
});
afterEach(() => restoreEnv());

describe('the shell', () => {
  it('shows breadcrumbs, the screen, footer hints from the key table and the status bar', async () => {
    const app = renderInk(
      <App
        services={testServices({ target: { profile: 'dev', region: 'us-west-2' } })}
        initialRoute={{ screen: 'profiles' }}
      />,
    );
    const frame = await app.waitForText('dev');
    expect(frame).toContain('dms-tui › Profiles');
    expect(frame).toContain('Enter Use this profile');
    expect(frame).toContain('? Help');
    expect(frame).toContain('q Quit');
    expect(frame).toContain('dev · us-west-2');
    app.unmount();
  });

  it('opens help with ? listing this screen and global keys, and closes it with Esc', async () => {
    const app = renderInk(<App services={testServices()} initialRoute={{ screen: 'profiles' }} />);
    await app.waitForText('PROFILE');
    await app.pressCommand('app.help');
    const help = await app.waitForText('Keys — Esc or ? to close');
    expect(help).toContain('This screen');
    expect(help).toContain('Test: DescribeAccountAttributes');
    expect(help).toContain('Everywhere');
    expect(help).toMatch(/q Ctrl-c\s+Quit/);
    await app.pressCommand('nav.back');
    await app.waitForText('PROFILE');
    expect(app.lastFrame()).not.toContain('Keys — Esc');
    app.unmount();
  });

  it('goes to a screen with : and completes names with Tab', async () => {
    const app = renderInk(<App services={testServices()} initialRoute={{ screen: 'profiles' }} />);
    await app.waitForText('PROFILE');
    await app.pressCommand('app.goto');
    await app.type('prof');
    await app.pressCommand('prompt.complete');
    await app.waitForText(':profiles');
    await app.type('x');
    await app.pressCommand('prompt.accept');
    await app.waitForText('No screen "profilesx"');
    await app.pressCommand('prompt.cancel');
    await app.waitForText('q Quit');
    app.unmount();
  });

  it('quits on q and on Ctrl-C, and refuses Esc at the top with a reason', async () => {
    const onQuit = vi.fn();
    const app = renderInk(
      <App services={testServices()} initialRoute={{ screen: 'profiles' }} onQuit={onQuit} />,
    );
    await app.waitForText('PROFILE');
    await app.pressCommand('nav.back');
    await app.waitForText('Already at the top: q/Ctrl-c quits');
    await app.pressCommand('app.quit');
    expect(onQuit).toHaveBeenCalledTimes(1);
    app.unmount();
    const second = renderInk(
      <App services={testServices()} initialRoute={{ screen: 'profiles' }} onQuit={onQuit} />,
    );
    await second.waitForText('PROFILE');
    await second.pressCommand('app.quit', 'ctrl+c');
    expect(onQuit).toHaveBeenCalledTimes(2);
    second.unmount();
  });
});

describe('the profiles screen', () => {
  it('lists the default chain and the profiles of both files with their kind', async () => {
    const app = renderInk(<App services={testServices()} initialRoute={{ screen: 'profiles' }} />);
    const frame = await app.waitForText('static keys');
    expect(frame).toContain('default credential chain');
    expect(frame).toMatch(/default\s+eu-west-1\s+settings only \(config\)/);
    expect(frame).toMatch(/dev\s+us-west-2\s+sso \(config\)/);
    expect(frame).toMatch(/ci\s+—\s+static keys \(credentials\)/);
    expect(frame).not.toContain('secret');
    app.unmount();
  });

  it('picks a region and remembers the profile chosen with Enter', async () => {
    const services = testServices();
    const app = renderInk(<App services={services} initialRoute={{ screen: 'profiles' }} />);
    await app.waitForText('sso (config)');
    for (let i = 0; i < 3; i++) await app.pressCommand('list.down', 'j');
    await app.pressCommand('profiles.region');
    await app.waitForText('Region for DMS calls');
    await app.press('down', 'enter');
    await app.waitForText('Region: us-east-2');
    await app.pressCommand('profiles.select');
    await app.waitForText('Using dev in us-east-2');
    expect(services.target).toMatchObject({ profile: 'dev', region: 'us-east-2' });
    expect(services.preferences.get()).toMatchObject({
      lastProfile: 'dev',
      lastRegion: 'us-east-2',
    });
    app.unmount();
  });

  it('tests a profile and shows the error line when DMS cannot be reached', async () => {
    const services = testServices({
      target: { profile: 'ci', region: 'us-east-1', endpointUrl: 'http://127.0.0.1:9' },
    });
    const app = renderInk(<App services={services} initialRoute={{ screen: 'profiles' }} />);
    await app.waitForText('static keys');
    await app.pressCommand('list.down', 'j');
    await app.pressCommand('list.down', 'j');
    await app.pressCommand('profiles.test');
    await app.waitForText('✗ Cannot reach http://127.0.0.1:9: connection refused');
    // An SSO profile nobody has logged in to says how to log in.
    await app.pressCommand('list.down', 'j');
    await app.pressCommand('profiles.test');
    await app.waitForText(
      /✗ (SSO session expired or missing: run `aws sso login --profile dev`|No usable credentials in profile "dev")/,
    );
    app.unmount();
  });
});
