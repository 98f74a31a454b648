import type { ReactNode } from 'react';
import { deferredRuntimeScript } from '@/components/notes/deferredRuntime';
import './notes.css';

/**
 * Shell of the notes area. Without JavaScript, the search box and the diagram placeholders
 * are hidden (they need it); every note still reads in full. With it, the page's scripts load
 * on the first interaction or when a diagram comes near (components/notes/deferredRuntime.ts).
 */
export default function NotesLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <noscript>
        <style>{'.note-search,.diagram__canvas{display:none!important}'}</style>
      </noscript>
      <script dangerouslySetInnerHTML={{ __html: deferredRuntimeScript }} />
      {children}
    </>
  );
}
