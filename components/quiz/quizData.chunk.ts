/**
 * The quiz's heavy code, loaded on demand: validating the question bank, the generators and
 * predict-then-run, which run the engine. Only useQuizData imports this module, lazily, and
 * hands it the content index it fetched.
 */
import { parseBank } from '@/lib/quiz/bank';
import { type QuizFiles } from '@/lib/quiz/files';
import { generateQuestion, templates, type Generated } from '@/lib/quiz/generate';
import { nextPracticeRef, type PracticeFilter } from '@/lib/quiz/practice';
import { builtInPredictItem, generatedPredictItem, predictableSteps, type PredictItem } from '@/lib/quiz/predict';
import { bankRef, parseRef, predictRef } from '@/lib/quiz/refs';
import { proofStep } from '@/lib/quiz/proofStep';
import { builtInScenarioHref } from '@/lib/quiz/share';
import type { Topic } from '@/lib/quiz/topics';
import type { Question } from '@/lib/quiz/types';

/** Everything the quiz modes need, resolved by item reference. */
export interface QuizData {
  /** The bank, in file order. */
  questions: readonly Question[];
  /** Generator template ids. */
  templateIds: readonly string[];
  /** A bank or generated question by ref (`b:…`, `g:…`). */
  question(ref: string): Question | undefined;
  /** A simulator link proving the question's answer, at the step that proves it. */
  runHref(question: Question): string | undefined;
  /** Refs of every predictable step of the built-in scenarios. */
  predictRefs: readonly string[];
  /** A predict item by ref (`p:…`, `pg:…`). */
  predict(ref: string): PredictItem | undefined;
  /** The practice item for counter `n`. */
  practiceRef(n: number, filter: PracticeFilter): string | undefined;
  /** Topics that generators cover. */
  generatedTopics: ReadonlySet<Topic>;
}

/**
 * Builds the quiz data from the content index; throws when the bank is invalid (a build that tests would have caught).
 * @param files the bank and scenario files (the static /quiz/data.json)
 */
export function createQuizData(files: QuizFiles): QuizData {
  const { bank: bankFiles, scenarios: scenarioFiles } = files;
  const parsed = parseBank(bankFiles);
  if (!parsed.ok) throw new Error(`The question bank is invalid: ${parsed.error.map((i) => `${i.file} ${i.path}: ${i.message}`).join('; ')}`);
  const questions = parsed.value;
  const byRef = new Map(questions.map((q) => [bankRef(q.id), q]));
  const generated = new Map<string, Generated | undefined>();
  const predicted = new Map<string, PredictItem | undefined>();

  const gen = (template: string, seed: number) => {
    const key = `${template}:${seed}`;
    if (!generated.has(key)) generated.set(key, generateQuestion(template, seed));
    return generated.get(key);
  };

  const predictRefs = Object.entries(scenarioFiles).flatMap(([id, json]) => predictableSteps(json as Record<string, unknown>).map((step) => predictRef(id, step)));

  const data: QuizData = {
    questions,
    templateIds: templates.map((t) => t.id),
    question(ref) {
      const r = parseRef(ref);
      if (r?.kind === 'bank') return byRef.get(ref);
      if (r?.kind === 'generated') return gen(r.template, r.seed)?.question;
      return undefined;
    },
    runHref(q) {
      if (q.origin.kind === 'generated') return gen(q.origin.template, q.origin.seed)?.href;
      return q.proof ? builtInScenarioHref(q.proof.scenario, proofStep(q)) : undefined;
    },
    predictRefs,
    predict(ref) {
      if (!predicted.has(ref)) {
        const r = parseRef(ref);
        let item: PredictItem | undefined;
        if (r?.kind === 'predict' && scenarioFiles[r.scenario]) item = builtInPredictItem(r.scenario, scenarioFiles[r.scenario], r.step);
        if (r?.kind === 'predict-generated') item = generatedPredictItem(r.template, r.seed);
        predicted.set(ref, item);
      }
      return predicted.get(ref);
    },
    practiceRef: (n, filter) => nextPracticeRef(questions, templates, n, filter),
    generatedTopics: new Set(templates.map((t) => t.topic)),
  };
  return data;
}
