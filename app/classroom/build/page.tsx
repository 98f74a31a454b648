export default function Page() {
  return <h1>Build a lesson</h1>;
}
