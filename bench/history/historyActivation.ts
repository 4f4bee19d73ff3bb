/**
 * `history.activationRatio`: activation in code-server's real extension host (activationBench.ts;
 * `activate` awaits the history's first read, so the time includes it) with 10,000 stored chats ÷
 * with 100. Each run copies a seeded storage folder (cp -a keeps the files' and the folder's
 * times, so the index stays trusted as after a normal restart) into the run's global storage.
 * Sizes alternate run by run, so the machine's noise falls on both alike.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { measureOnce } from '../activation/activationBench';
import { median, round } from '../stats';
import { seededFolder } from './historyBench';

export interface HistoryActivationResults {
  readonly at100Ms: number;
  readonly at10kMs: number;
  /** at10kMs ÷ at100Ms. Target <= 1.5. */
  readonly ratio: number;
  readonly runs: number;
}

const EXTENSION_ID = 'openrouter-chat.openrouter-chat';

/** `seeded`: storage folders already seeded (100 and 10,000 chats), e.g. by `cli.js seed` outside the bench lock; kept. */
export async function runHistoryActivationBench(root: string, runs = 3, log: (line: string) => void = console.log, seeded?: { at100: string; at10k: string }): Promise<HistoryActivationResults> {
  const seeds = seeded ?? { at100: await seededFolder(100), at10k: await seededFolder(10_000) };
  try {
    const times = { at100: [] as number[], at10k: [] as number[] };
    for (let run = 0; run < runs; run++) {
      for (const size of ['at100', 'at10k'] as const) {
        const ms = await measureOnce(root, async (userDataDir) => {
          const storage = join(userDataDir, 'User', 'globalStorage', EXTENSION_ID);
          await fs.mkdir(join(storage, '..'), { recursive: true });
          await promisify(execFile)('cp', ['-a', seeds[size], storage]);
        });
        times[size].push(ms);
        log(`history activation: run ${run + 1}/${runs}, ${size === 'at100' ? 100 : 10_000} chats: ${ms.toFixed(1)} ms`);
      }
    }
    const at100Ms = median(times.at100);
    const at10kMs = median(times.at10k);
    return { at100Ms: round(at100Ms, 1), at10kMs: round(at10kMs, 1), ratio: round(at10kMs / at100Ms, 2), runs };
  } finally {
    if (!seeded) {
      await fs.rm(seeds.at100, { recursive: true, force: true });
      await fs.rm(seeds.at10k, { recursive: true, force: true });
    }
  }
}
