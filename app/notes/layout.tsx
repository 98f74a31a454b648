import type { ReactNode } from 'react';
import './notes.css';

/**
 * Shell of the notes area. Without JavaScript, the search box and the diagram placeholders
 * are hidden (they need it); every note still reads in full.
 */
export default function NotesLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <noscript>
        <style>{'.note-search,.diagram__canvas{display:none!important}'}</style>
      </noscript>
      {children}
    </>
  );
}
