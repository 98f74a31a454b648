import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SimulatorApp } from '@/components/simulator/SimulatorApp';
import { DRAFTS_KEY } from '@/lib/stores/drafts';
import { encodeShare } from '@/lib/simulator/share';
import { scenarioText, testIndex, useSimulatorPage } from './helpers';

// mermaid needs a real browser; the component test checks our wrapper, not mermaid.
vi.mock('@/components/diagram/mermaid.chunk', () => ({
  renderMermaid: vi.fn(async (source: string) => `<svg data-source-lines="${source.split('\n').length}"><text>diagram</text></svg>`),
}));

const outcomeLines = () => within(screen.getByRole('region', { name: 'Outcome' })).queryAllByRole('button').map((b) => b.textContent ?? '');

async function renderAt(url: string) {
  window.history.replaceState(null, '', url);
  render(<SimulatorApp index={testIndex()} />);
  await waitFor(() => expect(outcomeLines().length).toBeGreaterThan(0), { timeout: 5000 });
}

describe('SimulatorApp', () => {
  useSimulatorPage();

  it('opens ?scenario=<id>, runs it, and shows every outcome', { timeout: 20_000 }, async () => {
    await renderAt('/simulator/?scenario=cross-account-external-id');
    expect(outcomeLines()).toEqual([
      '1AssumeRoleno-external-idAccessDenied',
      '2AssumeRolewrong-external-idAccessDenied',
      '3AssumeRoleright-external-idCredentials issued, expires 2026-01-01T01:00:00Z',
      '4s3:GetObjectread-logsAllow',
    ]);
    expect(screen.getByRole('heading', { level: 2, name: 'A vendor role guarded by an ExternalId' })).toBeTruthy();
    for (const name of ['Play', 'Step forward', 'Step back', 'Restart', 'Share']) expect(screen.getByRole('button', { name })).toBeTruthy();
    // The diagram wrapper rendered the (mocked) SVG with a description
    await waitFor(() => expect(screen.getByRole('img', { name: /Sequence diagram of 4 steps/ })).toBeTruthy(), { timeout: 5000 });
  });

  it('re-runs at once when the form changes, and keeps the edit in My scenarios', { timeout: 20_000 }, async () => {
    await renderAt('/simulator/?scenario=cross-account-external-id');
    fireEvent.change(await screen.findByLabelText('ExternalId'), { target: { value: 'Cust-7f3a9c21' } });
    expect(outcomeLines()[0]).toContain('Credentials issued');
    // The edit is a copy in My scenarios; the built-in is not overwritten
    const stored = JSON.parse(window.localStorage.getItem(DRAFTS_KEY)!) as { last: { kind: string; id: string }; mine: Record<string, { text: string; origin: unknown }> };
    expect(stored.last.kind).toBe('mine');
    expect(stored.mine[stored.last.id]!.text).toContain('"ExternalId": "Cust-7f3a9c21"');
    expect(stored.mine[stored.last.id]!.origin).toEqual({ kind: 'builtin', id: 'cross-account-external-id' });
    expect(screen.getByText(/saved in this browser/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the original' }).getAttribute('href')).toBe('/simulator/?scenario=cross-account-external-id');
  });

  it('steps with the player buttons and the keyboard, and plays gate by gate', { timeout: 20_000 }, async () => {
    await renderAt('/simulator/?scenario=cross-account-external-id');
    const player = screen.getByRole('group', { name: 'Playback' });
    fireEvent.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(player.textContent).toContain('Step 2 of 4');
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(player.textContent).toContain('Step 3 of 4');
    fireEvent.keyDown(document.body, { key: 'ArrowLeft' });
    expect(player.textContent).toContain('Step 2 of 4');
    // Keys typed into a field are not shortcuts
    fireEvent.keyDown(await screen.findByLabelText('ExternalId'), { key: 'ArrowRight' });
    expect(player.textContent).toContain('Step 2 of 4');

    vi.useFakeTimers();
    fireEvent.click(screen.getByRole('button', { name: 'Restart' }));
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    const live = document.querySelector('.trace[aria-live="polite"]')!;
    expect(live.querySelectorAll('li')).toHaveLength(0);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(600);
    });
    expect(live.querySelectorAll('li')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('opens a share link (#s=…)', async () => {
    const text = scenarioText('cross-account-external-id').replace('"RoleSessionName": "audit"\n      },', '"RoleSessionName": "audit",\n        "ExternalId": "Cust-7f3a9c21"\n      },');
    await renderAt(`/simulator/#s=${encodeShare(text)}`);
    expect(outcomeLines()[0]).toContain('Credentials issued');
    expect(screen.getByText(/My scenarios: “A vendor role guarded by an ExternalId” \(opened from a link\)/)).toBeTruthy();
    // The address now names the new entry, so a reload does not add it again
    expect(window.location.search).toMatch(/^\?mine=/);
  });

  it('lists validation problems at their line, underlines them in the editor, and keeps the text', { timeout: 20_000 }, async () => {
    // Given a shared scenario whose DurationSeconds is not a number
    const text = scenarioText('cross-account-external-id').replace('"RoleSessionName": "audit"\n      },', '"RoleSessionName": "audit",\n        "DurationSeconds": "one hour"\n      },');
    window.history.replaceState(null, '', `/simulator/#s=${encodeShare(text)}`);
    render(<SimulatorApp index={testIndex()} />);
    // Then the problem is listed with its line and path, and nothing runs
    const problem = await screen.findByRole('button', { name: /Line \d+ steps\[0\]\.params\.DurationSeconds/ }, { timeout: 5000 });
    await waitFor(() => expect(screen.getByRole('region', { name: 'Outcome' }).textContent).toMatch(/No outcome yet: the scenario has a problem/));
    // And choosing it opens the JSON editor with the value underlined
    fireEvent.click(problem);
    await waitFor(() => expect(document.querySelector('.cm-lintRange-error')?.textContent).toBe('"one hour"'), { timeout: 5000 });
    expect(document.querySelector('.cm-content')?.getAttribute('aria-label')).toBe('Scenario JSON');
    // And the form says what is wrong and fixes it: a number makes the scenario valid again
    fireEvent.click(screen.getByRole('tab', { name: 'Form' }));
    expect(screen.getByText('The JSON has "one hour", which is not a number of seconds.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('DurationSeconds'), { target: { value: '900' } });
    await waitFor(() => expect(outcomeLines()[0]).toContain('AccessDenied'));
    expect(screen.queryByText(/problem in the scenario/)).toBeNull();
  });

  it('imports a dropped file, and refuses a broken one without losing the current scenario', async () => {
    await renderAt('/simulator/?scenario=cross-account-external-id');
    const root = document.querySelector('.sim') as HTMLElement;
    const drop = (name: string, body: string) => {
      const file = new File([body], name, { type: 'application/json' });
      fireEvent.dragOver(root, { dataTransfer: { types: ['Files'], files: [file] } });
      fireEvent.drop(root, { dataTransfer: { types: ['Files'], files: [file] } });
    };
    // A broken file: a located error, and the scenario is as it was
    drop('broken.json', '{\n  "format": "sts-scenario/v1",\n  "id": oops\n}');
    await screen.findByText('broken.json is not valid JSON at line 3, column 9. Nothing was changed: your scenario is as it was.');
    expect(outcomeLines()[0]).toContain('AccessDenied');
    // get-user output joins the world
    drop('alice.json', JSON.stringify({ User: { UserName: 'alice', UserId: 'AIDAALICEEXAMPLE00001', Arn: 'arn:aws:iam::111111111111:user/alice' } }));
    await screen.findByText('alice.json: Added user alice (account 111111111111).');
    expect(screen.getByRole('option', { name: 'User alice (111111111111)' })).toBeTruthy();
    // A valid scenario file opens
    drop('mine.json', scenarioText('role-chaining-one-hour'));
    await screen.findByText('Opened mine.json.');
    expect(screen.getByText(/\(imported from mine\.json\)/)).toBeTruthy();
  });

  it('reopens the last scenario on a plain /simulator/ visit, fetching a built-in one afresh', async () => {
    // Given the reader last looked at an older, unedited copy of a built-in scenario
    const old = scenarioText('cross-account-external-id').replace('A vendor role guarded by an ExternalId', 'An old title');
    const source = { kind: 'builtin', id: 'cross-account-external-id' };
    window.localStorage.setItem(DRAFTS_KEY, JSON.stringify({ version: 1, last: 'builtin:cross-account-external-id', drafts: { 'builtin:cross-account-external-id': { source, original: old, text: old, savedAt: 1 } } }));
    // When they come back to /simulator/
    await renderAt('/simulator/');
    // Then the current file is shown, and the URL names it
    expect(await screen.findByRole('heading', { level: 2, name: 'A vendor role guarded by an ExternalId' })).toBeTruthy();
    expect(window.location.search).toBe('?scenario=cross-account-external-id');
  });
});
