// The focused project's details under the projects list: AWS target, source and target
// connections, and how each password is kept.
import { Box } from 'ink';
import { Text } from '../../components/Text.js';
import { keysFor } from '../../ui/keyHint.js';
import type { ProjectStoreApi, ProjectSummary } from '../../hooks/useProjectStore.js';
import { awsText, connectionText, passwordNote } from '../../model/projectList.js';
import type { Side } from '../../model/project.js';

export function ProjectDetails({
  store,
  project,
}: {
  store: ProjectStoreApi;
  project: ProjectSummary;
}) {
  const full = store.get(project.name);
  const password = (side: Side) =>
    passwordNote(project[side], {
      remembered: store.remembers(project.name, side),
      asked: store.needsPassword(project.name, side),
    });
  return (
    <Box flexDirection="column" marginTop={1} borderStyle="single" paddingX={1}>
      <Text bold>{project.name}</Text>
      <Text>
        AWS:{' '}
        {awsText({
          profile: project.profile,
          region: project.region,
          defaultReplicationInstance: full?.defaultReplicationInstance,
        })}
      </Text>
      <Text>
        Source: {connectionText(project.source, keysFor('projects.source'))}
        {password('source')}
      </Text>
      <Text>
        Target: {connectionText(project.target, keysFor('projects.target'))}
        {password('target')}
      </Text>
    </Box>
  );
}
