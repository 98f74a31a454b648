import { describe, expect, it } from 'vitest';
import { builtInLessons } from '@/lib/lessons/builtin';
import { answeredTooSoon } from '@/lib/lessons/flow';
import { LESSON_FORMAT, type Lesson, type Slide } from '@/lib/lessons/schema';

// Issue #16: "don't ask the room a question whose answer the previous slide just showed".
const note = (text: string): Slide => ({ kind: 'note', title: 'N', text });
const scenario = (steps: string[], id = 'sc'): Slide => ({ kind: 'scenario', scenario: id, steps });
const question = (step: string | undefined, options = ['AccessDenied', 'ValidationError', 'Credentials'], answer = 0): Slide => ({
  kind: 'question',
  stem: 'What happens?',
  options: options.map((text, i) => ({ text, ...(i === answer ? { expect: { outcome: 'error' as const } } : {}) })),
  answer,
  explanation: 'Because.',
  ...(step ? { proof: { scenario: 'sc', step } } : {}),
});
const lesson = (...slides: Slide[]): Lesson => ({ format: LESSON_FORMAT, id: 'l', title: 'L', summary: 'S', slides });

describe('answeredTooSoon', () => {
  it.each([
    { name: 'a question about the step the scenario slide just showed', slides: [scenario(['a', 'b']), question('b')], problems: ['slide 2 asks about sc#b, which slide 1 already showed'] },
    { name: 'a question about a step shown several slides earlier', slides: [scenario(['a']), note('x'), question('a')], problems: ['slide 3 asks about sc#a, which slide 1 already showed'] },
    { name: 'a scenario slide that asks the room to predict the step a question just revealed', slides: [question('a'), scenario(['a', 'b'])], problems: ['slide 2 asks the room to predict sc#a again, right after question slide 1 revealed it'] },
    { name: 'a scenario slide walking through a step shown before', slides: [scenario(['a', 'b']), scenario(['b', 'c'])], problems: ['slide 2 walks through sc#b again, already shown on slide 1'] },
    { name: 'a question right after a note that states its answer', slides: [note('A wrong code is **AccessDenied**.'), question(undefined)], problems: ['slide 2\'s answer “AccessDenied” is stated on note slide 1, just before'] },
    // What the rules allow
    { name: 'predict first: a question about a step no slide has shown', slides: [scenario(['a']), question('b')], problems: [] },
    { name: 'the same step id in another scenario', slides: [scenario(['a'], 'other'), question('a')], problems: [] },
    { name: 'a note that names every option (it weighs them, it does not answer)', slides: [note('AccessDenied, ValidationError or Credentials?'), question(undefined)], problems: [] },
    { name: 'a question with no proof after a scenario', slides: [scenario(['a']), question(undefined)], problems: [] },
  ])('$name', ({ slides, problems }) => {
    expect(answeredTooSoon(lesson(...slides)).map((p) => p.message)).toEqual(problems);
  });
});

describe('every built-in lesson predicts before it reveals', () => {
  it.each(builtInLessons.map((l) => [l.id, l] as const))('%s', (_id, l) => {
    expect(answeredTooSoon(l).map((p) => p.message)).toEqual([]);
  });
});
