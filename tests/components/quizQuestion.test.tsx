import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuestionCard } from '@/components/quiz/QuestionCard';
import { QuestionRunner } from '@/components/quiz/QuestionRunner';
import { answerKeys, displayOptions } from '@/lib/quiz/display';
import type { Question } from '@/lib/quiz/types';

function question(kind: 'single' | 'multiple', correct: string[]): Question {
  return {
    id: `test-${kind}`,
    kind,
    stem: kind === 'single' ? 'Which call needs no AWS credentials?' : 'Which two calls need no AWS credentials? (Select TWO.)',
    exhibits: [{ title: 'Trust policy', json: { Version: '2012-10-17' } }],
    options: [
      { id: 'a', text: 'AssumeRoleWithSAML', correct: correct.includes('a'), explanation: 'The SAML assertion authenticates the caller.' },
      { id: 'b', text: 'AssumeRole', correct: correct.includes('b'), explanation: 'AssumeRole must be signed.' },
      { id: 'c', text: 'AssumeRoleWithWebIdentity', correct: correct.includes('c'), explanation: 'The OIDC token authenticates the caller.' },
      { id: 'd', text: 'GetSessionToken', correct: correct.includes('d'), explanation: 'It needs long-term credentials.' },
    ],
    topic: 'sts-basics',
    note: 'sts-basics#signing-and-authentication',
    domain: 'saa-secure-architectures',
    difficulty: 1,
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts-comparison.html',
    origin: { kind: 'bank' },
  };
}

afterEach(cleanup);

describe('QuestionCard', () => {
  it('uses radio buttons for single response, in a labelled group, with the exhibit', () => {
    render(<QuestionCard question={question('single', ['a'])} label="Question 1 of 3" selected={[]} onChange={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Question 1 of 3' })).toBeTruthy();
    const group = screen.getByRole('group', { name: 'Choose one answer' });
    expect(within(group).getAllByRole('radio')).toHaveLength(4);
    expect(screen.getByText('Trust policy')).toBeTruthy();
  });

  it('uses checkboxes for multiple response and says how many to choose', () => {
    const onChange = vi.fn();
    render(<QuestionCard question={question('multiple', ['a', 'c'])} label="Q" selected={['a']} onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'Choose two answers' });
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes).toHaveLength(4);
    fireEvent.click(screen.getByRole('checkbox', { name: /AssumeRoleWithWebIdentity/ }));
    expect(onChange).toHaveBeenCalledWith(['a', 'c']);
  });

  it('reveals why each option is right or wrong, in words (not only colour)', () => {
    render(<QuestionCard question={question('single', ['a'])} label="Q" selected={['b']} onChange={() => undefined} reveal />);
    expect(screen.getByText(/Correct answer\./)).toBeTruthy();
    expect(screen.getByText(/Your choice, not correct\./)).toBeTruthy();
    expect(screen.getByText(/AssumeRole must be signed/)).toBeTruthy();
    for (const r of screen.getAllByRole('radio')) expect((r as HTMLInputElement).disabled).toBe(true);
  });
});

