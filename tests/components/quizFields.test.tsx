import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NothingDue } from '@/components/quiz/ReviewMode';
import { TopicField } from '@/components/quiz/TopicField';
import { topicLabels, topics } from '@/lib/quiz/topics';

afterEach(cleanup);

describe('TopicField', () => {
  it('is a labelled select with "All topics" first, then every topic by its label', () => {
    render(<TopicField id="t" value="" onChange={() => undefined} />);
    const select = screen.getByRole('combobox', { name: 'Topic' });
    const options = within(select).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['All topics', ...topics.map((t) => topicLabels[t])]);
    expect((select as HTMLSelectElement).value).toBe('');
  });

  it('reports the chosen topic, and "" for all topics', () => {
    const onChange = vi.fn();
    render(<TopicField id="t" value={topics[1]!} onChange={onChange} />);
    const select = screen.getByRole('combobox', { name: 'Topic' });
    fireEvent.change(select, { target: { value: topics[0] } });
    fireEvent.change(select, { target: { value: '' } });
    expect(onChange.mock.calls).toEqual([[topics[0]], ['']]);
  });
});

describe('NothingDue (review, empty)', () => {
  it('for a new learner: no dead end, links to practice and to an exam, no "Check again"', () => {
    render(<NothingDue total={0} onCheck={() => undefined} />);
    expect(screen.getByRole('heading', { name: 'Nothing is due' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Practise questions' }).getAttribute('href')).toMatch(/^\/quiz\/practice\/?$/);
    expect(screen.getByRole('link', { name: 'Take a timed exam' }).getAttribute('href')).toMatch(/^\/quiz\/exam\/?$/);
    expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();
  });

  it('with cards not yet due: says when the next one is, and still offers somewhere to go', () => {
    const onCheck = vi.fn();
    render(<NothingDue total={3} upcoming={Date.now() + 2 * 3600_000} onCheck={onCheck} />);
    expect(screen.getByText(/You have 3 cards\. The next one is due in 2 hours\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Practise questions' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Take a timed exam' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(onCheck).toHaveBeenCalledOnce();
  });

  it('takes focus when the learner has just finished the last due card', () => {
    render(<NothingDue total={1} onCheck={() => undefined} focusOnMount />);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Nothing is due' }));
  });
});
