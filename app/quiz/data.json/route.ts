import { readQuizFiles } from '@/lib/content/quizFiles';

// The quiz's content index as one static file, /quiz/data.json, built from content/ at build
// time: the quiz data chunk fetches it, so a new question or scenario file needs no code change.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(readQuizFiles());
}
