import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Builder } from '@/components/classroom/Builder';
import { GateStepper } from '@/components/classroom/GateStepper';
import { HelpOverlay } from '@/components/classroom/HelpOverlay';
import { keyAction } from '@/components/classroom/keys';
import { LabView, QuestionView } from '@/components/classroom/SlideView';
import { parseLab } from '@/lib/labs/check';
import { labDigest } from '@/lib/lessons/labDigest';
import { simulate } from '@/lib/engine';
import { builtInLessons } from '@/lib/lessons/builtin';
import { makeDigest, toCatalogEntry } from '@/lib/lessons/digest';
import { DRAFT_KEY } from '@/lib/lessons/draft';
import { type QuestionSlide, type ScenarioSlide } from '@/lib/lessons/schema';

const sim = simulate(readFileSync(path.join(process.cwd(), 'content/scenarios/cross-account-external-id.json'), 'utf8'), { fixes: false });
if (!sim.ok) throw new Error('scenario invalid');
const digest = makeDigest(sim);
const slide: ScenarioSlide = { kind: 'scenario', scenario: digest.id, steps: ['no-external-id', 'right-external-id'] };

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

describe('GateStepper', () => {
  it('shows the call first, then one more check per reveal, then the AWS error', () => {
    // Given the first step, nothing revealed
    const { rerender } = render(<GateStepper slide={slide} digest={digest} missing={false} reveal={0} />);
    expect(screen.getByText('AssumeRole')).toBeTruthy();
    expect(screen.getByText('Trust policy of VendorAudit')).toBeTruthy();
    expect(screen.queryAllByText(/passed|failed/)).toHaveLength(0);
    // When two checks are revealed
    rerender(<GateStepper slide={slide} digest={digest} missing={false} reveal={2} />);
    expect(screen.getByText(/Checks: 2 of \d+ shown/)).toBeTruthy();
    expect(screen.getByText('authenticate')).toBeTruthy();
    // Then, at the step's last reveal, the outcome is the AWS error
    const n = digest.steps[0]!.trace.length;
    rerender(<GateStepper slide={slide} digest={digest} missing={false} reveal={n + 1} />);
    expect(screen.getByText('AccessDenied')).toBeTruthy();
    expect(screen.getByText(/is not authorized to perform: sts:AssumeRole/)).toBeTruthy();
    // And the next step starts fresh, with the first one summarised
    rerender(<GateStepper slide={slide} digest={digest} missing={false} reveal={n + 2} />);
    expect(within(screen.getByRole('list', { name: 'Earlier steps' })).getByText('AccessDenied')).toBeTruthy();
    expect(screen.getByText('right-external-id')).toBeTruthy();
  });

  it('keeps the newest check whole (also beside the outcome) and the trust policy in a named, focusable scroll region', () => {
    // The second step succeeds, so its last check is a pass that used to be clipped once the outcome showed.
    const byId = (id: string) => digest.steps.find((st) => st.id === id)!;
    const first = byId('no-external-id').trace.length + 2;
    const n = byId('right-external-id').trace.length;
    render(<GateStepper slide={slide} digest={digest} missing={false} reveal={first + n + 1} />);
    const gates = screen.getAllByRole('listitem').filter((li) => li.classList.contains('cr-gate'));
    expect(gates).toHaveLength(n);
    expect(gates.at(-1)!.className).toContain('cr-gate--newest');
    expect(gates.at(-1)!.className).not.toContain('cr-gate--past');
    expect(gates.slice(0, -1).every((g) => g.className.includes('cr-gate--past'))).toBe(true);
    const policy = screen.getByRole('region', { name: /^Trust policy of VendorAudit/ });
    expect(policy.tabIndex).toBe(0);
    expect(policy.textContent?.trim().endsWith('}')).toBe(true);
  });

  it('says so when a scenario cannot be loaded', () => {
    render(<GateStepper slide={slide} digest={undefined} missing reveal={0} />);
    expect(screen.getByText(/could not be loaded/)).toBeTruthy();
  });
});

describe('QuestionView', () => {
  const q = builtInLessons[0]!.slides.find((s): s is QuestionSlide => s.kind === 'question')!;

  it('holds the answer until revealed', () => {
    const { rerender } = render(<QuestionView slide={q} revealed={false} />);
    expect(screen.queryByText(/the answer/)).toBeNull();
    expect(screen.getByText(/Predict, then reveal/)).toBeTruthy();
    rerender(<QuestionView slide={q} revealed />);
    expect(screen.getByText(/— the answer/).closest('li')?.textContent).toContain(q.options[q.answer]!.text);
  });

  it('lets a student predict, then tells them whether they were right', () => {
    let choice: number | undefined;
    const { rerender } = render(<QuestionView slide={q} revealed={false} choice={choice} onChoose={(i) => (choice = i)} />);
    const wrong = (q.answer + 1) % q.options.length;
    fireEvent.click(screen.getAllByRole('radio')[wrong]!);
    rerender(<QuestionView slide={q} revealed choice={choice} onChoose={() => undefined} />);
    expect(screen.getByText(/Not quite: the answer is/)).toBeTruthy();
  });
});

