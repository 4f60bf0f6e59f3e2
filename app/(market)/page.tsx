export default function HomePage() {
  return <h1>Trova</h1>;
}
