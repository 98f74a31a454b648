export default function ClassroomPage() {
  return <h1>Classroom</h1>;
}
