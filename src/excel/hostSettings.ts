// 设置: the Excel host's methods behind the settings tab — the settings kept in the workbook, what live
// marks would cost in this Excel's undo history, and 自检.
import { parseSettings } from '../core/model';
import type { CompleteHost } from '../web/host';
import type { ExcelSession } from './hostSession';
import { runSelfTest } from './selfTest';
import { queueSettingsRead, queueSettingsWrite } from './settingsStore';

export function settingsMethods(session: ExcelSession): Pick<CompleteHost, 'loadSettings' | 'saveSettings' | 'capabilities' | 'selfTest'> {
  const { run, counter, features, requirements } = session;
  return {
    loadSettings: () => run(session.readSettings),

    async saveSettings(settings) {
      const valid = parseSettings(settings);
      await run(async (context) => {
        const custom = queueSettingsRead(context);
        await counter.sync(context);
        queueSettingsWrite(custom, valid);
        await counter.sync(context);
      });
      session.settings = { settings: valid, source: 'document' };
    },

    capabilities: async () => ({ undoSafeWrites: features.undoSafeWrites, fixIsOneUndoStep: features.undoSafeWrites }),

    selfTest: (options) => runSelfTest({ run, counter, features, requirements, options }),
  };
}
