import { topicLabels, topics, type Topic } from '@/lib/quiz/topics';

/** The "Topic" field of practice and exam setup: all topics, or one. `''` means all. */
export function TopicField({ id, value, onChange }: { id: string; value: Topic | ''; onChange: (topic: Topic | '') => void }) {
  return (
    <div className="quiz-field">
      <label htmlFor={id}>Topic</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as Topic | '')}>
        <option value="">All topics</option>
        {topics.map((t) => (
          <option key={t} value={t}>
            {topicLabels[t]}
          </option>
        ))}
      </select>
    </div>
  );
}
