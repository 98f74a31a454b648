import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PredictRunner } from '@/components/quiz/PredictRunner';
import { builtInPredictItem } from '@/lib/quiz/predict';
import { readQuizFiles } from '@/lib/content/quizFiles';

const { scenarios: scenarioFiles } = readQuizFiles();

afterEach(cleanup);

describe('PredictRunner', () => {
  it('hides the answer until the learner commits, then shows the trace and grades it', () => {
    const item = builtInPredictItem('role-chaining-one-hour', scenarioFiles['role-chaining-one-hour'], 'chain-2h')!;
    const onGraded = vi.fn();
    render(<PredictRunner item={item} label="Step 1: what happens?" onGraded={onGraded} onNext={() => undefined} />);
    // Before: no trace, no scenario title
    expect(screen.queryByText('The trace')).toBeNull();
    expect(screen.queryByText(/Role chaining is capped/)).toBeNull();
    const commit = screen.getByRole('button', { name: 'Commit and run' }) as HTMLButtonElement;
    expect(commit.disabled).toBe(true);
    // When the learner picks "Fails: ValidationError" and "Session duration limits" by keyboard
    const vIndex = item.verdicts.findIndex((v) => v.kind === 'error' && v.code === 'ValidationError');
    const gIndex = item.gates.indexOf('duration');
    fireEvent.keyDown(document.body, { key: String(vIndex + 1) });
    fireEvent.keyDown(document.body, { key: String.fromCharCode(97 + gIndex) });
    fireEvent.keyDown(document.body, { key: 'Enter' });
    // Then it is graded right and the trace appears
    expect(onGraded).toHaveBeenCalledWith(true, 'medium');
    expect(screen.getByText('The trace')).toBeTruthy();
    expect(screen.getByText(/1 hour session limit|one hour|3600/i, { selector: '.quiz-trace__reason' })).toBeTruthy();
    expect(screen.getByText(/Role chaining is capped/)).toBeTruthy();
  });

  it('counts a wrong deciding check as a miss', () => {
    const item = builtInPredictItem('cross-account-external-id', scenarioFiles['cross-account-external-id'], 'no-external-id')!;
    const onGraded = vi.fn();
    render(<PredictRunner item={item} label="Step" onGraded={onGraded} onNext={() => undefined} />);
    fireEvent.click(screen.getByRole('radio', { name: /Fails: AccessDenied/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Session duration limits' }));
    fireEvent.click(screen.getByRole('button', { name: 'Commit and run' }));
    expect(onGraded).toHaveBeenCalledWith(false, 'medium');
    expect(screen.getByText('Deciding check: wrong', { exact: false })).toBeTruthy();
  });
});
