import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
