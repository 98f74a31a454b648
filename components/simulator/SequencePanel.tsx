'use client';

import { useMemo } from 'react';
import { MermaidDiagram } from '@/components/diagram/MermaidDiagram';
import type { Scenario, StsResult } from '@/lib/engine';
import { participants, sequenceDiagram } from '@/lib/diagram/sequence';
import { useResolvedTheme } from './useTheme';

/** The height the diagram of a run with this many steps reserves while it loads (its placeholder's too). */
export function sequenceMinHeight(stepCount: number): number {
  return Math.min(720, 120 + stepCount * 110);
}

/** The scenario's calls as a mermaid sequence diagram, with the current step highlighted. */
export function SequencePanel({ scenario, result, current }: { scenario: Scenario; result: StsResult; current: number }) {
  const theme = useResolvedTheme();
  const highlight = theme === 'dark' ? 'rgba(130, 177, 255, 0.16)' : 'rgba(31, 95, 191, 0.12)';
  const source = useMemo(() => sequenceDiagram(scenario, result, { current, highlight }), [scenario, result, current, highlight]);
  const label = useMemo(() => {
    const names = participants(scenario, result).list.map((p) => p.label);
    return `Sequence diagram of ${result.steps.length} steps between ${names.join(', ')}; step ${current + 1} is highlighted. The step trace above says the same in text.`;
  }, [scenario, result, current]);
  return <MermaidDiagram source={source} theme={theme} label={label} minHeight={sequenceMinHeight(result.steps.length)} />;
}
