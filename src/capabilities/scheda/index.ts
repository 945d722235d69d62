// La scheda della rete: each network's own project (objective of change and needs, strategies
// with their specific objectives, roles, flows), filled in chat, in a Slack modal, in the YAML
// configuration or with the CLI, every change kept with who and when.
import scheda from '../../../commands/scheda.js';
import { defineCapability } from '../../capability.js';
import { registerSchedaCli } from './cli.js';
import { schedeSection } from './config-section.js';
import { schedaFlow } from './chat-forms.js';
import { schedaDigestSections } from './digest.js';
import { schedaExportDatasets } from './export.js';
import { objectiveQuestions, progressFromCheckin } from './checkin-questions.js';

export const schedaCapability = defineCapability({
  name: 'scheda',
  commands: [scheda],
  flows: [schedaFlow],
  configSections: [schedeSection],
  cli: registerSchedaCli,
  digestSections: schedaDigestSections,
  exportDatasets: schedaExportDatasets,
  // The network's objectives, asked in the weekly check-in after the indicators.
  checkinQuestions: [objectiveQuestions],
  on: {
    'checkins.submitted': async (tx, submitted) => {
      await progressFromCheckin(tx, submitted);
    },
  },
});
