// Agent task records (spec, state, partition plan and checkpoints) as one JSON file per task
// under <dataDir>/tasks, each written atomically by the project's one atomic writer, so a
// kill -9 at any moment leaves the previous or the next checkpoint, never a torn file.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AgentTaskRecord } from '../model/agentTask.js';
import { makePrivateDir } from '../sandbox/fileModes.js';
import { writeFileAtomic } from '../sandbox/store.js';
import { agentPaths } from './agentDir.js';

export function saveTask(dir: string, record: AgentTaskRecord): void {
  makePrivateDir(agentPaths(dir).tasks);
  writeFileAtomic(agentPaths(dir).task(record.spec.name), `${JSON.stringify(record)}\n`, 0o600);
}

export function removeTask(dir: string, name: string): void {
  rmSync(agentPaths(dir).task(name), { force: true });
  rmSync(agentPaths(dir).taskLog(name), { force: true });
}

/** Every readable task record; a damaged file is reported, not fatal. */
export function loadTasks(dir: string): { tasks: AgentTaskRecord[]; problems: string[] } {
  const tasks: AgentTaskRecord[] = [];
  const problems: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(agentPaths(dir).tasks).filter((n) => n.endsWith('.json'));
  } catch {
    return { tasks, problems };
  }
  for (const file of names.sort()) {
    try {
      const record = JSON.parse(
        readFileSync(`${agentPaths(dir).tasks}/${file}`, 'utf8'),
      ) as AgentTaskRecord;
      if (record?.spec?.name && record.local && record.dms) tasks.push(record);
      else problems.push(`${file}: not an agent task record`);
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  return { tasks, problems };
}
