import { describe, expect, it } from 'vitest';
import { lockedMermaidKeys, stripDirectives } from '@/components/diagram/sanitize';

describe('mermaid receives only text without directives', () => {
  it.each([
    ['a directive in a message (a RoleSessionName)', 'sequenceDiagram\n  A->>B: AssumeRole %%{init: {"themeCSS": "@import url(https://evil.example/x.css);"}}%% done', 'sequenceDiagram\n  A->>B: AssumeRole  done'],
    ['a directive across lines', 'sequenceDiagram\n%%{\ninit: {"themeCSS": "x"}\n}%%\n  A->>B: hi', 'sequenceDiagram\n\n  A->>B: hi'],
    // What is left has no directive opening, so mermaid reads it as text
    ['a directive hidden inside another', 'sequenceDiagram\n  A->>B: %%{%%{x}%%init: {"themeCSS":"y"}}%%', 'sequenceDiagram\n  A->>B: init: {"themeCSS":"y"}}%%'],
    ['an unclosed directive', 'sequenceDiagram\n  A->>B: %%{init: ', 'sequenceDiagram\n  A->>B: init: '],
    ['front matter with a config', '---\nconfig:\n  themeCSS: "x"\n---\nsequenceDiagram\n  A->>B: hi', 'sequenceDiagram\n  A->>B: hi'],
    ['plain text and comments', 'sequenceDiagram\n  %% a comment\n  A->>B: 100%% sure', 'sequenceDiagram\n  %% a comment\n  A->>B: 100%% sure'],
  ])('strips %s', (_name, source, expected) => {
    expect(stripDirectives(source)).toBe(expected);
    expect(stripDirectives(source)).not.toMatch(/%%\s*\{/);
  });

  it('locks the keys that carry CSS and the security level against any directive', () => {
    for (const key of ['securityLevel', 'themeCSS', 'fontFamily', 'themeVariables', 'secure']) expect(lockedMermaidKeys).toContain(key);
  });
});