// Issue #14: a lab on a slide for the room to solve; hints, then the solution, one reveal at a time.
describe('LabView', () => {
  const file = parseLab(readFileSync(path.join(process.cwd(), 'content/labs/cross-account-external-id.json'), 'utf8'));
  if (!file.ok) throw new Error('lab invalid');
  const lab = labDigest(file.lab);

  it('shows the idea, goal and briefing with a link to solve it, then the hints one by one, then the solution', () => {
    const { rerender } = render(<LabView lab={lab} reveal={0} missing={false} mode="present" />);
    expect(screen.getByText(lab.idea)).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(lab.goal);
    expect(screen.getByRole('link', { name: /\/labs\/cross-account-external-id\/$/ }).getAttribute('href')).toBe('/labs/cross-account-external-id/');
    expect(screen.queryByRole('list', { name: 'Hints' })).toBeNull();
    rerender(<LabView lab={lab} reveal={1} missing={false} mode="present" />);
    expect(within(screen.getByRole('list', { name: 'Hints' })).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'Solution' })).toBeNull();
    rerender(<LabView lab={lab} reveal={lab.hints.length + 1} missing={false} mode="present" />);
    expect(within(screen.getByRole('list', { name: 'Hints' })).getAllByRole('listitem')).toHaveLength(lab.hints.length);
    expect(screen.getByRole('heading', { name: 'Solution' })).toBeTruthy();
    expect(screen.getByText(lab.solution[0]!.path)).toBeTruthy();
  });

  it('says so when the lab could not be loaded', () => {
    render(<LabView lab={undefined} reveal={0} missing mode="audience" />);
    expect(screen.getByText('This lab could not be loaded.')).toBeTruthy();
  });
});

describe('keyboard map', () => {
  it.each([
    ['ArrowRight', 'next'],
    [' ', 'next'],
    ['PageDown', 'next'],
    ['ArrowLeft', 'back'],
    ['r', 'reveal'],
    ['Enter', 'reveal'],
    ['a', 'revealAll'],
    ['A', 'revealAll'],
    ['p', 'notes'],
    ['b', 'blank'],
    ['f', 'fullscreen'],
    ['?', 'help'],
    ['Escape', 'escape'],
  ])('%j → %s', (key, action) => {
    expect(keyAction({ key, target: document.body })).toBe(action);
  });

  it('leaves typing and focused buttons alone', () => {
    const input = document.createElement('input');
    const button = document.createElement('button');
    expect(keyAction({ key: 'ArrowRight', target: input })).toBeUndefined();
    expect(keyAction({ key: ' ', target: button })).toBeUndefined();
    expect(keyAction({ key: 'Enter', target: button })).toBeUndefined();
    expect(keyAction({ key: 'ArrowRight', target: button })).toBe('next');
    expect(keyAction({ key: 'r', ctrlKey: true, target: document.body })).toBeUndefined();
  });
});

