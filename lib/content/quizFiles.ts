/**
 * Build-time loader for the quiz's content: every question bank file (content/questions/*.json)
 * and every built-in scenario (content/scenarios/*.json), read from the folders. Server and
 * tests only (reads the file system); the browser fetches the same index as static JSON.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type QuizFiles } from '../quiz/files';

const contentDir = path.join(process.cwd(), 'content');

/** Every `.json` file of one content folder, parsed, keyed by `key(fileName)`, in file-name order. */
function readJsonFolder(folder: string, key: (file: string) => string): Record<string, unknown> {
  const dir = path.join(contentDir, folder);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return Object.fromEntries(files.map((f) => [key(f), JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as unknown]));
}

let cached: QuizFiles | undefined;

/**
 * The quiz's content index, read once per process.
 * @returns the bank files by file name and the built-in scenarios by id
 * @example readQuizFiles().bank['mfa.json']
 */
export function readQuizFiles(): QuizFiles {
  cached ??= {
    bank: readJsonFolder('questions', (f) => f),
    scenarios: readJsonFolder('scenarios', (f) => f.replace(/\.json$/, '')),
  };
  return cached;
}