describe('QuestionRunner', () => {
  it('answers with the keyboard: a number chooses, S says fairly sure, Enter submits, Enter goes on', () => {
    const q = question('single', ['a']);
    const onAnswered = vi.fn();
    const onNext = vi.fn();
    render(<QuestionRunner question={q} label="Practice question 1" onAnswered={onAnswered} onNext={onNext} runHref="/simulator/?scenario=x" />);
    const rightIndex = displayOptions(q).findIndex((o) => o.correct);
    // When the learner presses the number of the right option, S for "fairly sure", then Enter
    fireEvent.keyDown(document.body, { key: String(rightIndex + 1) });
    expect((screen.getAllByRole('radio')[rightIndex] as HTMLInputElement).checked).toBe(true);
    fireEvent.keyDown(document.body, { key: 's' });
    expect((screen.getByRole('radio', { name: 'Fairly sure' }) as HTMLInputElement).checked).toBe(true);
    act(() => {
      fireEvent.keyDown(document.body, { key: 'Enter' });
    });
    // Then the answer is graded with the confidence they gave, and announced
    expect(onAnswered).toHaveBeenCalledWith(true, 'medium');
    expect(screen.getByText(`Correct. The answer is ${answerKeys(q).join(' and ')}.`, { selector: '[aria-live]' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Run it in the simulator' }).getAttribute('href')).toBe('/simulator/?scenario=x');
    expect(screen.getByRole('link', { name: 'Read the study note' }).getAttribute('href')).toBe('/notes/sts-basics/#signing-and-authentication');
    // And Enter moves on
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(onNext).toHaveBeenCalledTimes(1);
  });

  it('letters choose too, the confidence is sent, and a wrong answer says so', () => {
    const q = question('single', ['a']);
    const onAnswered = vi.fn();
    render(<QuestionRunner question={q} label="Q" onAnswered={onAnswered} onNext={() => undefined} />);
    const wrongIndex = displayOptions(q).findIndex((o) => !o.correct);
    fireEvent.keyDown(document.body, { key: String.fromCharCode(97 + wrongIndex) });
    fireEvent.click(screen.getByRole('radio', { name: 'Certain' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    expect(onAnswered).toHaveBeenCalledWith(false, 'high');
    expect(screen.getByText(/^Not quite\./, { selector: '[aria-live]' })).toBeTruthy();
  });

  it('has no default confidence: Enter without one does not grade, and says how to give it', () => {
    const onAnswered = vi.fn();
    render(<QuestionRunner question={question('single', ['a'])} label="Q" onAnswered={onAnswered} onNext={() => undefined} />);
    for (const c of ['Guessing', 'Fairly sure', 'Certain']) expect((screen.getByRole('radio', { name: c }) as HTMLInputElement).checked, c).toBe(false);
    fireEvent.keyDown(document.body, { key: '1' });
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(onAnswered).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('Say how sure you are first: G, S or K.');
    // G and K give the other two levels
    fireEvent.keyDown(document.body, { key: 'g' });
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(onAnswered).toHaveBeenCalledWith(expect.any(Boolean), 'low');
  });

  it('takes exactly as many boxes as a "choose two" question asks for', () => {
    const q = question('multiple', ['a', 'c']);
    const onAnswered = vi.fn();
    render(<QuestionRunner question={q} label="Q" onAnswered={onAnswered} onNext={() => undefined} />);
    const submit = () => screen.getByRole('button', { name: 'Submit answer' }) as HTMLButtonElement;
    fireEvent.keyDown(document.body, { key: 'k' });
    // One box of two: not yet
    fireEvent.click(screen.getByRole('checkbox', { name: /AssumeRoleWithSAML/ }));
    expect(submit().disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Choose 2 answers (you have 1).');
    // Two boxes: it grades
    fireEvent.click(screen.getByRole('checkbox', { name: /AssumeRoleWithWebIdentity/ }));
    expect(submit().disabled).toBe(false);
    fireEvent.click(submit());
    expect(onAnswered).toHaveBeenCalledWith(true, 'high');
  });

  it('opens the simulator in a new tab, so the question and its explanation stay', () => {
    render(<QuestionRunner question={question('single', ['a'])} label="Q" onAnswered={() => undefined} onNext={() => undefined} runHref="/simulator/?scenario=x" />);
    fireEvent.keyDown(document.body, { key: 'a' });
    fireEvent.keyDown(document.body, { key: 's' });
    fireEvent.keyDown(document.body, { key: 'Enter' });
    const run = screen.getByRole('link', { name: /Run it in the simulator/ });
    expect(run.getAttribute('target')).toBe('_blank');
    expect(run.getAttribute('rel')).toContain('noopener');
  });

  it('does not submit without an answer, and ignores keys while typing', () => {
    const onAnswered = vi.fn();
    render(
      <>
        <input aria-label="notes" />
        <QuestionRunner question={question('single', ['a'])} label="Q" onAnswered={onAnswered} onNext={() => undefined} />
      </>,
    );
    fireEvent.keyDown(document.body, { key: 'Enter' });
    expect(onAnswered).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Submit answer' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'notes' }), { key: '1' });
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked && r.getAttribute('name')?.endsWith('-opt'))).toBe(false);
  });

  it('opens the keyboard help with ?', () => {
    render(<QuestionRunner question={question('single', ['a'])} label="Q" onAnswered={() => undefined} onNext={() => undefined} />);
    fireEvent.keyDown(document.body, { key: '?' });
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    expect(screen.getByText('Submit the answer, then go to the next question')).toBeTruthy();
  });
});