describe('HelpOverlay', () => {
  it('is a labelled dialog that takes focus and closes', () => {
    let open = true;
    render(<HelpOverlay open={open} onClose={() => (open = false)} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard' });
    expect(within(dialog).getByText(/Blank the screen/)).toBeTruthy();
    const close = screen.getByRole('button', { name: 'Close (Esc)' });
    expect(document.activeElement).toBe(close);
    fireEvent.click(close);
    expect(open).toBe(false);
  });
});

describe('Builder', () => {
  const catalog = [toCatalogEntry(digest)];
  beforeEach(() => window.localStorage.clear());

  it('adds and reorders slides from the keyboard, and keeps the draft', async () => {
    render(<Builder catalog={catalog} lessons={builtInLessons} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    expect(screen.getByRole('listitem', { name: /Slide 2, Question/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Move slide 2 up' }));
    expect(screen.getByRole('listitem', { name: /Slide 1, Question/ })).toBeTruthy();
    expect(screen.getByTestId('status-out').textContent).toBe('Slide 2 moved to position 1.');
    await waitFor(() => expect(JSON.parse(window.localStorage.getItem(DRAFT_KEY) ?? '{}').slides[0].kind).toBe('question'));
  });

  it('adds a lab slide and lets the teacher pick the lab from the list', async () => {
    const labs = [
      { id: 'cross-account-both-sides', title: 'Both sides must say yes' },
      { id: 'cross-account-external-id', title: "Fix it without weakening it: the vendor's ExternalId" },
    ];
    render(<Builder catalog={catalog} lessons={builtInLessons} labs={labs} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add lab' }));
    expect(screen.getByRole('listitem', { name: 'Slide 2, Lab: cross-account-both-sides' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Lab' }), { target: { value: 'cross-account-external-id' } });
    await waitFor(() => expect(JSON.parse(window.localStorage.getItem(DRAFT_KEY) ?? '{}').slides[1]).toEqual({ kind: 'lab', lab: 'cross-account-external-id' }));
  });

  it('refuses an invalid file with located errors and keeps the draft', async () => {
    render(<Builder catalog={catalog} lessons={builtInLessons} />);
    fireEvent.change(screen.getByLabelText('Lesson title'), { target: { value: 'Keep me' } });
    const bad = new File(['{"format":"sts-lesson/v1","id":"x","title":"T","summary":"S","slides":[{"kind":"question","stem":"Q","options":[{"text":"a"}],"answer":3,"explanation":"E"}]}'], 'bad.json', { type: 'application/json' });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Lesson file to import'), { target: { files: [bad] } });
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your draft is unchanged');
    expect(alert.textContent).toContain('slides[0].options: give at least two options');
    expect(alert.textContent).toContain('slides[0].answer: there is no option 3');
    expect((screen.getByLabelText('Lesson title') as HTMLInputElement).value).toBe('Keep me');
  });

  it('asks in the page before "New empty lesson" replaces an edited draft; Keep, Escape and Undo bring it back', async () => {
    render(<Builder catalog={catalog} lessons={builtInLessons} />);
    const title = () => (screen.getByLabelText('Lesson title') as HTMLInputElement).value;
    // A fresh draft is replaced at once (nothing to lose), with an Undo
    fireEvent.click(screen.getByRole('button', { name: 'New empty lesson' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // Given an edited draft
    fireEvent.change(screen.getByLabelText('Lesson title'), { target: { value: 'Trust basics' } });
    // When the teacher presses "New empty lesson", the draft stays and they are asked, focus on the safe choice
    fireEvent.click(screen.getByRole('button', { name: 'New empty lesson' }));
    const ask = screen.getByRole('alertdialog', { name: 'Replace your draft?' });
    expect(ask.textContent).toContain('“Trust basics”');
    expect(title()).toBe('Trust basics');
    await waitFor(() => expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Keep my draft' })));
    // Escape keeps the draft and returns focus to the button
    fireEvent.keyDown(ask, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(title()).toBe('Trust basics');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New empty lesson' })));
    // "Copy into the draft" asks too; confirming replaces, and Undo brings the edited draft back
    fireEvent.click(screen.getByRole('button', { name: 'Copy into the draft' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Replace the draft' }));
    expect(title()).toBe(builtInLessons[0]!.title);
    expect(screen.getByTestId('status-lesson').textContent).toContain('Copied');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(title()).toBe('Trust basics');
    expect(screen.getByTestId('status-lesson').textContent).toBe('Undone: your earlier draft is back.');
    // An untouched copy of a ready lesson is replaced without asking
    fireEvent.click(screen.getByRole('button', { name: 'Copy into the draft' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Replace the draft' }));
    fireEvent.click(screen.getByRole('button', { name: 'New empty lesson' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(title()).toBe('My lesson');
  });

  it('names the starting text still in a valid lesson instead of calling it complete, and links straight to presenting', () => {
    render(<Builder catalog={catalog} lessons={builtInLessons} />);
    const starter = screen.getByTestId('starter-text');
    expect(starter.textContent).toContain('Lesson title');
    expect(starter.textContent).toContain('Slide 1 (note): title and text');
    expect(screen.queryByText(/complete|Ready to present/)).toBeNull();
    expect(screen.getByLabelText('Short name for links (lowercase-with-dashes)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Present this lesson' }).getAttribute('href')).toMatch(/\/classroom\/present\/#lesson=[A-Za-z0-9_-]+$/);
    // Once the teacher has written their own text, it is ready
    fireEvent.change(screen.getByLabelText('Lesson title'), { target: { value: 'Trust basics' } });
    fireEvent.change(screen.getByLabelText('Lesson summary'), { target: { value: 'Who may assume a role.' } });
    fireEvent.change(screen.getByLabelText('Slide title'), { target: { value: 'Two doors' } });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'Both sides must allow.' } });
    expect(screen.queryByTestId('starter-text')).toBeNull();
    expect(screen.getByText('Ready to present: 1 slide.')).toBeTruthy();
  });

  it('makes a share link that carries the lesson', async () => {
    render(<Builder catalog={catalog} lessons={builtInLessons} />);
    fireEvent.click(screen.getByRole('button', { name: 'Make a share link' }));
    const link = (screen.getByLabelText(/Share link/) as HTMLInputElement).value;
    expect(link).toMatch(/\/classroom\/present\/#lesson=[A-Za-z0-9_-]+$/);
    const { decodeLesson } = await import('@/lib/lessons/link');
    const r = decodeLesson(link.split('#lesson=')[1]!);
    expect(r.ok && r.value.title).toBe('My lesson');
  });
});
